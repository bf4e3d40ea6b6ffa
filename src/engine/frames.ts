/**
 * The per-frame arrays the page draws (role, flags, match), whole or as a delta of the pfns that
 * changed between the page's state and the new one. Every array is freshly allocated so its
 * buffer can be transferred to the page without the engine losing its own state.
 *
 * `match` says whether a saved pfn holds its snapshot-time content. A pfn counts as saved while it
 * carries the IMAGE_PFN mark (suspend side from copy_data_pages() or save_highmem(), resume side
 * from mark_unsafe_pages()), and on the boot and restored side also whenever it was saved at
 * suspend, so the grid shows the saved pages' contents lost at power-off before the resume code
 * marks them again.
 */
import { Marks, Reg, Side } from '../core';
import type { Run } from '../core';
import type { FrameArrays, FrameDelta } from '../protocol/messages';
import { ARR_FLAGS, ARR_REGS, bulkSteps, changeArray, changeIndex, changeIndexAt } from './changes';
import type { Cursor } from './cursor';

export const MATCH_NONE = 0;
export const MATCH_SAME = 1;
export const MATCH_DIFFERENT = 2;

export interface FrameEncoderOptions {
  /** A delta may list at most this many changes (else the whole table is sent). */
  maxDeltaChanges?: number;
}

export class FrameEncoder {
  /** 1 for every pfn saved at suspend: copy_data_pages() sources and save_highmem() pages. */
  readonly savedPfn: Uint8Array;
  /** Every pfn whose match can be non-zero at some state, ascending. */
  private readonly candidates: Uint32Array;
  private readonly snapshot: Uint32Array;
  private readonly bulk: number[];
  /** 1 while a pfn is already listed in the delta being built (cleared after each delta). */
  private readonly seen: Uint8Array;
  private readonly maxDeltaChanges: number;

  constructor(
    private readonly run: Run,
    opts: FrameEncoderOptions = {},
  ) {
    const t = run.trace;
    this.savedPfn = new Uint8Array(t.frames);
    for (const pairs of [t.tables.copyPairs, t.tables.highmemSaves]) {
      for (let i = 0; i < pairs.length; i += 2) this.savedPfn[pairs[i]] = 1;
    }
    this.candidates = matchCandidates(run, this.savedPfn);
    this.snapshot = t.snapshotContent;
    this.bulk = bulkSteps(t);
    this.seen = new Uint8Array(t.frames);
    // A delta costs 7 bytes per pfn against 3 per frame for the whole table.
    this.maxDeltaChanges = opts.maxDeltaChanges ?? Math.max(64, Math.floor(t.frames / 4));
  }

  private matchOf(cursor: Cursor, pfn: number, afterBoot: boolean): number {
    const s = cursor.state;
    const saved = (s.flags[pfn] & Marks.IMAGE_PFN) !== 0 || (afterBoot && this.savedPfn[pfn]);
    if (!saved) return MATCH_NONE;
    return s.content[pfn] === this.snapshot[pfn] || !this.known(pfn) ? MATCH_SAME : MATCH_DIFFERENT;
  }

  /**
   * Whether the snapshot content of `pfn` is known yet. While the run is still being traced a
   * pfn marked for the image before copy_data_pages() has reached it has none yet and shows as
   * matching: in the 2006 models nothing writes a saveable page between the mark and the copy, so
   * that is exact; linux-6.12 marks earlier, and such a pfn may show as matching until the copy is
   * traced (the engine then sends the page a whole table).
   */
  private known(pfn: number): boolean {
    const k = this.run.trace.snapshotKnown;
    return !k || k[pfn] === 1;
  }

  private afterBoot(cursor: Cursor): boolean {
    return cursor.state.regs[Reg.side] !== Side.Suspend;
  }

  full(cursor: Cursor): FrameArrays {
    const s = cursor.state;
    const match = new Uint8Array(s.role.length);
    const afterBoot = this.afterBoot(cursor);
    const { flags, content } = s;
    const { candidates, savedPfn, snapshot } = this;
    for (let i = 0; i < candidates.length; i++) {
      const pfn = candidates[i];
      if (flags[pfn] & Marks.IMAGE_PFN || (afterBoot && savedPfn[pfn])) {
        match[pfn] =
          content[pfn] === snapshot[pfn] || !this.known(pfn) ? MATCH_SAME : MATCH_DIFFERENT;
      }
    }
    return { role: s.role.slice(), flags: s.flags.slice(), match };
  }

  /**
   * The frames that differ between state `from` and the cursor's state, or null when the whole
   * table is the better message (a bulk step in between, or too many changes).
   */
  delta(cursor: Cursor, from: number): FrameDelta | null {
    const t = this.run.trace;
    const lo = Math.min(from, cursor.pos);
    const hi = Math.max(from, cursor.pos);
    if (this.bulk.some((step) => step >= lo && step < hi)) return null;
    const first = changeIndexAt(t, lo);
    const end = changeIndexAt(t, hi);
    if (end - first > this.maxDeltaChanges) return null;
    const pfns = this.collect(first, end);
    const s = cursor.state;
    const afterBoot = this.afterBoot(cursor);
    const role = new Uint8Array(pfns.length);
    const flags = new Uint8Array(pfns.length);
    const match = new Uint8Array(pfns.length);
    for (let i = 0; i < pfns.length; i++) {
      const pfn = pfns[i];
      role[i] = s.role[pfn];
      flags[i] = s.flags[pfn];
      match[i] = this.matchOf(cursor, pfn, afterBoot);
    }
    return { pfns, role, flags, match };
  }

  /** Distinct frame indexes written by changes [first, end), in first-seen order. */
  private collect(first: number, end: number): Uint32Array {
    const ch = this.run.trace.changes;
    const seen = this.seen;
    const out: number[] = [];
    for (let c = first; c < end; c++) {
      const t = ch[3 * c];
      if (changeArray(t) === ARR_REGS) continue;
      const pfn = changeIndex(t);
      if (seen[pfn]) continue;
      seen[pfn] = 1;
      out.push(pfn);
    }
    for (const pfn of out) seen[pfn] = 0;
    return Uint32Array.from(out);
  }
}

/**
 * The pfns whose match can be non-zero: the saved ones, and any frame that carries IMAGE_PFN initially, in
 * a bulk image or after a recorded flag change. Computing `match` only for them keeps a full
 * table cheap on a machine where most frames are never saved.
 */
function matchCandidates(run: Run, savedPfn: Uint8Array): Uint32Array {
  const t = run.trace;
  const mark = savedPfn.slice();
  const images = [t.initial.flags, ...t.bulk.flatMap((b) => [b.before.flags, b.after.flags])];
  for (const flags of images) {
    for (let pfn = 0; pfn < flags.length; pfn++) if (flags[pfn] & Marks.IMAGE_PFN) mark[pfn] = 1;
  }
  const ch = t.changes;
  for (let c = 0; c < ch.length; c += 3) {
    if (changeArray(ch[c]) === ARR_FLAGS && ch[c + 2] & Marks.IMAGE_PFN)
      mark[changeIndex(ch[c])] = 1;
  }
  const out: number[] = [];
  for (let pfn = 0; pfn < mark.length; pfn++) if (mark[pfn]) out.push(pfn);
  return Uint32Array.from(out);
}
