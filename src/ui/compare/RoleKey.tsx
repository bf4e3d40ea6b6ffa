import { useStore } from 'zustand';
import { ROLE_COUNT, ROLE_NAMES } from '../../core';
import { ROLE_STYLES, countRoles, formatCount } from '../../render';
import type { EngineStore } from '../../store/engineStore';
import { RoleSwatch } from '../frames/RoleSwatch';

function useRoleCounts(store: EngineStore): Uint32Array | null {
  const frames = useStore(store, (s) => s.frames);
  // Frames are updated in place: the version re-renders on every change.
  useStore(store, (s) => s.framesVersion);
  return frames ? countRoles(frames.role, ROLE_COUNT) : null;
}

/** One key for both grids: the roles either grid shows now, with each side's count. */
export function RoleKey({
  legacy,
  modern,
  names = ['2.6.17', '2.6.20'],
}: {
  legacy: EngineStore;
  modern: EngineStore;
  /** The two kernels' versions, left then right. */
  names?: readonly [string, string];
}) {
  const a = useRoleCounts(legacy);
  const b = useRoleCounts(modern);
  if (!a || !b) return null;
  const roles = ROLE_STYLES.map((_, role) => role).filter((role) => a[role] > 0 || b[role] > 0);
  return (
    <ul
      className="role-key"
      aria-label={`Key: frame roles in the two grids (${names[0]} / ${names[1]} counts)`}
    >
      {roles.map((role) => (
        <li
          key={role}
          title={`${ROLE_NAMES[role]}: ${a[role]} frames in ${names[0]}, ${b[role]} in ${names[1]}`}
        >
          <RoleSwatch role={role} />
          <span className="role-key-name">{ROLE_NAMES[role]}</span>
          <span className="role-key-counts num">
            {formatCount(a[role])} / {formatCount(b[role])}
          </span>
        </li>
      ))}
    </ul>
  );
}
