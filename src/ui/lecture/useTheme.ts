import { useEffect, useState } from 'react';
import { usePrefs } from './prefs';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** The theme in force: the viewer's choice, else the system's (followed as it changes). */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = usePrefs((p) => p.theme);
  const [dark, setDark] = useState(systemDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(DARK_QUERY);
    const on = () => setDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return choice === 'system' ? (dark ? 'dark' : 'light') : choice;
}

/**
 * Puts the theme and presentation mode on the root element, where the colour tokens and the type
 * scale switch.
 */
export function useApplyTheme(): 'light' | 'dark' {
  const theme = useResolvedTheme();
  const present = usePrefs((p) => p.presentation);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  useEffect(() => {
    const root = document.documentElement;
    if (present) root.dataset.present = '';
    else delete root.dataset.present;
    return () => {
      delete root.dataset.present;
    };
  }, [present]);
  return theme;
}
