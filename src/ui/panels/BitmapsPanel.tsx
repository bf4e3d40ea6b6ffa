import { Marks } from '../../core';
import type { BitmapPanel } from '../../protocol/messages';
import { formatCount } from '../../render/units';
import { BitmapBlockView } from './BitmapBlockView';
import { useEngine } from '../shell/EngineContext';
import { Panel } from './Panel';
import { RtreeBitmapView } from './RtreeBitmapView';
import { PfnLink } from './PfnLink';
import { BitmapHeading } from './BitmapHeading';

const MASK: Readonly<Record<BitmapPanel['slot'], number>> = {
  orig_bm: Marks.BM_ORIG,
  copy_bm: Marks.BM_COPY,
  safe_highmem_bm: Marks.BM_SAFE_HIGH,
  forbidden_pages_map: Marks.NS,
  free_pages_map: Marks.NSF,
  zero_bm: Marks.BM_ZERO,
  tmp: Marks.BM_TMP,
};

function Position({ bm }: { bm: BitmapPanel }) {
  const p = bm.position;
  if (!p) return <span className="bm-pos">bm_position: reset (before the first bit)</span>;
  const zone = bm.instance.zones[p.zone]?.name ?? `zone ${p.zone}`;
  return (
    <span className="bm-pos">
      bm_position: {zone}, block {p.block}, chunk {p.chunk}, bit {p.bit} → pfn{' '}
      <PfnLink pfn={p.pfn} />
    </span>
  );
}

function BitmapView({ bm, flags }: { bm: BitmapPanel; flags: Uint8Array }) {
  const inst = bm.instance;
  let blockIndex = 0;
  return (
    <article className="bitmap" aria-label={bm.slot}>
      <BitmapHeading bm={bm} />
      <p className="bm-meta">
        <Position bm={bm} />
        <span>
          chain {inst.chainPfns.length === 1 ? 'page' : 'pages'}:{' '}
          {inst.chainPfns.map((p) => (
            <PfnLink key={p} pfn={p} />
          ))}
        </span>
      </p>
      <ol className="bm-zones">
        {inst.zones.map((z) => (
          <li key={z.name} className="bm-zone">
            <p className="bm-zone-head">
              <code>zone_bitmap</code> {z.name} · pfn {formatCount(z.startPfn)}–
              {formatCount(z.endPfn - 1)}
            </p>
            <ol className="bm-blocks">
              {z.blocks.map((b) => {
                const i = blockIndex++;
                const pos = bm.position && bm.position.block === i ? bm.position.pfn : null;
                return (
                  <BitmapBlockView
                    key={i}
                    index={i}
                    block={b}
                    flags={flags}
                    mask={MASK[bm.slot]}
                    revision={`${inst.id}/${bm.setBits}`}
                    positionPfn={pos}
                  />
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** Every live memory bitmap as the kernel builds it: zone_bitmap → bm_block → bits. */
export function BitmapsPanel() {
  const bitmaps = useEngine((s) => s.panels?.bitmaps ?? null);
  // Bitmaps are created after enough_free_mem() has run; before that none can exist.
  const early = useEngine((s) => (s.panels?.phase ?? 0) === 0 && !s.panels?.counters.enoughFreeMem);
  const model = useEngine((s) => s.info?.model ?? null);
  const frames = useEngine((s) => s.frames);
  // `frames` is updated in place: the version re-renders the bits.
  useEngine((s) => s.framesVersion);
  return (
    <Panel
      title="Memory bitmaps"
      className="bitmaps"
      note={bitmaps && bitmaps.length > 0 ? `${bitmaps.length} live` : undefined}
    >
      {bitmaps && bitmaps.length > 0 && frames ? (
        bitmaps.map((bm) =>
          bm.instance.rtree ? (
            <RtreeBitmapView key={bm.slot} bm={bm} flags={frames.flags} mask={MASK[bm.slot]} />
          ) : (
            <BitmapView key={bm.slot} bm={bm} flags={frames.flags} />
          ),
        )
      ) : (
        <p className="muted">
          {model === 'linux-2.6.17'
            ? 'linux-2.6.17 has no memory bitmaps: swsusp_alloc() builds the PBE pagedir, and resume works from the PBE list (see PBE lists).'
            : early
              ? model === 'linux-6.12'
                ? 'No memory bitmap exists yet: create_basic_memory_bitmaps() builds forbidden_pages_map and free_pages_map first.'
                : 'No memory bitmap exists yet: swsusp_alloc() creates orig_bm and copy_bm.'
              : 'No memory bitmap is live at this step.'}
        </p>
      )}
    </Panel>
  );
}
