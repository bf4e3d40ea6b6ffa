import { useId } from 'react';
import { PRESET_SUMMARIES } from './presets';

/** The picker's value while a scenario of one's own (from a link or a file) is shown. */
export const CUSTOM_SCENARIO = '(custom)';

interface ScenarioPickerProps {
  value: string;
  onChange: (preset: string) => void;
  /** The name of the machine of one's own shown (value CUSTOM_SCENARIO). */
  customName?: string;
}

/** The preset picker, with the machine in one line and its description on demand. */
export function ScenarioPicker({ value, onChange, customName }: ScenarioPickerProps) {
  const id = useId();
  const current = PRESET_SUMMARIES.find((p) => p.name === value);
  return (
    <div className="scenario">
      <label className="field" htmlFor={id}>
        <span>Scenario</span>
      </label>
      <select
        id={id}
        aria-label="Scenario"
        value={value}
        onChange={(e) => {
          // Release the focus: the next → steps the run instead of loading the next machine.
          e.target.blur();
          onChange(e.target.value);
        }}
      >
        {value === CUSTOM_SCENARIO && (
          <option value={CUSTOM_SCENARIO}>{customName ?? 'Your machine'} (your own)</option>
        )}
        {PRESET_SUMMARIES.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title} ({p.name})
          </option>
        ))}
      </select>
      {current && (
        <details className="machine">
          <summary>
            <span className="machine-size">{current.size}</span>
            <span className="machine-more">About this machine</span>
            <span className="machine-zones">{current.zones}</span>
          </summary>
          <p>{current.description}</p>
        </details>
      )}
    </div>
  );
}
