/**
 * The frame inspector: one frame's state now and every step that touched it (wrote its role,
 * flags or content, named it as an argument, or replaced it in a bulk step). Finding those steps
 * scans the whole change log, so the history of the last frame asked about is cached.
 */
import { kindInfo, Marks } from '../core';
import type { Run } from '../core';
import type { FrameHistoryEntry, FrameInspection } from '../protocol/messages';
import { ARR_REGS, changeArray, changeIndex, changeIndexAt } from './changes';
import type { Cursor } from './cursor';
import { narration } from './panels/text';

export const HISTORY_LIMIT = 500;

/** Steps (0-based step indexes, ascending) that touched `pfn`. */
export function stepsTouching(run: Run, pfn: number): number[] {
  const t = run.trace;
  const c = t.columns;
  const ch = t.changes;
  const out: number[] = [];
  const bulk = new Map(t.bulk.map((b) => [b.step, b]));
  for (let step = 0; step < t.steps; step++) {
    let hit = c.p0[step] === pfn || c.p1[step] === pfn || c.p2[step] === pfn;
    const b = bulk.get(step);
    if (!hit && b) {
      hit =
        b.before.role[pfn] !== b.after.role[pfn] ||
        b.before.flags[pfn] !== b.after.flags[pfn] ||
        b.before.content[pfn] !== b.after.content[pfn];
    }
    if (!hit) {
      const end = changeIndexAt(t, step + 1);
      for (let i = c.changeStart[step]; i < end; i++) {
        const w = ch[3 * i];
        if (changeIndex(w) === pfn && changeArray(w) !== ARR_REGS) {
          hit = true;
          break;
        }
      }
    }
    if (hit) out.push(step);
  }
  return out;
}

export class FrameInspector {
  private cached: { pfn: number; history: FrameHistoryEntry[]; total: number } | null = null;

  constructor(
    private readonly run: Run,
    private readonly savedPfn: Uint8Array,
  ) {}

  private history(pfn: number): { history: FrameHistoryEntry[]; total: number } {
    if (this.cached?.pfn === pfn) return this.cached;
    const steps = stepsTouching(this.run, pfn);
    const history = steps.slice(0, HISTORY_LIMIT).map((index) => ({
      index,
      functionName: kindInfo(this.run.trace.columns.line[index]).fn.name,
      narration: narration(this.run, index),
    }));
    this.cached = { pfn, history, total: steps.length };
    return this.cached;
  }

  inspect(cursor: Cursor, pfn: number): FrameInspection {
    const s = cursor.state;
    const zone = this.run.zones.find((z) => pfn >= z.start && pfn < z.end);
    const saved = this.savedPfn[pfn] === 1 || (s.flags[pfn] & Marks.IMAGE_PFN) !== 0;
    const { history, total } = this.history(pfn);
    return {
      pfn,
      zone: zone?.name ?? '',
      role: s.role[pfn],
      flags: s.flags[pfn],
      content: s.content[pfn],
      snapshotContent: saved ? this.run.trace.snapshotContent[pfn] : null,
      history,
      historyTotal: total,
    };
  }
}
