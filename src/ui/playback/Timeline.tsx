import { formatCount } from '../../render/units';
import { useEngine, useEngineStore } from '../shell/EngineContext';
import './playback.css';

/**
 * The step slider, over coloured bands of the run's phases. While a long run is still being
 * traced the slider spans the engine's estimate of its length: the traced part shows its phases,
 * the rest is hatched, and a seek into it waits until the trace gets there.
 */
export function Timeline() {
  const store = useEngineStore();
  const step = useEngine((s) => s.step);
  const info = useEngine((s) => s.info);
  const total = info?.totalSteps ?? 0;
  const tracing = info !== null && !info.complete;
  const span = tracing ? Math.max(info.expectedSteps, total) : total;
  const phases = info?.phases ?? [];
  const current = phases.find((p) => step >= p.start && step <= p.end && p.end > p.start);
  const at = (s: number) => `${(s / Math.max(1, span)) * 100}%`;

  return (
    <div className="timeline">
      <div className="phase-bands" aria-hidden="true">
        {phases.map((p) => {
          const w = span > 0 ? ((p.end - p.start) / span) * 100 : 0;
          if (w <= 0) return null;
          return (
            <div
              key={p.phase}
              className={`phase-band phase-${p.phase}${current === p ? ' phase-current' : ''}`}
              style={{ left: at(p.start), width: `${w}%` }}
              title={`${p.name}: steps ${p.start}–${p.end}`}
            >
              <span>{p.name}</span>
            </div>
          );
        })}
        {tracing && (
          <div
            className="untraced-band"
            style={{ left: at(total), right: 0 }}
            title={`Not traced yet: the run is traced up to step ${formatCount(total)} so far`}
          />
        )}
      </div>
      <input
        type="range"
        className="timeline-slider"
        aria-label="Timeline"
        aria-valuetext={
          tracing
            ? `Step ${step}, traced ${total} so far${current ? `, ${current.name}` : ''}`
            : `Step ${step} of ${total}${current ? `, ${current.name}` : ''}`
        }
        min={0}
        max={span}
        step={1}
        value={Math.min(step, span)}
        disabled={!info}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
    </div>
  );
}
