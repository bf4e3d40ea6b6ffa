/** The words of a step: narration, the printk it printed, the kernel log so far, the outcome. */
import { narrate, Reg, Side } from '../../core';
import type { Failure, Run, Trace } from '../../core';
import type { PanelData } from '../../protocol/messages';
import { regChange } from '../changes';

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
  if (step < 0) return null;
  const c = regChange(trace, step, Reg.logLines);
  if (!c || c.after <= c.before) return null;
  return trace.tables.log.slice(c.before, c.after).join('\n');
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
  const v = run.verification;
  const saved = run.trace.tables.copyPairs.length / 2;
  if (v && !v.verified) {
    return `Restored, but ${v.contentMismatches} of ${saved} saved pages differ from the snapshot`;
  }
  return `Restored: all ${saved} saved pages match`;
}
