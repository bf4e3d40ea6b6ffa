import { formatPages } from '../render/units';

/** enough_free_mem() as a bar: the lowmem it needs against the free lowmem there is. */
export function NeedBar({ available, needed }: { available: number; needed: number }) {
  const ok = available > needed;
  const scale = Math.max(available, needed, 1) * 1.04;
  const verdict = ok ? 'enough' : 'not enough';
  return (
    <figure
      className={ok ? 'needbar needbar-ok' : 'needbar needbar-short'}
      role="img"
      aria-label={`enough_free_mem: needs ${formatPages(needed)}, ${formatPages(available)} free: ${verdict}`}
    >
      <div className="needbar-track">
        <div className="needbar-avail" style={{ width: `${(available / scale) * 100}%` }} />
        <div className="needbar-need" style={{ width: `${(needed / scale) * 100}%` }} />
      </div>
      <figcaption>
        <span>
          need <b>{needed.toLocaleString('en-GB')}</b> {ok ? '<' : '≥'} free{' '}
          <b>{available.toLocaleString('en-GB')}</b>
        </span>
        <span className="verdict">{ok ? '✓ enough' : '✗ not enough'}</span>
      </figcaption>
    </figure>
  );
}
