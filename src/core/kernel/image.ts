import { ENOMEM, ENOSPC, PFNS_PER_META_PAGE } from '../constants';
import { contentWord, TAG_HEADER, TAG_META } from '../hash';
import { Reg, Side } from '../registers';
import { Role } from '../roles';
import type { MemoryBitmap } from './bitmap';
import type { Kernel } from './kernel';

/**
 * Where snapshot_read_next() finds the image: the 2.6.20 model walks orig_bm (meta) and copy_bm
 * (data); the legacy model walks its PBE list. `nextData` starts the step for data page `d`
 * (amending it is up to the writer) and returns the frame holding it.
 */
export interface ImageSource {
  /** First call of snapshot_read_next: reset the walks. */
  reset(): void;
  /** Fill meta page m (1-based) with up to 1024 pfns; returns how many it packed. */
  packMeta(m: number): number;
  /** The frame that holds data page d (0-based). */
  nextData(d: number): number;
  /** The original pfn of data page d, for the image panel. */
  origPfn(d: number): number;
}

/** The 2.6.20 source: orig_bm for the meta pages, copy_bm for the data pages. */
export function bitmapSource(k: Kernel, orig: MemoryBitmap, copy: MemoryBitmap): ImageSource {
  const pairs = () => k.rec.copyPairs.data;
  return {
    reset() {
      orig.positionReset();
      copy.positionReset();
    },
    packMeta() {
      let packed = 0;
      for (let j = 0; j < PFNS_PER_META_PAGE; j++) {
        if (orig.nextPfn() < 0) break;
        packed++;
      }
      return packed;
    },
    nextData: () => copy.nextPfn(),
    origPfn: (d) => pairs()[2 * d],
  };
}

/**
 * swsusp_write() driving snapshot_read_next(): the header, the meta pages of pfns, then one data
 * page per image page in order; highmem copies are bounced through `buffer`.
 */
export function swsuspWrite(k: Kernel, src: ImageSource): void {
  const s = k.scenario;
  const n = k.rec.reg(Reg.nrCopyPages);
  const meta = k.rec.reg(Reg.nrMetaPages);
  const pages = 1 + meta + n;
  k.rec.record('sw.start', { pages });
  let buffer = k.rec.reg(Reg.buffer);
  if (buffer < 0) {
    buffer = k.getImagePage(false, Role.Buffer, (page) => k.rec.record('srn.buffer', { page }));
    if (buffer < 0) {
      k.fail({
        function: 'snapshot_read_next',
        errno: ENOMEM,
        message: 'snapshot_read_next: no free page for buffer (-ENOMEM)',
      });
    }
    k.rec.setReg(Reg.buffer, buffer);
  }
  const content = k.state.content;
  const headerWord = contentWord(pages, TAG_HEADER);
  k.rec.record('srn.header', { buffer, copyPages: n, metaPages: meta });
  k.rec.setContent(buffer, headerWord);
  src.reset();

  k.rec.record('sw.swap', { free: s.swapPages ?? -1, need: pages + s.pagesForIo });
  if (s.swapPages !== null && !(s.swapPages > pages + s.pagesForIo)) {
    k.rec.printk('swsusp: Not enough free swap');
    k.fail({ function: 'swsusp_write', errno: ENOSPC, message: 'swsusp: Not enough free swap' });
  }
  k.rec.record('sw.write', { buffer });
  writePage(k, 'header', -1, buffer, headerWord);
  k.rec.printk(`Saving image data pages (${pages - 1} pages) ...     `);

  let packed = 0;
  for (let m = 1; m <= meta; m++) {
    const word = contentWord(m, TAG_META);
    k.rec.record('srn.meta', { buffer, meta: m, packed });
    packed += src.packMeta(m);
    k.rec.setContent(buffer, word);
    writePage(k, 'meta', (m - 1) * PFNS_PER_META_PAGE, buffer, word);
  }
  for (let d = 0; d < n; d++) {
    k.rec.record('srn.low', { copy: -1, image: 1 + meta + d, of: -1 });
    const page = src.nextData(d);
    const origPfn = src.origPfn(d);
    if (k.isHighmem(page)) {
      k.rec.reword('srn.high', { copy: page, buffer, image: 1 + meta + d, of: origPfn });
      k.rec.setContent(buffer, content[page]);
      writePage(k, 'data', origPfn, buffer, content[buffer]);
    } else {
      k.rec.reword('srn.low', { copy: page, image: 1 + meta + d, of: origPfn });
      writePage(k, 'data', origPfn, page, content[page]);
    }
  }
  k.rec.record('sw.mark', { pages });
  k.rec.printk('done');
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

/** Power-off, then the boot kernel comes up with its own layout: one bulk step replaces every frame. */
export function powerOffAndBoot(k: Kernel): void {
  k.rec.record('pd.off', {});
  k.rec.record('pd.boot', {});
  k.rec.bulkReplace(k.bootImage());
  const r = Reg;
  k.rec.setReg(r.side, Side.Boot);
  for (const reg of [
    r.buffer,
    r.origBm,
    r.copyBm,
    r.safeHighBm,
    r.origPos,
    r.copyPos,
    r.safePos,
    r.lastHighmemPage,
  ]) {
    k.rec.setReg(reg, -1);
  }
  k.rec.setReg(r.nrCopyPages, 0);
  k.rec.setReg(r.nrMetaPages, 0);
  k.syncFreeRegs();
}
