import { ROLE_COUNT, ROLE_NAMES } from '../../core';
import { ARROW_COLOURS, ARROW_LABELS, ROLE_STYLES, countRoles, formatCount } from '../../render';
import type { Arrow } from '../../protocol/messages';
import { useEngine } from '../shell/EngineContext';
import { RoleSwatch } from './RoleSwatch';

/** Every role of core/roles.ts with its colour, glyph and how many frames have it now. */
export function Legend() {
  const frames = useEngine((s) => s.frames);
  // `frames` is updated in place: subscribing to the version re-renders on every change.
  useEngine((s) => s.framesVersion);
  const arrows = useEngine((s) => s.panels?.arrows ?? null);
  const counts = frames ? countRoles(frames.role, ROLE_COUNT) : new Uint32Array(ROLE_COUNT);
  const kinds = [...new Set((arrows ?? []).map((a: Arrow) => a.kind))];
  return (
    <div className="legend">
      <ul className="legend-roles" aria-label="Legend: frame roles">
        {ROLE_STYLES.map((st, role) => (
          <li
            key={role}
            className={counts[role] > 0 ? 'legend-item' : 'legend-item legend-absent'}
            title={`${ROLE_NAMES[role]}: ${formatCount(counts[role])} frames now`}
          >
            <RoleSwatch role={role} />
            <span className="legend-name">{ROLE_NAMES[role]}</span>
            <span className="legend-count">{formatCount(counts[role])}</span>
          </li>
        ))}
      </ul>
      <p className="legend-marks">
        <span className="key-ring" aria-hidden="true" /> touched by this step
        <span className="key-selected" aria-hidden="true" /> inspected
        {kinds.map((k) => (
          <span key={k} className="key-arrow">
            <span style={{ color: ARROW_COLOURS[k] }} aria-hidden="true">
              ⟶
            </span>{' '}
            {ARROW_LABELS[k]}
          </span>
        ))}
      </p>
    </div>
  );
}
