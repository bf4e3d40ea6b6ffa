import { Reg } from '../registers';
import type { RegId } from '../registers';
import type { FrameImage, FrameState } from '../state';
import { cloneState } from '../state';
import { ARR_CONTENT, ARR_FLAGS, ARR_REGS, ARR_ROLE, INDEX_BITS } from './arrays';
import { growI32, growU16, growU8 } from './growable';
import type { BitmapInstance, BulkChange, ImagePage, Trace } from './trace';

const PROGRESS_EVERY = 1 << 16;

/**
 * Writes the live state and logs every write as a change of the current step. The kernel
 * emulation only mutates state through this class, which is what makes every step reversible.
 */
export class Recorder {
  readonly state: FrameState;
  private readonly initial: FrameState;
  private readonly line = growU16(4096);
  private readonly phaseCol = growU8(4096);
  private readonly p0 = growI32(4096);
  private readonly p1 = growI32(4096);
  private readonly p2 = growI32(4096);
  private readonly n0 = growI32(4096);
  private readonly n1 = growI32(4096);
  private readonly changeStart = growI32(4096);
  private readonly changes = growI32(3 * 8192);
  private readonly bulk: BulkChange[] = [];
  phase = 0;
  /** restore_pblist order: 2.6.20 pushes PBEs at the head ('lifo'); 2.6.17 links them in order. */
  pbeListOrder: 'lifo' | 'fifo' = 'lifo';
  /** Called every PROGRESS_EVERY steps while a long trace is built (the worker posts progress). */
  onProgress: ((steps: number, phase: number) => void) | null = null;

  readonly copyPairs = growI32();
  readonly lowPbes = growI32();
  readonly highPbes = growI32();
  readonly safePages = growI32();
  readonly spList = growI32();
  readonly directPfns = growI32();
  readonly highmemSaves = growI32();
  readonly image: ImagePage[] = [];
  readonly log: string[] = [];
  readonly bitmaps: BitmapInstance[] = [];
  readonly snapshotContent: Uint32Array;

  constructor(state: FrameState) {
    this.state = state;
    this.initial = cloneState(state);
    this.snapshotContent = new Uint32Array(state.role.length);
  }

  get stepCount(): number {
    return this.line.length;
  }

  /** Starts a new step; the writes that follow belong to it. */
  step(line: number, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
    if (this.onProgress && (this.line.length & (PROGRESS_EVERY - 1)) === 0)
      this.onProgress(this.line.length, this.phase);
    this.line.push(line);
    this.phaseCol.push(this.phase);
    this.p0.push(p0);
    this.p1.push(p1);
    this.p2.push(p2);
    this.n0.push(n0);
    this.n1.push(n1);
    this.changeStart.push(this.changes.length / 3);
  }

  /** Rewrites the current step's line and arguments once the kernel has decided what it does. */
  amend(line: number, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
    const i = this.line.length - 1;
    this.line.data[i] = line;
    this.p0.data[i] = p0;
    this.p1.data[i] = p1;
    this.p2.data[i] = p2;
    this.n0.data[i] = n0;
    this.n1.data[i] = n1;
  }

  private rec(arr: number, idx: number, before: number, after: number): void {
    if (this.line.length === 0) throw new Error('internal: state written before the first step');
    this.changes.push((arr << INDEX_BITS) | idx);
    this.changes.push(before | 0);
    this.changes.push(after | 0);
  }

  setRole(pfn: number, v: number): void {
    const old = this.state.role[pfn];
    if (old === v) return;
    this.rec(ARR_ROLE, pfn, old, v);
    this.state.role[pfn] = v;
  }

  setFlags(pfn: number, v: number): void {
    const old = this.state.flags[pfn];
    if (old === v) return;
    this.rec(ARR_FLAGS, pfn, old, v);
    this.state.flags[pfn] = v;
  }

  orFlags(pfn: number, bits: number): void {
    this.setFlags(pfn, this.state.flags[pfn] | bits);
  }

  clearFlags(pfn: number, bits: number): void {
    this.setFlags(pfn, this.state.flags[pfn] & ~bits);
  }

  setContent(pfn: number, v: number): void {
    const old = this.state.content[pfn];
    if (old === v >>> 0) return;
    this.rec(ARR_CONTENT, pfn, old, v);
    this.state.content[pfn] = v >>> 0;
  }

  setReg(r: RegId, v: number): void {
    const old = this.state.regs[r];
    if (old === v) return;
    this.rec(ARR_REGS, r, old, v);
    this.state.regs[r] = v;
  }

  addReg(r: RegId, d: number): void {
    this.setReg(r, this.state.regs[r] + d);
  }

  reg(r: RegId): number {
    return this.state.regs[r];
  }

  /** A kernel log line, printed by the current step. */
  printk(text: string): void {
    this.log.push(text);
    this.setReg(Reg.logLines, this.log.length);
  }

  /**
   * Replaces the whole frame table at the start of the current step (power-off, the image kernel
   * taking over). Must be the step's first write so forward and backward replays stay exact.
   */
  bulkReplace(after: FrameImage): void {
    const step = this.line.length - 1;
    if (this.changeStart.data[step] !== this.changes.length / 3) {
      throw new Error('internal: a bulk replace must be the first write of its step');
    }
    const before: FrameImage = {
      role: this.state.role.slice(),
      flags: this.state.flags.slice(),
      content: this.state.content.slice(),
    };
    this.bulk.push({ step, before, after });
    this.state.role.set(after.role);
    this.state.flags.set(after.flags);
    this.state.content.set(after.content);
  }

  finish(): Trace {
    return {
      frames: this.state.role.length,
      steps: this.line.length,
      initial: this.initial,
      columns: {
        line: this.line.seal(),
        phase: this.phaseCol.seal(),
        p0: this.p0.seal(),
        p1: this.p1.seal(),
        p2: this.p2.seal(),
        n0: this.n0.seal(),
        n1: this.n1.seal(),
        changeStart: this.changeStart.seal(),
      },
      changes: this.changes.seal(),
      bulk: this.bulk,
      tables: {
        copyPairs: this.copyPairs.seal(),
        lowPbes: this.lowPbes.seal(),
        highPbes: this.highPbes.seal(),
        safePages: this.safePages.seal(),
        spList: this.spList.seal(),
        directPfns: this.directPfns.seal(),
        highmemSaves: this.highmemSaves.seal(),
        pbeListOrder: this.pbeListOrder,
        image: this.image,
        log: this.log,
        bitmaps: this.bitmaps,
      },
      snapshotContent: this.snapshotContent,
    };
  }
}
