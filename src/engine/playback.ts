/**
 * Playback paced by the page: while playing, at most one snapshot is unacked. On each ack (or
 * when the next unit falls due) the engine sends the state the play clock has reached by then,
 * skipping the states in between, so a slow page sees fewer states, never a growing queue.
 */
import type { StepUnit } from '../protocol/messages';
import type { EngineHost } from './host';
import { PlayClock } from './player';
import type { Boundaries } from './units';

export interface PlaybackDeps {
  host: Pick<EngineHost, 'now' | 'setTimer'>;
  /** Sends the snapshot of state `s` and returns its seq. */
  send(s: number): number;
  /** The state the page holds (that of the last snapshot sent), or null. */
  pageAt(): number | null;
  /** Tells the page whether playback runs. */
  announce(playing: boolean): void;
}

/** One playback in progress: its clock, where it ends, the snapshot awaiting the page's ack. */
interface PlayState {
  clock: PlayClock;
  total: number;
  unit: StepUnit;
  rate: number;
  /** The run is traced to its end (else playback waits at `total` for more). */
  complete: boolean;
  /** Seq of the snapshot the page has not acked yet, or null. */
  awaiting: number | null;
  cancelTimer: (() => void) | null;
}

export class Playback {
  private run: PlayState | null = null;

  constructor(private readonly deps: PlaybackDeps) {}

  get playing(): boolean {
    return this.run !== null;
  }

  /**
   * Plays from the page's state (from 0 when it is at the end) at `rate` units per second.
   * `complete`: false while the run is still being traced (playback then waits at the end of what
   * is traced until `grew` brings more).
   */
  start(bounds: Boundaries, unit: StepUnit, rate: number, complete = true): void {
    const wasPlaying = this.run !== null;
    if (this.run) this.cancelTimer(this.run);
    const at = this.deps.pageAt() ?? 0;
    const from = at >= bounds.totalSteps && complete ? 0 : at;
    const clock = new PlayClock(bounds, unit, rate);
    clock.start(from, this.deps.host.now());
    const run: PlayState = {
      clock,
      total: bounds.totalSteps,
      unit,
      rate,
      complete,
      awaiting: null,
      cancelTimer: null,
    };
    this.run = run;
    if (!wasPlaying) this.deps.announce(true);
    if (from !== at) run.awaiting = this.deps.send(from);
    this.tick();
  }

  /** The page scrubbed to `s` (snapshot `seq`) while playing: carry on from there. */
  rebase(s: number, seq: number): void {
    const run = this.run;
    if (!run) return;
    this.cancelTimer(run);
    run.clock.start(s, this.deps.host.now());
    run.awaiting = seq;
  }

  /** The run grew (or was traced to its end): play on into the new steps. */
  grew(bounds: Boundaries, complete: boolean): void {
    const run = this.run;
    if (!run) return;
    this.cancelTimer(run);
    run.clock = new PlayClock(bounds, run.unit, run.rate);
    run.clock.start(this.deps.pageAt() ?? 0, this.deps.host.now());
    run.total = bounds.totalSteps;
    run.complete = complete;
    this.tick();
  }

  ack(seq: number): void {
    const run = this.run;
    if (!run || run.awaiting !== seq) return;
    run.awaiting = null;
    this.tick();
  }

  stop(): void {
    const run = this.run;
    if (!run) return;
    this.cancelTimer(run);
    this.run = null;
    this.deps.announce(false);
  }

  private tick(): void {
    const run = this.run;
    if (!run || run.awaiting !== null) return;
    const now = this.deps.host.now();
    const target = run.clock.targetAt(now);
    if (target !== this.deps.pageAt()) run.awaiting = this.deps.send(target);
    if (target >= run.total) {
      // At the end of a run still being traced: wait there for `grew`.
      if (run.complete) this.stop();
      return;
    }
    if (run.awaiting === null) {
      run.cancelTimer = this.deps.host.setTimer(() => {
        run.cancelTimer = null;
        this.tick();
      }, run.clock.delayAfter(now));
    }
  }

  private cancelTimer(run: PlayState): void {
    run.cancelTimer?.();
    run.cancelTimer = null;
  }
}
