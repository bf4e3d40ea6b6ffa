import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioForModel, simulateDocument } from '../../../src/core';

const base = (over: Record<string, unknown> = {}) => ({
  format: 'swsusp-viz/scenario@1',
  name: 'v',
  model: 'linux-6.12',
  zones: [
    { name: 'Normal', pages: 10 },
    { name: 'HighMem', pages: 5, highmem: true },
  ],
  constants: { pagesForIo: 1, reservedSize: 0 },
  suspend: 'N1 K2 S2 Z1 O1 F3 | R1 Z1 O1 F2',
  resume: 'N1 K2 B1 F6 | R1 F4',
  ...over,
});

function error(doc: unknown, model?: Parameters<typeof parseScenario>[1]): string {
  const r = parseScenario(doc, model);
  if (r.ok) throw new Error('expected a rejection');
  return r.error;
}

describe('linux-6.12 scenario fields and letters', () => {
  it('accepts Z and O in any zone and fills the 6.12 defaults', () => {
    const r = parseScenario(base({ constants: undefined }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.model).toBe('linux-6.12');
    expect(r.scenario.reservedSize).toBe(256);
    expect(r.scenario.lowmemReserve).toBe(0);
    expect(r.scenario.pagesForIo).toBe(1024);
    // totalram = F, S, C, Z frames: S2 Z1 F3 | Z1 F2 = 9; image_size = ⌊2·9/5⌋ = 3
    expect(r.scenario.imageSize).toBe(3);
    expect(r.scenario.imageSizeIsDefault).toBe(true);
  });

  it('keeps an explicit image size and null', () => {
    const r1 = parseScenario(base({ constants: { imageSize: 7 } }));
    expect(r1.ok && r1.scenario.imageSize).toBe(7);
    const r2 = parseScenario(base({ constants: { imageSize: null } }));
    expect(r2.ok && r2.scenario.imageSize).toBe(null);
  });

  it("wraps the default image size like the kernel's 32-bit byte count", () => {
    // 2,999,998 managed frames: ⌊2·2,999,998/5⌋ = 1,199,999 pages, mod 2^20 = 151,423
    const doc = base({
      zones: [
        { name: 'Normal', pages: 200000 },
        { name: 'HighMem', pages: 2800000, highmem: true },
      ],
      suspend: 'N1 K1 F199998 | F2800000',
      resume: 'N1 K1 F199998 | F2800000',
      constants: undefined,
    });
    const r = parseScenario(doc);
    expect(r.ok && r.scenario.imageSize).toBe(151423);
  });

  it('rejects Z and O under the older models, naming the letter and the model', () => {
    expect(error(base({ model: 'linux-2.6.20' }))).toMatch(
      /suspend: letter Z \(an all-zero page\) exists only in the linux-6\.12 model, not in linux-2\.6\.20/,
    );
    expect(error(base({ model: 'linux-2.6.17', suspend: 'N1 K2 S2 O1 F4 | R1 F4' }))).toMatch(
      /letter O \(a PageOffline page\) exists only in the linux-6\.12 model, not in linux-2\.6\.17/,
    );
    // the model given on the command line decides, not the document's
    expect(error(base(), 'linux-2.6.20')).toMatch(/letter Z/);
  });

  it('keeps Z and O off the boot side', () => {
    expect(error(base({ resume: 'N1 K2 Z1 F6 | R1 F4' }))).toMatch(
      /resume: zone Normal, run 3 \("Z1"\): letter Z is not allowed on the resume side/,
    );
  });

  it('bounds reservedSize, imageSize and lowmemReserve', () => {
    expect(error(base({ constants: { reservedSize: 1048576 } }))).toMatch(
      /constants\.reservedSize: expected a whole number of pages from 0 to 1,048,575, got 1048576/,
    );
    expect(error(base({ constants: { reservedSize: -1 } }))).toMatch(/constants\.reservedSize/);
    expect(error(base({ constants: { reservedSize: 1.5 } }))).toMatch(/constants\.reservedSize/);
    expect(error(base({ constants: { imageSize: 1048576 } }))).toMatch(
      /constants\.imageSize: linux-6\.12 keeps image_size as a 32-bit byte count, so at most 1048575 pages/,
    );
    expect(error(base({ constants: { lowmemReserve: -2 } }))).toMatch(
      /constants\.lowmemReserve: expected a whole number of pages from 0 to 4,194,304, got -2/,
    );
    expect(error(base({ constants: { lowmemReserve: 'lots' } }))).toMatch(/lowmemReserve/);
    // the older models accept a large image size
    const old = parseScenario(
      base({
        model: 'linux-2.6.20',
        suspend: 'N1 K2 S3 F4 | R1 F4',
        constants: { imageSize: 2000000 },
      }),
    );
    expect(old.ok).toBe(true);
  });

  it('reads a scenario under another model: letters checked, default image size recomputed', () => {
    const r = parseScenario(
      base({ model: 'linux-2.6.20', suspend: 'N1 K2 S3 F4 | R1 S1 F3', constants: undefined }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.scenario.imageSize).toBe(128000);
    const today = scenarioForModel(r.scenario, 'linux-6.12');
    // totalram: S3 F4 | S1 F3 = 11 → ⌊22/5⌋ = 4
    expect(today.ok && today.scenario.imageSize).toBe(4);
    const z = parseScenario(base());
    if (!z.ok) throw new Error(z.error);
    const back = scenarioForModel(z.scenario, 'linux-2.6.20');
    expect(back.ok).toBe(false);
    expect(!back.ok && back.error).toMatch(
      /letter Z \(an all-zero page, pfn 5\) exists only in the linux-6\.12 model/,
    );
  });

  it('simulateDocument reports a bad letter for the chosen model as a message', () => {
    const r = simulateDocument(base(), { model: 'linux-2.6.17' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/letter Z/);
  });
});
