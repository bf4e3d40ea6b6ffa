import type { FrameImage, FrameState } from '../state';
import { ARR_CONTENT, ARR_FLAGS, ARR_REGS, ARR_ROLE, INDEX_BITS, INDEX_MASK } from './arrays';

/**
 * A finished run: the initial state plus, per step, what the step changed. Steps are stored column
 * by column in typed arrays; step i's changes are `changes[3*changeStart[i] ..]` up to the next
 * step's start, as (target, before, after) triples. Because each change keeps both values, state
 * moves forward and backward through any step in time proportional to what that step touched.
 */
export interface StepColumns {
  /**
   * The step's kind id (source/catalogue.ts): the kind names the model, the kernel function, the
   * pseudocode line and what the other columns mean.
   */
  line: Uint16Array;
  phase: Uint8Array;
  /** Up to three frame arguments of the step, as its kind names them (-1 = none). */
  p0: Int32Array;
  p1: Int32Array;
  p2: Int32Array;
  /** Two number arguments of the step, as its kind names them (counts, cases, indexes). */
  n0: Int32Array;
  n1: Int32Array;
  changeStart: Int32Array;
}

export interface BulkChange {
  step: number;
  before: FrameImage;
  after: FrameImage;
}

export interface BitmapBlock {
  startPfn: number;
  endPfn: number;
  /** Number of 32-bit chunks in use. */
  size: number;
  dataPfn: number;
}
export interface BitmapZone {
  name: string;
  startPfn: number;
  endPfn: number;
  blocks: BitmapBlock[];
}
/** One memory_bm_create() result: the real 2006 structure, with the frames it lives in. */
export interface BitmapInstance {
  id: number;
  /** orig_bm, copy_bm or safe_highmem_bm (the copy_bm object reused). */
  name: string;
  side: number;
  safeNeeded: boolean;
  zones: BitmapZone[];
  chainPfns: number[];
  /** Global block index → zone index, for decoding bm_position registers. */
  blockZone: number[];
  /**
   * linux-6.12 radix-tree bitmaps: per extent (`zones`, whose `blocks` are the leaves) the tree's
   * levels and its inner-node pages in allocation order. Absent for the 2006 bitmaps.
   */
  rtree?: { levels: number; nodePfns: number[] }[];
}

export interface ImagePage {
  kind: 'header' | 'meta' | 'data';
  /** Data page: the original pfn it belongs to. Meta page: its first pfn index. */
  pfn: number;
  /** The frame the page was read from when written (a copy, or `buffer`). */
  from: number;
  content: number;
}

export interface Tables {
  copyPairs: Int32Array; // (src, dst) pairs in copy order
  lowPbes: Int32Array; // (orig, copy) in push order; restore_pblist is this reversed
  highPbes: Int32Array; // (orig, copy)
  safePages: Int32Array; // safe_pages_list pushes, in push order
  spList: Int32Array;
  directPfns: Int32Array; // load order
  image: ImagePage[];
  log: string[];
  bitmaps: BitmapInstance[];
  /** Legacy model: (highmem pfn, lowmem copy pfn) pairs of save_highmem, in order. */
  highmemSaves: Int32Array;
  /**
   * How lowPbes maps to restore_pblist: 'lifo' (2.6.20, pushed at the head: the list is lowPbes
   * reversed) or 'fifo' (2.6.17, linked in load order: the list is lowPbes as is). A copy of -1
   * is a legacy PBE whose address is 0.
   */
  pbeListOrder: 'lifo' | 'fifo';
}

export interface Trace {
  frames: number;
  steps: number;
  initial: FrameState;
  columns: StepColumns;
  changes: Int32Array;
  bulk: BulkChange[];
  tables: Tables;
  /** Suspend-time content of every saved pfn (0 elsewhere) and which pfns were saved. */
  snapshotContent: Uint32Array;
  /**
   * Only while a trace is still being built from chunks (chunks.ts): 1 for the pfns whose
   * snapshot content has been recorded so far.
   */
  snapshotKnown?: Uint8Array;
}

function target(s: FrameState, arr: number): Uint8Array | Uint32Array | Int32Array {
  switch (arr) {
    case ARR_ROLE:
      return s.role;
    case ARR_FLAGS:
      return s.flags;
    case ARR_CONTENT:
      return s.content;
    default:
      return s.regs;
  }
}

function bulkAt(trace: Trace, step: number): BulkChange | undefined {
  // Two or three bulk steps per run: a linear scan is cheaper than a map.
  for (const b of trace.bulk) if (b.step === step) return b;
  return undefined;
}

function applyImage(s: FrameState, img: FrameImage): void {
  s.role.set(img.role);
  s.flags.set(img.flags);
  s.content.set(img.content);
}

function changeEnd(trace: Trace, step: number): number {
  return step + 1 < trace.steps ? trace.columns.changeStart[step + 1] : trace.changes.length / 3;
}

/** Applies step `step` to a state that is at "before step `step`". */
export function applyForward(trace: Trace, s: FrameState, step: number): void {
  const b = bulkAt(trace, step);
  if (b) applyImage(s, b.after);
  const ch = trace.changes;
  const end = changeEnd(trace, step);
  for (let c = trace.columns.changeStart[step]; c < end; c++) {
    const t = ch[3 * c];
    const arr = t >>> INDEX_BITS;
    const idx = t & INDEX_MASK;
    if (arr === ARR_REGS) s.regs[idx] = ch[3 * c + 2];
    else target(s, arr)[idx] = ch[3 * c + 2] >>> 0;
  }
}

/** Undoes step `step` on a state that is at "after step `step`". */
export function applyBackward(trace: Trace, s: FrameState, step: number): void {
  const ch = trace.changes;
  const end = changeEnd(trace, step);
  for (let c = end - 1; c >= trace.columns.changeStart[step]; c--) {
    const t = ch[3 * c];
    const arr = t >>> INDEX_BITS;
    const idx = t & INDEX_MASK;
    if (arr === ARR_REGS) s.regs[idx] = ch[3 * c + 1];
    else target(s, arr)[idx] = ch[3 * c + 1] >>> 0;
  }
  const b = bulkAt(trace, step);
  if (b) applyImage(s, b.before);
}

/** The pfns whose frame state step `step` changes (bulk steps: every frame; not listed). */
export function changedFrames(trace: Trace, step: number): number[] {
  const out = new Set<number>();
  const ch = trace.changes;
  const end = changeEnd(trace, step);
  for (let c = trace.columns.changeStart[step]; c < end; c++) {
    const t = ch[3 * c];
    if (t >>> INDEX_BITS !== ARR_REGS) out.add(t & INDEX_MASK);
  }
  return [...out];
}

/** Bytes the step log occupies: columns, changes and bulk images. */
export function traceBytes(trace: Trace): number {
  const c = trace.columns;
  let bytes =
    c.line.byteLength +
    c.phase.byteLength +
    c.p0.byteLength +
    c.p1.byteLength +
    c.p2.byteLength +
    c.n0.byteLength +
    c.n1.byteLength +
    c.changeStart.byteLength +
    trace.changes.byteLength;
  for (const b of trace.bulk) {
    for (const img of [b.before, b.after])
      bytes += img.role.byteLength + img.flags.byteLength + img.content.byteLength;
  }
  return bytes;
}

export { ARR_CONTENT, ARR_FLAGS, ARR_REGS, ARR_ROLE };
