import type { ModelId } from '../../core';
import { versionOf } from './models';
import { flushPendingHash, formatView } from './url';
import './viewTabs.css';

export type ViewName = 'visualiser' | 'compare';

/**
 * The two views of the page as links in the header: the step-by-step visualiser and the 2.6.17 ↔
 * 2.6.20 comparison, both on the same scenario. Plain links, so they can be opened in a new tab
 * and copied into lecture notes. Following one is a visit of its own (a history entry); the entry
 * left gets its last step first, so Back returns to it.
 */
export function ViewTabs({
  current,
  preset,
  scenario = null,
  pair,
}: {
  current: ViewName;
  preset: string;
  /** A scenario document of one's own: both links carry it. */
  scenario?: unknown;
  /** The models the Compare tab compares (default 2.6.17 ↔ 2.6.20); its label names them. */
  pair?: readonly [ModelId, ModelId] | null;
}) {
  const models = pair ?? null;
  const label = models
    ? `Compare ${versionOf(models[0])} ↔ ${versionOf(models[1])}`
    : 'Compare 2.6.17 ↔ 2.6.20';
  return (
    <nav className="view-tabs" aria-label="Views">
      <a
        className="view-tab"
        href={formatView({ view: 'step', preset, scenario })}
        onClick={flushPendingHash}
        aria-current={current === 'visualiser' ? 'page' : undefined}
      >
        Step by step
      </a>
      <a
        className="view-tab"
        href={formatView({ view: 'compare', preset, scenario, models })}
        onClick={flushPendingHash}
        aria-current={current === 'compare' ? 'page' : undefined}
      >
        {label}
      </a>
    </nav>
  );
}
