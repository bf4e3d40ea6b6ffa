import { describe, expect, it } from 'vitest';
import { LAYOUT_MAX_CHARS, parseLayout } from '../../../src/core';
import type { LayoutError, ZoneSpec } from '../../../src/core';

const zones: ZoneSpec[] = [
  { name: 'Normal', pages: 8, highmem: false },
  { name: 'HighMem', pages: 4, highmem: true },
];

function fail(text: string, field: 'suspend' | 'resume' = 'suspend'): LayoutError {
  const r = parseLayout(field, text, zones, field === 'suspend' ? 'FSCKNRX' : 'FKNRXB', 'KN', 'R');
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
  return r.error;
}

/** The characters an editor would underline. */
function marked(text: string, e: LayoutError): string {
  return text.slice(e.index, e.index + e.length);
}

describe('layout grammar: a run is a letter followed directly by a positive count', () => {
  it('parses runs with their pfns and text offsets', () => {
    const r = parseLayout('suspend', 'N K2 S2 F3 | R S1 F2', zones, 'FSCKNRX', 'KN', 'R');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.zones[0].map((x) => [x.letter, x.count, x.start, x.at])).toEqual([
      ['N', 1, 0, 0],
      ['K', 2, 1, 2],
      ['S', 2, 3, 5],
      ['F', 3, 5, 8],
    ]);
    expect(r.zones[1].map((x) => [x.letter, x.count, x.start])).toEqual([
      ['R', 1, 8],
      ['S', 1, 9],
      ['F', 2, 10],
    ]);
  });

  it('rejects a zero count (F0) at the count', () => {
    const text = 'N1 K2 S2 F0 F3 | R1 S1 F2';
    const e = fail(text);
    expect(e.message).toBe(
      'suspend: zone Normal, run 4 ("F0"): a run covers at least 1 frame; remove the run or give a count of 1 or more',
    );
    expect([e.zone, e.run, marked(text, e)]).toEqual(['Normal', 4, '0']);
  });

  it('rejects a count set apart from its letter (S 6) at the space', () => {
    const text = 'N1 K2 S 2 F3 | R1 S1 F2';
    const e = fail(text);
    expect(e.message).toMatch(/run 3 \("S"\): the count must follow its letter directly; write S2/);
    expect(e.index).toBe(7);
  });

  it('says that 6S after K6 is a count before its letter, not a wrong total', () => {
    const text = 'N1 K6 6S | F4';
    const e = parseLayout(
      'suspend',
      text,
      [
        { name: 'Normal', pages: 13, highmem: false },
        { name: 'HighMem', pages: 4, highmem: true },
      ],
      'FSCKNRX',
      'KN',
      'R',
    );
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.error.message).toBe(
      'suspend: zone Normal, after run 2: the count "6" has no letter before it; write the letter first: S6',
    );
    expect(marked(text, e.error)).toBe('6');
    expect(e.error.message).not.toMatch(/add up/);
  });

  it('rejects leading zeros, lower-case letters and stray characters', () => {
    expect(fail('N1 K2 S2 F03 | R1 S1 F2').message).toMatch(/without leading zeros: F3/);
    expect(fail('N1 K2 s2 F3 | R1 S1 F2').message).toMatch(/letters are capitals; write S/);
    const text = 'N1 K2 S2; F3 | R1 S1 F2';
    const e = fail(text);
    expect(e.message).toMatch(/unexpected character ";" \(U\+003B\)/);
    expect(marked(text, e)).toBe(';');
  });

  it('escapes control characters instead of echoing them', () => {
    const e = fail('N1 K2 S2\u001b]0;owned\u0007 F3 | R1 S1 F2');
    expect(e.message).toMatch(/"\\u001b" \(U\+001B\)/);
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(e.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it('stops at the run that passes the end of the zone', () => {
    const text = 'N1 K2 S9 F3 | R1 S1 F2';
    const e = fail(text);
    expect(e.message).toMatch(
      /run 3 \("S9"\): the runs pass the end of zone Normal: with this run they add up to 12 frames but the zone has 8 pages/,
    );
    expect(marked(text, e)).toBe('S9');
  });

  it('says how many frames a short zone lacks, at the end of its segment', () => {
    const text = 'N1 K2 S2 F1 | R1 S1 F2';
    const e = fail(text);
    expect(e.message).toBe(
      'suspend: zone Normal: the runs add up to 6 frames but the zone has 8 pages; add 2 more (F2 if free)',
    );
    expect(e.index).toBe(text.indexOf('|'));
    expect(fail('N1 K2 S2 F3 |').message).toMatch(/zone HighMem has no runs/);
  });

  it('points at the extra "|" or the end when the segments do not match the zones', () => {
    const text = 'N1 K2 S2 F3 | R1 S1 F2 | F1';
    const e = fail(text);
    expect(e.index).toBe(text.lastIndexOf('|'));
    expect(e.message).toMatch(/more segments than zones/);
    expect(fail('N1 K2 S2 F3').index).toBe('N1 K2 S2 F3'.length);
  });

  it('keeps the letter rules per side and per zone', () => {
    expect(fail('N1 K2 B2 F3 | R1 S1 F2').message).toMatch(
      /letter B is not allowed on the suspend side/,
    );
    expect(fail('N1 K2 S2 F3 | K1 S1 F2').message).toMatch(/K is only allowed in lowmem/);
    expect(fail('R1 K2 S2 F3 | R1 S1 F2').message).toMatch(/R is only allowed in the HighMem zone/);
  });

  it('refuses a huge count without reading it as a number and a huge layout before scanning it', () => {
    expect(fail('N1 K2 S2 F3 | F99999999999').message).toMatch(/the count has 11 digits/);
    const huge = 'F1 '.repeat(Math.ceil((LAYOUT_MAX_CHARS + 1) / 3));
    const e = fail(huge);
    expect(e.message).toMatch(/characters long; the limit is 8,388,608/);
  });
});
