import {
  EFAULT,
  ENOMEM,
  LINKED_PAGE_DATA_SIZE,
  PBES_PER_LINKED_PAGE,
  SIZEOF_PBE,
  divRoundUp,
  PFNS_PER_META_PAGE,
} from '../constants';
import { IMAGE_PFN, NS, NSF } from '../marks';
import { Reg } from '../registers';
import { Role } from '../roles';
import { lineId } from '../source/pseudocode';
import type { MemoryBitmap } from './bitmap';
import { swsuspFree } from './free';
import type { Kernel } from './kernel';

const L = {
  sig: lineId('chk.sig'),
  swnBuffer: lineId('swn.buffer'),
  header: lineId('swn.header'),
  check: lineId('ch.check'),
  copybm: lineId('swn.copybm'),
  unpack: lineId('swn.unpack'),
  unpackSet: lineId('unpack.set'),
  prepare: lineId('swn.prepare'),
  chain: lineId('swn.chain'),
  next: lineId('swn.next'),
  liStart: lineId('li.start'),
  read: lineId('li.read'),
  liFail: lineId('li.fail'),
  liDone: lineId('li.done'),
  piFree: lineId('pi.free'),
  piCount: lineId('pi.count'),
  mupClear: lineId('mup.clear'),
  mupSet: lineId('mup.set'),
  piOrig: lineId('pi.orig'),
  dup: lineId('dup.set'),
  freeCopy: lineId('pi.freecopy'),
  piHighmem: lineId('pi.highmem'),
  reserve: lineId('pi.reserve'),
  prealloc: lineId('pi.prealloc'),
  freeSp: lineId('pi.freesp'),
  piFail: lineId('pi.fail'),
  phiBm: lineId('phi.bm'),
  phiBuffer: lineId('phi.buffer'),
  phiCount: lineId('phi.count'),
  phiAlloc: lineId('phi.alloc'),
  phiDone: lineId('phi.done'),
  gbNext: lineId('gb.next'),
  gbDirect: lineId('gb.direct'),
  gbPbe: lineId('gb.pbe'),
  gbFail: lineId('gb.fail'),
  caPage: lineId('ca.page'),
  hDirect: lineId('ghpb.direct'),
  hHigh: lineId('ghpb.high'),
  hLow: lineId('ghpb.low'),
  clhp: lineId('clhp.copy'),
  swfCopy: lineId('swf.copy'),
  swfOrig: lineId('swf.orig'),
  swfHigh: lineId('swf.high'),
};

export interface Bitmaps {
  orig: MemoryBitmap;
  copy: MemoryBitmap;
  safeHigh: MemoryBitmap;
}

/** A failure of the boot kernel: swsusp_free() as software_resume() does, then the run ends. */
export function resumeFail(k: Kernel, fn: string, errno: number, message: string): never {
  swsuspFree(k);
  k.fail({ function: fn, errno, message });
}

/**
 * The boot kernel reading the image: swsusp_check, swsusp_read / load_image calling
 * snapshot_write_next page by page (load_header, unpack_orig_pfns, prepare_image, get_buffer,
 * copy_last_highmem_page), then snapshot_write_finalize.
 */
export function swsuspRead(k: Kernel, bm: Bitmaps): void {
  const buffer = readHeader(k);

  // second call: load_header + memory_bm_create(copy_bm)
  const n = k.rec.copyPairs.length / 2;
  const meta = divRoundUp(n * 4, 4096);
  k.rec.step(L.check, -1, -1, -1, k.frames);
  k.rec.step(L.header, buffer, -1, -1, n, meta);
  k.rec.setReg(Reg.nrCopyPages, n);
  k.rec.setReg(Reg.nrMetaPages, meta);
  if (bm.copy.create('copy_bm', false)) {
    resumeFail(
      k,
      'memory_bm_create',
      ENOMEM,
      'memory_bm_create: not enough free memory for copy_bm (-ENOMEM)',
    );
  }
  if (k.rec.image.length < 2) {
    k.rec.step(L.liFail, -1, -1, -1, 1);
    resumeFail(
      k,
      'swap_read_page',
      EFAULT,
      'swap_read_page: the image has no second page on swap (-EFAULT): it holds no data pages',
    );
  }

  // meta pages: each read into buffer, then unpacked by the next call
  const pairs = k.rec.copyPairs.data;
  for (let m = 1; m <= meta; m++) {
    readPage(k, m, buffer);
    const from = (m - 1) * PFNS_PER_META_PAGE;
    const to = Math.min(n, from + PFNS_PER_META_PAGE);
    k.rec.step(L.unpack, buffer, -1, -1, m, to - from);
    for (let j = from; j < to; j++) {
      k.rec.step(L.unpackSet, pairs[2 * j], -1, -1, j);
      bm.copy.setBit(pairs[2 * j]);
    }
  }
  k.rec.step(L.prepare);
  prepareImage(k, bm, n);
  k.rec.step(L.chain);
  bm.orig.positionReset();
  k.rec.setReg(Reg.chainUsed, LINKED_PAGE_DATA_SIZE);
  k.rec.setReg(Reg.resumeChainPage, -1);

  for (let d = 0; d < n; d++) {
    if (d > 0) copyLastHighmemPage(k, L.clhp);
    const target = getBuffer(k, bm);
    readPage(k, 1 + meta + d, target);
  }
  k.rec.step(L.liDone);
  k.rec.printk('done');
  copyLastHighmemPage(k, L.swfCopy);
  bm.orig.free(true, L.swfOrig);
  bm.safeHigh.free(true, L.swfHigh);
  const buf = k.rec.reg(Reg.buffer);
  if (buf >= 0) {
    k.rec.step(L.swfHigh, buf, -1, -1, -1, 1);
    k.freeImagePage(buf, true);
    k.rec.setReg(Reg.buffer, -1);
  }
}

/**
 * swsusp_check, then the first snapshot_write_next (both models): `buffer` from
 * get_image_page(PG_ANY), the header read into it, load_image starts. Returns buffer.
 */
export function readHeader(k: Kernel): number {
  const pages = k.rec.image.length;
  k.rec.step(L.sig);
  const buffer = k.getImagePage(false, Role.Buffer, L.swnBuffer);
  if (buffer < 0) {
    const message = 'snapshot_write_next: no free page for buffer (-ENOMEM)';
    resumeFail(k, 'snapshot_write_next', ENOMEM, message);
  }
  k.rec.setReg(Reg.buffer, buffer);
  readPage(k, 0, buffer);
  k.rec.step(L.liStart, -1, -1, -1, pages - 1);
  k.rec.printk(`Loading image data pages (${pages - 1} pages) ...     `);
  return buffer;
}

/** swap_read_page(): image page `index` lands in frame `target`. */
export function readPage(k: Kernel, index: number, target: number): void {
  const page = k.rec.image[index];
  k.rec.step(L.read, target, -1, -1, index, page.pfn);
  k.rec.setContent(target, page.content);
  k.rec.setReg(Reg.imageRead, index + 1);
  const role = k.state.role[target];
  if (page.kind === 'data') {
    if (role === Role.UnsafeOwned) k.rec.setRole(target, Role.Loaded);
    else if (role === Role.SafePage || role === Role.SafeHighmem)
      k.rec.setRole(target, Role.PbeCopy);
  }
}

function copyLastHighmemPage(k: Kernel, line: number): void {
  const last = k.rec.reg(Reg.lastHighmemPage);
  if (last < 0) return;
  const buffer = k.rec.reg(Reg.buffer);
  k.rec.step(line, buffer, last);
  k.rec.setContent(last, k.state.content[buffer]);
  k.rec.setRole(last, k.state.role[last] === Role.UnsafeOwned ? Role.Loaded : Role.PbeCopy);
  k.rec.setReg(Reg.lastHighmemPage, -1);
}

/** prepare_image(&orig_bm, &copy_bm) with prepare_highmem_image() and the safe-page lists. */
function prepareImage(k: Kernel, bm: Bitmaps, n: number): void {
  const buffer = k.rec.reg(Reg.buffer);
  k.rec.step(L.piFree, buffer);
  k.freeImagePage(buffer, true);
  k.rec.setReg(Reg.buffer, -1);

  let nrHighmem = 0;
  const flags = k.state.flags;
  for (let pfn = 0; pfn < k.frames; pfn++)
    if (flags[pfn] & bm.copy.bit && k.isHighmem(pfn)) nrHighmem++;
  k.rec.step(L.piCount, -1, -1, -1, nrHighmem);
  k.rec.setReg(Reg.nrHighmemImage, nrHighmem);

  // mark_unsafe_pages()
  k.rec.step(L.mupClear);
  for (let pfn = 0; pfn < k.frames; pfn++) if (k.pfnValid(pfn)) k.rec.clearFlags(pfn, NSF);
  k.rec.step(L.mupSet, -1, -1, -1, n);
  for (let pfn = 0; pfn < k.frames; pfn++)
    if (flags[pfn] & bm.copy.bit) k.rec.orFlags(pfn, NSF | IMAGE_PFN);
  k.rec.setReg(Reg.allocatedUnsafePages, 0);

  const fail = (fn: string, what: string): never =>
    resumeFail(k, fn, ENOMEM, `${fn}: not enough free memory for ${what} (-ENOMEM)`);

  if (bm.orig.create('orig_bm', true)) fail('memory_bm_create', 'orig_bm');
  // duplicate_memory_bitmap(new_bm, bm)
  bm.copy.positionReset();
  for (;;) {
    k.rec.step(L.dup);
    const pfn = bm.copy.nextPfn();
    if (pfn < 0) break;
    k.rec.amend(L.dup, pfn);
    bm.orig.setBit(pfn);
  }
  bm.copy.free(false, L.freeCopy);

  if (nrHighmem > 0) {
    k.rec.step(L.piHighmem, -1, -1, -1, nrHighmem);
    if (bm.safeHigh.create('safe_highmem_bm', true)) fail('memory_bm_create', 'safe_highmem_bm');
    const buf = k.getImagePage(true, Role.Buffer, L.phiBuffer);
    if (buf < 0) fail('get_highmem_buffer', 'buffer');
    k.rec.setReg(Reg.buffer, buf);
    const toAlloc = Math.min(k.alloc.freeHighmem(), nrHighmem);
    nrHighmem = toAlloc;
    k.rec.step(L.phiCount, -1, -1, -1, toAlloc);
    k.rec.setReg(Reg.nrHighmemImage, toAlloc);
    k.rec.setReg(Reg.safeHighmemPages, 0);
    for (let i = 0; i < toAlloc; i++) {
      const pfn = k.take(true);
      const safe = !(flags[pfn] & NSF);
      k.rec.step(L.phiAlloc, pfn, -1, -1, safe ? 1 : 0, i + 1);
      k.claim(pfn, safe ? Role.SafeHighmem : Role.UnsafeOwned, false);
      if (safe) {
        bm.safeHigh.setBit(pfn);
        k.rec.addReg(Reg.safeHighmemPages, 1);
      }
      k.rec.orFlags(pfn, NS | NSF);
    }
    k.rec.step(L.phiDone, -1, -1, -1, k.rec.reg(Reg.safeHighmemPages));
    bm.safeHigh.positionReset();
  }

  // the sp_list reserve, so chain_alloc() in get_buffer() finds safe pages
  const reserve = divRoundUp(
    n - nrHighmem - k.rec.reg(Reg.allocatedUnsafePages),
    PBES_PER_LINKED_PAGE,
  );
  for (let i = 0; i < reserve; i++) {
    const pfn = k.getImagePage(true, Role.SpReserve, L.reserve, i + 1, reserve);
    if (pfn < 0) fail('prepare_image', 'the sp_list reserve');
    k.rec.spList.push(pfn);
    k.rec.addReg(Reg.spPushed, 1);
  }
  // preallocate the image frames
  const prealloc = n - nrHighmem - k.rec.reg(Reg.allocatedUnsafePages);
  for (let i = 0; i < prealloc; i++) {
    const pfn = k.take(false);
    if (pfn < 0) {
      k.rec.step(L.piFail, -1, -1, -1, i, prealloc);
      fail('prepare_image', 'the image pages');
    }
    const safe = !(flags[pfn] & NSF);
    k.rec.step(L.prealloc, pfn, -1, -1, safe ? 1 : 0, i + 1);
    k.claim(pfn, safe ? Role.SafePage : Role.UnsafeOwned, true);
    if (safe) {
      k.rec.safePages.push(pfn);
      k.rec.addReg(Reg.safePushed, 1);
    }
    k.rec.orFlags(pfn, NS | NSF);
  }
  // free sp_list from its head (the last page pushed)
  const sp = k.rec.spList.data;
  for (let i = k.rec.spList.length - 1; i >= 0; i--) {
    k.rec.step(L.freeSp, sp[i]);
    k.freeImagePage(sp[i], true);
    k.rec.addReg(Reg.spFreed, 1);
  }
}

/** chain_alloc(&ca, size) for the resume PBE chain: a new PG_SAFE chain page when the current is full. */
function chainAlloc(k: Kernel, size: number): boolean {
  const used = k.rec.reg(Reg.chainUsed);
  if (LINKED_PAGE_DATA_SIZE - used < size) {
    const pfn = k.getImagePage(true, Role.PbeChain, L.caPage, k.rec.reg(Reg.pbeChainPages) + 1);
    if (pfn < 0) return false;
    k.rec.setReg(Reg.resumeChainPage, pfn);
    k.rec.addReg(Reg.pbeChainPages, 1);
    k.rec.setReg(Reg.chainUsed, 0);
  }
  k.rec.addReg(Reg.chainUsed, size);
  return true;
}

function popSafePage(k: Kernel): number {
  const top = k.rec.reg(Reg.safePushed) - k.rec.reg(Reg.safePopped) - 1;
  if (top < 0) throw new Error('internal: safe_pages_list ran dry');
  k.rec.addReg(Reg.safePopped, 1);
  return k.rec.safePages.data[top];
}

/** get_buffer(&orig_bm, &ca): where the next data page goes. Returns the frame it is read into. */
function getBuffer(k: Kernel, bm: Bitmaps): number {
  k.rec.step(L.gbNext);
  const pfn = bm.orig.nextPfn();
  k.rec.amend(L.gbNext, pfn);
  const owned = k.ownedBySwsusp(pfn);
  const buffer = k.rec.reg(Reg.buffer);
  if (k.isHighmem(pfn)) {
    if (owned) {
      k.rec.amend(L.hDirect, pfn, buffer);
      k.rec.setReg(Reg.lastHighmemPage, pfn);
      k.rec.addReg(Reg.directHighmem, 1);
      k.rec.directPfns.push(pfn);
      return buffer;
    }
    if (!chainAlloc(k, SIZEOF_PBE)) {
      k.rec.step(L.gbFail, pfn);
      resumeFail(
        k,
        'get_highmem_page_buffer',
        ENOMEM,
        'get_highmem_page_buffer: no safe page for a highmem PBE (-ENOMEM)',
      );
    }
    let copy: number;
    let target: number;
    if (k.rec.reg(Reg.safeHighmemPages) > 0) {
      k.rec.step(L.hHigh, pfn);
      copy = bm.safeHigh.nextPfn();
      k.rec.addReg(Reg.safeHighmemPages, -1);
      k.rec.setReg(Reg.lastHighmemPage, copy);
      k.rec.amend(L.hHigh, pfn, copy, buffer);
      target = buffer;
    } else {
      k.rec.step(L.hLow, pfn);
      copy = popSafePage(k);
      k.rec.amend(L.hLow, pfn, copy);
      target = copy;
    }
    k.rec.highPbes.push(pfn);
    k.rec.highPbes.push(copy);
    k.rec.addReg(Reg.highPbes, 1);
    return target;
  }
  if (owned) {
    k.rec.amend(L.gbDirect, pfn);
    k.rec.addReg(Reg.directLowmem, 1);
    k.rec.directPfns.push(pfn);
    return pfn;
  }
  if (!chainAlloc(k, SIZEOF_PBE)) {
    k.rec.step(L.gbFail, pfn);
    resumeFail(k, 'get_buffer', ENOMEM, 'get_buffer: no safe page for a PBE (-ENOMEM)');
  }
  k.rec.step(L.gbPbe, pfn);
  const copy = popSafePage(k);
  k.rec.amend(L.gbPbe, pfn, copy);
  k.rec.lowPbes.push(pfn);
  k.rec.lowPbes.push(copy);
  k.rec.addReg(Reg.lowPbes, 1);
  return copy;
}
