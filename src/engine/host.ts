/** What the engine needs from where it runs: a way to post, a clock and timers. */
import type { FromEngine } from '../protocol/messages';

export interface EngineHost {
  /** Posts one message; `transfer` lists the buffers to move rather than copy. */
  post(msg: FromEngine, transfer: Transferable[]): void;
  now(): number;
  /** Calls `fn` after `ms` milliseconds; the returned function cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** Clock and timers of the current global scope (worker or page). */
export const realTime: Pick<EngineHost, 'now' | 'setTimer'> = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};
