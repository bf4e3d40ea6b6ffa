/**
 * The timeline engine: answers the page's ToEngine messages over one loaded run. It never throws
 * out of handle(): malformed messages, bad scenarios and internal failures all become 'error'
 * messages. Playback sends a snapshot only after the page has acked the previous one, and then
 * the one for wherever the play clock is by that time.
 */
import { simulate, traceBytes } from '../core';
import type { Run } from '../core';
import type { FromEngine, StepUnit, ToEngine } from '../protocol/messages';
import type { EngineHost } from './host';
import { resolveSource } from './load';
import type { Simulate } from './load';
import { reportText, stepChunk } from './exports';
import { Playback } from './playback';
import { estimateSteps, ProgressMeter } from './progress';
import { Session } from './session';
import type { SessionOptions, SnapshotBody } from './session';
import { parseMessage } from './validate';

export interface EngineOptions extends Omit<SessionOptions, 'onIndexProgress'> {
  /** The core's simulate(), replaceable so tests can make it fail. */
  simulate?: Simulate;
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

export class Engine {
  private session: Session | null = null;
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
      case 'play':
        return this.playback.start(this.requireSession().bounds, msg.unit, msg.rate);
      case 'pause':
        return this.playback.stop();
      case 'ack':
        return this.playback.ack(msg.seq);
      case 'inspect':
        return this.inspect(msg.pfn);
      case 'dispose':
        this.playback.stop();
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
    const meter = new ProgressMeter(resolved.scenario, (p) =>
      this.post({ v: 1, type: 'progress', loadId, ...p }),
    );
    let run: Run;
    let session: Session;
    try {
      const sim = this.opts.simulate ?? simulate;
      run = sim(resolved.scenario, msg.model, {
        onProgress: (s, ph) => meter.simulating(s, ph),
        keyframes: {
          budgetBytes: this.opts.keyframeBudgetBytes,
          expectedSteps: estimateSteps(resolved.scenario),
        },
      });
      session = new Session(loadId, run, {
        ...this.opts,
        onIndexProgress: (f) => meter.indexing(f),
      });
      meter.indexing(1);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return this.error('internal', `could not build the run: ${why}`, loadId);
    }
    // Only now replace the previous run: a failed load leaves the last good one in place.
    this.session = session;
    this.pageAt = null;
    this.inspected = null;
    const info = session.info;
    this.post({ v: 1, type: 'ready', info }, [info.callStarts.buffer as ArrayBuffer]);
    this.sendSnapshot(msg.step ?? 0);
  }

  private sendSnapshot(s: number): number {
    const session = this.requireSession();
    const body = session.snapshot(s, this.pageAt);
    const seq = ++this.seq;
    this.post({ v: 1, type: 'snapshot', seq, loadId: session.loadId, ...body }, transfersOf(body));
    this.pageAt = body.step;
    this.refreshInspection(session);
    return seq;
  }

  private seek(step: number): void {
    const session = this.requireSession();
    const target = session.clamp(step);
    const seq = this.sendSnapshot(target);
    // Scrubbing while playing: playback carries on from the new place.
    this.playback.rebase(target, seq);
  }

  private move(unit: StepUnit, dir: 1 | -1): void {
    const session = this.requireSession();
    this.playback.stop();
    this.sendSnapshot(session.bounds.move(this.pageAt ?? 0, unit, dir));
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
