import { REG_COUNT } from './registers';

/**
 * The whole emulated machine at one step: typed arrays, no object per frame. `role` and `flags`
 * are one byte per frame, `content` the 32-bit word standing for the frame's bytes, `regs` the
 * kernel's scalar variables (registers.ts). The visible length of every append-only table in a
 * Trace is one of the regs, so this is the complete state.
 */
export interface FrameState {
  role: Uint8Array;
  flags: Uint8Array;
  content: Uint32Array;
  regs: Int32Array;
}

export function createState(frames: number): FrameState {
  return {
    role: new Uint8Array(frames),
    flags: new Uint8Array(frames),
    content: new Uint32Array(frames),
    regs: new Int32Array(REG_COUNT),
  };
}

export function cloneState(s: FrameState): FrameState {
  return {
    role: s.role.slice(),
    flags: s.flags.slice(),
    content: s.content.slice(),
    regs: s.regs.slice(),
  };
}

export function copyStateInto(dst: FrameState, src: FrameState): void {
  dst.role.set(src.role);
  dst.flags.set(src.flags);
  dst.content.set(src.content);
  dst.regs.set(src.regs);
}

export function statesEqual(a: FrameState, b: FrameState): boolean {
  return (
    eq(a.role, b.role) && eq(a.flags, b.flags) && eq(a.content, b.content) && eq(a.regs, b.regs)
  );
}

function eq(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A whole-frame-table image used by the two bulk steps (power-off, the image kernel taking over). */
export interface FrameImage {
  role: Uint8Array;
  flags: Uint8Array;
  content: Uint32Array;
}
