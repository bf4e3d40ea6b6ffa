import { BM_BITS_PER_BLOCK, divRoundUp, ENOMEM, LINKED_PAGE_DATA_SIZE } from '../../constants';
import { contentWord } from '../../hash';
import { IMAGE_PFN, NS, NSF } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';
import type { Zone } from '../machine';
import { CopyCase } from '../suspend';
import { L, reword, step } from './lines';
import { SIZEOF_RTREE_NODE } from './rtree';
import type { Today } from './today';

/** Tag of the content word of a basic bitmap's page that holds set bits or pointers. */
const TAG_BITMAP = 5;

/** unsigned long arithmetic of i386: every result wraps modulo 2^32. */
export const u32 = (x: number): number => x >>> 0;

/** What hibernate_preallocate_memory() computed, for the report and the Counters panel. */
export interface Preallocation {
  saveable: number;
  saveableHighmem: number;
  count: number;
  availNormal: number;
  highmem: number;
  maxSize: number;
  targetSize: number;
  path: 'fits' | 'shrink';
  minimumImageSize: number | null;
  shrinkRequest: number | null;
  allocNormal: number | null;
  allocHighmem: number | null;
  freedUnnecessary: number | null;
  allocated: number | null;
}

/** What the suspend side of a 6.12 run leaves for the report and the image kernel. */
export interface Suspend612 {
  basicBitmapPages: number;
  basicPfns: number[];
  freeBeforeBasic: Uint8Array | null;
  reclaimed: number[];
  preallocation: Preallocation | null;
  topUp: { lowmem: number; highmem: number } | null;
  zeroPfns: number[];
}

export function newSuspend612(): Suspend612 {
  return {
    basicBitmapPages: 0,
    basicPfns: [],
    freeBeforeBasic: null,
    reclaimed: [],
    preallocation: null,
    topUp: null,
    zeroPfns: [],
  };
}

const PREFIX = 'PM: hibernation: ';

/** saveable_page() / saveable_highmem_page() on the current marks (model predicates, spec 9.2.6). */
export function saveable612(t: Today, pfn: number, highmem: boolean): boolean {
  const k = t.k;
  if (!k.pfnValid(pfn)) return false;
  if (t.isForbidden(pfn) || t.isFree(pfn)) return false;
  const role = k.state.role[pfn];
  if (role === Role.Offline) return false;
  if (highmem) return role !== Role.Reserved;
  return role !== Role.Nosave;
}

/**
 * mark_free_pages(zone): under the basic bitmaps, the free bit of every valid frame of the zone
 * that is not forbidden is cleared, then set on every free frame. One step per zone.
 */
export function markFreePages(t: Today, z: Zone, kind: string): void {
  const k = t.k;
  step(k, kind, -1, -1, -1, z.index, k.alloc.freeIn(z.index));
  if (!t.basicMaps) return;
  const flags = k.state.flags;
  for (let pfn = z.start; pfn < z.end; pfn++) {
    const f = flags[pfn];
    if (k.alloc.isFree(pfn)) {
      if (!(f & NSF)) k.rec.setFlags(pfn, f | NSF);
    } else if (f & NSF && !(f & NS) && k.pfnValid(pfn)) k.rec.setFlags(pfn, f & ~NSF);
  }
}

/** shrink_all_memory(n): frees up to n page-cache (C) frames still in use, lowest pfn first. */
function shrinkAllMemory(t: Today, n: number, kind: string): number[] {
  const k = t.k;
  const freed: number[] = [];
  const role = k.state.role;
  for (let pfn = 0; pfn < k.frames && freed.length < n; pfn++) {
    if (role[pfn] !== Role.Reclaimable) continue;
    freed.push(pfn);
    step(k, kind, pfn, -1, -1, freed.length, n | 0);
    k.release(pfn);
    k.rec.addReg(Reg.shrunkPages, 1);
  }
  return freed;
}

function populated(k: Kernel, highmem: boolean): Zone[] {
  return k.zones.filter((z) => z.populated && z.highmem === highmem);
}

function countZones(t: Today, highmem: boolean, line: string): number {
  let n = 0;
  for (const z of populated(t.k, highmem)) {
    markFreePages(t, z, line);
    for (let pfn = z.start; pfn < z.end; pfn++) if (saveable612(t, pfn, highmem)) n++;
  }
  return n;
}

/** count_data_pages() */
export const countDataPages = (t: Today, line: string) => countZones(t, false, line);
/** count_highmem_pages() */
export const countHighmemPages = (t: Today, line: string) => countZones(t, true, line);

/** snapshot_additional_pages(zone): the per-zone estimate (it over-counts against per-extent trees). */
export function snapshotAdditionalPages(spanned: number): number {
  let nodes = divRoundUp(spanned, BM_BITS_PER_BLOCK);
  let rtree = nodes;
  rtree += divRoundUp(rtree * SIZEOF_RTREE_NODE, LINKED_PAGE_DATA_SIZE);
  while (nodes > 1) {
    nodes = divRoundUp(nodes, 1024);
    rtree += nodes;
  }
  return 2 * rtree;
}

/**
 * hibernate()'s unwind after a failure past the basic bitmaps: swsusp_free() where the kernel
 * runs it, then free_basic_memory_bitmaps().
 */
function unwind(t: Today, withSwsuspFree: boolean): void {
  if (withSwsuspFree) swsuspFree612(t, L.sfPage);
  freeBasicMemoryBitmaps(t, L.fbmb);
}

/**
 * create_basic_memory_bitmaps(): forbidden_pages_map and free_pages_map, each a memory_bm_create
 * (GFP_KERNEL, PG_ANY). The pointers are set only when both exist, so the two bitmaps' own pages
 * get no marks: they are ordinary in-use lowmem pages, and on the suspend side they are saved.
 * Returns false after freeing what it built (-ENOMEM, no message).
 */
export function createBasicMemoryBitmaps(t: Today, line: string): boolean {
  const k = t.k;
  step(k, line);
  if (t.forbidden.create(false)) return false;
  if (t.freeMap.create(false)) {
    t.forbidden.free(true);
    return false;
  }
  t.basicMaps = true;
  const pages = t.forbidden.pageCount() + t.freeMap.pageCount();
  step(k, L.cbmbDone, -1, -1, -1, pages);
  k.rec.setReg(Reg.basicBitmapPages, pages);
  return true;
}

/** free_basic_memory_bitmaps(): both pointers NULL first, then each bitmap's pages freed. */
export function freeBasicMemoryBitmaps(t: Today, line: string): void {
  if (!t.basicMaps) return;
  step(t.k, line);
  t.basicMaps = false;
  t.forbidden.free(true, L.fbmbPage);
  t.freeMap.free(true, L.fbmbPage);
  t.k.rec.setReg(Reg.basicBitmapPages, 0);
}

/**
 * swsusp_free(): every frame set in both forbidden_pages_map and free_pages_map is unmarked and
 * freed; nr_copy_pages and the rest keep their values here, for the Counters panel.
 */
export function swsuspFree612(t: Today, line: string): number {
  if (!t.basicMaps) return 0;
  const k = t.k;
  const flags = k.state.flags;
  let n = 0;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    if (!k.pfnValid(pfn) || (flags[pfn] & OWNED) !== OWNED) continue;
    n++;
    step(k, line, pfn, -1, -1, n);
    k.rec.clearFlags(pfn, OWNED);
    if (!k.alloc.isFree(pfn)) k.release(pfn);
  }
  k.rec.setReg(Reg.buffer, -1);
  t.k.rec.setReg(Reg.allocNormal, 0);
  t.k.rec.setReg(Reg.allocHighmem, 0);
  return n;
}

/**
 * The suspend side up to the image: create_basic_memory_bitmaps(), hibernate_preallocate_memory(),
 * the device freeze (narrated), then swsusp_save(). Throws a KernelFailure on a failure, after
 * the kernel's own unwinding.
 */
export function suspend612(t: Today, out: Suspend612): void {
  const k = t.k;
  step(k, L.hibStart);
  k.rec.printk(`${PREFIX}hibernation entry`);
  out.freeBeforeBasic = k.freeFrames();
  if (!createBasicMemoryBitmaps(t, L.cbmb)) {
    const message = `create_basic_memory_bitmaps: no page for a basic bitmap (-ENOMEM); hibernate() thaws the processes`;
    k.fail({ function: 'create_basic_memory_bitmaps', errno: ENOMEM, message });
  }
  out.basicPfns = [...t.forbidden.pages(), ...t.freeMap.pages()];
  out.basicBitmapPages = out.basicPfns.length;
  hibernatePreallocateMemory(t, out);
  step(k, L.hsFreeze);
  step(k, L.hsShmem);
  step(k, L.ciEnter);
  swsuspSave(t, out);
}

// ---------------------------------------------------------------- hibernate_preallocate_memory

/** preallocate_image_pages(nr, mask): up to nr alloc_image_page() calls, each set in copy_bm. */
function preallocateImagePages(t: Today, nr: number, highmem: boolean, line: string): number {
  const k = t.k;
  let got = 0;
  while (nr > 0) {
    const pfn = t.allocImagePage(
      highmem,
      Role.Copy,
      line,
      got + 1,
      nr > 0x7fffffff ? -1 : got + nr,
    );
    if (pfn < 0) {
      step(k, L.pipNone, -1, -1, -1, got, highmem ? 1 : 0);
      break;
    }
    t.copy.setBit(pfn);
    if (t.highmem(pfn)) k.rec.addReg(Reg.allocHighmem, 1);
    else k.rec.addReg(Reg.allocNormal, 1);
    nr--;
    got++;
  }
  return got;
}

/** preallocate_image_memory(nr, avail_normal): lowmem only, and only up to avail_normal. */
function preallocateImageMemory(t: Today, nr: number, availNormal: number): number {
  const k = t.k;
  const allocNormal = t.allocNormal;
  step(k, L.pimStart, -1, -1, -1, nr, availNormal);
  if (availNormal <= allocNormal) return 0;
  let alloc = u32(availNormal - allocNormal);
  if (nr < alloc) alloc = nr;
  return preallocateImagePages(t, alloc, false, L.pimPage);
}

/** preallocate_image_highmem(nr): a highmem request, which may fall back to lowmem. */
function preallocateImageHighmem(t: Today, nr: number): number {
  step(t.k, L.pihStart, -1, -1, -1, nr > 0x7fffffff ? -1 : nr);
  return preallocateImagePages(t, nr, true, L.pihPage);
}

/** __fraction(x, multiplier, base) = div64_u64(x * multiplier, base), truncated to 32 bits. */
export function fraction(x: number, multiplier: number, base: number): number {
  if (base === 0) throw new Error('internal: __fraction divides by zero');
  return Number(BigInt.asUintN(32, (BigInt(x) * BigInt(multiplier)) / BigInt(base)));
}

/** minimum_image_size(saveable): saveable less what could be reclaimed "in theory" (the C frames). */
function minimumImageSize(k: Kernel, saveable: number): number {
  let size = 0;
  const role = k.state.role;
  for (let pfn = 0; pfn < k.frames; pfn++) if (role[pfn] === Role.Reclaimable) size++;
  return saveable <= size ? 0 : u32(saveable - size);
}

/**
 * free_unnecessary_pages(): keeps as many copy frames as there are saveable pages (lowmem pages
 * without a lowmem frame are covered by highmem frames) and frees the rest, lowest pfn first.
 * Returns the number freed.
 */
function freeUnnecessaryPages(t: Today): number {
  const k = t.k;
  let save = countDataPages(t, L.funCount);
  let toFreeNormal: number;
  if (t.allocNormal >= save) {
    toFreeNormal = u32(t.allocNormal - save);
    save = 0;
  } else {
    toFreeNormal = 0;
    save = u32(save - t.allocNormal);
  }
  save = u32(save + countHighmemPages(t, L.funCount));
  let toFreeHighmem: number;
  if (t.allocHighmem >= save) {
    toFreeHighmem = u32(t.allocHighmem - save);
  } else {
    toFreeHighmem = 0;
    save = u32(save - t.allocHighmem);
    toFreeNormal = toFreeNormal > save ? u32(toFreeNormal - save) : 0;
  }
  const free = u32(toFreeNormal + toFreeHighmem);
  step(k, L.funPlan, -1, -1, -1, toFreeNormal, toFreeHighmem);
  t.copy.positionReset();
  while (toFreeNormal > 0 || toFreeHighmem > 0) {
    const pfn = t.copy.nextPfn();
    if (pfn < 0) throw new Error('internal: free_unnecessary_pages ran off copy_bm');
    if (t.highmem(pfn)) {
      if (!toFreeHighmem) continue;
      toFreeHighmem--;
      step(k, L.funFree, pfn, -1, -1, 1, toFreeHighmem);
      k.rec.addReg(Reg.allocHighmem, -1);
    } else {
      if (!toFreeNormal) continue;
      toFreeNormal--;
      step(k, L.funFree, pfn, -1, -1, 0, toFreeNormal);
      k.rec.addReg(Reg.allocNormal, -1);
    }
    t.copy.clearBit(pfn);
    t.unsetForbidden(pfn);
    t.unsetFree(pfn);
    k.release(pfn);
  }
  return free;
}

/**
 * hibernate_preallocate_memory(): the three bitmaps, the counts, max_size in 32-bit unsigned
 * arithmetic, then the "fits" path or the shrink path, and free_unnecessary_pages().
 */
export function hibernatePreallocateMemory(t: Today, out: Suspend612): void {
  const k = t.k;
  const s = k.scenario;
  step(k, L.hpmStart);
  k.rec.printk(`${PREFIX}Preallocating image memory`);
  const bitmaps: [typeof t.orig, string][] = [
    [t.orig, 'Cannot allocate original bitmap'],
    [t.copy, 'Cannot allocate copy bitmap'],
    [t.zero, 'Cannot allocate zero bitmap'],
  ];
  for (const [bm, msg] of bitmaps) {
    if (bm.create(false)) {
      step(
        k,
        L.hpmBmFail,
        -1,
        -1,
        -1,
        bitmaps.findIndex(([b]) => b === bm),
      );
      k.rec.printk(`${PREFIX}${msg}`);
      unwind(t, true);
      k.fail({
        function: 'hibernate_preallocate_memory',
        errno: ENOMEM,
        message: `${PREFIX}${msg}`,
      });
    }
  }
  step(k, L.hpmZeroCounts);
  k.rec.setReg(Reg.allocNormal, 0);
  k.rec.setReg(Reg.allocHighmem, 0);
  k.rec.setReg(Reg.nrZeroPages, 0);

  const saveHighmem = countHighmemPages(t, L.hpmCountMark);
  let saveable = countDataPages(t, L.hpmCountMark);
  step(k, L.hpmCounted, -1, -1, -1, saveable, saveHighmem);
  let count = saveable;
  saveable = u32(saveable + saveHighmem);
  let highmem = saveHighmem;
  let size = 0;
  for (const z of k.zones) {
    if (!z.populated) continue;
    size = u32(size + snapshotAdditionalPages(z.pages));
    if (z.highmem) highmem = u32(highmem + k.alloc.freeIn(z.index));
    else count = u32(count + k.alloc.freeIn(z.index));
  }
  let availNormal = count;
  count = u32(count + highmem);
  // count -= totalreserve_pages: 0 in the model (no watermarks)
  const meta = size;
  const maxSize = u32(Math.floor(u32(count - u32(size + s.pagesForIo)) / 2) - 2 * s.reservedSize);
  step(k, L.hpmCount, -1, -1, -1, count, availNormal);
  k.rec.setReg(Reg.preSaveable, saveable);
  k.rec.setReg(Reg.preSaveHighmem, saveHighmem);
  k.rec.setReg(Reg.preCount, count | 0);
  k.rec.setReg(Reg.preAvailNormal, availNormal | 0);
  k.rec.setReg(Reg.preHighmem, highmem | 0);
  k.rec.setReg(Reg.preMeta, meta);
  k.rec.setReg(Reg.metaEstimate, meta);
  step(k, L.hpmMaxSize, -1, -1, -1, maxSize | 0, meta);
  k.rec.setReg(Reg.preMaxSize, maxSize | 0);
  size = s.imageSize === null ? maxSize : s.imageSize;
  if (size > maxSize) size = maxSize;
  step(k, L.hpmSize, -1, -1, -1, size | 0, saveable);
  k.rec.setReg(Reg.preTarget, size | 0);

  const pre: Preallocation = {
    saveable,
    saveableHighmem: saveHighmem,
    count,
    availNormal,
    highmem,
    maxSize,
    targetSize: size,
    path: size >= saveable ? 'fits' : 'shrink',
    minimumImageSize: null,
    shrinkRequest: null,
    allocNormal: null,
    allocHighmem: null,
    freedUnnecessary: null,
    allocated: null,
  };
  out.preallocation = pre;
  k.rec.setReg(Reg.prePath, pre.path === 'fits' ? 1 : 2);

  let pages: number;
  if (size >= saveable) {
    step(k, L.hpmFits, -1, -1, -1, size | 0, saveable);
    pages = preallocateImageHighmem(t, saveHighmem);
    pages = u32(pages + preallocateImageMemory(t, u32(saveable - pages), availNormal));
  } else {
    pages = minimumImageSize(k, saveable);
    pre.minimumImageSize = pages;
    step(k, L.hpmMinimum, -1, -1, -1, pages, saveable);
    k.rec.setReg(Reg.preMinimum, pages);
    availNormal = availNormal > pages ? u32(availNormal - pages) : 0;
    if (size < pages) size = Math.min(pages, maxSize);
    pre.targetSize = size;
    step(k, L.hpmAvail, -1, -1, -1, availNormal | 0, size | 0);
    k.rec.setReg(Reg.preTarget, size | 0);
    const request = u32(saveable - size);
    pre.shrinkRequest = request;
    k.rec.setReg(Reg.preShrinkRequest, request | 0);
    step(k, L.hpmShrink, -1, -1, -1, request | 0);
    out.reclaimed = shrinkAllMemory(t, request, L.hpmShrinkPage);
    step(k, L.hpmShrunk, -1, -1, -1, out.reclaimed.length, request | 0);

    let pagesHighmem = preallocateImageHighmem(t, Math.floor(highmem / 2));
    let alloc = u32(count - maxSize);
    alloc = alloc > pagesHighmem ? u32(alloc - pagesHighmem) : 0;
    step(k, L.hpmAlloc, -1, -1, -1, alloc | 0, pagesHighmem);
    pages = preallocateImageMemory(t, alloc, availNormal);
    if (pages < alloc) {
      alloc = u32(alloc - pages);
      pages = u32(pages + pagesHighmem);
      step(k, L.hpmLowShort, -1, -1, -1, alloc | 0);
      pagesHighmem = preallocateImageHighmem(t, alloc);
      if (pagesHighmem < alloc) {
        const short = u32(alloc - pagesHighmem);
        step(k, L.hpmShortErr, -1, -1, -1, short | 0);
        const message = `${PREFIX}Image allocation is ${short} pages short`;
        k.rec.printk(message);
        unwind(t, true);
        k.fail({ function: 'hibernate_preallocate_memory', errno: ENOMEM, message });
      }
      pages = u32(pages + pagesHighmem);
      alloc = u32(u32(count - pages) - size);
      step(k, L.hpmRest, -1, -1, -1, alloc | 0);
      pages = u32(pages + preallocateImageHighmem(t, alloc));
    } else {
      alloc = u32(maxSize - size);
      const part = fraction(alloc, highmem, count);
      step(k, L.hpmFraction, -1, -1, -1, alloc | 0, part | 0);
      const got = preallocateImagePages(t, part, true, L.pihPage);
      pagesHighmem = u32(pagesHighmem + got);
      alloc = u32(alloc - got);
      const low = preallocateImageMemory(t, alloc, availNormal);
      pagesHighmem = u32(pagesHighmem + preallocateImageHighmem(t, u32(alloc - low)));
      pages = u32(pages + u32(pagesHighmem + low));
    }
    step(k, L.funStart);
    const freed2 = freeUnnecessaryPages(t);
    pre.freedUnnecessary = freed2;
    k.rec.setReg(Reg.preFreed, freed2 | 0);
    pages = u32(pages - freed2);
  }
  pre.allocNormal = t.allocNormal;
  pre.allocHighmem = t.allocHighmem;
  pre.allocated = pages;
  step(k, L.hpmDone, -1, -1, -1, pages | 0, t.allocNormal + t.allocHighmem);
  k.rec.setReg(Reg.preAllocated, pages | 0);
  k.rec.printk(`${PREFIX}Allocated ${pages} pages for snapshot`);
}

// ---------------------------------------------------------------- swsusp_save

/**
 * enough_free_mem(nr_pages, nr_highmem): lowmem free plus the preallocated lowmem frames must
 * exceed the lowmem pages, the highmem pages without a highmem home, and PAGES_FOR_IO.
 */
function enoughFreeMem(t: Today, nrPages: number, nrHighmem: number): boolean {
  const k = t.k;
  let free = t.allocNormal;
  for (const z of populated(k, false)) free = u32(free + k.alloc.freeIn(z.index));
  const freeHighmem = u32(k.alloc.freeHighmem() + t.allocHighmem);
  const forHighmem = freeHighmem >= nrHighmem ? 0 : u32(nrHighmem - freeHighmem);
  const need = u32(u32(nrPages + forHighmem) + k.scenario.pagesForIo);
  step(k, L.efmCheck, -1, -1, -1, free | 0, need | 0);
  k.rec.setReg(Reg.needLowmem, need | 0);
  return free > need;
}

/** swsusp_alloc(copy_bm, nr_pages, nr_highmem): tops up what the preallocation missed. */
function swsuspAlloc(t: Today, nrPages: number, nrHighmem: number, out: Suspend612): boolean {
  const k = t.k;
  let high = 0;
  let low = 0;
  step(k, L.allocStart, -1, -1, -1, nrPages, nrHighmem);
  if (nrHighmem > 0) {
    const buf = t.getImagePage(false, Role.Buffer, L.ghbGet);
    if (buf < 0) return false;
    k.rec.setReg(Reg.buffer, buf);
    if (nrHighmem > t.allocHighmem) {
      let n = u32(nrHighmem - t.allocHighmem);
      // alloc_highmem_pages(): no NULL check in the kernel; to_alloc never exceeds free highmem
      const toAlloc = Math.min(k.alloc.freeHighmem(), n);
      n = u32(n - toAlloc);
      step(k, L.ahpCount, -1, -1, -1, toAlloc, n);
      for (let i = 0; i < toAlloc; i++) {
        const pfn = t.allocImagePage(true, Role.Copy, L.ahpPage, i + 1, toAlloc);
        if (pfn < 0) throw new Error('internal: alloc_highmem_pages found no highmem frame');
        t.copy.setBit(pfn);
        high++;
      }
      nrPages = u32(nrPages + n);
      k.rec.setReg(Reg.nrHighmemCopyLow, n);
    }
  }
  if (nrPages > t.allocNormal) {
    const n = u32(nrPages - t.allocNormal);
    for (let i = 0; i < n; i++) {
      const pfn = t.allocImagePage(false, Role.Copy, L.allocLow, i + 1, n);
      if (pfn < 0) return false;
      t.copy.setBit(pfn);
      low++;
    }
  }
  out.topUp = { lowmem: low, highmem: high };
  k.rec.setReg(Reg.topUpLow, low);
  k.rec.setReg(Reg.topUpHigh, high);
  return true;
}

/**
 * The content word of a basic bitmap's page at copy time: chain pages and inner nodes hold
 * pointers (never all zero); a leaf is all zeros iff none of its pfns has its bit set.
 */
function basicBitmapContents(t: Today): Map<number, number> {
  const words = new Map<number, number>();
  for (const bm of [t.forbidden, t.freeMap]) {
    const lay = bm.layout();
    for (const pfn of [...lay.chain, ...lay.nodes])
      words.set(pfn, contentWord(pfn, TAG_BITMAP) || 1);
    for (const leaf of lay.leaves) {
      const bits = bm.bitsIn(leaf.start, leaf.end);
      words.set(
        leaf.pfn,
        bits === 0 ? 0 : contentWord(leaf.pfn ^ Math.imul(bits, 0x9e3779b1), TAG_BITMAP) || 1,
      );
    }
  }
  return words;
}

/**
 * copy_data_pages(copy_bm, orig_bm, zero_bm): orig_bm gets every saveable pfn; then the k-th
 * saveable page is copied into the current copy frame, and only a page that was not all zeros
 * moves on to the next frame; an all-zero page is marked in zero_bm instead.
 */
function copyDataPages(t: Today, out: Suspend612): number {
  const k = t.k;
  for (const z of k.zones) {
    if (!z.populated) continue;
    markFreePages(t, z, L.cdpMark);
    for (let pfn = z.start; pfn < z.end; pfn++) {
      if (!saveable612(t, pfn, z.highmem)) continue;
      step(k, L.cdpSet, pfn, -1, -1, z.index);
      t.orig.setBit(pfn);
      k.rec.orFlags(pfn, IMAGE_PFN);
    }
  }
  const words = basicBitmapContents(t);
  step(k, L.cdpReset);
  t.orig.positionReset();
  t.copy.positionReset();
  let copyPfn = t.copy.nextPfn();
  let copied = 0;
  const content = k.state.content;
  for (;;) {
    step(k, L.cdpLoop);
    const src = t.orig.nextPfn();
    if (src < 0) break;
    if (copyPfn < 0) throw new Error('internal: copy_bm ran out of copy frames');
    const w = words.get(src);
    if (w !== undefined) k.rec.setContent(src, w);
    const srcHigh = t.highmem(src);
    const dstHigh = t.highmem(copyPfn);
    const buffer = k.rec.reg(Reg.buffer);
    const zero = content[src] === 0;
    k.rec.saveSnapshot(src, content[src]);
    let c: number;
    if (srcHigh) {
      c = dstHigh ? CopyCase.HighToHigh : CopyCase.HighToLow;
      reword(k, zero ? L.cdpZero : L.cdpgHigh, src, copyPfn, -1, c);
      k.rec.setContent(copyPfn, content[src]);
    } else if (dstHigh) {
      c = CopyCase.LowToHigh;
      reword(k, zero ? L.cdpZero : L.cdpgLowHigh, src, copyPfn, buffer, c);
      k.rec.setContent(buffer, content[src]);
      k.rec.setContent(copyPfn, content[buffer]);
    } else {
      c = CopyCase.LowToLow;
      reword(k, zero ? L.cdpZero : L.cdpgLow, src, copyPfn, -1, c);
      k.rec.setContent(copyPfn, content[src]);
    }
    if (zero) {
      // "Use this copy_pfn for a page that is not full of zeros"
      t.zero.setBit(src);
      k.rec.addReg(Reg.nrZeroPages, 1);
      out.zeroPfns.push(src);
      continue;
    }
    const reg = [Reg.lowToLow, Reg.highToLow, Reg.highToHigh, Reg.lowToHigh][c];
    k.rec.addReg(reg, 1);
    k.rec.copyPairs.push(src);
    k.rec.copyPairs.push(copyPfn);
    k.rec.addReg(Reg.copyPairs, 1);
    copied++;
    copyPfn = t.copy.nextPfn();
  }
  return copied;
}

/** swsusp_save(): count, enough_free_mem(), the top-up of swsusp_alloc(), copy_data_pages(). */
function swsuspSave(t: Today, out: Suspend612): void {
  const k = t.k;
  step(k, L.saveStart);
  k.rec.printk(`${PREFIX}Creating image:`);
  step(k, L.saveDrain);
  const nrPages = countDataPages(t, L.saveMark);
  const nrHighmem = countHighmemPages(t, L.saveMark);
  step(k, L.saveCount, -1, -1, -1, nrPages, nrHighmem);
  k.counted = { freeLowmem: k.alloc.freeLowmem(), freeHighmem: k.alloc.freeHighmem() };
  k.rec.setReg(Reg.saveableLowmem, nrPages);
  k.rec.setReg(Reg.saveableHighmem, nrHighmem);
  k.syncFreeRegs();
  k.rec.printk(`${PREFIX}Need to copy ${nrPages + nrHighmem} pages`);
  if (!enoughFreeMem(t, nrPages, nrHighmem)) {
    k.rec.printk(`${PREFIX}Not enough free memory`);
    k.rec.printk(`${PREFIX}Error -12 creating image`);
    unwind(t, true);
    k.fail({
      function: 'enough_free_mem',
      errno: ENOMEM,
      message: `${PREFIX}Not enough free memory`,
    });
  }
  if (!swsuspAlloc(t, nrPages, nrHighmem, out)) {
    step(k, L.allocFail);
    k.rec.printk(`${PREFIX}Memory allocation failed`);
    k.rec.printk(`${PREFIX}Error -12 creating image`);
    unwind(t, true);
    k.fail({
      function: 'swsusp_alloc',
      errno: ENOMEM,
      message: `${PREFIX}Memory allocation failed`,
    });
  }
  step(k, L.saveDrain2);
  const copied = copyDataPages(t, out);
  k.copiesDone = true;
  const n = u32(nrPages + nrHighmem);
  const zero = u32(n - copied);
  const meta = divRoundUp(n * 4, 4096);
  step(k, L.saveSizes, -1, -1, -1, copied, zero);
  k.rec.setReg(Reg.nrCopyPages, copied);
  k.rec.setReg(Reg.nrZeroPages, zero);
  k.rec.setReg(Reg.nrMetaPages, meta);
  k.copied = true;
  step(k, L.saveDone, -1, -1, -1, copied, zero);
  k.rec.printk(`${PREFIX}Image created (${copied} pages copied, ${zero} zero pages)`);
}

/** Frames an unwind or the image kernel has to give back: the flags of a snapshot-owned frame. */
export const OWNED = NS | NSF;
