/**
 * Keyframes: whole states kept along a run so that any step is reached by a short replay. They
 * are taken while the run is simulated (KeyframeTaker, called by the recorder at each step), so
 * a finished trace needs no second pass.
 *
 * Each array of a keyframe is packed against a base image: between two bulk steps most frames
 * keep the content and role they had in the last whole-table image (the initial state, or the
 * image a bulk step put in place), so an array is stored either whole or as (pfn, value) pairs for
 * the frames that differ from that base, whichever is smaller. On the i386-4g preset this halves
 * a keyframe (about 3 MiB instead of 6), so the same budget holds twice as many.
 *
 * Keyframes are spaced by replay cost, not by step count: one step of mark_unsafe_pages() can
 * touch every frame while a thousand copy steps touch a few thousand words. With a byte budget B
 * the run keeps as many keyframes as fit in B, each covering an equal share of the replay cost;
 * whenever they outgrow B every other one is dropped and the spacing doubles (the thinning rr
 * uses for its checkpoints).
 */
import { REG_COUNT } from '../registers';
import type { FrameImage, FrameState } from '../state';
import { countBits } from './bits';

/**
 * Relative costs, in "one recorded change applied" units, measured on the i386-4g preset: a step
 * costs about two changes of bookkeeping (bulk lookup, bit counting), a bulk step or a keyframe
 * restore copies the whole table (~1 unit per 4 frames for the 6 bytes each frame holds).
 */
export const STEP_COST = 2;
export const COPY_COST_PER_FRAME = 0.25;
/**
 * Packed keyframe size the first spacing assumes (about 3 bytes per frame on the i386 presets).
 * A run that packs worse is thinned as it goes, so the budget holds either way.
 */
export const EXPECTED_BYTES_PER_FRAME = 3.2;
/** Recorded changes per step on the i386 presets, for spacing keyframes before the run is known. */
const EXPECTED_CHANGES_PER_STEP = 3.5;

/**
 * Default keyframe budget: 64 bytes per frame, between 8 and 64 MiB. A 4 GiB machine (1,048,576
 * frames) gets 64 MiB, about 20 packed keyframes; smaller machines get about as many keyframes
 * (at least 8 MiB of them), since their seeks are cheap already and memory is better left free.
 */
export function defaultKeyframeBudget(frames: number): number {
  const MiB = 2 ** 20;
  return Math.min(64 * MiB, Math.max(8 * MiB, 64 * frames));
}

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

/** Scratch space for pack(), grown to the largest table seen and reused by every keyframe. */
let scratchPfns = new Uint32Array(0);
let scratchValues = new Uint32Array(0);

function pack<T extends Elements>(now: T, base: T, make: (n: number) => T): Packed<T> {
  // One pass gathers the differences into scratch space; the smaller of the two forms is kept.
  const n = now.length;
  if (scratchPfns.length < n) {
    scratchPfns = new Uint32Array(n);
    scratchValues = new Uint32Array(n);
  }
  const limit = Math.floor(now.byteLength / (4 + now.BYTES_PER_ELEMENT));
  const pfnsAll = scratchPfns;
  const valuesAll = scratchValues;
  let diffs = 0;
  for (let i = 0; i < n; i++) {
    const v = now[i];
    if (v !== base[i]) {
      if (diffs === limit) return { whole: now.slice() as T };
      pfnsAll[diffs] = i;
      valuesAll[diffs++] = v;
    }
  }
  const values = make(diffs);
  values.set(valuesAll.subarray(0, diffs));
  return { pfns: pfnsAll.slice(0, diffs), values };
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
export function baseImageOf(
  initial: FrameImage,
  bulk: readonly { step: number; after: FrameImage }[],
  pos: number,
): FrameImage {
  let base: FrameImage = initial;
  for (const b of bulk) if (b.step < pos && b.step >= 0) base = b.after;
  return base;
}

/** The initial state as a keyframe, sharing the state's arrays. */
export function initialKeyframe(s: FrameState, bits: Int32Array): Keyframe {
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

export function packKeyframe(
  base: FrameImage,
  pos: number,
  s: FrameState,
  bits: Int32Array,
): Keyframe {
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

export interface KeyframeOptions {
  budgetBytes?: number;
  /** Steps the run is expected to take (to space the first keyframes); a guess is fine. */
  expectedSteps: number;
}

/** What the taker reads from the recorder at a step boundary. */
export interface RecordingView {
  readonly state: FrameState;
  readonly initialState: FrameState;
  readonly changeCount: number;
  readonly bulkSteps: readonly { step: number; after: FrameImage }[];
}

/** Keeps keyframes (state 1 onwards) while a run is recorded; see the file comment. */
export class KeyframeTaker {
  private kept: Keyframe[] = [];
  private bytes = 0;
  private interval: number;
  private lastCost = 0;
  private readonly budget: number;
  private readonly frames: number;

  constructor(frames: number, opts: KeyframeOptions) {
    this.frames = frames;
    this.budget = opts.budgetBytes ?? defaultKeyframeBudget(frames);
    const expected = Math.max(1, Math.floor(this.budget / (frames * EXPECTED_BYTES_PER_FRAME)));
    const cost = opts.expectedSteps * (STEP_COST + EXPECTED_CHANGES_PER_STEP);
    this.interval = Math.max(1, cost / (expected + 1));
  }

  /** Replay cost from state 0 to state `pos`, as Timeline.cost counts it. */
  private costAt(rec: RecordingView, pos: number): number {
    let c = pos * STEP_COST + rec.changeCount;
    for (const b of rec.bulkSteps) if (b.step < pos) c += this.frames;
    return c;
  }

  /** Called with the recorder at state `pos` (every step before it complete). */
  atState(rec: RecordingView, pos: number): void {
    const cost = this.costAt(rec, pos);
    if (cost - this.lastCost < this.interval) return;
    this.lastCost = cost;
    const base = baseImageOf(rec.initialState, rec.bulkSteps, pos);
    const kf = packKeyframe(base, pos, rec.state, countBits(rec.state.flags));
    this.kept.push(kf);
    this.bytes += kf.bytes;
    while (this.bytes > this.budget && this.kept.length > 0) {
      // Keep the odd ones: with the initial state as keyframe 0 they are every other overall.
      this.kept = this.kept.filter((_, i) => i % 2 === 1);
      this.bytes = this.kept.reduce((sum, k) => sum + k.bytes, 0);
      this.interval *= 2;
    }
  }

  /** The keyframes kept so far, ascending by state (the initial state not included). */
  get keyframes(): readonly Keyframe[] {
    return this.kept;
  }
}
