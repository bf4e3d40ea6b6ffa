/**
 * The bitmap panel: each live memory bitmap (orig_bm, copy_bm, safe_highmem_bm; in linux-6.12
 * also forbidden_pages_map, free_pages_map, zero_bm and tmp) with its structure, its number of
 * set bits and its bm_position decoded into (zone, block, chunk, bit). For a radix tree the
 * zone is the extent and the block the leaf (cur.node).
 */
import { BM_BITS_PER_BLOCK, BM_BITS_PER_CHUNK, Reg, Role } from '../../core';
import type { BitmapInstance, FrameState, Trace } from '../../core';
import type { BitmapPanel } from '../../protocol/messages';

/** Each bitmap register, its bm_position register and its index in COUNTED_BITS. */
const SLOTS = [
  { slot: 'orig_bm', inst: Reg.origBm, pos: Reg.origPos, bit: 0 },
  { slot: 'copy_bm', inst: Reg.copyBm, pos: Reg.copyPos, bit: 1 },
  { slot: 'zero_bm', inst: Reg.zeroBm, pos: Reg.zeroPos, bit: 5 },
  { slot: 'tmp', inst: Reg.tmpBm, pos: Reg.tmpPos, bit: 6 },
  { slot: 'safe_highmem_bm', inst: Reg.safeHighBm, pos: Reg.safePos, bit: 2 },
  // linux-6.12's basic bitmaps last: they live the whole run, the others are what moves
  { slot: 'forbidden_pages_map', inst: Reg.forbiddenBm, pos: Reg.forbiddenPos, bit: 3 },
  { slot: 'free_pages_map', inst: Reg.freeBm, pos: Reg.freePos, bit: 4 },
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
 * only the pages it holds at this state. A radix tree's pages change role later (the basic
 * bitmaps are saved and restored like any page), so there a page counts once it is not free.
 */
function asBuiltAt(inst: BitmapInstance, s: FrameState): BitmapInstance {
  const rtree = inst.rtree !== undefined;
  const chainOk = (pfn: number) =>
    rtree ? s.role[pfn] !== Role.Free : s.role[pfn] === Role.BitmapChain;
  const dataOk = (pfn: number) =>
    rtree ? s.role[pfn] !== Role.Free : s.role[pfn] === Role.BitmapData;
  const complete =
    inst.chainPfns.every(chainOk) &&
    inst.zones.every((z) => z.blocks.every((b) => dataOk(b.dataPfn))) &&
    (inst.rtree ?? []).every((t) => t.nodePfns.every(dataOk));
  if (complete) return inst;
  return {
    ...inst,
    chainPfns: inst.chainPfns.filter(chainOk),
    zones: inst.zones.map((z) => ({ ...z, blocks: z.blocks.filter((b) => dataOk(b.dataPfn)) })),
    ...(inst.rtree
      ? { rtree: inst.rtree.map((t) => ({ ...t, nodePfns: t.nodePfns.filter(dataOk) })) }
      : {}),
  };
}

export function buildBitmaps(trace: Trace, s: FrameState, bits: Int32Array): BitmapPanel[] {
  const out: BitmapPanel[] = [];
  for (const { slot, inst, pos, bit } of SLOTS) {
    const id = s.regs[inst];
    const instance = trace.tables.bitmaps[id] as BitmapInstance | undefined;
    if (id < 0 || !instance) continue;
    out.push({
      slot,
      instance: asBuiltAt(instance, s),
      setBits: bits[bit],
      position: decodePosition(instance, s.regs[pos]),
    });
  }
  return out;
}
