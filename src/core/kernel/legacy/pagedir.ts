import { PBES_PER_PAGE } from '../../constants';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';

/** Which pagedir: the suspend one, the one load_header builds, the PG_SAFE one of prepare_image. */
export type PagedirKinds =
  | { page: 'apd.page'; free: 'apd.free' }
  | { page: 'llh.pagedir'; free: 'llh.free' }
  | { page: 'lpi.pagedir'; free: 'apd.free' };

/**
 * The legacy pagedir: a chain of whole pages, each an array of 341 `struct pbe`, built by
 * alloc_pagedir() / create_pbe_list() / fill_pb_page(). Entries live in typed arrays: `address`
 * (the copy's pfn; -1 = 0), `orig` (the original pfn) and `next` (entry index; -1 = NULL).
 *
 * fill_pb_page(page, n) links entries 0..n-2 of a page with a do-while loop, so for n = 1 it still
 * links entry 0 to entry 1: when the last page holds a single PBE the list has one entry too many.
 * That 2.6.17 bug is reproduced here on purpose.
 */
export class Pagedir {
  pages: number[] = [];
  address: Int32Array = new Int32Array(0);
  orig: Int32Array = new Int32Array(0);
  next: Int32Array = new Int32Array(0);

  get length(): number {
    return this.address.length;
  }

  /** True when the fill_pb_page bug adds an entry to a list of `nr` PBEs. */
  static hasExtraEntry(nr: number): boolean {
    return nr > 0 && nr % PBES_PER_PAGE === 1;
  }

  /**
   * alloc_pagedir(nr_pages, gfp, safe_needed): ⌈nr/341⌉ pages from alloc_image_page(), one step
   * each, then the list. Returns false for nr = 0 (the kernel returns NULL) or when a page cannot
   * be had (the pages taken so far are freed).
   */
  alloc(k: Kernel, nr: number, safeNeeded: boolean, kinds: PagedirKinds): boolean {
    this.pages = [];
    if (nr === 0) return false;
    const nPages = Math.ceil(nr / PBES_PER_PAGE);
    for (let i = 0; i < nPages; i++) {
      const pfn = k.getImagePage(safeNeeded, Role.Pagedir, (page) =>
        k.rec.record(kinds.page, { page, nth: i + 1, of: nPages }),
      );
      if (pfn < 0) {
        this.free(k, true, kinds.free);
        return false;
      }
      this.pages.push(pfn);
    }
    const entries = nr + (Pagedir.hasExtraEntry(nr) ? 1 : 0);
    this.address = new Int32Array(entries).fill(-1);
    this.orig = new Int32Array(entries).fill(-1);
    this.next = new Int32Array(entries);
    for (let i = 0; i < entries; i++) this.next[i] = i + 1 < entries ? i + 1 : -1;
    k.rec.setReg(Reg.legacyPagedirPages, this.pages.length);
    return true;
  }

  /** free_pagedir(pblist, clear_nosave_free): the pages in chain order, one step each. */
  free(k: Kernel, clearNsf: boolean, kind: 'apd.free' | 'llh.free' | 'lpi.free'): void {
    for (const pfn of this.pages) {
      k.rec.record(kind, { page: pfn, clear: clearNsf ? 1 : 0 });
      k.freeImagePage(pfn, clearNsf);
    }
    this.pages = [];
  }
}
