/**
 * The invariants the 2.6.20 snapshot code rests on (kernel/power/snapshot.c): what makes the
 * copies consistent at suspend, the image order, and that resume never writes over a frame whose
 * content it still needs.
 */
import { IMAGE_PFN, NS } from '../marks';
import { Reg } from '../registers';
import type { Run } from '../run';
import type { Trace } from '../trace/trace';
import type { InvariantCheck, InvariantContext } from './types';

/** The pfns orig_bm held at copy time, ascending: the order memory_bm_next_pfn() walks. */
export function origPfns(trace: Trace): Int32Array {
  const pairs = trace.tables.copyPairs;
  const out = new Int32Array(pairs.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = pairs[2 * i];
  return out.sort();
}

/** Index in the image of its first data page (after the header and the meta pages). */
export function firstDataPage(trace: Trace): number {
  const i = trace.tables.image.findIndex((p) => p.kind === 'data');
  return i < 0 ? trace.tables.image.length : i;
}

/** A frame resume may read a saved page from: one the resume code owns that is not an image pfn. */
export function isSafe(flags: Uint8Array, pfn: number): boolean {
  return pfn >= 0 && pfn < flags.length && (flags[pfn] & NS) !== 0 && !(flags[pfn] & IMAGE_PFN);
}

export const countsAtCopy: InvariantCheck = {
  id: 'counts-at-copy',
  statement:
    'Counts match at copy time: orig_bm and copy_bm hold as many bits as nr_pages + nr_highmem.',
  kinds: ['cdpg.low', 'cdpg.high', 'cdpg.lowhigh'],
  check: ({ origBits, copyBits, regs }: InvariantContext) => {
    const counted = regs[Reg.saveableLowmem] + regs[Reg.saveableHighmem];
    if (origBits === copyBits && copyBits === counted) return null;
    return `orig_bm has ${origBits} bits, copy_bm ${copyBits}, nr_pages + nr_highmem = ${counted}.`;
  },
};

/** Image page k (counting data pages) holds the k-th pfn of orig_bm, written and read alike. */
export function imageOrder(trace: Trace): InvariantCheck {
  const order = origPfns(trace);
  const first = firstDataPage(trace);
  const image = trace.tables.image;
  return {
    id: 'image-order',
    statement: 'Image page k belongs to the k-th pfn of orig_bm.',
    kinds: ['srn.low', 'srn.high', 'li.data'],
    check: ({ key, step }) => {
      const c = trace.columns;
      const index = c.n0[step];
      if (key === 'li.data' && image[index]?.kind !== 'data') return null;
      const k = index - first;
      const pfn = c.n1[step];
      if (k >= 0 && k < order.length && order[k] === pfn) return null;
      return `image page ${index} holds pfn ${pfn}, but data page ${k} belongs to pfn ${order[k] ?? 'none'}.`;
    },
  };
}

/** get_buffer's target: the page's own frame when the resume code owns it, else a safe frame. */
export const loadTargets: InvariantCheck = {
  id: 'load-targets',
  statement: 'Loading writes only owned-unsafe frames (a page into its own pfn) or safe frames.',
  kinds: ['li.header', 'li.meta', 'li.data'],
  check: ({ trace, step, flags }) => {
    const c = trace.columns;
    const target = c.p0[step];
    const own = trace.tables.image[c.n0[step]]?.kind === 'data' ? c.n1[step] : -1;
    if (target === own && flags[target] & NS) return null;
    if (isSafe(flags, target)) return null;
    const what =
      flags[target] & IMAGE_PFN ? 'an image pfn' : 'a frame the resume code does not own';
    return `image page ${c.n0[step]} was read into pfn ${target}, ${what}.`;
  },
};

export const restoreLoop: InvariantCheck = {
  id: 'restore-loop',
  statement: 'The restore loop reads only safe frames and writes only image pfns.',
  kinds: ['ar.copy', 'rh.swap'],
  check: ({ trace, step, flags }) => {
    const c = trace.columns;
    const from = c.p0[step];
    const to = c.p1[step];
    if (!isSafe(flags, from)) return `it reads pfn ${from}, which is not a safe frame.`;
    if (!(flags[to] & IMAGE_PFN)) return `it writes pfn ${to}, which is not an image pfn.`;
    return null;
  },
};

/**
 * Every safe page get_buffer and chain_alloc take is on safe_pages_list when they take it:
 * prepare_image reserved enough. Demand is what the run's boot kernel took in the end.
 */
export function safeHomes(run: Run): InvariantCheck {
  const demand = run.bootRegs?.[Reg.safePopped] ?? 0;
  return {
    id: 'safe-homes',
    statement: 'Safe homes cover demand: safe_pages_list holds a page for every PBE still to come.',
    kinds: ['gb.pbe', 'ghpb.low', 'ca.page'],
    check: ({ regs }) => {
      const left = regs[Reg.safePushed] - regs[Reg.safePopped];
      const still = demand - regs[Reg.safePopped];
      if (left >= 0 && left >= still) return null;
      return `${left} safe pages left on safe_pages_list, ${still} still to be taken.`;
    },
  };
}

export function linux2620Invariants(run: Run): InvariantCheck[] {
  return [countsAtCopy, imageOrder(run.trace), loadTargets, restoreLoop, safeHomes(run)];
}
