import { divRoundUp, HIGHMEM_PAGES_PER_SLAB, PBES_PER_PAGE, PAGE_SIZE } from '../constants';

/**
 * The image ceiling: the largest image each model can make on a machine as the saveable highmem
 * grows, with no reclaimable memory to shrink. It applies the same go/no-go arithmetic the core
 * runs (the shrink loop's tmp and enough_free_mem) to counts, so a chart can sweep thousands of
 * points without running the emulator; a test checks it against the emulator on small machines.
 */
export interface CeilingMachine {
  /** Valid lowmem frames (DMA + Normal, holes excluded). */
  lowmemFrames: number;
  /** Lowmem frames in use that are never saved (the __nosave section). */
  nosaveLowmem: number;
  /** Lowmem frames that are always saved (the kernel image). */
  kernelLowmem: number;
  /** Valid highmem frames that may hold data (PageReserved ones excluded). */
  highmemFrames: number;
  /** spanned_pages of every zone, for snapshot_additional_pages(). */
  zonePages: number[];
  /** Which zones are highmem (parallel to zonePages). */
  zoneHighmem: boolean[];
  pagesForIo: number;
}

export interface CeilingPoint {
  /** Saveable highmem pages. */
  highmem: number;
  /** Largest image (saved pages, L + H) under 2.6.20; 0 when the suspend fails whatever L is. */
  modern: number;
  /** The same under 2.6.17 (the image then holds L + H + slab pages). */
  legacy: number;
  /** The same under linux-6.12 with its defaults (saved pages, zero pages included). */
  today: number;
}

/** SPARE_PAGES: linux-6.12's default reserved_size, in pages. */
export const TODAY_RESERVED_PAGES = 256;

/** linux-6.12's snapshot_additional_pages(): leaves, their 12-byte nodes' chain, inner nodes; ×2. */
function additionalPages612(pages: number): number {
  let nodes = divRoundUp(pages, 32768);
  let rtree = nodes;
  rtree += divRoundUp(rtree * 12, PAGE_SIZE - 4);
  while (nodes > 1) {
    nodes = divRoundUp(nodes, 1024);
    rtree += nodes;
  }
  return 2 * rtree;
}

/**
 * linux-6.12's cap, max_size of hibernate_preallocate_memory(): half of what is left of `count`
 * (every saveable and free frame) after the bitmaps' estimate and PAGES_FOR_IO, less twice
 * reserved_size. With nothing reclaimable an image above it fails ("Image allocation is N pages
 * short"), whatever image_size says.
 */
export function todayMaxSize(m: CeilingMachine, reservedPages = TODAY_RESERVED_PAGES): number {
  const count = m.lowmemFrames - m.nosaveLowmem + m.highmemFrames;
  const meta = m.zonePages.reduce((a, p) => a + additionalPages612(p), 0);
  return Math.floor((count - (meta + m.pagesForIo)) / 2) - 2 * reservedPages;
}

/**
 * linux-6.12 with L lowmem and H highmem saved and nothing reclaimable: within max_size, and the
 * copies fit (a lowmem page is copied into lowmem; a highmem page into highmem while there is free
 * highmem, else into lowmem), with the five bitmaps' pages (two basic, orig, copy, zero) in lowmem.
 */
export function todayFits(m: CeilingMachine, lowmem: number, highmem: number): boolean {
  if (lowmem + highmem > todayMaxSize(m)) return false;
  const bitmaps = 5 * m.zonePages.reduce((a, p) => a + divRoundUp(p, 32768), 0) + 10;
  const freeLow = m.lowmemFrames - m.nosaveLowmem - lowmem - bitmaps;
  const freeHigh = m.highmemFrames - highmem;
  if (freeLow < 0 || freeHigh < 0) return false;
  const highToLow = Math.max(0, highmem - freeHigh);
  return freeLow > lowmem + highToLow + m.pagesForIo;
}

function snapshotAdditionalPages(pages: number): number {
  let res = divRoundUp(pages, 32768);
  res += divRoundUp(res * 20, PAGE_SIZE);
  return 2 * res;
}

/** 2.6.20: passes the shrink loop (no C pages) and enough_free_mem with L lowmem and H highmem saved. */
export function modernFits(m: CeilingMachine, lowmem: number, highmem: number): boolean {
  const freeLow = m.lowmemFrames - m.nosaveLowmem - lowmem;
  const freeHigh = m.highmemFrames - highmem;
  if (freeLow < 0 || freeHigh < 0) return false;
  let metaLow = 0;
  let metaAll = 0;
  m.zonePages.forEach((p, i) => {
    const s = snapshotAdditionalPages(p);
    metaAll += s;
    if (!m.zoneHighmem[i]) metaLow += s;
  });
  const overflow = Math.max(0, highmem - freeHigh);
  const tmp = lowmem + m.pagesForIo - freeLow + metaLow + overflow;
  if (tmp > 0) return false;
  return freeLow > lowmem + overflow + m.pagesForIo + metaAll;
}

/** 2.6.17: passes the legacy shrink loop, save_highmem and enough_free_mem. */
export function legacyFits(m: CeilingMachine, lowmem: number, highmem: number): boolean {
  const freeLow = m.lowmemFrames - m.nosaveLowmem - lowmem;
  if (freeLow < 0 || highmem > m.highmemFrames) return false;
  let size = 2 * highmem;
  size += Math.floor(size / 50) + lowmem;
  size += divRoundUp(size, PBES_PER_PAGE) + m.pagesForIo;
  if (size - freeLow > 0) return false;
  const slab = divRoundUp(highmem, HIGHMEM_PAGES_PER_SLAB);
  const freeAfter = freeLow - highmem - slab;
  if (freeAfter < 0) return false;
  const n = lowmem + highmem + slab;
  return freeAfter > n + m.pagesForIo + divRoundUp(n, PBES_PER_PAGE);
}

/** Largest L in [kernelLowmem, lowmemFrames] with fits(L, H), or -1. Fits is monotone in L. */
function maxLowmem(
  m: CeilingMachine,
  highmem: number,
  fits: (l: number, h: number) => boolean,
): number {
  let lo = m.kernelLowmem;
  if (!fits(lo, highmem)) return -1;
  let hi = m.lowmemFrames - m.nosaveLowmem;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid, highmem)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function ceilingAt(m: CeilingMachine, highmem: number): CeilingPoint {
  const lm = maxLowmem(m, highmem, (l, h) => modernFits(m, l, h));
  const ll = maxLowmem(m, highmem, (l, h) => legacyFits(m, l, h));
  const lt = maxLowmem(m, highmem, (l, h) => todayFits(m, l, h));
  return {
    highmem,
    modern: lm < 0 ? 0 : lm + highmem,
    legacy: ll < 0 ? 0 : ll + highmem,
    today: lt < 0 ? 0 : lt + highmem,
  };
}

/** `points` evenly spaced values of saveable highmem from 0 to every highmem frame. */
export function ceilingSweep(m: CeilingMachine, points = 64): CeilingPoint[] {
  const out: CeilingPoint[] = [];
  for (let i = 0; i <= points; i++)
    out.push(ceilingAt(m, Math.round((m.highmemFrames * i) / points)));
  return out;
}

/** The i386 machines of the presets: DMA 4096 + Normal 225280 frames, a 1 MiB BIOS/kernel area. */
export function i386Machine(totalFrames: number, holeFrames = 0): CeilingMachine {
  const low = 4096 + 225280;
  const high = Math.max(0, totalFrames - low);
  return {
    lowmemFrames: low - 96, // the 640 KiB – 1 MiB hole
    nosaveLowmem: 4,
    kernelLowmem: 1600,
    highmemFrames: high - holeFrames,
    zonePages: high > 0 ? [4096, 225280, high] : [4096, 225280],
    zoneHighmem: high > 0 ? [false, false, true] : [false, false],
    pagesForIo: 1024,
  };
}
