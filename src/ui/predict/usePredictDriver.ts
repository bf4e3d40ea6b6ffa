import { useEffect } from 'react';
import type { EngineStore } from '../../store/engineStore';
import { prefs } from '../lecture/prefs';
import { predictStore } from './predictStore';

/**
 * Keeps predict mode in step with the engine: when the step a question asked about is shown, its
 * answer is revealed (with the narration of that step); the state's own question about the next
 * step opens, and playback pauses so the room can answer. Moving anywhere else drops an open
 * question unscored. The digits answer it (`usePredictKeys`).
 */
export function usePredictDriver(store: EngineStore): void {
  usePredictKeys();
  useEffect(() => {
    const sync = () => {
      const p = prefs.getState();
      const s = store.getState();
      const q = predictStore.getState();
      if (!p.predict || s.status !== 'ready' || !s.info || !s.panels) {
        q.ask(null, null);
        return;
      }
      if (s.panels.step !== s.step) return; // the panels of this state have not arrived yet
      const loadId = s.info.loadId;
      if (q.open && q.openKey?.startsWith(`${loadId}:`) && s.step === q.open.step + 1) q.reveal();
      const next = s.panels.questions.find((x) => p.predictKinds.includes(x.kind)) ?? null;
      const key = next ? `${loadId}:${s.step}:${next.kind}` : null;
      const wasOpen = predictStore.getState().openKey;
      predictStore.getState().ask(next, key);
      if (next && key !== wasOpen && s.playing) s.pause();
    };
    sync();
    const offEngine = store.subscribe((s, prev) => {
      if (s.panels !== prev.panels || s.status !== prev.status || s.info !== prev.info) sync();
    });
    const offPrefs = prefs.subscribe((p, prev) => {
      if (p.predict !== prev.predict || p.predictKinds !== prev.predictKinds) {
        if (!p.predict) predictStore.getState().reset();
        sync();
      }
    });
    return () => {
      offEngine();
      offPrefs();
    };
  }, [store]);
}

/** Text fields keep their digits: typing a pfn or a name never answers a question. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return (
    target.tagName === 'INPUT' &&
    !['range', 'checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type)
  );
}

/**
 * Digits answer the open question in predict mode: 1 is the first choice, 2 the second …, so a
 * lecturer takes the room's answer from the keyboard, as every other action. Frame questions are
 * answered in the grid (click, or arrow keys and Enter).
 */
export function usePredictKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (!/^[1-9]$/.test(e.key)) return;
      const p = prefs.getState();
      const q = predictStore.getState();
      if (!p.predict || p.helpOpen || !q.open || q.given !== null) return;
      if (q.open.answer.type !== 'choice') return;
      const i = Number(e.key) - 1;
      if (i >= q.open.answer.choices.length) return;
      q.answer(i);
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
