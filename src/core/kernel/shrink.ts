import { ENOMEM, SHRINK_BITE } from '../constants';
import type { Kernel, ShrinkKind } from './kernel';

/** One round's verdict of a model's formula: lowmem still short by `tmp` (if > 0), image `size`. */
export interface ShrinkMeasure {
  tmp: number;
  size: number;
}

/** The model's kinds for the loop's steps. */
export interface ShrinkKinds {
  free: ShrinkKind;
  imageSize: ShrinkKind;
  enomem: 'sh.enomem' | 'lsh.enomem';
}

/**
 * The loop both models share (swsusp_shrink_memory): measure, then shrink_all_memory() by at most
 * SHRINK_BITE pages, either what lowmem is short of or what the image is over image_size; stop
 * when a round frees nothing. Freeing nothing while still short is -ENOMEM. The models differ
 * only in `measure` (2.6.20 counts highmem overflow once, 2.6.17 twice).
 */
export function shrinkLoop(k: Kernel, measure: () => ShrinkMeasure, lines: ShrinkKinds): void {
  const limit = k.scenario.imageSize;
  k.rec.record('sh.start', {});
  k.rec.printk('Shrinking memory...  ');
  let pages = 0;
  let tmp: number;
  do {
    const m = measure();
    tmp = m.tmp;
    if (tmp > 0) {
      const want = tmp;
      tmp = k.shrinkAllMemory(Math.min(tmp, SHRINK_BITE), lines.free);
      if (!tmp) {
        k.rec.record(lines.enomem, { missing: want });
        k.fail({
          function: 'swsusp_shrink_memory',
          errno: ENOMEM,
          message: `Shrinking memory failed: shrink_all_memory() freed no pages while ${want} more lowmem pages were needed`,
        });
      }
      pages += tmp;
    } else if (limit !== null && m.size > limit) {
      tmp = k.shrinkAllMemory(Math.min(m.size - limit, SHRINK_BITE), lines.imageSize);
      pages += tmp;
    }
  } while (tmp > 0);
  k.rec.record('sh.done', { freed: pages });
  k.rec.printk(`done (${pages} pages freed)`);
}
