/**
 * Shared helpers for the engine tests: random small scenarios (fast-check), a reference replay
 * that only uses the core's applyForward from step 0, the reference frame arrays, and an engine
 * host with a hand-driven clock.
 */
import fc from 'fast-check';
import { rle } from './core/arbitrary';
import {
  applyForward,
  cloneState,
  Marks,
  parseScenario,
  Reg,
  Side,
  simulate,
} from '../../src/core';
import type { FrameState, Run } from '../../src/core';
import { Engine } from '../../src/engine/engine';
import type { EngineOptions } from '../../src/engine/engine';
import type { EngineHost } from '../../src/engine/host';
import type { FrameArrays, FromEngine } from '../../src/protocol/messages';

const weighted = (pairs: [string, number][]) =>
  fc.oneof(...pairs.map(([l, weight]) => ({ arbitrary: fc.constant(l), weight })));

const SUSPEND_LETTER = weighted([
  ['F', 8],
  ['S', 3],
  ['C', 2],
]);
const RESUME_LETTER = weighted([
  ['F', 3],
  ['B', 2],
]);

/** A valid `swsusp-viz/scenario@1` document of 24 to 128 frames, with or without highmem, either model. */
export const scenarioDoc = fc
  .record({
    normal: fc.integer({ min: 24, max: 80 }),
    high: fc.oneof(fc.constant(0), fc.integer({ min: 8, max: 48 })),
    pagesForIo: fc.integer({ min: 0, max: 3 }),
    imageSize: fc.oneof(fc.constant(null), fc.integer({ min: 6, max: 60 })),
    policy: fc.constantFrom('lowest-first', 'highest-first', 'random'),
    seed: fc.integer({ min: 0, max: 1000 }),
    model: fc.constantFrom('linux-2.6.20', 'linux-2.6.20', 'linux-2.6.17'),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      sLow: fc.array(SUSPEND_LETTER, { minLength: p.normal - 6, maxLength: p.normal - 6 }),
      rLow: fc.array(RESUME_LETTER, { minLength: p.normal - 6, maxLength: p.normal - 6 }),
      sHigh: fc.array(SUSPEND_LETTER, { minLength: p.high, maxLength: p.high }),
      rHigh: fc.array(RESUME_LETTER, { minLength: p.high, maxLength: p.high }),
    }),
  )
  .map(({ p, sLow, rLow, sHigh, rHigh }) => {
    const zones: { name: string; pages: number; highmem?: boolean }[] = [
      { name: 'Normal', pages: p.normal },
    ];
    let suspend = `N2 K4 ${rle(sLow)}`;
    let resume = `N2 K4 ${rle(rLow)}`;
    if (p.high > 0) {
      zones.push({ name: 'HighMem', pages: p.high, highmem: true });
      suspend += ` | ${rle(sHigh)}`;
      resume += ` | ${rle(rHigh)}`;
    }
    return {
      format: 'swsusp-viz/scenario@1',
      name: 'random',
      model: p.model,
      zones,
      constants: { pagesForIo: p.pagesForIo, imageSize: p.imageSize },
      allocator: { policy: p.policy, seed: p.seed },
      suspend,
      resume,
    };
  });

export function runOf(doc: unknown): Run {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return simulate(parsed.scenario);
}

/** The state after steps 0..k-1, replayed from the initial state with the core alone. */
export function referenceState(run: Run, k: number): FrameState {
  const s = cloneState(run.trace.initial);
  for (let i = 0; i < k; i++) applyForward(run.trace, s, i);
  return s;
}

/** What the page should hold at a state: roles, flags and the match array, computed naively. */
export function referenceFrames(run: Run, s: FrameState): FrameArrays {
  const t = run.trace;
  const source = new Set<number>();
  for (const pairs of [t.tables.copyPairs, t.tables.highmemSaves]) {
    for (let i = 0; i < pairs.length; i += 2) source.add(pairs[i]);
  }
  const afterBoot = s.regs[Reg.side] !== Side.Suspend;
  const match = new Uint8Array(t.frames);
  for (let pfn = 0; pfn < t.frames; pfn++) {
    const saved = (s.flags[pfn] & Marks.IMAGE_PFN) !== 0 || (afterBoot && source.has(pfn));
    if (saved) match[pfn] = s.content[pfn] === t.snapshotContent[pfn] ? 1 : 2;
  }
  return { role: s.role.slice(), flags: s.flags.slice(), match };
}

export function countFlag(flags: Uint8Array, bit: number): number {
  let n = 0;
  for (const f of flags) if (f & bit) n++;
  return n;
}

/** An engine whose clock and timers the test drives, collecting every message it posts. */
export class TestHarness {
  readonly messages: FromEngine[] = [];
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  readonly engine: Engine;

  constructor(opts: EngineOptions = {}) {
    const host: EngineHost = {
      post: (msg) => this.messages.push(msg),
      now: () => this.time,
      setTimer: (fn, ms) => {
        const id = this.nextId++;
        this.timers.push({ at: this.time + ms, fn, id });
        return () => {
          this.timers = this.timers.filter((t) => t.id !== id);
        };
      },
    };
    this.engine = new Engine(host, opts);
  }

  send(msg: unknown): FromEngine[] {
    const before = this.messages.length;
    this.engine.handle(msg);
    return this.messages.slice(before);
  }

  /** Moves the clock forward, firing due timers in order; returns the messages they posted. */
  advance(ms: number): FromEngine[] {
    const before = this.messages.length;
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
    return this.messages.slice(before);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}

export type Snapshot = Extract<FromEngine, { type: 'snapshot' }>;

export function snapshots(msgs: FromEngine[]): Snapshot[] {
  return msgs.filter((m): m is Snapshot => m.type === 'snapshot');
}

export function only<T extends FromEngine['type']>(
  msgs: FromEngine[],
  type: T,
): Extract<FromEngine, { type: T }>[] {
  return msgs.filter((m): m is Extract<FromEngine, { type: T }> => m.type === type);
}

/** Applies a snapshot to a page-side mirror the way the store does. */
export function applySnapshot(mirror: FrameArrays | null, msg: Snapshot): FrameArrays {
  if (msg.frames) return msg.frames;
  if (!mirror || !msg.delta) throw new Error('a delta without a mirror');
  const d = msg.delta;
  d.pfns.forEach((pfn, i) => {
    mirror.role[pfn] = d.role[i];
    mirror.flags[pfn] = d.flags[i];
    mirror.match[pfn] = d.match[i];
  });
  return mirror;
}
