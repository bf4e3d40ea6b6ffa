import { ENOMEM } from '../constants';
import { IMAGE_PFN, NS, NSF } from '../marks';
import { Reg, Side } from '../registers';
import { Role } from '../roles';
import { swsuspFree } from './free';
import type { Kernel } from './kernel';
import type { SaveResult } from './suspend';

/** swsusp_resume(): restore_highmem() swapping each highmem PBE's frames, then the arch copy loop. */
export function swsuspResume(k: Kernel): void {
  k.rec.record('res.irq', {});
  k.rec.record('res.rh', { pbes: k.rec.reg(Reg.highPbes) });
  const high = k.rec.highPbes.data;
  const nHigh = k.rec.highPbes.length / 2;
  const content = k.state.content;
  if (nHigh > 0) {
    const buf = k.getImagePage(true, Role.Bounce, (page) => k.rec.record('rh.buf', { page }));
    if (buf < 0) {
      k.rec.record('res.fail', {});
      swsuspFree(k);
      k.fail({
        function: 'restore_highmem',
        errno: ENOMEM,
        message: 'restore_highmem: no safe page for the bounce buffer (-ENOMEM)',
      });
    }
    k.rec.setReg(Reg.bounce, buf);
    for (let i = nHigh - 1; i >= 0; i--) {
      const orig = high[2 * i];
      const copy = high[2 * i + 1];
      k.rec.record('rh.swap', { copy, orig, via: buf, nth: nHigh - i });
      const a = content[copy];
      const b = content[orig];
      k.rec.setContent(buf, a);
      k.rec.setContent(copy, b);
      k.rec.setContent(orig, a);
      k.rec.setRole(orig, Role.Restored);
      k.rec.addReg(Reg.highmemSwapped, 1);
    }
    k.rec.record('rh.free', { page: buf });
    k.freeImagePage(buf, true);
    k.rec.setReg(Reg.bounce, -1);
  }
  k.rec.record('res.arch', {});
  k.rec.record('ar.cr3', { pbes: k.rec.reg(Reg.lowPbes) });
  const low = k.rec.lowPbes.data;
  const nLow = k.rec.lowPbes.length / 2;
  for (let i = nLow - 1; i >= 0; i--) {
    const orig = low[2 * i];
    const copy = low[2 * i + 1];
    k.rec.record('ar.copy', { copy, orig, nth: nLow - i });
    k.rec.setContent(orig, content[copy]);
    k.rec.setRole(orig, Role.Restored);
    k.rec.addReg(Reg.restoreDone, 1);
  }
  k.rec.record('ar.ret', {});
}

export interface Verification {
  verified: boolean;
  contentMismatches: number;
  freeMismatches: number;
}

/**
 * Control returns in the image kernel: its own frame table, as at the snapshot, takes over (one
 * bulk step). in_suspend is __nosavedata, so it holds the boot kernel's 0.
 */
export function imageKernelTakeover(
  k: Kernel,
  saved: SaveResult,
  begin: () => void = () => k.rec.record('img.back', {}),
): LowmemCheck {
  begin();
  const content = k.state.content.slice();
  const role = saved.snapshotRole.slice();
  const flags = saved.snapshotFlags.slice();
  const snap = k.rec.snapshotContent;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    flags[pfn] &= NS | NSF | IMAGE_PFN; // bitmap bits lived in pages the image does not hold
    if (flags[pfn] & IMAGE_PFN && content[pfn] === snap[pfn]) role[pfn] = Role.Restored;
  }
  k.rec.bulkReplace({ role, flags, content });
  k.rec.setReg(Reg.side, Side.Restored);
  k.rec.setReg(Reg.inSuspend, 0);
  for (const reg of [
    Reg.buffer,
    Reg.origBm,
    Reg.copyBm,
    Reg.safeHighBm,
    Reg.lastHighmemPage,
    Reg.resumeChainPage,
  ]) {
    k.rec.setReg(reg, -1);
  }
  const free = new Uint8Array(k.frames);
  for (let pfn = 0; pfn < k.frames; pfn++) if (role[pfn] === Role.Free) free[pfn] = 1;
  k.alloc.load(free);
  k.syncFreeRegs();
  // Lowmem saved pages are checked now, as the image kernel starts: afterwards it owns them and
  // may change them (the legacy restore_highmem frees its slab objects, for one).
  let checked = 0;
  let mismatches = 0;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    if (!(flags[pfn] & IMAGE_PFN) || k.isHighmem(pfn)) continue;
    checked++;
    if (content[pfn] !== snap[pfn]) mismatches++;
  }
  return { checked, mismatches };
}

export interface LowmemCheck {
  checked: number;
  mismatches: number;
}

/** The image kernel's swsusp_free(), then the check that every saved page is back (highmem now). */
export function imageKernelFinish(k: Kernel, saved: SaveResult, low: LowmemCheck): Verification {
  swsuspFree(k, 'img.free');
  const snap = k.rec.snapshotContent;
  const flags = k.state.flags;
  let contentMismatches = low.mismatches;
  let freeMismatches = 0;
  let checked = low.checked;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    if (flags[pfn] & IMAGE_PFN && k.isHighmem(pfn)) {
      checked++;
      if (k.state.content[pfn] !== snap[pfn]) contentMismatches++;
    }
    const freeNow = k.pfnValid(pfn) && k.alloc.isFree(pfn) ? 1 : 0;
    if (freeNow !== saved.freeBeforeAlloc[pfn]) freeMismatches++;
  }
  const verified = contentMismatches === 0 && freeMismatches === 0;
  k.rec.record('img.verify', { checked, differ: contentMismatches });
  k.rec.setReg(Reg.verifiedPages, checked - contentMismatches);
  k.rec.printk(
    verified
      ? 'PM: Image restored successfully.'
      : `swsusp-viz: restore NOT verified: ${contentMismatches} saved pages differ from the snapshot`,
  );
  return { verified, contentMismatches, freeMismatches };
}
