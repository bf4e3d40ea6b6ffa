/**
 * Starts the engine worker from its own file next to the page's scripts. The built worker is a
 * classic script, so it also starts where the page's origin is opaque (an iframe sandboxed with
 * `allow-scripts` alone): there a worker may not load a URL of the server's origin, but it may
 * start from a blob the page makes, and a classic worker's `importScripts` fetches the real file
 * without CORS. The single-file build replaces this module with spawnWorker.inline.ts.
 */
import workerUrl from './engine.worker.ts?worker&url';

/** True where the page's origin is opaque (sandboxed iframe, file://). */
export function opaqueOrigin(): boolean {
  return typeof self !== 'undefined' && self.origin === 'null';
}

export function spawnEngineWorker(): Worker {
  const url = new URL(workerUrl, import.meta.url).href;
  // The dev server serves the worker as a module with imports; the build writes one classic file.
  if (import.meta.env.DEV) return new Worker(url, { type: 'module' });
  if (!opaqueOrigin()) return new Worker(url);
  const boot = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(boot));
}
