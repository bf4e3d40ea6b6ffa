import type { FromEngine, ToEngine } from './messages';

/** How the page talks to an engine, wherever the engine runs. */
export interface Transport {
  /** 'worker' (a module Web Worker) or 'inline' (the page's thread). */
  readonly kind: 'worker' | 'inline';
  send(msg: ToEngine): void;
  /** Subscribes to the engine's messages; returns the unsubscribe function. */
  onMessage(listener: (msg: FromEngine) => void): () => void;
  /**
   * Subscribes to failures of the engine itself (a worker's error event) after it has answered;
   * with no subscriber they arrive as 'error' messages instead. Optional: in-thread engines
   * cannot fail that way.
   */
  onFault?(listener: (why: string) => void): () => void;
  /** Stops the engine (terminates the worker); no message is delivered afterwards. */
  close(): void;
}
