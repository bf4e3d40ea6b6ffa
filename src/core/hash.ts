/**
 * The 32-bit content word that stands for a frame's 4096 bytes. Suspend side: `contentWord(pfn, 1)`
 * for S, C and K frames, `contentWord(pfn, 0)` otherwise; boot side: K keeps its suspend-side word,
 * everything else gets `contentWord(pfn, 2)`. Tag 3 and up name the image's header and meta pages.
 */
export function contentWord(pfn: number, tag: number): number {
  let h = Math.imul(pfn ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(tag + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export const TAG_UNSAVED = 0;
export const TAG_SAVED = 1;
export const TAG_BOOT = 2;
export const TAG_HEADER = 3;
export const TAG_META = 4;
