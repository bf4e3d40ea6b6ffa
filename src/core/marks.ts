/**
 * Per-frame bits (`FrameState.flags`). NS and NSF are the 2.6.20 page flags PageNosave and
 * PageNosaveFree (in linux-6.12 the bits of forbidden_pages_map and free_pages_map); the BM_* bits mirror the bits each live memory bitmap holds for the frame, so
 * the grid can overlay them without walking the bitmap structure.
 */
export const NS = 1;
export const NSF = 2;
export const BM_ORIG = 4;
export const BM_COPY = 8;
export const BM_SAFE_HIGH = 16;
/** The frame's pfn is in the image (set at suspend when saved, at resume by mark_unsafe_pages). */
export const IMAGE_PFN = 32;
/** Legacy model: the frame is reached through a PBE of the pagedir. */
export const IN_PAGEDIR = 64;
/** linux-6.12: the short-lived `tmp` bitmap of prepare_image() (the legacy bit, unused there). */
export const BM_TMP = 64;
/** linux-6.12: zero_bm, the pfns whose page was all zeros. */
export const BM_ZERO = 128;
