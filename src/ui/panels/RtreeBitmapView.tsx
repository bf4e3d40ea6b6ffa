import type { BitmapBlock, BitmapInstance } from '../../core';
import type { BitmapPanel } from '../../protocol/messages';
import { formatCount } from '../../render/units';
import { density } from './BitmapBlockView';
import { PfnLink } from './PfnLink';
import { BitmapHeading } from './BitmapHeading';

/** Up to this many leaves each gets its own box; above it, a window around bm_position. */
const LEAF_BOXES = 32;
/** The bits shown one square each: the whole leaf up to this size, else a window around cur. */
const BIT_WINDOW = 256;

/** What each bitmap is for, in the kernel's terms (the panel's subtitle). */
const PURPOSE: Readonly<Record<BitmapPanel['slot'], string>> = {
  forbidden_pages_map: 'basic bitmap: pages the snapshot code owns (was PageNosave)',
  free_pages_map: 'basic bitmap: free or snapshot-owned pages; on resume, unsafe pfns',
  orig_bm: 'the pfns to save',
  copy_bm: 'the frames their copies go to',
  zero_bm: 'the saved pfns whose page is all zeros: no data page',
  tmp: 'prepare_image(): a copy of the image pfns, then freed',
  safe_highmem_bm: 'safe highmem pages for highmem image pages',
};

interface LeafRef {
  /** Index of the leaf in its tree (cur.node) and in the whole bitmap (bm_position's block). */
  node: number;
  global: number;
  block: BitmapBlock;
}

/** The leaf bm_position is in: its tree (extent), the leaf, and the pfn's bit in it. */
function positionIn(inst: BitmapInstance, bm: BitmapPanel) {
  const p = bm.position;
  if (!p) return null;
  const zone = inst.zones[p.zone] as BitmapInstance['zones'][number] | undefined;
  if (!zone) return null;
  let before = 0;
  for (let z = 0; z < p.zone; z++) before += inst.zones[z].blocks.length;
  const node = p.block - before;
  const block = zone.blocks[node] as BitmapBlock | undefined;
  if (!block) return null;
  return { extent: p.zone, node, bit: p.pfn - block.startPfn, pfn: p.pfn, block };
}

function setIn(block: BitmapBlock, flags: Uint8Array, mask: number, revision: string): number {
  return density(block, flags, mask, revision).set;
}

function LeafBox({
  leaf,
  flags,
  mask,
  revision,
  current,
}: {
  leaf: LeafRef;
  flags: Uint8Array;
  mask: number;
  revision: string;
  current: boolean;
}) {
  const b = leaf.block;
  const bits = b.endPfn - b.startPfn;
  const set = setIn(b, flags, mask, revision);
  const fill = bits > 0 ? set / bits : 0;
  return (
    <li
      className={`rt-leaf${current ? ' rt-current' : ''}`}
      aria-current={current ? 'location' : undefined}
      title={`leaf ${leaf.node}: pfn ${formatCount(b.startPfn)}–${formatCount(b.endPfn - 1)}, ${formatCount(set)} of ${formatCount(bits)} bits set`}
    >
      <span className="rt-fill" style={{ height: `${Math.round(fill * 100)}%` }} />
      <span className="rt-leaf-name">leaf {leaf.node}</span>
      <PfnLink pfn={b.dataPfn} />
    </li>
  );
}

/** One leaf's bits: every bit of a small leaf, or BIT_WINDOW bits around bm_position. */
function LeafBits({
  leaf,
  flags,
  mask,
  revision,
  posPfn,
}: {
  leaf: LeafRef;
  flags: Uint8Array;
  mask: number;
  revision: string;
  posPfn: number | null;
}) {
  const b = leaf.block;
  const bits = b.endPfn - b.startPfn;
  const whole = bits <= BIT_WINDOW;
  const around = posPfn ?? b.startPfn;
  const from = whole
    ? b.startPfn
    : Math.max(
        b.startPfn,
        Math.min(b.endPfn - BIT_WINDOW, around - ((around - b.startPfn) % 32) - BIT_WINDOW / 2),
      );
  const to = whole ? b.endPfn : from + BIT_WINDOW;
  let set = 0;
  for (let p = from; p < to; p++) if (flags[p] & mask) set++;
  const big = whole ? null : density(b, flags, mask, revision);
  const label = `leaf ${leaf.node}, pfn ${formatCount(from)}–${formatCount(to - 1)}: ${formatCount(set)} of ${formatCount(to - from)} bits set`;
  return (
    <div className="rt-bits">
      {big && (
        <>
          <p className="rt-caption">
            leaf {leaf.node}, all {formatCount(bits)} bits ({formatCount(big.set)} set); the window
            below is marked
          </p>
          <div
            className="bits-strip"
            role="img"
            aria-label={`leaf ${leaf.node}: ${formatCount(big.set)} of ${formatCount(bits)} bits set`}
          >
            <span className="bits-density" style={{ background: big.background }} />
            <span
              className="rt-window"
              style={{
                left: `${((from - b.startPfn) / bits) * 100}%`,
                width: `${Math.max(0.5, ((to - from) / bits) * 100)}%`,
              }}
            />
          </div>
        </>
      )}
      <p className="rt-caption">
        bits {formatCount(from - b.startPfn)}–{formatCount(to - 1 - b.startPfn)} = pfn{' '}
        {formatCount(from)}–{formatCount(to - 1)}
      </p>
      <div className="bits" role="img" aria-label={label}>
        {Array.from({ length: to - from }, (_, i) => {
          const pfn = from + i;
          const on = (flags[pfn] & mask) !== 0;
          const cls = `bit${on ? ' bit-on' : ''}${pfn === posPfn ? ' bit-pos' : ''}${i % 32 === 0 ? ' bit-chunk' : ''}`;
          return <span key={i} className={cls} />;
        })}
      </div>
    </div>
  );
}

/**
 * A linux-6.12 memory bitmap as its radix trees: per extent the mem_zone_bm_rtree, its root and
 * inner nodes, its leaves (one page of 32,768 bits each) and the bits of the leaf bm_position is
 * in. Big trees are summarised: the number of nodes per level, the leaves around cur.node.
 */
export function RtreeBitmapView({
  bm,
  flags,
  mask,
}: {
  bm: BitmapPanel;
  flags: Uint8Array;
  mask: number;
}) {
  const inst = bm.instance;
  const pos = positionIn(inst, bm);
  const revision = `${inst.id}/${bm.setBits}`;
  const firstLeaf: number[] = [];
  inst.zones.reduce((n, z) => (firstLeaf.push(n), n + z.blocks.length), 0);
  return (
    <article className="bitmap rtree" aria-label={bm.slot}>
      <BitmapHeading bm={bm} />
      <p className="rt-purpose">{PURPOSE[bm.slot]}</p>
      <p className="bm-meta">
        <span className="bm-pos">
          {pos ? (
            <>
              bm_position: cur.node = leaf {formatCount(pos.node)}
              {inst.zones.length > 1 ? ` of extent ${pos.extent}` : ''}, bit {formatCount(pos.bit)}{' '}
              → pfn <PfnLink pfn={pos.pfn} />
            </>
          ) : (
            'bm_position: reset (before the first bit)'
          )}
        </span>
        <span>
          chain {inst.chainPfns.length === 1 ? 'page' : 'pages'} (p_list):{' '}
          {inst.chainPfns.map((p) => (
            <PfnLink key={p} pfn={p} />
          ))}
        </span>
      </p>
      <ol className="rt-extents">
        {inst.zones.map((z, e) => {
          const shape = inst.rtree?.[e] ?? { levels: 0, nodePfns: [] };
          const leaves: LeafRef[] = z.blocks.map((block, node) => ({
            node,
            global: firstLeaf[e] + node,
            block,
          }));
          const here = pos && pos.extent === e ? pos.node : null;
          const focus = here ?? 0;
          const start =
            leaves.length <= LEAF_BOXES
              ? 0
              : Math.max(0, Math.min(leaves.length - LEAF_BOXES, focus - LEAF_BOXES / 2));
          const shown = leaves.slice(start, start + LEAF_BOXES);
          const bitsLeaf = leaves[focus] as LeafRef | undefined;
          return (
            <li key={e} className="rt-extent">
              <p className="rt-level">
                <span className="rt-tag">extent</span> pfn {formatCount(z.startPfn)}–
                {formatCount(z.endPfn - 1)} · {z.name}
              </p>
              <p className="rt-level rt-down">
                <span className="rt-tag">mem_zone_bm_rtree</span> levels {shape.levels} ·{' '}
                {formatCount(z.blocks.length)} {z.blocks.length === 1 ? 'leaf' : 'leaves'}
              </p>
              {shape.levels === 0 ? (
                <p className="rt-level rt-down">
                  <span className="rt-tag">root</span> is leaf 0 (one leaf, no inner node)
                </p>
              ) : (
                <p className="rt-level rt-down">
                  <span className="rt-tag">root</span>{' '}
                  {shape.nodePfns.length === 1 ? (
                    <>
                      inner node in pfn <PfnLink pfn={shape.nodePfns[0]} />: 1,024 child pointers,{' '}
                      {formatCount(z.blocks.length)} used
                    </>
                  ) : (
                    <>
                      {formatCount(shape.nodePfns.length)} inner nodes over {shape.levels} levels,
                      pages{' '}
                      {shape.nodePfns.slice(0, 8).map((p) => (
                        <PfnLink key={p} pfn={p} />
                      ))}
                      {shape.nodePfns.length > 8 ? ' …' : ''}
                    </>
                  )}
                </p>
              )}
              <div className="rt-down">
                <p className="rt-level">
                  <span className="rt-tag">leaves</span>
                  {shown.length < leaves.length
                    ? ` ${formatCount(start)}–${formatCount(start + shown.length - 1)} of ${formatCount(leaves.length)}, around cur.node`
                    : ' (fill: bits set)'}
                </p>
                <ol className="rt-leaves" aria-label={`${bm.slot} leaves`}>
                  {shown.map((l) => (
                    <LeafBox
                      key={l.node}
                      leaf={l}
                      flags={flags}
                      mask={mask}
                      revision={revision}
                      current={here === l.node}
                    />
                  ))}
                </ol>
              </div>
              {bitsLeaf && (
                <div className="rt-down">
                  <LeafBits
                    leaf={bitsLeaf}
                    flags={flags}
                    mask={mask}
                    revision={revision}
                    posPfn={here !== null ? (pos?.pfn ?? null) : null}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
