/**
 * The viewer's display choices: theme, presentation mode, predict mode. The theme is remembered
 * in localStorage (a lecturer's projector choice survives a reload); presentation and predict are
 * per visit. One store for the page, readable outside React (the key handler).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { QUESTION_KINDS } from '../../core';
import type { QuestionKind } from '../../core';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Prefs {
  theme: ThemeChoice;
  presentation: boolean;
  predict: boolean;
  /** The kinds of step predict mode asks about. */
  predictKinds: readonly QuestionKind[];
  helpOpen: boolean;
  setTheme(theme: ThemeChoice): void;
  togglePresentation(): void;
  togglePredict(): void;
  setPredictKinds(kinds: readonly QuestionKind[]): void;
  setHelpOpen(open: boolean): void;
}

export const THEME_KEY = 'swsusp-viz:theme';

function storedTheme(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system'; // storage blocked (privacy mode, sandboxed iframe): follow the system
  }
}

function storeTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') globalThis.localStorage?.removeItem(THEME_KEY);
    else globalThis.localStorage?.setItem(THEME_KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
}

export function createPrefsStore(init: Partial<Prefs> = {}) {
  return createStore<Prefs>()((set) => ({
    theme: storedTheme(),
    presentation: false,
    predict: false,
    predictKinds: QUESTION_KINDS,
    helpOpen: false,
    setTheme: (theme) => {
      storeTheme(theme);
      set({ theme });
    },
    togglePresentation: () => set((s) => ({ presentation: !s.presentation })),
    togglePredict: () => set((s) => ({ predict: !s.predict })),
    setPredictKinds: (predictKinds) => set({ predictKinds }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    ...init,
  }));
}

export type PrefsStore = ReturnType<typeof createPrefsStore>;

/** The page's one prefs store. */
export const prefs: PrefsStore = createPrefsStore();

export function usePrefs<T>(select: (p: Prefs) => T): T {
  return useStore(prefs, select);
}
