import { useEffect, useState } from 'react';
import { CompareView, pageOf, StepPage } from '../ui';
import type { EngineStore } from '../store/engineStore';

/**
 * The router: the URL hash picks the page. `#view=compare&preset=…` opens the 2.6.17 ↔ 2.6.20
 * comparison (its own two engines), anything else the step-by-step page on `store`. The embed
 * page (`embedByDefault`) is the step page alone.
 */
export function App({
  store,
  embedByDefault = false,
}: {
  store: EngineStore;
  embedByDefault?: boolean;
}) {
  const [compare, setCompare] = useState(() => pageOf(window.location.hash) === 'compare');
  useEffect(() => {
    if (embedByDefault) return;
    // The event's own URL, not location.hash: the compare page's listener runs first (child
    // effects register first) and may already have rewritten the hash for its own state.
    const onHashChange = (e: HashChangeEvent) =>
      setCompare(pageOf(new URL(e.newURL).hash) === 'compare');
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [embedByDefault]);
  if (embedByDefault) return <StepPage store={store} embedByDefault />;
  return compare ? <CompareView /> : <StepPage store={store} />;
}
