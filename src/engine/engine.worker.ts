/// <reference lib="webworker" />
/**
 * The module worker: the engine behind `self.onmessage`. Everything else lives in engine.ts, so
 * the same engine also runs in-thread (transport.ts, createInlineTransport).
 */
import { Engine } from './engine';
import { realTime } from './host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const engine = new Engine({
  ...realTime,
  post: (msg, transfer) => scope.postMessage(msg, transfer),
});

scope.onmessage = (e: MessageEvent<unknown>) => engine.handle(e.data);
