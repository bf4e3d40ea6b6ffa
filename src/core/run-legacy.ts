import { swsuspWrite } from './kernel/image';
import type { ImageSource } from './kernel/image';
import { Kernel } from './kernel/kernel';
import { Pagedir } from './kernel/legacy/pagedir';
import { legacyRead, legacyResume } from './kernel/legacy/resume';
import {
  HighmemCopies,
  legacyShrinkMemory,
  legacySwsuspSave,
  restoreHighmem,
  saveHighmem,
} from './kernel/legacy/suspend';
import { runModel } from './run';
import type { Run, SimulateOptions } from './run';
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
  const k = new Kernel(scenario, { record: opts.record });
  k.rec.pbeListOrder = 'fifo';
  const hc = new HighmemCopies();
  const dir = new Pagedir();
  let imageKernelCopies = new HighmemCopies();
  let restoreList = dir;
  return runModel(k, opts, {
    suspend: () => {
      legacyShrinkMemory(k);
      const freeBeforeAlloc = k.freeFrames();
      saveHighmem(k, hc);
      legacySwsuspSave(k, hc, dir);
      const saved = {
        snapshotRole: k.state.role.slice(),
        snapshotFlags: k.state.flags.slice(),
        freeBeforeAlloc,
      };
      // the image kernel finds highmem_copy as it was at the snapshot
      imageKernelCopies = Object.assign(new HighmemCopies(), {
        saves: [...hc.saves],
        slabPages: [...hc.slabPages],
        objects: hc.objects,
      });
      restoreHighmem(k, hc);
      return saved;
    },
    write: () => swsuspWrite(k, pagedirSource(dir, k)),
    read: () => {
      restoreList = legacyRead(k);
    },
    restore: () => legacyResume(k, restoreList),
    imageKernel: () => restoreHighmem(k, imageKernelCopies),
  });
}
