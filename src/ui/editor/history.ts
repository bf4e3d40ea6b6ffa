/**
 * Undo and redo over whole drafts. Edits that belong together (the keystrokes of one field, one
 * paint stroke) share a `group` and become one undo step.
 */
import { useCallback, useReducer } from 'react';

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  group: string | null;
}

/** Undo steps kept; older ones are dropped. */
const LIMIT = 200;

type Action<T> =
  | { type: 'set'; value: T; group: string | null }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; value: T };

export function historyReducer<T>(h: History<T>, a: Action<T>): History<T> {
  switch (a.type) {
    case 'set':
      if (a.value === h.present) return h;
      if (a.group !== null && a.group === h.group) return { ...h, present: a.value, future: [] };
      return {
        past: [...h.past, h.present].slice(-LIMIT),
        present: a.value,
        future: [],
        group: a.group,
      };
    case 'undo': {
      const prev = h.past.at(-1);
      if (prev === undefined) return h;
      return {
        past: h.past.slice(0, -1),
        present: prev,
        future: [h.present, ...h.future],
        group: null,
      };
    }
    case 'redo': {
      const next = h.future[0];
      if (next === undefined) return h;
      return {
        past: [...h.past, h.present],
        present: next,
        future: h.future.slice(1),
        group: null,
      };
    }
    case 'reset':
      return { past: [], present: a.value, future: [], group: null };
  }
}

export function useHistory<T>(initial: () => T) {
  const [h, dispatch] = useReducer(historyReducer<T>, undefined, () => ({
    past: [],
    present: initial(),
    future: [],
    group: null,
  }));
  const set = useCallback(
    (value: T, group: string | null = null) => dispatch({ type: 'set', value, group }),
    [],
  );
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const reset = useCallback((value: T) => dispatch({ type: 'reset', value }), []);
  return {
    value: h.present,
    set,
    undo,
    redo,
    reset,
    canUndo: h.past.length > 0,
    canRedo: h.future.length > 0,
  };
}
