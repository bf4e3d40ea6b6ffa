/**
 * linux-2.6.20 (kernel/power/snapshot.c @ 8357376d, swsusp.c, swap.c, disk.c): the pseudocode of
 * every function the model runs, written for this project with the kernel's names, and one
 * declaration per kind of step.
 */
import { defineModel, fn, kind } from '../kind';
import type { Args, StepArrow } from '../kind';
import { ARCH_I386, DISK, PAGE_ALLOC, SNAP, SWAP, SWSUSP } from './files';

export const FUNCTIONS_2620 = [
  fn('swsusp_shrink_memory', SWSUSP, [
    ['sh.start', 'printk("Shrinking memory...  ");'],
    ['sh.count', 'highmem_size = count_highmem_pages(); size = count_data_pages() + PAGES_FOR_IO;'],
    [
      'sh.tmp',
      'tmp = size − Σ lowmem free + Σ snapshot_additional_pages + max(highmem_size − free highmem, 0);',
    ],
    ['sh.free', 'if (tmp > 0) { tmp = shrink_all_memory(min(tmp, SHRINK_BITE));'],
    ['sh.enomem', '  if (!tmp) return -ENOMEM; }'],
    [
      'sh.imgsize',
      'else if (size > image_size) tmp = shrink_all_memory(min(size − image_size, SHRINK_BITE));',
    ],
    ['sh.done', '} while (tmp > 0); printk("done (%lu pages freed)");'],
  ]),
  fn('mark_free_pages', PAGE_ALLOC, [
    [
      'mfp.mark',
      'clear NosaveFree on every valid page without Nosave; set NosaveFree on every free page;',
    ],
  ]),
  fn('swsusp_save', SNAP, [
    ['save.drain', 'drain_local_pages();'],
    ['save.count', 'nr_pages = count_data_pages(); nr_highmem = count_highmem_pages();'],
    ['save.need', 'printk("swsusp: Need to copy %u pages", nr_pages + nr_highmem);'],
    [
      'save.enough',
      'if (!enough_free_mem(nr_pages, nr_highmem)) { printk("swsusp: Not enough free memory"); return -ENOMEM; }',
    ],
    [
      'save.alloc',
      'if (swsusp_alloc(&orig_bm, &copy_bm, nr_pages, nr_highmem)) { printk("swsusp: Memory allocation failed"); return -ENOMEM; }',
    ],
    ['save.drain2', 'drain_local_pages();   /* new cold pages may have appeared */'],
    ['save.copy', 'copy_data_pages(&copy_bm, &orig_bm);'],
    [
      'save.sizes',
      'nr_copy_pages = nr_pages + nr_highmem; nr_meta_pages = DIV_ROUND_UP(nr_copy_pages * sizeof(long), PAGE_SIZE);',
    ],
    ['save.done', 'printk("swsusp: critical section/: done (%d pages copied)");'],
  ]),
  fn('enough_free_mem', SNAP, [
    [
      'efm.check',
      'return Σ lowmem free > nr_pages + count_pages_for_highmem(nr_highmem) + PAGES_FOR_IO + Σ snapshot_additional_pages;',
    ],
  ]),
  fn('swsusp_alloc', SNAP, [
    ['alloc.orig', 'memory_bm_create(orig_bm, GFP_ATOMIC | __GFP_COLD, PG_ANY);'],
    ['alloc.copy', 'memory_bm_create(copy_bm, GFP_ATOMIC | __GFP_COLD, PG_ANY);'],
    ['alloc.buffer', 'if (nr_highmem > 0) { get_highmem_buffer(PG_ANY);'],
    ['alloc.highmem', '  nr_pages += alloc_highmem_image_pages(copy_bm, nr_highmem); }'],
    ['alloc.low', 'while (nr_pages-- > 0) page = alloc_image_page(GFP_ATOMIC | __GFP_COLD);'],
    ['alloc.lowset', '  memory_bm_set_bit(copy_bm, page_to_pfn(page));'],
    ['alloc.fail', 'Free: swsusp_free(); return -ENOMEM;'],
  ]),
  fn('memory_bm_create', SNAP, [
    [
      'bmc.chain',
      'zone_bitmap and bm_block objects = chain_alloc(&ca, 20)   /* a new chain page when 4092 bytes are used */',
    ],
    ['bmc.data', 'for each bm_block: bb->data = get_image_page(gfp_mask, safe_needed);'],
    ['bmc.fail', 'if (!bb->data) { memory_bm_free(bm, PG_UNSAFE_CLEAR); return -ENOMEM; }'],
  ]),
  fn('get_image_page', SNAP, [
    [
      'gip.unsafe',
      'if (safe_needed) while (PageNosaveFree(page)) { SetPageNosave(page); allocated_unsafe_pages++; page = get_zeroed_page(); }',
    ],
  ]),
  fn('get_highmem_buffer', SNAP, [
    ['ghb.get', 'buffer = get_image_page(GFP_ATOMIC | __GFP_COLD, safe_needed);'],
  ]),
  fn('alloc_highmem_image_pages', SNAP, [
    [
      'ahi.count',
      'to_alloc = min(count_free_highmem_pages(), nr_highmem); leftover = nr_highmem − to_alloc;',
    ],
    ['ahi.alloc', 'while (to_alloc-- > 0) page = alloc_image_page(__GFP_HIGHMEM);'],
    ['ahi.set', '  memory_bm_set_bit(bm, page_to_pfn(page));'],
  ]),
  fn('copy_data_pages', SNAP, [
    ['cdp.mark', 'for_each_zone(zone) mark_free_pages(zone);'],
    [
      'cdp.set',
      '  for each pfn of the zone: if (page_is_saveable(zone, pfn)) memory_bm_set_bit(orig_bm, pfn);',
    ],
    ['cdp.reset', 'memory_bm_position_reset(orig_bm); memory_bm_position_reset(copy_bm);'],
    [
      'cdp.loop',
      'while ((pfn = memory_bm_next_pfn(orig_bm)) != BM_END_OF_MAP) copy_data_page(memory_bm_next_pfn(copy_bm), pfn);',
    ],
  ]),
  fn('copy_data_page', SNAP, [
    [
      'cdpg.high',
      'if (PageHighMem(src)) { kmap_atomic(src), kmap_atomic(dst); do_copy_page(dst, src); }',
    ],
    [
      'cdpg.lowhigh',
      'else if (PageHighMem(dst)) { do_copy_page(buffer, src); memcpy(kmap_atomic(dst), buffer, PAGE_SIZE); }',
    ],
    ['cdpg.low', 'else do_copy_page(page_address(dst), page_address(src));'],
  ]),
  fn('snapshot_read_next', SNAP, [
    ['srn.buffer', 'if (!buffer) buffer = get_image_page(GFP_ATOMIC, PG_ANY);'],
    [
      'srn.header',
      'if (!handle->offset) { init_header(buffer); memory_bm_position_reset(orig_bm), (copy_bm); }',
    ],
    ['srn.meta', 'if (cur <= nr_meta_pages) { memset(buffer, 0); pack_pfns(buffer, &orig_bm); }'],
    [
      'srn.low',
      'else page = pfn_to_page(memory_bm_next_pfn(&copy_bm)); lowmem: handle->buffer = page_address(page);',
    ],
    [
      'srn.high',
      '  highmem: memcpy(buffer, kmap_atomic(page), PAGE_SIZE); handle->buffer = buffer;',
    ],
  ]),
  fn('swsusp_write', SWAP, [
    ['sw.start', 'swsusp_swap_check(); snapshot_read_next(&snapshot) → header;'],
    [
      'sw.swap',
      'if (!enough_swap(header->pages)) { printk("swsusp: Not enough free swap"); return -ENOSPC; }',
    ],
    [
      'sw.write',
      'swap_write_page(&handle, data_of(snapshot)) for every page: header, meta pages, data pages;',
    ],
    [
      'sw.mark',
      'flush_swap_writer(); mark_swapfiles(start);   /* "S1SUSPEND" in the swap header */',
    ],
  ]),
  fn('power_down', DISK, [
    ['pd.off', 'power_down(pm_disk_mode);   /* RAM loses its contents */'],
    [
      'pd.boot',
      'the boot kernel starts with its own memory layout; software_resume() runs as a late initcall',
    ],
  ]),
  fn('swsusp_check', SWAP, [
    ['chk.sig', 'read the swap header; "S1SUSPEND" found: write back the original signature;'],
  ]),
  fn('snapshot_write_next', SNAP, [
    [
      'swn.buffer',
      'if (handle->offset == 0) { if (!buffer) buffer = get_image_page(GFP_ATOMIC, PG_ANY); handle->buffer = buffer; }',
    ],
    [
      'swn.header',
      'if (prev == 0) { load_header(buffer);   /* check_header(); nr_copy_pages, nr_meta_pages */',
    ],
    ['swn.copybm', '  memory_bm_create(&copy_bm, GFP_ATOMIC, PG_ANY); }'],
    ['swn.unpack', 'else if (prev <= nr_meta_pages) { unpack_orig_pfns(buffer, &copy_bm);'],
    ['swn.prepare', '  if (prev == nr_meta_pages) { prepare_image(&orig_bm, &copy_bm);'],
    [
      'swn.chain',
      '    chain_init(&ca, GFP_ATOMIC, PG_SAFE); memory_bm_position_reset(&orig_bm); handle->buffer = get_buffer(&orig_bm, &ca); } }',
    ],
    ['swn.next', 'else { copy_last_highmem_page(); handle->buffer = get_buffer(&orig_bm, &ca); }'],
  ]),
  fn('check_header', SNAP, [
    ['ch.check', 'compare version_code, num_physpages, utsname fields with the running kernel;'],
    ['ch.fail', 'if (reason) { printk("swsusp: Resume mismatch: %s", reason); return -EPERM; }'],
  ]),
  fn('unpack_orig_pfns', SNAP, [
    [
      'unpack.set',
      'for (j = 0; buf[j] != BM_END_OF_MAP && j < 1024; j++) memory_bm_set_bit(bm, buf[j]);',
    ],
  ]),
  fn('load_image', SWAP, [
    ['li.start', 'printk("Loading image data pages (%u pages) ...");'],
    ['li.read', 'swap_read_page(handle, data_of(*snapshot));   /* into handle->buffer */'],
    ['li.fail', 'if (error) break;   /* the page is not on swap */'],
    ['li.done', 'printk("done"); snapshot_write_finalize(snapshot);'],
  ]),
  fn('prepare_image', SNAP, [
    ['pi.free', 'free_image_page(buffer, PG_UNSAFE_CLEAR); buffer = NULL;'],
    ['pi.count', 'nr_highmem = count_highmem_image_pages(bm);'],
    ['pi.unsafe', 'mark_unsafe_pages(bm);'],
    ['pi.orig', 'memory_bm_create(new_bm, GFP_ATOMIC, PG_SAFE);'],
    ['pi.dup', 'duplicate_memory_bitmap(new_bm, bm);'],
    ['pi.freecopy', 'memory_bm_free(bm, PG_UNSAFE_KEEP);'],
    ['pi.highmem', 'if (nr_highmem > 0) prepare_highmem_image(bm, &nr_highmem);'],
    [
      'pi.reserve',
      'repeat DIV_ROUND_UP(nr_copy_pages − nr_highmem − allocated_unsafe_pages, PBES_PER_LINKED_PAGE): push get_image_page(GFP_ATOMIC, PG_SAFE) on sp_list;',
    ],
    [
      'pi.prealloc',
      'repeat nr_copy_pages − nr_highmem − allocated_unsafe_pages: lp = get_zeroed_page(GFP_ATOMIC); if (!PageNosaveFree(lp)) push lp on safe_pages_list; SetPageNosave + NosaveFree;',
    ],
    ['pi.freesp', 'free every sp_list page (PG_UNSAFE_CLEAR) so that chain_alloc() can use it;'],
    ['pi.fail', 'Free: swsusp_free(); return error;'],
  ]),
  fn('mark_unsafe_pages', SNAP, [
    ['mup.clear', 'for every valid pfn: ClearPageNosaveFree(page);'],
    [
      'mup.set',
      'for every pfn of bm: SetPageNosaveFree(page);   /* unsafe */ allocated_unsafe_pages = 0;',
    ],
  ]),
  fn('duplicate_memory_bitmap', SNAP, [
    ['dup.set', 'for each set bit of src: memory_bm_set_bit(dst, pfn);'],
  ]),
  fn('memory_bm_free', SNAP, [
    ['bmf.page', 'free_image_page(each bb->data, then each chain page, clear_nosave_free);'],
  ]),
  fn('prepare_highmem_image', SNAP, [
    ['phi.bm', 'memory_bm_create(bm, GFP_ATOMIC, PG_SAFE);   /* becomes safe_highmem_bm */'],
    ['phi.buffer', 'get_highmem_buffer(PG_SAFE);'],
    [
      'phi.count',
      'to_alloc = min(count_free_highmem_pages(), *nr_highmem); *nr_highmem = to_alloc;',
    ],
    [
      'phi.alloc',
      'page = alloc_page(__GFP_HIGHMEM); if (!PageNosaveFree(page)) { memory_bm_set_bit(bm, pfn); safe_highmem_pages++; } SetPageNosave + NosaveFree;',
    ],
    ['phi.done', 'memory_bm_position_reset(bm); safe_highmem_bm = bm;'],
  ]),
  fn('get_buffer', SNAP, [
    [
      'gb.next',
      'page = pfn_to_page(memory_bm_next_pfn(bm)); if (PageHighMem(page)) return get_highmem_page_buffer(page, ca);',
    ],
    [
      'gb.direct',
      'if (PageNosave(page) && PageNosaveFree(page)) return page_address(page);   /* load in place */',
    ],
    [
      'gb.pbe',
      'pbe = chain_alloc(ca, sizeof(struct pbe)); pbe->orig_address = page; pbe->address = safe_pages_list; pop; push pbe on restore_pblist;',
    ],
    ['gb.fail', 'if (!pbe) { swsusp_free(); return NULL; }'],
  ]),
  fn('chain_alloc', SNAP, [
    [
      'ca.page',
      'if (LINKED_PAGE_DATA_SIZE − used_space < size) { lp = get_image_page(gfp_mask, safe_needed); lp->next = chain; chain = lp; used_space = 0; }',
    ],
  ]),
  fn('get_highmem_page_buffer', SNAP, [
    [
      'ghpb.direct',
      'if (PageNosave(page) && PageNosaveFree(page)) { last_highmem_page = page; return buffer; }',
    ],
    [
      'ghpb.high',
      'pbe = chain_alloc(ca, sizeof(struct highmem_pbe)); if (safe_highmem_pages > 0) { copy = next(safe_highmem_bm); last_highmem_page = copy; return buffer; }',
    ],
    [
      'ghpb.low',
      'else { copy = safe_pages_list; pop; return copy; }   /* a highmem page kept in lowmem */',
    ],
  ]),
  fn('copy_last_highmem_page', SNAP, [
    [
      'clhp.copy',
      'if (last_highmem_page) { memcpy(kmap_atomic(last_highmem_page), buffer, PAGE_SIZE); last_highmem_page = NULL; }',
    ],
  ]),
  fn('snapshot_write_finalize', SNAP, [
    ['swf.copy', 'copy_last_highmem_page();'],
    ['swf.orig', 'memory_bm_free(&orig_bm, PG_UNSAFE_CLEAR);'],
    ['swf.high', 'free_highmem_data();   /* safe_highmem_bm and buffer */'],
  ]),
  fn('swsusp_resume', SWSUSP, [
    ['res.irq', 'local_irq_disable(); device_power_down(PMSG_PRETHAW); save_processor_state();'],
    ['res.rh', 'error = restore_highmem();'],
    ['res.arch', 'if (!error) swsusp_arch_resume();   /* never returns on success */'],
    ['res.fail', 'swsusp_free(); return error;'],
  ]),
  fn('restore_highmem', SNAP, [
    ['rh.buf', 'buf = get_image_page(GFP_ATOMIC, PG_SAFE); if (!buf) return -ENOMEM;'],
    [
      'rh.swap',
      'for each pbe of highmem_pblist: swap_two_pages_data(pbe->copy_page, pbe->orig_page, buf);',
    ],
    ['rh.free', 'free_image_page(buf, PG_UNSAFE_CLEAR);'],
  ]),
  fn('swsusp_arch_resume', ARCH_I386, [
    ['ar.cr3', 'movl swsusp_pg_dir, %cr3; edx = restore_pblist;'],
    [
      'ar.copy',
      'while (edx) { esi = pbe->address; edi = pbe->orig_address; rep movsl (1024 longs); edx = pbe->next; }',
    ],
    ['ar.ret', 'flush the TLB; restore the saved registers; ret   /* into the image kernel */'],
  ]),
  fn('swsusp_free', SNAP, [
    [
      'sf.page',
      'for every valid pfn: if (PageNosave && PageNosaveFree) { clear both; __free_page(page); }',
    ],
  ]),
  fn('pm_suspend_disk', DISK, [
    [
      'img.back',
      'control returns in swsusp_suspend() of the image kernel; in_suspend (__nosavedata) reads 0;',
    ],
    ['img.free', 'swsusp_free();   /* the suspend-time copies, bitmaps and buffer */'],
    ['img.verify', 'the restored system runs: every saved page is back in its frame'],
  ]),
] as const;

/** A copy, and when it goes through a buffer, the two legs of the bounce. */
export const copyArrows = (src: number, dst: number, via = -1): StepArrow[] =>
  via >= 0
    ? [
        { from: src, to: dst, kind: 'copy' },
        { from: src, to: via, kind: 'bounce' },
        { from: via, to: dst, kind: 'bounce' },
      ]
    : [{ from: src, to: dst, kind: 'copy' }];

const load = (from: number, to: number): StepArrow[] => [{ from, to, kind: 'load' }];

const copyCase = ['low→low', 'high→low', 'high→high', 'low→high'];

/** The three steps of swap_read_page(), one kind per kind of image page. */
export const READ_KINDS = {
  'li.header': kind({
    line: 'li.read',
    args: { into: 'p0' },
    say: (a, w) => `swap_read_page reads the header (image page 0) into buffer ${w.n(a.into)}.`,
    arrows: (a) => load(-1, a.into),
  }),
  'li.meta': kind({
    line: 'li.read',
    args: { into: 'p0', meta: 'n0' },
    say: (a, w) =>
      `swap_read_page reads meta page ${w.n(a.meta)} (image page ${w.n(a.meta)}) into buffer ${w.n(a.into)}.`,
    arrows: (a) => load(-1, a.into),
  }),
  'li.data': kind({
    line: 'li.read',
    args: { into: 'p0', image: 'n0', of: 'pfn:n1' },
    say: (a, w) =>
      `swap_read_page reads image page ${w.n(a.image)}, the data of pfn ${w.n(a.of)}, into pfn ${w.n(a.into)}.`,
    arrows: (a) => load(a.of, a.into),
  }),
} as const;

/** Steps of swsusp_shrink_memory()'s loop that both models share. */
const freed = (a: Args<{ page: 'p0'; freed: 'n0'; asked: 'n1' }>, w: { n(x: number): string }) =>
  `(${w.n(a.freed)} of ${w.n(a.asked)} asked for)`;

export const MODEL_2620 = defineModel('linux-2.6.20', FUNCTIONS_2620, {
  'sh.start': kind({
    line: 'sh.start',
    args: {},
    say: () =>
      'swsusp_shrink_memory starts: free memory until the image and its metadata fit in lowmem.',
  }),
  'sh.count': kind({
    line: 'sh.count',
    args: { lowmem: 'n0', highmem: 'n1' },
    say: (a, w) =>
      `count_data_pages and count_highmem_pages find ${w.n(a.lowmem)} saveable lowmem and ${w.pl(a.highmem, 'saveable highmem page')}.`,
  }),
  'sh.tmp': kind({
    line: 'sh.tmp',
    args: { tmp: 'n0', size: 'n1' },
    say: (a, w) =>
      a.tmp > 0
        ? `tmp = ${w.n(a.tmp)}: lowmem is still ${w.pl(a.tmp, 'page')} short for copies, PAGES_FOR_IO and bitmaps; the image would be ${w.pl(a.size, 'page')}.`
        : `tmp = ${w.n(a.tmp)}: lowmem is large enough; the image would be ${w.pl(a.size, 'page')}.`,
  }),
  'sh.free': kind({
    line: 'sh.free',
    args: { page: 'p0', freed: 'n0', asked: 'n1' },
    say: (a, w) =>
      `shrink_all_memory frees reclaimable page-cache pfn ${w.n(a.page)} ${freed(a, w)}.`,
  }),
  'sh.imgsize': kind({
    line: 'sh.imgsize',
    args: { page: 'p0', freed: 'n0', asked: 'n1' },
    say: (a, w) =>
      `shrink_all_memory frees page-cache pfn ${w.n(a.page)} to bring the image under image_size ${freed(a, w)}.`,
  }),
  'sh.enomem': kind({
    line: 'sh.enomem',
    args: { missing: 'n0' },
    say: (a, w) =>
      `shrink_all_memory freed nothing while ${w.pl(a.missing, 'page is', 'pages are')} still missing: swsusp_shrink_memory returns -ENOMEM and the suspend is abandoned.`,
  }),
  'sh.done': kind({
    line: 'sh.done',
    args: { freed: 'n0' },
    say: (a, w) => `Shrinking done: ${w.pl(a.freed, 'page')} freed.`,
  }),
  'mfp.mark': kind({
    line: 'mfp.mark',
    args: { zone: 'n0', free: 'n1' },
    say: (a, w) =>
      `mark_free_pages(${w.zone(a.zone)}): NosaveFree now marks the zone's ${w.pl(a.free, 'free frame')}.`,
  }),
  'save.drain': kind({
    line: 'save.drain',
    args: {},
    say: () =>
      'swsusp_save enters the critical section (IRQs off, one CPU); drain_local_pages has no per-CPU pages to return here.',
  }),
  'save.count': kind({
    line: 'save.count',
    args: { lowmem: 'n0', highmem: 'n1' },
    say: (a, w) =>
      `swsusp_save counts L = ${w.n(a.lowmem)} saveable lowmem pages and H = ${w.n(a.highmem)} saveable highmem pages.`,
  }),
  'save.need': kind({
    line: 'save.need',
    args: { pages: 'n0' },
    say: (a, w) => `swsusp: Need to copy ${w.pl(a.pages, 'page')}.`,
  }),
  'efm.check': kind({
    line: 'efm.check',
    args: { free: 'n0', need: 'n1' },
    marks: 'enough_free_mem',
    say: (a, w) =>
      a.free > a.need
        ? `enough_free_mem: ${w.n(a.free)} free lowmem pages > ${w.n(a.need)} needed (copies, highmem overflow, PAGES_FOR_IO, bitmaps): go on.`
        : `enough_free_mem: ${w.pl(a.free, 'free lowmem page is', 'free lowmem pages are')} not more than the ${w.n(a.need)} needed: "swsusp: Not enough free memory".`,
  }),
  'save.drain2': kind({
    line: 'save.drain2',
    args: {},
    say: () =>
      'drain_local_pages again: pages freed during the allocation must be seen as free before orig_bm is filled.',
  }),
  'save.sizes': kind({
    line: 'save.sizes',
    args: { copyPages: 'n0', metaPages: 'n1' },
    say: (a, w) =>
      `nr_copy_pages = ${w.n(a.copyPages)}; nr_meta_pages = ${w.n(a.metaPages)} (4 bytes per pfn, 1,024 pfns per meta page).`,
  }),
  'save.done': kind({
    line: 'save.done',
    args: { pages: 'n0' },
    say: (a, w) => `swsusp: critical section/: done (${w.pl(a.pages, 'page')} copied).`,
  }),
  'alloc.fail': kind({
    line: 'alloc.fail',
    args: {},
    say: () => 'swsusp_alloc could not get a page: swsusp_free releases everything it took.',
  }),
  'bmc.chain': kind({
    line: 'bmc.chain',
    args: { page: 'p0', bitmap: 'n0', what: 'n1' },
    say: (a, w) =>
      `chain_alloc takes pfn ${w.n(a.page)} as a chain page for ${w.bitmap(a.bitmap)}'s ${a.what === 0 ? 'zone_bitmap' : 'bm_block'} objects (20 bytes each).`,
  }),
  'bmc.data': kind({
    line: 'bmc.data',
    args: { page: 'p0', first: 'p1', bitmap: 'n0', block: 'n1' },
    untouched: ['first'],
    say: (a, w) =>
      `pfn ${w.n(a.page)} becomes the data page of ${w.bitmap(a.bitmap)}'s bm_block ${w.n(a.block)} (one bit per pfn from pfn ${w.n(a.first)}).`,
  }),
  'bmc.fail': kind({
    line: 'bmc.fail',
    args: { bitmap: 'n0' },
    say: (a, w) =>
      `memory_bm_create(${w.bitmap(a.bitmap)}) ran out of pages: it frees what it took and returns -ENOMEM.`,
  }),
  'bmf.page': kind({
    line: 'bmf.page',
    args: { page: 'p0', bitmap: 'n0', clear: 'n1' },
    say: (a, w) =>
      `memory_bm_free(${w.bitmap(a.bitmap)}) frees pfn ${w.n(a.page)}${a.clear ? '' : ' (PG_UNSAFE_KEEP: it stays marked unsafe)'}.`,
  }),
  'gip.unsafe': kind({
    line: 'gip.unsafe',
    args: { page: 'p0', unsafe: 'n0' },
    say: (a, w) =>
      `get_image_page(PG_SAFE) gets pfn ${w.n(a.page)}, an unsafe frame (an image pfn): it keeps it (Nosave) as a direct-load target; allocated_unsafe_pages = ${w.n(a.unsafe)}.`,
  }),
  'ghb.get': kind({
    line: 'ghb.get',
    args: { page: 'p0' },
    say: (a, w) =>
      `get_highmem_buffer takes pfn ${w.n(a.page)} as buffer, the lowmem bounce page for highmem copies.`,
  }),
  'ahi.count': kind({
    line: 'ahi.count',
    args: { toAlloc: 'n0', leftover: 'n1' },
    say: (a, w) =>
      `alloc_highmem_image_pages: ${w.pl(a.toAlloc, 'copy fits', 'copies fit')} in free highmem; ${w.pl(a.leftover, 'highmem page')} will get a lowmem copy.`,
  }),
  'ahi.alloc': kind({
    line: 'ahi.alloc',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `alloc_image_page(__GFP_HIGHMEM) takes highmem pfn ${w.n(a.page)} for a copy (${w.n(a.nth)} of ${w.n(a.of)}).`,
  }),
  'ahi.set': kind({
    line: 'ahi.set',
    args: { page: 'p0' },
    say: (a, w) => `memory_bm_set_bit(copy_bm, ${w.n(a.page)}).`,
  }),
  'alloc.low': kind({
    line: 'alloc.low',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `alloc_image_page(GFP_ATOMIC) takes lowmem pfn ${w.n(a.page)} for a copy (${w.n(a.nth)} of ${w.n(a.of)}).`,
  }),
  'alloc.lowset': kind({
    line: 'alloc.lowset',
    args: { page: 'p0' },
    say: (a, w) => `memory_bm_set_bit(copy_bm, ${w.n(a.page)}).`,
  }),
  'cdp.mark': kind({
    line: 'cdp.mark',
    args: { zone: 'n0', free: 'n1' },
    say: (a, w) =>
      `copy_data_pages: mark_free_pages(${w.zone(a.zone)}) marks the ${w.pl(a.free, 'free frame')} so that they are not saved.`,
  }),
  'cdp.set': kind({
    line: 'cdp.set',
    args: { page: 'p0', zone: 'n0' },
    say: (a, w) =>
      `pfn ${w.n(a.page)} (${w.role(a.page)}) is saveable: memory_bm_set_bit(orig_bm, ${w.n(a.page)}).`,
  }),
  'cdp.reset': kind({
    line: 'cdp.reset',
    args: {},
    say: () =>
      'memory_bm_position_reset on orig_bm and copy_bm: both walks start at the lowest pfn.',
  }),
  'cdp.loop': kind({
    line: 'cdp.loop',
    args: {},
    say: () =>
      'memory_bm_next_pfn(orig_bm) returns BM_END_OF_MAP: every saveable page has its copy.',
  }),
  'cdpg.high': kind({
    line: 'cdpg.high',
    args: { src: 'p0', dst: 'p1', copyCase: 'n0' },
    say: (a, w) =>
      `copy_data_page: highmem pfn ${w.n(a.src)} is copied into pfn ${w.n(a.dst)} (${copyCase[a.copyCase]}, both through kmap_atomic).`,
    arrows: (a) => copyArrows(a.src, a.dst),
  }),
  'cdpg.lowhigh': kind({
    line: 'cdpg.lowhigh',
    args: { src: 'p0', dst: 'p1', via: 'p2' },
    say: (a, w) =>
      `copy_data_page: lowmem pfn ${w.n(a.src)} goes through buffer ${w.n(a.via)} into highmem pfn ${w.n(a.dst)} (low→high).`,
    arrows: (a) => copyArrows(a.src, a.dst, a.via),
  }),
  'cdpg.low': kind({
    line: 'cdpg.low',
    args: { src: 'p0', dst: 'p1' },
    say: (a, w) =>
      `copy_data_page: lowmem pfn ${w.n(a.src)} is copied into lowmem pfn ${w.n(a.dst)} (low→low).`,
    arrows: (a) => copyArrows(a.src, a.dst),
  }),
  'srn.buffer': kind({
    line: 'srn.buffer',
    args: { page: 'p0' },
    say: (a, w) =>
      `snapshot_read_next: no highmem in the image, so buffer is allocated now: pfn ${w.n(a.page)}.`,
  }),
  'srn.header': kind({
    line: 'srn.header',
    args: { buffer: 'p0', copyPages: 'n0', metaPages: 'n1' },
    say: (a, w) =>
      `init_header fills buffer ${w.n(a.buffer)} with swsusp_info: ${w.pl(a.copyPages, 'data page')}, ${w.pl(a.metaPages, 'meta page')}.`,
  }),
  'sw.start': kind({
    line: 'sw.start',
    args: { pages: 'n0' },
    say: (a, w) =>
      `swsusp_write starts: the image is ${w.pl(a.pages, 'page')} on swap (the header, the meta pages, the data pages).`,
  }),
  'sw.swap': kind({
    line: 'sw.swap',
    args: { free: 'n0', need: 'n1' },
    say: (a, w) =>
      a.free < 0
        ? `enough_swap: swap has room for the ${w.pl(a.need, 'page')} needed.`
        : `enough_swap: ${w.pl(a.free, 'free swap page')} against ${w.n(a.need)} needed.`,
  }),
  'sw.write': kind({
    line: 'sw.write',
    args: { buffer: 'p0' },
    say: (a, w) =>
      `swap_write_page writes the header from buffer ${w.n(a.buffer)} as image page 0.`,
  }),
  'srn.meta': kind({
    line: 'srn.meta',
    args: { buffer: 'p0', meta: 'n0', packed: 'n1' },
    say: (a, w) =>
      `pack_pfns fills meta page ${w.n(a.meta)} (image page ${w.n(a.meta)}) in buffer ${w.n(a.buffer)} with the next pfns of orig_bm, from entry ${w.n(a.packed)} on.`,
  }),
  'srn.low': kind({
    line: 'srn.low',
    args: { copy: 'p0', image: 'n0', of: 'pfn:n1' },
    say: (a, w) =>
      `Image page ${w.n(a.image)}, the data of pfn ${w.n(a.of)}, is written in place from lowmem copy pfn ${w.n(a.copy)}.`,
  }),
  'srn.high': kind({
    line: 'srn.high',
    args: { copy: 'p0', buffer: 'p1', image: 'n0', of: 'pfn:n1' },
    say: (a, w) =>
      `Highmem copy pfn ${w.n(a.copy)} is bounced through buffer ${w.n(a.buffer)} into image page ${w.n(a.image)}, the data of pfn ${w.n(a.of)}.`,
    arrows: (a) => [{ from: a.copy, to: a.buffer, kind: 'bounce' }],
  }),
  'sw.mark': kind({
    line: 'sw.mark',
    args: { pages: 'n0' },
    say: (a, w) =>
      `mark_swapfiles writes the S1SUSPEND signature: ${w.pl(a.pages, 'page is', 'pages are')} on swap.`,
  }),
  'pd.off': kind({
    line: 'pd.off',
    args: {},
    say: () =>
      'The machine powers off: every frame of RAM loses its contents. Only the image on swap survives.',
  }),
  'pd.boot': kind({
    line: 'pd.boot',
    args: {},
    say: () =>
      'A fresh boot kernel comes up with its own memory layout and reaches software_resume().',
  }),
  'chk.sig': kind({
    line: 'chk.sig',
    args: {},
    say: () =>
      'swsusp_check finds S1SUSPEND in the swap header and writes back the original signature.',
  }),
  'swn.buffer': kind({
    line: 'swn.buffer',
    args: { page: 'p0' },
    say: (a, w) =>
      `snapshot_write_next takes pfn ${w.n(a.page)} as buffer (PG_ANY) for the header and the meta pages.`,
  }),
  'swn.header': kind({
    line: 'swn.header',
    args: { buffer: 'p0', copyPages: 'n0', metaPages: 'n1' },
    say: (a, w) =>
      `load_header: the header checks out; nr_copy_pages = ${w.n(a.copyPages)}, nr_meta_pages = ${w.n(a.metaPages)}.`,
  }),
  'ch.check': kind({
    line: 'ch.check',
    args: { frames: 'n0' },
    say: (a, w) =>
      `check_header: kernel version, num_physpages (${w.n(a.frames)}) and utsname match the running kernel.`,
  }),
  'swn.unpack': kind({
    line: 'swn.unpack',
    args: { buffer: 'p0', meta: 'n0', pfns: 'n1' },
    say: (a, w) =>
      `unpack_orig_pfns: meta page ${w.n(a.meta)} in buffer ${w.n(a.buffer)} lists ${w.pl(a.pfns, 'pfn')}.`,
  }),
  'unpack.set': kind({
    line: 'unpack.set',
    args: { pfn: 'p0', image: 'n0' },
    say: (a, w) =>
      `memory_bm_set_bit(copy_bm, ${w.n(a.pfn)}): image page ${w.n(a.image)} holds the data of pfn ${w.n(a.pfn)}.`,
  }),
  'swn.prepare': kind({
    line: 'swn.prepare',
    args: {},
    say: () => 'All meta pages are in: prepare_image sets up memory for the data pages.',
  }),
  'swn.chain': kind({
    line: 'swn.chain',
    args: {},
    say: () =>
      'chain_init(&ca, PG_SAFE): PBEs will come from safe chain pages; orig_bm is walked from the start.',
  }),
  'li.start': kind({
    line: 'li.start',
    args: { pages: 'n0' },
    say: (a, w) => `Loading image data pages: ${w.pl(a.pages, 'page')} after the header.`,
  }),
  ...READ_KINDS,
  'li.fail': kind({
    line: 'li.fail',
    args: {},
    say: () => 'swap_read_page finds no next page on swap: -EFAULT. The image holds no data pages.',
  }),
  'li.done': kind({ line: 'li.done', args: {}, say: () => 'Every image page is loaded.' }),
  'pi.free': kind({
    line: 'pi.free',
    args: { page: 'p0' },
    say: (a, w) => `prepare_image frees buffer ${w.n(a.page)}: it may be an unsafe frame.`,
  }),
  'pi.count': kind({
    line: 'pi.count',
    args: { highmem: 'n0' },
    say: (a, w) =>
      `count_highmem_image_pages: ${w.pl(a.highmem, 'image page belongs', 'image pages belong')} in highmem.`,
  }),
  'mup.clear': kind({
    line: 'mup.clear',
    args: {},
    say: () => 'mark_unsafe_pages: clear NosaveFree on every valid frame.',
  }),
  'mup.set': kind({
    line: 'mup.set',
    args: { pages: 'n0' },
    say: (a, w) =>
      `mark_unsafe_pages: NosaveFree now marks the ${w.pl(a.pages, 'image pfn')} as unsafe; allocated_unsafe_pages = 0.`,
  }),
  'dup.set': kind({
    line: 'dup.set',
    args: { pfn: 'p0' },
    say: (a, w) => `duplicate_memory_bitmap: memory_bm_set_bit(orig_bm, ${w.n(a.pfn)}).`,
  }),
  'dup.end': kind({
    line: 'dup.set',
    args: {},
    say: () =>
      'duplicate_memory_bitmap: copy_bm reaches BM_END_OF_MAP; orig_bm now holds every image pfn.',
  }),
  'pi.freecopy': kind({
    line: 'pi.freecopy',
    args: { page: 'p0', bitmap: 'n0', clear: 'n1' },
    say: (a, w) => `memory_bm_free(copy_bm, PG_UNSAFE_KEEP) frees pfn ${w.n(a.page)}.`,
  }),
  'pi.highmem': kind({
    line: 'pi.highmem',
    args: { highmem: 'n0' },
    say: (a, w) => `prepare_highmem_image for ${w.pl(a.highmem, 'highmem image page')}.`,
  }),
  'pi.reserve': kind({
    line: 'pi.reserve',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `prepare_image reserves safe pfn ${w.n(a.page)} on sp_list (${w.n(a.nth)} of ${w.n(a.of)}) so chain_alloc will find safe pages for PBEs.`,
  }),
  'pi.prealloc': kind({
    line: 'pi.prealloc',
    args: { page: 'p0', safe: 'n0', nth: 'n1' },
    say: (a, w) =>
      a.safe
        ? `Preallocation: pfn ${w.n(a.page)} is safe and goes on safe_pages_list (${w.n(a.nth)}).`
        : `Preallocation: pfn ${w.n(a.page)} is unsafe: it is kept (Nosave + NosaveFree) and its own image page will load straight into it (${w.n(a.nth)}).`,
  }),
  'pi.freesp': kind({
    line: 'pi.freesp',
    args: { page: 'p0' },
    say: (a, w) => `prepare_image frees sp_list page ${w.n(a.page)} for chain_alloc.`,
  }),
  'pi.fail': kind({
    line: 'pi.fail',
    args: { got: 'n0', of: 'n1' },
    say: (a, w) =>
      `prepare_image could not get page ${w.n(a.got + 1)} of ${w.n(a.of)}: swsusp_free, -ENOMEM.`,
  }),
  'phi.buffer': kind({
    line: 'phi.buffer',
    args: { page: 'p0' },
    say: (a, w) =>
      `get_highmem_buffer(PG_SAFE) takes safe pfn ${w.n(a.page)} as buffer for highmem pages.`,
  }),
  'phi.count': kind({
    line: 'phi.count',
    args: { toAlloc: 'n0' },
    say: (a, w) => `prepare_highmem_image will take ${w.pl(a.toAlloc, 'highmem frame')}.`,
  }),
  'phi.alloc': kind({
    line: 'phi.alloc',
    args: { page: 'p0', safe: 'n0', nth: 'n1' },
    say: (a, w) =>
      a.safe
        ? `alloc_page(__GFP_HIGHMEM) gives safe pfn ${w.n(a.page)}: memory_bm_set_bit(safe_highmem_bm, ${w.n(a.page)}).`
        : `alloc_page(__GFP_HIGHMEM) gives unsafe pfn ${w.n(a.page)}: kept as the direct-load target of its own image page.`,
  }),
  'phi.done': kind({
    line: 'phi.done',
    args: { safe: 'n0' },
    say: (a, w) => `safe_highmem_bm is ready with ${w.pl(a.safe, 'safe page')}.`,
  }),
  'gb.next': kind({
    line: 'gb.next',
    args: { pfn: 'p0' },
    say: (a, w) => `get_buffer: the next image pfn in orig_bm is ${w.n(a.pfn)}.`,
  }),
  'gb.direct': kind({
    line: 'gb.direct',
    args: { pfn: 'p0' },
    say: (a, w) =>
      `get_buffer: pfn ${w.n(a.pfn)} is owned (Nosave + NosaveFree): its page loads straight into its own frame.`,
  }),
  'gb.pbe': kind({
    line: 'gb.pbe',
    args: { orig: 'p0', copy: 'p1' },
    say: (a, w) =>
      `get_buffer: pfn ${w.n(a.orig)} is busy in the boot kernel: a PBE sends its page to safe pfn ${w.n(a.copy)} (pushed on restore_pblist).`,
  }),
  'gb.fail': kind({
    line: 'gb.fail',
    args: { pfn: 'p0' },
    say: (a, w) =>
      `chain_alloc found no safe page for the PBE of pfn ${w.n(a.pfn)}: swsusp_free, -ENOMEM.`,
  }),
  'ca.page': kind({
    line: 'ca.page',
    args: { page: 'p0', nth: 'n0' },
    say: (a, w) => `chain_alloc takes safe pfn ${w.n(a.page)} as PBE chain page ${w.n(a.nth)}.`,
  }),
  'ghpb.direct': kind({
    line: 'ghpb.direct',
    args: { pfn: 'p0', buffer: 'p1' },
    say: (a, w) =>
      `get_highmem_page_buffer: highmem pfn ${w.n(a.pfn)} is owned: its page is read into buffer ${w.n(a.buffer)} and copied there next.`,
  }),
  'ghpb.high': kind({
    line: 'ghpb.high',
    args: { pfn: 'p0', copy: 'p1', buffer: 'p2' },
    say: (a, w) =>
      `get_highmem_page_buffer: highmem pfn ${w.n(a.pfn)} is busy: a highmem PBE keeps its page in safe highmem pfn ${w.n(a.copy)}, via buffer ${w.n(a.buffer)}.`,
  }),
  'ghpb.low': kind({
    line: 'ghpb.low',
    args: { pfn: 'p0', copy: 'p1' },
    say: (a, w) =>
      `get_highmem_page_buffer: highmem pfn ${w.n(a.pfn)} is busy and safe highmem is used up: its page goes to safe lowmem pfn ${w.n(a.copy)}.`,
  }),
  'clhp.copy': kind({
    line: 'clhp.copy',
    args: { buffer: 'p0', page: 'p1' },
    say: (a, w) =>
      `copy_last_highmem_page copies buffer ${w.n(a.buffer)} into highmem pfn ${w.n(a.page)}.`,
    arrows: (a) => copyArrows(a.buffer, a.page),
  }),
  'swf.copy': kind({
    line: 'swf.copy',
    args: { buffer: 'p0', page: 'p1' },
    say: (a, w) =>
      `snapshot_write_finalize: copy_last_highmem_page copies buffer ${w.n(a.buffer)} into pfn ${w.n(a.page)}.`,
    arrows: (a) => copyArrows(a.buffer, a.page),
  }),
  'swf.orig': kind({
    line: 'swf.orig',
    args: { page: 'p0', bitmap: 'n0', clear: 'n1' },
    say: (a, w) => `snapshot_write_finalize: memory_bm_free(orig_bm) frees pfn ${w.n(a.page)}.`,
  }),
  'swf.high': kind({
    line: 'swf.high',
    args: { page: 'p0', bitmap: 'n0', clear: 'n1' },
    say: (a, w) => `free_highmem_data: memory_bm_free(safe_highmem_bm) frees pfn ${w.n(a.page)}.`,
  }),
  'swf.buffer': kind({
    line: 'swf.high',
    args: { page: 'p0' },
    say: (a, w) => `free_highmem_data frees buffer ${w.n(a.page)}.`,
  }),
  'res.irq': kind({
    line: 'res.irq',
    args: {},
    say: () => 'swsusp_resume: IRQs off, devices powered down, processor state saved.',
  }),
  'res.rh': kind({
    line: 'res.rh',
    args: { pbes: 'n0' },
    say: (a, w) => `restore_highmem: ${w.pl(a.pbes, 'highmem PBE')} to swap.`,
  }),
  'res.arch': kind({
    line: 'res.arch',
    args: {},
    say: () => 'swsusp_arch_resume: the assembly restore loop takes over.',
  }),
  'res.fail': kind({
    line: 'res.fail',
    args: {},
    say: () =>
      'restore_highmem found no safe page for its bounce buffer: swsusp_free, and the boot kernel carries on.',
  }),
  'rh.buf': kind({
    line: 'rh.buf',
    args: { page: 'p0' },
    say: (a, w) => `restore_highmem takes safe pfn ${w.n(a.page)} as the bounce page.`,
  }),
  'rh.swap': kind({
    line: 'rh.swap',
    args: { copy: 'p0', orig: 'p1', via: 'p2', nth: 'n0' },
    say: (a, w) =>
      `swap_two_pages_data: pfn ${w.n(a.copy)} and pfn ${w.n(a.orig)} trade contents through ${w.n(a.via)}; pfn ${w.n(a.orig)} holds its image page again.`,
    arrows: (a) => [
      { from: a.copy, to: a.orig, kind: 'swap' },
      { from: a.copy, to: a.via, kind: 'bounce' },
    ],
  }),
  'rh.free': kind({
    line: 'rh.free',
    args: { page: 'p0' },
    say: (a, w) => `restore_highmem frees bounce page ${w.n(a.page)}.`,
  }),
  'ar.cr3': kind({
    line: 'ar.cr3',
    args: { pbes: 'n0' },
    say: (a, w) => `cr3 = swsusp_pg_dir; edx = restore_pblist (${w.pl(a.pbes, 'PBE')}).`,
  }),
  'ar.copy': kind({
    line: 'ar.copy',
    args: { copy: 'p0', orig: 'p1', nth: 'n0' },
    say: (a, w) =>
      `rep movsl: safe pfn ${w.n(a.copy)} is copied back into its original frame, pfn ${w.n(a.orig)}.`,
    arrows: (a) => [{ from: a.copy, to: a.orig, kind: 'restore' }],
  }),
  'ar.ret': kind({
    line: 'ar.ret',
    args: {},
    say: () => 'TLB flushed, registers restored; ret lands in the image kernel.',
  }),
  'sf.page': kind({
    line: 'sf.page',
    args: { page: 'p0', nth: 'n0' },
    say: (a, w) => `swsusp_free releases pfn ${w.n(a.page)}.`,
  }),
  'img.back': kind({
    line: 'img.back',
    args: {},
    say: () =>
      'The image kernel runs again: in_suspend (a __nosavedata variable) reads 0, so this is a resume.',
  }),
  'img.free': kind({
    line: 'img.free',
    args: { page: 'p0', nth: 'n0' },
    say: (a, w) =>
      `swsusp_free in the restored kernel releases its suspend-time page pfn ${w.n(a.page)}.`,
  }),
  'img.verify': kind({
    line: 'img.verify',
    args: { checked: 'n0', differ: 'n1' },
    marks: 'verify',
    say: (a, w) =>
      a.differ === 0
        ? `Restored: all ${w.pl(a.checked, 'saved page')} match their snapshot.`
        : `${w.n(a.differ)} of ${w.pl(a.checked, 'saved page')} do not match their snapshot.`,
  }),
});
