import { ENOMEM, ENOSPC, PFNS_PER_META_PAGE } from '../../constants';
import { contentWord, TAG_HEADER, TAG_META } from '../../hash';
import { BM_COPY, BM_ORIG, BM_SAFE_HIGH, BM_TMP, BM_ZERO } from '../../marks';
import { Reg, Side } from '../../registers';
import { Role } from '../../roles';
import type { Kernel } from '../kernel';
import { L, reword, step } from './lines';
import { swsuspFree612 } from './suspend';
import type { Today } from './today';

/** The image as the boot kernel will read it: every saved pfn in order, and which are zero pages. */
export interface ImageList {
  pfns: number[];
  zero: boolean[];
}

function writePage(
  k: Kernel,
  kind: 'header' | 'meta' | 'data',
  pfn: number,
  from: number,
  content: number,
): void {
  k.rec.image.push({ kind, pfn, from, content });
  k.rec.setReg(Reg.imageWritten, k.rec.image.length);
}

/**
 * swsusp_write() with hibernate=nocompress: enough_swap(), then snapshot_read_next() page by page:
 * the header, the meta pages (pack_pfns(): every saved pfn, zero pages flagged with bit 31), then
 * one data page per page that was not all zeros, in copy_bm order. swsusp_free() follows.
 */
export function swsuspWrite612(t: Today): ImageList {
  const k = t.k;
  const s = k.scenario;
  const copied = k.rec.reg(Reg.nrCopyPages);
  const meta = k.rec.reg(Reg.nrMetaPages);
  const pages = 1 + meta + copied;
  step(k, L.swStart, -1, -1, -1, pages);
  step(k, L.swSwap, -1, -1, -1, s.swapPages ?? -1, pages + s.pagesForIo);
  if (s.swapPages !== null && !(s.swapPages > pages + s.pagesForIo)) {
    const message = 'PM: Not enough free swap';
    k.rec.printk(message);
    swsuspFree612(t, L.sfPage);
    k.fail({ function: 'swsusp_write', errno: ENOSPC, message });
  }
  let buffer = k.rec.reg(Reg.buffer);
  if (buffer < 0) {
    buffer = t.getImagePage(false, Role.Buffer, L.srnBuffer);
    if (buffer < 0) {
      step(k, L.srnFail);
      swsuspFree612(t, L.sfPage);
      k.fail({
        function: 'snapshot_read_next',
        errno: ENOMEM,
        message: 'snapshot_read_next: no free page for buffer (-ENOMEM)',
      });
    }
    k.rec.setReg(Reg.buffer, buffer);
  }
  const headerWord = contentWord(pages, TAG_HEADER);
  step(k, L.srnHeader, buffer, -1, -1, copied, meta);
  k.rec.setContent(buffer, headerWord);
  t.orig.positionReset();
  t.copy.positionReset();
  writePage(k, 'header', -1, buffer, headerWord);
  k.rec.printk(`PM: Saving image data pages (${pages - 1} pages)...`);

  const list: ImageList = { pfns: [], zero: [] };
  for (let m = 1; m <= meta; m++) {
    const word = contentWord(m, TAG_META);
    step(k, L.srnMeta, buffer, -1, -1, m, list.pfns.length);
    for (let j = 0; j < PFNS_PER_META_PAGE; j++) {
      const pfn = t.orig.nextPfn();
      if (pfn < 0) break;
      list.pfns.push(pfn);
      list.zero.push(t.zero.testBit(pfn));
    }
    k.rec.setContent(buffer, word);
    writePage(k, 'meta', (m - 1) * PFNS_PER_META_PAGE, buffer, word);
  }
  const content = k.state.content;
  const pairs = k.rec.copyPairs.data;
  for (let d = 0; d < copied; d++) {
    step(k, L.srnLow);
    const page = t.copy.nextPfn();
    const origPfn = pairs[2 * d];
    if (t.highmem(page)) {
      reword(k, L.srnHigh, page, buffer, -1, 1 + meta + d, origPfn);
      k.rec.setContent(buffer, content[page]);
      writePage(k, 'data', origPfn, buffer, content[buffer]);
    } else {
      reword(k, L.srnLow, page, -1, -1, 1 + meta + d, origPfn);
      writePage(k, 'data', origPfn, page, content[page]);
    }
  }
  step(k, L.swMark, -1, -1, -1, pages);
  k.rec.printk('PM: Image saving done');
  step(k, L.hibFree);
  swsuspFree612(t, L.sfPage);
  return list;
}

/** power_down(), then the boot kernel comes up with its own layout: one bulk step. */
export function powerOff612(t: Today): void {
  const k = t.k;
  step(k, L.pdOff);
  step(k, L.pdBoot);
  k.rec.bulkReplace(k.bootImage());
  k.rec.setReg(Reg.side, Side.Boot);
  for (const reg of [
    Reg.buffer,
    Reg.origBm,
    Reg.copyBm,
    Reg.zeroBm,
    Reg.tmpBm,
    Reg.safeHighBm,
    Reg.forbiddenBm,
    Reg.freeBm,
    Reg.origPos,
    Reg.copyPos,
    Reg.zeroPos,
    Reg.safePos,
    Reg.forbiddenPos,
    Reg.freePos,
    Reg.tmpPos,
    Reg.lastHighmemPage,
  ]) {
    k.rec.setReg(reg, -1);
  }
  for (const reg of [
    Reg.nrCopyPages,
    Reg.nrMetaPages,
    Reg.nrZeroPages,
    Reg.allocNormal,
    Reg.allocHighmem,
    Reg.basicBitmapPages,
  ])
    k.rec.setReg(reg, 0);
  k.syncFreeRegs();
  // the suspending kernel's maps live on in the image; the boot kernel starts without any
  t.basicMaps = false;
}

/** Bitmap bits that live in pages the image does not hold. */
export const VOLATILE_BITS = BM_ORIG | BM_COPY | BM_SAFE_HIGH | BM_TMP | BM_ZERO;
