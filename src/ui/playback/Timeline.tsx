import { useEngine, useEngineStore } from '../shell/EngineContext';
import './playback.css';

/** The step slider, over coloured bands of the run's phases. */
export function Timeline() {
  const store = useEngineStore();
  const step = useEngine((s) => s.step);
  const info = useEngine((s) => s.info);
  const total = info?.totalSteps ?? 0;
  const phases = info?.phases ?? [];
  const current = phases.find((p) => step >= p.start && step <= p.end && p.end > p.start);

  return (
    <div className="timeline">
      <div className="phase-bands" aria-hidden="true">
        {phases.map((p) => {
          const w = total > 0 ? ((p.end - p.start) / total) * 100 : 0;
          if (w <= 0) return null;
          return (
            <div
              key={p.phase}
              className={`phase-band phase-${p.phase}${current === p ? ' phase-current' : ''}`}
              style={{ left: `${(p.start / Math.max(1, total)) * 100}%`, width: `${w}%` }}
              title={`${p.name}: steps ${p.start}–${p.end}`}
            >
              <span>{p.name}</span>
            </div>
          );
        })}
      </div>
      <input
        type="range"
        className="timeline-slider"
        aria-label="Timeline"
        aria-valuetext={`Step ${step} of ${total}${current ? `, ${current.name}` : ''}`}
        min={0}
        max={total}
        step={1}
        value={Math.min(step, total)}
        disabled={!info}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
    </div>
  );
}
