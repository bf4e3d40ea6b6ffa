/**
 * One loaded run and everything derived from it: the timeline of keyframes, the working cursor,
 * the encoders for frames and panels, and the step boundaries. It answers "the state at s" as a
 * snapshot body, choosing a delta when the page's state is close.
 */
import { QuestionSource } from '../core';
import type { Run } from '../core';
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
import { Timeline } from './timeline';
import { Boundaries } from './units';

export interface SessionOptions {
  keyframeBudgetBytes?: number;
  /** Largest number of recorded changes a delta may cover before a full table is sent. */
  maxDeltaChanges?: number;
  onIndexProgress?: (fraction: number) => void;
}

export interface SnapshotBody {
  step: number;
  frames?: FrameArrays;
  delta?: FrameDelta;
  panels: PanelData;
}

export class Session {
  readonly info: RunInfo;
  readonly bounds: Boundaries;
  readonly timeline: Timeline;
  private readonly cursor: Cursor;
  private readonly encoder: FrameEncoder;
  private readonly panels: PanelBuilder;
  private readonly inspector: FrameInspector;
  readonly invariants: InvariantMonitor;
  private readonly questions: QuestionSource;

  constructor(
    readonly loadId: number,
    readonly run: Run,
    opts: SessionOptions = {},
  ) {
    const trace = run.trace;
    const index = buildRunIndex(trace);
    this.info = buildRunInfo(loadId, run, index);
    this.bounds = new Boundaries(
      trace.steps,
      index.callStarts,
      index.phases.map((p) => p.start),
    );
    // Keyframes the core took while simulating; a run without them is replayed once for them.
    this.timeline = run.keyframes
      ? Timeline.fromKeyframes(trace, run.keyframes)
      : Timeline.build(trace, {
          budgetBytes: opts.keyframeBudgetBytes,
          onProgress: opts.onIndexProgress,
        });
    this.cursor = new Cursor(trace);
    this.encoder = new FrameEncoder(run, { maxDeltaChanges: opts.maxDeltaChanges });
    this.panels = new PanelBuilder(run, index, this.info.outcomeText);
    this.inspector = new FrameInspector(run, this.encoder.savedPfn);
    this.invariants = new InvariantMonitor(run);
    this.questions = new QuestionSource(run);
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
      questions: this.questions.about(target),
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
