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

export function buildImagePanel(
  trace: Trace,
  regs: Int32Array,
  step: number,
  metaPages: number,
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
  return { total: pages.length, metaPages, written, read, current, window };
}
