/// <reference lib="webworker" />
/**
 * The module worker: the engine behind `self.onmessage`. Everything else lives in engine.ts, so
 * the same engine also runs in-thread (transport.ts, createInlineTransport).
 *
 * Test-only fault hook: end-to-end tests set `self.swsuspVizFault` inside this worker (Playwright's
 * `worker.evaluate`) to prove the page's supervisor recovers. With 'throw-mid-build' the next load
 * throws at its first progress report; with 'hang-mid-build' it spins there forever. The hook is
 * read once per progress message and disarms itself; nothing in the app sets it.
 */
import type { FromEngine } from '../protocol/messages';
import { Engine } from './engine';
import { realTime } from './host';

type FaultHook = 'throw-mid-build' | 'hang-mid-build';
const scope = self as unknown as DedicatedWorkerGlobalScope & { swsuspVizFault?: FaultHook };

function injectFault(msg: FromEngine): void {
  const fault = scope.swsuspVizFault;
  if (msg.type !== 'progress' || !fault) return;
  delete scope.swsuspVizFault;
  if (fault === 'throw-mid-build') throw new Error('fault injected by a test (throw-mid-build)');
  if (fault === 'hang-mid-build') for (;;);
}

const engine = new Engine({
  ...realTime,
  post: (msg, transfer) => {
    injectFault(msg);
    scope.postMessage(msg, transfer);
  },
});

scope.onmessage = (e: MessageEvent<unknown>) => engine.handle(e.data);
