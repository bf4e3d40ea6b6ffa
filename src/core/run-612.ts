import { Kernel, KernelFailure } from './kernel/kernel';
import type { Failure } from './kernel/kernel';
import { powerOff612, swsuspWrite612 } from './kernel/linux612/image';
import type { ImageList } from './kernel/linux612/image';
import { L, step } from './kernel/linux612/lines';
import { imageKernelFinish612, resumeTargetKernel612 } from './kernel/linux612/restore';
import { newResume612, swsuspRead612 } from './kernel/linux612/resume';
import type { Resume612 } from './kernel/linux612/resume';
import { newSuspend612, suspend612 } from './kernel/linux612/suspend';
import type { Suspend612 } from './kernel/linux612/suspend';
import { Today } from './kernel/linux612/today';
import { Phase } from './kernel/phases';
import { imageKernelTakeover } from './kernel/restore';
import type { Verification } from './kernel/restore';
import { Reg } from './registers';
import { finishRun, startRun } from './run';
import type { OutcomeName, Run, SimulateOptions } from './run';
import type { Scenario } from './scenario/types';

/** What a linux-6.12 run adds to the report (spec of the 6.12 model, §9.3). */
export interface Linux612Info {
  suspend: Suspend612;
  resume: Resume612 | null;
}

/**
 * The linux-6.12 model: hibernate_preallocate_memory() before the freeze, radix-tree bitmaps with
 * two saved basic bitmaps, zero pages listed without a data page, the PBE reserve left on
 * safe_pages_list, memory_bm_recycle() feeding swsusp_arch_resume()'s safe pages.
 */
export function simulate612(scenario: Scenario, opts: SimulateOptions = {}): Run {
  const k = new Kernel(scenario, { record: opts.record });
  const lastChunk = startRun(k, opts);
  const sus = new Today(k);
  const info: Linux612Info = { suspend: newSuspend612(), resume: null };
  let failure: Failure | null = null;
  let outcome: OutcomeName = 'restored';
  let verification: Verification | null = null;
  let bootRegs: Int32Array | null = null;
  let image: ImageList | null = null;
  let saved: {
    snapshotRole: Uint8Array;
    snapshotFlags: Uint8Array;
    freeBeforeAlloc: Uint8Array;
  } | null = null;
  try {
    k.rec.phase = Phase.Suspend;
    suspend612(sus, info.suspend);
    saved = {
      snapshotRole: k.state.role.slice(),
      snapshotFlags: k.state.flags.slice(),
      freeBeforeAlloc: info.suspend.freeBeforeBasic ?? new Uint8Array(k.frames),
    };
    k.rec.phase = Phase.Image;
    image = swsuspWrite612(sus);
  } catch (e) {
    if (!(e instanceof KernelFailure)) throw e;
    failure = e.failure;
    outcome = 'suspend-failed';
  }
  const suspendRegs = k.state.regs.slice();
  if (!failure && saved && image) {
    const res = newResume612();
    info.resume = res;
    try {
      k.rec.phase = Phase.PowerOff;
      powerOff612(sus);
      const boot = new Today(k);
      k.rec.phase = Phase.Resume;
      swsuspRead612(boot, image, res);
      k.rec.phase = Phase.Restore;
      resumeTargetKernel612(boot, res);
      bootRegs = k.state.regs.slice();
      k.rec.phase = Phase.Restored;
      const low = imageKernelTakeover(k, saved, () => step(k, L.imgBack));
      k.rec.setReg(Reg.forbiddenBm, sus.forbidden.inst?.id ?? -1);
      k.rec.setReg(Reg.freeBm, sus.freeMap.inst?.id ?? -1);
      k.rec.setReg(Reg.basicBitmapPages, info.suspend.basicBitmapPages);
      verification = imageKernelFinish612(sus, info.suspend, low);
    } catch (e) {
      if (!(e instanceof KernelFailure)) throw e;
      failure = e.failure;
      outcome = 'resume-failed';
      bootRegs = k.state.regs.slice();
    }
  }
  const run = finishRun(k, { outcome, failure, verification, suspendRegs, bootRegs }, lastChunk);
  run.linux612 = info;
  return run;
}
