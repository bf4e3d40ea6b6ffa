// @vitest-environment node
// A long run is shown while it is traced: the engine answers from its first chunk on, a seek past
// what is traced waits and then lands exactly, moving and playing wait at the traced end, and a
// new load abandons the old trace at once. The tracer here hands the chunks over when the test
// says, as the tracer worker does when it gets there.
import { describe, expect, it } from 'vitest';
import { getPreset, MODELS, parseScenario, simulate } from '../../src/core';
import type { FrameState, ModelId, TraceChunk } from '../../src/core';
import { runTrace } from '../../src/engine/tracer';
import type { RunEnd, TraceEvents, TraceRequest, Tracer } from '../../src/engine/tracer';
import type { FromEngine, RunInfo } from '../../src/protocol/messages';
import {
  applySnapshot,
  only,
  referenceFrames,
  referenceState,
  snapshots,
  TestHarness,
} from './engine-fixtures';

type Event =
  { kind: 'chunk'; chunk: TraceChunk; initial: FrameState | null } | { kind: 'done'; end: RunEnd };

/** A tracer that traces at once but delivers chunk by chunk, on `deliver()`. */
class HeldTracer {
  queue: Event[] = [];
  events: TraceEvents | null = null;
  cancelled = 0;
  requests: TraceRequest[] = [];

  readonly tracer: Tracer = (req, events) => {
    this.requests.push(req);
    this.events = events;
    this.queue = [];
    runTrace(
      // A chunk at every 32-step boundary, so a small run comes in many pieces.
      { ...req, chunkEvery: 32, cutEveryMs: 0 },
      {
        chunk: (chunk, initial) => this.queue.push({ kind: 'chunk', chunk, initial }),
        progress: () => {},
        done: (end) => this.queue.push({ kind: 'done', end }),
        error: (m) => {
          throw new Error(m);
        },
      },
      () => 0,
    );
    return () => {
      this.cancelled++;
      this.events = null;
    };
  };

  /** Hands over the next `n` events (chunks, then the end). */
  deliver(n = 1): void {
    for (let i = 0; i < n; i++) {
      const e = this.queue.shift();
      if (!e || !this.events) return;
      if (e.kind === 'chunk') this.events.chunk(e.chunk, e.initial);
      else this.events.done(e.end);
    }
  }

  get left(): number {
    return this.queue.length;
  }
}

const PRESET = 'needs-shrinking';

/** Lets playback run for `ms`, acking every snapshot as the page does once it has drawn it. */
function playFor(h: TestHarness, ms: number): void {
  let acked = 0;
  for (let t = 0; t < ms; t += 50) {
    h.advance(50);
    for (;;) {
      const last = snapshots(h.messages).at(-1);
      if (!last || last.seq <= acked) break;
      acked = last.seq;
      h.send({ v: 1, type: 'ack', seq: last.seq });
    }
  }
}

function setup() {
  const held = new HeldTracer();
  // Every run counts as long here, so even a small preset is shown while traced.
  const h = new TestHarness({ tracer: held.tracer, progressiveFrom: 0 });
  return { h, held };
}

function load(step?: number, loadId = 1, preset = PRESET, model?: ModelId) {
  return {
    v: 1,
    type: 'load',
    loadId,
    source: { kind: 'preset', name: preset },
    ...(model ? { model } : {}),
    ...(step === undefined ? {} : { step }),
  };
}

function wholeRun(preset = PRESET, model?: ModelId) {
  const parsed = parseScenario(getPreset(preset)!.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return simulate(parsed.scenario, model);
}

const infos = (msgs: FromEngine[]): RunInfo[] =>
  msgs.flatMap((m) => (m.type === 'ready' || m.type === 'traced' ? [m.info] : []));

describe('a run shown while it is traced', () => {
  it('shows the initial state from the first chunk and grows with each one', () => {
    const { h, held } = setup();
    const whole = wholeRun();
    const first = h.send(load());
    expect(first).toEqual(only(first, 'progress'));
    held.deliver(); // the initial state
    const ready = only(h.messages, 'ready');
    expect(ready).toHaveLength(1);
    expect(ready[0].info).toMatchObject({ complete: false, totalSteps: 0, outcome: null });
    expect(snapshots(h.messages)[0].step).toBe(0);
    let traced = 0;
    while (held.left > 1) {
      const before = h.messages.length;
      held.deliver();
      const grown = only(h.messages.slice(before), 'traced');
      expect(grown).toHaveLength(1);
      expect(grown[0].info.complete).toBe(false);
      expect(grown[0].info.totalSteps).toBeGreaterThan(traced);
      traced = grown[0].info.totalSteps;
    }
    const before = h.messages.length;
    held.deliver();
    const end = infos(h.messages.slice(before));
    expect(end).toHaveLength(1);
    expect(end[0]).toMatchObject({
      complete: true,
      totalSteps: whole.trace.steps,
      outcome: whole.outcome,
    });
    expect(end[0].compare).not.toBeNull();
  });

  it('answers a seek past what is traced once the trace gets there, exactly', () => {
    const { h, held } = setup();
    const whole = wholeRun();
    const target = Math.floor(whole.trace.steps * 0.7);
    h.send(load());
    held.deliver(2);
    const traced = infos(h.messages).at(-1)!.totalSteps;
    expect(traced).toBeLessThan(target);
    // Past the traced end: nothing yet (the page shows its progress meanwhile).
    expect(snapshots(h.send({ v: 1, type: 'seek', step: target }))).toHaveLength(0);
    // Still answers what is traced… and forgets the earlier seek once asked for another place.
    const near = snapshots(h.send({ v: 1, type: 'seek', step: 3 }));
    expect(near.map((s) => s.step)).toEqual([3]);
    expect(snapshots(h.send({ v: 1, type: 'seek', step: target }))).toHaveLength(0);
    let landed: number[] = [];
    let mirror = applySnapshot(null, snapshots(h.messages)[0]);
    for (const s of snapshots(h.messages).slice(1)) mirror = applySnapshot(mirror, s);
    while (landed.length === 0 && held.left > 0) {
      const before = h.messages.length;
      held.deliver();
      const snaps = snapshots(h.messages.slice(before));
      for (const s of snaps) mirror = applySnapshot(mirror, s);
      landed = snaps.map((s) => s.step);
    }
    expect(landed).toEqual([target]);
    const want = referenceState(whole, target);
    expect(referenceFrames(whole, want)).toEqual(mirror);
    expect(held.left).toBeGreaterThan(0);
  });

  it('opens a link at its step once it is traced, after showing step 0', () => {
    const { h, held } = setup();
    const whole = wholeRun();
    const target = whole.trace.steps - 2;
    h.send(load(target));
    held.deliver();
    expect(snapshots(h.messages).map((s) => s.step)).toEqual([0]);
    while (held.left) held.deliver();
    expect(snapshots(h.messages).map((s) => s.step)).toEqual([0, target]);
    // The page holds the link's step: moving goes on from there.
    const next = snapshots(h.send({ v: 1, type: 'move', unit: 'step', dir: 1 }));
    expect(next.map((s) => s.step)).toEqual([target + 1]);
  });

  it('clamps a seek past the end of the run to its end when the trace ends', () => {
    const { h, held } = setup();
    const whole = wholeRun();
    h.send(load());
    held.deliver();
    h.send({ v: 1, type: 'seek', step: whole.trace.steps + 1000 });
    while (held.left) held.deliver();
    expect(snapshots(h.messages).map((s) => s.step)).toEqual([0, whole.trace.steps]);
  });

  it('moves forward past the traced end when more is traced, and plays on into it', () => {
    const { h, held } = setup();
    h.send(load());
    held.deliver(2);
    const traced = infos(h.messages).at(-1)!.totalSteps;
    h.send({ v: 1, type: 'seek', step: traced });
    expect(snapshots(h.send({ v: 1, type: 'move', unit: 'step', dir: 1 }))).toHaveLength(0);
    const before = h.messages.length;
    held.deliver();
    expect(snapshots(h.messages.slice(before)).map((s) => s.step)).toEqual([traced + 1]);
    // Play: it reaches the traced end and waits there, playing, instead of stopping.
    const play = h.send({ v: 1, type: 'play', unit: 'step', rate: 1000 });
    expect(only(play, 'playing')).toEqual([{ v: 1, type: 'playing', playing: true }]);
    const end = infos(h.messages).at(-1)!.totalSteps;
    playFor(h, 10_000);
    expect(snapshots(h.messages).at(-1)!.step).toBe(end);
    expect(only(h.messages, 'playing').at(-1)!.playing).toBe(true);
    held.deliver();
    const after = infos(h.messages).at(-1)!.totalSteps;
    expect(after).toBeGreaterThan(end);
    playFor(h, 10_000);
    expect(snapshots(h.messages).at(-1)!.step).toBe(after);
  });

  it('abandons the old trace at once when another run is loaded', () => {
    const { h, held } = setup();
    h.send(load());
    held.deliver(2);
    expect(held.cancelled).toBe(0);
    h.send(load(undefined, 2));
    expect(held.cancelled).toBe(1);
    expect(held.requests).toHaveLength(2);
    held.deliver();
    const ready = only(h.messages, 'ready');
    expect(ready.map((r) => r.info.loadId)).toEqual([1, 2]);
    // Nothing of load 1 arrives after load 2 was asked for.
    const after = h.messages.slice(h.messages.indexOf(ready[1]));
    expect(after.every((m) => m.type !== 'traced' || m.info.loadId === 2)).toBe(true);
  });

  const cases: [string, ModelId][] = [
    ...MODELS.map((m): [string, ModelId] => ['teaching', m]),
    ['needs-shrinking', 'linux-2.6.17'],
    ['not-enough-memory', 'linux-2.6.20'],
    ['zero-pages', 'linux-6.12'],
  ];
  it.each(cases)(
    'shows the finished run’s frames at the traced end, chunk after chunk (%s, %s)',
    (preset, model) => {
      const { h, held } = setup();
      const whole = wholeRun(preset, model);
      h.send(load(undefined, 1, preset, model));
      held.deliver();
      let mirror = applySnapshot(null, snapshots(h.messages)[0]);
      while (held.left) {
        held.deliver();
        const total = infos(h.messages).at(-1)!.totalSteps;
        const s = snapshots(h.send({ v: 1, type: 'seek', step: total }))[0];
        expect(s.step).toBe(total);
        mirror = applySnapshot(mirror, s);
        const want = referenceFrames(whole, referenceState(whole, total));
        expect(mirror.role).toEqual(want.role);
        expect(mirror.flags).toEqual(want.flags);
        // 6.12 marks pfns for the image well before it copies them, and their content can change
        // in between: until the copy is traced the match overlay cannot know it (see frames.ts).
        if (model !== 'linux-6.12' || held.left === 0) expect(mirror.match).toEqual(want.match);
      }
    },
  );
});
