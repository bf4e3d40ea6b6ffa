import { ROLE_STYLES } from '../../render';

/** A role's colour and glyph, as the grid draws it; the legend and the compare key both use it. */
export function RoleSwatch({ role }: { role: number }) {
  const st = ROLE_STYLES[role];
  return (
    <span className="swatch" style={{ background: st.fill, color: st.ink }} aria-hidden="true">
      {st.glyph}
    </span>
  );
}
