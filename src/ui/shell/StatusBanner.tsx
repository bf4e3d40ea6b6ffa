import { useEngine } from './EngineContext';

/** Loading progress while the engine builds a trace, or the engine's error. */
export function StatusBanner() {
  const status = useEngine((s) => s.status);
  const progress = useEngine((s) => s.progress);
  const error = useEngine((s) => s.error);
  if (status === 'error')
    return (
      <div className="banner banner-error" role="alert">
        <strong>The scenario could not be run.</strong> {error ?? 'Unknown error.'}
      </div>
    );
  if (status !== 'loading' && status !== 'idle') return null;
  const pct = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <div className="banner banner-loading" role="status">
      <span>
        Building the trace{progress?.label ? `: ${progress.label}` : '…'} {pct > 0 ? `${pct}%` : ''}
      </span>
      <progress max={1} value={progress?.fraction ?? 0} aria-label="Loading the scenario" />
    </div>
  );
}
