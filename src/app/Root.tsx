import { useEffect, useState } from 'react';
import { CompareView } from '../ui/compare/CompareView';
import { isCompareHash } from '../ui/compare/compareHash';
import type { EngineStore } from '../ui/shell/engineState';
import { App } from './App';

/**
 * The page's two views, chosen by the URL hash: `#view=compare&preset=…` opens the 2.6.17 ↔
 * 2.6.20 comparison (its own two engines), anything else the step-by-step visualiser on `store`.
 */
export function Root({ store }: { store: EngineStore }) {
  const [compare, setCompare] = useState(() => isCompareHash(window.location.hash));
  useEffect(() => {
    // The event's own URL, not location.hash: the compare view's listener runs first (child
    // effects register first) and may already have rewritten the hash for its own state.
    const onHashChange = (e: HashChangeEvent) => setCompare(isCompareHash(new URL(e.newURL).hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return compare ? <CompareView /> : <App store={store} />;
}
