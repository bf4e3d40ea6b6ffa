/**
 * linux-2.6.17 (kernel/power/snapshot.c @ 0bcd888d, the August 2006 tree before the highmem
 * series, with the swsusp.c, swap.c and disk.c of that time): the pseudocode of every function
 * the legacy model runs, written for this project with the kernel's names, and one declaration
 * per kind of step. During suspend there are no memory bitmaps: a PBE list (the pagedir) holds
 * every image page, and highmem was copied into lowmem by save_highmem() beforehand.
 */
import { defineModel, fn, kind } from '../kind';
import { ARCH_I386, DISK, PAGE_ALLOC, SNAP, SWAP, SWSUSP } from './files';
import { copyArrows, READ_KINDS } from './linux-2.6.20';

export const FUNCTIONS_2617 = [
  fn('swsusp_shrink_memory', SWSUSP, [
    ['sh.start', 'printk("Shrinking memory...  ");'],
    ['lsh.count', 'size = 2 * count_highmem_pages(); size += size / 50 + count_data_pages();'],
    [
      'lsh.size',
      'size += DIV_ROUND_UP(size, PBES_PER_PAGE) + PAGES_FOR_IO; tmp = size − Σ lowmem free;',
    ],
    [
      'lsh.free',
      'if (tmp > 0) { tmp = shrink_all_memory(min(tmp, SHRINK_BITE)); if (!tmp) return -ENOMEM; }',
    ],
    [
      'lsh.imgsize',
      'else if (size > image_size) tmp = shrink_all_memory(min(size − image_size, SHRINK_BITE));',
    ],
    ['lsh.enomem', 'return -ENOMEM;   /* nothing could be freed */'],
    ['sh.done', '} while (tmp > 0); printk("done (%lu pages freed)");'],
  ]),
  fn('mark_free_pages', PAGE_ALLOC, [
    [
      'mfp.mark',
      'clear NosaveFree on every valid page without Nosave; set NosaveFree on every free page;',
    ],
  ]),
  fn('save_highmem', SNAP, [
    ['shm.start', 'drain_local_pages(); for each highmem zone: save_highmem_zone(zone);'],
    [
      'shm.slab',
      'save = kmalloc(sizeof(struct highmem_page), GFP_ATOMIC);   /* a new slab page every 128 objects */',
    ],
    [
      'shm.page',
      'save->data = get_zeroed_page(GFP_ATOMIC); memcpy(save->data, kmap_atomic(page), PAGE_SIZE); push save on highmem_copy;',
    ],
    ['shm.fail', 'if (!save || !save->data) return -ENOMEM;'],
  ]),
  fn('swsusp_save', SNAP, [
    ['save.drain', 'drain_local_pages();'],
    [
      'lsave.count',
      'nr_pages = count_data_pages();   /* the save_highmem copies are ordinary lowmem now */',
    ],
    ['lsave.need', 'printk("swsusp: Need to copy %u pages", nr_pages);'],
    [
      'lsave.enough',
      'if (!enough_free_mem(nr_pages)) { printk("swsusp: Not enough free memory"); return -ENOMEM; }',
    ],
    [
      'lsave.alloc',
      'restore_pblist = swsusp_alloc(nr_pages); if (!restore_pblist) return -ENOMEM;',
    ],
    ['save.drain2', 'drain_local_pages();   /* new cold pages may have appeared */'],
    ['lsave.copy', 'copy_data_pages(restore_pblist);'],
    [
      'lsave.sizes',
      'nr_copy_pages = nr_pages; nr_meta_pages = DIV_ROUND_UP(nr_pages * sizeof(long), PAGE_SIZE);',
    ],
    ['save.done', 'printk("swsusp: critical section/: done (%d pages copied)");'],
  ]),
  fn('enough_free_mem', SNAP, [
    [
      'lefm.check',
      'return Σ lowmem free > nr_pages + PAGES_FOR_IO + DIV_ROUND_UP(nr_pages, PBES_PER_PAGE);',
    ],
  ]),
  fn('swsusp_alloc', SNAP, [
    ['lalloc.pagedir', 'pblist = alloc_pagedir(nr_pages, GFP_ATOMIC | __GFP_COLD, PG_ANY);'],
    [
      'lalloc.pdfail',
      'if (!pblist) { printk("suspend: Allocating pagedir failed."); return NULL; }',
    ],
    [
      'lalloc.data',
      'if (alloc_data_pages(pblist, GFP_ATOMIC | __GFP_COLD, PG_ANY)) { printk("suspend: Allocating image pages failed."); swsusp_free(); return NULL; }',
    ],
  ]),
  fn('alloc_pagedir', SNAP, [
    ['apd.none', 'if (!nr_pages) return NULL;'],
    [
      'apd.page',
      'for each PBES_PER_PAGE PBEs: page = alloc_image_page(gfp_mask, safe_needed); (pbe + PB_PAGE_SKIP)->next = page;',
    ],
    ['apd.free', '  if (!page) { free_pagedir(pblist, PG_UNSAFE_CLEAR); return NULL; }'],
    [
      'apd.fill',
      'create_pbe_list(): fill_pb_page() links the PBEs of each page; the last page gets nr_pages − num;',
    ],
  ]),
  fn('alloc_image_page', SNAP, [
    [
      'gip.unsafe',
      'res = get_zeroed_page(gfp_mask); if (safe_needed) while (res && PageNosaveFree(res)) { SetPageNosave(res); unsafe_pages++; res = get_zeroed_page(gfp_mask); }',
    ],
    ['aip.mark', 'if (res) { SetPageNosave(res); SetPageNosaveFree(res); } return res;'],
  ]),
  fn('alloc_data_pages', SNAP, [
    ['adp.page', 'for_each_pbe(p, pblist) p->address = alloc_image_page(gfp_mask, safe_needed);'],
  ]),
  fn('copy_data_pages', SNAP, [
    ['lcdp.mark', 'for each lowmem zone: mark_free_pages(zone);'],
    [
      'lcdp.copy',
      '  for each saveable pfn: BUG_ON(!pbe); copy_data_page(pbe->address, page); pbe->orig_address = page; pbe = pbe->next;',
    ],
    ['lcdp.bug', 'BUG_ON(pbe);   /* every PBE must have been used */'],
  ]),
  fn('restore_highmem', SNAP, [
    ['lrh.start', 'printk("swsusp: Restoring Highmem");'],
    [
      'lrh.copy',
      'while (save = pop highmem_copy) { memcpy(kmap_atomic(save->page), save->data, PAGE_SIZE); free_page(save->data); kfree(save); }',
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
  fn('snapshot_read_next', SNAP, [
    ['srn.buffer', 'if (!buffer) buffer = alloc_image_page(GFP_ATOMIC, PG_ANY);'],
    [
      'srn.header',
      'if (!handle->offset) { init_header(buffer); handle->buffer = buffer; handle->pbe = restore_pblist; }',
    ],
    [
      'lsrn.meta',
      'if (cur <= nr_meta_pages) handle->pbe = pack_orig_addresses(buffer, handle->pbe);   /* 1024 orig_address values, zero-padded */',
    ],
    [
      'lsrn.data',
      'else { handle->buffer = handle->pbe->address; handle->pbe = handle->pbe->next; }',
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
      'if (!buffer) buffer = alloc_image_page(GFP_ATOMIC, PG_ANY); if (!handle->offset) handle->buffer = buffer;',
    ],
    [
      'lswn.header',
      'if (!handle->prev) { error = load_header(handle, buffer); if (error) return error; }',
    ],
    [
      'lswn.unpack',
      'else if (prev <= nr_meta_pages) { handle->pbe = unpack_orig_addresses(buffer, handle->pbe);',
    ],
    [
      'lswn.prepare',
      '  if (!handle->pbe) { prepare_image(handle); handle->pbe = restore_pblist; handle->buffer = get_buffer(handle); } }',
    ],
    ['lswn.next', 'else { handle->pbe = handle->pbe->next; handle->buffer = get_buffer(handle); }'],
  ]),
  fn('load_header', SNAP, [
    ['llh.check', 'error = check_header(info);'],
    [
      'llh.pagedir',
      'if (!error) { pblist = alloc_pagedir(info->image_pages, GFP_ATOMIC, PG_ANY); if (!pblist) return -ENOMEM;',
    ],
    [
      'llh.sizes',
      '  restore_pblist = handle->pbe = pblist; nr_copy_pages = info->image_pages; nr_meta_pages = info->pages − info->image_pages − 1; }',
    ],
  ]),
  fn('check_header', SNAP, [
    ['ch.check', 'compare version_code, num_physpages, utsname fields with the running kernel;'],
    ['ch.fail', 'if (reason) { printk("swsusp: Resume mismatch: %s", reason); return -EPERM; }'],
  ]),
  fn('unpack_orig_addresses', SNAP, [
    [
      'llh.unpack',
      'for (j = 0; j < 1024 && pbe; j++) { pbe->orig_address = buf[j]; pbe = pbe->next; }',
    ],
  ]),
  fn('load_image', SWAP, [
    ['li.start', 'printk("Loading image data pages (%u pages) ...");'],
    ['li.read', 'swap_read_page(handle, data_of(*snapshot));   /* into handle->buffer */'],
    ['li.done', 'printk("done");'],
  ]),
  fn('prepare_image', SNAP, [
    ['lpi.unsafe', 'mark_unsafe_pages(restore_pblist);   /* NosaveFree on every orig_address */'],
    [
      'lpi.pagedir',
      'pblist = alloc_pagedir(nr_pages, GFP_ATOMIC, PG_SAFE); if (pblist) copy_page_backup_list(pblist, p);',
    ],
    ['lpi.free', 'free_pagedir(p, PG_UNSAFE_KEEP);'],
    [
      'lpi.prealloc',
      'repeat nr_copy_pages − unsafe_pages: ptr = get_zeroed_page(GFP_ATOMIC); if (!PageNosaveFree(ptr)) push ptr on safe_pages; SetPageNosave + NosaveFree;',
    ],
    ['lpi.fail', 'if (error) { handle->pbe = NULL; swsusp_free(); return -ENOMEM; }'],
  ]),
  fn('get_buffer', SNAP, [
    [
      'lgb.direct',
      'if (PageNosave(page) && PageNosaveFree(page)) { pbe->address = 0; if (last && last->next) last->next = NULL; return orig_address; }',
    ],
    [
      'lgb.pbe',
      'pbe->address = safe_pages; safe_pages = safe_pages->next; if (last) last->next = pbe; handle->last_pbe = pbe;',
    ],
  ]),
  fn('swsusp_resume', SWSUSP, [
    [
      'lres.irq',
      'local_irq_disable(); device_power_down(PMSG_FREEZE); save_processor_state(); swsusp_arch_resume();',
    ],
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
      'for every valid pfn: if (PageNosave && PageNosaveFree) { clear both; free_page(page); }',
    ],
  ]),
  fn('swsusp_suspend', SWSUSP, [
    [
      'img.back',
      'control returns in swsusp_suspend() of the image kernel; in_suspend (__nosavedata) reads 0;',
    ],
    ['img.rh', 'restore_highmem();   /* the highmem pages come back from their lowmem copies */'],
    ['img.free', 'swsusp_free();   /* the suspend-time pagedir and copies */'],
    ['img.verify', 'the restored system runs: every saved page is back in its frame'],
  ]),
] as const;

const pagedirPage = (what: string) =>
  kind({
    line: 'apd.page',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `alloc_pagedir (${what}): alloc_image_page gives pfn ${w.n(a.page)}, pagedir page ${w.n(a.nth)} of ${w.n(a.of)} (341 PBEs a page).`,
  });

export const MODEL_2617 = defineModel('linux-2.6.17', FUNCTIONS_2617, {
  'sh.start': kind({
    line: 'sh.start',
    args: {},
    say: () =>
      'swsusp_shrink_memory starts: free memory until the image, its PBE list and a lowmem copy of every highmem page fit in lowmem.',
  }),
  'lsh.count': kind({
    line: 'lsh.count',
    args: { lowmem: 'n0', highmem: 'n1' },
    say: (a, w) =>
      `count_data_pages finds ${w.n(a.lowmem)} saveable lowmem pages and count_highmem_pages ${w.n(a.highmem)} highmem pages; each highmem page is counted twice (its copy and the copy of the copy), plus 2% slack.`,
  }),
  'lsh.size': kind({
    line: 'lsh.size',
    args: { tmp: 'n0', size: 'n1' },
    say: (a, w) =>
      a.tmp > 0
        ? `size = ${w.n(a.size)} pages with the pagedir and PAGES_FOR_IO; lowmem is ${w.pl(a.tmp, 'page')} short (tmp = ${w.n(a.tmp)}).`
        : `size = ${w.n(a.size)} pages with the pagedir and PAGES_FOR_IO; lowmem is large enough (tmp = ${w.n(a.tmp)}).`,
  }),
  'lsh.free': kind({
    line: 'lsh.free',
    args: { page: 'p0', freed: 'n0', asked: 'n1' },
    say: (a, w) =>
      `shrink_all_memory frees reclaimable page-cache pfn ${w.n(a.page)} (${w.n(a.freed)} of ${w.n(a.asked)} asked for).`,
  }),
  'lsh.imgsize': kind({
    line: 'lsh.imgsize',
    args: { page: 'p0', freed: 'n0', asked: 'n1' },
    say: (a, w) =>
      `shrink_all_memory frees page-cache pfn ${w.n(a.page)} to bring the image under image_size (${w.n(a.freed)} of ${w.n(a.asked)} asked for).`,
  }),
  'lsh.enomem': kind({
    line: 'lsh.enomem',
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
  'shm.start': kind({
    line: 'shm.start',
    args: {},
    say: () =>
      'save_highmem: before the snapshot, every saveable highmem page gets a copy in lowmem (the 2.6.17 image holds lowmem only).',
  }),
  'shm.slab': kind({
    line: 'shm.slab',
    args: { page: 'p0', for: 'p1', nth: 'n0' },
    untouched: ['for'],
    say: (a, w) =>
      `kmalloc(sizeof(struct highmem_page)) for highmem pfn ${w.n(a.for)} needs a new slab page: lowmem pfn ${w.n(a.page)} (slab page ${w.n(a.nth)}, 128 objects each).`,
  }),
  'shm.page': kind({
    line: 'shm.page',
    args: { page: 'p0', copy: 'p1', nth: 'n0' },
    say: (a, w) =>
      `save_highmem_zone: highmem pfn ${w.n(a.page)} is copied into lowmem pfn ${w.n(a.copy)} from get_zeroed_page (highmem_copy entry ${w.n(a.nth)}; not Nosave, so swsusp_save saves it again).`,
    arrows: (a) => copyArrows(a.page, a.copy),
  }),
  'shm.fail': kind({
    line: 'shm.fail',
    args: { page: 'p0' },
    say: (a, w) =>
      `save_highmem_zone finds no lowmem page for the copy of highmem pfn ${w.n(a.page)}: "swsusp: Not enough free pages for highmem" (-ENOMEM).`,
  }),
  'save.drain': kind({
    line: 'save.drain',
    args: {},
    say: () =>
      'swsusp_save enters the critical section (IRQs off, one CPU); drain_local_pages has no per-CPU pages to return here.',
  }),
  'lsave.count': kind({
    line: 'lsave.count',
    args: { lowmem: 'n0', copies: 'n1' },
    say: (a, w) =>
      `count_data_pages: N' = ${w.pl(a.lowmem, 'saveable lowmem page')}, the ${w.pl(a.copies, 'save_highmem copy', 'save_highmem copies')} and their slab pages included.`,
  }),
  'lsave.need': kind({
    line: 'lsave.need',
    args: { pages: 'n0' },
    say: (a, w) => `swsusp: Need to copy ${w.pl(a.pages, 'page')}.`,
  }),
  'lsave.enough': kind({
    line: 'lefm.check',
    args: { free: 'n0', need: 'n1' },
    marks: 'enough_free_mem',
    say: (a, w) =>
      a.free > a.need
        ? `enough_free_mem: ${w.n(a.free)} free lowmem pages > ${w.n(a.need)} needed (N' copies, PAGES_FOR_IO, the pagedir at 341 PBEs a page): go on.`
        : `enough_free_mem: ${w.pl(a.free, 'free lowmem page is', 'free lowmem pages are')} not more than the ${w.n(a.need)} needed (N' copies, PAGES_FOR_IO, the pagedir): "swsusp: Not enough free memory".`,
  }),
  'lsave.alloc': kind({
    line: 'lsave.alloc',
    args: { pages: 'n0' },
    say: (a, w) =>
      `swsusp_alloc(${w.n(a.pages)}): a pagedir of PBEs for every image page, then one copy page per PBE.`,
  }),
  'apd.page': pagedirPage('suspend, PG_ANY'),
  'apd.free': kind({
    line: 'apd.free',
    args: { page: 'p0', clear: 'n0' },
    say: (a, w) =>
      `alloc_pagedir ran out of pages: free_pagedir(PG_UNSAFE_CLEAR) gives back pagedir page pfn ${w.n(a.page)}.`,
  }),
  'apd.fill': kind({
    line: 'apd.fill',
    args: { entries: 'n0', pages: 'n1' },
    say: (a, w) =>
      a.entries > a.pages
        ? `create_pbe_list links ${w.pl(a.entries, 'PBE')} for ${w.pl(a.pages, 'page')}: the last pagedir page holds one PBE, and fill_pb_page's do-while links one too many (the 2.6.17 bug).`
        : `create_pbe_list links the ${w.pl(a.entries, 'PBE')} of the pagedir into one list.`,
  }),
  'apd.fail': kind({
    line: 'lalloc.pdfail',
    args: { pages: 'n0' },
    say: (a, w) =>
      a.pages === 0
        ? 'alloc_pagedir(0) returns NULL (there is nothing to save): "suspend: Allocating pagedir failed."'
        : `alloc_pagedir(${w.n(a.pages)}) returns NULL: "suspend: Allocating pagedir failed."`,
  }),
  'adp.page': kind({
    line: 'adp.page',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `alloc_data_pages: PBE ${w.n(a.nth)} of ${w.n(a.of)} gets copy page pfn ${w.n(a.page)} (pbe->address).`,
  }),
  'gip.unsafe': kind({
    line: 'gip.unsafe',
    args: { page: 'p0', unsafe: 'n0' },
    say: (a, w) =>
      `alloc_image_page(PG_SAFE) gets pfn ${w.n(a.page)}, an unsafe frame (an image pfn): it keeps it (Nosave) for a direct load; unsafe_pages = ${w.n(a.unsafe)}.`,
  }),
  'save.drain2': kind({
    line: 'save.drain2',
    args: {},
    say: () =>
      'drain_local_pages again: pages freed during the allocation must be seen as free before the copy.',
  }),
  'lcdp.mark': kind({
    line: 'lcdp.mark',
    args: { zone: 'n0', free: 'n1' },
    say: (a, w) =>
      `copy_data_pages: mark_free_pages(${w.zone(a.zone)}) marks the ${w.pl(a.free, 'free frame')} so that they are not saved.`,
  }),
  'lcdp.copy': kind({
    line: 'lcdp.copy',
    args: { src: 'p0', dst: 'p1', nth: 'n0' },
    say: (a, w) =>
      `copy_data_page: pfn ${w.n(a.src)} is copied into pbe->address, pfn ${w.n(a.dst)}; PBE ${w.n(a.nth)} records orig_address ${w.n(a.src)}.`,
    arrows: (a) => copyArrows(a.src, a.dst),
  }),
  'lcdp.bug': kind({
    line: 'lcdp.bug',
    args: { address: 'p0', entries: 'n0', pages: 'n1' },
    say: (a, w) =>
      `kernel BUG: BUG_ON(pbe) in copy_data_pages. fill_pb_page linked ${w.pl(a.entries, 'PBE')} for ${w.pl(a.pages, 'saveable page')} (${w.n(a.pages)} ≡ 1 mod 341), so one PBE is left over.`,
  }),
  'lsave.sizes': kind({
    line: 'lsave.sizes',
    args: { copyPages: 'n0', metaPages: 'n1' },
    say: (a, w) =>
      `nr_copy_pages = ${w.n(a.copyPages)}; nr_meta_pages = ${w.n(a.metaPages)} (4 bytes per orig_address, 1,024 a meta page).`,
  }),
  'save.done': kind({
    line: 'save.done',
    args: { pages: 'n0' },
    say: (a, w) => `swsusp: critical section/: done (${w.pl(a.pages, 'page')} copied).`,
  }),
  'lrh.start': kind({
    line: 'lrh.start',
    args: { copies: 'n0' },
    say: (a, w) =>
      `restore_highmem: ${w.pl(a.copies, 'highmem page')} to put back from ${a.copies === 1 ? 'its lowmem copy' : 'their lowmem copies'}, newest first.`,
  }),
  'lrh.copy': kind({
    line: 'lrh.copy',
    args: { copy: 'p0', page: 'p1', nth: 'n0' },
    say: (a, w) =>
      `restore_highmem copies lowmem pfn ${w.n(a.copy)} back into highmem pfn ${w.n(a.page)}, then frees the copy and its highmem_page (${w.n(a.nth)} left before this one).`,
    arrows: (a) => [{ from: a.copy, to: a.page, kind: 'restore' }],
  }),
  'sw.start': kind({
    line: 'sw.start',
    args: { pages: 'n0' },
    say: (a, w) =>
      `swsusp_write starts: the image is ${w.pl(a.pages, 'page')} on swap (the header, the meta pages, the data pages).`,
  }),
  'srn.buffer': kind({
    line: 'srn.buffer',
    args: { page: 'p0' },
    say: (a, w) => `snapshot_read_next allocates buffer: pfn ${w.n(a.page)}.`,
  }),
  'srn.header': kind({
    line: 'srn.header',
    args: { buffer: 'p0', copyPages: 'n0', metaPages: 'n1' },
    say: (a, w) =>
      `init_header fills buffer ${w.n(a.buffer)} with swsusp_info: ${w.pl(a.copyPages, 'data page')}, ${w.pl(a.metaPages, 'meta page')}.`,
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
    line: 'lsrn.meta',
    args: { buffer: 'p0', meta: 'n0', packed: 'n1' },
    say: (a, w) =>
      `pack_orig_addresses fills meta page ${w.n(a.meta)} (image page ${w.n(a.meta)}) in buffer ${w.n(a.buffer)} with the orig_address of the next PBEs, from entry ${w.n(a.packed)} on.`,
  }),
  'srn.low': kind({
    line: 'lsrn.data',
    args: { copy: 'p0', image: 'n0', of: 'pfn:n1' },
    say: (a, w) =>
      `Image page ${w.n(a.image)}, the data of pfn ${w.n(a.of)}, is written from its PBE's address, pfn ${w.n(a.copy)}.`,
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
      `snapshot_write_next takes pfn ${w.n(a.page)} as buffer (alloc_image_page, PG_ANY) for the header and the meta pages.`,
  }),
  'li.start': kind({
    line: 'li.start',
    args: { pages: 'n0' },
    say: (a, w) => `Loading image data pages: ${w.pl(a.pages, 'page')} after the header.`,
  }),
  ...READ_KINDS,
  'ch.check': kind({
    line: 'ch.check',
    args: { frames: 'n0' },
    say: (a, w) =>
      `load_header: check_header finds kernel version, num_physpages (${w.n(a.frames)}) and utsname as in the running kernel.`,
  }),
  'llh.pagedir': kind({
    line: 'llh.pagedir',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `load_header: alloc_pagedir(image_pages, PG_ANY) takes pfn ${w.n(a.page)}, pagedir page ${w.n(a.nth)} of ${w.n(a.of)}; its PBEs will hold the orig_address list.`,
  }),
  'llh.free': kind({
    line: 'apd.free',
    args: { page: 'p0', clear: 'n0' },
    say: (a, w) =>
      `alloc_pagedir ran out of pages: free_pagedir(PG_UNSAFE_CLEAR) gives back pagedir page pfn ${w.n(a.page)}.`,
  }),
  'llh.unpack': kind({
    line: 'llh.unpack',
    args: { pfn: 'p0', buffer: 'p1', entry: 'n0' },
    untouched: ['pfn'],
    say: (a, w) =>
      `unpack_orig_addresses: PBE ${w.n(a.entry)} gets orig_address pfn ${w.n(a.pfn)} from the meta page in buffer ${w.n(a.buffer)}.`,
  }),
  'lpi.unsafe': kind({
    line: 'lpi.unsafe',
    args: { pages: 'n0' },
    say: (a, w) =>
      `mark_unsafe_pages: NosaveFree now marks the ${w.pl(a.pages, 'orig_address')} of the list as unsafe; unsafe_pages = 0.`,
  }),
  'lpi.pagedir': kind({
    line: 'lpi.pagedir',
    args: { page: 'p0', nth: 'n0', of: 'n1' },
    say: (a, w) =>
      `prepare_image: alloc_pagedir(PG_SAFE) takes safe pfn ${w.n(a.page)}, pagedir page ${w.n(a.nth)} of ${w.n(a.of)}; copy_page_backup_list fills it from the first list.`,
  }),
  'lpi.free': kind({
    line: 'lpi.free',
    args: { page: 'p0', clear: 'n0' },
    say: (a, w) =>
      `free_pagedir(PG_UNSAFE_KEEP) frees pfn ${w.n(a.page)} of the load_header pagedir (it stays marked unsafe if it is an image pfn).`,
  }),
  'lpi.prealloc': kind({
    line: 'lpi.prealloc',
    args: { page: 'p0', safe: 'n0', nth: 'n1' },
    say: (a, w) =>
      a.safe
        ? `Preallocation: pfn ${w.n(a.page)} is safe and goes on safe_pages (${w.n(a.nth)}).`
        : `Preallocation: pfn ${w.n(a.page)} is unsafe: it is kept (Nosave + NosaveFree) and its own image page will load straight into it (${w.n(a.nth)}).`,
  }),
  'lpi.fail': kind({
    line: 'lpi.fail',
    args: {},
    say: () => 'prepare_image is out of memory: handle->pbe = NULL, swsusp_free, -ENOMEM.',
  }),
  'lgb.direct': kind({
    line: 'lgb.direct',
    args: { pfn: 'p0', entry: 'n0' },
    say: (a, w) =>
      `get_buffer: PBE ${w.n(a.entry)}'s pfn ${w.n(a.pfn)} is owned (Nosave + NosaveFree): its page loads straight into its own frame and pbe->address = 0.`,
  }),
  'lgb.pbe': kind({
    line: 'lgb.pbe',
    args: { orig: 'p0', copy: 'p1', entry: 'n0' },
    say: (a, w) =>
      `get_buffer: pfn ${w.n(a.orig)} is busy in the boot kernel: PBE ${w.n(a.entry)} sends its page to safe pfn ${w.n(a.copy)} and is linked after the last PBE with a safe page.`,
  }),
  'li.done': kind({ line: 'li.done', args: {}, say: () => 'Every image page is loaded.' }),
  'lres.irq': kind({
    line: 'lres.irq',
    args: {},
    say: () =>
      'swsusp_resume: IRQs off, devices powered down, processor state saved; swsusp_arch_resume takes over.',
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
      a.copy === 0
        ? `rep movsl: this PBE's address is 0, so physical frame 0 is copied onto pfn ${w.n(a.orig)} (the 2.6.17 get_buffer never unlinks the list head).`
        : `rep movsl: safe pfn ${w.n(a.copy)} is copied back into its original frame, pfn ${w.n(a.orig)}.`,
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
