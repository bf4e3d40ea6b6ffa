import { divRoundUp, ENOMEM, PFNS_PER_META_PAGE } from '../../constants';
import { IMAGE_PFN, NS, NSF } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';
import { readHeader, readPage, resumeFail } from '../resume';
import { Pagedir } from './pagedir';

/**
 * The legacy boot kernel: load_header with a PG_ANY pagedir for every image page,
 * unpack_orig_addresses, prepare_image (a PG_SAFE pagedir copy, then the safe pages) and the
 * legacy get_buffer. Returns the PG_SAFE pagedir, linked as get_buffer left it.
 */
export function legacyRead(k: Kernel): Pagedir {
  const buffer = readHeader(k);
  const n = k.rec.copyPairs.length / 2;
  const meta = divRoundUp(n * 4, 4096);
  k.rec.record('ch.check', { frames: k.frames });
  k.rec.setReg(Reg.nrCopyPages, n);
  k.rec.setReg(Reg.nrMetaPages, meta);
  const first = new Pagedir();
  if (!first.alloc(k, n, false, { page: 'llh.pagedir', free: 'llh.free' })) {
    resumeFail(
      k,
      'load_header',
      ENOMEM,
      'load_header: alloc_pagedir() found no memory for the PBE list (-ENOMEM)',
    );
  }
  const pairs = k.rec.copyPairs.data;
  for (let m = 1; m <= meta; m++) {
    readPage(k, m, buffer);
    const from = (m - 1) * PFNS_PER_META_PAGE;
    const to = Math.min(n, from + PFNS_PER_META_PAGE);
    for (let j = from; j < to; j++) {
      k.rec.record('llh.unpack', { pfn: pairs[2 * j], buffer, entry: j });
      first.orig[j] = pairs[2 * j];
    }
  }

  // prepare_image()
  k.rec.record('lpi.unsafe', { pages: n });
  for (let pfn = 0; pfn < k.frames; pfn++) if (k.pfnValid(pfn)) k.rec.clearFlags(pfn, NSF);
  for (let j = 0; j < n; j++) k.rec.orFlags(first.orig[j], NSF | IMAGE_PFN);
  k.rec.setReg(Reg.allocatedUnsafePages, 0);
  k.unsafeMarked = true;
  const dir = new Pagedir();
  const ok = dir.alloc(k, n, true, { page: 'lpi.pagedir', free: 'apd.free' });
  if (ok) dir.orig.set(first.orig.subarray(0, dir.length));
  first.free(k, false, 'lpi.free');
  const fail = (): never => {
    k.rec.record('lpi.fail', {});
    resumeFail(
      k,
      'prepare_image',
      ENOMEM,
      'prepare_image: not enough free memory for the image (-ENOMEM)',
    );
  };
  if (!ok) fail();
  k.rec.setReg(Reg.pbeChainPages, dir.pages.length);
  const unsafe = k.rec.reg(Reg.allocatedUnsafePages);
  const flags = k.state.flags;
  if (n > unsafe) {
    for (let i = 0; i < n - unsafe; i++) {
      const pfn = k.take(false);
      if (pfn < 0) fail();
      const safe = !(flags[pfn] & NSF);
      k.rec.record('lpi.prealloc', { page: pfn, safe: safe ? 1 : 0, nth: i + 1 });
      k.claim(pfn, safe ? Role.SafePage : Role.UnsafeOwned, true);
      if (safe) {
        k.rec.safePages.push(pfn);
        k.rec.addReg(Reg.safePushed, 1);
      }
      k.rec.orFlags(pfn, NS | NSF);
    }
  }

  k.loading = true;

  // get_buffer() for each data page. Ownership cannot change while loading (nothing is
  // allocated), so the final shape of restore_pblist is known before the first page: entries
  // stay linked from the head through every PBE that got a safe page.
  const owned = (e: number) => (flags[dir.orig[e]] & (NS | NSF)) === (NS | NSF);
  const inList = finalList(dir, owned);
  let last = -1;
  for (let e = 0; e < n; e++) {
    const orig = dir.orig[e];
    let target: number;
    if (owned(e)) {
      k.rec.record('lgb.direct', { pfn: orig, entry: e });
      dir.address[e] = -1;
      if (last >= 0 && dir.next[last] !== -1) dir.next[last] = -1;
      k.rec.addReg(Reg.directLowmem, 1);
      k.rec.directPfns.push(orig);
      target = orig;
    } else {
      k.rec.record('lgb.pbe', { orig, copy: -1, entry: e });
      const top = k.rec.reg(Reg.safePushed) - k.rec.reg(Reg.safePopped) - 1;
      if (top < 0) throw new Error('internal: safe_pages ran dry');
      k.rec.addReg(Reg.safePopped, 1);
      target = k.rec.safePages.data[top];
      k.rec.reword('lgb.pbe', { orig, copy: target, entry: e });
      dir.address[e] = target;
      if (last >= 0) dir.next[last] = e;
      last = e;
    }
    if (inList.has(e)) {
      k.rec.lowPbes.push(orig);
      k.rec.lowPbes.push(dir.address[e]);
      k.rec.addReg(Reg.lowPbes, 1);
    }
    readPage(k, 1 + meta + e, target);
  }
  k.rec.record('li.done', {});
  k.rec.printk('done');
  return dir;
}

/** Which entries the head of restore_pblist reaches once get_buffer has relinked the list. */
function finalList(dir: Pagedir, owned: (e: number) => boolean): Set<number> {
  const next = Int32Array.from(dir.next);
  let last = -1;
  for (let e = 0; e < dir.length; e++) {
    if (owned(e)) {
      if (last >= 0 && next[last] !== -1) next[last] = -1;
    } else {
      if (last >= 0) next[last] = e;
      last = e;
    }
  }
  const out = new Set<number>();
  for (let e = 0; e !== -1 && !out.has(e); e = next[e]) out.add(e);
  return out;
}

/**
 * The legacy swsusp_resume(): straight into the arch loop over restore_pblist. A PBE whose
 * address is 0 (the never-unlinked head, loaded in place) is copied from physical frame 0.
 */
export function legacyResume(k: Kernel, dir: Pagedir): void {
  k.rec.record('lres.irq', {});
  k.rec.record('ar.cr3', { pbes: k.rec.reg(Reg.lowPbes) });
  const content = k.state.content;
  let i = 0;
  for (let e = 0; e !== -1; e = dir.next[e]) {
    const src = dir.address[e] < 0 ? 0 : dir.address[e];
    const orig = dir.orig[e];
    k.rec.record('ar.copy', { copy: src, orig, nth: ++i });
    k.rec.setContent(orig, content[src]);
    k.rec.setRole(orig, Role.Restored);
    k.rec.addReg(Reg.restoreDone, 1);
  }
  k.rec.record('ar.ret', {});
}
