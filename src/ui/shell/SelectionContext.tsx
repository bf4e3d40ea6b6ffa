import { createContext, useContext } from 'react';

export interface Selection {
  /** The inspected frame, or null. */
  selected: number | null;
  /** Counts select() calls, so a second click on the same frame still counts as a new pick. */
  seq: number;
  /** Inspect a frame (and bring it into view), or close the inspector with null. */
  select: (pfn: number | null) => void;
}

const noop: Selection = { selected: null, seq: 0, select: () => undefined };

export const SelectionContext = createContext<Selection>(noop);

export function useSelection(): Selection {
  return useContext(SelectionContext);
}
