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
import type { Trace } from './trace/trace';
import type { Zone } from './kernel/machine';

/** onProgress(steps so far, current phase) is called every 65,536 steps. */
export interface SimulateOptions {
  onProgress?: (steps: number, phase: number) => void;
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
}

/** Runs the linux-2.6.20 model start to end. Never throws for a valid scenario. */
export function simulate2620(scenario: Scenario, opts: SimulateOptions = {}): Run {
  const k = new Kernel(scenario);
  k.rec.onProgress = opts.onProgress ?? null;
  const orig = new MemoryBitmap(k, BM_ORIG, Reg.origBm, Reg.origPos);
  const copy = new MemoryBitmap(k, BM_COPY, Reg.copyBm, Reg.copyPos);
  const safeHigh = new MemoryBitmap(k, BM_SAFE_HIGH, Reg.safeHighBm, Reg.safePos);
  let failure: Failure | null = null;
  let outcome: OutcomeName = 'restored';
  let verification: Verification | null = null;
  let bootRegs: Int32Array | null = null;
  let saved: SaveResult | null = null;
  try {
    k.rec.phase = Phase.Suspend;
    swsuspShrinkMemory(k);
    saved = swsuspSave(k, orig, copy);
    k.rec.phase = Phase.Image;
    swsuspWrite(k, bitmapSource(k, orig, copy));
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
      swsuspRead(k, {
        orig,
        copy: new MemoryBitmap(k, BM_COPY, Reg.copyBm, Reg.copyPos),
        safeHigh,
      });
      k.rec.phase = Phase.Restore;
      swsuspResume(k);
      bootRegs = k.state.regs.slice();
      k.rec.phase = Phase.Restored;
      const low = imageKernelTakeover(k, saved);
      verification = imageKernelFinish(k, saved, low);
    } catch (e) {
      if (!(e instanceof KernelFailure)) throw e;
      failure = e.failure;
      outcome = 'resume-failed';
      bootRegs = k.state.regs.slice();
    }
  }
  return finishRun(k, { outcome, failure, verification, suspendRegs, bootRegs });
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
export function finishRun(k: Kernel, end: RunEnd): Run {
  k.rec.setReg(Reg.outcome, OUTCOME_REG[end.outcome]);
  const endPhase = k.rec.phase;
  return {
    scenario: k.scenario,
    zones: k.zones,
    trace: k.rec.finish(),
    endPhase,
    counted: k.counted,
    copied: k.copied,
    copiesDone: k.copiesDone,
    ...end,
  };
}
