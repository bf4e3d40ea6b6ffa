import { Suspense, useEffect, useState } from 'react';
import { CompareView, pageOf } from '../ui';
import type { EngineStore } from '../store/engineStore';
import { App } from './App';

/**
 * The page's two views, chosen by the URL hash: `#view=compare&preset=…` opens the 2.6.17 ↔
 * 2.6.20 comparison (its own two engines), anything else the step-by-step visualiser on `store`.
 */
export function Root({ store }: { store: EngineStore }) {
  const [compare, setCompare] = useState(() => pageOf(window.location.hash) === 'compare');
  useEffect(() => {
    // The event's own URL, not location.hash: the compare view's listener runs first (child
    // effects register first) and may already have rewritten the hash for its own state.
    const onHashChange = (e: HashChangeEvent) =>
      setCompare(pageOf(new URL(e.newURL).hash) === 'compare');
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (!compare) return <App store={store} />;
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
