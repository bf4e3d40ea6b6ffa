/**
 * Time travel over a finished trace: keyframes (full copies of the state) spread along the run,
 * plus the core's recorded per-step changes. A seek restores the keyframe that is cheapest to
 * start from (or stays on the current state when that is cheaper) and applies steps forward or
 * backward to the target.
 *
 * Keyframes are spaced by cost, not by step count: one step of mark_unsafe_pages() can touch every
 * frame while a thousand copy steps touch a few thousand words, so equal step spacing would leave
 * some seeks a hundred times slower than others. With a byte budget B the run gets as many
 * keyframes as fit in B (the initial state is the trace's own), each covering an equal share of
 * the total replay cost. Keyframes are packed against the last whole-table image
 * (keyframes.ts), which roughly halves them.
 */
import {
  COPY_COST_PER_FRAME,
  defaultKeyframeBudget,
  EXPECTED_BYTES_PER_FRAME,
  STEP_COST,
} from '../core';
import type { Trace } from '../core';
import { bulkSteps, changeIndexAt } from './changes';
import { countBits, Cursor } from './cursor';
import { baseImage, initialKeyframe, packKeyframe, unpackKeyframe } from './keyframes';
import type { Keyframe } from './keyframes';

export { defaultKeyframeBudget };

export interface TimelineOptions {
  budgetBytes?: number;
  /** Called now and then while keyframes are built, with the fraction done (0..1). */
  onProgress?: (fraction: number) => void;
}

export class Timeline {
  /** State index of each keyframe, ascending; keyframe 0 is the initial state. */
  readonly positions: number[];
  private readonly keyframes: Keyframe[];
  private readonly bulk: number[];
  private readonly copyCost: number;

  private constructor(
    private readonly trace: Trace,
    keyframes: Keyframe[],
  ) {
    this.keyframes = keyframes;
    this.positions = keyframes.map((k) => k.pos);
    this.bulk = bulkSteps(trace);
    this.copyCost = trace.frames * COPY_COST_PER_FRAME;
  }

  /** A timeline over keyframes the core took while it simulated (state 1 onwards, ascending). */
  static fromKeyframes(trace: Trace, taken: readonly Keyframe[]): Timeline {
    const first = initialKeyframe(trace.initial, countBits(trace.initial.flags));
    return new Timeline(trace, [first, ...taken.filter((k) => k.pos > 0 && k.pos < trace.steps)]);
  }

  /**
   * Replays the whole trace once, keeping a keyframe at every `interval` of cost. Whenever the
   * keyframes outgrow the budget, every other one is dropped and the interval doubles (the
   * thinning rr uses for its checkpoints), so the spacing stays even along the run.
   */
  static build(trace: Trace, opts: TimelineOptions = {}): Timeline {
    const budget = opts.budgetBytes ?? defaultKeyframeBudget(trace.frames);
    const cursor = new Cursor(trace);
    let keyframes: Keyframe[] = [initialKeyframe(trace.initial, cursor.bits)];
    const probe = new Timeline(trace, []);
    const expected = Math.max(1, Math.floor(budget / (trace.frames * EXPECTED_BYTES_PER_FRAME)));
    let interval = probe.cost(0, trace.steps) / (expected + 1);
    let bytes = 0;
    for (let s = 1; s <= trace.steps; s++) {
      cursor.forward();
      if (s < trace.steps && probe.cost(keyframes[keyframes.length - 1].pos, s) >= interval) {
        const kf = packKeyframe(baseImage(trace, s), s, cursor.state, cursor.bits);
        keyframes.push(kf);
        bytes += kf.bytes;
        while (bytes > budget && keyframes.length > 1) {
          keyframes = keyframes.filter((_, i) => i % 2 === 0);
          bytes = keyframes.reduce((sum, k) => sum + k.bytes, 0);
          interval *= 2;
        }
      }
      if (opts.onProgress && (s & 0xffff) === 0) opts.onProgress(s / trace.steps);
    }
    return new Timeline(trace, keyframes);
  }

  get keyframeCount(): number {
    return this.keyframes.length;
  }

  /** Bytes the keyframes hold beyond the trace itself. */
  get keyframeBytes(): number {
    return this.keyframes.reduce((sum, k) => sum + k.bytes, 0);
  }

  /** Estimated cost of replaying between two state indexes (either order). */
  cost(a: number, b: number): number {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let c = (hi - lo) * STEP_COST + changeIndexAt(this.trace, hi) - changeIndexAt(this.trace, lo);
    for (const step of this.bulk) if (step >= lo && step < hi) c += this.trace.frames;
    return c;
  }

  /** Brings `cursor` to state `target` along the cheapest route. */
  seek(cursor: Cursor, target: number): void {
    let best = this.cost(cursor.pos, target);
    let from: Keyframe | null = null;
    const k = this.keyframeBefore(target);
    for (const j of [k, k + 1]) {
      const kf = this.keyframes[j] as Keyframe | undefined;
      if (!kf) continue;
      const c = this.copyCost + this.cost(kf.pos, target);
      if (c < best) {
        best = c;
        from = kf;
      }
    }
    if (from) {
      const kf = from;
      cursor.restore(kf.pos, kf.bits, (s) => unpackKeyframe(kf, s));
    }
    cursor.walkTo(target);
  }
  /** Index of the last keyframe at or before `pos`. */
  private keyframeBefore(pos: number): number {
    let lo = 0;
    let hi = this.positions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.positions[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
