import { useEffect } from 'react';
import { useEngine } from './EngineContext';

/**
 * Marks (User Timing `ui:commit`) the moment every panel shows a new state: its effect runs
 * after the effects of the panels rendered before it. Read by `npm run bench:browser`.
 */
export function PageTiming() {
  const version = useEngine((s) => s.framesVersion);
  useEffect(() => {
    if (version <= 0 || typeof performance.mark !== 'function') return;
    performance.mark('ui:commit');
    // A PerformanceObserver has it already; do not let the timeline buffer grow.
    performance.clearMarks('ui:commit');
  }, [version]);
  return null;
}
