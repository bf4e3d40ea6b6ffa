/**
 * The resume lists, windowed: restore_pblist and highmem_pblist (PBEs pushed at the head, so the
 * head is the newest) and safe_pages_list (a stack). A million-frame run has over a hundred
 * thousand PBEs, so only a window travels with each step, placed where the action is.
 */
import { Reg } from '../../core';
import type { Trace } from '../../core';
import type { ListWindow, PbeEntry } from '../../protocol/messages';

export const LIST_WINDOW = 64;

/** The window start that shows item `focus` with a few items of context before it. */
export function windowStart(total: number, focus: number, size = LIST_WINDOW): number {
  const start = Math.max(0, focus - Math.floor(size / 8));
  return Math.max(0, Math.min(start, total - size));
}

/**
 * A PBE list from its (orig, copy) pairs in push order: `total` pushed so far, head first;
 * the first `done` head entries have been restored (the restore loops walk from the head).
 * 2.6.20 pushes at the head ('lifo'); the 2.6.17 get_buffer links PBEs in load order ('fifo'),
 * and a legacy PBE whose address is 0 has copy -1.
 */
export function pbeWindow(
  pairs: Int32Array,
  total: number,
  done: number,
  order: 'lifo' | 'fifo' = 'lifo',
): ListWindow<PbeEntry> {
  const offset = windowStart(total, done);
  const items: PbeEntry[] = [];
  for (let i = offset; i < Math.min(total, offset + LIST_WINDOW); i++) {
    const p = order === 'lifo' ? total - 1 - i : i;
    items.push({ orig: pairs[2 * p], copy: pairs[2 * p + 1], done: i < done });
  }
  return { total, offset, items };
}

export function restorePbList(trace: Trace, regs: Int32Array): ListWindow<PbeEntry> {
  const order = trace.tables.pbeListOrder;
  return pbeWindow(trace.tables.lowPbes, regs[Reg.lowPbes], regs[Reg.restoreDone], order);
}

export function highmemPbList(trace: Trace, regs: Int32Array): ListWindow<PbeEntry> {
  return pbeWindow(trace.tables.highPbes, regs[Reg.highPbes], regs[Reg.highmemSwapped]);
}

/**
 * safe_pages_list, top first. The list is the window [safeBase, safeBase + pushed − popped) of
 * Trace.safePages with its top last: in 2.6.20 the base stays 0 (all pushes come before the
 * pops); linux-6.12 pushes again after pops (memory_bm_recycle() feeds the list the reserve has
 * drained), and then moves the live window to the table's end and its base with it.
 */
export function safePagesList(trace: Trace, regs: Int32Array): ListWindow<number> {
  const total = Math.max(0, regs[Reg.safePushed] - regs[Reg.safePopped]);
  const base = Math.max(0, regs[Reg.safeBase]);
  const pages = trace.tables.safePages;
  const items: number[] = [];
  for (let i = 0; i < Math.min(total, LIST_WINDOW); i++) items.push(pages[base + total - 1 - i]);
  return { total, offset: 0, items };
}
