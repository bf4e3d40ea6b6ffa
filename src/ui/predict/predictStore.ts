/**
 * Predict mode's state: the open question (about the next step), the viewer's answer, the last
 * revealed one and the score. The driver (usePredictDriver) feeds it from the engine store; the
 * card and the grid's frame clicks answer it.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { isRight } from '../../core';
import type { Question } from '../../core';

export interface Revealed {
  question: Question;
  given: number | null;
  right: boolean;
}

export interface Score {
  right: number;
  answered: number;
  /** Revealed without an answer (e.g. a show of hands in the room). */
  unanswered: number;
}

export interface PredictState {
  /** The open question and the run and state it belongs to. */
  open: Question | null;
  openKey: string | null;
  given: number | null;
  last: Revealed | null;
  score: Score;
  /** Opens `q` (or none) for the state `key`; a different open question is dropped unscored. */
  ask(q: Question | null, key: string | null): void;
  answer(given: number): void;
  /** The step asked about is now shown: scores the answer and keeps it as `last`. */
  reveal(): void;
  reset(): void;
}

const ZERO: Score = { right: 0, answered: 0, unanswered: 0 };

export function createPredictStore() {
  return createStore<PredictState>()((set, get) => ({
    open: null,
    openKey: null,
    given: null,
    last: null,
    score: ZERO,
    ask: (open, openKey) => {
      if (get().openKey === openKey && openKey !== null) return;
      set({ open, openKey, given: null });
    },
    answer: (given) => {
      if (get().open && get().given === null) set({ given });
    },
    reveal: () => {
      const { open, given, score } = get();
      if (!open) return;
      const right = given !== null && isRight(open, given);
      set({
        open: null,
        openKey: null,
        given: null,
        last: { question: open, given, right },
        score:
          given === null
            ? { ...score, unanswered: score.unanswered + 1 }
            : { ...score, answered: score.answered + 1, right: score.right + (right ? 1 : 0) },
      });
    },
    reset: () => set({ open: null, openKey: null, given: null, last: null, score: ZERO }),
  }));
}

export type PredictStore = ReturnType<typeof createPredictStore>;

export const predictStore: PredictStore = createPredictStore();

export function usePredict<T>(select: (s: PredictState) => T): T {
  return useStore(predictStore, select);
}
