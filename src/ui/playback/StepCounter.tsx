import { formatCount } from '../../render/units';
import { useEngine } from '../shell/EngineContext';
import './playback.css';

/**
 * "Step k of n", always visible, with the phase of the step. While a long run is still being
 * traced: how far it is traced so far, and, when a seek or a link asked for a step beyond that,
 * a progress bar towards it.
 */
export function StepCounter() {
  const step = useEngine((s) => s.step);
  const total = useEngine((s) => s.info?.totalSteps ?? null);
  const tracing = useEngine((s) => s.info !== null && !s.info.complete);
  const awaiting = useEngine((s) => s.awaiting);
  const phase = useEngine((s) => s.panels?.phaseName ?? '');
  if (total === null) return <p className="step-counter">Step – of –</p>;
  return (
    <div className="step-counter">
      <span className="step-text">
        Step {formatCount(step)} of {formatCount(total)}
        {tracing && <span className="step-traced"> traced so far</span>}
      </span>
      {phase && <span className="step-phase">{phase}</span>}
      {awaiting !== null && (
        <span className="trace-wait" role="status">
          Going to step {formatCount(awaiting)} once it is traced…{' '}
          <progress
            max={awaiting}
            value={Math.min(total, awaiting)}
            aria-label={`Traced ${formatCount(total)} of the ${formatCount(awaiting)} steps needed`}
          />
        </span>
      )}
    </div>
  );
}
