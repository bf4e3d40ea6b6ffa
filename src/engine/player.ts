/**
 * The play clock: from a start position and time, which position playback should show now, and
 * when that will next change. Positions are derived from elapsed time rather than counted per
 * tick, so a slow page that acks late skips ahead to where playback should be instead of lagging.
 */
import type { StepUnit } from '../protocol/messages';
import type { Boundaries } from './units';

export class PlayClock {
  private from = 0;
  private t0 = 0;

  constructor(
    private readonly bounds: Boundaries,
    readonly unit: StepUnit,
    /** Units per second, > 0. */
    readonly rate: number,
  ) {}

  start(pos: number, now: number): void {
    this.from = pos;
    this.t0 = now;
  }

  private unitsAt(now: number): number {
    return Math.max(0, Math.floor(((now - this.t0) * this.rate) / 1000));
  }

  /** The position playback should show at time `now`. */
  targetAt(now: number): number {
    const n = this.unitsAt(now);
    return n === 0 ? this.from : this.bounds.move(this.from, this.unit, 1, n);
  }

  /** Milliseconds from `now` until the next unit is due (at least 1). */
  delayAfter(now: number): number {
    const due = this.t0 + ((this.unitsAt(now) + 1) * 1000) / this.rate;
    return Math.max(1, Math.ceil(due - now));
  }
}
