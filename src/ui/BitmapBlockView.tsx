import type { BitmapBlock } from '../core';
import { formatCount } from '../render/units';
import { PfnLink } from './PfnLink';

/** Above this many bits a block is drawn as a density strip instead of one square per bit. */
const MAX_SQUARES = 256;
const BUCKETS = 64;

interface BlockProps {
  index: number;
  block: BitmapBlock;
  flags: Uint8Array;
  mask: number;
  /** The pfn of bm_position when it is in this block. */
  positionPfn: number | null;
}

function countSet(flags: Uint8Array, mask: number, from: number, to: number): number {
  let n = 0;
  for (let p = from; p < to && p < flags.length; p++) if (flags[p] & mask) n++;
  return n;
}

/** One bm_block: its pfn range, its data page and its bits. */
export function BitmapBlockView({ index, block, flags, mask, positionPfn }: BlockProps) {
  const bits = block.endPfn - block.startPfn;
  // `flags` changes in place; the panel re-renders on every new state, so count afresh.
  const per = Math.ceil(bits / BUCKETS);
  const buckets: number[] = [];
  if (bits > MAX_SQUARES)
    for (let s = block.startPfn; s < block.endPfn; s += per)
      buckets.push(
        countSet(flags, mask, s, Math.min(block.endPfn, s + per)) / Math.min(per, block.endPfn - s),
      );
  const set = countSet(flags, mask, block.startPfn, block.endPfn);

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
          {buckets.map((f, i) => (
            <span
              key={i}
              className="bucket"
              style={{ opacity: f === 0 ? 0.08 : 0.25 + 0.75 * f }}
            />
          ))}
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
