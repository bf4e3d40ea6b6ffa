/**
 * Tracing a run for the engine: the core's simulate() with the trace handed over in chunks
 * (src/core/trace/chunks.ts) as it is recorded. In the worker the tracer is a second worker
 * (tracer.worker.ts… the same script under another name, see engine.worker.ts), so the engine
 * keeps answering the page while the run is traced; elsewhere (tests, Node, the in-page fallback)
 * the run is traced in the caller's thread, at once.
 */
import { auditInvariants, simulate } from '../core';
import type {
  FrameState,
  InvariantSummary,
  ModelId,
  Run,
  Scenario,
  SimulateOptions,
  TraceChunk,
} from '../core';
import type { Simulate } from './load';

export interface TraceRequest {
  scenario: Scenario;
  model?: ModelId;
  keyframeBudgetBytes?: number;
  /** Steps the run is expected to take (keyframe spacing). */
  expectedSteps: number;
  /** Cut a chunk at the first boundary this long after the last (ms); null: only at the end. */
  cutEveryMs: number | null;
  /** Steps between the boundaries where a chunk may be cut (a power of two). */
  chunkEvery?: number;
}

/** What a finished run adds to its trace: everything of the Run but the trace and keyframes. */
export type RunEnd = Omit<Run, 'trace' | 'keyframes'> & {
  /** The whole run's invariant audit, made where the run was traced. */
  audit: InvariantSummary[];
};

export interface TraceEvents {
  /** A chunk; the first (steps 0–0) comes with the initial state. */
  chunk(chunk: TraceChunk, initial: FrameState | null): void;
  progress(steps: number, phase: number): void;
  done(end: RunEnd): void;
  error(message: string): void;
}

/** Starts tracing; returns the function that abandons it (no event follows a cancel). */
export type Tracer = (req: TraceRequest, events: TraceEvents) => () => void;

/** The buffers of a chunk, to transfer rather than copy. */
export function chunkTransfers(chunk: TraceChunk): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of Object.values(chunk.columns))
    out.push((a as ArrayBufferView).buffer as ArrayBuffer);
  out.push(chunk.changes.buffer as ArrayBuffer, chunk.snapshotContent.buffer as ArrayBuffer);
  const t = chunk.tables;
  for (const a of [
    t.copyPairs,
    t.lowPbes,
    t.highPbes,
    t.safePages,
    t.spList,
    t.directPfns,
    t.highmemSaves,
  ])
    out.push(a.buffer as ArrayBuffer);
  return out;
}

/**
 * Runs the request here and now, reporting through `events`. `now` times the chunks; `sim`
 * replaces the core's simulate() in tests.
 */
export function runTrace(
  req: TraceRequest,
  events: TraceEvents,
  now: () => number,
  sim: Simulate = simulate,
): void {
  let run: Run;
  let last = now();
  const every = req.cutEveryMs;
  const opts: SimulateOptions = {
    onProgress: (s, ph) => events.progress(s, ph),
    keyframes: { budgetBytes: req.keyframeBudgetBytes, expectedSteps: req.expectedSteps },
    chunks: {
      every: req.chunkEvery,
      due: () => {
        if (every === null) return false;
        const t = now();
        if (t - last < every) return false;
        last = t;
        return true;
      },
      take: (chunk, initial) => events.chunk(chunk, initial),
    },
  };
  try {
    run = sim(req.scenario, req.model, opts);
  } catch (e) {
    events.error(e instanceof Error ? e.message : String(e));
    return;
  }
  const rest: Partial<Run> = { ...run };
  delete rest.trace;
  delete rest.keyframes;
  let audit: InvariantSummary[];
  try {
    audit = auditInvariants(run);
  } catch (e) {
    events.error(`invariant audit: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  events.done({ ...(rest as Omit<Run, 'trace' | 'keyframes'>), audit });
}

/** The tracer of tests and of the in-page engine: the whole run, in this thread, at once. */
export function inThreadTracer(sim?: Simulate, now: () => number = () => 0): Tracer {
  return (req, events) => {
    let cancelled = false;
    const guarded: TraceEvents = {
      chunk: (c, i) => !cancelled && events.chunk(c, i),
      progress: (s, p) => !cancelled && events.progress(s, p),
      done: (e) => !cancelled && events.done(e),
      error: (m) => !cancelled && events.error(m),
    };
    runTrace(req, guarded, now, sim);
    return () => {
      cancelled = true;
    };
  };
}
