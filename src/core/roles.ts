/**
 * What a page frame is used for at a given step. One byte per frame (`FrameState.role`). The
 * role is a teaching label derived from what the kernel did to the frame; the kernel's own marks
 * live in `FrameState.flags` (see marks.ts).
 */
export const Role = {
  Hole: 0, // X: pfn_valid() is false
  Free: 1, // on the buddy free lists
  Saveable: 2, // S: in use, saveable
  Reclaimable: 3, // C: page cache that shrink_all_memory() may free
  Kernel: 4, // K: kernel image (PageReserved, saved)
  Nosave: 5, // N: __nosave section, never saved
  Reserved: 6, // R: PageReserved in highmem, never saved
  Boot: 7, // B: in use by the boot kernel (resume side)
  BitmapChain: 8, // chain page holding zone_bitmap / bm_block objects
  BitmapData: 9, // one page of bits of a memory bitmap block
  Buffer: 10, // the one-page `buffer`
  Copy: 11, // suspend: copy destination of a saveable page (in copy_bm)
  SafePage: 12, // resume: safe lowmem page on safe_pages_list, still empty
  SafeHighmem: 13, // resume: safe highmem page in safe_highmem_bm, still empty
  UnsafeOwned: 14, // resume: unsafe frame owned by the resume code, awaiting its own page
  PbeChain: 15, // resume: chain page holding struct pbe / highmem_pbe objects
  SpReserve: 16, // resume: page reserved on sp_list by prepare_image
  Bounce: 17, // restore_highmem()'s safe bounce page
  PbeCopy: 18, // resume: safe frame holding an image page that waits for a PBE restore
  Loaded: 19, // resume: unsafe owned frame that now holds its own image page
  HighmemSave: 20, // legacy: lowmem page holding a save_highmem() copy
  Slab: 21, // legacy: slab page of struct highmem_page objects
  Pagedir: 22, // legacy: page of the PBE pagedir
  Restored: 23, // restored kernel: a saved pfn back in its frame
  Zero: 24, // Z (linux-6.12): in use, saveable, all 4096 bytes zero: listed in the image, no data page
  Offline: 25, // O (linux-6.12): PageOffline (ballooned out), never saved
  BitmapNode: 26, // linux-6.12: an inner node of a memory bitmap's radix tree
  ArchPage: 27, // linux-6.12: resume_pg_dir, a pmd table or the relocated restore code
} as const;
export type RoleId = (typeof Role)[keyof typeof Role];
export const ROLE_COUNT = 28;

/** Short legend names, in the kernel's vocabulary. Indexed by role id. */
export const ROLE_NAMES: readonly string[] = [
  'hole',
  'free',
  'saveable',
  'reclaimable',
  'kernel image',
  'nosave',
  'reserved',
  'boot-kernel page',
  'bitmap chain',
  'bitmap data',
  'buffer',
  'copy destination',
  'safe page',
  'safe highmem page',
  'unsafe, owned',
  'PBE chain',
  'sp_list reserve',
  'bounce page',
  'PBE copy',
  'loaded in place',
  'save_highmem copy',
  'slab page',
  'pagedir page',
  'restored',
  'zero page',
  'offline',
  'bitmap inner node',
  'restore page table / code',
];

/** The layout letter a role came from, for the scenario letters that map one to one. */
export const LETTER_ROLE: Readonly<Record<string, RoleId>> = {
  X: Role.Hole,
  F: Role.Free,
  S: Role.Saveable,
  C: Role.Reclaimable,
  K: Role.Kernel,
  N: Role.Nosave,
  R: Role.Reserved,
  B: Role.Boot,
  Z: Role.Zero,
  O: Role.Offline,
};
