/**
 * The engine in the page's own thread, behind the same Transport interface as the worker: for
 * tests and for hosts where a worker cannot start (sandboxed iframes, file://). Messages are
 * structured-cloned both ways and delivered asynchronously, transfers included, so the page sees
 * exactly what a worker would send.
 */
import type { FromEngine, ToEngine } from '../protocol/messages';
import { Engine } from './engine';
import type { EngineOptions } from './engine';
import { realTime } from './host';
import type { Transport } from '../protocol/transport';

export function createInlineTransport(opts: EngineOptions = {}): Transport {
  const listeners = new Set<(msg: FromEngine) => void>();
  let closed = false;
  const engine = new Engine(
    {
      ...realTime,
      post: (msg, transfer) => {
        if (closed) return;
        const copy = structuredClone(msg, { transfer });
        queueMicrotask(() => {
          if (!closed) for (const l of listeners) l(copy);
        });
      },
    },
    opts,
  );
  return {
    kind: 'inline',
    send(msg: ToEngine) {
      if (closed) return;
      const copy: unknown = structuredClone(msg);
      // A macrotask, like a worker's message event: the page finishes its handler and can paint.
      setTimeout(() => {
        if (!closed) engine.handle(copy);
      }, 0);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      engine.handle({ v: 1, type: 'dispose' });
      listeners.clear();
    },
  };
}
