/**
 * The page's connection to an engine: a store on a transport, and the way to stop both. The
 * store layer owns it, so pages ask for an engine here and never reach into src/engine.
 */
import { createEngineTransport, createLazyTransport } from '../engine/transport';
import type { Transport } from '../protocol/transport';
import { createEngineStore } from './engineStore';
import type { EngineStore } from './engineStore';

export interface EngineConnection {
  store: EngineStore;
  /** Stops the engine (terminates its worker); the store keeps its last state. */
  close: () => void;
}

/**
 * A store on `transport`; by default the engine in a module worker (inline where no worker can
 * start), started by the first message the page sends (its first load), so connecting costs
 * nothing until then.
 */
export function connectEngine(
  transport: Transport = createLazyTransport(createEngineTransport),
): EngineConnection {
  return { store: createEngineStore(transport), close: () => transport.close() };
}
