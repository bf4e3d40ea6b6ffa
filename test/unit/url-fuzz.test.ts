// Fuzzing the URL decoder: any hash at all, and damaged scenario links, are read without an
// exception; what is read is always a usable view, and every value refused is one short line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS, decodeScenarioParam, encodeScenarioParam, getPreset } from '../../src/core';
import { OVERLAYS } from '../../src/render';
import { EMPTY_VIEW, parseView } from '../../src/ui/shell/url';
import type { ViewState } from '../../src/ui/shell/url';

const CASES = 10_000;
const KEYS = [
  'view',
  'preset',
  'scenario',
  'model',
  'step',
  'overlays',
  'present',
  'embed',
  'origins',
  'phase',
  'at',
  'x',
];
const teaching = encodeScenarioParam(getPreset('teaching')?.doc);
const OVERLAY_KEYS: readonly string[] = OVERLAYS.map((o) => o.key);

/** A damaged scenario link: cut, with characters changed, or garbage in the link's alphabet. */
const damaged = fc.oneof(
  fc.nat({ max: teaching.length }).map((n) => teaching.slice(0, n)),
  fc
    .tuple(fc.nat({ max: teaching.length - 1 }), fc.constantFrom(...'AZaz09-_'))
    .map(([i, c]) => teaching.slice(0, i) + c + teaching.slice(i + 1)),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/),
);

const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('1', '0', '-5', '1e99', 'NaN', 'teaching', 'linux-2.6.17', 'orig,copy', 'image'),
  fc.nat().map(String),
  damaged,
);

const hash = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 8 })
  .map((pairs) => `#${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);
const raw = fc.string({ unit: 'binary', maxLength: 200 });

function usable(state: ViewState): void {
  expect(['step', 'compare']).toContain(state.view);
  expect(typeof state.preset).toBe('string');
  if (state.model !== null) expect(MODELS).toContain(state.model);
  if (state.step !== null) expect(Number.isSafeInteger(state.step) && state.step >= 0).toBe(true);
  for (const o of state.overlays) expect(OVERLAY_KEYS).toContain(o);
  if (state.at !== null) expect(state.at >= 0 && state.at <= 1).toBe(true);
}

describe('URL decoder fuzzing', () => {
  it(`reads ${CASES.toLocaleString('en-US')} hashes: a usable view, and one short line per value refused`, () => {
    const current: ViewState = { ...EMPTY_VIEW, view: 'step', preset: 'i386-4g', step: 40 };
    fc.assert(
      fc.property(fc.oneof(hash, raw), fc.boolean(), (h, edited) => {
        const r = parseView(h, edited ? { current } : {});
        usable(r.state);
        for (const p of r.problems) {
          expect(p.length).toBeGreaterThan(10);
          expect(p.length).toBeLessThan(400);
          expect(p).not.toMatch(/[\n\r]/);
        }
        // A link naming nothing unusable changes nothing it does not name.
        if (edited && r.problems.length === 0 && !/(^|&|#)(preset|scenario)=/.test(h))
          expect(r.state.preset).toBe('i386-4g');
      }),
      { numRuns: CASES },
    );
  }, 120_000);

  it(`decodes ${CASES.toLocaleString('en-US')} damaged scenario links without an exception`, () => {
    fc.assert(
      fc.property(damaged, (param) => {
        const r = decodeScenarioParam(param);
        if (!r.ok) expect(r.error).toMatch(/^The link’s scenario .{10,200}$/);
      }),
      { numRuns: CASES },
    );
  }, 120_000);
});
