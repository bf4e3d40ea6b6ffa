/**
 * The bitmap panel: each live memory bitmap (orig_bm, copy_bm, safe_highmem_bm) with its
 * structure, its number of set bits and its bm_position decoded into (zone, block, chunk, bit).
 */
import { BM_BITS_PER_BLOCK, BM_BITS_PER_CHUNK, Reg, Role } from '../../core';
import type { BitmapInstance, FrameState, Trace } from '../../core';
import type { BitmapPanel } from '../../protocol/messages';

const SLOTS = [
  { slot: 'orig_bm', inst: Reg.origBm, pos: Reg.origPos },
  { slot: 'copy_bm', inst: Reg.copyBm, pos: Reg.copyPos },
  { slot: 'safe_highmem_bm', inst: Reg.safeHighBm, pos: Reg.safePos },
] as const;

export function decodePosition(inst: BitmapInstance, pfn: number): BitmapPanel['position'] {
  if (pfn < 0) return null;
  let block = 0;
  for (let z = 0; z < inst.zones.length; z++) {
    const zone = inst.zones[z];
    if (pfn >= zone.startPfn && pfn < zone.endPfn) {
      const inZone = Math.floor((pfn - zone.startPfn) / BM_BITS_PER_BLOCK);
      const b = zone.blocks[inZone] as (typeof zone.blocks)[number] | undefined;
      const offset = pfn - (b ? b.startPfn : zone.startPfn + inZone * BM_BITS_PER_BLOCK);
      return {
        pfn,
        zone: z,
        block: block + inZone,
        chunk: Math.floor(offset / BM_BITS_PER_CHUNK),
        bit: offset % BM_BITS_PER_CHUNK,
      };
    }
    block += zone.blocks.length;
  }
  return null;
}

/**
 * The trace keeps each bitmap as it ended up; while memory_bm_create() is still allocating, show
 * only the pages it holds at this state.
 */
function asBuiltAt(inst: BitmapInstance, s: FrameState): BitmapInstance {
  const chainOk = (pfn: number) => s.role[pfn] === Role.BitmapChain;
  const dataOk = (pfn: number) => s.role[pfn] === Role.BitmapData;
  const complete =
    inst.chainPfns.every(chainOk) &&
    inst.zones.every((z) => z.blocks.every((b) => dataOk(b.dataPfn)));
  if (complete) return inst;
  return {
    ...inst,
    chainPfns: inst.chainPfns.filter(chainOk),
    zones: inst.zones.map((z) => ({ ...z, blocks: z.blocks.filter((b) => dataOk(b.dataPfn)) })),
  };
}

export function buildBitmaps(trace: Trace, s: FrameState, bits: Int32Array): BitmapPanel[] {
  const out: BitmapPanel[] = [];
  SLOTS.forEach(({ slot, inst, pos }, i) => {
    const id = s.regs[inst];
    const instance = trace.tables.bitmaps[id] as BitmapInstance | undefined;
    if (id < 0 || !instance) return;
    out.push({
      slot,
      instance: asBuiltAt(instance, s),
      setBits: bits[i],
      position: decodePosition(instance, s.regs[pos]),
    });
  });
  return out;
}
