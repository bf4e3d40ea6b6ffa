/**
 * The part of the engine store (src/store/engineStore.ts) the page reads: its state and actions.
 * Components take the store from context (EngineContext.tsx), so tests can pass a store built on
 * an inline transport or a fake.
 */
import type { StoreApi } from 'zustand';
import type { ModelId } from '../core';
import type {
  FrameArrays,
  FrameInspection,
  PanelData,
  RunInfo,
  ScenarioSource,
  StepUnit,
} from '../protocol/messages';

export interface EngineStoreState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  progress: { fraction: number; label: string } | null;
  info: RunInfo | null;
  /** Current state index, 0 … info.totalSteps; state k = after k kernel actions. */
  step: number;
  frames: FrameArrays | null;
  framesVersion: number;
  panels: PanelData | null;
  playing: boolean;
  unit: StepUnit;
  /** Units per second. */
  rate: number;
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

/** Any zustand store of that state: a vanilla StoreApi or a bound `create()` hook. */
export type EngineStore = StoreApi<EngineStoreState>;
