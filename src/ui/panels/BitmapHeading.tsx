import type { BitmapPanel } from '../../protocol/messages';
import { formatCount } from '../../render/units';

/** A memory bitmap's title, the same for 2.6.20's bitmaps and 6.12's radix trees. */
export function BitmapHeading({ bm }: { bm: BitmapPanel }) {
  const inst = bm.instance;
  return (
    <h3>
      <code>{bm.slot}</code>{' '}
      <span className="muted">
        memory_bitmap #{inst.id}
        {inst.safeNeeded ? ', safe pages' : ''} · {formatCount(bm.setBits)} bits set
      </span>
    </h3>
  );
}
