import { useEngine, useEngineStore } from './EngineContext';

/**
 * Loading progress while the engine builds a trace, the engine's error, and what the page did by
 * itself after an engine fault (restarted it at the same step).
 */
export function StatusBanner() {
  const store = useEngineStore();
  const status = useEngine((s) => s.status);
  const progress = useEngine((s) => s.progress);
  const error = useEngine((s) => s.error);
  const recovery = useEngine((s) => s.recovery);
  const shownName = useEngine((s) => s.info?.name ?? null);
  const banners = [];
  if (recovery)
    banners.push(
      <div key="recovery" className="banner banner-notice" role="alert">
        <span>{recovery}</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => store.getState().dismissRecovery()}
        >
          Dismiss
        </button>
      </div>,
    );
  if (status === 'error')
    banners.push(
      <div key="error" className="banner banner-error" role="alert">
        <strong>The scenario could not be run.</strong> {error ?? 'Unknown error.'}
      </div>,
    );
  else if (error && status === 'ready')
    // A failed load after a good run: say so, and which run is still shown.
    banners.push(
      <div key="error" className="banner banner-error" role="alert">
        <span>
          <strong>That scenario could not be run.</strong> {error}
          {shownName !== null && <> Still showing “{shownName}”.</>}
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => store.setState({ error: null })}
        >
          Dismiss
        </button>
      </div>,
    );
  if (status === 'loading' || status === 'idle') {
    const pct = Math.round((progress?.fraction ?? 0) * 100);
    banners.push(
      <div key="loading" className="banner banner-loading" role="status">
        <span>
          Building the trace{progress?.label ? `: ${progress.label}` : '…'}{' '}
          {pct > 0 ? `${pct}%` : ''}
        </span>
        <progress max={1} value={progress?.fraction ?? 0} aria-label="Loading the scenario" />
      </div>,
    );
  }
  return banners.length ? <>{banners}</> : null;
}
