import { OVERLAYS } from '../../render';
import type { OverlayKey, OverlaySet } from '../../render';

interface OverlayTogglesProps {
  value: OverlaySet;
  onChange: (next: OverlaySet) => void;
}

/** One checkbox per overlay, each with its colour and a one-line hint. */
export function OverlayToggles({ value, onChange }: OverlayTogglesProps) {
  const toggle = (key: OverlayKey) => {
    const next = new Set(value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onChange(next);
  };
  return (
    <fieldset className="overlays">
      <legend>Overlays</legend>
      {OVERLAYS.map((o) => (
        <label key={o.key} className="overlay-toggle" title={o.hint}>
          <input type="checkbox" checked={value.has(o.key)} onChange={() => toggle(o.key)} />
          <span className="chip" style={{ background: o.colour }} aria-hidden="true" />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
