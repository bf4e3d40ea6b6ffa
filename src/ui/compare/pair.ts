/**
 * The compare view's two engines: one store and one worker per kernel model, created when the view
 * opens and stopped when it closes. A pacer per store keeps at most one seek in flight, so a fast
 * slider or the phase player never queues up seeks on a slow (million-frame) run: the latest wanted
 * step wins.
 */
import type { ModelId } from '../../core';
import { connectEngine } from '../../store/connect';
import type { EngineConnection } from '../../store/connect';
import type { EngineStore } from '../../store/engineStore';

export const LEGACY: ModelId = 'linux-2.6.17';
export const MODERN: ModelId = 'linux-2.6.20';

export interface ComparePair {
  legacy: EngineStore;
  modern: EngineStore;
  /**
   * Marks the pair in use; the returned release stops both engines once nothing holds the pair
   * (after the current task, so StrictMode's unmount-and-mount keeps it).
   */
  retain(): () => void;
}

export function createComparePair(
  connect: () => EngineConnection = () => connectEngine(),
): ComparePair {
  const lt = connect();
  const mt = connect();
  let holders = 0;
  let closed = false;
  return {
    legacy: lt.store,
    modern: mt.store,
    retain() {
      holders++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        setTimeout(() => {
          if (holders > 0 || closed) return;
          closed = true;
          lt.close();
          mt.close();
        }, 0);
      };
    },
  };
}

/** A seek that was not answered within this time is sent again (or replaced). */
const STALE_MS = 500;

export interface SeekPacer {
  want(step: number): void;
  dispose(): void;
}

export function createSeekPacer(store: EngineStore, now: () => number = Date.now): SeekPacer {
  let wanted: number | null = null;
  let sent: number | null = null;
  let sentAt = 0;
  const pump = () => {
    const s = store.getState();
    if (wanted === null || s.status !== 'ready' || !s.info) return;
    if (s.step === wanted) {
      sent = null;
      return;
    }
    if (sent !== null && s.step !== sent && now() - sentAt < STALE_MS) return;
    sent = wanted;
    sentAt = now();
    s.seek(wanted);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.info !== prev.info) {
      // A new run: the old run's wanted step means nothing there; the view asks again.
      wanted = null;
      sent = null;
      return;
    }
    if (s.step !== prev.step || s.status !== prev.status) pump();
  });
  return {
    want(step) {
      wanted = step;
      pump();
    },
    dispose() {
      unsubscribe();
      wanted = null;
    },
  };
}
