import {
  divRoundUp,
  ENOMEM,
  HIGHMEM_PAGES_PER_SLAB,
  LOWMEM_RESERVE,
  PBES_PER_PAGE,
} from '../../constants';
import { contentWord } from '../../hash';
import { IMAGE_PFN, NSF } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import { swsuspFree } from '../free';
import type { Kernel } from '../kernel';
import { countDataPages, countHighmemPages, markFreePages, saveable } from '../suspend';
import { Pagedir } from './pagedir';
import { shrinkLoop } from '../shrink';

/** Tag of the content word of a slab page holding n highmem_page objects. */
const slabWord = (pfn: number, objects: number) => contentWord(pfn, 100 + objects);

/** The legacy swsusp_shrink_memory(): every saveable highmem page counts twice in lowmem. */
export function legacyShrinkMemory(k: Kernel): void {
  const s = k.scenario;
  shrinkLoop(
    k,
    () => {
      const highmem = countHighmemPages(k);
      const data = countDataPages(k);
      let size = 2 * highmem;
      size += Math.floor(size / 50) + data;
      k.rec.record('lsh.count', { lowmem: data, highmem });
      size += divRoundUp(size, PBES_PER_PAGE) + s.pagesForIo;
      let tmp = size;
      for (const z of k.zones) {
        if (z.highmem || !z.populated) continue;
        tmp += -k.alloc.freeIn(z.index) + LOWMEM_RESERVE;
      }
      k.rec.record('lsh.size', { tmp, size });
      return { tmp, size };
    },
    { free: 'lsh.free', imageSize: 'lsh.imgsize', enomem: 'lsh.enomem' },
  );
}

/** The highmem_copy list and the slab pages behind it, shared by save_highmem and restore_highmem. */
export class HighmemCopies {
  /** (highmem pfn, lowmem copy pfn) in push order; the list head is the last entry. */
  saves: number[] = [];
  slabPages: number[] = [];
  objects = 0;

  /** kmalloc(sizeof(struct highmem_page)): a new slab page every 128 objects. */
  kmalloc(k: Kernel, forPfn: number): boolean {
    if (this.objects % HIGHMEM_PAGES_PER_SLAB === 0) {
      const pfn = k.take(false);
      if (pfn < 0) return false;
      k.rec.record('shm.slab', { page: pfn, for: forPfn, nth: this.slabPages.length + 1 });
      k.claim(pfn, Role.Slab, false);
      this.slabPages.push(pfn);
      k.rec.addReg(Reg.legacySlabPages, 1);
    }
    this.objects++;
    const slab = this.slabPages[this.slabPages.length - 1];
    k.rec.setContent(slab, slabWord(slab, this.objects));
    return true;
  }

  /** kfree(save): the slab page goes back as soon as its last object is freed. */
  kfree(k: Kernel): void {
    this.objects--;
    const slab = this.slabPages[this.slabPages.length - 1];
    if (this.objects % HIGHMEM_PAGES_PER_SLAB === 0) {
      k.release(slab);
      this.slabPages.pop();
      k.rec.addReg(Reg.legacySlabPages, -1);
    } else {
      k.rec.setContent(slab, slabWord(slab, this.objects));
    }
  }
}

/**
 * save_highmem(): every saveable highmem page is copied into a lowmem page from
 * get_zeroed_page(GFP_ATOMIC), with a kmalloc'd highmem_page to find it again. Neither is marked
 * Nosave, so both are saved again by swsusp_save: two lowmem pages per highmem page.
 */
export function saveHighmem(k: Kernel, hc: HighmemCopies): void {
  k.rec.record('shm.start', {});
  const content = k.state.content;
  for (const z of k.zones) {
    if (!z.highmem) continue;
    markFreePages(k, z);
    for (let pfn = z.start; pfn < z.end; pfn++) {
      if (!k.pfnValid(pfn) || k.state.role[pfn] === Role.Reserved) continue;
      if (k.state.flags[pfn] & NSF) continue;
      let data = -1;
      if (hc.kmalloc(k, pfn)) {
        data = k.take(false);
        if (data < 0) {
          k.rec.record('shm.fail', { page: pfn });
          hc.kfree(k);
        }
      } else k.rec.record('shm.fail', { page: pfn });
      if (data < 0) {
        k.rec.printk('swsusp: Not enough free pages for highmem');
        restoreHighmem(k, hc);
        k.fail({
          function: 'save_highmem',
          errno: ENOMEM,
          message: 'swsusp: Not enough free pages for highmem',
        });
      }
      k.rec.record('shm.page', { page: pfn, copy: data, nth: hc.saves.length / 2 + 1 });
      k.claim(data, Role.HighmemSave, true);
      k.rec.setContent(data, content[pfn]);
      k.rec.saveSnapshot(pfn, content[pfn]);
      k.rec.orFlags(pfn, IMAGE_PFN);
      hc.saves.push(pfn, data);
      k.rec.highmemSaves.push(pfn);
      k.rec.highmemSaves.push(data);
      k.rec.addReg(Reg.legacyHighmemCopies, 1);
      k.rec.addReg(Reg.highToLow, 1);
    }
  }
}

/** restore_highmem(): pop each highmem_page, copy its data back, free the page and the object. */
export function restoreHighmem(k: Kernel, hc: HighmemCopies): void {
  k.rec.record('lrh.start', { copies: hc.saves.length / 2 });
  k.rec.printk('swsusp: Restoring Highmem');
  const content = k.state.content;
  while (hc.saves.length > 0) {
    const data = hc.saves.pop() as number;
    const page = hc.saves.pop() as number;
    k.rec.record('lrh.copy', { copy: data, page, nth: hc.saves.length / 2 + 1 });
    k.rec.setContent(page, content[data]);
    if (k.state.regs[Reg.side] !== 0) k.rec.setRole(page, Role.Restored);
    k.release(data);
    k.rec.addReg(Reg.legacyHighmemCopies, -1);
    hc.kfree(k);
  }
}

/** The legacy swsusp_save(): count (copies included), enough_free_mem, swsusp_alloc, copy. */
export function legacySwsuspSave(k: Kernel, hc: HighmemCopies, dir: Pagedir): void {
  const s = k.scenario;
  k.rec.record('save.drain', {});
  const nrPages = countDataPages(k);
  k.rec.record('lsave.count', { lowmem: nrPages, copies: hc.saves.length / 2 });
  k.counted = { freeLowmem: k.alloc.freeLowmem(), freeHighmem: k.alloc.freeHighmem() };
  k.rec.setReg(Reg.saveableLowmem, nrPages);
  k.rec.setReg(Reg.saveableHighmem, hc.saves.length / 2);
  k.rec.record('lsave.need', { pages: nrPages });
  k.rec.printk(`swsusp: Need to copy ${nrPages} pages`);

  const free = k.alloc.freeLowmem();
  const pagedirPages = divRoundUp(nrPages, PBES_PER_PAGE);
  const need = nrPages + s.pagesForIo + pagedirPages;
  k.rec.record('lsave.enough', { free, need });
  k.rec.setReg(Reg.metaEstimate, pagedirPages);
  k.rec.setReg(Reg.needLowmem, need);
  const abandon = (fn: string, message: string): never => {
    k.rec.printk('Error -12 suspending');
    restoreHighmem(k, hc);
    k.fail({ function: fn, errno: ENOMEM, message });
  };
  if (!(free > need)) {
    k.rec.printk('swsusp: Not enough free memory');
    abandon('enough_free_mem', 'swsusp: Not enough free memory');
  }

  // swsusp_alloc(): alloc_pagedir() then alloc_data_pages(), in PBE order
  k.rec.record('lsave.alloc', { pages: nrPages });
  if (!dir.alloc(k, nrPages, false, { page: 'apd.page', free: 'apd.free' })) {
    k.rec.record('apd.fail', { pages: nrPages });
    k.rec.printk('suspend: Allocating pagedir failed.');
    abandon('swsusp_alloc', 'suspend: Allocating pagedir failed.');
  }
  k.rec.record('apd.fill', { entries: dir.length, pages: nrPages });
  for (let e = 0; e !== -1; e = dir.next[e]) {
    const pfn = k.getImagePage(false, Role.Copy, (page) =>
      k.rec.record('adp.page', { page, nth: e + 1, of: dir.length }),
    );
    if (pfn < 0) {
      k.rec.printk('suspend: Allocating image pages failed.');
      swsuspFree(k);
      abandon('swsusp_alloc', 'suspend: Allocating image pages failed.');
    }
    dir.address[e] = pfn;
  }

  k.rec.record('save.drain2', {});
  const content = k.state.content;
  let pbe = 0;
  for (const z of k.zones) {
    if (z.highmem) continue;
    markFreePages(k, z, 'lcdp.mark');
    for (let pfn = z.start; pfn < z.end; pfn++) {
      if (!saveable(k, pfn, false)) continue;
      const dst = dir.address[pbe];
      k.rec.record('lcdp.copy', { src: pfn, dst, nth: pbe + 1 });
      k.rec.setContent(dst, content[pfn]);
      k.rec.saveSnapshot(pfn, content[pfn]);
      k.rec.orFlags(pfn, IMAGE_PFN);
      dir.orig[pbe] = pfn;
      k.rec.copyPairs.push(pfn);
      k.rec.copyPairs.push(dst);
      k.rec.addReg(Reg.copyPairs, 1);
      k.rec.addReg(Reg.lowToLow, 1);
      pbe = dir.next[pbe];
    }
  }
  k.copiesDone = true;
  if (pbe !== -1) {
    k.rec.record('lcdp.bug', { address: dir.address[pbe], entries: dir.length, pages: nrPages });
    k.rec.printk('kernel BUG at kernel/power/snapshot.c: BUG_ON(pbe) in copy_data_pages()');
    k.fail({
      function: 'copy_data_pages',
      errno: null,
      message: `kernel BUG: BUG_ON(pbe) in copy_data_pages(): fill_pb_page() linked one PBE too many (${nrPages} pages, ${nrPages} ≡ 1 mod 341)`,
    });
  }
  const meta = divRoundUp(nrPages * 4, 4096);
  k.rec.record('lsave.sizes', { copyPages: nrPages, metaPages: meta });
  k.rec.setReg(Reg.nrCopyPages, nrPages);
  k.rec.setReg(Reg.nrMetaPages, meta);
  k.copied = true;
  k.rec.record('save.done', { pages: nrPages });
  k.rec.printk(`swsusp: critical section/: done (${nrPages} pages copied)`);
}
