/** The counters panel: the kernel's scalar variables at one state, read from the registers. */
import { Reg, stepArgsOf } from '../../core';
import type { Trace } from '../../core';
import type { CounterKey, Counters, PreallocationCounters } from '../../protocol/messages';
import { ARR_REGS, changeArray, changeIndex, changeIndexAt } from '../changes';

export function buildCounters(
  regs: Int32Array,
  trace: Trace,
  pos: number,
  enoughFreeMemStep: number,
  linux612 = false,
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
    ...(linux612 ? { preallocation: preallocation(regs) } : {}),
  };
}

/** linux-6.12: hibernate_preallocate_memory()'s variables, each once the kernel has set it. */
export function preallocation(regs: Int32Array): PreallocationCounters {
  const r = (reg: number) => regs[reg];
  const counted = r(Reg.preCount) !== 0;
  const path = r(Reg.prePath);
  const known = (reg: number, when: boolean) => (when ? r(reg) : null);
  const orNull = (reg: number) => (r(reg) < 0 ? null : r(reg));
  return {
    saveable: known(Reg.preSaveable, counted),
    saveableHighmem: known(Reg.preSaveHighmem, counted),
    count: counted ? r(Reg.preCount) >>> 0 : null,
    availNormal: counted ? r(Reg.preAvailNormal) >>> 0 : null,
    highmem: counted ? r(Reg.preHighmem) >>> 0 : null,
    metaEstimate: known(Reg.preMeta, counted),
    // unsigned long in the kernel: a wrapped max_size is a huge positive number, not a negative one
    maxSize: counted && (path !== 0 || r(Reg.preMaxSize) !== 0) ? r(Reg.preMaxSize) >>> 0 : null,
    targetSize: path !== 0 ? r(Reg.preTarget) >>> 0 : null,
    path: path === 1 ? 'fits' : path === 2 ? 'shrink' : null,
    minimumImageSize: orNull(Reg.preMinimum),
    shrinkRequest: r(Reg.preShrinkRequest) === -1 ? null : r(Reg.preShrinkRequest) >>> 0,
    allocNormal: r(Reg.allocNormal),
    allocHighmem: r(Reg.allocHighmem),
    freedUnnecessary: orNull(Reg.preFreed),
    allocated: r(Reg.preAllocated) > 0 ? r(Reg.preAllocated) : null,
    topUp: { lowmem: r(Reg.topUpLow), highmem: r(Reg.topUpHigh) },
    zeroPages: r(Reg.nrZeroPages),
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
  [Reg.nrZeroPages]: ['nrZeroPages'],
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
