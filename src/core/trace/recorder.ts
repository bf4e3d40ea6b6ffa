import { Reg } from '../registers';
import type { RegId } from '../registers';
import type { FrameImage, FrameState } from '../state';
import { cloneState } from '../state';
import { kindIds, KINDS } from '../source/catalogue';
import type { ArgsOf, Kind } from '../source/catalogue';
import { ARR_CONTENT, ARR_FLAGS, ARR_REGS, ARR_ROLE, INDEX_BITS } from './arrays';
import { growI32, growU16, growU8 } from './growable';
import type { KeyframeTaker } from './keyframes';
import type { BitmapInstance, BulkChange, ImagePage, Trace } from './trace';
import { newKeyframes, structuredCopy } from './chunks';
import type { ChunkMark, TableName, TraceChunk } from './chunks';
import type { GrowableI32 } from './growable';

const PROGRESS_EVERY = 1 << 16;
/** Steps the columns start with. */
const STEP_CHUNK = 1 << 10;

/** What the recorder tells about frame writes, so walks can revisit only the frames that changed. */
export interface FrameWatch {
  touch(pfn: number): void;
  /** Every frame may have changed (a bulk replace). */
  touchAll(): void;
}

export interface RecorderOptions {
  /** false: write the state and the tables but log no steps (a report needs no step log). */
  record?: boolean;
}

/**
 * Writes the live state and logs every write as a change of the current step. The kernel
 * emulation only mutates state through this class, which is what makes every step reversible.
 */
export class Recorder {
  readonly state: FrameState;
  private readonly initial: FrameState;
  private readonly line = growU16(STEP_CHUNK);
  private readonly phaseCol = growU8(STEP_CHUNK);
  private readonly p0 = growI32(STEP_CHUNK);
  private readonly p1 = growI32(STEP_CHUNK);
  private readonly p2 = growI32(STEP_CHUNK);
  private readonly n0 = growI32(STEP_CHUNK);
  private readonly n1 = growI32(STEP_CHUNK);
  private readonly changeStart = growI32(STEP_CHUNK);
  private readonly changes = growI32(3 * STEP_CHUNK);
  /** Steps begun and change triples written; the columns' own lengths are set when sealed. */
  private steps = 0;
  private nChanges = 0;
  /** Room in the step columns before they must grow (all grow together). */
  private stepRoom = 0;
  private readonly bulk: BulkChange[] = [];
  /** Whether steps and changes are logged; a report-only run only counts steps. */
  readonly recording: boolean;
  /** Told of every frame whose role or flags change, and of bulk replaces (incremental counts). */
  watch: FrameWatch | null = null;
  /** Takes keyframes while the run is simulated; null when the caller wants none. */
  keyframes: KeyframeTaker | null = null;
  phase = 0;
  /** restore_pblist order: 2.6.20 pushes PBEs at the head ('lifo'); 2.6.17 links them in order. */
  pbeListOrder: 'lifo' | 'fifo' = 'lifo';
  /** Called every PROGRESS_EVERY steps while a long trace is built (the worker posts progress). */
  onProgress: ((steps: number, phase: number) => void) | null = null;
  /**
   * Called at a step boundary every `boundaryMask + 1` steps, with the steps done: every step
   * before it is complete and none after it has begun, so `cut()` may hand them over.
   */
  onBoundary: ((steps: number) => void) | null = null;
  boundaryMask = PROGRESS_EVERY - 1;

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
  /** Pfns given a snapshot content since the last chunk (only while the run is chunked). */
  snapshotLog: number[] | null = null;

  /** The running model's kind ids. */
  private readonly ids: Readonly<Record<string, number>>;

  constructor(
    state: FrameState,
    readonly model: string,
    opts: RecorderOptions = {},
  ) {
    this.state = state;
    this.ids = kindIds(model);
    this.recording = opts.record ?? true;
    this.initial = cloneState(state);
    this.snapshotContent = new Uint32Array(state.role.length);
  }

  get stepCount(): number {
    return this.steps;
  }

  /** The state before step 0. */
  get initialState(): FrameState {
    return this.initial;
  }

  /** Change triples written so far. */
  get changeCount(): number {
    return this.nChanges;
  }

  /** The bulk steps recorded so far. */
  get bulkSteps(): readonly BulkChange[] {
    return this.bulk;
  }

  private growSteps(): void {
    const cols = [this.line, this.phaseCol, this.p0, this.p1, this.p2, this.n0, this.n1];
    for (const col of cols) col.reserve(this.steps + 1);
    this.changeStart.reserve(this.steps + 1);
    this.stepRoom =
      Math.min(this.changeStart.capacity, ...cols.map((c) => c.capacity)) - this.steps;
  }

  private idOf(kind: string): number {
    const id = this.ids[kind];
    if (id === undefined) throw new Error(`internal: ${this.model} declares no step kind ${kind}`);
    return id;
  }

  /**
   * Starts a new step of `kind`; the writes that follow belong to it. The named arguments are
   * packed into the step's columns as the kind declares (an unused frame column is -1).
   */
  record<K extends Kind>(kind: K, args: ArgsOf<K>): void {
    const id = this.idOf(kind);
    const c = KINDS[id].cols;
    const a = args as Readonly<Record<string, number>>;
    this.step(
      id,
      c.p0 === null ? -1 : a[c.p0],
      c.p1 === null ? -1 : a[c.p1],
      c.p2 === null ? -1 : a[c.p2],
      c.n0 === null ? 0 : a[c.n0],
      c.n1 === null ? 0 : a[c.n1],
    );
  }

  /** Makes the current step a step of `kind` once the kernel has decided what it does. */
  reword<K extends Kind>(kind: K, args: ArgsOf<K>): void {
    const id = this.idOf(kind);
    const c = KINDS[id].cols;
    const a = args as Readonly<Record<string, number>>;
    this.amend(
      id,
      c.p0 === null ? -1 : a[c.p0],
      c.p1 === null ? -1 : a[c.p1],
      c.p2 === null ? -1 : a[c.p2],
      c.n0 === null ? 0 : a[c.n0],
      c.n1 === null ? 0 : a[c.n1],
    );
  }

  /** The column write behind record(): a new step row. */
  private step(line: number, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
    const i = this.steps;
    if (this.onProgress && (i & (PROGRESS_EVERY - 1)) === 0) this.onProgress(i, this.phase);
    if (this.onBoundary && (i & this.boundaryMask) === 0) this.onBoundary(i);
    // State i is complete here: the keyframe taker may keep it.
    if (this.keyframes && i > 0) this.keyframes.atState(this, i);
    this.steps = i + 1;
    if (!this.recording) return;
    if (this.stepRoom === 0) this.growSteps();
    this.stepRoom--;
    this.line.data[i] = line;
    this.phaseCol.data[i] = this.phase;
    this.p0.data[i] = p0;
    this.p1.data[i] = p1;
    this.p2.data[i] = p2;
    this.n0.data[i] = n0;
    this.n1.data[i] = n1;
    this.changeStart.data[i] = this.nChanges;
  }

  /** The column write behind reword(): the current step's row again. */
  private amend(line: number, p0 = -1, p1 = -1, p2 = -1, n0 = 0, n1 = 0): void {
    if (!this.recording) return;
    const i = this.steps - 1;
    this.line.data[i] = line;
    this.p0.data[i] = p0;
    this.p1.data[i] = p1;
    this.p2.data[i] = p2;
    this.n0.data[i] = n0;
    this.n1.data[i] = n1;
  }

  private rec(arr: number, idx: number, before: number, after: number): void {
    if (this.steps === 0) throw new Error('internal: state written before the first step');
    if (!this.recording) return;
    const c = 3 * this.nChanges++;
    const ch = this.changes;
    if (c + 3 > ch.capacity) ch.reserve(c + 3);
    ch.data[c] = (arr << INDEX_BITS) | idx;
    ch.data[c + 1] = before | 0;
    ch.data[c + 2] = after | 0;
  }

  setRole(pfn: number, v: number): void {
    const old = this.state.role[pfn];
    if (old === v) return;
    this.rec(ARR_ROLE, pfn, old, v);
    this.state.role[pfn] = v;
    this.watch?.touch(pfn);
  }

  setFlags(pfn: number, v: number): void {
    const old = this.state.flags[pfn];
    if (old === v) return;
    this.rec(ARR_FLAGS, pfn, old, v);
    this.state.flags[pfn] = v;
    this.watch?.touch(pfn);
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

  /** The snapshot-time content of saved pfn `pfn` (copy_data_pages, save_highmem). */
  saveSnapshot(pfn: number, content: number): void {
    this.snapshotContent[pfn] = content;
    this.snapshotLog?.push(pfn);
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
    const step = this.steps - 1;
    if (this.recording) {
      if (this.changeStart.data[step] !== this.nChanges) {
        throw new Error('internal: a bulk replace must be the first write of its step');
      }
      const before: FrameImage = {
        role: this.state.role.slice(),
        flags: this.state.flags.slice(),
        content: this.state.content.slice(),
      };
      this.bulk.push({ step, before, after });
    }
    this.state.role.set(after.role);
    this.state.flags.set(after.flags);
    this.state.content.set(after.content);
    this.watch?.touchAll();
  }

  /**
   * Copies of everything recorded since `mark` (then moves the mark): the steps, their changes,
   * the bulk images and the tables' new entries, for a trace built elsewhere (chunks.ts). Call it
   * at a step boundary (onBoundary) or after the run has ended.
   */
  cut(mark: ChunkMark): TraceChunk {
    const from = mark.steps;
    const to = this.recording ? this.steps : from;
    const c0 = mark.changes;
    const c1 = this.recording ? this.nChanges : c0;
    const slice = <T extends Int32Array | Uint16Array | Uint8Array>(g: { data: T }) =>
      g.data.slice(from, to) as T;
    const tail = (g: GrowableI32, name: TableName) => {
      const out = g.data.slice(mark.tables[name], g.length);
      mark.tables[name] = g.length;
      return out;
    };
    const chunk: TraceChunk = {
      from,
      to,
      columns: {
        line: slice(this.line),
        phase: slice(this.phaseCol),
        p0: slice(this.p0),
        p1: slice(this.p1),
        p2: slice(this.p2),
        n0: slice(this.n0),
        n1: slice(this.n1),
        changeStart: slice(this.changeStart),
      },
      changes: this.changes.data.slice(3 * c0, 3 * c1),
      bulk: this.bulk.slice(mark.bulk),
      tables: {
        copyPairs: tail(this.copyPairs, 'copyPairs'),
        lowPbes: tail(this.lowPbes, 'lowPbes'),
        highPbes: tail(this.highPbes, 'highPbes'),
        safePages: tail(this.safePages, 'safePages'),
        spList: tail(this.spList, 'spList'),
        directPfns: tail(this.directPfns, 'directPfns'),
        highmemSaves: tail(this.highmemSaves, 'highmemSaves'),
        image: this.image.slice(mark.image),
        log: this.log.slice(mark.log),
        // A few small objects, some still growing while the kernel builds them: sent whole.
        bitmaps: structuredCopy(this.bitmaps),
        pbeListOrder: this.pbeListOrder,
      },
      snapshotContent: this.snapshotPairs(),
      ...newKeyframes(mark, this.keyframes?.keyframes ?? []),
    };
    mark.steps = to;
    mark.changes = c1;
    mark.bulk = this.bulk.length;
    mark.image = this.image.length;
    mark.log = this.log.length;
    return chunk;
  }

  /** The (pfn, content) pairs given since the last chunk. */
  private snapshotPairs(): Uint32Array {
    const log = this.snapshotLog ?? [];
    const out = new Uint32Array(2 * log.length);
    log.forEach((pfn, i) => {
      out[2 * i] = pfn;
      out[2 * i + 1] = this.snapshotContent[pfn];
    });
    if (this.snapshotLog) this.snapshotLog = [];
    return out;
  }

  /** Seals the log (trims, never copies) and returns the finished trace. */
  finish(): Trace {
    const n = this.recording ? this.steps : 0;
    for (const col of [this.line, this.phaseCol, this.p0, this.p1, this.p2, this.n0, this.n1])
      col.length = n;
    this.changeStart.length = n;
    this.changes.length = this.recording ? 3 * this.nChanges : 0;
    return {
      frames: this.state.role.length,
      steps: this.steps,
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
