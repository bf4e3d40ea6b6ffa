import { formatCount } from '../../render/units';
import { useEngine } from '../shell/EngineContext';
import './playback.css';

/** "Step k of n", always visible, with the phase of the step. */
export function StepCounter() {
  const step = useEngine((s) => s.step);
  const total = useEngine((s) => s.info?.totalSteps ?? null);
  const phase = useEngine((s) => s.panels?.phaseName ?? '');
  if (total === null) return <p className="step-counter">Step – of –</p>;
  return (
    <p className="step-counter">
      <span className="step-text">
        Step {formatCount(step)} of {formatCount(total)}
      </span>
      {phase && <span className="step-phase">{phase}</span>}
    </p>
  );
}
