/**
 * The engine store as the page sees it: the state and actions of src/store/engineStore.ts.
 * Components take the store from context (EngineContext.tsx), so tests can pass a store built on
 * an inline transport or a fake; any zustand store of that state will do.
 */
import type { StoreApi } from 'zustand';
import type { EngineStoreState } from '../../store/engineStore';

export type { EngineStoreState };

/** A vanilla StoreApi or a bound `create()` hook of the engine state. */
export type EngineStore = StoreApi<EngineStoreState>;
