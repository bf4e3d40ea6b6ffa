import { ENOMEM, LOWMEM_RESERVE } from '../constants';
import { IMAGE_PFN, NS, NSF } from '../marks';
import { Reg } from '../registers';
import { Role } from '../roles';
import { lineId } from '../source/pseudocode';
import type { MemoryBitmap } from './bitmap';
import type { Kernel } from './kernel';
import type { Zone } from './machine';
import { swsuspFree } from './free';
import { shrinkLoop } from './shrink';

const L = {
  shCount: lineId('sh.count'),
  shTmp: lineId('sh.tmp'),
  shFree: lineId('sh.free'),
  shEnomem: lineId('sh.enomem'),
  shImg: lineId('sh.imgsize'),
  mfp: lineId('mfp.mark'),
  drain: lineId('save.drain'),
  count: lineId('save.count'),
  need: lineId('save.need'),
  efm: lineId('efm.check'),
  drain2: lineId('save.drain2'),
  sizes: lineId('save.sizes'),
  done: lineId('save.done'),
  allocFail: lineId('alloc.fail'),
  ghb: lineId('ghb.get'),
  ahiCount: lineId('ahi.count'),
  ahiAlloc: lineId('ahi.alloc'),
  ahiSet: lineId('ahi.set'),
  low: lineId('alloc.low'),
  lowSet: lineId('alloc.lowset'),
  cdpMark: lineId('cdp.mark'),
  cdpSet: lineId('cdp.set'),
  cdpReset: lineId('cdp.reset'),
  cdpLoop: lineId('cdp.loop'),
  copyHigh: lineId('cdpg.high'),
  copyLowHigh: lineId('cdpg.lowhigh'),
  copyLow: lineId('cdpg.low'),
};

/** Copy cases, the narration's n0 for copy steps. */
export const CopyCase = { LowToLow: 0, HighToLow: 1, HighToHigh: 2, LowToHigh: 3 } as const;

/**
 * mark_free_pages(zone) as one step: NSF now marks exactly the zone's free frames (NS pages keep
 * theirs). Only frames changed since the zone's last walk can need a new mark, so only they are
 * visited (kernel/dirty.ts); they are visited in pfn order, so the writes are the same as a whole
 * walk's.
 */
export function markFreePages(k: Kernel, z: Zone, line = L.mfp): void {
  k.rec.step(line, -1, -1, -1, z.index, k.alloc.freeIn(z.index));
  const changed = k.markDirty.take(z.index);
  if (changed === null) {
    for (let pfn = z.start; pfn < z.end; pfn++) markFree(k, pfn);
  } else {
    for (let i = 0; i < changed.length; i++) markFree(k, changed[i]);
  }
}

function markFree(k: Kernel, pfn: number): void {
  const f = k.state.flags[pfn];
  if (k.alloc.isFree(pfn)) {
    if (!(f & NSF)) k.rec.setFlags(pfn, f | NSF);
  } else if (f & NSF && !(f & NS) && k.pfnValid(pfn)) k.rec.setFlags(pfn, f & ~NSF);
}

/** saveable_page() / saveable_highmem_page() on the current marks. */
export function saveable(k: Kernel, pfn: number, highmem: boolean): boolean {
  if (!k.pfnValid(pfn)) return false;
  if (k.state.flags[pfn] & (NS | NSF)) return false;
  const role = k.state.role[pfn];
  if (highmem) return role !== Role.Reserved;
  return role !== Role.Nosave;
}

/** Saveable frames of zone `z`, recounting only the frames changed since its last count. */
function countZone(k: Kernel, z: Zone): number {
  const at = k.saveableAt;
  const changed = k.countDirty.take(z.index);
  if (changed === null) {
    let n = 0;
    for (let pfn = z.start; pfn < z.end; pfn++) {
      const s = saveable(k, pfn, z.highmem) ? 1 : 0;
      at[pfn] = s;
      n += s;
    }
    k.saveableIn[z.index] = n;
  } else {
    let n = k.saveableIn[z.index];
    for (let i = 0; i < changed.length; i++) {
      const pfn = changed[i];
      const s = saveable(k, pfn, z.highmem) ? 1 : 0;
      n += s - at[pfn];
      at[pfn] = s;
    }
    k.saveableIn[z.index] = n;
  }
  return k.saveableIn[z.index];
}

function countZones(k: Kernel, highmem: boolean, markLine: number): number {
  let n = 0;
  for (const z of k.zones) {
    if (z.highmem !== highmem) continue;
    markFreePages(k, z, markLine);
    n += countZone(k, z);
  }
  return n;
}

/** count_data_pages() */
export const countDataPages = (k: Kernel, line = L.mfp) => countZones(k, false, line);
/** count_highmem_pages() */
export const countHighmemPages = (k: Kernel, line = L.mfp) => countZones(k, true, line);

/** The 2.6.20 swsusp_shrink_memory(): highmem that does not fit in free highmem needs lowmem. */
export function swsuspShrinkMemory(k: Kernel): void {
  const s = k.scenario;
  shrinkLoop(
    k,
    () => {
      let highmemSize = countHighmemPages(k);
      let size = countDataPages(k) + s.pagesForIo;
      k.rec.step(L.shCount, -1, -1, -1, size - s.pagesForIo, highmemSize);
      let tmp = size;
      size += highmemSize;
      for (const z of k.zones) {
        if (!z.populated) continue;
        if (z.highmem) highmemSize -= k.alloc.freeIn(z.index);
        else tmp += -k.alloc.freeIn(z.index) + LOWMEM_RESERVE + k.snapshotAdditionalPages(z);
      }
      tmp += Math.max(highmemSize, 0);
      k.rec.step(L.shTmp, -1, -1, -1, tmp, size);
      return { tmp, size };
    },
    { free: L.shFree, imageSize: L.shImg, enomem: L.shEnomem },
  );
}

export interface SaveResult {
  snapshotRole: Uint8Array;
  snapshotFlags: Uint8Array;
  /** Frames free just before swsusp_alloc(), for the final verification. */
  freeBeforeAlloc: Uint8Array;
}

/** swsusp_save(): count, enough_free_mem, swsusp_alloc, copy_data_pages. */
export function swsuspSave(k: Kernel, orig: MemoryBitmap, copy: MemoryBitmap): SaveResult {
  const s = k.scenario;
  k.rec.step(L.drain);
  k.rec.printk('swsusp: critical section: ');
  const nrPages = countDataPages(k);
  const nrHighmem = countHighmemPages(k);
  k.rec.step(L.count, -1, -1, -1, nrPages, nrHighmem);
  k.counted = { freeLowmem: k.alloc.freeLowmem(), freeHighmem: k.alloc.freeHighmem() };
  k.rec.setReg(Reg.saveableLowmem, nrPages);
  k.rec.setReg(Reg.saveableHighmem, nrHighmem);
  k.rec.step(L.need, -1, -1, -1, nrPages + nrHighmem);
  k.rec.printk(`swsusp: Need to copy ${nrPages + nrHighmem} pages`);

  // enough_free_mem()
  let free = 0;
  let meta = 0;
  for (const z of k.zones) {
    meta += k.snapshotAdditionalPages(z);
    if (!z.highmem) free += k.alloc.freeIn(z.index);
  }
  const freeHigh = k.alloc.freeHighmem();
  const forHighmem = freeHigh >= nrHighmem ? 0 : nrHighmem - freeHigh;
  const need = nrPages + forHighmem + s.pagesForIo + meta;
  k.rec.step(L.efm, -1, -1, -1, free, need);
  k.rec.setReg(Reg.metaEstimate, meta);
  k.rec.setReg(Reg.needLowmem, need);
  if (!(free > need)) {
    k.rec.printk('swsusp: Not enough free memory');
    k.rec.printk('Error -12 suspending');
    k.fail({
      function: 'enough_free_mem',
      errno: ENOMEM,
      message: 'swsusp: Not enough free memory',
    });
  }

  const freeBeforeAlloc = k.freeFrames();
  swsuspAlloc(k, orig, copy, nrPages, nrHighmem);

  k.rec.step(L.drain2);
  copyDataPages(k, orig, copy);
  const n = nrPages + nrHighmem;
  const meta2 = Math.ceil((n * 4) / 4096);
  k.rec.step(L.sizes, -1, -1, -1, n, meta2);
  k.rec.setReg(Reg.nrCopyPages, n);
  k.rec.setReg(Reg.nrMetaPages, meta2);
  k.copied = true;
  k.copiesDone = true;
  k.rec.step(L.done, -1, -1, -1, n);
  k.rec.printk(`swsusp: critical section/: done (${n} pages copied)`);
  return {
    snapshotRole: k.state.role.slice(),
    snapshotFlags: k.state.flags.slice(),
    freeBeforeAlloc,
  };
}

function allocFailed(k: Kernel): never {
  k.rec.step(L.allocFail);
  swsuspFree(k);
  k.rec.printk('swsusp: Memory allocation failed');
  k.rec.printk('Error -12 suspending');
  k.fail({ function: 'swsusp_alloc', errno: ENOMEM, message: 'swsusp: Memory allocation failed' });
}

/** swsusp_alloc(): the two bitmaps, `buffer` and highmem copies when needed, then lowmem copies. */
function swsuspAlloc(
  k: Kernel,
  orig: MemoryBitmap,
  copy: MemoryBitmap,
  nrPages: number,
  nrHighmem: number,
): void {
  if (orig.create('orig_bm', false)) allocFailed(k);
  if (copy.create('copy_bm', false)) allocFailed(k);
  if (nrHighmem > 0) {
    const buf = k.getImagePage(false, Role.Buffer, L.ghb);
    if (buf < 0) allocFailed(k);
    k.rec.setReg(Reg.buffer, buf);
    // alloc_highmem_image_pages()
    const toAlloc = Math.min(k.alloc.freeHighmem(), nrHighmem);
    k.rec.step(L.ahiCount, -1, -1, -1, toAlloc, nrHighmem - toAlloc);
    k.rec.setReg(Reg.nrHighmemCopyLow, nrHighmem - toAlloc);
    for (let i = 0; i < toAlloc; i++) {
      const pfn = k.take(true);
      k.rec.step(L.ahiAlloc, pfn, -1, -1, i + 1, toAlloc);
      k.claim(pfn, Role.Copy, false);
      k.rec.orFlags(pfn, NS | NSF);
      k.rec.step(L.ahiSet, pfn);
      copy.setBit(pfn);
    }
    nrPages += nrHighmem - toAlloc;
  }
  for (let i = 0; i < nrPages; i++) {
    const pfn = k.take(false);
    if (pfn < 0) allocFailed(k);
    k.rec.step(L.low, pfn, -1, -1, i + 1, nrPages);
    k.claim(pfn, Role.Copy, false);
    k.rec.orFlags(pfn, NS | NSF);
    k.rec.step(L.lowSet, pfn);
    copy.setBit(pfn);
  }
}

/** copy_data_pages(): mark saveable pfns in orig_bm, then copy the k-th to the k-th copy_bm frame. */
function copyDataPages(k: Kernel, orig: MemoryBitmap, copy: MemoryBitmap): void {
  for (const z of k.zones) {
    markFreePages(k, z, L.cdpMark);
    for (let pfn = z.start; pfn < z.end; pfn++) {
      if (!saveable(k, pfn, z.highmem)) continue;
      k.rec.step(L.cdpSet, pfn, -1, -1, z.index);
      orig.setBit(pfn);
      k.rec.orFlags(pfn, IMAGE_PFN);
    }
  }
  k.rec.step(L.cdpReset);
  orig.positionReset();
  copy.positionReset();
  const content = k.state.content;
  for (;;) {
    k.rec.step(L.cdpLoop);
    const src = orig.nextPfn();
    if (src < 0) break; // this step narrates BM_END_OF_MAP
    const dst = copy.nextPfn();
    const srcHigh = k.isHighmem(src);
    const dstHigh = k.isHighmem(dst);
    const buffer = k.rec.reg(Reg.buffer);
    k.rec.snapshotContent[src] = content[src];
    if (srcHigh) {
      const c = dstHigh ? CopyCase.HighToHigh : CopyCase.HighToLow;
      k.rec.amend(L.copyHigh, src, dst, -1, c);
      k.rec.setContent(dst, content[src]);
      k.rec.addReg(dstHigh ? Reg.highToHigh : Reg.highToLow, 1);
    } else if (dstHigh) {
      k.rec.amend(L.copyLowHigh, src, dst, buffer, CopyCase.LowToHigh);
      k.rec.setContent(buffer, content[src]);
      k.rec.setContent(dst, content[buffer]);
      k.rec.addReg(Reg.lowToHigh, 1);
    } else {
      k.rec.amend(L.copyLow, src, dst, -1, CopyCase.LowToLow);
      k.rec.setContent(dst, content[src]);
      k.rec.addReg(Reg.lowToLow, 1);
    }
    k.rec.copyPairs.push(src);
    k.rec.copyPairs.push(dst);
    k.rec.addReg(Reg.copyPairs, 1);
  }
}
