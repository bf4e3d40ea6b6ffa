import { useEffect, useRef } from 'react';
import type { ImagePanel as ImageData, ImagePanelPage } from '../../protocol/messages';
import { formatCount, formatPages } from '../../render/units';
import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';
import { PfnLink } from './PfnLink';
import { scrollIntoViewWithin } from '../shell/scrollWithin';

function Progress({ label, n, total }: { label: string; n: number; total: number }) {
  return (
    <div className="progress-row">
      <span className="progress-label">{label}</span>
      <progress
        max={Math.max(1, total)}
        value={n}
        aria-label={`${label}: ${n} of ${total} pages`}
      />
      <span className="num">
        {formatCount(n)} / {formatCount(total)}
      </span>
    </div>
  );
}

function Slot({ page, image }: { page: ImagePanelPage; image: ImageData }) {
  const written = page.index < image.written;
  const read = page.index < image.read;
  const current = image.current === page.index;
  const cls = [
    'slot',
    `slot-${page.kind}`,
    written ? 'slot-written' : 'slot-empty',
    read ? 'slot-read' : '',
    current ? 'slot-current' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={cls} aria-current={current ? 'step' : undefined}>
      <span className="slot-index">#{page.index}</span>
      {page.kind === 'header' && <span className="slot-kind">header</span>}
      {page.kind === 'meta' && (
        <span
          className="slot-kind"
          title="A meta page lists the pfns of the data pages that follow, 1,024 entries per page"
        >
          meta page · entries {formatCount(page.pfn)}+
        </span>
      )}
      {page.kind === 'data' && (
        <span className="slot-kind">
          pfn <PfnLink pfn={page.pfn} />
        </span>
      )}
      {read && (
        <span className="slot-tick" aria-label="read back">
          ✓
        </span>
      )}
    </li>
  );
}

/**
 * linux-6.12: a zero page has its pfn in a meta page (bit 31 set) but no data page of its own;
 * it stands where its data page would be, and the boot kernel memsets the frame instead.
 */
function ZeroSlot({ pfn }: { pfn: number }) {
  return (
    <li className="slot slot-zero" title="Listed in the meta pages with bit 31 set; no data page">
      <span className="slot-index">zero</span>
      <span className="slot-kind">
        pfn <PfnLink pfn={pfn} />
      </span>
      <span className="slot-none">no data page</span>
    </li>
  );
}

/** The window's pages with the zero pages put in pfn order among the data pages. */
function withZero(image: ImageData) {
  const zero = image.zero?.pfns ?? [];
  const out: ({ page: ImagePanelPage } | { zero: number })[] = [];
  let z = 0;
  for (const page of image.window) {
    if (page.kind === 'data')
      while (z < zero.length && zero[z] < page.pfn) out.push({ zero: zero[z++] });
    out.push({ page });
  }
  while (z < zero.length) out.push({ zero: zero[z++] });
  return out;
}

/** The image on swap: header, meta pages with their pfns, data pages; the one in flight marked. */
export function ImagePanel() {
  const image = useEngine((s) => s.panels?.image ?? null);
  const list = useRef<HTMLOListElement>(null);
  const current = image?.current ?? null;
  useEffect(() => {
    scrollIntoViewWithin(list.current?.querySelector<HTMLElement>('[aria-current="step"]') ?? null);
  }, [current]);
  // Until swsusp_write() starts, the image exists only in RAM (copies plus orig_bm).
  if (!image || image.total === 0 || (image.written === 0 && image.read === 0 && current === null))
    return (
      <Panel title="Image" className="image">
        <p className="muted">No image on swap yet: swsusp_write() writes it after the snapshot.</p>
      </Panel>
    );
  const data = image.total - 1 - image.metaPages;
  const first = image.window[0]?.index ?? 0;
  const after = image.total - first - image.window.length;
  return (
    <Panel title="Image" className="image" note={formatPages(image.total)}>
      <p className="image-parts">
        1 header · {formatCount(image.metaPages)} meta · {formatCount(data)} data
        {image.zero && (
          <>
            {' '}
            · {formatCount(image.zero.total)} zero{' '}
            <span className="muted">(in the meta pages, no data page)</span>
          </>
        )}
      </p>
      <Progress label="written" n={image.written} total={image.total} />
      {image.read > 0 && <Progress label="read" n={image.read} total={image.total} />}
      <ol className="slots" aria-label="Image pages on swap" ref={list}>
        {first > 0 && <li className="slot-more">… {formatCount(first)}</li>}
        {withZero(image).map((e) =>
          'page' in e ? (
            <Slot key={e.page.index} page={e.page} image={image} />
          ) : (
            <ZeroSlot key={`z${e.zero}`} pfn={e.zero} />
          ),
        )}
        {after > 0 && <li className="slot-more">{formatCount(after)} more …</li>}
      </ol>
    </Panel>
  );
}
