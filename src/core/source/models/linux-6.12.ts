/**
 * linux-6.12 (today's kernel/power/snapshot.c, hibernate.c, swap.c and arch/x86/power; see the
 * 6.12 spec): for each kernel function the model runs, its pseudocode (written for this project,
 * names as the kernel's) and, per line, one kind of step: its sentence, and where it has them its
 * named arguments, arrows and counters. Kinds and lines are named `6.<key>`, apart from the 2006
 * models' names. The kernel code records these kinds by column (kernel/linux612/lines.ts).
 */
import type { ArgSpec, KindDecl, ModelDecl, StepArrow, Words } from '../kind';
import { copyArrows } from './linux-2.6.20';

/** A step's columns, and the words of the run, as a sentence of this file reads them. */
export interface StepArgs {
  p0: number;
  p1: number;
  p2: number;
  n0: number;
  n1: number;
  zone: (index: number) => string;
  bitmap: (id: number) => string;
}

type Say = (v: StepArgs) => string;

/** What a kind declares besides its sentence (default: every column, by its column name). */
interface Extra {
  args?: ArgSpec;
  arrows?: (v: StepArgs) => readonly StepArrow[];
  marks?: 'enough_free_mem' | 'verify';
  untouched?: readonly string[];
}
type Line = [key: string, code: string, say: Say, extra?: Extra];

interface Fn612 {
  name: string;
  file: string;
  lines: Line[];
}

const SNAP = 'kernel/power/snapshot.c (6.12)';
const HIB = 'kernel/power/hibernate.c (6.12)';
const SWAP = 'kernel/power/swap.c (6.12)';
const ARCH = 'arch/x86/power/hibernate_32.c (6.12)';

const pl = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A 32-bit unsigned value kept in an Int32 register. */
const u = (n: number) => (n >>> 0).toLocaleString('en-US');
const copyCase = ['low→low', 'high→low', 'high→high', 'low→high'];
const nodeKind = ['the mem_zone_bm_rtree object', 'an inner node', 'a leaf'];
const archWhat = [
  'resume_pg_dir, the temporary page directory',
  'the pmd table of set_up_temporary_text_mapping() (PAE)',
  'the pmd table of resume_physical_mapping_init() (PAE)',
  'relocated_restore_code, where core_restore_code is copied',
];

const fn = (name: string, file: string, lines: Line[]): Fn612 => ({ name, file, lines });

export const STEPS_612: Fn612[] = [
  fn('hibernate', HIB, [
    [
      'hibStart',
      'pr_info("hibernation entry"); freeze_processes(); lock_device_hotplug();',
      () =>
        'hibernate(): user space is frozen. Nothing of the snapshot exists yet; first come the two basic bitmaps.',
    ],
    [
      'cbmb',
      'error = create_basic_memory_bitmaps();   /* forbidden_pages_map, free_pages_map */',
      () =>
        'create_basic_memory_bitmaps(): two radix-tree bitmaps replace the 2006 page flags PageNosave and PageNosaveFree.',
    ],
    [
      'hibFree',
      'error = swsusp_write(flags); swsusp_free(); power_down();',
      () =>
        'The image is on swap: swsusp_free() gives back every frame the snapshot took, then power_down().',
    ],
    [
      'fbmb',
      'Thaw: free_basic_memory_bitmaps(); thaw_processes();   /* after a failure */',
      () =>
        'hibernate() unwinds: free_basic_memory_bitmaps() returns the two basic bitmaps and the processes are thawed.',
    ],
    [
      'imgRestored',
      'else pm_pr_dbg("Hibernation image restored successfully.");',
      () => 'hibernate() sees in_suspend == 0: this kernel was restored from the image.',
    ],
    [
      'imgFbmb',
      "Free_bitmaps: free_basic_memory_bitmaps();   /* the restored kernel's own, as saved */",
      () =>
        "free_basic_memory_bitmaps(): the restored kernel's basic bitmaps, saved in the image at copy time, are given back.",
    ],
  ]),
  fn('create_basic_memory_bitmaps', SNAP, [
    [
      'cbmbDone',
      'forbidden_pages_map = bm1; free_pages_map = bm2; mark_nosave_pages(bm1);',
      (v) =>
        `Both bitmaps exist (${pl(v.n0, 'page')}); only now are the pointers set, so their own pages carry no forbidden or free bit: they are ordinary in-use lowmem pages.`,
    ],
  ]),
  fn('free_basic_memory_bitmaps', SNAP, [
    [
      'fbmbPage',
      'forbidden_pages_map = free_pages_map = NULL; memory_bm_free(bm1 and bm2, PG_UNSAFE_CLEAR);',
      (v) =>
        `free_basic_memory_bitmaps(): pfn ${v.p0} of ${v.bitmap(v.n0)} goes back to the allocator.`,
    ],
  ]),
  fn('memory_bm_create', SNAP, [
    [
      'bmcStart',
      'chain_init(&ca, gfp_mask, safe_needed); create_mem_extents(&extents);   /* adjacent zones merge */',
      (v) =>
        `memory_bm_create(${v.bitmap(v.n0)}): ${pl(v.n1, 'memory extent')}, one radix tree each; the objects go into a chain of pages.`,
    ],
    [
      'bmcChain',
      '  obj = chain_alloc(&ca, size);   /* a full chain page: get_image_page(gfp, PG_ANY) */',
      (v) =>
        `chain_alloc() takes pfn ${v.p0} as a chain page of ${v.bitmap(v.n0)}, for ${nodeKind[v.n1] ?? 'an object'} (44-byte trees and 12-byte nodes).`,
    ],
    [
      'bmcChainSafe',
      '  ... with safe_needed: __get_safe_page(gfp)   /* safe_pages_list first */',
      (v) =>
        `chain_alloc() takes safe pfn ${v.p0} as a chain page of ${v.bitmap(v.n0)}, for ${nodeKind[v.n1] ?? 'an object'}.`,
    ],
    [
      'bmcNode',
      '  add_rtree_block(): a new root or inner node = alloc_rtree_node(&zone->nodes);',
      (v) =>
        `add_rtree_block(): pfn ${v.p0} becomes an inner node of ${v.bitmap(v.n0)} (1024 child pointers), so leaf ${v.n1} can hang below it.`,
      { untouched: ['p1'] },
    ],
    [
      'bmcLeaf',
      '  leaf = alloc_rtree_node(&zone->leaves); hang it at index block_nr; zone->blocks++;',
      (v) =>
        `alloc_rtree_node(): pfn ${v.p0} becomes leaf ${v.n1} of ${v.bitmap(v.n0)}: 32768 bits, for pfns from ${v.p1}.`,
      { untouched: ['p1'] },
    ],
    [
      'bmcFail',
      'Error: memory_bm_free(bm, PG_UNSAFE_CLEAR); return -ENOMEM;',
      (v) =>
        `memory_bm_create(${v.bitmap(v.n0)}) found no page: what it built is freed and it returns -ENOMEM.`,
    ],
  ]),
  fn('memory_bm_free', SNAP, [
    [
      'bmfPage',
      'free_image_page() of each inner node, each leaf, then the chain from its head;',
      (v) =>
        `memory_bm_free(${v.bitmap(v.n0)}, ${v.n1 ? 'PG_UNSAFE_CLEAR' : 'PG_UNSAFE_KEEP'}) frees pfn ${v.p0}.`,
    ],
  ]),
  fn('get_image_page', SNAP, [
    [
      'gipUnsafe',
      'if (safe_needed) while (swsusp_page_is_free(page)) { set forbidden; allocated_unsafe_pages++; }',
      (v) =>
        `get_image_page(PG_SAFE): pfn ${v.p0} is an image pfn (unsafe). It is kept, marked forbidden, and becomes a direct-load target (allocated_unsafe_pages = ${v.n0}).`,
    ],
  ]),
  fn('hibernate_preallocate_memory', SNAP, [
    [
      'hpmStart',
      'pr_info("Preallocating image memory"); memory_bm_create(&orig_bm, &copy_bm, &zero_bm);',
      () =>
        'hibernate_preallocate_memory(): before the devices freeze, grab the copy frames while the kernel may still sleep and fail gracefully.',
    ],
    [
      'hpmBmFail',
      'if (error) { pr_err("Cannot allocate %s bitmap"); goto err_out; }',
      (v) =>
        `No page for the ${['original', 'copy', 'zero'][v.n0] ?? ''} bitmap: "Cannot allocate ${['original', 'copy', 'zero'][v.n0] ?? ''} bitmap", -ENOMEM.`,
    ],
    [
      'hpmZeroCounts',
      'alloc_normal = alloc_highmem = nr_zero_pages = 0;',
      () => 'alloc_normal, alloc_highmem and nr_zero_pages start at 0.',
    ],
    [
      'hpmCountMark',
      'save_highmem = count_highmem_pages(); saveable = count_data_pages();   /* mark_free_pages() */',
      (v) =>
        `mark_free_pages(${v.zone(v.n0)}): the free bits now mark the zone's ${pl(v.n1, 'free frame')} (and the snapshot's own frames).`,
      { args: { zone: 'n0', free: 'n1' } },
    ],
    [
      'hpmCounted',
      'count = saveable; saveable += save_highmem; highmem = save_highmem;',
      (v) =>
        `${pl(v.n0, 'saveable lowmem page')} (the basic bitmaps among them) and ${pl(v.n1, 'saveable highmem page')}.`,
    ],
    [
      'hpmCount',
      'for each populated zone: size += snapshot_additional_pages(zone); count or highmem += free;',
      (v) =>
        `count = ${u(v.n0)} frames that are saveable or free; avail_normal = ${u(v.n1)} of them in lowmem. totalreserve_pages is 0 in the model.`,
    ],
    [
      'hpmMaxSize',
      'max_size = (count − (size + PAGES_FOR_IO)) / 2 − 2 * DIV_ROUND_UP(reserved_size, PAGE_SIZE);',
      (v) =>
        v.n0 >>> 0 > 0x7fffffff
          ? `max_size = ${u(v.n0)}: the 32-bit subtraction wrapped (metadata ${v.n1}, PAGES_FOR_IO and twice reserved_size are more than count). The cap means nothing now.`
          : `max_size = ${u(v.n0)}: the largest image that can still be copied, about half of count, less ${v.n1} metadata pages, PAGES_FOR_IO and twice reserved_size.`,
    ],
    [
      'hpmSize',
      'size = DIV_ROUND_UP(image_size, PAGE_SIZE); if (size > max_size) size = max_size;',
      (v) =>
        `Target size = ${u(v.n0)} pages (image_size, capped at max_size); ${v.n1} pages are saveable.`,
    ],
    [
      'hpmFits',
      'if (size >= saveable) { preallocate_image_highmem(save_highmem); preallocate_image_memory(…); goto out; }',
      (v) =>
        `${u(v.n0)} ≥ ${v.n1}: everything fits. One copy frame per saveable page, highmem first, and no give-back.`,
    ],
    [
      'hpmMinimum',
      'pages = minimum_image_size(saveable);   /* saveable − reclaimable "in theory" */',
      (v) =>
        `The image is too big: minimum_image_size() = ${v.n0} (of ${v.n1} saveable pages, only the page cache could be reclaimed).`,
    ],
    [
      'hpmAvail',
      'avail_normal = avail_normal > pages ? avail_normal − pages : 0; if (size < pages) size = min(pages, max_size);',
      (v) =>
        `Lowmem room for an image of minimum size is kept out of reach: avail_normal = ${u(v.n0)}; target size ${u(v.n1)}.`,
    ],
    [
      'hpmShrink',
      'shrink_all_memory(saveable − size);   /* one call, to a target */',
      (v) => `shrink_all_memory(${u(v.n0)}): one request to reclaim down to the target size.`,
    ],
    [
      'hpmShrinkPage',
      '  (mm/vmscan.c) reclaim one page-cache page',
      (v) => `shrink_all_memory frees page-cache pfn ${v.p0} (${v.n0} of ${u(v.n1)} asked for).`,
    ],
    [
      'hpmShrunk',
      '/* shrink_all_memory() returned */',
      (v) => `shrink_all_memory() freed ${pl(v.n0, 'page')} of the ${u(v.n1)} asked for.`,
    ],
    [
      'hpmAlloc',
      'pages_highmem = preallocate_image_highmem(highmem / 2); alloc = count − max_size − pages_highmem;',
      (v) =>
        `Make room for the largest possible image: ${u(v.n0)} more frames besides the ${v.n1} highmem ones, lowmem first.`,
    ],
    [
      'hpmLowShort',
      'if (pages < alloc) { alloc −= pages; pages_highmem = preallocate_image_highmem(alloc);',
      (v) =>
        `Lowmem is exhausted: the remaining ${u(v.n0)} frames must come from a highmem request.`,
    ],
    [
      'hpmShortErr',
      '  if (pages_highmem < alloc) { pr_err("Image allocation is %lu pages short"); goto err_out; }',
      (v) =>
        `"Image allocation is ${u(v.n0)} pages short": more than max_size saveable pages remain and nothing else can be freed. Today's kernel refuses an image bigger than about half of memory.`,
    ],
    [
      'hpmRest',
      '  alloc = (count − pages) − size; pages += preallocate_image_highmem(alloc); }',
      (v) => `Keep allocating until only the target size can remain: ${u(v.n0)} more frames.`,
    ],
    [
      'hpmFraction',
      'else { alloc = max_size − size; preallocate_highmem_fraction(alloc, highmem, count); … }',
      (v) =>
        `About max_size saveable pages are left; shrink to the target: ${u(v.n0)} more frames, ${u(v.n1)} of them from highmem in proportion highmem / count.`,
    ],
    [
      'funStart',
      'pages −= free_unnecessary_pages();',
      () =>
        'More frames were taken than there are saveable pages left: free_unnecessary_pages() gives the surplus back.',
    ],
    [
      'hpmDone',
      'out: pr_info("Allocated %lu pages for snapshot", pages); return 0;',
      (v) =>
        `"Allocated ${u(v.n0)} pages for snapshot": ${pl(v.n1, 'copy frame')} wait in copy_bm.`,
    ],
  ]),
  fn('preallocate_image_pages', SNAP, [
    [
      'pimStart',
      'preallocate_image_memory(nr, avail_normal): min(nr, avail_normal − alloc_normal) lowmem pages',
      (v) =>
        `preallocate_image_memory(${u(v.n0)}, avail_normal ${u(v.n1)}): lowmem frames, never beyond avail_normal.`,
    ],
    [
      'pimPage',
      '  page = alloc_image_page(GFP_IMAGE); memory_bm_set_bit(&copy_bm, pfn); alloc_normal++;',
      (v) => `alloc_image_page(GFP_IMAGE) takes lowmem pfn ${v.p0} as a copy frame (${v.n0}).`,
    ],
    [
      'pihStart',
      'preallocate_image_highmem(nr): nr pages of GFP_IMAGE | __GFP_HIGHMEM',
      (v) =>
        v.n0 < 0
          ? 'preallocate_image_highmem(): a highmem request without a useful limit (a wrapped count): until memory runs out.'
          : `preallocate_image_highmem(${v.n0}): a highmem request, which falls back to lowmem when highmem is full.`,
    ],
    [
      'pihPage',
      '  page = alloc_image_page(GFP_IMAGE | __GFP_HIGHMEM); set in copy_bm; alloc_highmem++ or alloc_normal++;',
      (v) => `alloc_image_page(__GFP_HIGHMEM) takes pfn ${v.p0} as a copy frame (${v.n0}).`,
    ],
    [
      'pipNone',
      '  if (!page) break;   /* no reclaim inside the allocation in the model */',
      (v) =>
        `No ${v.n1 ? 'frame for the highmem request' : 'lowmem frame'} is left: the preallocation stops after ${pl(v.n0, 'page')}.`,
    ],
  ]),
  fn('free_unnecessary_pages', SNAP, [
    [
      'funCount',
      'save = count_data_pages() …; save += count_highmem_pages();   /* mark_free_pages() */',
      (v) => `mark_free_pages(${v.zone(v.n0)}) before counting what is still saveable.`,
      { args: { zone: 'n0', free: 'n1' } },
    ],
    [
      'funPlan',
      'to_free_normal = alloc_normal − lowmem saveable; to_free_highmem = alloc_highmem − the rest;',
      (v) =>
        `Give back ${pl(v.n0, 'lowmem frame')} and ${pl(v.n1, 'highmem frame')}; highmem frames are kept for lowmem pages without a lowmem frame.`,
    ],
    [
      'funFree',
      'walk copy_bm from the start: clear the bit, unset forbidden and free, __free_page();',
      (v) =>
        `free_unnecessary_pages gives back ${v.n0 ? 'highmem' : 'lowmem'} pfn ${v.p0} (the lowest first; ${v.n1} more of that kind).`,
    ],
  ]),
  fn('hibernation_snapshot', HIB, [
    [
      'hsFreeze',
      'freeze_kernel_threads(); dpm_prepare(PMSG_FREEZE);',
      () => 'Kernel threads freeze and devices prepare; no frame changes.',
    ],
    [
      'hsShmem',
      'shrink_shmem_memory(); dpm_suspend(PMSG_FREEZE);   /* no shmem, no driver allocations in the model */',
      () =>
        'shrink_shmem_memory() frees nothing (no shmem here) and the drivers freeze without allocating: reserved_size stays unused.',
    ],
    [
      'ciEnter',
      'create_image(): in_suspend = 1; save_processor_state(); swsusp_arch_suspend() → swsusp_save();',
      () =>
        'create_image(): IRQs off, one CPU, in_suspend = 1; swsusp_arch_suspend() calls swsusp_save().',
    ],
    [
      'imgFree',
      'if (error || !in_suspend) swsusp_free();   /* back in the restored kernel */',
      () =>
        'hibernation_snapshot() in the restored kernel: in_suspend is 0, so swsusp_free() runs on the bitmaps as they were at copy time.',
    ],
  ]),
  fn('swsusp_save', SNAP, [
    ['saveStart', 'pr_info("Creating image:");', () => 'swsusp_save(): the atomic snapshot.'],
    [
      'saveDrain',
      'drain_local_pages(NULL);',
      () => 'drain_local_pages(): no per-CPU free pages in the model.',
    ],
    [
      'saveMark',
      'nr_pages = count_data_pages(); nr_highmem = count_highmem_pages();   /* mark_free_pages() */',
      (v) => `mark_free_pages(${v.zone(v.n0)}): ${pl(v.n1, 'free frame')} carry the free bit.`,
      { args: { zone: 'n0', free: 'n1' } },
    ],
    [
      'saveCount',
      'pr_info("Need to copy %u pages", nr_pages + nr_highmem);',
      (v) => `Need to copy ${v.n0 + v.n1} pages: ${v.n0} lowmem, ${v.n1} highmem.`,
    ],
    [
      'efmCheck',
      'if (!enough_free_mem(nr_pages, nr_highmem)) { pr_err("Not enough free memory"); return -ENOMEM; }',
      (v) =>
        v.n0 >>> 0 > v.n1 >>> 0
          ? `enough_free_mem(): ${u(v.n0)} lowmem frames (free + preallocated) > ${u(v.n1)} needed. Go on.`
          : `enough_free_mem(): ${u(v.n0)} lowmem frames (free + preallocated) is not more than ${u(v.n1)} needed: "Not enough free memory".`,
      { args: { free: 'n0', need: 'n1' }, marks: 'enough_free_mem' },
    ],
    [
      'allocFail',
      'if (swsusp_alloc(&copy_bm, nr_pages, nr_highmem)) { pr_err("Memory allocation failed"); … }',
      () => 'swsusp_alloc() found no page for the top-up: "Memory allocation failed", -ENOMEM.',
    ],
    [
      'saveDrain2',
      'drain_local_pages(NULL);   /* new cold pages may appear. Kill them. */',
      () => 'drain_local_pages() again before orig_bm is filled.',
    ],
    [
      'saveSizes',
      'nr_copy_pages = copy_data_pages(); nr_zero_pages = nr_pages − nr_copy_pages; nr_meta_pages = …;',
      (v) =>
        `nr_copy_pages = ${v.n0} data pages, nr_zero_pages = ${v.n1} (listed, but no data page).`,
    ],
    [
      'saveDone',
      'pr_info("Image created (%d pages copied, %d zero pages)");',
      (v) => `Image created (${v.n0} pages copied, ${v.n1} zero pages).`,
    ],
  ]),
  fn('swsusp_alloc', SNAP, [
    [
      'allocStart',
      'top up what hibernate_preallocate_memory() missed:',
      (v) =>
        `swsusp_alloc(): ${v.n0} lowmem and ${v.n1} highmem pages to copy; only what the preallocation missed is allocated now.`,
    ],
    [
      'ghbGet',
      'if (nr_highmem > 0) get_highmem_buffer(PG_ANY);   /* buffer = get_image_page(GFP_ATOMIC) */',
      (v) =>
        `get_highmem_buffer(): pfn ${v.p0} becomes buffer, the lowmem bounce page for highmem.`,
    ],
    [
      'ahpCount',
      '  if (nr_highmem > alloc_highmem) nr_pages += alloc_highmem_pages(copy_bm, nr_highmem − alloc_highmem);',
      (v) =>
        `alloc_highmem_pages(): ${pl(v.n0, 'more highmem frame')}; ${pl(v.n1, 'highmem page')} will need a lowmem copy.`,
    ],
    [
      'ahpPage',
      '    page = alloc_image_page(__GFP_HIGHMEM | __GFP_KSWAPD_RECLAIM); memory_bm_set_bit(bm, pfn);',
      (v) => `Top-up: highmem pfn ${v.p0} becomes a copy frame (${v.n0} of ${v.n1}).`,
    ],
    [
      'allocLow',
      'if (nr_pages > alloc_normal) (nr_pages − alloc_normal) × alloc_image_page(GFP_ATOMIC), set in copy_bm;',
      (v) => `Top-up: lowmem pfn ${v.p0} becomes a copy frame (${v.n0} of ${v.n1}).`,
    ],
  ]),
  fn('copy_data_pages', SNAP, [
    [
      'cdpMark',
      'for each populated zone: mark_free_pages(zone);',
      (v) => `mark_free_pages(${v.zone(v.n0)}): ${pl(v.n1, 'free frame')}.`,
      { args: { zone: 'n0', free: 'n1' } },
    ],
    [
      'cdpSet',
      '  for each pfn: if (page_is_saveable(zone, pfn)) memory_bm_set_bit(orig_bm, pfn);',
      (v) => `pfn ${v.p0} is saveable: its bit is set in orig_bm.`,
    ],
    [
      'cdpReset',
      'memory_bm_position_reset(orig_bm), (copy_bm); copy_pfn = memory_bm_next_pfn(copy_bm);',
      () => 'Both bitmaps are walked from the start, in ascending pfn order.',
    ],
    [
      'cdpLoop',
      'for (;;) { pfn = memory_bm_next_pfn(orig_bm); if (pfn == BM_END_OF_MAP) break;',
      () => 'orig_bm has no more bits: every saveable page is in the image.',
    ],
    [
      'cdpZero',
      '  if (copy_data_page(copy_pfn, pfn)) { memory_bm_set_bit(zero_bm, pfn); continue; }',
      (v) =>
        `pfn ${v.p0} was all zeros (${copyCase[v.n0]} into ${v.p1}): do_copy_page() says so, zero_bm gets the bit, and copy frame ${v.p1} is reused by the next page.`,
      { arrows: (v) => copyArrows(v.p0, v.p1, v.p2) },
    ],
  ]),
  fn('copy_data_page', SNAP, [
    [
      'cdpgHigh',
      'if (PageHighMem(s_page)) zeros_only = do_copy_page(kmap_atomic(d_page), kmap_atomic(s_page));',
      (v) => `copy_data_page: highmem pfn ${v.p0} → pfn ${v.p1} (${copyCase[v.n0]}).`,
      { arrows: (v) => copyArrows(v.p0, v.p1) },
    ],
    [
      'cdpgLowHigh',
      'else if (PageHighMem(d_page)) { zeros_only = safe_copy_page(buffer, s_page); copy_page(kmap(d), buffer); }',
      (v) => `copy_data_page: lowmem pfn ${v.p0} → highmem pfn ${v.p1} through buffer ${v.p2}.`,
      { arrows: (v) => copyArrows(v.p0, v.p1, v.p2) },
    ],
    [
      'cdpgLow',
      'else zeros_only = safe_copy_page(page_address(d_page), s_page);',
      (v) => `copy_data_page: lowmem pfn ${v.p0} → lowmem pfn ${v.p1}.`,
      { arrows: (v) => copyArrows(v.p0, v.p1) },
    ],
  ]),
  fn('swsusp_free', SNAP, [
    [
      'sfPage',
      'for every pfn set in both forbidden_pages_map and free_pages_map: clear both, __free_page();',
      (v) => `swsusp_free() releases pfn ${v.p0} (${v.n0}).`,
    ],
    [
      'imgFreePage',
      '  (in the restored kernel: the maps as they were at copy time)',
      (v) => `swsusp_free() in the restored kernel releases its copy-time frame pfn ${v.p0}.`,
    ],
  ]),
  fn('swsusp_write', SWAP, [
    [
      'swStart',
      'pages = snapshot_get_image_size();   /* nr_copy_pages + nr_meta_pages + 1 */',
      (v) => `swsusp_write(): the image is ${pl(v.n0, 'page')}; zero pages take none.`,
    ],
    [
      'swSwap',
      'if (nocompress && !enough_swap(pages)) { pr_err("Not enough free swap"); return -ENOSPC; }',
      (v) =>
        v.n0 < 0
          ? 'enough_swap(): swap space is unlimited in this scenario.'
          : `enough_swap(): ${v.n0} free swap pages against ${v.n1} needed.`,
    ],
    [
      'swMark',
      'swap_writer_finish(); mark_swapfiles();   /* the hibernation signature */',
      (v) => `All ${pl(v.n0, 'page')} written; the swap header gets the hibernation signature.`,
    ],
  ]),
  fn('snapshot_read_next', SNAP, [
    [
      'srnBuffer',
      'if (!buffer) buffer = get_image_page(GFP_ATOMIC, PG_ANY);',
      (v) => `No highmem in the image, so no buffer yet: pfn ${v.p0} becomes buffer now.`,
    ],
    [
      'srnFail',
      '  if (!buffer) return -ENOMEM;',
      () => 'No page for buffer: snapshot_read_next() returns -ENOMEM.',
    ],
    [
      'srnHeader',
      'if (!handle->cur) init_header(buffer); reset orig_bm, copy_bm;',
      (v) =>
        `init_header(): image_pages = ${v.n0}, pages = ${v.n0 + v.n1 + 1}; nr_zero_pages is not in the header.`,
    ],
    [
      'srnMeta',
      'else if (cur <= nr_meta_pages) pack_pfns(buffer, &orig_bm, &zero_bm);   /* bit 31: zero page */',
      (v) =>
        `pack_pfns(): meta page ${v.n0} lists the next pfns of orig_bm from entry ${v.n1}; zero pages get bit 31 (ENCODED_PFN_ZERO_FLAG).`,
    ],
    [
      'srnLow',
      'else page = next copy_bm frame; lowmem: handle->buffer = page_address(page);',
      (v) => `Data page ${v.n0} (pfn ${v.n1}) is written from copy frame ${v.p0}.`,
    ],
    [
      'srnHigh',
      '  highmem: copy_page(buffer, kmap_atomic(page)); handle->buffer = buffer;',
      (v) =>
        `Data page ${v.n0} (pfn ${v.n1}) is in highmem frame ${v.p0}: bounced through buffer ${v.p1}.`,
      { arrows: (v) => [{ from: v.p0, to: v.p1, kind: 'bounce' }] },
    ],
  ]),
  fn('power_down', HIB, [
    ['pdOff', 'kernel_power_off();', () => 'Power off: every frame loses its contents.'],
    [
      'pdBoot',
      'the boot kernel starts; software_resume() finds the signature',
      () => 'The boot kernel starts with its own memory layout.',
    ],
  ]),
  fn('load_image_and_restore', HIB, [
    [
      'srStart',
      'software_resume(): swsusp_check(); freeze_processes(); load_image_and_restore();',
      () => 'software_resume(): the image signature is on swap; processes freeze.',
    ],
    [
      'cbmbBoot',
      "error = create_basic_memory_bitmaps();   /* the boot kernel's own, unmarked */",
      () =>
        "create_basic_memory_bitmaps(): the boot kernel's forbidden and free maps; their pages are not forbidden, so an image pfn under them will need a PBE.",
    ],
    [
      'liarFail',
      'pr_err("Failed to load image, recovering."); swsusp_free(); free_basic_memory_bitmaps();',
      (v) =>
        `Resume fails (${v.n0}): "Failed to load image, recovering." The boot kernel carries on.`,
    ],
  ]),
  fn('load_image', SWAP, [
    [
      'liStart',
      'pr_info("Loading image data pages (%u pages)..."); while (snapshot_write_next() > 0) swap_read_page();',
      (v) => `load_image(): ${pl(v.n0, 'page')} after the header, one snapshot_write_next() each.`,
    ],
    [
      'srpRead',
      '  swap_read_page(handle, data_of(snapshot));',
      (v) => `swap_read_page(): image page ${v.n0} lands in pfn ${v.p0}.`,
      {
        args: { p0: 'p0', n0: 'n0', n1: 'pfn:n1' },
        arrows: (v) => [{ from: v.n1, to: v.p0, kind: 'load' }],
      },
    ],
    [
      'liDone',
      'snapshot_write_finalize(snapshot); if (!snapshot_image_loaded()) return -ENODATA;',
      () => 'Every page is in; snapshot_write_finalize() follows.',
    ],
  ]),
  fn('snapshot_write_next', SNAP, [
    [
      'swnBuffer',
      'if (cur == 0) { buffer = buffer ?: get_image_page(GFP_ATOMIC, PG_ANY); handle->buffer = buffer; }',
      (v) => `snapshot_write_next(): pfn ${v.p0} becomes buffer; the header is read into it.`,
    ],
    [
      'swnHeader',
      'else if (cur == 1) { load_header(buffer); safe_pages_list = NULL; create copy_bm, zero_bm;',
      (v) =>
        `load_header(): ${v.n0} data pages and ${pl(v.n1, 'meta page')}; safe_pages_list = NULL; copy_bm and zero_bm are built (PG_ANY).`,
    ],
    [
      'swnZeroCount',
      '  nr_zero_pages = 0; }   /* recounted from the meta pages */',
      () => 'nr_zero_pages = 0: the header does not carry it, the meta pages will.',
    ],
    [
      'unpack',
      'else if (cur <= nr_meta_pages + 1) { unpack_orig_pfns(buffer, &copy_bm, &zero_bm);',
      (v) => `unpack_orig_pfns(): meta page ${v.n0}, ${pl(v.n1, 'pfn')}.`,
    ],
    [
      'swnChain',
      '  if (last meta) { prepare_image(); chain_init(&ca, GFP_ATOMIC, PG_SAFE); reset orig_bm, zero_bm; }',
      () => 'The PBE chain allocator starts, PG_SAFE: its pages come off safe_pages_list.',
    ],
    [
      'swnMemset',
      'if (memory_bm_test_bit(&zero_bm, memory_bm_get_current(&orig_bm))) { memset(buffer, 0); goto next; }',
      (v) => `pfn ${v.n0} is a zero page: no data page on swap; frame ${v.p0} is memset to zeros.`,
      { args: { p0: 'p0', n0: 'pfn:n0' } },
    ],
  ]),
  fn('unpack_orig_pfns', SNAP, [
    [
      'unpackSet',
      'pfn = buf[j] & ENCODED_PFN_MASK; memory_bm_set_bit(copy_bm, pfn);',
      (v) => `Image pfn ${v.p0} (entry ${v.n0}) is set in copy_bm.`,
    ],
    [
      'unpackZero',
      'if (buf[j] & ENCODED_PFN_ZERO_FLAG) { memory_bm_set_bit(zero_bm, pfn); nr_zero_pages++; }',
      (v) => `Image pfn ${v.p0} (entry ${v.n0}) carries the zero flag: set in copy_bm and zero_bm.`,
    ],
  ]),
  fn('prepare_image', SNAP, [
    [
      'piStart',
      'prepare_image(&orig_bm, &copy_bm, &zero_bm):',
      () => 'prepare_image(): find room for the image without touching a frame the image needs.',
    ],
    [
      'piFree',
      'free_image_page(buffer, PG_UNSAFE_CLEAR); buffer = NULL;',
      (v) => `buffer (pfn ${v.p0}) is freed; it comes back only if the image has highmem.`,
    ],
    [
      'piCount',
      'nr_highmem = count_highmem_image_pages(copy_bm); mark_unsafe_pages(copy_bm);',
      (v) => `${pl(v.n0, 'highmem image page')}.`,
    ],
    [
      'piDupOrig',
      'memory_bm_create(new_bm, GFP_ATOMIC, PG_SAFE); duplicate_memory_bitmap(new_bm, bm);',
      (v) =>
        v.p0 < 0
          ? 'orig_bm holds every image pfn.'
          : `Image pfn ${v.p0} is copied into ${v.bitmap(v.n0)}.`,
    ],
    [
      'piFreeCopy',
      'memory_bm_free(bm, PG_UNSAFE_KEEP);',
      (v) => `copy_bm's pfn ${v.p0} is freed; an image pfn keeps its free (unsafe) bit.`,
    ],
    [
      'piDupTmp',
      'memory_bm_create(&tmp, PG_SAFE); duplicate_memory_bitmap(&tmp, zero_bm);',
      (v) => (v.p0 < 0 ? 'tmp holds every zero pfn.' : `Zero pfn ${v.p0} is copied into tmp.`),
    ],
    [
      'piFreeZero',
      'memory_bm_free(zero_bm, PG_UNSAFE_KEEP);   /* it was built before the unsafe pages were known */',
      (v) => `The old zero_bm's pfn ${v.p0} is freed.`,
    ],
    [
      'piDupZero',
      'memory_bm_create(zero_bm, PG_SAFE); duplicate_memory_bitmap(zero_bm, &tmp);',
      (v) =>
        v.p0 < 0
          ? 'zero_bm now lives in safe pages.'
          : `Zero pfn ${v.p0} is copied back into the new zero_bm.`,
    ],
    ['piFreeTmp', 'memory_bm_free(&tmp, PG_UNSAFE_CLEAR);', (v) => `tmp's pfn ${v.p0} is freed.`],
    [
      'piHighmem',
      'if (nr_highmem > 0) prepare_highmem_image(bm, &nr_highmem);',
      (v) => `prepare_highmem_image(): homes for ${pl(v.n0, 'highmem image page')}.`,
    ],
    [
      'piReserveCount',
      'nr_pages = (nr_zero_pages + nr_copy_pages) − nr_highmem − allocated_unsafe_pages;',
      (v) =>
        `${pl(v.n0, 'image page')} still need a lowmem frame; ${pl(v.n1, 'page')} of PBE reserve (341 PBEs each).`,
    ],
    [
      'piReserve',
      'DIV_ROUND_UP(nr_pages, PBES_PER_LINKED_PAGE) × get_image_page(PG_SAFE), pushed on safe_pages_list;',
      (v) =>
        `Safe pfn ${v.p0} goes on safe_pages_list as PBE reserve (${v.n0} of ${v.n1}); it stays there for chain_alloc().`,
    ],
    [
      'piPreallocCount',
      'nr_pages recomputed;   /* the reserve may have met unsafe pages */',
      (v) => `Preallocate ${pl(v.n0, 'lowmem frame')}.`,
    ],
    [
      'piPrealloc',
      'get_zeroed_page(GFP_ATOMIC): safe → push on safe_pages_list; set forbidden + free;',
      (v) =>
        v.n0
          ? `Preallocation ${v.n1}: pfn ${v.p0} is safe and goes on safe_pages_list.`
          : `Preallocation ${v.n1}: pfn ${v.p0} is an image pfn; owned now, its own page will load straight into it.`,
    ],
    [
      'piFail',
      'if (!lp) { error = -ENOMEM; goto Free; }',
      (v) => `No lowmem frame after ${v.n0} of ${v.n1}: prepare_image() fails with -ENOMEM.`,
    ],
  ]),
  fn('mark_unsafe_pages', SNAP, [
    [
      'mupClear',
      'clear the free bit of every pfn (walk free_pages_map, memory_bm_clear_current());',
      () => 'mark_unsafe_pages(): every free bit is cleared.',
    ],
    [
      'mupSet',
      'duplicate_memory_bitmap(free_pages_map, bm); allocated_unsafe_pages = 0;',
      (v) => `The free bit now means unsafe: the ${pl(v.n0, 'image pfn')}.`,
    ],
  ]),
  fn('prepare_highmem_image', SNAP, [
    [
      'phiBuffer',
      'memory_bm_create(bm, PG_SAFE); get_highmem_buffer(PG_SAFE);',
      (v) => `get_highmem_buffer(PG_SAFE): safe pfn ${v.p0} becomes buffer.`,
    ],
    [
      'phiCount',
      'to_alloc = min(count_free_highmem_pages(), nr_highmem); nr_highmem = to_alloc;',
      (v) => `${pl(v.n0, 'highmem frame')} to allocate.`,
    ],
    [
      'phiAlloc',
      '  page = alloc_page(__GFP_HIGHMEM); if (safe) set in bm, safe_highmem_pages++; set forbidden + free;',
      (v) =>
        v.n0
          ? `Highmem pfn ${v.p0} is safe: a home for a highmem page whose own frame is busy.`
          : `Highmem pfn ${v.p0} is an image pfn: owned, its page loads straight into it.`,
    ],
    [
      'phiDone',
      'memory_bm_position_reset(bm); safe_highmem_bm = bm;',
      (v) => `${pl(v.n0, 'safe highmem page')} in safe_highmem_bm.`,
    ],
  ]),
  fn('get_buffer', SNAP, [
    [
      'gbNext',
      'pfn = memory_bm_next_pfn(bm); if (PageHighMem(page)) return get_highmem_page_buffer(page, ca);',
      (v) => `get_buffer(): image pfn ${v.p0} is next.`,
    ],
    [
      'gbDirect',
      'if (forbidden && free) return page_address(page);   /* load in place */',
      (v) => `pfn ${v.p0} is owned and unsafe: its page is read straight into its own frame.`,
    ],
    [
      'gbPbe',
      'pbe = chain_alloc(ca); pbe->address = __get_safe_page(); push on restore_pblist;',
      (v) =>
        `pfn ${v.p0} is busy: a PBE, and its page goes to safe pfn ${v.p1} from the top of safe_pages_list.`,
    ],
    [
      'gbFail',
      'if (!pbe || !pbe->address) return ERR_PTR(-ENOMEM);',
      (v) => `No safe page for pfn ${v.p0}: -ENOMEM.`,
    ],
  ]),
  fn('chain_alloc', SNAP, [
    [
      'caPage',
      'if (no room) lp = __get_safe_page(gfp);   /* before the data home of the same PBE */',
      (v) => `chain_alloc(): safe pfn ${v.p0} becomes PBE chain page ${v.n0}.`,
    ],
  ]),
  fn('get_highmem_page_buffer', SNAP, [
    [
      'hDirect',
      'if (forbidden && free) { last_highmem_page = page; return buffer; }',
      (v) =>
        `Highmem pfn ${v.p0} is owned: its page is read into buffer ${v.p1} and copied across next.`,
    ],
    [
      'hHigh',
      'if (safe_highmem_pages > 0) { copy = next of safe_highmem_bm; last_highmem_page = copy; return buffer; }',
      (v) =>
        `Highmem pfn ${v.p0} is busy: a highmem PBE keeps its page in safe highmem pfn ${v.p1}, via buffer.`,
    ],
    [
      'hLow',
      'else kaddr = __get_safe_page(gfp);   /* a lowmem copy */ push on highmem_pblist;',
      (v) =>
        `Highmem pfn ${v.p0} is busy and safe highmem is used up: its page goes to safe lowmem pfn ${v.p1}.`,
    ],
  ]),
  fn('copy_last_highmem_page', SNAP, [
    [
      'clhpCopy',
      'if (last_highmem_page) copy_page(kmap_atomic(last_highmem_page), buffer);',
      (v) => `copy_last_highmem_page(): buffer ${v.p0} is copied into highmem pfn ${v.p1}.`,
      { arrows: (v) => copyArrows(v.p0, v.p1) },
    ],
  ]),
  fn('snapshot_write_finalize', SNAP, [
    [
      'swfStart',
      'if (cur > nr_meta_pages + 1) snapshot_write_next();   /* drain trailing zero pages: none left */',
      () => 'snapshot_write_finalize(): no trailing zero page is left to drain.',
    ],
    [
      'swfCopy',
      'copy_last_highmem_page();',
      (v) => `The last highmem page: buffer ${v.p0} → pfn ${v.p1}.`,
      { arrows: (v) => copyArrows(v.p0, v.p1) },
    ],
    [
      'swfRecycle',
      'memory_bm_recycle(&orig_bm);   /* its pages go on safe_pages_list */',
      (v) => `memory_bm_recycle(): orig_bm's pfn ${v.p0} is pushed on safe_pages_list for later.`,
    ],
    [
      'swfHigh',
      'free_highmem_data(): memory_bm_free(safe_highmem_bm, PG_UNSAFE_CLEAR);',
      (v) => `free_highmem_data() frees safe_highmem_bm's pfn ${v.p0}.`,
    ],
    [
      'swfBuffer',
      '  free_image_page(buffer, PG_UNSAFE_CLEAR);',
      (v) => `free_highmem_data() frees buffer, pfn ${v.p0}.`,
    ],
  ]),
  fn('resume_target_kernel', HIB, [
    [
      'rtkStart',
      'dpm_suspend_end(); local_irq_disable(); save_processor_state(); restore_highmem();',
      () => 'resume_target_kernel(): devices quiesced, IRQs off; highmem first.',
    ],
    [
      'rtkFail',
      'if (error) { restore_highmem(); swsusp_free(); … }   /* undo the swaps */',
      (v) =>
        v.n0
          ? 'swsusp_arch_resume() found no safe page: restore_highmem() again undoes the swaps.'
          : 'restore_highmem() found no bounce page: -ENOMEM.',
    ],
  ]),
  fn('restore_highmem', SNAP, [
    [
      'rhStart',
      'if (!highmem_pblist) return 0; buf = get_image_page(GFP_ATOMIC, PG_SAFE);',
      (v) => `restore_highmem(): ${pl(v.n0, 'highmem PBE')} to swap.`,
    ],
    [
      'rhUndo',
      '/* called again after a failure: the same swaps undo themselves */',
      (v) => `restore_highmem() again: ${pl(v.n0, 'swap')} undone.`,
    ],
    [
      'rhBuf',
      '  buf = get_image_page(GFP_ATOMIC, PG_SAFE);   /* not from safe_pages_list */',
      (v) => `restore_highmem() takes safe pfn ${v.p0} from the allocator as its bounce page.`,
    ],
    [
      'rhSwap',
      '  for each pbe from the head: swap_two_pages_data(pbe->copy_page, pbe->orig_page, buf);',
      (v) =>
        `Pfn ${v.p0} and pfn ${v.p1} trade contents through ${v.p2}; pfn ${v.p1} holds its image page again.`,
      {
        arrows: (v) => [
          { from: v.p0, to: v.p1, kind: 'swap' },
          { from: v.p0, to: v.p2, kind: 'bounce' },
        ],
      },
    ],
    [
      'rhFree',
      'free_image_page(buf, PG_UNSAFE_CLEAR);',
      (v) => `restore_highmem() frees bounce page ${v.p0}.`,
    ],
  ]),
  fn('swsusp_arch_resume', ARCH, [
    [
      'sarStart',
      'swsusp_arch_resume(): the pages the restore code runs on, all from get_safe_page():',
      (v) =>
        `swsusp_arch_resume(): ${pl(v.n0, 'safe page')} for the temporary page tables and the restore code${v.n1 ? ' (PAE: two pmd tables)' : ''}.`,
    ],
    [
      'sarPage',
      '  resume_pg_dir; [PAE: 2 pmd tables;] relocate_restore_code();   /* get_safe_page(GFP_ATOMIC) */',
      (v) => `get_safe_page() gives pfn ${v.p0}: ${archWhat[v.n0] ?? ''}.`,
    ],
    [
      'sarCr3',
      'restore_image(): jump to relocated core_restore_code; cr3 = temp_pgt;',
      (v) =>
        `core_restore_code runs on resume_pg_dir (pfn ${v.p0}); ${pl(v.n0, 'PBE')} on restore_pblist.`,
    ],
    [
      'sarCopy',
      '  for each pbe: rep movsl PAGE_SIZE / 4 longs from pbe->address to pbe->orig_address;',
      (v) => `The copy loop puts pfn ${v.p1}'s page back from safe pfn ${v.p0}.`,
      { arrows: (v) => [{ from: v.p0, to: v.p1, kind: 'restore' }] },
    ],
    [
      'sarJump',
      'jmpl *restore_jump_address → restore_registers: cr3, registers; in_suspend = 0; ret;',
      () =>
        "Into the image kernel's restore_registers: its page tables, its registers, in_suspend = 0.",
    ],
  ]),
  fn('create_image', HIB, [
    [
      'imgBack',
      '/* Restore control flow magically appears here */ restore_processor_state();',
      () =>
        'The image kernel runs again, inside create_image() right after swsusp_arch_suspend(): in_suspend is 0.',
    ],
    [
      'imgVerify',
      'the restored system runs: every saved page is back in its frame',
      (v) =>
        v.n1 === 0
          ? `Restored: all ${v.n0} saved pages match their snapshot, and memory is back to before the snapshot (plus what was reclaimed).`
          : `${v.n1} of ${v.n0} saved pages do not match their snapshot.`,
      { args: { checked: 'n0', differ: 'n1' }, marks: 'verify' },
    ],
  ]),
];

const POSITIONAL: ArgSpec = { p0: 'p0', p1: 'p1', p2: 'p2', n0: 'n0', n1: 'n1' };
const COLUMN: Record<string, 'p0' | 'p1' | 'p2' | 'n0' | 'n1'> = {
  p0: 'p0',
  p1: 'p1',
  p2: 'p2',
  n0: 'n0',
  n1: 'n1',
  'pfn:n0': 'n0',
  'pfn:n1': 'n1',
};

/** A kind's named arguments back in their columns, as this file's sentences read them. */
function columns(spec: ArgSpec, a: Readonly<Record<string, number>>, w?: Words): StepArgs {
  const v: StepArgs = {
    p0: -1,
    p1: -1,
    p2: -1,
    n0: 0,
    n1: 0,
    zone: (i) => w?.zone(i) ?? `zone ${i}`,
    bitmap: (id) => w?.bitmap(id) ?? 'bitmap',
  };
  for (const [name, col] of Object.entries(spec)) v[COLUMN[col]] = a[name];
  return v;
}

/** Counts in sentences with thousands separators, as everywhere on the page. */
const separated = (text: string): string =>
  text.replace(/\d{4,}/g, (d) => Number(d).toLocaleString('en-US'));

function declare([, , say, extra]: Line, key: string): KindDecl {
  const spec = extra?.args ?? POSITIONAL;
  const arrows = extra?.arrows;
  return {
    line: key,
    args: spec,
    say: (a, w) => separated(say(columns(spec, a, w))),
    arrows: arrows
      ? (a) => arrows(columns(spec, a)).filter((x) => x.from >= 0 && x.to >= 0)
      : undefined,
    untouched: extra?.untouched,
    marks: extra?.marks,
  };
}

/**
 * The linux-6.12 model for the step catalogue. Its kinds are built from the table above, so it is
 * registered without a compile-time kind table (catalogue.ts).
 */
export const MODEL_612: ModelDecl<'linux-6.12'> = {
  model: 'linux-6.12',
  functions: STEPS_612.map((f) => ({
    name: f.name,
    file: f.file,
    lines: f.lines.map(([key, code]) => [`6.${key}`, code] as const),
  })),
  kinds: Object.fromEntries(
    STEPS_612.flatMap((f) => f.lines.map((l) => [`6.${l[0]}`, declare(l, `6.${l[0]}`)])),
  ),
};
