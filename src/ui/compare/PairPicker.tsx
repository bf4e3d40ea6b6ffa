import { useId } from 'react';
import type { ModelId } from '../../core';
import { MODEL_ORDER, MODEL_TITLES } from '../shell/models';
import type { ModelPair } from './models';

/** The two models compared: a select per side; picking the other side's model swaps them. */
export function PairPicker({
  pair,
  onChange,
}: {
  pair: ModelPair;
  onChange: (side: 0 | 1, model: ModelId) => void;
}) {
  const id = useId();
  const side = (i: 0 | 1, label: string) => (
    <select
      id={`${id}-${i}`}
      aria-label={label}
      value={pair[i]}
      onChange={(e) => {
        // Release the focus: PageUp / PageDown move by phase again.
        e.target.blur();
        const m = MODEL_ORDER.find((x) => x === e.target.value);
        if (m) onChange(i, m);
      }}
    >
      {MODEL_ORDER.map((m) => (
        <option key={m} value={m}>
          Linux {MODEL_TITLES[m].version}
        </option>
      ))}
    </select>
  );
  return (
    <div className="pair-picker" role="group" aria-label="Models compared">
      <label className="field" htmlFor={`${id}-0`}>
        <span>Models</span>
      </label>
      {side(0, 'Left model')}
      <span aria-hidden="true">↔</span>
      {side(1, 'Right model')}
    </div>
  );
}
