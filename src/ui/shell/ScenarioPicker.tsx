import { useId } from 'react';
import type { ReactNode } from 'react';
import { machineKey, machineName, useMachines } from '../editor/machines';
import { PRESET_SUMMARIES, summarise } from './presets';

/** The picker's value while a scenario of one's own (from a link or a file) is shown. */
export const CUSTOM_SCENARIO = '(custom)';

interface ScenarioPickerProps {
  value: string;
  onChange: (preset: string) => void;
  /** Shown in the "About this machine" box (actions on a saved machine). */
  children?: ReactNode;
  /** Shown right after the picker (the "New machine" button). */
  tools?: ReactNode;
  /** The name of the machine of one's own shown (value CUSTOM_SCENARIO). */
  customName?: string;
}

/** The preset picker, with the machine in one line and its description on demand. */
export function ScenarioPicker({
  value,
  onChange,
  children,
  tools,
  customName,
}: ScenarioPickerProps) {
  const id = useId();
  const machines = useMachines();
  const mine = machines.map((m) => summarise(machineKey(m.id), m.doc));
  const current =
    PRESET_SUMMARIES.find((p) => p.name === value) ?? mine.find((p) => p.name === value);
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
        <optgroup label="Presets">
          {PRESET_SUMMARIES.map((p) => (
            <option key={p.name} value={p.name}>
              {p.title} ({p.name})
            </option>
          ))}
        </optgroup>
        {machines.length > 0 && (
          <optgroup label="Your machines">
            {machines.map((m) => (
              <option key={m.id} value={machineKey(m.id)}>
                {machineName(m)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {tools}
      {current && (
        <details className="machine">
          <summary>
            <span className="machine-size">{current.size}</span>
            <span className="machine-more">About this machine</span>
            <span className="machine-zones">{current.zones}</span>
          </summary>
          <div className="machine-about">
            <p>
              <strong className="machine-title">{current.title}</strong> {current.description}
            </p>
            {children}
          </div>
        </details>
      )}
    </div>
  );
}
