import type { FromEngine, ToEngine } from './messages';

/** How the page talks to an engine, wherever the engine runs. */
export interface Transport {
  /** 'worker' (a module Web Worker) or 'inline' (the page's thread). */
  readonly kind: 'worker' | 'inline';
  send(msg: ToEngine): void;
  /** Subscribes to the engine's messages; returns the unsubscribe function. */
  onMessage(listener: (msg: FromEngine) => void): () => void;
  /** Stops the engine (terminates the worker); no message is delivered afterwards. */
  close(): void;
}
