/**
 * The source panel's pseudocode for the linux-2.6.17 model (snapshot.c @ 0bcd888d and the 2.6.17
 * swsusp.c), and the helpers both listings share. Written for this project; names are the
 * kernel's.
 */
export interface LegacyLine {
  key: string;
  code: string;
}

export const fn = (name: string, file: string, lines: [string, string][]) => ({
  name,
  file,
  lines: lines.map(([key, code]): LegacyLine => ({ key, code })),
});

export const SNAP = 'kernel/power/snapshot.c';
export const SWSUSP = 'kernel/power/swsusp.c';
export const SWAP = 'kernel/power/swap.c';
export const DISK = 'kernel/power/disk.c';

export const LEGACY_SOURCE = [
  fn('swsusp_shrink_memory', `${SWSUSP} (2.6.17)`, [
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
  ]),
  fn('save_highmem', `${SNAP} (2.6.17)`, [
    ['shm.start', 'drain_local_pages(); for each highmem zone: save_highmem_zone(zone);'],
    [
      'shm.slab',
      'save = kmalloc(sizeof(struct highmem_page), GFP_ATOMIC);   /* a new slab page every 128 objects */',
    ],
    [
      'shm.page',
      'save->data = get_zeroed_page(GFP_ATOMIC); memcpy(save->data, kmap_atomic(page), PAGE_SIZE); push save on highmem_copy;',
    ],
    ['shm.fail', 'printk("swsusp: Not enough free pages for highmem"); return -ENOMEM;'],
  ]),
  fn('swsusp_save', `${SNAP} (2.6.17)`, [
    [
      'lsave.count',
      'nr_pages = count_data_pages();   /* the save_highmem copies are ordinary lowmem now */',
    ],
    ['lsave.need', 'printk("swsusp: Need to copy %u pages", nr_pages);'],
    [
      'lsave.enough',
      'if (!enough_free_mem(nr_pages)) { printk("swsusp: Not enough free memory"); return -ENOMEM; }   /* free > nr_pages + PAGES_FOR_IO + DIV_ROUND_UP(nr_pages, PBES_PER_PAGE) */',
    ],
    [
      'lsave.alloc',
      'restore_pblist = swsusp_alloc(nr_pages);   /* alloc_pagedir() + alloc_data_pages() */',
    ],
    [
      'lsave.sizes',
      'nr_copy_pages = nr_pages; nr_meta_pages = DIV_ROUND_UP(nr_pages * sizeof(long), PAGE_SIZE);',
    ],
  ]),
  fn('alloc_pagedir', `${SNAP} (2.6.17)`, [
    [
      'apd.page',
      'for each PBES_PER_PAGE PBEs: page = alloc_image_page(gfp_mask, safe_needed); (pbe + PB_PAGE_SKIP)->next = page;',
    ],
    [
      'apd.fill',
      'create_pbe_list(): fill_pb_page() links the PBEs of each page; the last page gets nr_pages − num;',
    ],
    [
      'apd.fail',
      'if (!nr_pages || !page) return NULL;   /* "suspend: Allocating pagedir failed." */',
    ],
  ]),
  fn('alloc_data_pages', `${SNAP} (2.6.17)`, [
    ['adp.page', 'for_each_pbe(p, pblist) p->address = alloc_image_page(gfp_mask, safe_needed);'],
  ]),
  fn('copy_data_pages', `${SNAP} (2.6.17)`, [
    ['lcdp.mark', 'for each lowmem zone: mark_free_pages(zone);'],
    [
      'lcdp.copy',
      '  for each saveable pfn: BUG_ON(!pbe); copy_data_page(pbe->address, page); pbe->orig_address = page; pbe = pbe->next;',
    ],
    ['lcdp.bug', 'BUG_ON(pbe);   /* every PBE must have been used */'],
  ]),
  fn('restore_highmem', `${SNAP} (2.6.17)`, [
    ['lrh.start', 'printk("swsusp: Restoring Highmem");'],
    [
      'lrh.copy',
      'while (save = pop highmem_copy) { memcpy(kmap_atomic(save->page), save->data, PAGE_SIZE); free_page(save->data); kfree(save); }',
    ],
  ]),
  fn('snapshot_read_next', `${SNAP} (2.6.17)`, [
    [
      'lsrn.meta',
      'pack_orig_addresses(buffer, handle->pbe);   /* 1024 orig_address values, zero-padded */',
    ],
    ['lsrn.data', 'handle->buffer = handle->pbe->address; handle->pbe = handle->pbe->next;'],
  ]),
  fn('load_header', `${SNAP} (2.6.17)`, [
    [
      'llh.pagedir',
      'check_header(info); restore_pblist = alloc_pagedir(info->image_pages, GFP_ATOMIC, PG_ANY);',
    ],
    [
      'llh.unpack',
      'unpack_orig_addresses(buffer, handle->pbe);   /* fills orig_address of the next 1024 PBEs */',
    ],
  ]),
  fn('prepare_image', `${SNAP} (2.6.17)`, [
    ['lpi.unsafe', 'mark_unsafe_pages(restore_pblist);   /* NosaveFree on every orig_address */'],
    [
      'lpi.pagedir',
      'pblist = alloc_pagedir(nr_pages, GFP_ATOMIC, PG_SAFE); copy_page_backup_list(pblist, p);',
    ],
    ['lpi.free', 'free_pagedir(p, PG_UNSAFE_KEEP);'],
    [
      'lpi.prealloc',
      'repeat nr_copy_pages − unsafe_pages: ptr = get_zeroed_page(GFP_ATOMIC); if (!PageNosaveFree(ptr)) push ptr on safe_pages; SetPageNosave + NosaveFree;',
    ],
    ['lpi.fail', 'handle->pbe = NULL; swsusp_free(); return -ENOMEM;'],
  ]),
  fn('get_buffer', `${SNAP} (2.6.17)`, [
    [
      'lgb.direct',
      'if (PageNosave(page) && PageNosaveFree(page)) { pbe->address = 0; if (last && last->next) last->next = NULL; return orig_address; }',
    ],
    [
      'lgb.pbe',
      'pbe->address = safe_pages; safe_pages = safe_pages->next; if (last) last->next = pbe; handle->last_pbe = pbe;',
    ],
  ]),
  fn('swsusp_resume', `${SWSUSP} (2.6.17)`, [
    [
      'lres.irq',
      'local_irq_disable(); device_power_down(PMSG_FREEZE); save_processor_state(); swsusp_arch_resume();',
    ],
  ]),
];
