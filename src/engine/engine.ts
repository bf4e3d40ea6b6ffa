/**
 * The timeline engine: answers the page's ToEngine messages over one loaded run. It never throws
 * out of handle(): malformed messages, bad scenarios and internal failures all become 'error'
 * messages. Playback sends a snapshot only after the page has acked the previous one, and then
 * the one for wherever the play clock is by that time.
 */
import { buildZones, scenarioForModel, traceBytes, TraceBuilder } from '../core';
import type { FrameState, InvariantSummary, Run, Scenario, TraceChunk } from '../core';
import type { FromEngine, StepUnit, ToEngine } from '../protocol/messages';
import type { EngineHost } from './host';
import { resolveSource } from './load';
import type { Simulate } from './load';
import { reportText, stepChunk } from './exports';
import { Playback } from './playback';
import { estimateSteps, ProgressMeter } from './progress';
import { Session } from './session';
import { inThreadTracer } from './tracer';
import type { RunEnd, Tracer } from './tracer';
import type { SessionOptions, SnapshotBody } from './session';
import { parseMessage } from './validate';

export interface EngineOptions extends Omit<SessionOptions, 'onIndexProgress'> {
  /** The core's simulate(), replaceable so tests can make it fail. */
  simulate?: Simulate;
  /** How long runs are traced (default: in the engine's thread, all at once). */
  tracer?: Tracer;
  /** Runs expected to take at least this many steps are shown while traced (PROGRESSIVE_FROM). */
  progressiveFrom?: number;
  /** Least time between chunks of a long trace (ms, CHUNK_MS). */
  chunkMs?: number;
  /** Steps between the points where a chunk may be cut (a power of two; default 65,536). */
  chunkEvery?: number;
}

export interface EngineStats {
  frames: number;
  steps: number;
  /** Bytes of the core's step storage (columns, change log, bulk images). */
  traceBytes: number;
  keyframes: number;
  keyframeBytes: number;
}

type ErrorCode = Extract<FromEngine, { type: 'error' }>['code'];

class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function transfersOf(body: SnapshotBody): Transferable[] {
  const arrays = body.frames ?? body.delta;
  if (!arrays) return [];
  return Object.values(arrays).map((a: ArrayBufferView) => a.buffer as ArrayBuffer);
}

/** Runs expected to take at least this many steps are shown while the rest is traced. */
export const PROGRESSIVE_FROM = 1 << 17;
/** Least time between two chunks of a trace handed over while it runs (ms). */
export const CHUNK_MS = 250;

/** A load whose trace is being built. */
interface Tracing {
  loadId: number;
  scenario: Scenario;
  /** The state to show first. */
  target: number;
  /** Shown from its first chunk on (a long run) rather than when traced to the end. */
  progressive: boolean;
  meter: ProgressMeter;
  builder: TraceBuilder | null;
  /** The session showing it, once shown. */
  session: Session | null;
  cancel: (() => void) | null;
}

/** What the page asked for that is not traced yet. */
type Waiting = { kind: 'seek'; step: number } | { kind: 'move'; unit: StepUnit; from: number };

/** A run's end as the Run holds it. */
function withoutAudit(end: Omit<RunEnd, 'audit'> & { audit?: unknown }): Omit<RunEnd, 'audit'> {
  const out = { ...end };
  delete out.audit;
  return out;
}

/** The parts of a run only its end decides, as they stand while it is being traced. */
function provisionalEnd(scenario: Scenario): Omit<RunEnd, 'audit'> {
  return {
    scenario,
    zones: buildZones(scenario),
    outcome: 'restored',
    failure: null,
    endPhase: 0,
    verification: null,
    suspendRegs: null,
    bootRegs: null,
    counted: null,
    copied: false,
    copiesDone: false,
    unsafeMarked: false,
    loading: false,
  };
}

export class Engine {
  private session: Session | null = null;
  private tracing: Tracing | null = null;
  private waiting: Waiting | null = null;
  /** The page's frames may be stale beyond what a delta says: send the next snapshot whole. */
  private resync = false;
  private seq = 0;
  /** The state the page holds: that of the last snapshot sent. */
  private pageAt: number | null = null;
  private readonly playback: Playback;
  private inspected: { pfn: number; key: string } | null = null;

  constructor(
    private readonly host: EngineHost,
    private readonly opts: EngineOptions = {},
  ) {
    this.playback = new Playback({
      host,
      send: (s) => this.sendSnapshot(s),
      pageAt: () => this.pageAt,
      announce: (playing) => this.post({ v: 1, type: 'playing', playing }),
    });
  }

  /** Sizes of the loaded run, for the benchmark and for debugging (null when none is loaded). */
  stats(): EngineStats | null {
    const s = this.session;
    if (!s) return null;
    return {
      frames: s.frames,
      steps: s.totalSteps,
      traceBytes: traceBytes(s.run.trace),
      keyframes: s.timeline.keyframeCount,
      keyframeBytes: s.timeline.keyframeBytes,
    };
  }

  handle(data: unknown): void {
    const parsed = parseMessage(data);
    if (!parsed.ok) {
      this.error('bad-message', parsed.error);
      return;
    }
    try {
      this.dispatch(parsed.msg);
    } catch (e) {
      if (e instanceof EngineError) this.error(e.code, e.message);
      else this.error('internal', `internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private dispatch(msg: ToEngine): void {
    switch (msg.type) {
      case 'load':
        return this.load(msg);
      case 'seek':
        return this.seek(msg.step);
      case 'move':
        return this.move(msg.unit, msg.dir);
      case 'play': {
        const session = this.requireSession();
        this.waiting = null;
        return this.playback.start(session.bounds, msg.unit, msg.rate, session.complete);
      }
      case 'pause':
        return this.playback.stop();
      case 'ack':
        return this.playback.ack(msg.seq);
      case 'inspect':
        return this.inspect(msg.pfn);
      case 'dispose':
        this.playback.stop();
        this.abandonTrace();
        this.waiting = null;
        this.session = null;
        this.pageAt = null;
        this.inspected = null;
        return;
      case 'ping':
        return this.post({ v: 1, type: 'pong', id: msg.id });
      case 'export':
        return this.export(msg);
    }
  }

  /** A download's text from the loaded run (exports.ts); a problem is the answer's `error`. */
  private export(msg: Extract<ToEngine, { type: 'export' }>): void {
    const s = this.session;
    const base = { v: 1, type: 'export', id: msg.id, text: '', next: null } as const;
    if (!s) return this.post({ ...base, loadId: -1, total: 0, error: 'no run is loaded yet' });
    const total = s.totalSteps;
    const answer = { ...base, loadId: s.loadId, total };
    // A run still being traced has neither its report nor its whole trace yet.
    if (!s.complete)
      return this.post({
        ...answer,
        error: `the run is still being traced (${total.toLocaleString('en-US')} steps so far); try again when it is done`,
      });
    if (msg.what === 'report')
      return this.post({ ...answer, text: reportText(s.run), error: null });
    if (msg.from > total)
      return this.post({
        ...answer,
        error: `export.from: ${msg.from} is past the run's ${total} steps`,
      });
    const chunk = stepChunk(s.run, msg.from);
    this.post({ ...answer, text: chunk.text, next: chunk.next, error: null });
  }

  private post(msg: FromEngine, transfer: Transferable[] = []): void {
    this.host.post(msg, transfer);
  }

  private error(code: ErrorCode, message: string, loadId?: number): void {
    this.post({ v: 1, type: 'error', code, message, ...(loadId === undefined ? {} : { loadId }) });
  }

  private requireSession(): Session {
    if (!this.session) throw new EngineError('bad-message', 'no scenario is loaded yet');
    return this.session;
  }

  private load(msg: Extract<ToEngine, { type: 'load' }>): void {
    this.playback.stop();
    const { loadId } = msg;
    const resolved = resolveSource(msg.source);
    if (!resolved.ok) return this.error('bad-scenario', resolved.error, loadId);
    let scenario = resolved.scenario;
    if (msg.model && msg.model !== scenario.model) {
      const r = scenarioForModel(scenario, msg.model);
      if (!r.ok) return this.error('internal', `could not build the run: ${r.error}`, loadId);
      scenario = r.scenario;
    }
    // A trace still running for an older load is abandoned at once.
    this.abandonTrace();
    const expectedSteps = estimateSteps(scenario);
    const t: Tracing = {
      loadId,
      scenario,
      target: msg.step ?? 0,
      progressive: expectedSteps >= (this.opts.progressiveFrom ?? PROGRESSIVE_FROM),
      meter: new ProgressMeter(scenario, (p) =>
        this.post({ v: 1, type: 'progress', loadId, ...p }),
      ),
      builder: null,
      session: null,
      cancel: null,
    };
    this.tracing = t;
    // A short run is traced here at once (starting a tracer would cost more than it saves).
    const here = inThreadTracer(this.opts.simulate, () => this.host.now());
    const tracer = t.progressive ? (this.opts.tracer ?? here) : here;
    const cancel = tracer(
      {
        scenario,
        keyframeBudgetBytes: this.opts.keyframeBudgetBytes,
        expectedSteps,
        cutEveryMs: t.progressive ? (this.opts.chunkMs ?? CHUNK_MS) : null,
        chunkEvery: this.opts.chunkEvery,
      },
      {
        chunk: (chunk, initial) => this.guard(t, () => this.traced(t, chunk, initial)),
        progress: (steps, phase) =>
          this.guard(t, () => {
            if (!t.session) t.meter.simulating(steps, phase);
          }),
        done: (end) => this.guard(t, () => this.finished(t, end)),
        error: (why) => this.guard(t, () => this.failed(t, `could not build the run: ${why}`)),
      },
    );
    // An in-thread tracer may already have finished (or failed) by now.
    if (this.tracing === t) t.cancel = cancel;
  }

  /** Runs a tracer callback for load `t`: nothing once abandoned, and a failure is an error. */
  private guard(t: Tracing, fn: () => void): void {
    if (this.tracing !== t) return;
    try {
      fn();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.failed(t, `could not build the run: ${why}`);
    }
  }

  private failed(t: Tracing, why: string): void {
    this.abandonTrace();
    this.error('internal', why, t.loadId);
  }

  /** Stops the trace being built, if any (a shown run that was still growing stays as it is). */
  private abandonTrace(): void {
    const t = this.tracing;
    if (!t) return;
    this.tracing = null;
    t.cancel?.();
    if (this.waiting && this.session === t.session) this.waiting = null;
  }

  /** A chunk of the trace: the run grows; a long run is shown from its first chunk on. */
  private traced(t: Tracing, chunk: TraceChunk, initial: FrameState | null): void {
    if (initial) t.builder = new TraceBuilder(initial);
    const builder = t.builder;
    if (!builder) throw new Error('internal: a trace chunk came before the initial state');
    builder.append(chunk);
    if (t.session) {
      t.session.run.keyframes = builder.keyframes;
      t.session.grew();
      // Snapshot content now known for more pfns can change their 'match' at the state the page
      // holds: the next snapshot goes whole rather than as a delta.
      if (chunk.snapshotContent.length > 0 && this.session === t.session) this.resync = true;
      this.announceGrowth(t.session);
    } else if (t.progressive) {
      this.show(t, builder, provisionalEnd(t.scenario), 'tracing');
    }
  }

  /** The run is traced to its end. */
  private finished(t: Tracing, end: RunEnd): void {
    this.tracing = null;
    t.builder?.finish();
    if (t.session) {
      t.session.run.keyframes = t.builder?.keyframes ?? null;
      t.session.finish(end);
      if (this.session === t.session) this.resync = true;
      this.announceGrowth(t.session);
      return;
    }
    if (!t.builder) throw new Error('internal: the run ended without a trace');
    t.meter.indexing(1);
    this.show(t, t.builder, end, end.audit);
  }

  /** Makes the run of `t` the one shown: 'ready', then the snapshot of the step asked for. */
  private show(
    t: Tracing,
    builder: TraceBuilder,
    end: Omit<RunEnd, 'audit'>,
    audit: InvariantSummary[] | 'tracing',
  ): void {
    const run: Run = { ...withoutAudit(end), trace: builder.trace, keyframes: builder.keyframes };
    const session = new Session(t.loadId, run, this.opts, audit);
    t.session = session;
    this.session = session;
    this.pageAt = null;
    this.inspected = null;
    this.waiting = null;
    const info = session.info;
    this.post({ v: 1, type: 'ready', info }, [info.callStarts.buffer as ArrayBuffer]);
    if (t.target > session.totalSteps && !session.complete) {
      // The step asked for is not traced yet: show the machine now, go there once it is.
      this.sendSnapshot(0);
      this.waiting = { kind: 'seek', step: t.target };
    } else {
      this.sendSnapshot(t.target);
    }
  }

  /** Tells the page how far the shown run is traced, and answers what waited for it. */
  private announceGrowth(session: Session): void {
    if (session !== this.session) return;
    const info = session.info;
    this.post({ v: 1, type: 'traced', info }, [info.callStarts.buffer as ArrayBuffer]);
    this.playback.grew(session.bounds, session.complete);
    const w = this.waiting;
    if (!w) return;
    if (w.kind === 'seek') {
      if (w.step <= session.totalSteps || session.complete) {
        this.waiting = null;
        this.seek(w.step);
      }
    } else {
      const to = this.moveTarget(session, w.from, w.unit);
      if (to !== null) {
        this.waiting = null;
        this.sendSnapshot(to);
      }
    }
  }

  private sendSnapshot(s: number): number {
    const session = this.requireSession();
    const body = session.snapshot(s, this.resync ? null : this.pageAt);
    this.resync = false;
    const seq = ++this.seq;
    this.post({ v: 1, type: 'snapshot', seq, loadId: session.loadId, ...body }, transfersOf(body));
    this.pageAt = body.step;
    this.refreshInspection(session);
    return seq;
  }

  private seek(step: number): void {
    const session = this.requireSession();
    this.waiting = null;
    if (!session.complete && step > session.totalSteps) {
      // Past what is traced so far: answered when the trace gets there.
      this.playback.stop();
      this.waiting = { kind: 'seek', step: Math.trunc(step) };
      return;
    }
    const target = session.clamp(step);
    const seq = this.sendSnapshot(target);
    // Scrubbing while playing: playback carries on from the new place.
    this.playback.rebase(target, seq);
  }

  private move(unit: StepUnit, dir: 1 | -1): void {
    const session = this.requireSession();
    this.playback.stop();
    this.waiting = null;
    const from = this.pageAt ?? 0;
    const to =
      dir > 0 ? this.moveTarget(session, from, unit) : session.bounds.move(from, unit, dir);
    if (to === null) this.waiting = { kind: 'move', unit, from };
    else this.sendSnapshot(to);
  }

  /** Where moving forward by `unit` from `from` lands; null while that is not traced yet. */
  private moveTarget(session: Session, from: number, unit: StepUnit): number | null {
    const to = session.bounds.move(from, unit, 1);
    if (session.complete) return to;
    // The end of what is traced is not the end of the run: a step past it, or the next call or
    // phase when none starts within it, is still to come.
    if (unit === 'step' ? from + 1 > session.totalSteps : to >= session.totalSteps) return null;
    return to;
  }

  private inspect(pfn: number): void {
    if (pfn < 0) {
      this.inspected = null;
      return;
    }
    const session = this.requireSession();
    const info = session.inspect(pfn);
    if (!info) {
      throw new EngineError(
        'bad-message',
        `inspect.pfn: ${pfn} is not a frame (0 to ${session.frames - 1})`,
      );
    }
    this.inspected = { pfn, key: session.frameKey(pfn) };
    this.post({ v: 1, type: 'inspection', info });
  }

  /** Re-sends the inspected frame when the new state changed it. */
  private refreshInspection(session: Session): void {
    const ins = this.inspected;
    if (!ins) return;
    const key = session.frameKey(ins.pfn);
    if (key === ins.key) return;
    this.inspect(ins.pfn);
  }
}
