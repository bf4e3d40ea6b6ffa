/** The counters panel: the kernel's scalar variables at one state, read from the registers. */
import { Reg, stepArgsOf } from '../../core';
import type { Trace } from '../../core';
import type { Counters, CounterKey } from '../../protocol/messages';
import { ARR_REGS, changeArray, changeIndex, changeIndexAt } from '../changes';

export function buildCounters(
  regs: Int32Array,
  trace: Trace,
  pos: number,
  enoughFreeMemStep: number,
): Counters {
  const r = (reg: number) => regs[reg];
  const nrCopy = r(Reg.nrCopyPages);
  const nrMeta = r(Reg.nrMetaPages);
  // enough_free_mem() is one step whose arguments hold both sides of its comparison.
  const efmArgs =
    enoughFreeMemStep >= 0 && pos > enoughFreeMemStep ? stepArgsOf(trace, enoughFreeMemStep) : null;
  const efm = efmArgs ? { available: efmArgs.free, needed: efmArgs.need } : null;
  return {
    saveableLowmem: r(Reg.saveableLowmem),
    saveableHighmem: r(Reg.saveableHighmem),
    freeLowmem: r(Reg.freeLowmem),
    freeHighmem: r(Reg.freeHighmem),
    metaEstimate: r(Reg.metaEstimate),
    enoughFreeMem: efm,
    nrCopyPages: nrCopy,
    nrMetaPages: nrMeta,
    imagePages: nrCopy > 0 ? 1 + nrMeta + nrCopy : 0,
    copies: {
      lowToLow: r(Reg.lowToLow),
      highToLow: r(Reg.highToLow),
      highToHigh: r(Reg.highToHigh),
      lowToHigh: r(Reg.lowToHigh),
    },
    lowmemPbes: r(Reg.lowPbes),
    highmemPbes: r(Reg.highPbes),
    directLowmem: r(Reg.directLowmem),
    directHighmem: r(Reg.directHighmem),
    allocatedUnsafePages: r(Reg.allocatedUnsafePages),
    safeHighmemPages: r(Reg.safeHighmemPages),
    safePagesList: r(Reg.safePushed) - r(Reg.safePopped),
    pbeChainPages: r(Reg.pbeChainPages),
    shrunkPages: r(Reg.shrunkPages),
    buffer: r(Reg.buffer),
  };
}

/** The counters each register feeds (a register the panel does not show feeds none). */
const FEEDS: Partial<Record<number, readonly CounterKey[]>> = {
  [Reg.saveableLowmem]: ['saveableLowmem'],
  [Reg.saveableHighmem]: ['saveableHighmem'],
  [Reg.freeLowmem]: ['freeLowmem'],
  [Reg.freeHighmem]: ['freeHighmem'],
  [Reg.metaEstimate]: ['metaEstimate'],
  [Reg.nrCopyPages]: ['nrCopyPages', 'imagePages'],
  [Reg.nrMetaPages]: ['nrMetaPages', 'imagePages'],
  [Reg.lowToLow]: ['copies.lowToLow'],
  [Reg.highToLow]: ['copies.highToLow'],
  [Reg.highToHigh]: ['copies.highToHigh'],
  [Reg.lowToHigh]: ['copies.lowToHigh'],
  [Reg.lowPbes]: ['lowmemPbes'],
  [Reg.highPbes]: ['highmemPbes'],
  [Reg.directLowmem]: ['directLowmem'],
  [Reg.directHighmem]: ['directHighmem'],
  [Reg.allocatedUnsafePages]: ['allocatedUnsafePages'],
  [Reg.safeHighmemPages]: ['safeHighmemPages'],
  [Reg.safePushed]: ['safePagesList'],
  [Reg.safePopped]: ['safePagesList'],
  [Reg.pbeChainPages]: ['pbeChainPages'],
  [Reg.shrunkPages]: ['shrunkPages'],
  [Reg.buffer]: ['buffer'],
};

/**
 * The counters step `step` moved, read from its register changes (so always true, whatever the
 * step's kind), plus `enoughFreeMem` on the enough_free_mem() step itself. Empty before the first
 * step.
 */
export function movedCounters(trace: Trace, step: number, enoughFreeMemStep: number): CounterKey[] {
  if (step < 0) return [];
  const moved = new Set<CounterKey>();
  if (step === enoughFreeMemStep) moved.add('enoughFreeMem');
  const ch = trace.changes;
  const end = changeIndexAt(trace, step + 1);
  for (let c = trace.columns.changeStart[step]; c < end; c++) {
    const t = ch[3 * c];
    if (changeArray(t) !== ARR_REGS || ch[3 * c + 1] === ch[3 * c + 2]) continue;
    for (const key of FEEDS[changeIndex(t)] ?? []) moved.add(key);
  }
  return [...moved];
}
