/// <reference lib="webworker" />
/**
 * The module worker: the engine behind `self.onmessage`. Everything else lives in engine.ts, so
 * the same engine also runs in-thread (transport.ts, createInlineTransport). Started under the
 * name TRACER_NAME, the same script is the engine's tracer instead (tracerWorker.ts): the engine
 * starts one per long trace, so it keeps answering the page while the run is traced.
 *
 * Test-only fault hook: end-to-end tests set `self.swsuspVizFault` inside this worker (Playwright's
 * `worker.evaluate`) to prove the page's supervisor recovers. With 'throw-mid-build' the next load
 * throws at its first progress report; with 'hang-mid-build' it spins there forever. The hook is
 * read once per progress message and disarms itself; nothing in the app sets it.
 */
import type { FromEngine } from '../protocol/messages';
import { Engine } from './engine';
import { realTime } from './host';
import { inThreadTracer } from './tracer';
import { serveTracer, TRACER_NAME, workerTracer } from './tracerWorker';

type FaultHook = 'throw-mid-build' | 'hang-mid-build';
const scope = self as unknown as DedicatedWorkerGlobalScope & { swsuspVizFault?: FaultHook };

function injectFault(msg: FromEngine): void {
  const fault = scope.swsuspVizFault;
  if (msg.type !== 'progress' || !fault) return;
  delete scope.swsuspVizFault;
  if (fault === 'throw-mid-build') throw new Error('fault injected by a test (throw-mid-build)');
  if (fault === 'hang-mid-build') for (;;);
}

/** A second copy of this script, under the tracer's name: it traces runs for this engine. */
function spawnTracer(): Worker {
  const type = import.meta.env.DEV ? 'module' : 'classic';
  return new Worker(scope.location.href, { name: TRACER_NAME, type });
}

if (scope.name === TRACER_NAME) {
  serveTracer(scope);
} else {
  const engine = new Engine(
    {
      ...realTime,
      post: (msg, transfer) => {
        injectFault(msg);
        scope.postMessage(msg, transfer);
      },
    },
    { tracer: workerTracer(spawnTracer, inThreadTracer(undefined, realTime.now)) },
  );
  scope.onmessage = (e: MessageEvent<unknown>) => engine.handle(e.data);
}
