/** Kernel source files the listings name. */
export const SNAP = 'kernel/power/snapshot.c';
export const SWSUSP = 'kernel/power/swsusp.c';
export const SWAP = 'kernel/power/swap.c';
export const DISK = 'kernel/power/disk.c';
export const PAGE_ALLOC = 'mm/page_alloc.c';
export const ARCH_I386 = 'arch/i386/power/swsusp.S';
