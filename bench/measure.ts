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
  /** Wall ms of the load (simulate + keyframes) and its ratio to one plain pass. */
  ms: number;
  baselinePassMs: number;
  ratio: number;
  heapMiB: number;
  /** CPU ms (this process, all threads) until the engine posts its first snapshot. */
  firstStepCpuMs: number;
  /** CPU ms until the whole trace is built and every step can be reached. */
  fullTraceCpuMs: number;
  /** The same in wall ms. */
  firstStepMs: number;
  fullTraceMs: number;
  /** CPU ms of one plain pass (median of 7), the yardstick of the ratios below. */
  baselinePassCpuMs: number;
  firstStepRatio: number;
  fullTraceRatio: number;
  /** Bytes of the core's step log per step, and of the keyframes. */
  bytesPerStep: number;
  traceMiB: number;
  keyframes: number;
  keyframeMiB: number;
}

export interface SeekResult {
  preset: string;
  frames: number;
  steps: number;
  p50Ms: number;
  p95Ms: number;
  /** p95 of the ±1 steps. */
  stepMs: number;
  /** The same three by CPU time, and as ratios of the plain pass (wall to wall, CPU to CPU). */
  p50CpuMs: number;
  p95CpuMs: number;
  stepCpuMs: number;
  p95Ratio: number;
  stepRatio: number;
  p95CpuRatio: number;
  stepCpuRatio: number;
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
  return baselinePass(frames).wall;
}

/** The plain pass timed by wall and by CPU (each the median of 7). */
export function baselinePass(frames: number): { wall: number; cpu: number } {
  const role = new Uint8Array(frames);
  const content = new Uint32Array(frames);
  const out = new Uint8Array(frames);
  const r = rng(1);
  for (let i = 0; i < frames; i++) {
    role[i] = Math.floor(r() * 24);
    content[i] = Math.floor(r() * 0xffffffff);
  }
  const times: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < 7; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < frames; i++) out[i] = (role[i] * 8 + (content[i] & 7)) & 0xff;
    times.push(performance.now() - t0);
    cpus.push(cpuMsSince(c0));
  }
  if (out[frames >> 1] === 256) throw new Error('unreachable: keeps the pass from being elided');
  return { wall: times.sort((a, b) => a - b)[3], cpu: cpus.sort((a, b) => a - b)[3] };
}

/** CPU ms (user + system, every thread of the process) since `c0`. */
function cpuMsSince(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
}

interface Timing {
  wall: number;
  cpu: number;
}

function timed(engine: Engine, msg: unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  engine.handle(msg);
  return { wall: performance.now() - t0, cpu: cpuMsSince(c0) };
}

export function measureMachine(m: BenchMachine, seeks = 1000, moves = 1000): MachineResult {
  let info: RunInfo | null = null;
  let failure: string | null = null;
  let firstStep: Timing | null = null;
  let c0 = process.cpuUsage();
  let t0 = performance.now();
  const engine = new Engine({
    post: (msg: FromEngine) => {
      if (msg.type === 'ready') info = msg.info;
      if (msg.type === 'error') failure = msg.message;
      if (msg.type === 'snapshot' && !firstStep)
        firstStep = { wall: performance.now() - t0, cpu: cpuMsSince(c0) };
    },
    now: () => performance.now(),
    setTimer: () => () => {},
  });
  heapMiB();
  c0 = process.cpuUsage();
  t0 = performance.now();
  const load = timed(engine, {
    v: 1,
    type: 'load',
    loadId: 1,
    source: { kind: 'document', doc: m.doc },
  });
  const stats = engine.stats();
  if (!info || !stats || !firstStep)
    throw new Error(`${m.preset}: load failed: ${failure ?? 'no ready message'}`);
  const first: Timing = firstStep;
  const heap = heapMiB();
  const base = baselinePass(stats.frames);
  const total = stats.steps;
  const r = rng(42);
  const seekTimes: Timing[] = [];
  for (let i = 0; i < seeks; i++) {
    seekTimes.push(timed(engine, { v: 1, type: 'seek', step: Math.floor(r() * (total + 1)) }));
  }
  // ±1 steps in short random walks from random places, so they sample the whole run.
  const stepTimes: Timing[] = [];
  while (stepTimes.length < moves) {
    engine.handle({ v: 1, type: 'seek', step: Math.floor(r() * (total + 1)) });
    for (let j = 0; j < 10 && stepTimes.length < moves; j++) {
      const dir = r() < 0.5 ? -1 : 1;
      stepTimes.push(timed(engine, { v: 1, type: 'move', unit: 'step', dir }));
    }
  }
  const sorted = (xs: Timing[], key: keyof Timing) => xs.map((x) => x[key]).sort((a, b) => a - b);
  const seekWall = sorted(seekTimes, 'wall');
  const seekCpu = sorted(seekTimes, 'cpu');
  const stepWall = sorted(stepTimes, 'wall');
  const stepCpu = sorted(stepTimes, 'cpu');
  const round = (x: number, d = 3) => Number(x.toFixed(d));
  const MiB = 2 ** 20;
  return {
    trace: {
      preset: m.preset,
      frames: stats.frames,
      steps: total,
      ms: round(load.wall, 1),
      baselinePassMs: round(base.wall),
      ratio: round(load.wall / base.wall, 1),
      heapMiB: round(heap, 1),
      firstStepCpuMs: round(first.cpu, 1),
      fullTraceCpuMs: round(load.cpu, 1),
      firstStepMs: round(first.wall, 1),
      fullTraceMs: round(load.wall, 1),
      baselinePassCpuMs: round(base.cpu),
      firstStepRatio: round(first.cpu / base.cpu, 1),
      fullTraceRatio: round(load.cpu / base.cpu, 1),
      bytesPerStep: round(stats.traceBytes / Math.max(1, total), 1),
      traceMiB: round(stats.traceBytes / MiB, 1),
      keyframes: stats.keyframes,
      keyframeMiB: round(stats.keyframeBytes / MiB, 1),
    },
    seek: {
      preset: m.preset,
      frames: stats.frames,
      steps: total,
      p50Ms: round(quantile(seekWall, 0.5)),
      p95Ms: round(quantile(seekWall, 0.95)),
      stepMs: round(quantile(stepWall, 0.95)),
      p50CpuMs: round(quantile(seekCpu, 0.5)),
      p95CpuMs: round(quantile(seekCpu, 0.95)),
      stepCpuMs: round(quantile(stepCpu, 0.95)),
      p95Ratio: round(quantile(seekWall, 0.95) / base.wall, 2),
      stepRatio: round(quantile(stepWall, 0.95) / base.wall, 3),
      p95CpuRatio: round(quantile(seekCpu, 0.95) / base.cpu, 2),
      stepCpuRatio: round(quantile(stepCpu, 0.95) / base.cpu, 3),
    },
    stats,
    stepP50Ms: round(quantile(stepWall, 0.5)),
  };
}
