import { useEffect, useRef } from 'react';
import type { EngineStore } from '../store/engineStore';
import { allowedOrigins, connectHost } from './hostBridge';
import type { LoadRequest } from './hostBridge';
import { parseOrigins } from './hostProtocol';

/**
 * Connects the page to the page that frames it (nothing when it is not framed). `origins` is the
 * `origins=` hash parameter; its problems go to `onProblem` as one sentence.
 */
export function useHostBridge(
  store: EngineStore,
  origins: string | null,
  preset: string | null,
  load: (request: LoadRequest) => void,
  onProblem: (message: string) => void,
): void {
  const current = useRef({ preset, load, onProblem });
  useEffect(() => {
    current.current = { preset, load, onProblem };
  });
  useEffect(() => {
    if (window.parent === window) return;
    const parsed = parseOrigins(origins);
    if (parsed.problems.length) current.current.onProblem(parsed.problems.join(' '));
    const { allowed, hostOrigin } = allowedOrigins(parsed.origins, {
      ancestorOrigins: window.location.ancestorOrigins,
      referrer: document.referrer,
    });
    return connectHost({
      win: window,
      allowed,
      hostOrigin,
      store,
      load: (request) => current.current.load(request),
      currentPreset: () => current.current.preset,
    });
  }, [store, origins]);
}
