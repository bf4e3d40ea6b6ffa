/**
 * Reading the core's per-step change log (src/core/trace/trace.ts): step i's changes are the
 * (target, before, after) triples from `changeStart[i]` to the next step's start. The target word
 * packs which state array changed (top bits) and the index in it.
 */
import type { Trace } from '../core';
import { ARR_FLAGS, ARR_REGS, INDEX_BITS, INDEX_MASK } from '../core/trace/arrays';

export { ARR_FLAGS, ARR_REGS };

/** Index of the first change triple of state `s`'s next step; s = steps gives the end of the log. */
export function changeIndexAt(trace: Trace, s: number): number {
  return s < trace.steps ? trace.columns.changeStart[s] : trace.changes.length / 3;
}

export function changeArray(word: number): number {
  return word >>> INDEX_BITS;
}

export function changeIndex(word: number): number {
  return word & INDEX_MASK;
}

/** The value register `reg` had before and after step `step`, or null if the step left it alone. */
export function regChange(
  trace: Trace,
  step: number,
  reg: number,
): { before: number; after: number } | null {
  const ch = trace.changes;
  const end = changeIndexAt(trace, step + 1);
  for (let c = trace.columns.changeStart[step]; c < end; c++) {
    const t = ch[3 * c];
    if (changeArray(t) === ARR_REGS && changeIndex(t) === reg) {
      return { before: ch[3 * c + 1], after: ch[3 * c + 2] };
    }
  }
  return null;
}

/** Sorted step indexes of the bulk steps (power-off/boot, the image kernel taking over). */
export function bulkSteps(trace: Trace): number[] {
  return trace.bulk.map((b) => b.step).sort((a, b) => a - b);
}
