/**
 * The page ⇄ engine protocol, version 1. The engine (src/engine) owns a finished run of the core
 * and answers with state snapshots; the page (src/ui, src/store) only draws them. Every message is
 * a plain object with `v: 1`; typed arrays travel as transferred ArrayBuffers, never copied.
 * Errors are messages (`type: 'error'`), never exceptions across the boundary.
 */
import type {
  BitmapInstance,
  CompareColumn,
  Failure,
  ModelId,
  OutcomeName,
  Question,
} from '../core';

export const PROTOCOL_VERSION = 1;

/** Navigation granularity: one kernel action, one function call (a run of steps in one function), one phase. */
export type StepUnit = 'step' | 'call' | 'phase';

export type ScenarioSource = { kind: 'preset'; name: string } | { kind: 'document'; doc: unknown };

/**
 * What the engine writes out for a download: `report` is the run's report exactly as
 * `simulate` prints it; `steps` is the step trace as `simulate --steps` prints it (one JSON
 * object per line), a chunk of lines at a time.
 */
export type ExportKind = 'report' | 'steps';

// ---------------------------------------------------------------------------------------------
// page → engine

export type ToEngine =
  /** Build the trace of a scenario (replaces any loaded run). `loadId` tags the answers. */
  | { v: 1; type: 'load'; loadId: number; source: ScenarioSource; model?: ModelId; step?: number }
  /** Go to an absolute step (0 = the initial state, totalSteps = after the last step). */
  | { v: 1; type: 'seek'; step: number }
  /** Move by one unit, forward (+1) or backward (-1). */
  | { v: 1; type: 'move'; unit: StepUnit; dir: 1 | -1 }
  /** Play at `rate` units per second. */
  | { v: 1; type: 'play'; unit: StepUnit; rate: number }
  | { v: 1; type: 'pause' }
  /** The page has drawn snapshot `seq`; during play the engine sends the next only after this. */
  | { v: 1; type: 'ack'; seq: number }
  /**
   * Ask for the history of one frame (frame inspector). The engine sends a fresh 'inspection'
   * whenever a later snapshot changes that frame; `pfn: -1` stops those updates.
   */
  | { v: 1; type: 'inspect'; pfn: number }
  | { v: 1; type: 'dispose' }
  /**
   * Liveness: the engine answers with a 'pong' of the same id once it has handled everything sent
   * before. The page's supervisor pings while it waits for an answer and now and then when idle.
   */
  | { v: 1; type: 'ping'; id: number }
  /**
   * Text for a download, made from the loaded run: `from` is the first step of a `steps` chunk
   * (0 for the report). Answered by an 'export' of the same id.
   */
  | { v: 1; type: 'export'; id: number; what: ExportKind; from: number };

// ---------------------------------------------------------------------------------------------
// engine → page

export interface ZoneInfo {
  name: string;
  start: number;
  end: number;
  highmem: boolean;
  populated: boolean;
}

export interface PhaseSpan {
  phase: number;
  name: string;
  /** First step index of the phase (steps are 0-based; "step k" shows the state after step k-1). */
  start: number;
  end: number;
}

/**
 * Sent once per load (in 'ready') when the run can be shown: when its trace is built, or for a
 * long run as soon as its initial state exists, while the rest is traced ('traced' then follows).
 */
export interface RunInfo {
  loadId: number;
  name: string;
  model: ModelId;
  frames: number;
  zones: ZoneInfo[];
  totalSteps: number;
  /**
   * false while the run is still being traced: `totalSteps`, `phases` and `callStarts` then cover
   * the steps traced so far (the run's length is not known yet), and `outcome`, `failure`,
   * `outcomeText`, `outcomeDetail` and `compare` are null.
   */
  complete: boolean;
  /**
   * While the run is being traced, the engine's estimate of its length (the timeline spans this
   * much until the end is known; the run may turn out shorter or longer); once complete, totalSteps.
   */
  expectedSteps: number;
  phases: PhaseSpan[];
  outcome: OutcomeName | null;
  failure: Failure | null;
  /** One sentence for the end of the run: "Restored: all N saved pages match" or the failure. */
  outcomeText: string | null;
  /** What the outcome's numbers are made of, where that is not plain (2.6.17's saved pages), or null. */
  outcomeDetail: string | null;
  /** This run's column of the compare table (outcome, image, lowmem per highmem page, metadata, PBEs). */
  compare: CompareColumn | null;
  /** Step indexes where a new function call starts (ascending, 0 first); state k+1 shows step k. */
  callStarts: Int32Array;
  /** PAGES_FOR_IO of the scenario (linux-6.12's preallocation picture). */
  pagesForIo: number;
  /**
   * linux-6.12: the steps before the freeze (create_basic_memory_bitmaps() and
   * hibernate_preallocate_memory()), a part of the suspend phase the 2006 kernels do not have;
   * `end` is the first step after it. Absent for the 2006 models.
   */
  preallocation?: { start: number; end: number };
}

/** Per-frame arrays, one byte per pfn. Sent whole (`full`) or as a delta for the pfns listed. */
export interface FrameArrays {
  /** Role id per frame (core/roles.ts). */
  role: Uint8Array;
  /** Mark bits per frame (core/marks.ts: NS, NSF, BM_ORIG, BM_COPY, BM_SAFE_HIGH, IMAGE_PFN). */
  flags: Uint8Array;
  /** 0 = not a saved pfn, 1 = holds its snapshot-time content, 2 = holds other content. */
  match: Uint8Array;
}

export interface FrameDelta {
  pfns: Uint32Array;
  role: Uint8Array;
  flags: Uint8Array;
  match: Uint8Array;
}

export interface Arrow {
  /** For 'load' this is the pfn whose image page is read, or -1 for the header and meta pages. */
  from: number;
  to: number;
  kind: 'copy' | 'bounce' | 'load' | 'swap' | 'restore';
}

export interface BitmapPanel {
  slot:
    | 'orig_bm'
    | 'copy_bm'
    | 'safe_highmem_bm'
    // linux-6.12: the basic bitmaps, zero_bm and prepare_image()'s tmp
    | 'forbidden_pages_map'
    | 'free_pages_map'
    | 'zero_bm'
    | 'tmp';
  instance: BitmapInstance;
  setBits: number;
  /** bm_position: null after a reset ("before the first bit"). */
  position: { pfn: number; zone: number; block: number; chunk: number; bit: number } | null;
}

export interface ListWindow<T> {
  total: number;
  /** Index of `items[0]` in the list (head = 0). */
  offset: number;
  items: T[];
}

export interface PbeEntry {
  orig: number;
  copy: number;
  /** Restore progress: already copied back (arch loop) or swapped (restore_highmem). */
  done: boolean;
}

export interface ImagePanelPage {
  index: number;
  kind: 'header' | 'meta' | 'data';
  /** Data page: the pfn it belongs to; meta page: index of its first pfn. */
  pfn: number;
  from: number;
}

export interface ImagePanel {
  total: number;
  metaPages: number;
  written: number;
  read: number;
  /** The page being written or read at this step, if any. */
  current: number | null;
  window: ImagePanelPage[];
  /**
   * linux-6.12: the zero pages, listed in the meta pages (pfn with bit 31 set) with no data page:
   * how many, and those whose place in pfn order falls in `window` (ascending).
   */
  zero?: { total: number; pfns: number[] };
}

/** A counter of the Counters panel: a field of `Counters`, or one of its `copies`. */
export type CounterKey =
  | Exclude<keyof Counters, 'copies' | 'preallocation'>
  | `copies.${keyof Counters['copies']}`
  | 'nrZeroPages';

export interface Counters {
  saveableLowmem: number;
  saveableHighmem: number;
  freeLowmem: number;
  freeHighmem: number;
  metaEstimate: number;
  /** enough_free_mem: available (free lowmem) and needed, once computed (else null). */
  enoughFreeMem: { available: number; needed: number } | null;
  nrCopyPages: number;
  nrMetaPages: number;
  imagePages: number;
  copies: { lowToLow: number; highToLow: number; highToHigh: number; lowToHigh: number };
  lowmemPbes: number;
  highmemPbes: number;
  directLowmem: number;
  directHighmem: number;
  allocatedUnsafePages: number;
  safeHighmemPages: number;
  safePagesList: number;
  pbeChainPages: number;
  shrunkPages: number;
  buffer: number;
  /** linux-6.12 only (absent for the 2006 models): hibernate_preallocate_memory() and after. */
  preallocation?: PreallocationCounters;
}

/**
 * linux-6.12: the arithmetic of hibernate_preallocate_memory() as far as the run has got (null:
 * not computed yet, or not on this path), what it holds now, and what swsusp_save() added.
 */
export interface PreallocationCounters {
  /** saveable (low + high), save_highmem, count, avail_normal, highmem, size (Σ additional pages). */
  saveable: number | null;
  saveableHighmem: number | null;
  count: number | null;
  availNormal: number | null;
  highmem: number | null;
  metaEstimate: number | null;
  /** max_size as the unsigned 32-bit value the kernel holds (it can wrap). */
  maxSize: number | null;
  targetSize: number | null;
  path: 'fits' | 'shrink' | null;
  minimumImageSize: number | null;
  shrinkRequest: number | null;
  /** Frames preallocated in lowmem (alloc_normal) and highmem (alloc_highmem), now. */
  allocNormal: number;
  allocHighmem: number;
  /** What free_unnecessary_pages() gave back (null until it ran, or on the fits path). */
  freedUnnecessary: number | null;
  /** "Allocated %lu pages for snapshot" (null until printed). */
  allocated: number | null;
  /** swsusp_alloc()'s top-up in lowmem and highmem. */
  topUp: { lowmem: number; highmem: number };
  /** nr_zero_pages: saved pfns with no data page. */
  zeroPages: number;
}

/**
 * One invariant of the running model at one state: 'holds' (checked at this step), 'held' (at
 * every step that relied on it so far), 'pending' (no step has relied on it yet), 'unused' (no
 * step of this run relies on it) or 'fails' (at step `failedAt`, 0-based, for the reason
 * `detail`).
 */
export interface InvariantRow {
  id: string;
  statement: string;
  status: 'holds' | 'held' | 'pending' | 'unused' | 'fails';
  /** The step this state shows relies on it. */
  relied: boolean;
  failedAt: number | null;
  detail: string | null;
}

/** Everything the panels show for one step. */
export interface PanelData {
  step: number;
  phase: number;
  phaseName: string;
  /** The kernel function of the step that led here (step-1), and its pseudocode line. */
  functionName: string;
  file: string;
  lineIndex: number;
  /** The step's kind in the core's step catalogue (-1 before the first step). */
  kindId: number;
  narration: string;
  /** The printk line this step printed, if any. */
  printk: string | null;
  /** pfns the step touched (source, destination, via), -1 removed. */
  touched: number[];
  arrows: Arrow[];
  counters: Counters;
  /** The counters this step moved (from its register changes), for the panel to mark. */
  moved?: CounterKey[];
  bitmaps: BitmapPanel[];
  restorePbList: ListWindow<PbeEntry>;
  /**
   * linux-2.6.17: restore_pblist is the PBE pagedir being filled (swsusp_alloc() and
   * copy_data_pages() in the suspending kernel, load_header() before get_buffer() on resume),
   * not get_buffer()'s list of PBEs waiting in safe pages.
   */
  pblistIsPagedir?: boolean;
  highmemPbList: ListWindow<PbeEntry>;
  safePagesList: ListWindow<number>;
  image: ImagePanel;
  /** The kernel log so far (the last 200 lines). */
  log: string[];
  logTotal: number;
  /** Set at the last step: the outcome in words. */
  outcome: string | null;
  side: 'suspending kernel' | 'boot kernel' | 'restored kernel';
  /** The running model's invariants at this state. */
  invariants: InvariantRow[];
  /** Predict mode: questions about the next step (the one state step + 1 shows). */
  questions: Question[];
}

export interface FrameHistoryEntry {
  /** The step's 0-based index in the trace (as in PhaseSpan and `--steps`); state index + 1 shows it. */
  index: number;
  functionName: string;
  narration: string;
}

export interface FrameInspection {
  pfn: number;
  zone: string;
  role: number;
  flags: number;
  content: number;
  /** Content at snapshot time, for saved pfns (else null). */
  snapshotContent: number | null;
  /** Steps that touched the frame (first 500). */
  history: FrameHistoryEntry[];
  historyTotal: number;
}

export type FromEngine =
  | { v: 1; type: 'progress'; loadId: number; fraction: number; label: string }
  | { v: 1; type: 'ready'; info: RunInfo }
  /**
   * The run shown is traced further (or to its end: `info.complete`): the same run, longer. A seek
   * past what was traced waits for this and is then answered.
   */
  | { v: 1; type: 'traced'; info: RunInfo }
  /** The state at `step`. `frames` is set when sent whole, `delta` when only some pfns changed. */
  | {
      v: 1;
      type: 'snapshot';
      seq: number;
      loadId: number;
      step: number;
      frames?: FrameArrays;
      delta?: FrameDelta;
      panels: PanelData;
    }
  | { v: 1; type: 'playing'; playing: boolean }
  | { v: 1; type: 'inspection'; info: FrameInspection }
  | {
      v: 1;
      type: 'error';
      code: 'bad-scenario' | 'bad-message' | 'internal';
      message: string;
      loadId?: number;
    }
  /** The answer to 'ping'. */
  | { v: 1; type: 'pong'; id: number }
  /**
   * The answer to 'export': `text` from the run `loadId`, and `next`, the first step of the next
   * chunk (null: that was the last); or `error`, one line, and no text.
   */
  | {
      v: 1;
      type: 'export';
      id: number;
      loadId: number;
      text: string;
      next: number | null;
      total: number;
      error: string | null;
    };

/** A run traced to its end: its outcome and report are known. */
export type CompleteRunInfo = RunInfo & {
  complete: true;
  outcome: OutcomeName;
  outcomeText: string;
  compare: CompareColumn;
};

/** `info` when its run is traced to its end, else null. */
export function completeInfo(info: RunInfo | null | undefined): CompleteRunInfo | null {
  return info?.complete ? (info as CompleteRunInfo) : null;
}
