import { DISK, fn, LEGACY_SOURCE, SNAP, SWAP, SWSUSP } from './pseudocode-legacy';
import { LINUX612_SOURCE } from './steps-612';

/**
 * The source panel's text: for each kernel function the model emulates, its logic as short
 * pseudocode lines written for this project (names as in kernel/power/snapshot.c, swsusp.c and
 * swap.c of 2.6.20, and the 2.6.17 code for the legacy model). Every step of a trace points at one
 * line by id, and the line's function is the "function that touched" the step's frames.
 */
export interface SourceLine {
  key: string;
  code: string;
}
export interface SourceFunction {
  name: string;
  file: string;
  lines: SourceLine[];
}

export const SOURCE: SourceFunction[] = [
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
  fn('mark_free_pages', 'mm/page_alloc.c', [
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
  fn('swsusp_arch_resume', 'arch/i386/power/swsusp.S', [
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
  ...LEGACY_SOURCE,
  ...LINUX612_SOURCE,
];

const LINE_BY_KEY = new Map<string, number>();
const LINE_FN: number[] = [];
const LINES: SourceLine[] = [];
SOURCE.forEach((f, fi) => {
  for (const l of f.lines) {
    if (LINE_BY_KEY.has(l.key)) throw new Error(`duplicate pseudocode key ${l.key}`);
    LINE_BY_KEY.set(l.key, LINES.length);
    LINES.push(l);
    LINE_FN.push(fi);
  }
});

/** The id of a pseudocode line; the ids are what steps store. */
export function lineId(key: string): number {
  const id = LINE_BY_KEY.get(key);
  if (id === undefined) throw new Error(`internal: unknown pseudocode line ${key}`);
  return id;
}

export function lineKey(id: number): string {
  return LINES[id]?.key ?? '?';
}

export function lineFunction(id: number): SourceFunction {
  return SOURCE[LINE_FN[id] ?? 0];
}

/** Index of line `id` within its function's listing. */
export function lineIndexInFunction(id: number): number {
  const f = lineFunction(id);
  return f.lines.findIndex((l) => l.key === LINES[id]?.key);
}
