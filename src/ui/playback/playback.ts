import type { EngineStore } from '../../store/engineStore';

/** Play/pause; at the end of the run, Play starts again from step 0 (not at the end of a run still being traced: play waits there for more). */
export function playOrPause(store: EngineStore): void {
  const s = store.getState();
  if (s.playing) {
    s.pause();
    return;
  }
  if (s.info?.complete && s.step >= s.info.totalSteps) s.seek(0);
  s.play();
}
