/**
 * The engine's working state: one FrameState positioned at a state index, moved one step at a time
 * with the core's applyForward/applyBackward. Alongside it keeps the number of frames holding each
 * memory-bitmap bit, because the bitmap panel shows those counts at every step and recounting a
 * million frames per step would cost more than the step itself.
 */
import { applyBackward, applyForward, cloneState, COUNTED_BITS, countBits } from '../core';
import type { FrameState, Trace } from '../core';
import { ARR_FLAGS, changeArray, changeIndexAt } from './changes';

export { COUNTED_BITS, countBits };

/**
 * Above this many recorded changes a walk recounts the bits once at the end instead of following
 * every flag change: a recount reads each frame once, about as cheap as following ~frames/8
 * changes.
 */
function recountThreshold(frames: number): number {
  return frames / 8;
}

export class Cursor {
  pos = 0;
  readonly state: FrameState;
  readonly bits: Int32Array;
  private bulk: Set<number>;

  constructor(private readonly trace: Trace) {
    this.state = cloneState(trace.initial);
    this.bits = countBits(this.state.flags);
    this.bulk = new Set(trace.bulk.map((b) => b.step));
  }

  /** The trace grew (it is still being traced): its new bulk steps count too. */
  grew(): void {
    this.bulk = new Set(this.trace.bulk.map((b) => b.step));
  }

  /** Applies step `pos` (state pos → pos + 1); `track` keeps the bit counts up to date. */
  forward(track = true): void {
    const step = this.pos;
    applyForward(this.trace, this.state, step);
    if (track) this.afterStep(step, 1);
    this.pos = step + 1;
  }

  /** Undoes step `pos - 1` (state pos → pos - 1). */
  backward(track = true): void {
    const step = this.pos - 1;
    applyBackward(this.trace, this.state, step);
    if (track) this.afterStep(step, -1);
    this.pos = step;
  }

  /** Moves step by step to `target`. */
  walkTo(target: number): void {
    const t = this.trace;
    const changes = Math.abs(changeIndexAt(t, target) - changeIndexAt(t, this.pos));
    const track = changes < recountThreshold(t.frames);
    while (this.pos < target) this.forward(track);
    while (this.pos > target) this.backward(track);
    if (!track) this.bits.set(countBits(this.state.flags));
  }

  /** Jumps to state `pos`: `fill` writes that state, `bits` are its bit counts. */
  restore(pos: number, bits: Int32Array, fill: (s: FrameState) => void): void {
    fill(this.state);
    this.bits.set(bits);
    this.pos = pos;
  }

  private afterStep(step: number, sign: 1 | -1): void {
    // A bulk step replaces every frame: recount rather than follow its changes.
    if (this.bulk.has(step)) {
      this.bits.set(countBits(this.state.flags));
      return;
    }
    const ch = this.trace.changes;
    const end = changeIndexAt(this.trace, step + 1);
    for (let c = this.trace.columns.changeStart[step]; c < end; c++) {
      if (changeArray(ch[3 * c]) !== ARR_FLAGS) continue;
      const before = ch[3 * c + 1];
      const after = ch[3 * c + 2];
      const diff = before ^ after;
      for (let b = 0; b < COUNTED_BITS.length; b++) {
        const bit = COUNTED_BITS[b];
        if (diff & bit) this.bits[b] += after & bit ? sign : -sign;
      }
    }
  }
}
