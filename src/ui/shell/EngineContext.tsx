import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EngineStore, EngineStoreState } from '../../store/engineStore';

const Ctx = createContext<EngineStore | null>(null);

export function EngineProvider({ store, children }: { store: EngineStore; children: ReactNode }) {
  return <Ctx.Provider value={store}>{children}</Ctx.Provider>;
}

/** The store itself, for actions and for reading state outside render. */
export function useEngineStore(): EngineStore {
  const store = useContext(Ctx);
  if (!store) throw new Error('useEngineStore: wrap the page in <EngineProvider store={…}>');
  return store;
}

/** A slice of the engine state; re-renders when the selected value changes (Object.is). */
export function useEngine<T>(selector: (s: EngineStoreState) => T): T {
  return useStore(useEngineStore(), selector);
}
