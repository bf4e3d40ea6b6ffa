import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core';
import { scenarioArb } from './arbitrary';
import { run } from './helpers';

/** Helpers that only pass a NULL or -ENOMEM up: never the function a failure names. */
const HELPERS = [
  'memory_bm_create',
  'get_highmem_buffer',
  'get_highmem_page_buffer',
  'alloc_pagedir',
  'chain_alloc',
];

const teaching = getPreset('teaching')!.doc as Record<string, unknown>;
const withBoot = (resume: string, model = 'linux-2.6.20') => ({ ...teaching, resume, model });

describe('report conventions', () => {
  it('a resume that fails before prepare_image reports no resume counts', () => {
    // two free lowmem frames: buffer takes one, copy_bm needs three
    const { report, run: r } = run(withBoot('N2 K6 B38 F2 | R1 B31'));
    expect(report.outcome).toBe('resume-failed');
    expect(report.failure?.function).toBe('snapshot_write_next');
    expect(report.failure?.message).toMatch(/^memory_bm_create: /);
    expect(report.resume).toEqual({
      allocatedUnsafePages: null,
      directLowmem: null,
      directHighmem: null,
      lowmemPbes: null,
      highmemPbesToHighmem: null,
      highmemPbesToLowmem: null,
      pbeChainPages: null,
      restorePbList: null,
      highmemPbList: null,
      directPfns: null,
    });
    // the narration names the helper that ran out
    expect(r.trace.steps).toBeGreaterThan(0);
  });

  it('a resume that fails in prepare_image reports allocated_unsafe_pages and nothing after', () => {
    const { report } = run(withBoot('N2 K6 B30 F10 | R1 B31'));
    expect(report.outcome).toBe('resume-failed');
    expect(report.failure?.function).toBe('prepare_image');
    expect(report.resume?.allocatedUnsafePages).toEqual(expect.any(Number));
    expect(report.resume).toMatchObject({
      directLowmem: null,
      lowmemPbes: null,
      pbeChainPages: null,
      restorePbList: null,
    });
  });

  it('never names a helper as the failing function, and never counts past a failure', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom('linux-2.6.20', 'linux-2.6.17'), (doc, model) => {
        const { report } = run({ ...doc, model });
        if (report.failure) expect(HELPERS).not.toContain(report.failure.function);
        const r = report.resume;
        if (report.outcome === 'resume-failed' && report.failure?.function === 'prepare_image') {
          expect(r?.directLowmem).toBeNull();
          expect(r?.pbeChainPages).toBeNull();
        }
        if (report.outcome === 'restored') {
          // every field reached: numbers, and lowmemPbes is the list the arch loop walks
          expect(r?.lowmemPbes).toBe(r?.restorePbList?.length);
          expect(r?.pbeChainPages).toEqual(expect.any(Number));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts legacy PBEs whose address is 0 in lowmemPbes, as the arch loop walks them', () => {
    // the boot kernel's buffer lands on pfn 1, the lowest image pfn: loaded in place, its PBE
    // stays at the head of restore_pblist with address 0 (the 2.6.17 get_buffer bug)
    const { report } = run({
      format: 'swsusp-viz/scenario@1',
      name: 'legacy head',
      model: 'linux-2.6.17',
      zones: [{ name: 'Normal', pages: 400 }],
      constants: { pagesForIo: 0, imageSize: null },
      suspend: 'N1 S5 F394',
      resume: 'N1 F399',
    });
    const list = report.resume!.restorePbList!;
    expect(list.some(([, copy]) => copy === null)).toBe(true);
    expect(report.resume!.lowmemPbes).toBe(list.length);
  });
});
