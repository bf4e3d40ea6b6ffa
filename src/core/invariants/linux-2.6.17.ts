/**
 * The same safety properties on the 2.6.17 code before the highmem series: no memory bitmaps
 * (the pagedir of PBEs is the image's order), so only the resume-side properties apply. The
 * restore loop is where this code breaks them: a PBE whose safe page address stayed 0 makes the
 * arch loop copy physical frame 0.
 */
import { loadTargets, restoreLoop } from './linux-2.6.20';
import type { InvariantCheck } from './types';

export function linux2617Invariants(): InvariantCheck[] {
  return [loadTargets, restoreLoop];
}
