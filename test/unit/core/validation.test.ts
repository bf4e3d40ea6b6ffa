import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../../src/core';

const base = () => ({
  format: 'swsusp-viz/scenario@1',
  name: 'v',
  zones: [
    { name: 'Normal', pages: 8 },
    { name: 'HighMem', pages: 4, highmem: true },
  ],
  constants: { pagesForIo: 1, imageSize: null },
  suspend: 'N1 K2 S2 F3 | R1 S1 F2',
  resume: 'N1 K2 B1 F4 | F4',
});

function error(doc: unknown): string {
  const r = parseScenario(doc);
  if (r.ok) throw new Error('expected a rejection');
  return r.error;
}

describe('scenario validation: every rule gives a message naming what to fix', () => {
  it('accepts the base document and fills the defaults', () => {
    const r = parseScenario({ ...base(), constants: undefined, model: undefined });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.model).toBe('linux-2.6.20');
      expect(r.scenario.pagesForIo).toBe(1024);
      expect(r.scenario.imageSize).toBe(128000);
      expect(r.scenario.policy).toBe('lowest-first');
    }
  });
  it('explicit null imageSize means no limit', () => {
    const r = parseScenario(base());
    expect(r.ok && r.scenario.imageSize).toBe(null);
  });
  it('rejects unknown fields, suggesting the close ones', () => {
    expect(error({ ...base(), colour: 'blue' })).toMatch(/^colour: unknown field; a scenario/);
    expect(error({ ...base(), constants: { pagesForIO: 1 } })).toBe(
      'constants.pagesForIO: unknown field; did you mean "pagesForIo"?',
    );
  });
  it('rejects bad JSON text without throwing', () => {
    expect(parseScenarioText('{"format": ').ok).toBe(false);
  });
  it('rejects a non-object', () =>
    expect(error([1, 2])).toMatch(/^scenario: expected a scenario object.*got an array of 2$/));
  it('rejects a wrong format', () => expect(error({ ...base(), format: 'x' })).toMatch(/^format:/));
  it('rejects an unknown model', () =>
    expect(error({ ...base(), model: 'linux-9' })).toMatch(/^model:/));
  it('rejects an unknown zone name', () =>
    expect(error({ ...base(), zones: [{ name: 'Low', pages: 3 }] })).toMatch(/zones\[0\]\.name/));
  it('rejects zones out of order', () =>
    expect(
      error({
        ...base(),
        zones: [
          { name: 'Normal', pages: 8 },
          { name: 'DMA', pages: 4 },
        ],
      }),
    ).toMatch(/order DMA, Normal, HighMem/));
  it('requires the Normal zone', () =>
    expect(
      error({
        ...base(),
        zones: [{ name: 'HighMem', pages: 4, highmem: true }],
        suspend: 'F4',
        resume: 'F4',
      }),
    ).toMatch(/Normal zone is required/));
  it('requires highmem: true on HighMem', () =>
    expect(
      error({
        ...base(),
        zones: [
          { name: 'Normal', pages: 8 },
          { name: 'HighMem', pages: 4 },
        ],
      }),
    ).toMatch(/HighMem zone must say/));
  it('forbids highmem: true elsewhere', () =>
    expect(
      error({
        ...base(),
        zones: [
          { name: 'Normal', pages: 8, highmem: true },
          { name: 'HighMem', pages: 4, highmem: true },
        ],
      }),
    ).toMatch(/only the HighMem zone/));
  it('requires zone pages ≥ 1', () =>
    expect(
      error({
        ...base(),
        zones: [
          { name: 'Normal', pages: 0 },
          { name: 'HighMem', pages: 4, highmem: true },
        ],
      }),
    ).toMatch(/zones\[0\]\.pages/));
  it('caps the machine at 16 GiB', () =>
    expect(
      error({
        ...base(),
        zones: [{ name: 'Normal', pages: 4194305 }],
        suspend: 'F4194305',
        resume: 'F4194305',
      }),
    ).toMatch(
      /zones\[0\]\.pages: zone Normal: expected a whole number of pages from 1 to 4,194,304, got 4194305/,
    ));
  it('caps the sum of the zones at 16 GiB', () =>
    expect(
      error({
        ...base(),
        zones: [
          { name: 'Normal', pages: 4194304 },
          { name: 'HighMem', pages: 1, highmem: true },
        ],
        suspend: 'F4194304|F',
        resume: 'F4194304|F',
      }),
    ).toMatch(/^zones: total pages must be 1 to 4194304 \(16 GiB\), got 4194305/));
  it('rejects an unknown letter on the suspend side', () =>
    expect(error({ ...base(), suspend: 'N1 K2 B2 F3 | R1 S1 F2' })).toMatch(
      /suspend: zone Normal, run 3 \("B2"\): letter B/,
    ));
  it('rejects an unknown letter on the resume side', () =>
    expect(error({ ...base(), resume: 'N1 K2 S1 F4 | F4' })).toMatch(
      /resume: zone Normal, run 3 \("S1"\): letter S/,
    ));
  it('keeps K in lowmem', () =>
    expect(error({ ...base(), suspend: 'N1 K2 S2 F3 | K1 S1 F2' })).toMatch(
      /zone HighMem, run 1 \("K1"\): K is only allowed in lowmem/,
    ));
  it('keeps N in lowmem', () =>
    expect(error({ ...base(), suspend: 'N1 K2 S2 F3 | N1 S1 F2' })).toMatch(
      /N is only allowed in lowmem/,
    ));
  it('keeps R in highmem', () =>
    expect(error({ ...base(), suspend: 'R1 K2 S2 F3 | R1 S1 F2' })).toMatch(
      /zone Normal, run 1 \("R1"\): R is only allowed in the HighMem/,
    ));
  it('requires the counts to add up to each zone', () =>
    expect(error({ ...base(), suspend: 'N1 K2 S2 F2 | R1 S1 F2' })).toMatch(
      /suspend: zone Normal: the runs add up to 7 frames but the zone has 8/,
    ));
  it('requires one segment per zone', () =>
    expect(error({ ...base(), suspend: 'N1 K2 S2 F3' })).toMatch(/1 segment\(s\).*2 zone/));
  it('rejects a malformed run', () =>
    expect(error({ ...base(), suspend: 'N1 K2 S2 F3 | 4' })).toMatch(
      /zone HighMem, at the start of the zone: the count "4" has no letter before it/,
    ));
  it('requires K, N and X at the same pfns on both sides', () => {
    expect(error({ ...base(), resume: 'N1 K1 B2 F4 | F4' })).toMatch(
      /pfn 2: the suspend side has K and the resume side B/,
    );
    expect(error({ ...base(), suspend: 'N1 K2 S2 X1 F2 | R1 S1 F2' })).toMatch(/pfn 5.*X/);
  });
  it('checks the allocator policy and seed', () => {
    expect(error({ ...base(), allocator: { policy: 'first-fit' } })).toMatch(/allocator\.policy/);
    expect(error({ ...base(), allocator: { policy: 'random' } })).toMatch(/allocator\.seed/);
    expect(error({ ...base(), allocator: { policy: 'random', seed: -1 } })).toMatch(
      /allocator\.seed/,
    );
    expect(error({ ...base(), allocator: { policy: 'random', seed: 2 ** 32 } })).toMatch(
      /allocator\.seed/,
    );
    expect(parseScenario({ ...base(), allocator: { policy: 'random', seed: 4294967295 } }).ok).toBe(
      true,
    );
  });
  it('checks the constants', () => {
    expect(error({ ...base(), constants: { pagesForIo: -1 } })).toMatch(/constants\.pagesForIo/);
    expect(error({ ...base(), constants: { imageSize: 1.5 } })).toMatch(/constants\.imageSize/);
    expect(error({ ...base(), constants: { swapPages: 'lots' } })).toMatch(/constants\.swapPages/);
  });
  it('requires layout strings', () => {
    expect(error({ ...base(), suspend: undefined })).toMatch(/^suspend:/);
    expect(error({ ...base(), resume: 7 })).toMatch(/^resume:/);
  });
  it('lets whitespace sit between runs and count 1 be omitted', () => {
    expect(parseScenario({ ...base(), suspend: ' N K2\tS2F3|R\nS F2 ' }).ok).toBe(true);
  });
});
