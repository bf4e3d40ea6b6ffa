import { Suspense, useEffect, useState } from 'react';
import { CompareView, pageOf, StepPage } from '../ui';
import type { EngineStore } from '../store/engineStore';

export interface AppProps {
  store: EngineStore;
  /** The embed page: the step page alone, in embed mode unless the hash says `embed=0`. */
  embedByDefault?: boolean;
}

/**
 * The router: the URL hash picks the page. `#view=compare&preset=…` opens the 2.6.17 ↔ 2.6.20
 * comparison (its own two engines, its code loaded when it first opens), anything else the
 * step-by-step page on `store`.
 */
export function App({ store, embedByDefault = false }: AppProps) {
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
  if (embedByDefault || !compare) return <StepPage store={store} embedByDefault={embedByDefault} />;
  return (
    <Suspense
      fallback={
        <p className="banner" role="status">
          Loading the comparison…
        </p>
      }
    >
      <CompareView />
    </Suspense>
  );
}
