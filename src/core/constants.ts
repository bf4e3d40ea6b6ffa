/**
 * Kernel constants of the modelled machine: 32-bit x86 with 4 KiB pages, as in Linux 2.6.20
 * (kernel/power/snapshot.c and power.h). Struct sizes are the i386 ones, because they decide how
 * many objects fit in a chain page and therefore which frames get allocated.
 */
export const PAGE_SIZE = 4096;
export const SIZEOF_LONG = 4;
export const BM_BITS_PER_CHUNK = SIZEOF_LONG * 8; // 32
export const BM_CHUNKS_PER_BLOCK = PAGE_SIZE / SIZEOF_LONG; // 1024
export const BM_BITS_PER_BLOCK = PAGE_SIZE * 8; // 32768
/** `BM_END_OF_MAP` is ~0UL; JavaScript uses -1 for it. */
export const BM_END_OF_MAP = -1;
export const LINKED_PAGE_DATA_SIZE = PAGE_SIZE - SIZEOF_LONG; // 4092
export const SIZEOF_ZONE_BITMAP = 20;
export const SIZEOF_BM_BLOCK = 20;
export const SIZEOF_PBE = 12;
export const SIZEOF_HIGHMEM_PBE = 12;
export const PBES_PER_LINKED_PAGE = Math.floor(LINKED_PAGE_DATA_SIZE / SIZEOF_PBE); // 341
/** Legacy (2.6.17) pagedir: whole pages of `struct pbe`. */
export const PBES_PER_PAGE = Math.floor(PAGE_SIZE / SIZEOF_PBE); // 341
/** Legacy `struct highmem_page`, kmalloc'd from the 32-byte slab: 128 objects per slab page. */
export const HIGHMEM_PAGES_PER_SLAB = 128;
/** pfns per meta page: `PAGE_SIZE / sizeof(long)`. */
export const PFNS_PER_META_PAGE = PAGE_SIZE / SIZEOF_LONG; // 1024
export const SHRINK_BITE = 10000;
/** `lowmem_reserve[ZONE_NORMAL]`, pinned to 0 by the model. */
export const LOWMEM_RESERVE = 0;

export const KERNEL_PAGES_FOR_IO = 1024;
/** 500 MiB in pages, the 2.6.20 default of /sys/power/image_size. */
export const KERNEL_IMAGE_SIZE_PAGES = 128000;
export const MAX_TOTAL_PAGES = 4194304;
/** linux-6.12: SPARE_PAGES, the default reserved_size in pages. */
export const SPARE_PAGES = 256;
/** linux-6.12: image_size and reserved_size are 32-bit byte counts, so at most 2^20 − 1 pages. */
export const MAX_PAGES_32BIT = 1048575;

export const ENOMEM = -12;
export const EFAULT = -14;
export const EPERM = -1;
export const EINVAL = -22;
export const ENOSPC = -28;
export const ENODATA = -61;

export function divRoundUp(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
