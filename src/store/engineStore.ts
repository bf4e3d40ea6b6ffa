/**
 * The page's mirror of the engine: a zustand store fed by the engine's messages. Components select
 * the slices they draw; frame arrays are updated in place (select `framesVersion` to redraw them)
 * and panel data is structurally shared, so a step re-renders only what it changed.
 *
 * The store acks every snapshot after the next animation frame, which paces playback to what the
 * page can draw: the engine sends the next snapshot only after the ack.
 *
 * The store owns the engine connection and supervises it (supervisor.ts): a worker that crashes,
 * hangs or sends garbage is replaced and the run shown is reloaded at the step shown, by itself;
 * picking another scenario while a trace is being built terminates that build at once.
 */
import { createStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { ModelId } from '../core';
import { createEngineTransport } from '../engine/transport';
import type { Transport } from '../protocol/transport';
import type {
  ExportKind,
  FrameArrays,
  FrameInspection,
  FromEngine,
  PanelData,
  RunInfo,
  ScenarioSource,
  StepUnit,
  ToEngine,
} from '../protocol/messages';
import type { RunBounds } from './engineMessage';
import { applyFrameDelta } from './frameMirror';
import { replaceEqualDeep } from './share';
import { createSupervisor, DEFAULT_DEADLINE_MS } from './supervisor';
import type { Fault, SupervisorClock } from './supervisor';

/** What the page asked to load: the source, and how the page names it (picker value). */
export interface LoadRequest {
  source: ScenarioSource;
  model?: ModelId;
  /** The page's own name for the scenario (a preset name, a saved machine's key). */
  tag?: string;
}

export interface LoadOptions {
  model?: ModelId;
  step?: number;
  tag?: string;
}

/** One answer to `exportText`: text made by the engine from the run `loadId`. */
export interface ExportChunk {
  loadId: number;
  text: string;
  /** The first step of the next chunk of a step trace, or null after the last. */
  next: number | null;
  /** The run's number of steps. */
  total: number;
}

export interface EngineStoreOptions {
  /** Silence that counts as a hang (supervisor.ts); 0 turns liveness checks off. */
  deadlineMs?: number;
  clock?: SupervisorClock;
  /** Aborting it stops the engine for good (its worker ends); the store keeps its last state. */
  signal?: AbortSignal;
}

export interface EngineStoreState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress: { fraction: number; label: string } | null;
  /** The loaded run, from 'ready'. */
  info: RunInfo | null;
  /** Current state index, 0..info.totalSteps (state s = after steps 0..s-1). */
  step: number;
  /**
   * A step asked for (a seek, a link) past what the run is traced to so far: the engine goes
   * there once the trace reaches it. Null when nothing waits.
   */
  awaiting: number | null;
  /** The page's mirror; deltas are applied in place and framesVersion bumps. */
  frames: FrameArrays | null;
  framesVersion: number;
  panels: PanelData | null;
  playing: boolean;
  /** Play and move granularity. */
  unit: StepUnit;
  /** Units per second. */
  rate: number;
  /** Last error message (bad scenario etc.); the last good run stays loaded. */
  error: string | null;
  inspection: FrameInspection | null;
  /** The request whose run is shown (`info`); null before the first run. */
  shown: LoadRequest | null;
  /** What the page did by itself after an engine fault, until dismissed. */
  recovery: string | null;
  dismissRecovery(): void;
  load(source: ScenarioSource, opts?: LoadOptions): void;
  seek(step: number): void;
  move(unit: StepUnit, dir: 1 | -1): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setRate(rate: number): void;
  setUnit(unit: StepUnit): void;
  inspect(pfn: number | null): void;
  /**
   * Text for a download, made by the engine from the run shown: the report, or the chunk of the
   * step trace that starts at step `from`. Rejects with a one-line Error when the engine cannot
   * (no run, or it restarted meanwhile).
   */
  exportText(what: ExportKind, from?: number): Promise<ExportChunk>;
}

/** The engine store: components read it with `useStore(store, selector)` (src/ui/shell). */
export type EngineStore = StoreApi<EngineStoreState>;

export const DEFAULT_RATE = 10;

/** After the next frame is drawn, or soon where there are no animation frames (tests, Node). */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}

type Snapshot = Extract<FromEngine, { type: 'snapshot' }>;

/** Faults within this window count together; more than MAX_FAULTS and the page stops retrying. */
const FAULT_WINDOW_MS = 60_000;
const MAX_FAULTS = 3;

/** Longest engine text shown as is; the engine's errors are short, garbage may not be. */
const TEXT_MAX = 300;

/** The engine's text as one bounded line: control characters escaped, never empty. */
function oneLine(text: string): string {
  const flat = text.replace(
    /\p{Cc}/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (flat.trim() === '') return 'The engine reported an error without a message.';
  return flat.length > TEXT_MAX ? `${flat.slice(0, TEXT_MAX)}…` : flat;
}

function faultSentence(f: Fault): string {
  switch (f.kind) {
    case 'crash':
      return `The engine crashed (${f.detail}).`;
    case 'hang':
      return `The engine stopped answering: ${f.detail}.`;
    case 'garbage':
      return `The engine sent a message the page could not use (${f.detail}).`;
  }
}

/**
 * The page's engine store. `engine` is a transport factory (supervised: a fault restarts it) or a
 * single transport (tests; a fault is reported but nothing can be restarted).
 */
export function createEngineStore(
  engine: Transport | (() => Transport) = createEngineTransport,
  opts: EngineStoreOptions = {},
): EngineStore {
  const factory = typeof engine === 'function' ? engine : null;
  const single = typeof engine === 'function' ? null : engine;
  return createStore<EngineStoreState>()((set, get) => {
    /** The load the page asked for last; older loads' progress and errors are stale. */
    let loadId = 0;
    /** A 'ready' whose first snapshot has not arrived: both are shown together. */
    let pending: RunInfo | null = null;
    let inspecting: number | null = null;
    /** Each load's request, until its run is shown or it fails. */
    const requests = new Map<number, LoadRequest & { step?: number }>();
    /** Times of recent faults. */
    const faults: number[] = [];
    let singleUsed = false;
    /** Export requests waiting for their answer, by id. */
    let exportId = 0;
    const exports = new Map<
      number,
      { resolve: (c: ExportChunk) => void; reject: (e: Error) => void }
    >();
    const dropExports = (why: string) => {
      for (const p of exports.values()) p.reject(new Error(why));
      exports.clear();
    };

    const runs = (): RunBounds[] => {
      const out: RunBounds[] = [];
      const info = get().info;
      if (info) out.push(info);
      if (pending) out.push(pending);
      return out;
    };

    const supervisor = createSupervisor({
      connect: () => {
        if (factory) return factory();
        if (singleUsed || !single) throw new Error('the engine cannot be restarted');
        singleUsed = true;
        return single;
      },
      onMessage: (msg) => receive(msg),
      onFault: (f) => recover(f),
      runs,
      deadlineMs: opts.deadlineMs ?? (factory ? DEFAULT_DEADLINE_MS : 0),
      clock: opts.clock,
    });
    opts.signal?.addEventListener('abort', () => supervisor.close(), { once: true });
    const send = (msg: ToEngine) => {
      try {
        supervisor.send(msg);
      } catch (e) {
        set({
          error: `The engine could not be started: ${e instanceof Error ? e.message : String(e)}`,
          status: get().info ? 'ready' : 'error',
          progress: null,
        });
      }
    };

    const startLoad = (
      req: LoadRequest,
      step: number | undefined,
      also: Partial<EngineStoreState> = {},
    ) => {
      loadId += 1;
      pending = null;
      requests.set(loadId, { ...req, ...(step ? { step } : {}) });
      for (const id of requests.keys()) if (id < loadId - 1) requests.delete(id);
      set({
        status: 'loading',
        progress: { fraction: 0, label: 'Starting' },
        error: null,
        awaiting: null,
        ...also,
      });
      send({
        v: 1,
        type: 'load',
        loadId,
        source: req.source,
        ...(req.model ? { model: req.model } : {}),
        ...(step ? { step } : {}),
      });
    };

    /** After a fault: the same scenario at the same step on a fresh engine, or give up. */
    const recover = (f: Fault) => {
      dropExports(`${faultSentence(f)} Try the export again.`);
      const now = Date.now();
      while (faults.length && now - faults[0] > FAULT_WINDOW_MS) faults.shift();
      faults.push(now);
      const s = get();
      const inFlight = s.status === 'loading' ? requests.get(loadId) : undefined;
      const target = inFlight ?? s.shown;
      if (!factory || !target || faults.length > MAX_FAULTS) {
        pending = null;
        set({
          status: s.info ? 'ready' : 'error',
          progress: null,
          playing: false,
          error: `${faultSentence(f)} ${
            factory && target
              ? `It failed ${faults.length} times within a minute, so the page stopped restarting it; pick a scenario to try again.`
              : 'Reload the page to start it again.'
          }`,
        });
        return;
      }
      const step = inFlight ? inFlight.step : s.step;
      const name = inFlight ? (inFlight.tag ?? sourceName(inFlight.source)) : (s.info?.name ?? '');
      startLoad(target, step, {
        playing: false,
        recovery: `${faultSentence(f)} Restarted it on “${name}” at step ${step ?? 0}.`,
      });
    };

    const receiveSnapshot = (msg: Snapshot) => {
      const s = get();
      const fresh = pending?.loadId === msg.loadId ? pending : null;
      if (!fresh && msg.loadId !== s.info?.loadId) return;
      let frames = s.frames;
      if (msg.frames) frames = msg.frames;
      else if (msg.delta && (!frames || fresh || !applyFrameDelta(frames, msg.delta))) {
        // The engine holds a mirror the page does not: resynchronise on a fresh engine.
        supervisor.restart();
        recover({ kind: 'garbage', detail: 'a frame delta for frames the page does not have' });
        return;
      }
      pending = fresh ? null : pending;
      const req = fresh ? requests.get(fresh.loadId) : undefined;
      if (fresh) requests.delete(fresh.loadId);
      // A link's step past what is traced so far: the engine shows step 0 and goes there later.
      const wanted = fresh ? (req?.step ?? 0) : s.awaiting;
      const info = fresh ?? s.info;
      const awaiting =
        wanted !== null && wanted !== msg.step && info && !info.complete && wanted > info.totalSteps
          ? wanted
          : null;
      set({
        awaiting,
        ...(fresh
          ? {
              info: fresh,
              status: 'ready',
              progress: null,
              inspection: null,
              shown: req ? { source: req.source, model: req.model, tag: req.tag } : s.shown,
            }
          : {}),
        frames,
        framesVersion: s.framesVersion + 1,
        step: msg.step,
        panels: replaceEqualDeep(s.panels, msg.panels),
      });
      afterNextFrame(() => send({ v: 1, type: 'ack', seq: msg.seq }));
    };

    const receive = (msg: FromEngine) => {
      switch (msg.type) {
        case 'progress':
          if (msg.loadId === loadId && get().status === 'loading')
            set({ progress: { fraction: msg.fraction, label: msg.label } });
          return;
        case 'ready':
          if (msg.info.loadId === loadId) pending = msg.info;
          return;
        case 'traced': {
          // The same run, traced further (or to its end).
          if (pending?.loadId === msg.info.loadId) pending = msg.info;
          else if (get().info?.loadId === msg.info.loadId) set({ info: msg.info });
          return;
        }
        case 'snapshot':
          return receiveSnapshot(msg);
        case 'playing':
          return set({ playing: msg.playing });
        case 'inspection':
          if (msg.info.pfn === inspecting) set({ inspection: msg.info });
          return;
        case 'pong':
          return;
        case 'export': {
          const waiting = exports.get(msg.id);
          exports.delete(msg.id);
          if (!waiting) return;
          if (msg.error !== null) waiting.reject(new Error(oneLine(msg.error)));
          else
            waiting.resolve({
              loadId: msg.loadId,
              text: msg.text,
              next: msg.next,
              total: msg.total,
            });
          return;
        }
        case 'error': {
          const failedLoad = msg.loadId !== undefined && msg.loadId === loadId;
          // An internal failure is the engine's, not the scenario's: a fresh engine may succeed.
          if (msg.code === 'internal' && (failedLoad || msg.loadId === undefined)) {
            supervisor.restart();
            recover({ kind: 'crash', detail: oneLine(msg.message) });
            return;
          }
          if (failedLoad) {
            pending = null;
            requests.delete(msg.loadId!);
          }
          set({
            error: oneLine(msg.message),
            ...(failedLoad ? { status: get().info ? 'ready' : 'error', progress: null } : {}),
          });
          return;
        }
      }
    };

    const sendPlay = () => {
      const { unit, rate } = get();
      send({ v: 1, type: 'play', unit, rate });
    };

    return {
      status: 'idle',
      progress: null,
      info: null,
      step: 0,
      awaiting: null,
      frames: null,
      framesVersion: 0,
      panels: null,
      playing: false,
      unit: 'step',
      rate: DEFAULT_RATE,
      error: null,
      inspection: null,
      shown: null,
      recovery: null,
      dismissRecovery() {
        set({ recovery: null });
      },
      load(source, opts = {}) {
        // A trace still being built for an older request is abandoned at once, not waited for.
        if (factory && supervisor.building) supervisor.restart();
        faults.length = 0;
        startLoad({ source, model: opts.model, tag: opts.tag }, opts.step, { recovery: null });
      },
      seek(step) {
        const info = get().info;
        if (!info) return;
        const to = Math.round(step);
        set({ awaiting: !info.complete && to > info.totalSteps ? to : null });
        send({ v: 1, type: 'seek', step: to });
      },
      move(unit, dir) {
        if (!get().info) return;
        set({ awaiting: null });
        send({ v: 1, type: 'move', unit, dir });
      },
      play() {
        if (!get().info) return;
        set({ playing: true, awaiting: null });
        sendPlay();
      },
      pause() {
        set({ playing: false });
        send({ v: 1, type: 'pause' });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setRate(rate) {
        if (!(Number.isFinite(rate) && rate > 0)) return;
        set({ rate });
        if (get().playing) sendPlay();
      },
      setUnit(unit) {
        set({ unit });
        if (get().playing) sendPlay();
      },
      exportText(what, from = 0) {
        if (!get().info) return Promise.reject(new Error('No run is loaded yet.'));
        exportId += 1;
        const id = exportId;
        return new Promise<ExportChunk>((resolve, reject) => {
          exports.set(id, { resolve, reject });
          send({ v: 1, type: 'export', id, what, from });
        });
      },
      inspect(pfn) {
        inspecting = pfn;
        if (pfn === null) {
          set({ inspection: null });
          send({ v: 1, type: 'inspect', pfn: -1 });
        } else {
          send({ v: 1, type: 'inspect', pfn });
        }
      },
    };
  });
}

function sourceName(source: ScenarioSource): string {
  if (source.kind === 'preset') return source.name;
  const name = (source.doc as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'the scenario';
}
