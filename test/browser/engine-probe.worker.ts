/// <reference lib="webworker" />
// The real engine in a module worker, like src/engine/engine.worker.ts, but after each post it
// reports the byte length of every buffer it listed for transfer: 0 means the buffer moved to
// the page (detached here) instead of being copied.
import { Engine } from '../../src/engine/engine';
import { realTime } from '../../src/engine/host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const engine = new Engine({
  ...realTime,
  post: (msg, transfer) => {
    scope.postMessage(msg, transfer);
    const lengths = transfer.map((b) => (b instanceof ArrayBuffer ? b.byteLength : -1));
    scope.postMessage({ probe: msg.type, lengths });
  },
});

scope.onmessage = (e: MessageEvent<unknown>) => engine.handle(e.data);
