import { powerOffAndBoot, swsuspWrite } from './kernel/image';
import type { ImageSource } from './kernel/image';
import { Kernel, KernelFailure } from './kernel/kernel';
import type { Failure } from './kernel/kernel';
import { Pagedir } from './kernel/legacy/pagedir';
import { legacyRead, legacyResume } from './kernel/legacy/resume';
import {
  HighmemCopies,
  legacyShrinkMemory,
  legacySwsuspSave,
  restoreHighmem,
  saveHighmem,
} from './kernel/legacy/suspend';
import { Phase } from './kernel/phases';
import { imageKernelFinish, imageKernelTakeover } from './kernel/restore';
import type { Verification } from './kernel/restore';
import type { SaveResult } from './kernel/suspend';
import { finishRun } from './run';
import type { Run, OutcomeName, SimulateOptions } from './run';
import type { Scenario } from './scenario/types';

/** snapshot_read_next (2.6.17): meta pages from orig_address, data pages in PBE order. */
function pagedirSource(dir: Pagedir, k: Kernel): ImageSource {
  let pbe = 0;
  return {
    reset() {
      pbe = 0;
    },
    packMeta() {
      let packed = 0;
      for (let j = 0; j < 1024 && pbe !== -1; j++, packed++) pbe = dir.next[pbe];
      if (pbe === -1) pbe = 0;
      return packed;
    },
    nextData() {
      const frame = dir.address[pbe];
      pbe = dir.next[pbe];
      return frame;
    },
    origPfn: (i) => k.rec.copyPairs.data[2 * i],
  };
}

/**
 * The linux-2.6.17 model: save_highmem copies every saveable highmem page into lowmem before the
 * snapshot, swsusp_save builds a PBE list for every image page, and the resumed kernel puts
 * highmem back with restore_highmem.
 */
export function simulate2617(scenario: Scenario, opts: SimulateOptions = {}): Run {
  const k = new Kernel(scenario);
  k.rec.onProgress = opts.onProgress ?? null;
  k.rec.pbeListOrder = 'fifo';
  const hc = new HighmemCopies();
  const dir = new Pagedir();
  let failure: Failure | null = null;
  let outcome: OutcomeName = 'restored';
  let verification: Verification | null = null;
  let bootRegs: Int32Array | null = null;
  let saved: SaveResult | null = null;
  let imageKernelCopies: HighmemCopies | null = null;
  try {
    k.rec.phase = Phase.Suspend;
    legacyShrinkMemory(k);
    const freeBeforeAlloc = new Uint8Array(k.frames);
    for (let pfn = 0; pfn < k.frames; pfn++)
      if (k.pfnValid(pfn) && k.alloc.isFree(pfn)) freeBeforeAlloc[pfn] = 1;
    saveHighmem(k, hc);
    legacySwsuspSave(k, hc, dir);
    saved = {
      snapshotRole: k.state.role.slice(),
      snapshotFlags: k.state.flags.slice(),
      freeBeforeAlloc,
    };
    imageKernelCopies = Object.assign(new HighmemCopies(), {
      saves: [...hc.saves],
      slabPages: [...hc.slabPages],
      objects: hc.objects,
    });
    restoreHighmem(k, hc);
    k.rec.phase = Phase.Image;
    swsuspWrite(k, pagedirSource(dir, k));
  } catch (e) {
    if (!(e instanceof KernelFailure)) throw e;
    failure = e.failure;
    outcome = 'suspend-failed';
  }
  const suspendRegs = k.state.regs.slice();
  if (!failure && saved && imageKernelCopies) {
    try {
      k.rec.phase = Phase.PowerOff;
      powerOffAndBoot(k);
      k.rec.phase = Phase.Resume;
      const restoreList = legacyRead(k);
      k.rec.phase = Phase.Restore;
      legacyResume(k, restoreList);
      bootRegs = k.state.regs.slice();
      k.rec.phase = Phase.Restored;
      const low = imageKernelTakeover(k, saved);
      restoreHighmem(k, imageKernelCopies);
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
