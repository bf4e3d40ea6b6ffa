import { ENOMEM, LOWMEM_RESERVE } from '../constants';
import { IMAGE_PFN, NS, NSF } from '../marks';
import { Reg } from '../registers';
import { Role } from '../roles';
import type { MemoryBitmap } from './bitmap';
import type { Kernel } from './kernel';
import type { Zone } from './machine';
import { swsuspFree } from './free';
import { shrinkLoop } from './shrink';

/** Copy cases, the narration's n0 for copy steps. */
export const CopyCase = { LowToLow: 0, HighToLow: 1, HighToHigh: 2, LowToHigh: 3 } as const;

/** The kinds of a mark_free_pages() step (the caller's context names it). */
export type MarkKind = 'mfp.mark' | 'cdp.mark' | 'lcdp.mark';

/**
 * mark_free_pages(zone) as one step: NSF now marks exactly the zone's free frames (NS pages keep
 * theirs). Only frames changed since the zone's last walk can need a new mark, so only they are
 * visited (kernel/dirty.ts); they are visited in pfn order, so the writes are the same as a whole
 * walk's.
 */
export function markFreePages(k: Kernel, z: Zone, kind: MarkKind = 'mfp.mark'): void {
  k.rec.record(kind, { zone: z.index, free: k.alloc.freeIn(z.index) });
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

function countZones(k: Kernel, highmem: boolean, markKind: MarkKind): number {
  let n = 0;
  for (const z of k.zones) {
    if (z.highmem !== highmem) continue;
    markFreePages(k, z, markKind);
    n += countZone(k, z);
  }
  return n;
}

/** count_data_pages() */
export const countDataPages = (k: Kernel) => countZones(k, false, 'mfp.mark');
/** count_highmem_pages() */
export const countHighmemPages = (k: Kernel) => countZones(k, true, 'mfp.mark');

/** The 2.6.20 swsusp_shrink_memory(): highmem that does not fit in free highmem needs lowmem. */
export function swsuspShrinkMemory(k: Kernel): void {
  const s = k.scenario;
  shrinkLoop(
    k,
    () => {
      let highmemSize = countHighmemPages(k);
      let size = countDataPages(k) + s.pagesForIo;
      k.rec.record('sh.count', { lowmem: size - s.pagesForIo, highmem: highmemSize });
      let tmp = size;
      size += highmemSize;
      for (const z of k.zones) {
        if (!z.populated) continue;
        if (z.highmem) highmemSize -= k.alloc.freeIn(z.index);
        else tmp += -k.alloc.freeIn(z.index) + LOWMEM_RESERVE + k.snapshotAdditionalPages(z);
      }
      tmp += Math.max(highmemSize, 0);
      k.rec.record('sh.tmp', { tmp, size });
      return { tmp, size };
    },
    { free: 'sh.free', imageSize: 'sh.imgsize', enomem: 'sh.enomem' },
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
  k.rec.record('save.drain', {});
  k.rec.printk('swsusp: critical section: ');
  const nrPages = countDataPages(k);
  const nrHighmem = countHighmemPages(k);
  k.rec.record('save.count', { lowmem: nrPages, highmem: nrHighmem });
  k.counted = { freeLowmem: k.alloc.freeLowmem(), freeHighmem: k.alloc.freeHighmem() };
  k.rec.setReg(Reg.saveableLowmem, nrPages);
  k.rec.setReg(Reg.saveableHighmem, nrHighmem);
  k.rec.record('save.need', { pages: nrPages + nrHighmem });
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
  k.rec.record('efm.check', { free, need });
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

  k.rec.record('save.drain2', {});
  copyDataPages(k, orig, copy);
  const n = nrPages + nrHighmem;
  const meta2 = Math.ceil((n * 4) / 4096);
  k.rec.record('save.sizes', { copyPages: n, metaPages: meta2 });
  k.rec.setReg(Reg.nrCopyPages, n);
  k.rec.setReg(Reg.nrMetaPages, meta2);
  k.copied = true;
  k.copiesDone = true;
  k.rec.record('save.done', { pages: n });
  k.rec.printk(`swsusp: critical section/: done (${n} pages copied)`);
  return {
    snapshotRole: k.state.role.slice(),
    snapshotFlags: k.state.flags.slice(),
    freeBeforeAlloc,
  };
}

function allocFailed(k: Kernel): never {
  k.rec.record('alloc.fail', {});
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
    const buf = k.getImagePage(false, Role.Buffer, (page) => k.rec.record('ghb.get', { page }));
    if (buf < 0) allocFailed(k);
    k.rec.setReg(Reg.buffer, buf);
    // alloc_highmem_image_pages()
    const toAlloc = Math.min(k.alloc.freeHighmem(), nrHighmem);
    k.rec.record('ahi.count', { toAlloc, leftover: nrHighmem - toAlloc });
    k.rec.setReg(Reg.nrHighmemCopyLow, nrHighmem - toAlloc);
    for (let i = 0; i < toAlloc; i++) {
      const pfn = k.take(true);
      k.rec.record('ahi.alloc', { page: pfn, nth: i + 1, of: toAlloc });
      k.claim(pfn, Role.Copy, false);
      k.rec.orFlags(pfn, NS | NSF);
      k.rec.record('ahi.set', { page: pfn });
      copy.setBit(pfn);
    }
    nrPages += nrHighmem - toAlloc;
  }
  for (let i = 0; i < nrPages; i++) {
    const pfn = k.take(false);
    if (pfn < 0) allocFailed(k);
    k.rec.record('alloc.low', { page: pfn, nth: i + 1, of: nrPages });
    k.claim(pfn, Role.Copy, false);
    k.rec.orFlags(pfn, NS | NSF);
    k.rec.record('alloc.lowset', { page: pfn });
    copy.setBit(pfn);
  }
}

/** copy_data_pages(): mark saveable pfns in orig_bm, then copy the k-th to the k-th copy_bm frame. */
function copyDataPages(k: Kernel, orig: MemoryBitmap, copy: MemoryBitmap): void {
  for (const z of k.zones) {
    markFreePages(k, z, 'cdp.mark');
    for (let pfn = z.start; pfn < z.end; pfn++) {
      if (!saveable(k, pfn, z.highmem)) continue;
      k.rec.record('cdp.set', { page: pfn, zone: z.index });
      orig.setBit(pfn);
      k.rec.orFlags(pfn, IMAGE_PFN);
    }
  }
  k.rec.record('cdp.reset', {});
  orig.positionReset();
  copy.positionReset();
  const content = k.state.content;
  for (;;) {
    k.rec.record('cdp.loop', {});
    const src = orig.nextPfn();
    if (src < 0) break; // this step narrates BM_END_OF_MAP
    const dst = copy.nextPfn();
    const srcHigh = k.isHighmem(src);
    const dstHigh = k.isHighmem(dst);
    const buffer = k.rec.reg(Reg.buffer);
    k.rec.saveSnapshot(src, content[src]);
    if (srcHigh) {
      const c = dstHigh ? CopyCase.HighToHigh : CopyCase.HighToLow;
      k.rec.reword('cdpg.high', { src, dst, copyCase: c });
      k.rec.setContent(dst, content[src]);
      k.rec.addReg(dstHigh ? Reg.highToHigh : Reg.highToLow, 1);
    } else if (dstHigh) {
      k.rec.reword('cdpg.lowhigh', { src, dst, via: buffer });
      k.rec.setContent(buffer, content[src]);
      k.rec.setContent(dst, content[buffer]);
      k.rec.addReg(Reg.lowToHigh, 1);
    } else {
      k.rec.reword('cdpg.low', { src, dst });
      k.rec.setContent(dst, content[src]);
      k.rec.addReg(Reg.lowToLow, 1);
    }
    k.rec.copyPairs.push(src);
    k.rec.copyPairs.push(dst);
    k.rec.addReg(Reg.copyPairs, 1);
  }
}
