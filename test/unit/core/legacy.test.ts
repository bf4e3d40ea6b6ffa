import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core';
import { scenarioArb } from './arbitrary';
import { run } from './helpers';

const teaching = getPreset('teaching')?.doc as Record<string, unknown>;
const legacy = (doc: Record<string, unknown>) => ({ ...doc, model: 'linux-2.6.17' });
const lowmemOnly = (suspend: string, resume: string) => ({
  format: 'swsusp-viz/scenario@1',
  name: 'legacy edge',
  model: 'linux-2.6.17',
  zones: [{ name: 'Normal', pages: 400 }],
  constants: { pagesForIo: 0, imageSize: null },
  suspend,
  resume,
});

describe('linux-2.6.17 (legacy) model', () => {
  it('fails the teaching machine in swsusp_shrink_memory (spec §9)', () => {
    const { report } = run(legacy(teaching));
    expect(report.outcome).toBe('suspend-failed');
    expect(report.failure).toMatchObject({ function: 'swsusp_shrink_memory', errno: -12 });
    expect(report.model).toBe('linux-2.6.17');
  });

  it('succeeds with 10 highmem pages reclaimable: N = 21, a 23-page image (spec §9)', () => {
    const { report, run: r } = run(
      legacy({ ...teaching, suspend: 'N2 K6 S6 F34 | R1 S8 C10 F13' }),
    );
    expect(report.outcome).toBe('restored');
    expect(report.verified).toBe(true);
    expect(report.suspend).toMatchObject({
      shrunkPages: 10,
      saveableLowmem: 21,
      imagePages: 23,
      metaEstimate: 1,
    });
    expect(report.suspend?.copies).toEqual({
      lowToLow: 21,
      highToLow: 8,
      highToHigh: 0,
      lowToHigh: 0,
    });
    // the save_highmem pairs come first: highmem 49–56 into lowmem 15–22 (14 is the slab page)
    expect(report.suspend?.copyPairs?.slice(0, 8)).toEqual(
      [49, 50, 51, 52, 53, 54, 55, 56].map((p, i) => [p, 15 + i]),
    );
    expect(Array.from(r.trace.tables.highmemSaves)).toHaveLength(16);
  });

  it('reproduces the fill_pb_page bug: N ≡ 1 (mod 341) hits BUG_ON(pbe) in copy_data_pages', () => {
    for (const saved of [1, 342]) {
      const doc = {
        ...lowmemOnly(`N1 S${saved} F${999 - saved}`, 'N1 F999'),
        zones: [{ name: 'Normal', pages: 1000 }],
      };
      const { report } = run(doc);
      expect(report.outcome).toBe('suspend-failed');
      expect(report.failure).toMatchObject({ function: 'copy_data_pages', errno: null });
      expect(report.suspend?.copies?.lowToLow).toBe(saved);
      expect(report.suspend?.imagePages).toBe(null);
    }
    const ok = lowmemOnly('N1 S2 F397', 'N1 F399');
    expect(run(ok).report.outcome).toBe('restored');
  });

  it('reproduces the get_buffer head bug: a directly loaded lowest pfn is copied from frame 0', () => {
    // The boot kernel's buffer lands on pfn 1, the lowest image pfn: it is owned, so its page
    // loads in place, but the head PBE stays linked with address 0.
    const { report } = run(lowmemOnly('N1 S5 F394', 'N1 F399'));
    expect(report.outcome).toBe('restored');
    expect(report.resume?.restorePbList?.[0]).toEqual([1, null]);
    expect(report.verified).toBe(false);
  });

  it('every completed run verifies unless leading PBEs loaded in place stay linked', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { report } = run(legacy(doc));
        if (report.outcome !== 'restored') return;
        // get_buffer never unlinks the head, nor the directly loaded PBEs right after it: the
        // arch loop copies frame 0 onto each of them, harmless only for pfn 0 itself
        const list = report.resume?.restorePbList ?? [];
        const headBug = list.some(([orig, copy]) => copy === null && orig !== 0);
        expect(report.verified).toBe(!headBug);
      }),
      { numRuns: 150 },
    );
  });

  it('costs two lowmem pages per saved highmem page, plus slab pages', () => {
    fc.assert(
      fc.property(scenarioArb, (doc) => {
        const { report: now } = run(doc);
        const { report: old, run: r } = run(legacy(doc));
        if (old.suspend?.saveableLowmem == null || old.outcome === 'suspend-failed') return;
        const h = old.suspend.copies?.highToLow ?? 0;
        const slabs = Math.ceil(h / 128);
        // N' = lowmem saveable + one lowmem copy per highmem page + the slab pages
        const saves = r.trace.tables.highmemSaves.length / 2;
        expect(saves).toBe(h);
        if (
          now.suspend?.saveableLowmem != null &&
          now.suspend.shrunkPages === old.suspend.shrunkPages
        ) {
          expect(old.suspend.saveableLowmem).toBe(now.suspend.saveableLowmem + h + slabs);
        }
        expect(old.suspend.imagePages).toBe(
          1 + Math.ceil((old.suspend.saveableLowmem * 4) / 4096) + old.suspend.saveableLowmem,
        );
      }),
      { numRuns: 150 },
    );
  });
});
