/**
 * Measurements on the engine without a worker: load (simulate + keyframes), random seeks and ±1
 * steps, each timed around Engine.handle() so the cost of building the snapshot message (frame
 * arrays, delta, panels) is included; only the postMessage itself is left out.
 */
import { Engine } from '../src/engine/engine';
import type { EngineStats } from '../src/engine/engine';
import type { FromEngine, RunInfo } from '../src/protocol/messages';
import type { BenchMachine } from './machines';

export interface TraceResult {
  preset: string;
  frames: number;
  steps: number;
  ms: number;
  baselinePassMs: number;
  ratio: number;
  heapMiB: number;
}

export interface SeekResult {
  preset: string;
  frames: number;
  steps: number;
  p50Ms: number;
  p95Ms: number;
  /** p95 of the ±1 steps. */
  stepMs: number;
}

export interface MachineResult {
  trace: TraceResult;
  seek: SeekResult;
  stats: EngineStats;
  stepP50Ms: number;
}

const gcHook = (globalThis as { gc?: () => void }).gc;

/** Heap in use after a full collection: the JS heap plus ArrayBuffer memory (typed arrays). */
export function heapMiB(): number {
  gcHook?.();
  gcHook?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 2 ** 20;
}

export function hasGc(): boolean {
  return gcHook !== undefined;
}

/** Deterministic PRNG (mulberry32), so every run seeks to the same steps. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * One plain pass over a frame table of `frames` frames: read each frame's role and content word
 * and write one derived byte (what a renderer does to turn state into a palette index). The
 * median of 7 passes; it is the yardstick the trace time is divided by.
 */
export function baselinePassMs(frames: number): number {
  const role = new Uint8Array(frames);
  const content = new Uint32Array(frames);
  const out = new Uint8Array(frames);
  const r = rng(1);
  for (let i = 0; i < frames; i++) {
    role[i] = Math.floor(r() * 24);
    content[i] = Math.floor(r() * 0xffffffff);
  }
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    for (let i = 0; i < frames; i++) out[i] = (role[i] * 8 + (content[i] & 7)) & 0xff;
    times.push(performance.now() - t0);
  }
  if (out[frames >> 1] === 256) throw new Error('unreachable: keeps the pass from being elided');
  return times.sort((a, b) => a - b)[3];
}

function timed(engine: Engine, msg: unknown): number {
  const t0 = performance.now();
  engine.handle(msg);
  return performance.now() - t0;
}

export function measureMachine(m: BenchMachine, seeks = 1000, moves = 1000): MachineResult {
  let info: RunInfo | null = null;
  let failure: string | null = null;
  const engine = new Engine({
    post: (msg: FromEngine) => {
      if (msg.type === 'ready') info = msg.info;
      if (msg.type === 'error') failure = msg.message;
    },
    now: () => performance.now(),
    setTimer: () => () => {},
  });
  heapMiB();
  const ms = timed(engine, {
    v: 1,
    type: 'load',
    loadId: 1,
    source: { kind: 'document', doc: m.doc },
  });
  const stats = engine.stats();
  if (!info || !stats)
    throw new Error(`${m.preset}: load failed: ${failure ?? 'no ready message'}`);
  const heap = heapMiB();
  const base = baselinePassMs(stats.frames);
  const total = stats.steps;
  const r = rng(42);
  const seekTimes: number[] = [];
  for (let i = 0; i < seeks; i++) {
    seekTimes.push(timed(engine, { v: 1, type: 'seek', step: Math.floor(r() * (total + 1)) }));
  }
  // ±1 steps in short random walks from random places, so they sample the whole run.
  const stepTimes: number[] = [];
  while (stepTimes.length < moves) {
    engine.handle({ v: 1, type: 'seek', step: Math.floor(r() * (total + 1)) });
    for (let j = 0; j < 10 && stepTimes.length < moves; j++) {
      const dir = r() < 0.5 ? -1 : 1;
      stepTimes.push(timed(engine, { v: 1, type: 'move', unit: 'step', dir }));
    }
  }
  seekTimes.sort((a, b) => a - b);
  stepTimes.sort((a, b) => a - b);
  const round = (x: number, d = 3) => Number(x.toFixed(d));
  return {
    trace: {
      preset: m.preset,
      frames: stats.frames,
      steps: total,
      ms: round(ms, 1),
      baselinePassMs: round(base),
      ratio: round(ms / base, 1),
      heapMiB: round(heap, 1),
    },
    seek: {
      preset: m.preset,
      frames: stats.frames,
      steps: total,
      p50Ms: round(quantile(seekTimes, 0.5)),
      p95Ms: round(quantile(seekTimes, 0.95)),
      stepMs: round(quantile(stepTimes, 0.95)),
    },
    stats,
    stepP50Ms: round(quantile(stepTimes, 0.5)),
  };
}
