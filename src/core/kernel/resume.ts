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
import type { MemoryBitmap } from './bitmap';
import { swsuspFree } from './free';
import type { Kernel } from './kernel';

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
  k.rec.record('ch.check', { frames: k.frames });
  k.rec.record('swn.header', { buffer, copyPages: n, metaPages: meta });
  k.rec.setReg(Reg.nrCopyPages, n);
  k.rec.setReg(Reg.nrMetaPages, meta);
  if (bm.copy.create('copy_bm', false)) {
    // memory_bm_create() only passes -ENOMEM up: the error surfaces in snapshot_write_next
    resumeFail(
      k,
      'snapshot_write_next',
      ENOMEM,
      'memory_bm_create: not enough free memory for copy_bm (-ENOMEM)',
    );
  }
  if (k.rec.image.length < 2) {
    k.rec.record('li.fail', {});
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
    k.rec.record('swn.unpack', { buffer, meta: m, pfns: to - from });
    for (let j = from; j < to; j++) {
      k.rec.record('unpack.set', { pfn: pairs[2 * j], image: 1 + meta + j });
      bm.copy.setBit(pairs[2 * j]);
    }
  }
  k.rec.record('swn.prepare', {});
  prepareImage(k, bm, n);
  k.loading = true;
  k.rec.record('swn.chain', {});
  bm.orig.positionReset();
  k.rec.setReg(Reg.chainUsed, LINKED_PAGE_DATA_SIZE);
  k.rec.setReg(Reg.resumeChainPage, -1);

  for (let d = 0; d < n; d++) {
    if (d > 0) copyLastHighmemPage(k, 'clhp.copy');
    const target = getBuffer(k, bm);
    readPage(k, 1 + meta + d, target);
  }
  k.rec.record('li.done', {});
  k.rec.printk('done');
  copyLastHighmemPage(k, 'swf.copy');
  bm.orig.free(true, 'swf.orig');
  bm.safeHigh.free(true, 'swf.high');
  const buf = k.rec.reg(Reg.buffer);
  if (buf >= 0) {
    k.rec.record('swf.buffer', { page: buf });
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
  k.rec.record('chk.sig', {});
  const buffer = k.getImagePage(false, Role.Buffer, (page) => k.rec.record('swn.buffer', { page }));
  if (buffer < 0) {
    const message = 'snapshot_write_next: no free page for buffer (-ENOMEM)';
    resumeFail(k, 'snapshot_write_next', ENOMEM, message);
  }
  k.rec.setReg(Reg.buffer, buffer);
  readPage(k, 0, buffer);
  k.rec.record('li.start', { pages: pages - 1 });
  k.rec.printk(`Loading image data pages (${pages - 1} pages) ...     `);
  return buffer;
}

/** swap_read_page(): image page `index` lands in frame `target`. */
export function readPage(k: Kernel, index: number, target: number): void {
  const page = k.rec.image[index];
  if (page.kind === 'header') k.rec.record('li.header', { into: target });
  else if (page.kind === 'meta') k.rec.record('li.meta', { into: target, meta: index });
  else k.rec.record('li.data', { into: target, image: index, of: page.pfn });
  k.rec.setContent(target, page.content);
  k.rec.setReg(Reg.imageRead, index + 1);
  const role = k.state.role[target];
  if (page.kind === 'data') {
    if (role === Role.UnsafeOwned) k.rec.setRole(target, Role.Loaded);
    else if (role === Role.SafePage || role === Role.SafeHighmem)
      k.rec.setRole(target, Role.PbeCopy);
  }
}

function copyLastHighmemPage(k: Kernel, kind: 'clhp.copy' | 'swf.copy'): void {
  const last = k.rec.reg(Reg.lastHighmemPage);
  if (last < 0) return;
  const buffer = k.rec.reg(Reg.buffer);
  k.rec.record(kind, { buffer, page: last });
  k.rec.setContent(last, k.state.content[buffer]);
  k.rec.setRole(last, k.state.role[last] === Role.UnsafeOwned ? Role.Loaded : Role.PbeCopy);
  k.rec.setReg(Reg.lastHighmemPage, -1);
}

/** prepare_image(&orig_bm, &copy_bm) with prepare_highmem_image() and the safe-page lists. */
function prepareImage(k: Kernel, bm: Bitmaps, n: number): void {
  const buffer = k.rec.reg(Reg.buffer);
  k.rec.record('pi.free', { page: buffer });
  k.freeImagePage(buffer, true);
  k.rec.setReg(Reg.buffer, -1);

  let nrHighmem = 0;
  const flags = k.state.flags;
  for (let pfn = 0; pfn < k.frames; pfn++)
    if (flags[pfn] & bm.copy.bit && k.isHighmem(pfn)) nrHighmem++;
  k.rec.record('pi.count', { highmem: nrHighmem });
  k.rec.setReg(Reg.nrHighmemImage, nrHighmem);

  // mark_unsafe_pages()
  k.rec.record('mup.clear', {});
  for (let pfn = 0; pfn < k.frames; pfn++) if (k.pfnValid(pfn)) k.rec.clearFlags(pfn, NSF);
  k.rec.record('mup.set', { pages: n });
  for (let pfn = 0; pfn < k.frames; pfn++)
    if (flags[pfn] & bm.copy.bit) k.rec.orFlags(pfn, NSF | IMAGE_PFN);
  k.rec.setReg(Reg.allocatedUnsafePages, 0);
  k.unsafeMarked = true;

  // Helpers (memory_bm_create, get_highmem_buffer, prepare_highmem_image) only pass -ENOMEM up:
  // the error surfaces in prepare_image; the message names the helper that ran out.
  const fail = (helper: string, what: string): never =>
    resumeFail(
      k,
      'prepare_image',
      ENOMEM,
      `${helper}: not enough free memory for ${what} (-ENOMEM)`,
    );

  if (bm.orig.create('orig_bm', true)) fail('memory_bm_create', 'orig_bm');
  // duplicate_memory_bitmap(new_bm, bm)
  bm.copy.positionReset();
  for (;;) {
    k.rec.record('dup.end', {});
    const pfn = bm.copy.nextPfn();
    if (pfn < 0) break;
    k.rec.reword('dup.set', { pfn });
    bm.orig.setBit(pfn);
  }
  bm.copy.free(false, 'pi.freecopy');

  if (nrHighmem > 0) {
    k.rec.record('pi.highmem', { highmem: nrHighmem });
    if (bm.safeHigh.create('safe_highmem_bm', true)) fail('memory_bm_create', 'safe_highmem_bm');
    const buf = k.getImagePage(true, Role.Buffer, (page) => k.rec.record('phi.buffer', { page }));
    if (buf < 0) fail('get_highmem_buffer', 'buffer');
    k.rec.setReg(Reg.buffer, buf);
    const toAlloc = Math.min(k.alloc.freeHighmem(), nrHighmem);
    nrHighmem = toAlloc;
    k.rec.record('phi.count', { toAlloc });
    k.rec.setReg(Reg.nrHighmemImage, toAlloc);
    k.rec.setReg(Reg.safeHighmemPages, 0);
    for (let i = 0; i < toAlloc; i++) {
      const pfn = k.take(true);
      const safe = !(flags[pfn] & NSF);
      k.rec.record('phi.alloc', { page: pfn, safe: safe ? 1 : 0, nth: i + 1 });
      k.claim(pfn, safe ? Role.SafeHighmem : Role.UnsafeOwned, false);
      if (safe) {
        bm.safeHigh.setBit(pfn);
        k.rec.addReg(Reg.safeHighmemPages, 1);
      }
      k.rec.orFlags(pfn, NS | NSF);
    }
    k.rec.record('phi.done', { safe: k.rec.reg(Reg.safeHighmemPages) });
    bm.safeHigh.positionReset();
  }

  // the sp_list reserve, so chain_alloc() in get_buffer() finds safe pages
  const reserve = divRoundUp(
    n - nrHighmem - k.rec.reg(Reg.allocatedUnsafePages),
    PBES_PER_LINKED_PAGE,
  );
  for (let i = 0; i < reserve; i++) {
    const pfn = k.getImagePage(true, Role.SpReserve, (page) =>
      k.rec.record('pi.reserve', { page, nth: i + 1, of: reserve }),
    );
    if (pfn < 0) fail('prepare_image', 'the sp_list reserve');
    k.rec.spList.push(pfn);
    k.rec.addReg(Reg.spPushed, 1);
  }
  // preallocate the image frames
  const prealloc = n - nrHighmem - k.rec.reg(Reg.allocatedUnsafePages);
  for (let i = 0; i < prealloc; i++) {
    const pfn = k.take(false);
    if (pfn < 0) {
      k.rec.record('pi.fail', { got: i, of: prealloc });
      fail('prepare_image', 'the image pages');
    }
    const safe = !(flags[pfn] & NSF);
    k.rec.record('pi.prealloc', { page: pfn, safe: safe ? 1 : 0, nth: i + 1 });
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
    k.rec.record('pi.freesp', { page: sp[i] });
    k.freeImagePage(sp[i], true);
    k.rec.addReg(Reg.spFreed, 1);
  }
}

/** chain_alloc(&ca, size) for the resume PBE chain: a new PG_SAFE chain page when the current is full. */
function chainAlloc(k: Kernel, size: number): boolean {
  const used = k.rec.reg(Reg.chainUsed);
  if (LINKED_PAGE_DATA_SIZE - used < size) {
    const nth = k.rec.reg(Reg.pbeChainPages) + 1;
    const pfn = k.getImagePage(true, Role.PbeChain, (page) =>
      k.rec.record('ca.page', { page, nth }),
    );
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
  k.rec.record('gb.next', { pfn: -1 });
  const pfn = bm.orig.nextPfn();
  k.rec.reword('gb.next', { pfn });
  const owned = k.ownedBySwsusp(pfn);
  const buffer = k.rec.reg(Reg.buffer);
  if (k.isHighmem(pfn)) {
    if (owned) {
      k.rec.reword('ghpb.direct', { pfn, buffer });
      k.rec.setReg(Reg.lastHighmemPage, pfn);
      k.rec.addReg(Reg.directHighmem, 1);
      k.rec.directPfns.push(pfn);
      return buffer;
    }
    if (!chainAlloc(k, SIZEOF_PBE)) {
      k.rec.record('gb.fail', { pfn });
      // get_highmem_page_buffer() returns NULL; get_buffer() passes it to snapshot_write_next
      resumeFail(
        k,
        'get_buffer',
        ENOMEM,
        'get_highmem_page_buffer: no safe page for a highmem PBE (-ENOMEM)',
      );
    }
    let copy: number;
    let target: number;
    if (k.rec.reg(Reg.safeHighmemPages) > 0) {
      k.rec.record('ghpb.high', { pfn, copy: -1, buffer: -1 });
      copy = bm.safeHigh.nextPfn();
      k.rec.addReg(Reg.safeHighmemPages, -1);
      k.rec.setReg(Reg.lastHighmemPage, copy);
      k.rec.reword('ghpb.high', { pfn, copy, buffer });
      target = buffer;
    } else {
      k.rec.record('ghpb.low', { pfn, copy: -1 });
      copy = popSafePage(k);
      k.rec.reword('ghpb.low', { pfn, copy });
      target = copy;
    }
    k.rec.highPbes.push(pfn);
    k.rec.highPbes.push(copy);
    k.rec.addReg(Reg.highPbes, 1);
    return target;
  }
  if (owned) {
    k.rec.reword('gb.direct', { pfn });
    k.rec.addReg(Reg.directLowmem, 1);
    k.rec.directPfns.push(pfn);
    return pfn;
  }
  if (!chainAlloc(k, SIZEOF_PBE)) {
    k.rec.record('gb.fail', { pfn });
    resumeFail(k, 'get_buffer', ENOMEM, 'get_buffer: no safe page for a PBE (-ENOMEM)');
  }
  k.rec.record('gb.pbe', { orig: pfn, copy: -1 });
  const copy = popSafePage(k);
  k.rec.reword('gb.pbe', { orig: pfn, copy });
  k.rec.lowPbes.push(pfn);
  k.rec.lowPbes.push(copy);
  k.rec.addReg(Reg.lowPbes, 1);
  return copy;
}
