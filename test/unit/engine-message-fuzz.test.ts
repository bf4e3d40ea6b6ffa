// Fuzzing the page's handling of worker messages: the checker (engineMessage.ts) and the whole
// store handler behind the supervisor. No exception escapes, every rejection is one line that says
// what is wrong, and the store's state stays coherent (a step is a whole number within the run).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { realTime } from '../../src/engine/host';
import type { Transport } from '../../src/protocol/transport';
import type { FromEngine } from '../../src/protocol/messages';
import { checkEngineMessage } from '../../src/store/engineMessage';
import type { RunBounds } from '../../src/store/engineMessage';
import { createEngineStore } from '../../src/store/engineStore';

/** Real messages of one teaching run: ready, a whole snapshot, deltas, an inspection, errors. */
function recordRun(): FromEngine[] {
  const out: FromEngine[] = [];
  const engine = new Engine({ ...realTime, post: (m) => out.push(m) });
  engine.handle({ v: 1, type: 'load', loadId: 1, source: { kind: 'preset', name: 'teaching' } });
  engine.handle({ v: 1, type: 'seek', step: 40 });
  engine.handle({ v: 1, type: 'seek', step: 41 });
  engine.handle({ v: 1, type: 'inspect', pfn: 8 });
  engine.handle({ v: 1, type: 'ping', id: 3 });
  engine.handle({ v: 1, type: 'seek', step: 'x' });
  engine.handle({ v: 1, type: 'pause' });
  return out;
}

const RECORDED = recordRun();
const RUN: RunBounds = { loadId: 1, frames: 80, totalSteps: 463 };
const CASES = 10_000;

function isTyped(x: unknown): x is Uint8Array | Uint32Array | Int32Array {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** Every path into a message (typed arrays are leaves, their elements paths of their own). */
function paths(x: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (isTyped(x)) {
    for (let i = 0; i < Math.min(x.length, 4); i++) out.push([...prefix, i]);
  } else if (Array.isArray(x)) {
    x.slice(0, 6).forEach((v, i) => paths(v, [...prefix, i], out));
  } else if (typeof x === 'object' && x !== null) {
    for (const [k, v] of Object.entries(x)) paths(v, [...prefix, k], out);
  }
  return out;
}

/** A copy of `msg` with the value at one path replaced (or deleted). */
function mutate(msg: FromEngine, pick: number, value: unknown, remove: boolean): unknown {
  const copy: unknown = structuredClone(msg);
  const all = paths(copy);
  const path = all[pick % all.length];
  if (path.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const key = path[path.length - 1];
  if (isTyped(parent)) {
    (parent as unknown as number[])[key as number] = typeof value === 'number' ? value : 0x7fffffff;
  } else if (remove && !Array.isArray(parent)) {
    delete parent[key];
  } else {
    parent[key] = value;
  }
  return copy;
}

const hostile = fc.oneof(
  fc.anything({ withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom(null, undefined, 'NaN', Number.NaN, -1, 2 ** 53, Infinity, '', [], {}),
);

const mutated = fc
  .record({
    base: fc.constantFrom(...RECORDED),
    pick: fc.nat(),
    value: hostile,
    remove: fc.boolean(),
  })
  .map(({ base, pick, value, remove }) => mutate(base, pick, value, remove));

function expectOneLine(error: string, min = 10): void {
  expect(error.length).toBeGreaterThan(min);
  expect(error).not.toMatch(/[\n\r]/);
  expect(error.length).toBeLessThan(400);
}

describe('worker-message checker', () => {
  it('accepts every message a real run sends', () => {
    expect(RECORDED.map((m) => m.type)).toEqual(
      expect.arrayContaining(['progress', 'ready', 'snapshot', 'inspection', 'pong', 'error']),
    );
    for (const m of RECORDED) expect(checkEngineMessage(m, [RUN])).toMatchObject({ ok: true });
  });

  it('rejects the known bad ones with a reason', () => {
    const snap = RECORDED.find((m) => m.type === 'snapshot' && m.delta)!;
    const cases: [unknown, RegExp][] = [
      [null, /expected an object, got null/],
      [{ ...snap, step: 'NaN' }, /'snapshot' message, step: .*got "NaN"/],
      [{ ...snap, step: 464 }, /step 464 is past the run's end \(463\)/],
      [{ v: 2, type: 'pong', id: 1 }, /v: Invalid/],
      [{ v: 1, type: 'what' }, /type: Invalid/],
    ];
    for (const [msg, why] of cases) {
      const r = checkEngineMessage(msg, [RUN]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(why);
    }
  });

  it(`never throws on ${CASES} arbitrary values; each rejection is one line`, () => {
    let rejected = 0;
    fc.assert(
      fc.property(hostile, (x) => {
        const r = checkEngineMessage(x, [RUN]);
        if (!r.ok) {
          rejected++;
          expectOneLine(r.error);
        }
      }),
      { numRuns: CASES },
    );
    expect(rejected).toBeGreaterThan(CASES * 0.99);
  }, 60_000);

  it(`never throws on ${CASES} mutations of real messages; each rejection is one line`, () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated, (x) => {
        const r = checkEngineMessage(x, [RUN]);
        if (!r.ok) {
          rejected++;
          expectOneLine(r.error);
        }
      }),
      { numRuns: CASES },
    );
    expect(rejected).toBeGreaterThan(CASES / 4);
  }, 60_000);
});

describe('worker-message handler (the store behind its supervisor)', () => {
  it(`survives ${CASES} hostile messages in a loaded store, staying coherent`, () => {
    let emit: (m: unknown) => void = () => {};
    let lastLoad = 0;
    const connect = (): Transport => ({
      kind: 'worker',
      send: (m) => {
        if (m.type === 'load') lastLoad = m.loadId;
      },
      onMessage: (l) => {
        emit = l as (m: unknown) => void;
        return () => {
          emit = () => {};
        };
      },
      close: () => {},
    });
    const store = createEngineStore(connect, { deadlineMs: 0 });
    const firstSnapshot = RECORDED.findIndex((m) => m.type === 'snapshot');
    /** Loads teaching from the recorded messages, as the engine would answer. */
    const prime = () => {
      store.getState().load({ kind: 'preset', name: 'teaching' });
      for (const m of RECORDED.slice(0, firstSnapshot + 1)) {
        const c = structuredClone(m);
        if (c.type === 'ready') c.info.loadId = lastLoad;
        if (c.type === 'snapshot' || c.type === 'progress') c.loadId = lastLoad;
        emit(c);
      }
    };
    prime();
    expect(store.getState().status).toBe('ready');
    let reported = 0;
    fc.assert(
      fc.property(fc.oneof(mutated, hostile), (x) => {
        const before = store.getState();
        expect(() => emit(x)).not.toThrow();
        const s = store.getState();
        if (s.recovery !== before.recovery && s.recovery !== null) {
          reported++;
          expectOneLine(s.recovery);
        }
        // The engine's own error text is shown bounded and on one line.
        if (s.error !== before.error && s.error !== null) expectOneLine(s.error, 0);
        expect(Number.isSafeInteger(s.step) && s.step >= 0).toBe(true);
        if (s.info) expect(s.step).toBeLessThanOrEqual(s.info.totalSteps);
        if (s.status !== 'ready' || !s.info) prime();
      }),
      { numRuns: CASES },
    );
    expect(reported).toBeGreaterThan(100);
  }, 120_000);
});
