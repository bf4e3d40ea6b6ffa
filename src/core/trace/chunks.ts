/**
 * A trace in chunks: the recorder hands over what it has recorded so far (`Recorder.cut`) at step
 * boundaries while the run goes on, and `TraceBuilder` appends the chunks into a trace that is
 * complete up to the last one. The worker that simulates sends chunks to the one that answers the
 * page, so the page can step through the first part of a long run while the rest is traced.
 *
 * Every chunk holds copies (its buffers may be transferred): the steps [from, to) with their
 * columns and change triples, the bulk images of those steps, the tables' new entries, the saved
 * pfns' snapshot content that changed, and the keyframes taken since the last chunk. A builder fed
 * every chunk of a run holds the same trace, array for array, as the run's own (see
 * test/unit/core/chunks.test.ts).
 */
import type { FrameState } from '../state';
import { growI32, growU16, growU8 } from './growable';
import type { Growable } from './growable';
import { baseImageOf } from './keyframes';
import type { Keyframe } from './keyframes';
import type { BitmapInstance, BulkChange, StepColumns, Tables, Trace } from './trace';

export type TableName =
  'copyPairs' | 'lowPbes' | 'highPbes' | 'safePages' | 'spList' | 'directPfns' | 'highmemSaves';

const TABLES: readonly TableName[] = [
  'copyPairs',
  'lowPbes',
  'highPbes',
  'safePages',
  'spList',
  'directPfns',
  'highmemSaves',
];

/** How far the chunks handed over so far reach (kept by the side that cuts). */
export interface ChunkMark {
  steps: number;
  changes: number;
  bulk: number;
  image: number;
  log: number;
  tables: Record<TableName, number>;
  /** Position of the last keyframe handed over (0: none yet). */
  keyframe: number;
}

export function newChunkMark(): ChunkMark {
  return {
    steps: 0,
    changes: 0,
    bulk: 0,
    image: 0,
    log: 0,
    tables: {
      copyPairs: 0,
      lowPbes: 0,
      highPbes: 0,
      safePages: 0,
      spList: 0,
      directPfns: 0,
      highmemSaves: 0,
    },
    keyframe: 0,
  };
}

/** A keyframe as it travels: its base image is found again on the receiving side. */
export type ChunkKeyframe = Omit<Keyframe, 'base'>;

export interface TraceChunk {
  /** Steps [from, to) of the run. */
  from: number;
  to: number;
  columns: StepColumns;
  /** The change triples of those steps. */
  changes: Int32Array;
  bulk: BulkChange[];
  /** New entries of the tables (bitmaps: all of them, as they are now). */
  tables: Omit<Tables, 'bitmaps'> & { bitmaps: BitmapInstance[] };
  /** Saved pfns whose snapshot content changed: (pfn, content) pairs. */
  snapshotContent: Uint32Array;
  /** Keyframes taken since the last chunk, and the positions of all the taker still keeps. */
  keyframes: ChunkKeyframe[];
  keep: number[];
}

/** A deep copy of plain data (numbers, strings, booleans, arrays, objects). */
export function structuredCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The keyframes taken after the mark's last one, without their base images; moves the mark. */
export function newKeyframes(
  mark: ChunkMark,
  kept: readonly Keyframe[],
): { keyframes: ChunkKeyframe[]; keep: number[] } {
  const out: ChunkKeyframe[] = [];
  for (const kf of kept) {
    if (kf.pos <= mark.keyframe) continue;
    out.push({
      pos: kf.pos,
      role: kf.role,
      flags: kf.flags,
      content: kf.content,
      regs: kf.regs,
      bits: kf.bits,
      bytes: kf.bytes,
    });
  }
  if (out.length) mark.keyframe = out[out.length - 1].pos;
  return { keyframes: out, keep: kept.map((k) => k.pos) };
}

/** Appends in a loop: a spread of a long chunk's entries would overflow the call stack. */
function pushAll<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

type Column = Growable<Int32Array> | Growable<Uint16Array> | Growable<Uint8Array>;

function append<T extends Int32Array | Uint16Array | Uint8Array>(g: Growable<T>, values: T): T {
  g.reserve(g.length + values.length);
  g.data.set(values, g.length);
  g.length += values.length;
  return g.seal();
}

/**
 * A trace built from chunks, complete up to the last chunk appended. `trace` keeps its identity:
 * appending replaces its arrays (views of buffers that grow in place), so everything holding the
 * trace sees the new steps.
 */
export class TraceBuilder {
  readonly trace: Trace;
  /** Keyframes received (state 1 onwards, ascending), with their base images. */
  keyframes: Keyframe[] = [];
  private readonly cols = {
    line: growU16(),
    phase: growU8(),
    p0: growI32(),
    p1: growI32(),
    p2: growI32(),
    n0: growI32(),
    n1: growI32(),
    changeStart: growI32(),
  };
  private readonly changes = growI32();
  private readonly tables = Object.fromEntries(TABLES.map((t) => [t, growI32()])) as Record<
    TableName,
    Growable<Int32Array>
  >;

  constructor(initial: FrameState) {
    const frames = initial.role.length;
    this.trace = {
      frames,
      steps: 0,
      initial,
      columns: {
        line: new Uint16Array(0),
        phase: new Uint8Array(0),
        p0: new Int32Array(0),
        p1: new Int32Array(0),
        p2: new Int32Array(0),
        n0: new Int32Array(0),
        n1: new Int32Array(0),
        changeStart: new Int32Array(0),
      },
      changes: new Int32Array(0),
      bulk: [],
      tables: {
        copyPairs: new Int32Array(0),
        lowPbes: new Int32Array(0),
        highPbes: new Int32Array(0),
        safePages: new Int32Array(0),
        spList: new Int32Array(0),
        directPfns: new Int32Array(0),
        highmemSaves: new Int32Array(0),
        image: [],
        log: [],
        bitmaps: [],
        pbeListOrder: 'lifo',
      },
      snapshotContent: new Uint32Array(frames),
      snapshotKnown: new Uint8Array(frames),
    };
  }

  /** The run has ended: every saved pfn's snapshot content is known. */
  finish(): void {
    delete this.trace.snapshotKnown;
  }

  append(chunk: TraceChunk): void {
    const t = this.trace;
    if (chunk.from !== t.steps)
      throw new Error(`internal: trace chunk starts at step ${chunk.from}, expected ${t.steps}`);
    const c = t.columns;
    const cols = this.cols;
    for (const name of Object.keys(cols) as (keyof StepColumns)[]) {
      const g: Column = cols[name];
      (c as unknown as Record<string, unknown>)[name] = append(
        g as Growable<Int32Array>,
        chunk.columns[name] as Int32Array,
      );
    }
    t.changes = append(this.changes, chunk.changes);
    pushAll(t.bulk, chunk.bulk);
    for (const name of TABLES) t.tables[name] = append(this.tables[name], chunk.tables[name]);
    pushAll(t.tables.image, chunk.tables.image);
    pushAll(t.tables.log, chunk.tables.log);
    t.tables.bitmaps = chunk.tables.bitmaps;
    t.tables.pbeListOrder = chunk.tables.pbeListOrder;
    const sc = chunk.snapshotContent;
    const known = t.snapshotKnown;
    for (let i = 0; i < sc.length; i += 2) {
      t.snapshotContent[sc[i]] = sc[i + 1];
      if (known) known[sc[i]] = 1;
    }
    t.steps = chunk.to;
    const keep = new Set(chunk.keep);
    this.keyframes = this.keyframes.filter((k) => keep.has(k.pos));
    for (const kf of chunk.keyframes) {
      if (keep.has(kf.pos))
        this.keyframes.push({ ...kf, base: baseImageOf(t.initial, t.bulk, kf.pos) });
    }
  }
}

/** What a chunked run needs from its recorder. */
interface ChunkSource {
  readonly initialState: FrameState;
  readonly recording: boolean;
  snapshotLog: number[] | null;
  onBoundary: ((steps: number) => void) | null;
  boundaryMask: number;
  cut(mark: ChunkMark): TraceChunk;
}

export interface ChunkOptions {
  /** Steps between the boundaries where a chunk may be cut (a power of two; default 65,536). */
  every?: number;
  /** Whether to cut a chunk at this boundary (default: at every one). Step 0 is always cut. */
  due?: (steps: number) => boolean;
  /** Receives each chunk; the first comes with the initial state. */
  take: (chunk: TraceChunk, initial: FrameState | null) => void;
}

/**
 * Hands a recorded run over in chunks: the first at step 0 (the initial state, no steps), then at
 * the boundaries `due` picks. Returns the function that cuts the last chunk once the run has
 * ended.
 */
export function chunkRecorder(rec: ChunkSource, opts: ChunkOptions): () => void {
  if (!rec.recording) throw new Error('internal: a run without a step log cannot be chunked');
  const mark = newChunkMark();
  rec.snapshotLog = [];
  let first = true;
  const take = () => {
    const chunk = rec.cut(mark);
    opts.take(chunk, first ? rec.initialState : null);
    first = false;
  };
  if (opts.every !== undefined) {
    if (!(opts.every >= 1 && (opts.every & (opts.every - 1)) === 0))
      throw new Error(`internal: chunk boundaries every ${opts.every} steps (not a power of two)`);
    rec.boundaryMask = opts.every - 1;
  }
  rec.onBoundary = (steps) => {
    if (first || !opts.due || opts.due(steps)) take();
  };
  return () => {
    rec.onBoundary = null;
    take();
  };
}
