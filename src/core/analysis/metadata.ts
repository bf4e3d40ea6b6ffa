import {
  BM_BITS_PER_BLOCK,
  divRoundUp,
  PAGE_SIZE,
  PBES_PER_PAGE,
  SIZEOF_BM_BLOCK,
  SIZEOF_PBE,
  SIZEOF_ZONE_BITMAP,
} from '../constants';

/**
 * What the suspend-side index costs: the legacy PBE list (12 bytes per image page, whole pages of
 * 341) against the two 2006 memory bitmaps (one bit per page frame each, plus 20-byte zone_bitmap
 * and bm_block objects in one chain page), whatever the image size.
 */
export interface MetadataPoint {
  imagePages: number;
  /** Legacy pagedir: bytes of struct pbe, and the whole pages they occupy. */
  pbeBytes: number;
  pbePages: number;
  /** 2.6.20: orig_bm + copy_bm bits and objects, and the whole pages they occupy. */
  bitmapBytes: number;
  bitmapPages: number;
}

export function bitmapCost(zonePages: readonly number[]): { bytes: number; pages: number } {
  let blocks = 0;
  let bits = 0;
  for (const p of zonePages) {
    blocks += divRoundUp(p, BM_BITS_PER_BLOCK);
    bits += p;
  }
  const objects = zonePages.length * SIZEOF_ZONE_BITMAP + blocks * SIZEOF_BM_BLOCK;
  const chainPages = divRoundUp(objects, PAGE_SIZE - 4);
  return { bytes: 2 * (bits / 8 + objects), pages: 2 * (blocks + chainPages) };
}

export function metadataAt(zonePages: readonly number[], imagePages: number): MetadataPoint {
  const bm = bitmapCost(zonePages);
  return {
    imagePages,
    pbeBytes: imagePages * SIZEOF_PBE,
    pbePages: divRoundUp(imagePages, PBES_PER_PAGE),
    bitmapBytes: bm.bytes,
    bitmapPages: bm.pages,
  };
}

/** Image size (pages) where the PBE list starts to cost more bytes than the two bitmaps. */
export function breakEven(zonePages: readonly number[]): number {
  return Math.ceil(bitmapCost(zonePages).bytes / SIZEOF_PBE);
}

export function metadataSweep(
  zonePages: readonly number[],
  maxImage: number,
  points = 64,
): MetadataPoint[] {
  const out: MetadataPoint[] = [];
  for (let i = 0; i <= points; i++)
    out.push(metadataAt(zonePages, Math.round((maxImage * i) / points)));
  return out;
}
