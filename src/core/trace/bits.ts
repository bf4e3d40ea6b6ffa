import { BM_COPY, BM_ORIG, BM_SAFE_HIGH, BM_TMP, BM_ZERO, NS, NSF } from '../marks';

/**
 * The flag bits counted, in BitCounts order: orig_bm, copy_bm, safe_highmem_bm, then the
 * bitmaps only linux-6.12 has: forbidden_pages_map (NS), free_pages_map (NSF), zero_bm and tmp
 * (in 2.6.17 the last bit is IN_PAGEDIR, counted but not shown as a bitmap).
 */
export const COUNTED_BITS = [BM_ORIG, BM_COPY, BM_SAFE_HIGH, NS, NSF, BM_ZERO, BM_TMP] as const;

/**
 * Counts the frames holding each COUNTED_BITS bit. Reads four frames per 32-bit word and adds up
 * the bytes of each bit with one multiply, branch-free: a plain per-frame loop with unpredictable
 * branches took ~5 ms on a million frames, this takes well under one.
 */
export function countBits(flags: Uint8Array): Int32Array {
  const shifts = COUNTED_BITS.map((bit) => Math.log2(bit));
  const words = flags.byteOffset % 4 === 0 ? flags.length >> 2 : 0;
  const w32 = new Uint32Array(flags.buffer, flags.byteOffset, words);
  const out = new Int32Array(COUNTED_BITS.length);
  for (let b = 0; b < shifts.length; b++) {
    const s = shifts[b];
    let n = 0;
    // One bit per byte, moved to bit 0 of each byte; the multiply sums the four bytes.
    for (let i = 0; i < words; i++) n += Math.imul((w32[i] >>> s) & 0x01010101, 0x01010101) >>> 24;
    out[b] = n;
  }
  for (let pfn = words * 4; pfn < flags.length; pfn++) {
    COUNTED_BITS.forEach((bit, b) => {
      if (flags[pfn] & bit) out[b]++;
    });
  }
  return out;
}
