/**
 * The page's connections to an engine. The store layer owns them, so pages ask for an engine here
 * and never reach into src/engine.
 */
import { createEngineTransport } from '../engine/transport';
import type { Transport } from '../protocol/transport';
import { createEngineStore } from './engineStore';
import type { EngineStore } from './engineStore';
import { DEFAULT_DEADLINE_MS } from './supervisor';

/**
 * The step page's engine: supervised (a worker that crashes, hangs or sends garbage is replaced,
 * the run reloaded at the step shown). Connecting costs nothing: the worker starts with the first
 * message the page sends (its first load).
 */
export function connectPageEngine(): EngineStore {
  return createEngineStore(createEngineTransport, {
    deadlineMs: testDeadline() ?? DEFAULT_DEADLINE_MS,
  });
}

export interface EngineConnection {
  store: EngineStore;
  /** Stops the engine (terminates its worker); the store keeps its last state. */
  close: () => void;
}

/**
 * One engine that the caller stops; the compare page holds two. Supervised like the step page's (a
 * worker that crashes, hangs or sends garbage is replaced and the run reloaded at the step shown);
 * the worker starts with the first message. Given a transport (tests), the store uses that one
 * and a fault is reported, not repaired.
 */
export function connectEngine(transport?: Transport): EngineConnection {
  if (transport) return { store: createEngineStore(transport), close: () => transport.close() };
  const stop = new AbortController();
  const store = createEngineStore(createEngineTransport, {
    deadlineMs: testDeadline() ?? DEFAULT_DEADLINE_MS,
    signal: stop.signal,
  });
  return { store, close: () => stop.abort() };
}

/**
 * Test-only: end-to-end tests shorten the hang deadline with `window.swsuspVizEngineDeadlineMs`
 * (set by an init script before the page loads), so a hang is noticed in seconds, not 20.
 */
function testDeadline(): number | null {
  const w = (globalThis as { swsuspVizEngineDeadlineMs?: unknown }).swsuspVizEngineDeadlineMs;
  return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : null;
}
