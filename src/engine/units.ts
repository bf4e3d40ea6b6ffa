/**
 * Moving by step, function call or phase. Positions are state indexes: state s shows the machine
 * after step s-1, so the state that shows the first step k of a call or phase is k + 1. Moving
 * forward past the last boundary lands on the end, moving backward past the first on state 0.
 * State 0 counts as the start of the first phase, so `]` on a fresh run goes to the second.
 */
import type { StepUnit } from '../protocol/messages';

export class Boundaries {
  /** Ascending state indexes, one per call start and one per phase start. */
  private readonly calls: Int32Array;
  private readonly phases: Int32Array;

  constructor(
    readonly totalSteps: number,
    callStarts: Int32Array,
    phaseStarts: readonly number[],
  ) {
    this.calls = callStarts.map((k) => k + 1);
    this.phases = Int32Array.from(phaseStarts, (k) => k + 1);
  }

  private list(unit: Exclude<StepUnit, 'step'>): Int32Array {
    return unit === 'call' ? this.calls : this.phases;
  }

  /** The position `count` units away from `from` in direction `dir` (clamped to the run). */
  move(from: number, unit: StepUnit, dir: 1 | -1, count = 1): number {
    if (unit === 'step') return clamp(from + dir * count, this.totalSteps);
    const list = this.list(unit);
    if (dir > 0) {
      // State 0 is already at the start of the first phase (its first step is next): the next
      // phase from it is the second, as from state 1.
      const at = unit === 'phase' && from === 0 && list[0] === 1 ? 1 : from;
      const i = upperBound(list, at) + count - 1; // first boundary > at, then count-1 more
      return i < list.length ? list[i] : this.totalSteps;
    }
    const i = lowerBound(list, from) - count; // last boundary < from, then count-1 more
    return i >= 0 ? list[i] : 0;
  }
}

function clamp(s: number, total: number): number {
  return Math.max(0, Math.min(total, s));
}

/** Index of the first element > x. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= x. */
function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
