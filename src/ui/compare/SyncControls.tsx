import { PHASE_NAMES } from '../../core';
import { Icon } from '../shell/Icons';
import { PREALLOCATION_NAME, PREALLOCATION_PHASE } from '../shell/url';
import type { SyncPos } from './sync';
import { atFirst, atLast, nextPos, prevPos } from './sync';

/** Seconds one phase takes when played. */
export const PHASE_DURATIONS: readonly number[] = [3, 6, 12, 24, 48];
export const DEFAULT_DURATION = 6;

export interface SyncControlsProps {
  /** Phase ids either run goes through. */
  phases: readonly number[];
  pos: SyncPos;
  onChange: (pos: SyncPos) => void;
  playing: boolean;
  onTogglePlay: () => void;
  duration: number;
  onDuration: (seconds: number) => void;
  disabled: boolean;
}

export function phaseName(phase: number): string {
  if (phase === PREALLOCATION_PHASE) return PREALLOCATION_NAME;
  return PHASE_NAMES[phase] ?? `phase ${phase}`;
}

/** The shared control row: moves both runs to the same phase and the same place in it. */
export function SyncControls({
  phases,
  pos,
  onChange,
  playing,
  onTogglePlay,
  duration,
  onDuration,
  disabled,
}: SyncControlsProps) {
  const index = phases.indexOf(pos.phase);
  const name = phaseName(pos.phase);
  const pct = Math.round(pos.frac * 100);
  return (
    <div className="sync-controls" role="group" aria-label="Both runs, phase by phase">
      <div className="transport">
        <button
          type="button"
          className="btn"
          aria-label="Previous phase"
          title="Previous phase (PageUp)"
          aria-keyshortcuts="PageUp"
          disabled={disabled || atFirst(phases, pos)}
          onClick={() => onChange(prevPos(phases, pos))}
        >
          <Icon name="prevPhase" />
        </button>
        <button
          type="button"
          className="btn btn-primary"
          aria-label={playing ? 'Pause' : 'Play this phase'}
          title={playing ? 'Pause' : 'Play this phase in both runs'}
          disabled={disabled}
          onClick={onTogglePlay}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="btn"
          aria-label="Next phase"
          title="Next phase (PageDown)"
          aria-keyshortcuts="PageDown"
          disabled={disabled || atLast(phases, pos)}
          onClick={() => onChange(nextPos(phases, pos))}
        >
          <Icon name="nextPhase" />
        </button>
      </div>
      <ol className="phase-steps" aria-label="Phases">
        {phases.map((p) => (
          <li key={p}>
            <button
              type="button"
              className={`phase-step phase-${p}`}
              aria-current={p === pos.phase ? 'step' : undefined}
              disabled={disabled}
              onClick={() => onChange({ phase: p, frac: 0 })}
            >
              {phaseName(p)}
            </button>
          </li>
        ))}
      </ol>
      <label className="phase-slider">
        <span className="phase-slider-text num">
          {disabled ? 'Phase –' : `Phase ${index + 1} of ${phases.length}: ${name}, ${pct}%`}
        </span>
        <input
          type="range"
          aria-label="Position in the phase"
          aria-valuetext={`${name}: ${pct}%`}
          min={0}
          max={1000}
          step={1}
          value={Math.round(pos.frac * 1000)}
          disabled={disabled}
          onChange={(e) => onChange({ phase: pos.phase, frac: Number(e.target.value) / 1000 })}
        />
      </label>
      <label className="field">
        <span>A phase takes</span>
        <select
          aria-label="A phase takes"
          value={String(duration)}
          onChange={(e) => onDuration(Number(e.target.value))}
        >
          {PHASE_DURATIONS.map((d) => (
            <option key={d} value={String(d)}>
              {d} s
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
