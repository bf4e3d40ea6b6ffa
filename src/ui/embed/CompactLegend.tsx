import { ROLE_COUNT, ROLE_NAMES } from '../../core';
import { countRoles } from '../../render';
import { useEngine } from '../shell/EngineContext';
import { RoleSwatch } from '../frames/RoleSwatch';
import './embed.css';

/**
 * The embed's legend: one wrapped line of the roles the grid shows now (swatch and name), so a
 * reader of a doc page can tell the letters apart without the full legend's counts and marks.
 */
export function CompactLegend() {
  const frames = useEngine((s) => s.frames);
  // `frames` is updated in place: the version re-renders on every change.
  useEngine((s) => s.framesVersion);
  if (!frames) return null;
  const counts = countRoles(frames.role, ROLE_COUNT);
  const shown = ROLE_NAMES.map((name, role) => ({ name, role })).filter(
    ({ role }) => counts[role] > 0,
  );
  return (
    <ul className="compact-legend" aria-label="Legend: frame roles shown">
      {shown.map(({ name, role }) => (
        <li key={role}>
          <RoleSwatch role={role} />
          {name}
        </li>
      ))}
      <li className="compact-legend-ring">
        <span className="key-ring" aria-hidden="true" />
        touched by this step
      </li>
    </ul>
  );
}
