import { useId } from 'react';
import type { ModelId } from '../../core';
import { MODEL_ORDER, MODEL_TITLES } from './models';

interface ModelPickerProps {
  /** The model shown (the run's, or the one being loaded). */
  value: ModelId;
  onChange: (model: ModelId) => void;
}

/** The kernel model the scenario runs under: 2.6.17, 2.6.20 or 6.12. */
export function ModelPicker({ value, onChange }: ModelPickerProps) {
  const id = useId();
  return (
    <div className="model-picker">
      <label className="field" htmlFor={id}>
        <span>Model</span>
      </label>
      <select
        id={id}
        aria-label="Model"
        value={value}
        title={MODEL_TITLES[value].about}
        onChange={(e) => {
          // As the scenario picker: release the focus so the next → steps the run.
          e.target.blur();
          const next = MODEL_ORDER.find((m) => m === e.target.value);
          if (next) onChange(next);
        }}
      >
        {MODEL_ORDER.map((m) => (
          <option key={m} value={m}>
            Linux {MODEL_TITLES[m].version}
          </option>
        ))}
      </select>
    </div>
  );
}
