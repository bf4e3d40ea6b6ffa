/** The counters panel: the kernel's scalar variables at one state, read from the registers. */
import { Reg, stepArgsOf } from '../../core';
import type { Trace } from '../../core';
import type { Counters } from '../../protocol/messages';

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
