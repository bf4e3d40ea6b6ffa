/// <reference lib="webworker" />
/**
 * The tracer in its own worker: the engine worker starts a second copy of its own script under
 * the name TRACER_NAME (engine.worker.ts then serves a trace instead of the engine), sends it the
 * request and appends the chunks it posts back. Abandoning a trace terminates that worker at once.
 * Where a worker cannot start a worker (an opaque origin, an old engine), the run is traced in the
 * engine's own thread as before, all at once.
 */
import type { FrameState, TraceChunk } from '../core';
import { chunkTransfers, runTrace } from './tracer';
import type { RunEnd, TraceEvents, TraceRequest, Tracer } from './tracer';

export const TRACER_NAME = 'swsusp-viz-tracer';

type FromTracer =
  | { kind: 'chunk'; chunk: TraceChunk; initial: FrameState | null }
  | { kind: 'progress'; steps: number; phase: number }
  | { kind: 'done'; end: RunEnd }
  | { kind: 'error'; message: string };

/** The tracer worker's side: one request, its chunks, its end. */
export function serveTracer(scope: DedicatedWorkerGlobalScope): void {
  const post = (msg: FromTracer, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
  scope.onmessage = (e: MessageEvent<TraceRequest>) => {
    runTrace(
      e.data,
      {
        chunk: (chunk, initial) => post({ kind: 'chunk', chunk, initial }, chunkTransfers(chunk)),
        progress: (steps, phase) => post({ kind: 'progress', steps, phase }),
        done: (end) => post({ kind: 'done', end }),
        error: (message) => post({ kind: 'error', message }),
      },
      () => performance.now(),
    );
  };
}

/**
 * A tracer that runs each trace in a fresh worker from `spawn`, falling back to `fallback` when
 * the worker cannot be made or fails before its first message.
 */
export function workerTracer(spawn: () => Worker, fallback: Tracer): Tracer {
  let usable = true;
  return (req: TraceRequest, events: TraceEvents) => {
    let worker: Worker | null = null;
    if (usable) {
      try {
        worker = spawn();
      } catch {
        usable = false;
      }
    }
    if (!worker) return fallback(req, events);
    const w = worker;
    let heard = false;
    let cancelFallback: (() => void) | null = null;
    const end = () => {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    };
    w.onmessage = (e: MessageEvent<FromTracer>) => {
      heard = true;
      const m = e.data;
      switch (m.kind) {
        case 'chunk':
          return events.chunk(m.chunk, m.initial);
        case 'progress':
          return events.progress(m.steps, m.phase);
        case 'done':
          end();
          return events.done(m.end);
        case 'error':
          end();
          return events.error(m.message);
      }
    };
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      end();
      if (!heard) {
        // The worker never started (a nested worker refused here): trace in this thread.
        usable = false;
        cancelFallback = fallback(req, events);
        return;
      }
      events.error(e.message || 'the tracer worker failed');
    };
    w.postMessage(req);
    return () => {
      end();
      cancelFallback?.();
    };
  };
}
