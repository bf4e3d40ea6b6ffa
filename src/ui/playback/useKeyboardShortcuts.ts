import { useEffect } from 'react';
import { prefs } from '../lecture/prefs';
import type { EngineStore } from '../../store/engineStore';
import { RATES } from './Controls';
import { playOrPause } from './playback';

/** Text fields keep every key: typing a pfn or a name must never step the run. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/** The next speed up (+1) or down (-1) from `rate` in RATES. */
export function nextRate(rate: number, dir: 1 | -1): number {
  if (dir > 0) return RATES.find((r) => r > rate) ?? RATES[RATES.length - 1];
  return [...RATES].reverse().find((r) => r < rate) ?? RATES[0];
}

/**
 * The page's keys, wherever the focus is except in a text field: ←/→ step, Shift+←/→ function
 * call, [ / ] or PageUp/PageDown phase, Space play/pause, Home/End, −/+ speed, f presentation, p
 * predict, t theme, ? help. On a select, a button, a checkbox or the timeline these keys act on
 * the visualiser and not on the control (its default action is prevented), so a key never
 * changes the scenario or the speed by accident; ↑/↓ still change a focused select on purpose and
 * Enter still presses a focused button. A focused widget that handles a key itself (the grid's
 * arrow keys) marks the event handled first.
 */
export function useKeyboardShortcuts(store: EngineStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (isTextField(e.target)) return;
      const p = prefs.getState();
      if (p.helpOpen) {
        // The modal help owns the keys; ? closes it as Esc does.
        if (e.key === '?' || e.key === 'Escape') {
          p.setHelpOpen(false);
          e.preventDefault();
        }
        return;
      }
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'checkbox') {
        target.click(); // Space plays; Enter toggles a focused checkbox instead
        e.preventDefault();
        return;
      }
      switch (e.key) {
        case '?':
          p.setHelpOpen(true);
          e.preventDefault();
          return;
        case 'f':
        case 'F':
          p.togglePresentation();
          e.preventDefault();
          return;
        case 'p':
        case 'P':
          p.togglePredict();
          e.preventDefault();
          return;
        case 't':
        case 'T':
          p.setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
          e.preventDefault();
          return;
        default:
          break;
      }
      const s = store.getState();
      const ready = s.status === 'ready' && s.info !== null;
      switch (e.key) {
        case 'ArrowLeft':
        case 'ArrowRight':
          if (ready) s.move(e.shiftKey ? 'call' : 'step', e.key === 'ArrowRight' ? 1 : -1);
          break;
        case 'PageUp':
        case '[':
          if (ready) s.move('phase', -1);
          break;
        case 'PageDown':
        case ']':
          if (ready) s.move('phase', 1);
          break;
        case ' ':
          if (ready) playOrPause(store);
          break;
        case 'Home':
          if (ready) s.seek(0);
          break;
        case 'End':
          if (ready && s.info) s.seek(s.info.totalSteps);
          break;
        case '-':
        case '−':
        case '_':
          s.setRate(nextRate(s.rate, -1));
          break;
        case '+':
        case '=':
          s.setRate(nextRate(s.rate, 1));
          break;
        case 'Escape':
          return; // the inspector and the grid close themselves
        default:
          return;
      }
      // Handled, also while a run loads: the key never reaches the focused control.
      e.preventDefault();
    };
    // A button presses on Space's keyup: stop that too, Space has played or paused already.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== ' ' || isTextField(e.target) || prefs.getState().helpOpen) return;
      if (e.target instanceof HTMLElement && e.target.closest('button, summary, a')) {
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [store]);
}
