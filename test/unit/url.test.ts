import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS, PHASE_NAMES, encodeScenarioParam, getPreset, parseScenario } from '../../src/core';
import type { ModelId } from '../../src/core';
import { OVERLAYS } from '../../src/render';
import {
  EMPTY_VIEW,
  PREALLOCATION_PHASE,
  formatView,
  pageOf,
  parseView,
  readModels,
  readStep,
} from '../../src/ui/shell/url';
import type { ViewState } from '../../src/ui/shell/url';
import { scenarioArb } from './core/arbitrary';
import { scenario612Arb } from './core/arbitrary-612';

const presets = ['teaching', 'i386-4g', 'i386-4g-anon', 'mine-abc123'];
const opts = { presets, fallback: 'teaching' };
const unset = EMPTY_VIEW;
const teaching = getPreset('teaching')?.doc as Record<string, unknown>;
const OVERLAY_KEYS = OVERLAYS.map((o) => o.key);

describe('step page link', () => {
  it('reads every parameter', () => {
    expect(
      parseView(
        '#preset=i386-4g&model=linux-2.6.17&step=40&overlays=copy,orig&present=1&embed=1&origins=https%3A%2F%2Fdocs.example.org',
        opts,
      ),
    ).toEqual({
      state: {
        ...unset,
        view: 'step',
        preset: 'i386-4g',
        model: 'linux-2.6.17',
        step: 40,
        overlays: ['orig', 'copy'],
        present: true,
        embed: true,
        origins: 'https://docs.example.org',
      },
      problems: [],
    });
    expect(parseView('', opts).state).toEqual({ ...unset, view: 'step', preset: 'teaching' });
    expect(parseView('#view=step&preset=mine-abc123', opts).state.preset).toBe('mine-abc123');
    expect(parseView('#preset=teaching', { ...opts, embedByDefault: true }).state.embed).toBe(true);
    expect(parseView('#embed=0', { ...opts, embedByDefault: true }).state.embed).toBe(false);
  });

  it('reads a scenario of one’s own, which wins over a preset', () => {
    const mine = { ...teaching, name: 'Mine' };
    const r = parseView(`#preset=i386-4g&scenario=${encodeScenarioParam(mine)}&step=3`, opts);
    expect(r.problems).toEqual([]);
    expect(r.state.scenario).toEqual(mine);
    expect(r.state.step).toBe(3);
  });

  it('writes the state back, leaving out what is not set', () => {
    expect(formatView({ view: 'step', preset: 'teaching', step: 40 })).toBe(
      '#preset=teaching&step=40',
    );
    expect(
      formatView({
        view: 'step',
        preset: 'teaching',
        model: 'linux-2.6.20',
        step: 0,
        overlays: ['orig', 'safety'],
        present: true,
        embed: true,
        origins: 'https://a.example,https://b.example',
      }),
    ).toBe(
      '#preset=teaching&model=linux-2.6.20&step=0&overlays=orig,safety&present=1&embed=1&origins=https%3A%2F%2Fa.example%2Chttps%3A%2F%2Fb.example',
    );
    expect(formatView({ view: 'step', preset: 'teaching', scenario: teaching })).toBe(
      `#scenario=${encodeScenarioParam(teaching)}`,
    );
  });
});

describe('the hash’s messages', () => {
  const one = (hash: string, o = {}) => {
    const r = parseView(hash, { ...opts, ...o });
    expect(r.problems).toHaveLength(1);
    return r;
  };

  it.each([
    ['abc', 'The link’s step “abc” is not a step number; starting at step 0.'],
    ['-5', 'The link’s step “-5” is negative (steps count from 0); starting at step 0.'],
    ['1e99', 'The link’s step “1e99” is not a whole number of steps; starting at step 0.'],
    ['4.5', 'The link’s step “4.5” is not a whole number of steps; starting at step 0.'],
    ['Infinity', 'The link’s step “Infinity” is not a whole number of steps; starting at step 0.'],
    [
      '99999999999999999999',
      'The link’s step “99999999999999999999” is far past the end of any run; starting at step 0.',
    ],
    ['', 'The link’s step “” is not a step number; starting at step 0.'],
  ])('step=%s', (step, message) => {
    const r = one(`#preset=teaching&step=${step}`);
    expect(r.problems[0]).toBe(message);
    expect(r.state.step).toBeNull();
  });

  it('keeps the step shown when the address is edited to a bad one', () => {
    const current: ViewState = { ...unset, view: 'step', preset: 'i386-4g', step: 40 };
    const r = one('#preset=i386-4g&step=abc', { current });
    expect(r.problems[0]).toBe('The link’s step “abc” is not a step number; staying at step 40.');
    expect(r.state).toEqual(current);
  });

  it('names a bad view, model, overlay, presentation value and scenario', () => {
    expect(one('#view=bogus&preset=teaching').problems[0]).toBe(
      'The link’s view “bogus” is not “step” or “compare”; showing the step-by-step view.',
    );
    expect(one('#preset=teaching&model=linux-9').problems[0]).toBe(
      `The link’s model “linux-9” is not one of ${MODELS.join(', ')}; using the scenario’s own.`,
    );
    const o = one('#preset=teaching&overlays=orig,bits,copy,,nope');
    expect(o.problems[0]).toBe(
      `The link’s overlays “bits”, “nope” are not among ${OVERLAY_KEYS.join(', ')}; left off.`,
    );
    expect(o.state.overlays).toEqual(['orig', 'copy']);
    expect(one('#preset=teaching&present=yes').problems[0]).toBe(
      'The link’s presentation mode “yes” is not 1 or 0; off.',
    );
    expect(one('#preset=pentium-9').problems[0]).toBe(
      'The link asks for the scenario “pentium-9”, which does not exist; showing “teaching” instead.',
    );
    expect(one('#preset=mine-zzz').problems[0]).toBe(
      'The link names “mine-zzz”, a machine saved in another browser or deleted (“Copy link” puts the machine itself in the link); showing “teaching” instead.',
    );
    expect(one('#scenario=!!!').problems[0]).toBe(
      'The link’s scenario is not in the form the page writes (letters, digits, - and _); copy the link again; showing “teaching” instead.',
    );
  });

  it('gives the scenario validator’s one line for an invalid scenario, and keeps the run shown', () => {
    const bad = encodeScenarioParam({ ...teaching, zones: [{ name: 'Normal', pages: 0 }] });
    const current: ViewState = { ...unset, view: 'step', preset: 'i386-4g', step: 7 };
    const r = one(`#scenario=${bad}&step=3&model=linux-2.6.17`, { current });
    const expected = parseScenario({ ...teaching, zones: [{ name: 'Normal', pages: 0 }] });
    expect(expected.ok).toBe(false);
    expect(r.problems[0]).toContain(
      `The link’s scenario is not valid: ${expected.ok ? '' : expected.error.replace(/\.$/, '')}`,
    );
    expect(r.problems[0]).toMatch(/; keeping “i386-4g”\.$/);
    expect(r.state).toEqual(current);
    const own: ViewState = {
      ...current,
      preset: 'teaching',
      scenario: { ...teaching, name: 'Box' },
    };
    expect(one(`#scenario=${bad}`, { current: own }).problems[0]).toMatch(/; keeping “Box”\.$/);
  });

  it('never echoes a huge value whole, nor its control characters', () => {
    const huge = 'x'.repeat(2_000_000);
    for (const hash of [
      `#preset=teaching&step=${huge}`,
      `#preset=${huge}`,
      `#preset=teaching&model=${huge}`,
      `#preset=teaching&overlays=${huge}`,
      `#view=${huge}`,
      `#scenario=${huge}`,
    ]) {
      const r = one(hash);
      expect(r.problems[0].length).toBeLessThan(300);
    }
    const ctl = one('#preset=teaching&step=%1B%5D0%3Bpwned%07').problems[0];
    expect([...ctl].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
  });
});

describe('readStep', () => {
  it('property: any whole number from 0 reads back; anything else is refused', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(readStep(String(n))).toEqual({ ok: true, step: n });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = readStep(s);
        if (r.ok) expect(String(r.step)).toBe(s.trim().replace(/^0+(?=\d)/, ''));
        else expect(r.why.length).toBeLessThan(120);
      }),
    );
  });
});

describe('compare page link', () => {
  it('reads and writes #view=compare&preset=…&phase=…&at=…', () => {
    expect(pageOf('#view=compare&preset=teaching')).toBe('compare');
    expect(pageOf('#preset=teaching')).toBe('step');
    expect(parseView('#view=compare&preset=i386-4g-anon&phase=image&at=25', opts)).toEqual({
      state: { ...unset, view: 'compare', preset: 'i386-4g-anon', phase: 1, at: 0.25 },
      problems: [],
    });
    expect(formatView({ view: 'compare', preset: 'teaching', phase: 3, at: 0.4 })).toBe(
      '#view=compare&preset=teaching&phase=resume&at=40',
    );
    expect(formatView({ view: 'compare', preset: 'teaching', phase: 0, at: 0 })).toBe(
      '#view=compare&preset=teaching',
    );
  });

  it('turns bad values into sentences and defaults', () => {
    const r = parseView('#view=compare&preset=nope&phase=sleep&at=150', opts);
    expect(r.state).toEqual({ ...unset, view: 'compare', preset: 'teaching' });
    expect(r.problems).toEqual([
      'The link asks for the scenario “nope”, which does not exist; comparing “teaching” instead.',
      `The link’s phase “sleep” is not one of preallocation, ${PHASE_NAMES.join(', ')}; starting at the first.`,
      'The link’s position “150” is not a percentage; starting at 0%.',
    ]);
  });

  it('reads a page’s own link as that page whatever its view says', () => {
    expect(parseView('#preset=teaching&phase=image', { ...opts, page: 'compare' }).state).toEqual({
      ...unset,
      view: 'compare',
      preset: 'teaching',
      phase: 1,
    });
  });
});

describe('parse ∘ format', () => {
  const scenario = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(scenarioArb, fc.string({ maxLength: 40 }), fc.string({ maxLength: 80 }))
        .map(([doc, name, description]) => ({ ...doc, name, description })),
    },
    { weight: 1, arbitrary: scenario612Arb },
  );
  const stepState = fc.record({
    view: fc.constant<'step'>('step'),
    preset: fc.constantFrom(...presets),
    scenario,
    model: fc.option(fc.constantFrom(...MODELS), { nil: null }),
    step: fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: null }),
    embed: fc.boolean(),
    overlays: fc.subarray([...OVERLAY_KEYS]),
    present: fc.boolean(),
    origins: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
    models: fc.constant(null),
    phase: fc.constant(null),
    at: fc.constant(null),
  });
  const compareState = fc.record({
    view: fc.constant<'compare'>('compare'),
    preset: fc.constantFrom(...presets),
    scenario,
    model: fc.constant(null),
    step: fc.constant(null),
    embed: fc.constant(false),
    overlays: fc.constant([]),
    present: fc.constant(false),
    origins: fc.constant(null),
    // The default pair (2.6.17 ↔ 2.6.20) is left out of the link, so it reads back as null.
    models: fc.option(
      fc.constantFrom<readonly [ModelId, ModelId]>(
        ['linux-2.6.17', 'linux-6.12'],
        ['linux-2.6.20', 'linux-6.12'],
      ),
      { nil: null },
    ),
    phase: fc.option(
      fc.oneof(
        fc.integer({ min: 1, max: PHASE_NAMES.length - 1 }),
        fc.constant(PREALLOCATION_PHASE),
      ),
      { nil: null },
    ),
    at: fc.option(
      fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
      { nil: null },
    ),
  });

  it('property: encode then decode of any valid scenario and view is the identity', () => {
    fc.assert(
      fc.property(fc.oneof(stepState, compareState), (state: ViewState) => {
        // A model the scenario's letters do not allow is not a valid view.
        fc.pre(
          state.scenario === null || parseScenario(state.scenario, state.model ?? undefined).ok,
        );
        // With a scenario of one's own, the preset is not in the link: it reads as the fallback.
        const expected = state.scenario === null ? state : { ...state, preset: 'teaching' };
        expect(parseView(formatView(state), opts)).toEqual({ state: expected, problems: [] });
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('the compared pair in the link', () => {
  it('reads two different models in any order and spelling, oldest first', () => {
    expect(readModels('linux-6.12,linux-2.6.20')).toEqual(['linux-2.6.20', 'linux-6.12']);
    expect(readModels('2.6.17, 6.12')).toEqual(['linux-2.6.17', 'linux-6.12']);
    expect(readModels('6.12,6.12')).toBeNull();
    expect(readModels('2.6.20')).toBeNull();
    expect(readModels('2.6.20,5.0')).toBeNull();
  });

  it('keeps the default pair out of the link and names a bad pair in one sentence', () => {
    expect(
      formatView({ view: 'compare', preset: 'teaching', models: ['linux-2.6.17', 'linux-2.6.20'] }),
    ).toBe('#view=compare&preset=teaching');
    expect(
      formatView({
        view: 'compare',
        preset: 'zero-pages',
        models: ['linux-2.6.20', 'linux-6.12'],
        phase: PREALLOCATION_PHASE,
      }),
    ).toBe('#view=compare&preset=zero-pages&models=linux-2.6.20,linux-6.12&phase=preallocation');
    const bad = parseView('#view=compare&preset=teaching&models=2.6.20,2.6.20');
    expect(bad.state.models).toBeNull();
    expect(bad.problems).toEqual([
      'The link’s models “2.6.20,2.6.20” are not two of linux-2.6.20, linux-2.6.17, linux-6.12; comparing 2.6.17 and 2.6.20.',
    ]);
  });
});
