import { useEffect } from 'react';
import type { EngineStore } from '../shell/engineState';
import { playOrPause } from './playback';

/** Elements whose own keyboard handling wins over the page shortcuts. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return key !== ' ' && key !== '[' && key !== ']';
    if (type === 'checkbox') return key === ' ';
    return true;
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A') return key === ' ' || key === 'Enter';
  return false;
}

/**
 * The page's keys: ←/→ step, Shift+←/→ function call, PageUp/PageDown or [ / ] phase,
 * Space play/pause, Home/End.
 */
export function useKeyboardShortcuts(store: EngineStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (ownsKeys(e.target, e.key)) return;
      const s = store.getState();
      if (s.status !== 'ready' || !s.info) return;
      switch (e.key) {
        case 'ArrowLeft':
        case 'ArrowRight':
          s.move(e.shiftKey ? 'call' : 'step', e.key === 'ArrowRight' ? 1 : -1);
          break;
        case 'PageUp':
        case '[':
          s.move('phase', -1);
          break;
        case 'PageDown':
        case ']':
          s.move('phase', 1);
          break;
        case ' ':
          playOrPause(store);
          break;
        case 'Home':
          s.seek(0);
          break;
        case 'End':
          s.seek(s.info.totalSteps);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
