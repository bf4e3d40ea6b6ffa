/**
 * Transports between the page and the engine. The page uses createEngineTransport(): the engine
 * in a module worker, or in the page's own thread when no worker can start: either `new Worker`
 * throws (no Worker, CSP) or the worker fails before it ever answers (a sandboxed iframe cannot
 * load the module). In the second case the messages already sent are replayed to the inline
 * engine, so the page does not notice beyond the lost parallelism.
 */
import type { FromEngine, ToEngine } from '../protocol/messages';
import { createInlineTransport } from './inline';
import { spawnEngineWorker } from './spawnWorker';
import type { Transport } from '../protocol/transport';

export { createInlineTransport } from './inline';

export interface WorkerTransportOptions {
  /** Called instead of posting an 'error' message when the worker itself fails. */
  onWorkerError?: (message: string) => void;
}

export function createWorkerTransport(opts: WorkerTransportOptions = {}): Transport {
  const worker = spawnEngineWorker();
  const listeners = new Set<(msg: FromEngine) => void>();
  const faultListeners = new Set<(why: string) => void>();
  let closed = false;
  const emit = (msg: FromEngine) => {
    if (!closed) for (const l of listeners) l(msg);
  };
  const fail = (message: string) => {
    if (closed) return;
    if (opts.onWorkerError) opts.onWorkerError(message);
    else if (faultListeners.size > 0) for (const l of faultListeners) l(message);
    else emit({ v: 1, type: 'error', code: 'internal', message });
  };
  worker.onmessage = (e: MessageEvent<FromEngine>) => emit(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    fail(`the engine worker failed: ${e.message || 'it could not be started'}`);
  };
  worker.onmessageerror = () => fail('a message from the engine worker could not be read');
  return {
    kind: 'worker',
    send: (msg: ToEngine) => {
      if (!closed) worker.postMessage(msg);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFault(listener) {
      faultListeners.add(listener);
      return () => faultListeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      faultListeners.clear();
      worker.terminate();
    },
  };
}

type Factory = (opts: WorkerTransportOptions) => Transport;

/**
 * A transport that starts on `primary` and moves to `fallback` if the primary cannot be created
 * or fails before delivering any message.
 */
export function createFallbackTransport(primary: Factory, fallback: () => Transport): Transport {
  const listeners = new Set<(msg: FromEngine) => void>();
  const faultListeners = new Set<(why: string) => void>();
  const sent: ToEngine[] = [];
  let answered = false;
  let active: Transport;
  let unsubscribe: () => void = () => {};

  const attach = (t: Transport) => {
    active = t;
    unsubscribe = t.onMessage((msg) => {
      answered = true;
      sent.length = 0;
      for (const l of listeners) l(msg);
    });
  };
  const switchToFallback = (why: string) => {
    if (answered || active.kind === 'inline') {
      if (faultListeners.size > 0) {
        for (const l of faultListeners) l(why);
        return;
      }
      const msg: FromEngine = { v: 1, type: 'error', code: 'internal', message: why };
      for (const l of listeners) l(msg);
      return;
    }
    unsubscribe();
    active.close();
    attach(fallback());
    for (const msg of sent.splice(0)) active.send(msg);
  };

  try {
    attach(primary({ onWorkerError: switchToFallback }));
  } catch {
    attach(fallback());
  }
  return {
    get kind() {
      return active.kind;
    },
    send(msg) {
      if (!answered) sent.push(msg);
      active.send(msg);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFault(listener) {
      faultListeners.add(listener);
      return () => faultListeners.delete(listener);
    },
    close() {
      unsubscribe();
      active.close();
      listeners.clear();
      faultListeners.clear();
    },
  };
}

/** The page's transport: a worker when possible, else the engine in-thread. */
export function createEngineTransport(): Transport {
  return createFallbackTransport(createWorkerTransport, () => createInlineTransport());
}

/** A transport that is created by `make` on its first use (the first message sent). */
export function createLazyTransport(make: () => Transport): Transport {
  const listeners = new Set<(msg: FromEngine) => void>();
  let real: Transport | null = null;
  const start = (): Transport => {
    if (!real) {
      real = make();
      real.onMessage((msg) => {
        for (const l of listeners) l(msg);
      });
    }
    return real;
  };
  return {
    get kind() {
      return real?.kind ?? 'worker';
    },
    send: (msg) => start().send(msg),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      real?.close();
      listeners.clear();
    },
  };
}
