/**
 * The single-file build's worker: its code is a string inside the page and starts from a blob
 * URL, so the page needs no other file and runs from file:// (vite.single.config.ts swaps this
 * module in for spawnWorker.ts).
 */
import EngineWorker from './engine.worker.ts?worker&inline';

export function opaqueOrigin(): boolean {
  return typeof self !== 'undefined' && self.origin === 'null';
}

export function spawnEngineWorker(): Worker {
  return new EngineWorker();
}
