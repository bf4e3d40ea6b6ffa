import { useState } from 'react';
import { useSelection } from '../shell/SelectionContext';

/** Opens any frame by number: type a pfn, press Enter. */
export function PfnInput({ max }: { max: number }) {
  const { select } = useSelection();
  const [text, setText] = useState('');
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= 0 && n < max;
  return (
    <form
      className="pfn-input"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) select(n);
      }}
    >
      <label>
        <span>Frame</span>
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={max - 1}
          placeholder="pfn"
          aria-label="Frame number"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-small" disabled={!valid}>
        Inspect
      </button>
    </form>
  );
}
