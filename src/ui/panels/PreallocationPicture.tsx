import type { PreallocationCounters } from '../../protocol/messages';
import { formatCount } from '../../render/units';

interface Segment {
  key: string;
  label: string;
  n: number;
  cls: string;
}

/** One bar on the shared scale: its segments laid end to end. */
function Bar({
  name,
  segments,
  scale,
  total,
}: {
  name: string;
  segments: Segment[];
  scale: number;
  /** The number shown at the end (default: the segments' sum). */
  total?: number;
}) {
  const lefts: number[] = [];
  segments.reduce((at, seg) => (lefts.push(at), at + seg.n), 0);
  const sum = total ?? segments.reduce((a, s) => a + s.n, 0);
  return (
    <div className="pa-row">
      <span className="pa-name">{name}</span>
      <span
        className="pa-track"
        role="img"
        aria-label={`${name}: ${segments.map((s) => `${s.label} ${formatCount(s.n)}`).join(', ')}`}
      >
        {segments.map((s, i) => {
          const left = (lefts[i] / scale) * 100;
          return s.n > 0 ? (
            <span
              key={s.key}
              className={`pa-seg ${s.cls}`}
              style={{ left: `${left}%`, width: `${(s.n / scale) * 100}%` }}
              title={`${s.label}: ${formatCount(s.n)} pages`}
            />
          ) : null;
        })}
      </span>
      <span className="num">{formatCount(sum)}</span>
    </div>
  );
}

interface Mark {
  key: string;
  label: string;
  at: number;
  cls: string;
}

function n(v: number | null): string {
  return v === null ? '—' : formatCount(v);
}

/**
 * hibernate_preallocate_memory() as a picture on one scale, 0 … count (every frame the kernel
 * can use: saveable + free): what there is (saveable and free, lowmem and highmem), the sizes it
 * computes (size, max_size, the minimum image) as marks, and what it holds preallocated now in
 * lowmem and highmem, with the part free_unnecessary_pages() gave back.
 */
export function PreallocationPicture({
  p,
  pagesForIo,
}: {
  p: PreallocationCounters;
  pagesForIo: number | null;
}) {
  if (p.count === null || p.saveable === null)
    return (
      <figure className="prealloc prealloc-empty">
        <figcaption>
          <code>hibernate_preallocate_memory()</code> has not counted the pages yet.
        </figcaption>
      </figure>
    );
  const count = p.count;
  const saveHigh = p.saveableHighmem ?? 0;
  const saveLow = p.saveable - saveHigh;
  const freeLow = Math.max(0, (p.availNormal ?? 0) - saveLow);
  const freeHigh = Math.max(0, (p.highmem ?? 0) - saveHigh);
  const held = p.allocNormal + p.allocHighmem;
  const freed = p.freedUnnecessary ?? 0;
  const scale = Math.max(1, count, held + freed);
  const wraps = p.maxSize !== null && p.maxSize > count;
  const marks: Mark[] = [];
  if (p.targetSize !== null)
    marks.push({
      key: 'size',
      label: `size ${formatCount(p.targetSize)}`,
      at: p.targetSize,
      cls: 'pa-mark-size',
    });
  if (p.maxSize !== null)
    marks.push({
      key: 'max',
      label: wraps ? 'max_size wraps ▸' : `max_size ${formatCount(p.maxSize)}`,
      at: Math.min(p.maxSize, scale),
      cls: 'pa-mark-max',
    });
  if (p.minimumImageSize !== null)
    marks.push({
      key: 'min',
      label: `minimum ${formatCount(p.minimumImageSize)}`,
      at: p.minimumImageSize,
      cls: 'pa-mark-min',
    });
  const verdict =
    p.path === null
      ? 'computing…'
      : p.path === 'fits'
        ? `fits: size ${formatCount(p.targetSize ?? 0)} ≥ saveable ${formatCount(p.saveable)}, preallocate what is saveable`
        : `shrink: saveable ${formatCount(p.saveable)} > size ${formatCount(p.targetSize ?? 0)}, shrink_all_memory(${n(p.shrinkRequest)}), preallocate, give back the rest`;
  const label = [
    `hibernate_preallocate_memory(): count ${formatCount(count)}, saveable ${formatCount(p.saveable)}`,
    p.maxSize !== null ? `max_size ${formatCount(p.maxSize)}` : null,
    p.targetSize !== null ? `size ${formatCount(p.targetSize)}` : null,
    p.path ? `${p.path} path` : null,
    `preallocated ${formatCount(p.allocNormal)} lowmem and ${formatCount(p.allocHighmem)} highmem`,
    p.freedUnnecessary !== null ? `free_unnecessary_pages() gave back ${formatCount(freed)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <figure className="prealloc" aria-label={label}>
      <p className={`pa-path pa-path-${p.path ?? 'none'}`}>
        <code>hibernate_preallocate_memory()</code> · {verdict}
      </p>
      <div className="pa-chart">
        <Bar
          name="count"
          scale={scale}
          segments={[
            { key: 'sl', label: 'saveable lowmem', n: saveLow, cls: 'pa-save-low' },
            { key: 'fl', label: 'free lowmem', n: freeLow, cls: 'pa-free-low' },
            { key: 'sh', label: 'saveable highmem', n: saveHigh, cls: 'pa-save-high' },
            { key: 'fh', label: 'free highmem', n: freeHigh, cls: 'pa-free-high' },
          ]}
        />
        <Bar
          name="saveable"
          scale={scale}
          segments={[
            { key: 'sl', label: 'lowmem', n: saveLow, cls: 'pa-save-low' },
            { key: 'sh', label: 'highmem', n: saveHigh, cls: 'pa-save-high' },
          ]}
        />
        <Bar
          name="preallocated"
          scale={scale}
          total={held}
          segments={[
            { key: 'an', label: 'alloc_normal (lowmem)', n: p.allocNormal, cls: 'pa-alloc-low' },
            { key: 'ah', label: 'alloc_highmem', n: p.allocHighmem, cls: 'pa-alloc-high' },
            {
              key: 'fr',
              label: 'given back by free_unnecessary_pages()',
              n: freed,
              cls: 'pa-freed',
            },
          ]}
        />
        <div className="pa-marks" aria-hidden="true">
          {marks.map((m) => (
            <span
              key={m.key}
              className={`pa-mark ${m.cls}`}
              style={{ left: `${(m.at / scale) * 100}%` }}
            />
          ))}
        </div>
      </div>
      {marks.length > 0 && (
        <ul className="pa-key pa-mark-key" aria-hidden="true">
          {marks.map((m) => (
            <li key={m.key}>
              <span className={`pa-mark-swatch ${m.cls}`} />
              {m.label}
            </li>
          ))}
        </ul>
      )}
      <ul className="pa-key" aria-hidden="true">
        <li>
          <span className="pa-swatch pa-save-low" />
          saveable low
        </li>
        <li>
          <span className="pa-swatch pa-free-low" />
          free low
        </li>
        <li>
          <span className="pa-swatch pa-save-high" />
          saveable high
        </li>
        <li>
          <span className="pa-swatch pa-free-high" />
          free high
        </li>
        <li>
          <span className="pa-swatch pa-alloc-low" />
          preallocated low
        </li>
        <li>
          <span className="pa-swatch pa-alloc-high" />
          preallocated high
        </li>
        <li>
          <span className="pa-swatch pa-freed" />
          given back
        </li>
      </ul>
      <figcaption className="pa-formula">
        max_size = (count − (size + PAGES_FOR_IO)) / 2 − 2 × reserved_size, with size = Σ
        snapshot_additional_pages(): ({n(count)} − ({n(p.metaEstimate)} +{' '}
        {pagesForIo === null ? 'PAGES_FOR_IO' : formatCount(pagesForIo)})) / 2 − 2 × reserved_size ={' '}
        <b>{n(p.maxSize)}</b>
        {wraps && ' (wrapped: 32-bit unsigned arithmetic went below 0)'}
      </figcaption>
      <dl className="pa-figures">
        <div>
          <dt>saveable</dt>
          <dd>{n(p.saveable)}</dd>
        </div>
        <div>
          <dt>count</dt>
          <dd>{n(p.count)}</dd>
        </div>
        <div>
          <dt>max_size</dt>
          <dd>{n(p.maxSize)}</dd>
        </div>
        <div>
          <dt>size (target)</dt>
          <dd>{n(p.targetSize)}</dd>
        </div>
        <div>
          <dt>path</dt>
          <dd>{p.path ?? '—'}</dd>
        </div>
        <div>
          <dt>minimum_image_size</dt>
          <dd>{n(p.minimumImageSize)}</dd>
        </div>
        <div>
          <dt>shrink request</dt>
          <dd>{n(p.shrinkRequest)}</dd>
        </div>
        <div>
          <dt>alloc_normal</dt>
          <dd>{formatCount(p.allocNormal)}</dd>
        </div>
        <div>
          <dt>alloc_highmem</dt>
          <dd>{formatCount(p.allocHighmem)}</dd>
        </div>
        <div>
          <dt>given back</dt>
          <dd>{n(p.freedUnnecessary)}</dd>
        </div>
        <div>
          <dt>allocated</dt>
          <dd>{n(p.allocated)}</dd>
        </div>
        <div>
          <dt>top-up low / high</dt>
          <dd>
            {formatCount(p.topUp.lowmem)} / {formatCount(p.topUp.highmem)}
          </dd>
        </div>
        <div>
          <dt>zero pages</dt>
          <dd>{formatCount(p.zeroPages)}</dd>
        </div>
      </dl>
    </figure>
  );
}
