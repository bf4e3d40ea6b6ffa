import { useEffect } from 'react';
import type { EngineStore } from '../../store/engineStore';
import { prefs } from '../lecture/prefs';
import { predictStore } from './predictStore';

/**
 * Keeps predict mode in step with the engine: when the step a question asked about is shown, its
 * answer is revealed (with the narration of that step); the state's own question about the next
 * step opens, and playback pauses so the room can answer. Moving anywhere else drops an open
 * question unscored.
 */
export function usePredictDriver(store: EngineStore): void {
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
