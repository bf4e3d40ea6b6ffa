/** The words of a step: narration, the printk it printed, the kernel log so far, the outcome. */
import {
  divRoundUp,
  formatNumber,
  HIGHMEM_PAGES_PER_SLAB,
  kindInfo,
  narrate,
  plural,
  Reg,
  Side,
  stepPrintk,
} from '../../core';
import type { Failure, Run, Trace } from '../../core';
import type { PanelData } from '../../protocol/messages';

export const LOG_TAIL = 200;

export const READY_NARRATION =
  'Ready to start: the suspending kernel is about to run swsusp_shrink_memory. Step forward to follow the snapshot.';

/** The step's sentence; `role` (the frame roles to name) defaults to the machine's initial ones. */
export function narration(run: Run, step: number, role?: Uint8Array): string {
  if (step < 0) return READY_NARRATION;
  const roleAt = role ? (pfn: number) => role[pfn] : undefined;
  return narrate(run.trace, { zoneNames: run.zones.map((z) => z.name) }, step, roleAt);
}

/** The kernel log lines step `step` printed, joined, or null. */
export function printkOf(trace: Trace, step: number): string | null {
  return step < 0 ? null : stepPrintk(trace, step);
}

export function logTail(trace: Trace, regs: Int32Array): { log: string[]; logTotal: number } {
  const total = regs[Reg.logLines];
  return { log: trace.tables.log.slice(Math.max(0, total - LOG_TAIL), total), logTotal: total };
}

const SIDES: PanelData['side'][] = ['suspending kernel', 'boot kernel', 'restored kernel'];

export function sideOf(regs: Int32Array): PanelData['side'] {
  return SIDES[regs[Reg.side]] ?? SIDES[Side.Suspend];
}

const ERRNO_NAMES: Record<number, string> = {
  [-1]: 'EPERM',
  [-12]: 'ENOMEM',
  [-14]: 'EFAULT',
  [-22]: 'EINVAL',
  [-28]: 'ENOSPC',
  [-61]: 'ENODATA',
};

function failureText(f: Failure): string {
  const errno = f.errno === null ? '' : `-${ERRNO_NAMES[f.errno] ?? String(-f.errno)}`;
  const suffix = errno && !f.message.includes(errno) ? ` (${errno})` : '';
  return `in ${f.function}: ${f.message}${suffix}`;
}

/** One sentence for the end of the run. */
export function outcomeText(run: Run): string {
  if (run.failure) {
    const who = run.outcome === 'suspend-failed' ? 'Suspend failed' : 'Resume failed';
    return `${who} ${failureText(run.failure)}`;
  }
  // The image kernel's last step checks every saved pfn: n0 checked, n1 that differ.
  const t = run.trace;
  const last = t.steps - 1;
  const verified = last >= 0 && kindInfo(t.columns.line[last]).decl.marks === 'verify';
  const checked = verified ? t.columns.n0[last] : t.tables.copyPairs.length / 2;
  const differ = verified ? t.columns.n1[last] : (run.verification?.contentMismatches ?? 0);
  if (differ > 0)
    return `Restored, but ${formatNumber(differ)} of ${plural(checked, 'saved page')} differ from the snapshot`;
  return `Restored: all ${plural(checked, 'saved page')} match`;
}

/**
 * What the outcome's count is made of, where it is not plain: 2.6.17's saved pages are not all
 * image pages. Its image holds lowmem only, save_highmem()'s lowmem copies of the highmem pages
 * and the slab pages of their highmem_page records among them, and restore_highmem() puts the
 * highmem pages back and frees those copies. Null for the other models and for a failed run.
 */
export function outcomeDetail(run: Run): string | null {
  const regs = run.suspendRegs;
  if (run.scenario.model !== 'linux-2.6.17' || run.outcome !== 'restored' || !regs) return null;
  const image = regs[Reg.nrCopyPages];
  const high = regs[Reg.saveableHighmem];
  const n = formatNumber;
  if (high === 0)
    return `All ${n(image)} are image pages (nr_copy_pages), lowmem only: there was no highmem to save.`;
  const slabs = divRoundUp(high, HIGHMEM_PAGES_PER_SLAB);
  const inPlace = image - high - slabs;
  return (
    `${n(image + high)} = ${plural(image, 'image page')} (nr_copy_pages) + ` +
    `${plural(high, 'highmem page')}. ${n(high)} of the image pages were save_highmem()'s lowmem ` +
    `copies of those highmem pages and ${n(slabs)} the slab ${slabs === 1 ? 'page' : 'pages'} of ` +
    `their highmem_page records; restore_highmem() copied the ${n(high)} back into highmem and ` +
    `freed those ${n(high + slabs)} lowmem pages. So ${n(inPlace)} image ` +
    `${inPlace === 1 ? 'page is' : 'pages are'} back in ${inPlace === 1 ? 'its own frame' : 'their own frames'} ` +
    `and ${n(high)} highmem ${high === 1 ? 'page' : 'pages'} came back through restore_highmem().`
  );
}
