import { formatCount, formatPages } from '../../render/units';

/** enough_free_mem() as two bars on one scale: the free lowmem there is, and what it needs. */
export function NeedBar({ available, needed }: { available: number; needed: number }) {
  const ok = available > needed;
  const scale = Math.max(available, needed, 1);
  const verdict = ok ? 'enough' : 'not enough';
  const row = (label: string, n: number, cls: string) => (
    <div className="needbar-row">
      <span className="needbar-label">{label}</span>
      <span className="needbar-track">
        <span className={cls} style={{ width: `${(n / scale) * 100}%` }} />
      </span>
      <span className="num">{formatCount(n)}</span>
    </div>
  );
  return (
    <figure
      className={ok ? 'needbar needbar-ok' : 'needbar needbar-short'}
      role="img"
      aria-label={`enough_free_mem: needs ${formatPages(needed)}, ${formatPages(available)} free: ${verdict}`}
    >
      {row('free lowmem', available, 'needbar-avail')}
      {row('needed', needed, 'needbar-need')}
      <figcaption>
        <code>enough_free_mem()</code>: {formatCount(available)} {ok ? '>' : '≤'}{' '}
        {formatCount(needed)} <span className="verdict">{ok ? '✓ enough' : '✗ not enough'}</span>
      </figcaption>
    </figure>
  );
}
