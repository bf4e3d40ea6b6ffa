/**
 * The invariants today's snapshot code rests on (spec of the 6.12 model, §6): the counts at copy
 * time with zero pages, the image order of the data pages, and that resume never writes over a
 * frame whose content it still needs.
 */
import { IMAGE_PFN, NS } from '../marks';
import { Reg } from '../registers';
import type { Run } from '../run';
import type { Trace } from '../trace/trace';
import { firstDataPage, isSafe } from './linux-2.6.20';
import type { InvariantCheck } from './types';

const COPY_KEYS = ['6.cdpgLow', '6.cdpgHigh', '6.cdpgLowHigh', '6.cdpZero'];

export const countsAtCopy612: InvariantCheck = {
  id: 'counts-at-copy',
  statement:
    'Counts match at copy time: orig_bm holds nr_pages + nr_highmem bits, and copy_bm at least as many frames.',
  kinds: COPY_KEYS,
  check: ({ origBits, copyBits, regs }) => {
    const counted = regs[Reg.saveableLowmem] + regs[Reg.saveableHighmem];
    if (origBits === counted && copyBits >= counted) return null;
    return `orig_bm has ${origBits} bits, copy_bm ${copyBits}, nr_pages + nr_highmem = ${counted}.`;
  },
};

export const copiedPlusZero: InvariantCheck = {
  id: 'copied-plus-zero',
  statement: 'Every saved page is a data page or a zero page: nr_copy_pages + nr_zero_pages = N.',
  kinds: ['6.saveSizes'],
  check: ({ trace, step, regs }) => {
    const c = trace.columns;
    const n = regs[Reg.saveableLowmem] + regs[Reg.saveableHighmem];
    if (c.n0[step] + c.n1[step] === n) return null;
    return `${c.n0[step]} data pages and ${c.n1[step]} zero pages, but ${n} pages were saved.`;
  },
};

/** Data page k belongs to the k-th pfn of orig_bm that was not all zeros. */
export function imageOrder612(trace: Trace): InvariantCheck {
  const pairs = trace.tables.copyPairs;
  const order = new Int32Array(pairs.length / 2);
  for (let i = 0; i < order.length; i++) order[i] = pairs[2 * i];
  const first = firstDataPage(trace);
  const image = trace.tables.image;
  return {
    id: 'image-order',
    statement: 'Data page k belongs to the k-th pfn of orig_bm that is not a zero page.',
    kinds: ['6.srnLow', '6.srnHigh', '6.srpRead'],
    check: ({ key, step }) => {
      const c = trace.columns;
      const index = c.n0[step];
      if (key === '6.srpRead' && image[index]?.kind !== 'data') return null;
      const k = index - first;
      const pfn = c.n1[step];
      if (k >= 0 && k < order.length && order[k] === pfn) return null;
      return `image page ${index} holds pfn ${pfn}, but data page ${k} belongs to pfn ${order[k] ?? 'none'}.`;
    },
  };
}

export const loadTargets612: InvariantCheck = {
  id: 'load-targets',
  statement:
    'Loading (and the memset of a zero page) writes only owned-unsafe frames (a page into its own pfn) or safe frames.',
  kinds: ['6.srpRead', '6.swnMemset'],
  check: ({ trace, key, step, flags }) => {
    const c = trace.columns;
    const target = c.p0[step];
    let own: number;
    if (key === '6.swnMemset') own = c.n0[step];
    else if (trace.tables.image[c.n0[step]]?.kind === 'data') own = c.n1[step];
    else return null;
    if (target === own && flags[target] & NS) return null;
    if (isSafe(flags, target)) return null;
    const what =
      flags[target] & IMAGE_PFN ? 'an image pfn' : 'a frame the resume code does not own';
    return `the page of pfn ${own} went into pfn ${target}, ${what}.`;
  },
};

export const restoreLoop612: InvariantCheck = {
  id: 'restore-loop',
  statement:
    'The restore loop and restore_highmem() read only safe frames and write only image pfns.',
  kinds: ['6.sarCopy', '6.rhSwap'],
  check: ({ trace, step, flags }) => {
    const c = trace.columns;
    const from = c.p0[step];
    const to = c.p1[step];
    if (!isSafe(flags, from)) return `it reads pfn ${from}, which is not a safe frame.`;
    if (!(flags[to] & IMAGE_PFN)) return `it writes pfn ${to}, which is not an image pfn.`;
    return null;
  },
};

export function linux612Invariants(run: Run): InvariantCheck[] {
  return [
    countsAtCopy612,
    copiedPlusZero,
    imageOrder612(run.trace),
    loadTargets612,
    restoreLoop612,
  ];
}
