/**
 * One loaded run and everything derived from it: the timeline of keyframes, the working cursor,
 * the encoders for frames and panels, and the step boundaries. It answers "the state at s" as a
 * snapshot body, choosing a delta when the page's state is close.
 */
import { auditInvariants, QuestionSource } from '../core';
import type { InvariantSummary, Run } from '../core';
import type {
  FrameArrays,
  FrameDelta,
  FrameInspection,
  PanelData,
  RunInfo,
} from '../protocol/messages';
import { Cursor } from './cursor';
import { FrameEncoder } from './frames';
import { FrameInspector } from './inspect';
import { InvariantMonitor } from './invariants';
import { PanelBuilder } from './panels/panels';
import { buildRunIndex } from './runIndex';
import { buildRunInfo } from './runInfo';
import { estimateSteps } from './progress';
import { Timeline } from './timeline';
import type { RunEnd } from './tracer';
import { Boundaries } from './units';

export interface SessionOptions {
  keyframeBudgetBytes?: number;
  /** Largest number of recorded changes a delta may cover before a full table is sent. */
  maxDeltaChanges?: number;
  onIndexProgress?: (fraction: number) => void;
  /** While the run is traced: how many steps it is expected to take (default: estimated). */
  expectedSteps?: number;
}

export interface SnapshotBody {
  step: number;
  frames?: FrameArrays;
  delta?: FrameDelta;
  panels: PanelData;
}

export class Session {
  info!: RunInfo;
  bounds!: Boundaries;
  timeline!: Timeline;
  /** Whether the run is traced to its end (else `totalSteps` is how far it is traced so far). */
  complete: boolean;
  private readonly cursor: Cursor;
  private encoder!: FrameEncoder;
  private panels!: PanelBuilder;
  private inspector!: FrameInspector;
  readonly invariants: InvariantMonitor;
  private questions: QuestionSource | null = null;

  /**
   * `keyframes`: those the core took while simulating (null: replay the trace once for them).
   * `audit`: the finished run's invariant audit (absent: audited here), or 'tracing' while the
   * run is still being traced, when the session grows with it (`grew`, then `finish`).
   */
  constructor(
    readonly loadId: number,
    readonly run: Run,
    private readonly opts: SessionOptions = {},
    audit?: InvariantSummary[] | 'tracing',
  ) {
    this.complete = audit !== 'tracing';
    this.cursor = new Cursor(run.trace);
    this.invariants = new InvariantMonitor(
      run,
      audit === 'tracing' ? null : (audit ?? auditInvariants(run)),
    );
    this.derive();
  }

  /** Everything read from the trace, again: after the trace grew or the run ended. */
  private derive(): void {
    const run = this.run;
    const trace = run.trace;
    const index = buildRunIndex(trace);
    this.info = buildRunInfo(
      this.loadId,
      run,
      index,
      this.complete,
      this.opts.expectedSteps ?? estimateSteps(run.scenario),
    );
    this.bounds = new Boundaries(
      trace.steps,
      index.callStarts,
      index.phases.map((p) => p.start),
    );
    // Keyframes the core took while simulating; a run without them is replayed once for them.
    this.timeline = run.keyframes
      ? Timeline.fromKeyframes(trace, run.keyframes)
      : Timeline.build(trace, {
          budgetBytes: this.opts.keyframeBudgetBytes,
          onProgress: this.opts.onIndexProgress,
        });
    this.cursor.grew();
    this.encoder = new FrameEncoder(run, { maxDeltaChanges: this.opts.maxDeltaChanges });
    this.panels = new PanelBuilder(run, index, this.info.outcomeText ?? '');
    this.inspector = new FrameInspector(run, this.encoder.savedPfn);
    // Questions look at the whole run (its outcome, the functions it goes through): asked once
    // it is traced to the end.
    this.questions = this.complete ? new QuestionSource(run) : null;
  }

  /** The trace grew by a chunk (the run's keyframes too). */
  grew(): void {
    this.invariants.grew();
    this.derive();
  }

  /** The run is traced to its end: `end` completes it (outcome, registers, the audit). */
  finish(end: RunEnd): void {
    Object.assign(this.run, end);
    delete (this.run as Run & { audit?: unknown }).audit;
    this.complete = true;
    this.invariants.finish(end.audit);
    this.derive();
  }

  get totalSteps(): number {
    return this.run.trace.steps;
  }

  get frames(): number {
    return this.run.trace.frames;
  }

  clamp(s: number): number {
    return Math.max(0, Math.min(this.totalSteps, Math.trunc(s)));
  }

  /**
   * The snapshot of state `s`. `pageAt` is the state the page holds (null: none yet); when it is
   * close the frames travel as a delta.
   */
  snapshot(s: number, pageAt: number | null): SnapshotBody {
    const target = this.clamp(s);
    this.timeline.seek(this.cursor, target);
    const delta = pageAt === null ? null : this.encoder.delta(this.cursor, pageAt);
    const panels = {
      ...this.panels.build(this.cursor),
      invariants: this.invariants.rows(this.cursor),
      questions: this.questions?.about(target) ?? [],
    };
    return delta
      ? { step: target, delta, panels }
      : { step: target, frames: this.encoder.full(this.cursor), panels };
  }

  inspect(pfn: number): FrameInspection | null {
    if (pfn < 0 || pfn >= this.frames) return null;
    return this.inspector.inspect(this.cursor, pfn);
  }

  /** The inspected frame's (role, flags, content) now, to tell whether an update is due. */
  frameKey(pfn: number): string {
    const s = this.cursor.state;
    return `${s.role[pfn]}/${s.flags[pfn]}/${s.content[pfn]}`;
  }
}
