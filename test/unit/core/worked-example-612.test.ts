import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core';
import type { BitmapInstance } from '../../../src/core';
import { argsOf, p0Of, range, run } from './helpers';

/** Every page of a bitmap in allocation order: chain page, then leaves and inner nodes as built. */
function pagesOf(b: BitmapInstance): number[] {
  const leaves = b.zones.flatMap((z) => z.blocks.map((x) => x.dataPfn));
  const nodes = (b.rtree ?? []).flatMap((t) => t.nodePfns);
  return [...b.chainPfns, ...leaves, ...nodes];
}

/** The 6.12 spec's worked example (§10): the teaching machine under linux-6.12, pfn by pfn. */
describe('linux-6.12 worked example (spec §10)', () => {
  const { run: r, report } = run(getPreset('today-teaching')?.doc);
  const bitmaps = r.trace.tables.bitmaps;
  const named = (name: string, side: number) =>
    bitmaps.filter((b) => b.name === name && b.side === side);

  it('builds the basic bitmaps and the three preallocation bitmaps as single-extent trees', () => {
    const [forbidden] = named('forbidden_pages_map', 0);
    const [free] = named('free_pages_map', 0);
    expect(forbidden.zones.map((z) => [z.startPfn, z.endPfn])).toEqual([[0, 80]]);
    expect(pagesOf(forbidden)).toEqual([14, 15]);
    expect(pagesOf(free)).toEqual([16, 17]);
    expect(pagesOf(named('orig_bm', 0)[0])).toEqual([18, 19]);
    expect(pagesOf(named('copy_bm', 0)[0])).toEqual([20, 21]);
    expect(pagesOf(named('zero_bm', 0)[0])).toEqual([22, 23]);
  });

  it('computes hibernate_preallocate_memory() as the spec', () => {
    expect(report.suspend).toMatchObject({
      basicBitmapPages: 4,
      preallocation: {
        saveable: 34,
        saveableHighmem: 18,
        count: 71,
        availNormal: 40,
        highmem: 31,
        maxSize: 28,
        targetSize: 28,
        path: 'shrink',
        minimumImageSize: 26,
        shrinkRequest: 6,
        allocNormal: 16,
        allocHighmem: 12,
        freedUnnecessary: 15,
        allocated: 28,
      },
      shrunkPages: 6,
      metaEstimate: 8,
    });
    expect(p0Of(r, '6.hpmShrinkPage')).toEqual(range(49, 54));
    // preallocate_image_highmem(15), then (14 lowmem), then the spill of the second highmem request
    expect(p0Of(r, '6.pihPage')).toEqual([...range(49, 54), ...range(67, 79), ...range(38, 47)]);
    expect(p0Of(r, '6.pimPage')).toEqual(range(24, 37));
    expect(p0Of(r, '6.funFree')).toEqual([...range(24, 31), ...range(49, 54), 67]);
  });

  it('snapshots with no top-up, zero pages reusing their copy frame', () => {
    expect(report.suspend).toMatchObject({
      saveableLowmem: 16,
      saveableHighmem: 12,
      freeLowmem: 8,
      freeHighmem: 7,
      topUp: { lowmem: 0, highmem: 0 },
      copies: { lowToLow: 14, highToLow: 2, highToHigh: 8, lowToHigh: 0 },
      zeroPages: 4,
      copiedPages: 24,
      metaPages: 1,
      imagePages: 26,
      zeroPfns: [12, 13, 63, 64],
    });
    expect(p0Of(r, '6.ghbGet')).toEqual([24]);
    expect(p0Of(r, '6.ahpPage')).toEqual([]);
    expect(p0Of(r, '6.allocLow')).toEqual([]);
    expect(p0Of(r, '6.srnBuffer')).toEqual([]);
    const expected = [
      ...range(2, 11).map((p, i) => [p, 32 + i]),
      ...range(14, 17).map((p, i) => [p, 42 + i]),
      [55, 46],
      [56, 47],
      ...range(57, 62).map((p, i) => [p, 68 + i]),
      [65, 74],
      [66, 75],
    ];
    expect(report.suspend?.copyPairs).toEqual(expected);
    // the two lowmem zero pages were written into 42 and left it for 14; the highmem ones into 74
    expect(argsOf(r, '6.cdpZero').map((a) => [a.p0, a.p1])).toEqual([
      [12, 42],
      [13, 42],
      [63, 74],
      [64, 74],
    ]);
  });

  it('lays out the boot kernel: bitmaps, buffer, the PG_SAFE rebuilds', () => {
    expect(pagesOf(named('forbidden_pages_map', 1)[0])).toEqual([11, 12]);
    expect(pagesOf(named('free_pages_map', 1)[0])).toEqual([13, 14]);
    expect(p0Of(r, '6.swnBuffer')).toEqual([15]);
    expect(pagesOf(named('copy_bm', 1)[0])).toEqual([16, 17]);
    const zeros = named('zero_bm', 1);
    expect(zeros.map(pagesOf)).toEqual([
      [18, 19],
      [18, 19],
    ]);
    expect(p0Of(r, '6.gipUnsafe')).toEqual([15, 16, 17]);
    expect(pagesOf(named('orig_bm', 1)[0])).toEqual([20, 21]);
    expect(pagesOf(named('tmp', 1)[0])).toEqual([22, 23]);
    expect(pagesOf(named('safe_highmem_bm', 1)[0])).toEqual([22, 23]);
    expect(p0Of(r, '6.phiBuffer')).toEqual([24]);
    expect(p0Of(r, '6.phiAlloc')).toEqual(range(51, 62));
    expect(p0Of(r, '6.piReserve')).toEqual([25]);
    expect(p0Of(r, '6.piPrealloc')).toEqual(range(26, 38));
  });

  it('loads through PBEs, direct loads and highmem copies as the spec', () => {
    expect(p0Of(r, '6.caPage')).toEqual([38]);
    expect(report.resume).toMatchObject({
      allocatedUnsafePages: 3,
      directLowmem: 3,
      directHighmem: 8,
      lowmemPbes: 13,
      highmemPbesToHighmem: 4,
      highmemPbesToLowmem: 0,
      pbeChainPages: 1,
      reservedSafePages: 1,
      recycledPages: 2,
      archPages: 2,
      safeListLeft: 0,
      basicBitmapPages: 4,
      archPfns: [20, 21],
      directPfns: [15, 16, 17, ...range(55, 62)],
      highmemPbList: [
        [66, 54],
        [65, 53],
        [64, 52],
        [63, 51],
      ],
    });
    expect(report.resume?.restorePbList).toEqual(
      range(2, 14)
        .map((p) => [p, 39 - p])
        .reverse(),
    );
    // zero pages are memset in their homes: 12 and 13 in 27 and 26, 63 and 64 through buffer
    const memset = p0Of(r, '6.swnMemset');
    expect(memset).toEqual([27, 26, 24, 24]);
  });

  it('recycles orig_bm, restores highmem through a bounce page, and verifies', () => {
    expect(p0Of(r, '6.swfRecycle')).toEqual([21, 20]);
    expect(p0Of(r, '6.swfHigh')).toEqual([23, 22]);
    expect(p0Of(r, '6.swfBuffer')).toEqual([24]);
    expect(p0Of(r, '6.rhBuf')).toEqual([22]);
    expect(p0Of(r, '6.sarPage')).toEqual([20, 21]);
    expect(p0Of(r, '6.imgFreePage')).toEqual([
      ...range(18, 24),
      ...range(32, 47),
      ...range(68, 79),
    ]);
    expect(p0Of(r, '6.fbmbPage').slice(-4)).toEqual([15, 14, 17, 16]);
    expect(report.outcome).toBe('restored');
    expect(report.verified).toBe(true);
  });

  it('refuses the same machine without the changes: the half-of-RAM cap', () => {
    const doc = {
      ...(getPreset('today-teaching')?.doc as object),
      suspend: 'N2 K6 S6 F34 | R1 S18 F13',
    };
    const { report: rep } = run(doc);
    expect(rep.outcome).toBe('suspend-failed');
    expect(rep.failure).toEqual({
      function: 'hibernate_preallocate_memory',
      errno: -12,
      message: 'PM: hibernation: Image allocation is 6 pages short',
    });
    expect(rep.verified).toBe(false);
  });
});
