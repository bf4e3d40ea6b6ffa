// @vitest-environment node
// Time travel as a property: for random scenarios, the state any seek or move lands on equals the
// state reached by replaying the core's steps from 0, whatever keyframes, deltas or earlier
// positions the engine used to get there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Marks, statesEqual } from '../../src/core';
import { COUNTED_BITS, Cursor } from '../../src/engine/cursor';
import { stateBytes } from '../../src/engine/keyframes';
import { Timeline } from '../../src/engine/timeline';
import type { StepUnit } from '../../src/protocol/messages';
import {
  applySnapshot,
  countFlag,
  only,
  referenceFrames,
  referenceState,
  runOf,
  scenarioDoc,
  snapshots,
  TestHarness,
} from './engine-fixtures';

const RUNS = 30;

describe('Timeline.seek', () => {
  it('lands on the state that stepping from 0 reaches, from any position', () => {
    fc.assert(
      fc.property(
        scenarioDoc,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (doc, fractions, keyframes) => {
          const run = runOf(doc);
          const steps = run.trace.steps;
          const timeline = Timeline.build(run.trace, {
            budgetBytes: keyframes * stateBytes(run.trace.frames),
          });
          const cursor = new Cursor(run.trace);
          for (const f of fractions) {
            const k = Math.round(f * steps);
            timeline.seek(cursor, k);
            expect(cursor.pos).toBe(k);
            expect(statesEqual(cursor.state, referenceState(run, k))).toBe(true);
            const flags = cursor.state.flags;
            expect(Array.from(cursor.bits)).toEqual(
              COUNTED_BITS.map((bit) => countFlag(flags, bit)),
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps the bitmap bit counts right one step at a time, forward and backward', () => {
    fc.assert(
      fc.property(scenarioDoc, (doc) => {
        const run = runOf(doc);
        const cursor = new Cursor(run.trace);
        const check = () => {
          const flags = cursor.state.flags;
          expect(Array.from(cursor.bits)).toEqual(COUNTED_BITS.map((bit) => countFlag(flags, bit)));
        };
        while (cursor.pos < run.trace.steps) {
          cursor.forward();
          check();
        }
        while (cursor.pos > 0) {
          cursor.backward();
          check();
        }
        expect(statesEqual(cursor.state, run.trace.initial)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('spends at most the keyframe budget', () => {
    const run = runOf(fc.sample(scenarioDoc, { numRuns: 1, seed: 7 })[0]);
    const budget = 3 * stateBytes(run.trace.frames);
    const timeline = Timeline.build(run.trace, { budgetBytes: budget });
    expect(timeline.keyframeBytes).toBeLessThanOrEqual(budget);
    expect(timeline.keyframeCount).toBeGreaterThan(1);
  });
});

type Op = { kind: 'seek'; at: number } | { kind: 'move'; unit: StepUnit; dir: 1 | -1 };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('seek' as const),
    at: fc.double({ min: -0.1, max: 1.1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    unit: fc.constantFrom<StepUnit>('step', 'step', 'call', 'phase'),
    dir: fc.constantFrom<1 | -1>(1, -1),
  }),
);

/** Where a move should land, from the run's own call and phase starts. */
function expectedMove(
  starts: number[],
  total: number,
  from: number,
  dir: 1 | -1,
  unit: 'call' | 'phase',
): number {
  const states = starts.map((k) => k + 1);
  // State 0 stands at the start of the first phase: the next phase is the second.
  const at = unit === 'phase' && from === 0 ? 1 : from;
  if (dir > 0) return states.find((s) => s > at) ?? total;
  return [...states].reverse().find((s) => s < from) ?? 0;
}

describe('Engine seek and move', () => {
  it('keeps the page mirror equal to the replayed state after any sequence of seeks and moves', () => {
    fc.assert(
      fc.property(
        scenarioDoc,
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(4, 64, 100000),
        (doc, ops, keyframes, maxDeltaChanges) => {
          const run = runOf(doc);
          const h = new TestHarness({
            keyframeBudgetBytes: keyframes * stateBytes(run.trace.frames),
            maxDeltaChanges,
          });
          const loaded = h.send({
            v: 1,
            type: 'load',
            loadId: 1,
            source: { kind: 'document', doc },
          });
          const info = only(loaded, 'ready')[0].info;
          let mirror = applySnapshot(null, snapshots(loaded)[0]);
          let at = 0;
          for (const o of ops) {
            let want: number;
            if (o.kind === 'seek') {
              want = Math.max(0, Math.min(info.totalSteps, Math.round(o.at * info.totalSteps)));
              h.send({ v: 1, type: 'seek', step: Math.round(o.at * info.totalSteps) });
            } else {
              const starts =
                o.unit === 'call' ? Array.from(info.callStarts) : info.phases.map((p) => p.start);
              want =
                o.unit === 'step'
                  ? Math.max(0, Math.min(info.totalSteps, at + o.dir))
                  : expectedMove(starts, info.totalSteps, at, o.dir, o.unit);
              h.send({ v: 1, type: 'move', unit: o.unit, dir: o.dir });
            }
            const snap = snapshots(h.messages).at(-1)!;
            expect(snap.step).toBe(want);
            expect(snap.panels.step).toBe(want);
            mirror = applySnapshot(mirror, snap);
            const ref = referenceState(run, want);
            expect(mirror).toEqual(referenceFrames(run, ref));
            const live = snap.panels.bitmaps.map((b) => b.setBits);
            const bits = {
              orig_bm: Marks.BM_ORIG,
              copy_bm: Marks.BM_COPY,
              safe_highmem_bm: Marks.BM_SAFE_HIGH,
              forbidden_pages_map: Marks.NS,
              free_pages_map: Marks.NSF,
              zero_bm: Marks.BM_ZERO,
              tmp: Marks.BM_TMP,
            };
            expect(live).toEqual(
              snap.panels.bitmaps.map((b) => countFlag(ref.flags, bits[b.slot])),
            );
            at = want;
          }
          expect(only(h.messages, 'error')).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
