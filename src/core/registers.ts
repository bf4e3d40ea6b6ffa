/**
 * Scalar state of the emulated kernel, one Int32 slot each in `FrameState.regs`. Keeping scalars in
 * one typed array lets every step record its changes the same way as frame changes, so the whole
 * state steps forward and backward with one mechanism. -1 stands for NULL where a slot holds a pfn.
 */
export const Reg = {
  freeLowmem: 0,
  freeHighmem: 1,
  saveableLowmem: 2, // L, as counted by count_data_pages()
  saveableHighmem: 3, // H, as counted by count_highmem_pages()
  shrunkPages: 4,
  metaEstimate: 5, // sum of snapshot_additional_pages()
  needLowmem: 6, // enough_free_mem: the right-hand side
  nrCopyPages: 7,
  nrMetaPages: 8,
  buffer: 9, // pfn of `buffer`, or -1
  copyPairs: 10, // entries of Trace.copyPairs visible
  imageWritten: 11, // image pages on swap
  imageRead: 12, // image pages loaded at resume
  allocatedUnsafePages: 13,
  nrHighmemImage: 14, // resume: nr_highmem (highmem image pages, then to_alloc)
  safeHighmemPages: 15,
  safePushed: 16, // safe_pages_list: entries of Trace.safePages pushed so far
  safePopped: 17, // ... and popped (LIFO from the top)
  spPushed: 18, // sp_list reserve pages pushed
  spFreed: 19,
  lowPbes: 20, // restore_pblist length (Trace.lowPbes, pushed at the head)
  highPbes: 21, // highmem_pblist length
  restoreDone: 22, // restore_pblist entries copied by the arch loop
  highmemSwapped: 23, // highmem_pblist entries swapped by restore_highmem
  directLowmem: 24,
  directHighmem: 25,
  pbeChainPages: 26,
  lastHighmemPage: 27,
  logLines: 28, // kernel log lines visible
  origBm: 29, // bitmap instance id held by orig_bm, or -1
  copyBm: 30,
  safeHighBm: 31,
  origPos: 32, // bm_position of orig_bm as the pfn of its current bit; -1 = reset
  copyPos: 33,
  safePos: 34,
  resumeChainPage: 35, // the chain page the resume chain_alloc is filling, or -1
  nrHighmemCopyLow: 36, // suspend: leftover highmem pages that get lowmem copies
  swapUsed: 37,
  inSuspend: 38,
  spare39: 39,
  spare40: 40,
  lowToLow: 41,
  highToLow: 42,
  highToHigh: 43,
  lowToHigh: 44,
  bounce: 45, // restore_highmem's page, or -1
  side: 46, // 0 suspending kernel, 1 boot kernel, 2 restored image kernel
  chainUsed: 47, // used_space of the resume chain allocator
  outcome: 48, // 0 running, 1 restored, 2 suspend failed, 3 resume failed
  verifiedPages: 49, // restored: saved pfns checked equal so far
  legacyHighmemCopies: 50,
  legacySlabPages: 51,
  legacyPagedirPages: 52,
  // linux-6.12 (0 / -1 in the other models)
  nrZeroPages: 53,
  allocNormal: 54, // frames preallocated for copies in lowmem (alloc_normal)
  allocHighmem: 55,
  preSaveable: 56, // hibernate_preallocate_memory: saveable (low + high)
  preSaveHighmem: 57, // save_highmem
  preCount: 58, // count (all saveable + all free), a 32-bit value
  preAvailNormal: 59, // avail_normal before the minimum-image adjustment
  preHighmem: 60, // highmem (saveable + free highmem)
  preMeta: 61, // size = Σ snapshot_additional_pages
  preMaxSize: 62, // max_size, the raw 32-bit value stored as int32
  preTarget: 63, // the final `size`
  prePath: 64, // 0 not yet, 1 fits, 2 shrink
  preMinimum: 65, // minimum_image_size(), -1 on the fits path
  preShrinkRequest: 66, // saveable - size asked of shrink_all_memory, -1 on the fits path
  preFreed: 67, // free_unnecessary_pages() gave back, -1 until it ran
  preAllocated: 68, // "Allocated %lu pages for snapshot"
  topUpLow: 69, // swsusp_alloc's top-up
  topUpHigh: 70,
  forbiddenBm: 71, // bitmap instance ids of the basic bitmaps, zero_bm and tmp, or -1
  freeBm: 72,
  zeroBm: 73,
  tmpBm: 74,
  zeroPos: 75,
  basicBitmapPages: 76,
  reservedSafePages: 77,
  recycledPages: 78,
  archPages: 79,
  safeBase: 80, // index in Trace.safePages where safe_pages_list's bottom entry sits
  forbiddenPos: 81,
  freePos: 82,
  tmpPos: 83,
} as const;
export type RegId = (typeof Reg)[keyof typeof Reg];
export const REG_COUNT = 84;

export const Side = { Suspend: 0, Boot: 1, Restored: 2 } as const;
export const Outcome = { Running: 0, Restored: 1, SuspendFailed: 2, ResumeFailed: 3 } as const;
