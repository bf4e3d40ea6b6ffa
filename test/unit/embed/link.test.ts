// Links that carry the whole view: a scenario of one's own deflated into `#scenario=`, with the
// model, step, overlays and embed mode. Encode then decode is the identity for any valid scenario
// and view; damaged, huge and hostile links get one short sentence each.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/app/urlHash';
import type { HashState } from '../../../src/app/urlHash';
import {
  MODELS,
  decodeScenarioParam,
  encodeScenarioParam,
  getPreset,
  parseScenario,
  presetNames,
} from '../../../src/core';
import { OVERLAYS } from '../../../src/render';

const presets = presetNames();

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

const view = fc.record({
  model: fc.option(fc.constantFrom(...MODELS), { nil: null }),
  step: fc.option(fc.integer({ min: 0, max: 999_999_999 }), { nil: null }),
  embed: fc.boolean(),
  overlays: fc.subarray(OVERLAYS.map((o) => o.key)),
});

describe('scenario links', () => {
  it('property: encode then decode of any valid scenario and view is the identity', () => {
    fc.assert(
      fc.property(scenarioDoc, view, (scenario, v) => {
        const state: HashState = { preset: 'teaching', scenario, origins: null, ...v };
        const parsed = parseHash(formatHash(state), presets, 'teaching');
        expect(parsed.problems).toEqual([]);
        expect(parsed.state).toEqual(state);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('property: a preset and any view round-trip too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...presets), view, (preset, v) => {
        const state: HashState = { preset, scenario: null, origins: null, ...v };
        expect(parseHash(formatHash(state), presets, 'teaching').state).toEqual(state);
      }),
    );
  });

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

  it('says why a decoded scenario is not valid, and shows the default', () => {
    const r = parseHash(
      `#scenario=${encodeScenarioParam({ format: 'swsusp-viz/scenario@1', zones: [] })}`,
      presets,
      'teaching',
    );
    expect(r.state.scenario).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(
      /^The link’s scenario is not valid: .+ Showing “teaching” instead\.$/,
    );
  });
});

describe('hash input quality', () => {
  it('a bad step while a run is shown keeps that step and says so', () => {
    const r = parseHash('#preset=teaching&step=abc', presets, 'teaching', { current: 40 });
    expect(r.state.step).toBe(40);
    expect(r.problems).toEqual(['The link’s step “abc” is not a step number; staying at step 40.']);
  });

  it('an unknown view gets a notice', () => {
    expect(parseHash('#view=bogus', presets, 'teaching').problems).toEqual([
      'The link’s view “bogus” is not “step” or “compare”; showing the step view.',
    ]);
  });

  it('a 2 MB value is never echoed whole, and control characters are escaped', () => {
    const huge = 'x'.repeat(2_000_000);
    const r = parseHash(`#preset=${huge}&step=${huge}&model=%1B]0;pwned%07`, presets, 'teaching');
    for (const p of r.problems) expect(p.length).toBeLessThan(200);
    expect([...r.problems.join(' ')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(r.problems[2]).toContain('\\u001b');
  });

  it('fuzz: 10,000 arbitrary hashes never throw; every problem is one short line', () => {
    const part = fc.oneof(
      fc.string(),
      fc.constantFrom('preset', 'step', 'model', 'embed', 'overlays', 'view', 'scenario'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(part, fc.oneof(fc.string(), fc.string({ unit: 'binary' })))),
        fc.option(fc.nat(), { nil: null }),
        (pairs, current) => {
          const hash = `#${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
          const r = parseHash(hash, presets, 'teaching', { current });
          for (const p of r.problems) {
            expect(p.length).toBeLessThan(300);
            expect(p).not.toMatch(/[\n\r]/);
          }
          expect(presets).toContain(r.state.preset);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
