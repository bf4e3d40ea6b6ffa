import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core';
import { p0Of, range, run } from './helpers';

/** Spec §9: the teaching machine under linux-2.6.20, lowest-first, pfn by pfn. */
describe('worked example (spec §9)', () => {
  const { run: r, report } = run(getPreset('teaching')?.doc);
  const bitmaps = r.trace.tables.bitmaps;

  it('counts and checks like swsusp_save', () => {
    expect(report.outcome).toBe('restored');
    expect(report.verified).toBe(true);
    expect(report.suspend).toMatchObject({
      shrunkPages: 0,
      saveableLowmem: 12,
      saveableHighmem: 18,
      freeLowmem: 34,
      freeHighmem: 13,
      metaEstimate: 8,
      copies: { lowToLow: 12, highToLow: 5, highToHigh: 13, lowToHigh: 0 },
      metaPages: 1,
      imagePages: 32,
    });
  });

  it('places the suspend-side bitmaps, buffer and copies', () => {
    const [orig, copy] = bitmaps;
    expect(orig.name).toBe('orig_bm');
    expect(orig.chainPfns).toEqual([14]);
    expect(orig.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn))).toEqual([15, 16]);
    expect(copy.chainPfns).toEqual([17]);
    expect(copy.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn))).toEqual([18, 19]);
    expect(p0Of(r, 'ghb.get')).toEqual([20]);
    expect(p0Of(r, 'ahi.alloc')).toEqual(range(67, 79));
    expect(p0Of(r, 'alloc.low')).toEqual(range(21, 37));
  });

  it('pairs the k-th saveable pfn with the k-th copy', () => {
    const pairs = report.suspend?.copyPairs ?? [];
    const expected = [
      ...range(2, 13).map((p, i) => [p, 21 + i]),
      ...range(49, 53).map((p, i) => [p, 33 + i]),
      ...range(54, 66).map((p, i) => [p, 67 + i]),
    ];
    expect(pairs).toEqual(expected);
  });

  it('lays out the boot kernel like the spec', () => {
    expect(p0Of(r, 'swn.buffer')).toEqual([11]);
    const copyResume = bitmaps[2];
    expect(copyResume.name).toBe('copy_bm');
    expect([
      ...copyResume.chainPfns,
      ...copyResume.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn)),
    ]).toEqual([12, 13, 14]);
    // orig_bm (PG_SAFE) skips 11, which is unsafe, and keeps it
    expect(p0Of(r, 'gip.unsafe')).toEqual([11, 12, 13]);
    const origResume = bitmaps[3];
    expect([
      ...origResume.chainPfns,
      ...origResume.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn)),
    ]).toEqual([15, 16, 17]);
    const safeHigh = bitmaps[4];
    expect(safeHigh.name).toBe('safe_highmem_bm');
    expect([
      ...safeHigh.chainPfns,
      ...safeHigh.zones.flatMap((z) => z.blocks.map((b) => b.dataPfn)),
    ]).toEqual([14, 18, 19]);
    expect(p0Of(r, 'phi.buffer')).toEqual([20]);
    expect(p0Of(r, 'phi.alloc')).toEqual(range(51, 68));
    expect(r.trace.tables.spList).toEqual(Int32Array.from([21]));
    expect(Array.from(r.trace.tables.safePages)).toEqual(range(22, 30));
    expect(p0Of(r, 'ca.page')).toEqual([21]);
  });

  it('loads, restores and frees like the spec', () => {
    const res = report.resume;
    expect(res).toMatchObject({
      allocatedUnsafePages: 3,
      directLowmem: 3,
      directHighmem: 16,
      lowmemPbes: 9,
      highmemPbesToHighmem: 2,
      highmemPbesToLowmem: 0,
      pbeChainPages: 1,
    });
    expect(res?.restorePbList).toEqual(
      range(2, 10)
        .map((p) => [p, 32 - p])
        .reverse(),
    );
    expect(res?.highmemPbList).toEqual([
      [50, 68],
      [49, 67],
    ]);
    expect(res?.directPfns).toEqual([11, 12, 13, ...range(51, 66)]);
    expect(p0Of(r, 'rh.buf')).toEqual([14]);
    expect(p0Of(r, 'rh.swap')).toEqual([68, 67]);
    expect(p0Of(r, 'ar.copy')).toEqual(range(22, 30));
    expect(p0Of(r, 'img.free')).toEqual([...range(14, 37), ...range(67, 79)]);
  });
});
