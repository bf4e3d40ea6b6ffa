import { BM_COPY, BM_ORIG, BM_SAFE_HIGH } from './marks';
import { MemoryBitmap } from './kernel/bitmap';
import { bitmapSource, swsuspWrite, powerOffAndBoot } from './kernel/image';
import { Kernel, KernelFailure } from './kernel/kernel';
import type { Failure } from './kernel/kernel';
import { Phase } from './kernel/phases';
import { imageKernelFinish, imageKernelTakeover, swsuspResume } from './kernel/restore';
import type { Verification } from './kernel/restore';
import { swsuspRead } from './kernel/resume';
import { swsuspSave, swsuspShrinkMemory } from './kernel/suspend';
import type { SaveResult } from './kernel/suspend';
import { Outcome, Reg } from './registers';
import type { Scenario } from './scenario/types';
import { KeyframeTaker } from './trace/keyframes';
import type { Keyframe, KeyframeOptions } from './trace/keyframes';
import { chunkRecorder } from './trace/chunks';
import type { ChunkOptions } from './trace/chunks';
import type { Trace } from './trace/trace';
import type { Zone } from './kernel/machine';
import type { Linux612Info } from './run-612';

/** onProgress(steps so far, current phase) is called every 65,536 steps. */
export interface SimulateOptions {
  onProgress?: (steps: number, phase: number) => void;
  /**
   * false: run without a step log (the report needs none); the trace then has its step count but
   * no columns, changes or bulk images, and cannot be replayed.
   */
  record?: boolean;
  /** Take keyframes while simulating (the run's `keyframes`); none when absent. */
  keyframes?: KeyframeOptions;
  /** Hand the trace over in chunks while simulating (trace/chunks.ts); needs `record`. */
  chunks?: ChunkOptions;
}

export type OutcomeName = 'restored' | 'suspend-failed' | 'resume-failed';

/** Everything one run produced: the step trace and what the report needs. */
export interface Run {
  scenario: Scenario;
  zones: Zone[];
  trace: Trace;
  outcome: OutcomeName;
  failure: Failure | null;
  /** The phase in which the run ended (the failing phase for a failed run). */
  endPhase: number;
  verification: Verification | null;
  /** Register values at the end of the suspending kernel (before power-off) and of the boot kernel. */
  suspendRegs: Int32Array | null;
  bootRegs: Int32Array | null;
  counted: { freeLowmem: number; freeHighmem: number } | null;
  copied: boolean;
  copiesDone: boolean;
  /** How far the boot kernel got: mark_unsafe_pages ran; prepare_image succeeded. */
  unsafeMarked: boolean;
  loading: boolean;
  /** Keyframes taken while simulating (state 1 onwards), when asked for. */
  keyframes: readonly Keyframe[] | null;
  /** linux-6.12 only: preallocation, zero pages and the resume's safe pages, for the report. */
  linux612?: Linux612Info;
}

/**
 * What a model does in each phase; runModel drives them in order and turns a KernelFailure into
 * the run's outcome. The phases of the two models differ only in these functions.
 */
export interface ModelSteps {
  /** Shrink and snapshot; returns the snapshot the image kernel will come back to. */
  suspend(): SaveResult;
  /** Write the image (swsusp_write). */
  write(): void;
  /** The boot kernel reads the image. */
  read(): void;
  /** swsusp_resume: from the boot kernel into the image. */
  restore(): void;
  /** Work of the image kernel between taking over and its swsusp_free (2.6.17: restore_highmem). */
  imageKernel?(): void;
}

/** Runs a model start to end. Never throws for a valid scenario. */
export function runModel(k: Kernel, opts: SimulateOptions, steps: ModelSteps): Run {
  const lastChunk = startRun(k, opts);
  let failure: Failure | null = null;
  let outcome: OutcomeName = 'restored';
  let verification: Verification | null = null;
  let bootRegs: Int32Array | null = null;
  let saved: SaveResult | null = null;
  try {
    k.rec.phase = Phase.Suspend;
    saved = steps.suspend();
    k.rec.phase = Phase.Image;
    steps.write();
  } catch (e) {
    if (!(e instanceof KernelFailure)) throw e;
    failure = e.failure;
    outcome = 'suspend-failed';
  }
  const suspendRegs = k.state.regs.slice();
  if (!failure && saved) {
    try {
      k.rec.phase = Phase.PowerOff;
      powerOffAndBoot(k);
      k.rec.phase = Phase.Resume;
      steps.read();
      k.rec.phase = Phase.Restore;
      steps.restore();
      bootRegs = k.state.regs.slice();
      k.rec.phase = Phase.Restored;
      const low = imageKernelTakeover(k, saved);
      steps.imageKernel?.();
      verification = imageKernelFinish(k, saved, low);
    } catch (e) {
      if (!(e instanceof KernelFailure)) throw e;
      failure = e.failure;
      outcome = 'resume-failed';
      bootRegs = k.state.regs.slice();
    }
  }
  return finishRun(k, { outcome, failure, verification, suspendRegs, bootRegs }, lastChunk);
}

/**
 * Wires the run's options into the recorder (progress, keyframes, chunks); returns the function
 * that cuts the last chunk when the run has ended, if chunks were asked for.
 */
export function startRun(k: Kernel, opts: SimulateOptions): (() => void) | null {
  k.rec.onProgress = opts.onProgress ?? null;
  if (opts.keyframes && k.rec.recording)
    k.rec.keyframes = new KeyframeTaker(k.frames, opts.keyframes);
  return opts.chunks ? chunkRecorder(k.rec, opts.chunks) : null;
}

/** The linux-2.6.20 model: memory bitmaps, highmem copies in highmem, PBEs only on resume. */
export function simulate2620(scenario: Scenario, opts: SimulateOptions = {}): Run {
  const k = new Kernel(scenario, { record: opts.record });
  const orig = new MemoryBitmap(k, BM_ORIG, Reg.origBm, Reg.origPos);
  const copy = new MemoryBitmap(k, BM_COPY, Reg.copyBm, Reg.copyPos);
  const safeHigh = new MemoryBitmap(k, BM_SAFE_HIGH, Reg.safeHighBm, Reg.safePos);
  return runModel(k, opts, {
    suspend: () => {
      swsuspShrinkMemory(k);
      return swsuspSave(k, orig, copy);
    },
    write: () => swsuspWrite(k, bitmapSource(k, orig, copy)),
    // the boot kernel's copy_bm is a fresh object: nothing of the suspending kernel's survives
    read: () =>
      swsuspRead(k, {
        orig,
        copy: new MemoryBitmap(k, BM_COPY, Reg.copyBm, Reg.copyPos),
        safeHigh,
      }),
    restore: () => swsuspResume(k),
  });
}

/** What a model's run knows when it ends; finishRun turns it into a Run. */
export interface RunEnd {
  outcome: OutcomeName;
  failure: Failure | null;
  verification: Verification | null;
  suspendRegs: Int32Array | null;
  bootRegs: Int32Array | null;
}

const OUTCOME_REG: Record<OutcomeName, number> = {
  restored: Outcome.Restored,
  'suspend-failed': Outcome.SuspendFailed,
  'resume-failed': Outcome.ResumeFailed,
};

/** Records the outcome in the last step and seals the trace (both models). */
export function finishRun(k: Kernel, end: RunEnd, lastChunk: (() => void) | null = null): Run {
  k.rec.setReg(Reg.outcome, OUTCOME_REG[end.outcome]);
  const endPhase = k.rec.phase;
  const trace = k.rec.finish();
  lastChunk?.();
  return {
    scenario: k.scenario,
    zones: k.zones,
    trace,
    endPhase,
    counted: k.counted,
    copied: k.copied,
    copiesDone: k.copiesDone,
    unsafeMarked: k.unsafeMarked,
    loading: k.loading,
    keyframes: k.rec.keyframes?.keyframes ?? null,
    ...end,
  };
}
