// @vitest-environment node
// A trace handed over in chunks while the run goes on (src/core/trace/chunks.ts) must be the run's
// own trace: after every chunk, each step traced so far replays to the state the one-shot trace
// gives, and once the last chunk is in, every array, table and keyframe is the same.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditInvariants,
  buildReport,
  InvariantAudit,
  invariantsFor,
  MODELS,
  parseScenario,
  simulate,
  statesEqual,
  TraceBuilder,
} from '../../../src/core';
import type { FrameState, ModelId, Run, Scenario, Trace, TraceChunk } from '../../../src/core';
import { Growable } from '../../../src/core/trace/growable';
import { stateBytes } from '../../../src/core/trace/keyframes';
import { Cursor } from '../../../src/engine/cursor';
import { scenarioDoc } from '../engine-fixtures';

const RUNS = 20;
const defaultResizableFrom = Growable.resizableFrom;

afterEach(() => {
  Growable.resizableFrom = defaultResizableFrom;
});
const model = fc.constantFrom<ModelId>(...MODELS);

function scenarioOf(doc: unknown): Scenario {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** Every array of the step log and the tables, as plain values. */
function logOf(t: Trace): unknown {
  const { image, log, bitmaps, pbeListOrder, ...arrays } = t.tables;
  return {
    frames: t.frames,
    steps: t.steps,
    initial: t.initial,
    columns: Object.fromEntries(
      Object.entries(t.columns).map(([k, v]: [string, ArrayLike<number>]) => [k, Array.from(v)]),
    ),
    changes: Array.from(t.changes),
    bulk: t.bulk,
    tables: Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, Array.from(v)])),
    image,
    log,
    bitmaps,
    pbeListOrder,
    snapshot: Array.from(t.snapshotContent),
  };
}

interface Chunked {
  run: Run;
  chunks: { chunk: TraceChunk; initial: FrameState | null }[];
}

/** A run handed over in chunks at boundaries every `every` steps, cut where `cuts` says. */
function chunked(
  sc: Scenario,
  m: ModelId,
  every: number,
  cuts: boolean[],
  budget: number,
): Chunked {
  const chunks: Chunked['chunks'] = [];
  let i = 0;
  const run = simulate(sc, m, {
    keyframes: { budgetBytes: budget, expectedSteps: 40 },
    chunks: {
      every,
      due: () => cuts[i++ % cuts.length],
      // The chunk travels by structured clone, as between the worker threads.
      take: (chunk, initial) => chunks.push(structuredClone({ chunk, initial })),
    },
  });
  return { run, chunks };
}

describe('a trace in chunks', () => {
  it('replays every step traced so far to the one-shot state, and ends equal to it', () => {
    fc.assert(
      fc.property(
        scenarioDoc,
        model,
        fc.constantFrom(1, 2, 4, 8, 16, 64),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (doc, m, every, cuts, keyframes, resizable) => {
          // Both storage paths of the growing trace: plain arrays, and resizable buffers that are
          // sealed after each chunk and grown again by the next.
          Growable.resizableFrom = resizable ? 0 : Infinity;
          const sc = scenarioOf(doc);
          const budget = keyframes * stateBytes(sc.suspend.length);
          const whole = simulate(sc, m, { keyframes: { budgetBytes: budget, expectedSteps: 40 } });
          const { run, chunks } = chunked(sc, m, every, cuts, budget);
          expect(chunks[0].initial).not.toBeNull();
          expect(chunks[0].chunk.to).toBe(0);
          const builder = new TraceBuilder(chunks[0].initial!);
          const mine = new Cursor(builder.trace);
          const theirs = new Cursor(whole.trace);
          for (const { chunk, initial } of chunks) {
            if (chunk.from > 0) expect(initial).toBeNull();
            builder.append(chunk);
            mine.grew();
            // Every step of the new chunk, replayed on the growing trace.
            while (mine.pos < builder.trace.steps) {
              mine.forward();
              theirs.forward();
              expect(statesEqual(mine.state, theirs.state)).toBe(true);
              expect(Array.from(mine.bits)).toEqual(Array.from(theirs.bits));
            }
          }
          expect(logOf(builder.trace)).toEqual(logOf(whole.trace));
          const kf = (k: readonly { pos: number; base: unknown }[]) =>
            k.map((x) => ({ ...x, base: null }));
          expect(kf(builder.keyframes)).toEqual(kf(whole.keyframes ?? []));
          for (const k of builder.keyframes) {
            const base = whole.keyframes?.find((w) => w.pos === k.pos)?.base;
            expect(k.base).toEqual(base);
          }
          // The run itself is the same: chunks only read what the recorder wrote.
          expect(JSON.stringify(buildReport(run, true))).toBe(
            JSON.stringify(buildReport(whole, true)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('audits the invariants piece by piece as one pass does', () => {
    fc.assert(
      fc.property(scenarioDoc, model, fc.integer({ min: 1, max: 40 }), (doc, m, piece) => {
        const run = simulate(scenarioOf(doc), m);
        const checks = invariantsFor(run);
        const audit = new InvariantAudit(run.trace, checks);
        // The trace seen growing: its first steps and their changes, piece by piece.
        const t = run.trace;
        let steps = 0;
        while (steps < t.steps) {
          steps = Math.min(t.steps, steps + piece);
          const changes = steps < t.steps ? 3 * t.columns.changeStart[steps] : t.changes.length;
          audit.advance({ ...t, steps, changes: t.changes.subarray(0, changes) }, checks);
        }
        expect(audit.summary).toEqual(auditInvariants(run, checks));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a chunk that does not follow the last one', () => {
    const sc = scenarioOf(fc.sample(scenarioDoc, { numRuns: 1, seed: 7 })[0]);
    const { chunks } = chunked(sc, 'linux-2.6.20', 1, [true], stateBytes(sc.suspend.length));
    const builder = new TraceBuilder(chunks[0].initial!);
    builder.append(chunks[0].chunk);
    const later = chunks.find((c) => c.chunk.from > 0);
    expect(later).toBeDefined();
    expect(() => builder.append(later!.chunk)).toThrow(/starts at step \d+, expected 0/);
  });
});
