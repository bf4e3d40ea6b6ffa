import {
  divRoundUp,
  ENOMEM,
  LINKED_PAGE_DATA_SIZE,
  PBES_PER_LINKED_PAGE,
  PFNS_PER_META_PAGE,
  SIZEOF_PBE,
} from '../../constants';
import { IMAGE_PFN } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';
import type { ImageList } from './image';
import { L, reword, step } from './lines';
import { createBasicMemoryBitmaps, freeBasicMemoryBitmaps, swsuspFree612, u32 } from './suspend';
import type { Today } from './today';

const PREFIX = 'PM: hibernation: ';
export const FAILED_TO_LOAD = `${PREFIX}Failed to load image, recovering.`;

/** What the resume side leaves for the report. */
export interface Resume612 {
  basicBitmapPages: number;
  reservedSafePages: number;
  recycledPages: number;
  archPfns: number[];
  safeListLeft: number;
}

export function newResume612(): Resume612 {
  return {
    basicBitmapPages: 0,
    reservedSafePages: 0,
    recycledPages: 0,
    archPfns: [],
    safeListLeft: 0,
  };
}

/**
 * A failure of the boot kernel after its basic bitmaps: load_image_and_restore() prints "Failed to
 * load image, recovering.", runs swsusp_free() and free_basic_memory_bitmaps(); software_resume()
 * prints "resume failed (%d)".
 */
export function resumeFail612(t: Today, fn: string, errno: number): never {
  const k = t.k;
  step(k, L.liarFail, -1, -1, -1, errno);
  k.rec.printk(FAILED_TO_LOAD);
  swsuspFree612(t, L.sfPage);
  freeBasicMemoryBitmaps(t, L.fbmb);
  k.rec.printk(`${PREFIX}resume failed (${errno})`);
  return t.k.fail({ function: fn, errno, message: FAILED_TO_LOAD });
}

/** swap_read_page() of image page `index` into frame `target`. */
function readPage(k: Kernel, index: number, target: number): void {
  const page = k.rec.image[index];
  step(k, L.srpRead, target, -1, -1, index, page.pfn);
  k.rec.setContent(target, page.content);
  k.rec.setReg(Reg.imageRead, index + 1);
  if (page.kind === 'data') loaded(k, target);
}

/** The frame now holds its image page: in place (owned, unsafe) or as a PBE copy (safe). */
function loaded(k: Kernel, target: number): void {
  const role = k.state.role[target];
  if (role === Role.UnsafeOwned) k.rec.setRole(target, Role.Loaded);
  else if (role === Role.SafePage || role === Role.SafeHighmem) k.rec.setRole(target, Role.PbeCopy);
}

function copyLastHighmemPage(t: Today, line: string): void {
  const k = t.k;
  const last = k.rec.reg(Reg.lastHighmemPage);
  if (last < 0) return;
  const buffer = k.rec.reg(Reg.buffer);
  step(k, line, buffer, last);
  k.rec.setContent(last, k.state.content[buffer]);
  k.rec.setRole(last, k.state.role[last] === Role.UnsafeOwned ? Role.Loaded : Role.PbeCopy);
  k.rec.setReg(Reg.lastHighmemPage, -1);
}

/** duplicate_memory_bitmap(dst, src), one step per pfn. */
function duplicate(t: Today, dst: Today['orig'], src: Today['orig'], line: string): void {
  const k = t.k;
  src.positionReset();
  for (;;) {
    step(k, line, -1, -1, -1, dst.inst?.id ?? -1, src.inst?.id ?? -1);
    const pfn = src.nextPfn();
    if (pfn < 0) break;
    reword(k, line, pfn, -1, -1, dst.inst?.id ?? -1, src.inst?.id ?? -1);
    dst.setBit(pfn);
  }
}

/**
 * The boot kernel reads the image: load_image_and_restore() → create_basic_memory_bitmaps(),
 * swsusp_read() → load_image() calling snapshot_write_next() page by page, then
 * snapshot_write_finalize(). Zero pages go through get_buffer() like any page and are memset.
 */
export function swsuspRead612(t: Today, image: ImageList, out: Resume612): void {
  const k = t.k;
  const pages = k.rec.image.length;
  step(k, L.srStart);
  k.rec.printk(`${PREFIX}resume from hibernation`);
  if (!createBasicMemoryBitmaps(t, L.cbmbBoot)) {
    k.fail({
      function: 'create_basic_memory_bitmaps',
      errno: ENOMEM,
      message:
        'create_basic_memory_bitmaps: no page for a basic bitmap in the boot kernel (-ENOMEM)',
    });
  }
  out.basicBitmapPages = t.forbidden.pageCount() + t.freeMap.pageCount();

  // snapshot_write_next(), cur == 0
  const buffer = t.getImagePage(false, Role.Buffer, L.swnBuffer);
  if (buffer < 0) resumeFail612(t, 'snapshot_write_next', ENOMEM);
  k.rec.setReg(Reg.buffer, buffer);
  readPage(k, 0, buffer);
  step(k, L.liStart, -1, -1, -1, pages - 1);
  k.rec.printk(`PM: Loading image data pages (${pages - 1} pages)...`);

  // cur == 1: load_header(), copy_bm and zero_bm
  const n = image.pfns.length;
  const copied = pages - 1 - divRoundUp(n * 4, 4096);
  const meta = pages - 1 - copied;
  step(k, L.swnHeader, buffer, -1, -1, copied, meta);
  k.rec.setReg(Reg.nrCopyPages, copied);
  k.rec.setReg(Reg.nrMetaPages, meta);
  t.clearSafe();
  if (t.copy.create(false)) resumeFail612(t, 'snapshot_write_next', ENOMEM);
  if (t.zero.create(false)) {
    t.copy.free(true);
    resumeFail612(t, 'snapshot_write_next', ENOMEM);
  }
  step(k, L.swnZeroCount);
  k.rec.setReg(Reg.nrZeroPages, 0);

  // meta pages: read into buffer, unpacked by the next call
  for (let m = 1; m <= meta; m++) {
    readPage(k, m, buffer);
    const from = (m - 1) * PFNS_PER_META_PAGE;
    const to = Math.min(n, from + PFNS_PER_META_PAGE);
    step(k, L.unpack, buffer, -1, -1, m, to - from);
    for (let j = from; j < to; j++) {
      const pfn = image.pfns[j];
      step(k, image.zero[j] ? L.unpackZero : L.unpackSet, pfn, -1, -1, j);
      t.copy.setBit(pfn);
      if (image.zero[j]) {
        t.zero.setBit(pfn);
        k.rec.addReg(Reg.nrZeroPages, 1);
      }
    }
  }
  prepareImage(t, out);
  step(k, L.swnChain);
  k.loading = true;
  t.orig.positionReset();
  t.zero.positionReset();
  k.rec.setReg(Reg.chainUsed, LINKED_PAGE_DATA_SIZE);
  k.rec.setReg(Reg.resumeChainPage, -1);

  let data = 1 + meta;
  for (let j = 0; j < n; j++) {
    if (j > 0) copyLastHighmemPage(t, L.clhpCopy);
    const target = getBuffer(t);
    if (t.zero.testBit(t.orig.getCurrent())) {
      // "Zero pages were not included in the image, memset it and move on."
      step(k, L.swnMemset, target, -1, -1, t.orig.getCurrent());
      k.rec.setContent(target, 0);
      loaded(k, target);
      continue;
    }
    readPage(k, data++, target);
  }
  step(k, L.liDone);
  k.rec.printk('PM: Image loading done');

  // snapshot_write_finalize()
  step(k, L.swfStart);
  copyLastHighmemPage(t, L.swfCopy);
  const recycled = t.orig.recycle(L.swfRecycle);
  out.recycledPages = recycled;
  k.rec.setReg(Reg.recycledPages, recycled);
  if (t.safeHigh.exists) t.safeHigh.free(true, L.swfHigh);
  const buf = k.rec.reg(Reg.buffer);
  if (buf >= 0) {
    step(k, L.swfBuffer, buf);
    t.freeImagePage(buf, true);
    k.rec.setReg(Reg.buffer, -1);
  }
  k.rec.printk('PM: Image successfully loaded');
}

/**
 * prepare_image(&orig_bm, &copy_bm, &zero_bm): mark_unsafe_pages(), orig_bm and zero_bm rebuilt in
 * safe pages, prepare_highmem_image(), the PBE reserve left on safe_pages_list, and the
 * preallocation of one frame per image page not covered by highmem or kept unsafe pages.
 */
function prepareImage(t: Today, out: Resume612): void {
  const k = t.k;
  const fail = (): never => resumeFail612(t, 'prepare_image', ENOMEM);
  step(k, L.piStart);
  const buffer = k.rec.reg(Reg.buffer);
  step(k, L.piFree, buffer);
  t.freeImagePage(buffer, true);
  k.rec.setReg(Reg.buffer, -1);

  // count_highmem_image_pages(copy_bm)
  let nrHighmem = 0;
  t.copy.positionReset();
  for (let pfn = t.copy.nextPfn(); pfn >= 0; pfn = t.copy.nextPfn())
    if (t.highmem(pfn)) nrHighmem++;
  step(k, L.piCount, -1, -1, -1, nrHighmem);
  k.rec.setReg(Reg.nrHighmemImage, nrHighmem);

  // mark_unsafe_pages(copy_bm): no free bit left, then free bit ⇔ image pfn
  step(k, L.mupClear);
  t.freeMap.positionReset();
  for (let pfn = t.freeMap.nextPfn(); pfn >= 0; pfn = t.freeMap.nextPfn()) t.freeMap.clearCurrent();
  step(k, L.mupSet, -1, -1, -1, k.rec.reg(Reg.nrCopyPages) + k.rec.reg(Reg.nrZeroPages));
  t.copy.positionReset();
  for (let pfn = t.copy.nextPfn(); pfn >= 0; pfn = t.copy.nextPfn()) {
    t.freeMap.setBit(pfn);
    k.rec.orFlags(pfn, IMAGE_PFN);
  }
  k.rec.setReg(Reg.allocatedUnsafePages, 0);
  k.unsafeMarked = true;

  if (t.orig.create(true)) fail();
  duplicate(t, t.orig, t.copy, L.piDupOrig);
  t.copy.free(false, L.piFreeCopy);

  // zero_bm moves into safe pages through tmp
  if (t.tmp.create(true)) fail();
  duplicate(t, t.tmp, t.zero, L.piDupTmp);
  t.zero.free(false, L.piFreeZero);
  if (t.zero.create(true)) fail();
  duplicate(t, t.zero, t.tmp, L.piDupZero);
  t.tmp.free(true, L.piFreeTmp);

  if (nrHighmem > 0) {
    step(k, L.piHighmem, -1, -1, -1, nrHighmem);
    // prepare_highmem_image(copy_bm, &nr_highmem): copy_bm becomes safe_highmem_bm
    if (t.safeHigh.create(true)) fail();
    const buf = t.getImagePage(true, Role.Buffer, L.phiBuffer);
    if (buf < 0) fail();
    k.rec.setReg(Reg.buffer, buf);
    const toAlloc = Math.min(k.alloc.freeHighmem(), nrHighmem);
    nrHighmem = toAlloc;
    step(k, L.phiCount, -1, -1, -1, toAlloc);
    k.rec.setReg(Reg.nrHighmemImage, toAlloc);
    k.rec.setReg(Reg.safeHighmemPages, 0);
    for (let i = 0; i < toAlloc; i++) {
      const pfn = t.take(true);
      if (pfn < 0) throw new Error('internal: prepare_highmem_image found no highmem frame');
      const safe = !t.isFree(pfn);
      step(k, L.phiAlloc, pfn, -1, -1, safe ? 1 : 0, i + 1);
      k.claim(pfn, safe ? Role.SafeHighmem : Role.UnsafeOwned, false);
      if (safe) {
        t.safeHigh.setBit(pfn);
        k.rec.addReg(Reg.safeHighmemPages, 1);
      }
      t.setForbidden(pfn);
      t.setFree(pfn);
    }
    t.safeHigh.positionReset();
    step(k, L.phiDone, -1, -1, -1, k.rec.reg(Reg.safeHighmemPages));
  }

  // the reserve: pages for the PBE chain, left on safe_pages_list
  const images = u32(k.rec.reg(Reg.nrZeroPages) + k.rec.reg(Reg.nrCopyPages));
  let nr = u32(u32(images - nrHighmem) - k.rec.reg(Reg.allocatedUnsafePages));
  const reserve = divRoundUp(nr, PBES_PER_LINKED_PAGE);
  step(k, L.piReserveCount, -1, -1, -1, nr, reserve);
  for (let i = 0; i < reserve; i++) {
    const pfn = t.getImagePage(true, Role.SafePage, L.piReserve, i + 1, reserve);
    if (pfn < 0) fail();
    t.pushSafe(pfn);
    out.reservedSafePages++;
    k.rec.addReg(Reg.reservedSafePages, 1);
  }
  // the preallocation: one frame per image page not covered yet
  nr = u32(u32(images - nrHighmem) - k.rec.reg(Reg.allocatedUnsafePages));
  step(k, L.piPreallocCount, -1, -1, -1, nr);
  for (let i = 0; i < nr; i++) {
    const pfn = t.take(false);
    if (pfn < 0) {
      step(k, L.piFail, -1, -1, -1, i, nr);
      fail();
    }
    const safe = !t.isFree(pfn);
    step(k, L.piPrealloc, pfn, -1, -1, safe ? 1 : 0, i + 1);
    k.claim(pfn, safe ? Role.SafePage : Role.UnsafeOwned, true);
    if (safe) t.pushSafe(pfn);
    t.setForbidden(pfn);
    t.setFree(pfn);
  }
}

/** chain_alloc(&ca, size) of the PG_SAFE resume chain: a new page from __get_safe_page(). */
function chainAlloc(t: Today, size: number): boolean {
  const k = t.k;
  const used = k.rec.reg(Reg.chainUsed);
  if (LINKED_PAGE_DATA_SIZE - used < size) {
    const pfn = t.getSafePage(Role.PbeChain, L.caPage, k.rec.reg(Reg.pbeChainPages) + 1);
    if (pfn < 0) return false;
    k.rec.setReg(Reg.resumeChainPage, pfn);
    k.rec.addReg(Reg.pbeChainPages, 1);
    k.rec.setReg(Reg.chainUsed, 0);
  }
  k.rec.addReg(Reg.chainUsed, size);
  return true;
}

/** get_buffer(&orig_bm, &ca): the frame the next image page (zero or not) goes into. */
function getBuffer(t: Today): number {
  const k = t.k;
  step(k, L.gbNext);
  const pfn = t.orig.nextPfn();
  if (pfn < 0) throw new Error('internal: get_buffer ran off orig_bm');
  reword(k, L.gbNext, pfn);
  const owned = t.owned(pfn);
  const buffer = k.rec.reg(Reg.buffer);
  if (t.highmem(pfn)) {
    // get_highmem_page_buffer()
    if (owned) {
      reword(k, L.hDirect, pfn, buffer);
      k.rec.setReg(Reg.lastHighmemPage, pfn);
      k.rec.addReg(Reg.directHighmem, 1);
      k.rec.directPfns.push(pfn);
      return buffer;
    }
    if (!chainAlloc(t, SIZEOF_PBE)) {
      step(k, L.gbFail, pfn);
      resumeFail612(t, 'get_buffer', ENOMEM);
    }
    let copy: number;
    let target: number;
    if (k.rec.reg(Reg.safeHighmemPages) > 0) {
      step(k, L.hHigh, pfn);
      copy = t.safeHigh.nextPfn();
      k.rec.addReg(Reg.safeHighmemPages, -1);
      k.rec.setReg(Reg.lastHighmemPage, copy);
      reword(k, L.hHigh, pfn, copy, buffer);
      target = buffer;
    } else {
      copy = t.getSafePage(Role.SafePage, L.hLow, 0, 0);
      if (copy < 0) {
        step(k, L.gbFail, pfn);
        resumeFail612(t, 'get_buffer', ENOMEM);
      }
      reword(k, L.hLow, pfn, copy);
      target = copy;
    }
    k.rec.highPbes.push(pfn);
    k.rec.highPbes.push(copy);
    k.rec.addReg(Reg.highPbes, 1);
    return target;
  }
  if (owned) {
    reword(k, L.gbDirect, pfn);
    k.rec.addReg(Reg.directLowmem, 1);
    k.rec.directPfns.push(pfn);
    return pfn;
  }
  if (!chainAlloc(t, SIZEOF_PBE)) {
    step(k, L.gbFail, pfn);
    resumeFail612(t, 'get_buffer', ENOMEM);
  }
  const copy = t.getSafePage(Role.SafePage, L.gbPbe, 0, 0);
  if (copy < 0) {
    step(k, L.gbFail, pfn);
    resumeFail612(t, 'get_buffer', ENOMEM);
  }
  reword(k, L.gbPbe, pfn, copy);
  k.rec.lowPbes.push(pfn);
  k.rec.lowPbes.push(copy);
  k.rec.addReg(Reg.lowPbes, 1);
  return copy;
}
