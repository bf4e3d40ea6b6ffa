/**
 * Keyframes packed against a base image. Between two bulk steps most frames keep the content and
 * role they had in the last whole-table image (the initial state, or the image a bulk step put in
 * place), so each array of a keyframe is stored either whole or as (pfn, value) pairs for the
 * frames that differ from that base, whichever is smaller. On the i386-4g preset this halves a
 * keyframe (about 3 MiB instead of 6), so the same budget holds twice as many.
 */
import { REG_COUNT } from '../core';
import type { FrameImage, FrameState, Trace } from '../core';

type Elements = Uint8Array | Uint32Array;

/** One array of a keyframe: whole, or the pfns (and values) where it differs from the base. */
type Packed<T extends Elements> = { whole: T } | { pfns: Uint32Array; values: T };

export interface Keyframe {
  pos: number;
  base: FrameImage;
  role: Packed<Uint8Array>;
  flags: Packed<Uint8Array>;
  content: Packed<Uint32Array>;
  regs: Int32Array;
  bits: Int32Array;
  /** Bytes this keyframe adds (0 for the initial state, which the trace holds anyway). */
  bytes: number;
}

function packedBytes<T extends Elements>(p: Packed<T>): number {
  return 'whole' in p ? p.whole.byteLength : p.pfns.byteLength + p.values.byteLength;
}

function pack<T extends Elements>(now: T, base: T, make: (n: number) => T): Packed<T> {
  let diffs = 0;
  for (let i = 0; i < now.length; i++) if (now[i] !== base[i]) diffs++;
  if (diffs * (4 + now.BYTES_PER_ELEMENT) >= now.byteLength) return { whole: now.slice() as T };
  const pfns = new Uint32Array(diffs);
  const values = make(diffs);
  let j = 0;
  for (let i = 0; i < now.length; i++) {
    if (now[i] !== base[i]) {
      pfns[j] = i;
      values[j++] = now[i];
    }
  }
  return { pfns, values };
}

function unpack<T extends Elements>(p: Packed<T>, base: T, into: T): void {
  if ('whole' in p) {
    into.set(p.whole);
    return;
  }
  into.set(base);
  const { pfns, values } = p;
  for (let j = 0; j < pfns.length; j++) into[pfns[j]] = values[j];
}

/** The whole-table image in effect at state `pos`: the initial one or the last bulk step's. */
export function baseImage(trace: Trace, pos: number): FrameImage {
  let base: FrameImage = trace.initial;
  for (const b of trace.bulk) if (b.step < pos && b.step >= 0) base = b.after;
  return base;
}

/** The initial state as a keyframe, sharing the trace's arrays. */
export function initialKeyframe(trace: Trace, bits: Int32Array): Keyframe {
  const s = trace.initial;
  return {
    pos: 0,
    base: s,
    role: { whole: s.role },
    flags: { whole: s.flags },
    content: { whole: s.content },
    regs: s.regs,
    bits: bits.slice(),
    bytes: 0,
  };
}

export function packKeyframe(trace: Trace, pos: number, s: FrameState, bits: Int32Array): Keyframe {
  const base = baseImage(trace, pos);
  const kf: Keyframe = {
    pos,
    base,
    role: pack(s.role, base.role, (n) => new Uint8Array(n)),
    flags: pack(s.flags, base.flags, (n) => new Uint8Array(n)),
    content: pack(s.content, base.content, (n) => new Uint32Array(n)),
    regs: s.regs.slice(),
    bits: bits.slice(),
    bytes: 0,
  };
  kf.bytes =
    packedBytes(kf.role) + packedBytes(kf.flags) + packedBytes(kf.content) + kf.regs.byteLength;
  return kf;
}

export function unpackKeyframe(kf: Keyframe, into: FrameState): void {
  unpack(kf.role, kf.base.role, into.role);
  unpack(kf.flags, kf.base.flags, into.flags);
  unpack(kf.content, kf.base.content, into.content);
  into.regs.set(kf.regs);
}

/** Bytes of one whole, unpacked state of `frames` frames (role, flags, content, registers). */
export function stateBytes(frames: number): number {
  return frames * 6 + REG_COUNT * 4;
}
