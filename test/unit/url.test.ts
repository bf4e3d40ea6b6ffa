import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS, PHASE_NAMES } from '../../src/core';
import { formatView, pageOf, parseView } from '../../src/ui/shell/url';
import type { ViewState } from '../../src/ui/shell/url';

const presets = ['teaching', 'i386-4g', 'i386-4g-anon'];
const opts = { presets, fallback: 'teaching' };
const unset = { model: null, step: null, embed: false, phase: null, at: null };

describe('step page link', () => {
  it('reads preset, step, model and embed', () => {
    expect(parseView('#preset=i386-4g&step=40&embed=1', opts)).toEqual({
      state: { ...unset, view: 'step', preset: 'i386-4g', step: 40, embed: true },
      problems: [],
    });
    expect(parseView('', opts).state).toEqual({ ...unset, view: 'step', preset: 'teaching' });
    expect(parseView('#model=linux-2.6.20', opts).state.model).toBe('linux-2.6.20');
    expect(parseView('#preset=teaching', { ...opts, embedByDefault: true }).state.embed).toBe(true);
    expect(parseView('#embed=0', { ...opts, embedByDefault: true }).state.embed).toBe(false);
  });

  it('turns bad values into sentences and defaults', () => {
    const r = parseView('#preset=nope&step=-3&embed=maybe&model=linux-9', opts);
    expect(r.state).toEqual({ ...unset, view: 'step', preset: 'teaching' });
    expect(r.problems).toEqual([
      'The link asks for the scenario “nope”, which does not exist; showing “teaching” instead.',
      'The link’s step “-3” is not a step number; starting at step 0.',
      `The link’s model “linux-9” is not one of ${MODELS.join(', ')}; using the scenario’s own.`,
      'The link’s embed value “maybe” is not 1 or 0; showing the full page.',
    ]);
  });

  it('writes the state back, leaving out what is not set', () => {
    expect(formatView({ view: 'step', preset: 'teaching', step: 40 })).toBe(
      '#preset=teaching&step=40',
    );
    expect(
      formatView({ view: 'step', preset: 'teaching', model: 'linux-2.6.20', step: 0, embed: true }),
    ).toBe('#preset=teaching&model=linux-2.6.20&step=0&embed=1');
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
      `The link’s phase “sleep” is not one of ${PHASE_NAMES.join(', ')}; starting at the first.`,
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
  const stepState = fc.record({
    view: fc.constant<'step'>('step'),
    preset: fc.constantFrom(...presets),
    model: fc.option(fc.constantFrom(...MODELS), { nil: null }),
    step: fc.option(fc.nat({ max: 999_999_999 }), { nil: null }),
    embed: fc.boolean(),
    phase: fc.constant(null),
    at: fc.constant(null),
  });
  const compareState = fc.record({
    view: fc.constant<'compare'>('compare'),
    preset: fc.constantFrom(...presets),
    model: fc.constant(null),
    step: fc.constant(null),
    embed: fc.constant(false),
    phase: fc.option(fc.integer({ min: 1, max: PHASE_NAMES.length - 1 }), { nil: null }),
    at: fc.option(
      fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
      { nil: null },
    ),
  });

  it('gives back every state it wrote, with no problems', () => {
    fc.assert(
      fc.property(fc.oneof(stepState, compareState), (state: ViewState) => {
        expect(parseView(formatView(state), opts)).toEqual({ state, problems: [] });
      }),
      { numRuns: 300 },
    );
  });
});
