// Links that carry the whole view: a scenario of one's own deflated into `#scenario=`, with the
// model, step, overlays and embed mode. Encode then decode is the identity for any valid scenario
// and view; damaged, huge and hostile links get one short sentence each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MODELS,
  decodeScenarioParam,
  encodeScenarioParam,
  getPreset,
  parseScenario,
} from '../../../src/core';

/** Runs of letters summing to `pages`, as a layout string for one zone. */
function runs(letters: string, pages: number) {
  return fc
    .array(fc.tuple(fc.constantFrom(...letters), fc.integer({ min: 1, max: 9 })), {
      maxLength: 8,
    })
    .map((rs) => {
      const out: string[] = [];
      let left = pages;
      for (const [l, n] of rs) {
        if (left <= 0) break;
        const k = Math.min(n, left);
        out.push(`${l}${k}`);
        left -= k;
      }
      if (left > 0) out.push(`F${left}`);
      return out.join(' ');
    });
}

/** Valid swsusp-viz/scenario@1 documents: a lowmem zone, perhaps a highmem one, random layouts. */
const scenarioDoc = fc
  .record({
    low: fc.integer({ min: 24, max: 96 }),
    high: fc.option(fc.integer({ min: 4, max: 64 }), { nil: null }),
    kernel: fc.integer({ min: 2, max: 6 }),
    name: fc.string({ minLength: 1, maxLength: 30 }),
    description: fc.string({ maxLength: 60 }),
    model: fc.constantFrom(...MODELS),
    pagesForIo: fc.integer({ min: 0, max: 4 }),
  })
  .chain((m) => {
    const lowFree = m.low - 2 - m.kernel;
    return fc
      .record({
        sLow: runs('FSC', lowFree),
        rLow: runs('FB', lowFree),
        sHigh: m.high ? runs('FS', m.high - 1) : fc.constant(''),
        rHigh: m.high ? runs('FB', m.high - 1) : fc.constant(''),
      })
      .map((l) => ({
        format: 'swsusp-viz/scenario@1',
        name: m.name,
        description: m.description,
        model: m.model,
        zones: [
          { name: 'Normal', pages: m.low },
          ...(m.high ? [{ name: 'HighMem', pages: m.high, highmem: true }] : []),
        ],
        constants: { pagesForIo: m.pagesForIo, imageSize: null },
        allocator: { policy: 'lowest-first' },
        suspend: `N2 K${m.kernel} ${l.sLow}${m.high ? ` | R1 ${l.sHigh}` : ''}`,
        resume: `N2 K${m.kernel} ${l.rLow}${m.high ? ` | R1 ${l.rHigh}` : ''}`,
      }));
  })
  .filter((doc) => parseScenario(doc).ok);

describe('scenario links', () => {
  it('property: encode then decode of any valid scenario is the identity', () => {
    fc.assert(
      fc.property(scenarioDoc, (scenario) => {
        expect(decodeScenarioParam(encodeScenarioParam(scenario))).toEqual({
          ok: true,
          doc: scenario,
        });
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('packs a preset-sized machine into a short link', () => {
    const doc = getPreset('i386-4g')?.doc;
    const param = encodeScenarioParam(doc);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(param.length).toBeLessThan(JSON.stringify(doc).length);
    expect(decodeScenarioParam(param)).toEqual({ ok: true, doc });
  });

  it.each([
    ['not base64', '!!!', /not in the form the page writes/],
    [
      'cut short',
      encodeScenarioParam(getPreset('teaching')?.doc).slice(0, 200),
      /cut short or damaged/,
    ],
    ['too long', 'A'.repeat(300_000), /over the limit of 262,144/],
  ])('refuses a link that is %s with one line', (_what, param, message) => {
    const r = decodeScenarioParam(param);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(message);
  });

  it('refuses a link that inflates past 4 MiB without inflating it all', () => {
    const bomb = encodeScenarioParam('x'.repeat(5 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeScenarioParam(bomb)).toEqual({
      ok: false,
      error: 'The link’s scenario unpacks to more than 4 MiB; it is refused.',
    });
  });
});
