import { ENOMEM } from '../../constants';
import { IMAGE_PFN } from '../../marks';
import { Reg } from '../../registers';
import { Role } from '../../roles';
import type { Verification } from '../restore';
import { L, step } from './lines';
import { resumeFail612 } from './resume';
import type { Resume612 } from './resume';
import type { Suspend612 } from './suspend';
import { freeBasicMemoryBitmaps, swsuspFree612 } from './suspend';
import type { Today } from './today';

/** The image kernel runs PAE (HIGHMEM64G) above 4 GiB: swsusp_arch_resume() then needs two pmd tables. */
export const PAE_FRAMES = 1048576;

/**
 * restore_highmem(): a bounce page from get_image_page(GFP_ATOMIC, PG_SAFE) (not from
 * safe_pages_list), then every highmem PBE from the head swaps its two frames through it.
 * Returns false when no bounce page can be had.
 */
function restoreHighmem(t: Today, undo: boolean): boolean {
  const k = t.k;
  const high = k.rec.highPbes.data;
  const nHigh = k.rec.highPbes.length / 2;
  step(k, undo ? L.rhUndo : L.rhStart, -1, -1, -1, nHigh);
  if (nHigh === 0) return true;
  const buf = t.getImagePage(true, Role.Bounce, L.rhBuf);
  if (buf < 0) return false;
  k.rec.setReg(Reg.bounce, buf);
  const content = k.state.content;
  for (let i = nHigh - 1; i >= 0; i--) {
    const orig = high[2 * i];
    const copy = high[2 * i + 1];
    step(k, L.rhSwap, copy, orig, buf, nHigh - i);
    const a = content[copy];
    const b = content[orig];
    k.rec.setContent(buf, a);
    k.rec.setContent(copy, b);
    k.rec.setContent(orig, a);
    if (!undo) {
      k.rec.setRole(orig, Role.Restored);
      k.rec.addReg(Reg.highmemSwapped, 1);
    } else k.rec.addReg(Reg.highmemSwapped, -1);
  }
  step(k, L.rhFree, buf);
  t.freeImagePage(buf, true);
  k.rec.setReg(Reg.bounce, -1);
  return true;
}

/**
 * hibernation_restore() → resume_target_kernel(): restore_highmem(), then swsusp_arch_resume()
 * (i386): resume_pg_dir, with PAE the two pmd tables, and relocated_restore_code, each from
 * get_safe_page(); then restore_image() and core_restore_code's copy loop over restore_pblist.
 */
export function resumeTargetKernel612(t: Today, out: Resume612): void {
  const k = t.k;
  step(k, L.rtkStart);
  if (!restoreHighmem(t, false)) {
    step(k, L.rtkFail, -1, -1, -1, 0);
    resumeFail612(t, 'restore_highmem', ENOMEM);
  }
  const pae = k.frames > PAE_FRAMES;
  const what = pae ? [0, 1, 2, 3] : [0, 3];
  step(k, L.sarStart, -1, -1, -1, what.length, pae ? 1 : 0);
  for (const w of what) {
    const pfn = t.getSafePage(Role.ArchPage, L.sarPage, w, out.archPfns.length + 1);
    if (pfn < 0) {
      step(k, L.rtkFail, -1, -1, -1, 1);
      restoreHighmem(t, true);
      resumeFail612(t, 'swsusp_arch_resume', ENOMEM);
    }
    out.archPfns.push(pfn);
    k.rec.addReg(Reg.archPages, 1);
  }
  out.safeListLeft = t.safeDepth();
  step(k, L.sarCr3, out.archPfns[0], -1, -1, k.rec.reg(Reg.lowPbes));
  const low = k.rec.lowPbes.data;
  const nLow = k.rec.lowPbes.length / 2;
  const content = k.state.content;
  for (let i = nLow - 1; i >= 0; i--) {
    const orig = low[2 * i];
    const copy = low[2 * i + 1];
    step(k, L.sarCopy, copy, orig, -1, nLow - i);
    k.rec.setContent(orig, content[copy]);
    k.rec.setRole(orig, Role.Restored);
    k.rec.addReg(Reg.restoreDone, 1);
  }
  step(k, L.sarJump);
}

/**
 * The image kernel after imageKernelTakeover(): restore_registers set in_suspend = 0, so
 * create_image() returns and hibernation_snapshot() calls swsusp_free() on the copy-time maps;
 * hibernate() prints "Hibernation image restored successfully." and calls
 * free_basic_memory_bitmaps(). Then the check: every saved pfn holds its copy-time word, and the
 * free frames are those free before create_basic_memory_bitmaps() plus the reclaimed ones.
 */
export function imageKernelFinish612(
  t: Today,
  sus: Suspend612,
  low: { checked: number; mismatches: number },
): Verification {
  const k = t.k;
  t.basicMaps = true;
  step(k, L.imgFree);
  swsuspFree612(t, L.imgFreePage);
  step(k, L.imgRestored);
  k.rec.printk('PM: hibernation: Hibernation image restored successfully.');
  freeBasicMemoryBitmaps(t, L.imgFbmb);
  const snap = k.rec.snapshotContent;
  const flags = k.state.flags;
  const expected = (sus.freeBeforeBasic ?? new Uint8Array(k.frames)).slice();
  for (const pfn of sus.reclaimed) expected[pfn] = 1;
  let contentMismatches = low.mismatches;
  let freeMismatches = 0;
  let checked = low.checked;
  for (let pfn = 0; pfn < k.frames; pfn++) {
    if (flags[pfn] & IMAGE_PFN && k.isHighmem(pfn)) {
      checked++;
      if (k.state.content[pfn] !== snap[pfn]) contentMismatches++;
    }
    const freeNow = k.pfnValid(pfn) && k.alloc.isFree(pfn) ? 1 : 0;
    if (freeNow !== expected[pfn]) freeMismatches++;
  }
  const verified = contentMismatches === 0 && freeMismatches === 0;
  step(k, L.imgVerify, -1, -1, -1, checked, contentMismatches);
  k.rec.setReg(Reg.verifiedPages, checked - contentMismatches);
  if (!verified) {
    k.rec.printk(
      `swsusp-viz: restore NOT verified: ${contentMismatches} saved pages differ from the snapshot, ${freeMismatches} frames differ from the expected free set`,
    );
  }
  return { verified, contentMismatches, freeMismatches };
}
