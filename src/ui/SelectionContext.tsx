import { createContext, useContext } from 'react';

export interface Selection {
  /** The inspected frame, or null. */
  selected: number | null;
  /** Inspect a frame (and bring it into view), or close the inspector with null. */
  select: (pfn: number | null) => void;
}

const noop: Selection = { selected: null, select: () => undefined };

export const SelectionContext = createContext<Selection>(noop);

export function useSelection(): Selection {
  return useContext(SelectionContext);
}
