import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes, parseScenario, parseScenarioText } from '../../../src/core';

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

describe('null has one meaning: "no limit", and only for the limits', () => {
  it('accepts null for imageSize and swapPages as no limit', () => {
    const r = parseScenario({ ...base(), constants: { imageSize: null, swapPages: null } });
    expect(r.ok && [r.scenario.imageSize, r.scenario.swapPages]).toEqual([null, null]);
  });
  it('takes the default when a field is left out', () => {
    const r = parseScenario({ ...base(), constants: {} });
    expect(r.ok && [r.scenario.pagesForIo, r.scenario.imageSize, r.scenario.swapPages]).toEqual([
      1024,
      128000,
      null,
    ]);
  });
  it.each([
    ['constants', { constants: null }],
    ['constants.pagesForIo', { constants: { pagesForIo: null } }],
    ['allocator', { allocator: null }],
    ['allocator.policy', { allocator: { policy: null } }],
    ['allocator.seed', { allocator: { seed: null } }],
    ['name', { name: null }],
    ['description', { description: null }],
    ['model', { model: null }],
  ])('rejects null in %s, saying to leave it out', (field, patch) => {
    expect(error({ ...base(), ...patch })).toMatch(
      new RegExp(`^${field.replace('.', '\\.')}: null is not a value here; leave the field out`),
    );
  });
  it('rejects null in a required field as a wrong type', () => {
    expect(error({ ...base(), zones: null })).toMatch(/^zones: expected an array of zones/);
    expect(error({ ...base(), suspend: null })).toMatch(/^suspend: expected a layout string/);
  });
});

describe('unknown fields are rejected with a suggestion', () => {
  it.each([
    [
      { constants: { pagesForIO: 1 } },
      'constants.pagesForIO: unknown field; did you mean "pagesForIo"?',
    ],
    [{ allocator: { polcy: 'random' } }, 'allocator.polcy: unknown field; did you mean "policy"?'],
    [{ Zones: [] }, 'Zones: unknown field; did you mean "zones"?'],
  ])('%j', (patch, message) => {
    expect(error({ ...base(), ...patch })).toBe(message);
  });
  it('lists the known fields when nothing is close', () => {
    expect(error({ ...base(), constants: { colour: 1 } })).toMatch(
      /^constants\.colour: unknown field; an object of constants .* has only "pagesForIo", "imageSize", "swapPages", "reservedSize", "lowmemReserve"$/,
    );
  });
  it('suggests the close value of a fixed set', () => {
    expect(error({ ...base(), model: '2.6.17' })).toMatch(/did you mean "linux-2.6.17"\?$/);
    expect(error({ ...base(), allocator: { policy: 'Random', seed: 1 } })).toMatch(
      /did you mean "random"\?$/,
    );
  });
});

describe('messages say what is actually wrong', () => {
  it('a bad seed with lowest-first is a bad seed, not a missing one', () => {
    const m = error({ ...base(), allocator: { policy: 'lowest-first', seed: -1 } });
    expect(m).toBe(
      'allocator.seed: expected a whole number from 0 to 4,294,967,295, got -1; only the random policy uses a seed, so it may also be left out',
    );
    expect(m).not.toMatch(/needs/);
  });
  it('random without a seed asks for one', () => {
    expect(error({ ...base(), allocator: { policy: 'random' } })).toMatch(
      /^allocator\.seed: missing; the random policy needs "seed"/,
    );
  });
  it('names the zone of a bad zone field', () => {
    expect(error({ ...base(), zones: [{ name: 'Normal', pages: 1.5 }] })).toMatch(
      /^zones\[0\]\.pages: zone Normal: expected a whole number of pages/,
    );
  });
  it('points at the resume run where K, N or X moved', () => {
    const r = parseScenario({ ...base(), resume: 'N1 K1 B2 F4 | F4' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(
      /^resume: zone Normal, run 3, pfn 2: the suspend side has K and the resume side B/,
    );
    expect(r.rejection.index).toBe('N1 K1 '.length);
  });
  it('caps names and descriptions', () => {
    expect(error({ ...base(), name: 'x'.repeat(201) })).toMatch(
      /^name: is 201 characters long; the limit is 200$/,
    );
  });
});

describe('scenario text', () => {
  const text = JSON.stringify(base());
  it('accepts a UTF-8 byte order mark', () => {
    expect(parseScenarioText(`\ufeff${text}`).ok).toBe(true);
  });
  it('places a syntax error by line and column and escapes what it quotes', () => {
    const r = parseScenarioText('{\n  "name": "a\u001b]0;x\u0007"\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^not valid JSON at line 2, column 13: .*but found "\\u001b"$/);
    expect(r.rejection.index).toBe(14);
    const r2 = parseScenarioText('{"format": x}');
    expect(!r2.ok && r2.error).toMatch(/line 1, column 12: expected a value .*but found "x"/);
    const r3 = parseScenarioText('   ');
    expect(!r3.ok && r3.error).toMatch(/not valid JSON/);
  });
});

describe('scenario bytes (files imported in the page or read by the CLI)', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeScenarioBytes(enc('\ufeff{"a": "é"}'), 'f')).toEqual({
      ok: true,
      text: '{"a": "é"}',
    });
  });
  it('names UTF-16 and points at the first byte that is not UTF-8', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x7b, 0x00]);
    expect(decodeScenarioBytes(le, '"x.json"')).toEqual({
      ok: false,
      error: '"x.json" is UTF-16 (little-endian, by its byte order mark); save it as UTF-8',
    });
    const be = new Uint8Array([0x00, 0x7b, 0x00, 0x22, 0x00, 0x61]);
    expect(decodeScenarioBytes(be, 'f')).toMatchObject({
      error: 'f looks like UTF-16 (big-endian); save it as UTF-8',
    });
    const latin1 = new Uint8Array([0x7b, 0x22, 0x63, 0xe9, 0x22, 0x7d]);
    expect(decodeScenarioBytes(latin1, 'f')).toMatchObject({
      error: 'f is not UTF-8 text: byte 3 (0xe9) starts no valid character; save it as UTF-8',
    });
    expect(decodeScenarioBytes(new Uint8Array([0x7b, 0x00, 0x7d, 0x20, 0x20]), 'f')).toMatchObject({
      error: 'f holds a zero byte at offset 1; a scenario is JSON text',
    });
  });
});
