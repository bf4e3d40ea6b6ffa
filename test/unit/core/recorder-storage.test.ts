// @vitest-environment node
// The recorder's storage and the walks the shrink loop repeats are optimisations only: a run must
// record the same steps whichever storage path it takes, whether the zone walks are incremental or
// whole, whether keyframes are taken while simulating, and whether steps are recorded at all.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport, MODELS, simulate, statesEqual } from '../../../src/core';
import type { ModelId, Run, Scenario } from '../../../src/core';
import { parseScenario } from '../../../src/core';
import { DirtyFrames } from '../../../src/core/kernel/dirty';
import { stateBytes } from '../../../src/core/trace/keyframes';
import { Growable } from '../../../src/core/trace/growable';
import { Cursor } from '../../../src/engine/cursor';
import { Timeline } from '../../../src/engine/timeline';
import { referenceState, scenarioDoc } from '../engine-fixtures';

const RUNS = 25;
const defaultResizableFrom = Growable.resizableFrom;

afterEach(() => {
  Growable.resizableFrom = defaultResizableFrom;
  DirtyFrames.alwaysWhole = false;
});

function scenarioOf(doc: unknown): Scenario {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** Every array of the step log and the tables, for comparing two runs. */
function logOf(run: Run): unknown {
  const t = run.trace;
  const { image, log, bitmaps, pbeListOrder, ...arrays } = t.tables;
  return {
    steps: t.steps,
    columns: Object.fromEntries(
      Object.entries(t.columns).map(([k, v]: [string, ArrayLike<number>]) => [k, Array.from(v)]),
    ),
    changes: Array.from(t.changes),
    bulk: t.bulk.map((b) => ({ step: b.step, before: b.before, after: b.after })),
    tables: Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, Array.from(v)])),
    image,
    log,
    bitmaps,
    pbeListOrder,
    snapshot: Array.from(t.snapshotContent),
  };
}

const model = fc.constantFrom<ModelId>(...MODELS);

describe('recorder storage', () => {
  it('records the same log in resizable buffers as in plain copied arrays', () => {
    fc.assert(
      fc.property(scenarioDoc, model, (doc, m) => {
        const sc = scenarioOf(doc);
        Growable.resizableFrom = Infinity;
        const plain = logOf(simulate(sc, m));
        Growable.resizableFrom = 0;
        const resizable = logOf(simulate(sc, m));
        expect(resizable).toEqual(plain);
      }),
      { numRuns: RUNS },
    );
  });

  it('records the same log with incremental zone walks as with whole ones', () => {
    fc.assert(
      fc.property(scenarioDoc, model, (doc, m) => {
        const sc = scenarioOf(doc);
        DirtyFrames.alwaysWhole = true;
        const whole = logOf(simulate(sc, m));
        DirtyFrames.alwaysWhole = false;
        expect(logOf(simulate(sc, m))).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same report without a step log as with one', () => {
    fc.assert(
      fc.property(scenarioDoc, model, fc.boolean(), (doc, m, pairs) => {
        const sc = scenarioOf(doc);
        const recorded = simulate(sc, m);
        const reportOnly = simulate(sc, m, { record: false });
        expect(reportOnly.trace.changes.length).toBe(0);
        expect(reportOnly.trace.columns.line.length).toBe(0);
        expect(JSON.stringify(buildReport(reportOnly, pairs))).toBe(
          JSON.stringify(buildReport(recorded, pairs)),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('keyframes taken while simulating', () => {
  it('land every seek on the state a replay from 0 reaches, as the replayed keyframes do', () => {
    fc.assert(
      fc.property(
        scenarioDoc,
        model,
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (doc, m, keyframes, fractions) => {
          const sc = scenarioOf(doc);
          const frames = sc.suspend.length;
          const budgetBytes = keyframes * stateBytes(frames);
          const run = simulate(sc, m, { keyframes: { budgetBytes, expectedSteps: 50 } });
          expect(run.keyframes).not.toBeNull();
          const taken = Timeline.fromKeyframes(run.trace, run.keyframes ?? []);
          const replayed = Timeline.build(run.trace, { budgetBytes });
          expect(taken.keyframeBytes).toBeLessThanOrEqual(budgetBytes);
          const a = new Cursor(run.trace);
          const b = new Cursor(run.trace);
          for (const f of fractions) {
            const k = Math.round(f * run.trace.steps);
            taken.seek(a, k);
            replayed.seek(b, k);
            const want = referenceState(run, k);
            expect(statesEqual(a.state, want)).toBe(true);
            expect(statesEqual(b.state, want)).toBe(true);
            expect(Array.from(a.bits)).toEqual(Array.from(b.bits));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
