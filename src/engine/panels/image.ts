/** The image panel: the pages on swap, how many are written and read back, and a window of them. */
import { Reg } from '../../core';
import type { Trace } from '../../core';
import type { ImagePanel, ImagePanelPage } from '../../protocol/messages';
import { regChange } from '../changes';
import { LIST_WINDOW, windowStart } from './lists';

export function countMetaPages(trace: Trace): number {
  let n = 0;
  for (const p of trace.tables.image) if (p.kind === 'meta') n++;
  return n;
}

/** The image page the step wrote or read, from the counter it moved. */
function currentPage(trace: Trace, step: number): number | null {
  if (step < 0) return null;
  const moved = regChange(trace, step, Reg.imageWritten) ?? regChange(trace, step, Reg.imageRead);
  return moved && moved.after > moved.before ? moved.after - 1 : null;
}

/** Ghost slots at most per window: a machine of zero pages would otherwise bury the data pages. */
const ZERO_WINDOW = 64;

/**
 * linux-6.12: the zero pfns whose place in pfn order is among the window's pages: after the data
 * page before the window (or from the start) up to its last data page (or to the end).
 */
function zeroIn(
  zeroPfns: readonly number[],
  pages: Trace['tables']['image'],
  offset: number,
  window: ImagePanelPage[],
): number[] {
  const data = window.filter((p) => p.kind === 'data');
  if (window.length === 0) return [];
  let before = -1;
  for (let i = offset - 1; i >= 0; i--)
    if (pages[i].kind === 'data') {
      before = pages[i].pfn;
      break;
    }
  const toEnd = offset + window.length >= pages.length;
  const last = toEnd ? Infinity : (data.at(-1)?.pfn ?? -1);
  const out: number[] = [];
  for (const pfn of zeroPfns) {
    if (pfn <= before) continue;
    if (pfn > last || out.length >= ZERO_WINDOW) break;
    out.push(pfn);
  }
  return out;
}

export function buildImagePanel(
  trace: Trace,
  regs: Int32Array,
  step: number,
  metaPages: number,
  zeroPfns: readonly number[] | null = null,
): ImagePanel {
  const pages = trace.tables.image;
  const written = regs[Reg.imageWritten];
  const read = regs[Reg.imageRead];
  const current = currentPage(trace, step);
  const focus = current ?? (read > 0 ? read : written);
  const offset = windowStart(pages.length, focus);
  const window: ImagePanelPage[] = [];
  for (let i = offset; i < Math.min(pages.length, offset + LIST_WINDOW); i++) {
    const p = pages[i];
    window.push({ index: i, kind: p.kind, pfn: p.pfn, from: p.from });
  }
  const zero = zeroPfns
    ? { zero: { total: zeroPfns.length, pfns: zeroIn(zeroPfns, pages, offset, window) } }
    : {};
  return { total: pages.length, metaPages, written, read, current, window, ...zero };
}
