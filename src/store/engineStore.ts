/**
 * The page's mirror of the engine: a zustand store fed by the engine's messages. Components select
 * the slices they draw; frame arrays are updated in place (select `framesVersion` to redraw them)
 * and panel data is structurally shared, so a step re-renders only what it changed.
 *
 * The store acks every snapshot after the next animation frame, which paces playback to what the
 * page can draw: the engine sends the next snapshot only after the ack.
 */
import { createStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { ModelId } from '../core';
import type { Transport } from '../protocol/transport';
import type {
  FrameArrays,
  FrameInspection,
  FromEngine,
  PanelData,
  RunInfo,
  ScenarioSource,
  StepUnit,
} from '../protocol/messages';
import { applyFrameDelta } from './frameMirror';
import { replaceEqualDeep } from './share';

export interface EngineStoreState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress: { fraction: number; label: string } | null;
  /** The loaded run, from 'ready'. */
  info: RunInfo | null;
  /** Current state index, 0..info.totalSteps (state s = after steps 0..s-1). */
  step: number;
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
  load(source: ScenarioSource, opts?: { model?: ModelId; step?: number }): void;
  seek(step: number): void;
  move(unit: StepUnit, dir: 1 | -1): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setRate(rate: number): void;
  setUnit(unit: StepUnit): void;
  inspect(pfn: number | null): void;
}

/** The engine store: components read it with `useStore(store, selector)` (see src/ui/shell). */
export type EngineStore = StoreApi<EngineStoreState>;

export const DEFAULT_RATE = 10;

/** After the next frame is drawn, or soon where there are no animation frames (tests, Node). */
function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => fn());
  else setTimeout(fn, 0);
}

type Snapshot = Extract<FromEngine, { type: 'snapshot' }>;

export function createEngineStore(transport: Transport): EngineStore {
  return createStore<EngineStoreState>()((set, get) => {
    /** The load the page asked for last; older loads' progress and errors are stale. */
    let loadId = 0;
    /** A 'ready' whose first snapshot has not arrived: both are shown together. */
    let pending: RunInfo | null = null;
    let inspecting: number | null = null;

    const receiveSnapshot = (msg: Snapshot) => {
      const s = get();
      const fresh = pending?.loadId === msg.loadId ? pending : null;
      if (!fresh && msg.loadId !== s.info?.loadId) return;
      let frames = s.frames;
      if (msg.frames) frames = msg.frames;
      else if (msg.delta && (!frames || fresh || !applyFrameDelta(frames, msg.delta))) return;
      pending = fresh ? null : pending;
      set({
        ...(fresh ? { info: fresh, status: 'ready', progress: null, inspection: null } : {}),
        frames,
        framesVersion: s.framesVersion + 1,
        step: msg.step,
        panels: replaceEqualDeep(s.panels, msg.panels),
      });
      afterNextFrame(() => transport.send({ v: 1, type: 'ack', seq: msg.seq }));
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
        case 'snapshot':
          return receiveSnapshot(msg);
        case 'playing':
          return set({ playing: msg.playing });
        case 'inspection':
          if (msg.info.pfn === inspecting) set({ inspection: msg.info });
          return;
        case 'error': {
          const failedLoad = msg.loadId !== undefined && msg.loadId === loadId;
          if (failedLoad) pending = null;
          set({
            error: msg.message,
            ...(failedLoad ? { status: get().info ? 'ready' : 'error', progress: null } : {}),
          });
          return;
        }
      }
    };
    transport.onMessage(receive);

    const sendPlay = () => {
      const { unit, rate } = get();
      transport.send({ v: 1, type: 'play', unit, rate });
    };

    return {
      status: 'idle',
      progress: null,
      info: null,
      step: 0,
      frames: null,
      framesVersion: 0,
      panels: null,
      playing: false,
      unit: 'step',
      rate: DEFAULT_RATE,
      error: null,
      inspection: null,
      load(source, opts = {}) {
        loadId += 1;
        pending = null;
        set({ status: 'loading', progress: { fraction: 0, label: 'Starting' }, error: null });
        transport.send({ v: 1, type: 'load', loadId, source, ...opts });
      },
      seek(step) {
        if (!get().info) return;
        transport.send({ v: 1, type: 'seek', step: Math.round(step) });
      },
      move(unit, dir) {
        if (!get().info) return;
        transport.send({ v: 1, type: 'move', unit, dir });
      },
      play() {
        if (!get().info) return;
        set({ playing: true });
        sendPlay();
      },
      pause() {
        set({ playing: false });
        transport.send({ v: 1, type: 'pause' });
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
      inspect(pfn) {
        inspecting = pfn;
        if (pfn === null) {
          set({ inspection: null });
          transport.send({ v: 1, type: 'inspect', pfn: -1 });
        } else {
          transport.send({ v: 1, type: 'inspect', pfn });
        }
      },
    };
  });
}
