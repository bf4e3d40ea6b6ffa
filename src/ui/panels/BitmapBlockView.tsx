import type { BitmapBlock } from '../../core';
import { formatCount } from '../../render/units';
import { PfnLink } from './PfnLink';

/** Above this many bits a block is drawn as a density strip instead of one square per bit. */
const MAX_SQUARES = 256;
const BUCKETS = 64;

interface BlockProps {
  index: number;
  block: BitmapBlock;
  flags: Uint8Array;
  mask: number;
  /**
   * Changes whenever the bitmap's bits may have: its instance and number of set bits (bits are
   * only ever set between memory_bm_create() and memory_bm_free()).
   */
  revision: string;
  /** The pfn of bm_position when it is in this block. */
  positionPfn: number | null;
}

interface Density {
  revision: string;
  set: number;
  /** CSS background of the strip: one band per bucket, darker the more bits are set. */
  background: string;
}

/** Density strips of big blocks, recounted only when the bitmap's revision changes. */
const densities = new WeakMap<BitmapBlock, Density>();

export function density(
  block: BitmapBlock,
  flags: Uint8Array,
  mask: number,
  revision: string,
): Density {
  const cached = densities.get(block);
  if (cached && cached.revision === revision) return cached;
  const bits = block.endPfn - block.startPfn;
  const per = Math.ceil(bits / BUCKETS);
  const end = Math.min(block.endPfn, flags.length);
  const stops: string[] = [];
  let set = 0;
  for (let s = block.startPfn; s < block.endPfn; s += per) {
    let n = 0;
    const e = Math.min(end, s + per);
    for (let p = s; p < e; p++) if (flags[p] & mask) n++;
    set += n;
    const f = n / Math.min(per, block.endPfn - s);
    const alpha = f === 0 ? 0 : 0.25 + 0.75 * f;
    const from = ((s - block.startPfn) / bits) * 100;
    const to = ((Math.min(block.endPfn, s + per) - block.startPfn) / bits) * 100;
    stops.push(`rgba(28,30,34,${alpha.toFixed(2)}) ${from.toFixed(2)}% ${to.toFixed(2)}%`);
  }
  const d = { revision, set, background: `linear-gradient(to right, ${stops.join(', ')})` };
  densities.set(block, d);
  return d;
}

/** One bm_block: its pfn range, its data page and its bits. */
export function BitmapBlockView({ index, block, flags, mask, revision, positionPfn }: BlockProps) {
  const bits = block.endPfn - block.startPfn;
  const big = bits > MAX_SQUARES ? density(block, flags, mask, revision) : null;
  let set = big?.set ?? 0;
  if (!big) for (let p = block.startPfn; p < block.endPfn; p++) if (flags[p] & mask) set++;

  const label = `bm_block ${index}: pfn ${formatCount(block.startPfn)}–${formatCount(block.endPfn - 1)}, ${formatCount(set)} of ${formatCount(bits)} bits set`;
  return (
    <li className="bm-block">
      <p className="bm-block-head">
        <code>bm_block {index}</code> pfn {formatCount(block.startPfn)}–
        {formatCount(block.endPfn - 1)} · {formatCount(block.size)} chunks · data in{' '}
        <PfnLink pfn={block.dataPfn} />
      </p>
      {bits <= MAX_SQUARES ? (
        <div className="bits" role="img" aria-label={label}>
          {Array.from({ length: bits }, (_, i) => {
            const pfn = block.startPfn + i;
            const on = (flags[pfn] & mask) !== 0;
            const cls = `bit${on ? ' bit-on' : ''}${pfn === positionPfn ? ' bit-pos' : ''}${i % 32 === 0 ? ' bit-chunk' : ''}`;
            return <span key={i} className={cls} />;
          })}
        </div>
      ) : (
        <div className="bits-strip" role="img" aria-label={label}>
          <span className="bits-density" style={{ background: big?.background }} />
          {positionPfn !== null && (
            <span
              className="bucket-pos"
              style={{ left: `${((positionPfn - block.startPfn) / bits) * 100}%` }}
            />
          )}
        </div>
      )}
    </li>
  );
}
