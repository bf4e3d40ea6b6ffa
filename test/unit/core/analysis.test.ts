import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/core';
import { ceilingAt, i386Machine, legacyFits, modernFits } from '../../../src/core/analysis/ceiling';
import type { CeilingMachine } from '../../../src/core/analysis/ceiling';
import { bitmapCost, breakEven, metadataAt } from '../../../src/core/analysis/metadata';
import { run } from './helpers';

/** One zone's runs; zero-count runs are left out (the layout grammar rejects F0). */
const seg = (...runs: [string, number][]) =>
  runs
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l}${n}`)
    .join(' ');

/** A machine with L saveable lowmem (K first) and H saveable highmem, nothing reclaimable. */
function machineDoc(m: CeilingMachine, lowmem: number, highmem: number, model: string) {
  const [normal, high] = m.zonePages;
  const free = normal - m.nosaveLowmem - lowmem;
  return {
    format: 'swsusp-viz/scenario@1',
    name: 'ceiling check',
    model,
    zones: [
      { name: 'Normal', pages: normal },
      { name: 'HighMem', pages: high, highmem: true },
    ],
    constants: { pagesForIo: m.pagesForIo, imageSize: null },
    suspend: `${seg(['N', m.nosaveLowmem], ['K', m.kernelLowmem], ['S', lowmem - m.kernelLowmem], ['F', free])} | ${seg(['S', highmem], ['F', high - highmem])}`,
    resume: `${seg(['N', m.nosaveLowmem], ['K', m.kernelLowmem], ['F', normal - m.nosaveLowmem - m.kernelLowmem])} | ${seg(['F', high])}`,
  };
}

const smallMachine = fc
  .record({
    normal: fc.integer({ min: 12, max: 120 }),
    high: fc.integer({ min: 1, max: 120 }),
    io: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ normal, high, io }): CeilingMachine => ({
    lowmemFrames: normal,
    nosaveLowmem: 1,
    kernelLowmem: 2,
    highmemFrames: high,
    zonePages: [normal, high],
    zoneHighmem: [false, true],
    pagesForIo: io,
  }));

describe('image ceiling arithmetic', () => {
  it('agrees with the emulator on whether a suspend gets past its checks', () => {
    fc.assert(
      fc.property(smallMachine, fc.nat(), fc.nat(), (m, a, b) => {
        const lowmem =
          m.kernelLowmem + (a % (m.lowmemFrames - m.nosaveLowmem - m.kernelLowmem + 1));
        const highmem = b % (m.highmemFrames + 1);
        const modern = run(machineDoc(m, lowmem, highmem, 'linux-2.6.20'), false).report;
        const legacy = run(machineDoc(m, lowmem, highmem, 'linux-2.6.17'), false).report;
        const passed = (r: typeof modern) =>
          r.outcome !== 'suspend-failed' ||
          !['swsusp_shrink_memory', 'enough_free_mem', 'save_highmem'].includes(
            r.failure?.function ?? '',
          );
        expect(modernFits(m, lowmem, highmem)).toBe(passed(modern));
        expect(legacyFits(m, lowmem, highmem)).toBe(passed(legacy));
      }),
      { numRuns: 120 },
    );
  });

  it('puts the legacy ceiling near half of lowmem on i386, whatever the RAM', () => {
    for (const frames of [262144, 1048576]) {
      const p = ceilingAt(i386Machine(frames), 0);
      expect((p.legacy * 4) / 1024).toBeGreaterThan(430);
      expect((p.legacy * 4) / 1024).toBeLessThan(460);
    }
    const m = i386Machine(1048576);
    const half = ceilingAt(m, m.highmemFrames / 4);
    expect(half.modern).toBeGreaterThan(2 * half.legacy);
  });
});

describe('metadata cost', () => {
  // a 262,144-frame run: give it time on a busy two-core CI machine
  it('counts the pages the two suspend bitmaps really take', { timeout: 60_000 }, () => {
    const { run: r } = run(getPreset('i386-1g')?.doc, false);
    const [orig, copy] = r.trace.tables.bitmaps;
    const pages = [orig, copy].reduce(
      (s, b) => s + b.chainPfns.length + b.zones.reduce((t, z) => t + z.blocks.length, 0),
      0,
    );
    expect(bitmapCost([4096, 225280, 32768]).pages).toBe(pages);
  });
  it('breaks even near 2% of the frames', () => {
    for (const zones of [
      [4096, 225280, 32768],
      [4096, 225280, 819200],
    ]) {
      const frames = zones.reduce((a, b) => a + b, 0);
      const n = breakEven(zones);
      expect(n / frames).toBeGreaterThan(0.019);
      expect(n / frames).toBeLessThan(0.022);
      expect(metadataAt(zones, n - 1).pbeBytes).toBeLessThan(metadataAt(zones, n).bitmapBytes);
      expect(metadataAt(zones, n + 1).pbeBytes).toBeGreaterThan(metadataAt(zones, n).bitmapBytes);
    }
  });
});

describe('compare table', () => {
  it('shows the legacy cost of two lowmem pages per highmem page on the teaching machine', async () => {
    const { compareColumn } = await import('../../../src/core/analysis/compare');
    const doc = {
      ...(getPreset('teaching')?.doc as object),
      suspend: 'N2 K6 S6 F34 | R1 S8 C10 F13',
    };
    const modern = run(doc, false);
    const legacy = run({ ...doc, model: 'linux-2.6.17' }, false);
    const m = compareColumn(modern.run, modern.report);
    const l = compareColumn(legacy.run, legacy.report);
    expect(l).toMatchObject({ outcome: 'restored', imagePages: 23, savedHighmem: 8, pbes: 21 });
    expect(l.lowmemPerHighmemPage).toBeCloseTo((2 * (8 + 1)) / 8);
    // 2.6.20 spends lowmem only on the 5 highmem copies that do not fit in free highmem
    expect(m).toMatchObject({
      outcome: 'restored',
      savedHighmem: 18,
      lowmemPerHighmemPage: 5 / 18,
    });
    expect(m.suspendMetadataBytes).toBe(6 * 4096);
    expect(l.suspendMetadataBytes).toBe(4096);
  });
});

describe('the linux-6.12 line of the image ceiling', () => {
  it('never passes max_size, about half of all the frames, and stays within 2.6.20 where lowmem binds', async () => {
    const { ceilingAt, i386Machine, todayMaxSize } =
      await import('../../../src/core/analysis/ceiling');
    for (const frames of [262144, 1048576]) {
      const m = i386Machine(frames);
      const cap = todayMaxSize(m);
      const all = m.lowmemFrames - m.nosaveLowmem + m.highmemFrames;
      expect(cap).toBeLessThan(all / 2);
      expect(cap).toBeGreaterThan(all / 2 - 2 * 256 - m.pagesForIo);
      for (const h of [0, m.highmemFrames >> 2, m.highmemFrames >> 1]) {
        const p = ceilingAt(m, h);
        expect(p.today).toBeLessThanOrEqual(cap);
        expect(p.today).toBeGreaterThan(0);
      }
    }
  });
});
