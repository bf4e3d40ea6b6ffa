/**
 * The engine → page messages as a valibot schema: the page checks every message from the worker
 * against it before anything reads a field (src/store/engineMessage.ts). The schema and the
 * hand-written types in messages.ts must describe the same messages; the two-way assignability
 * check at the end of this file turns any drift (a new message, a renamed field) into a type error.
 *
 * Display-only trees the page never computes with (the report, the compare column) are checked as
 * objects only; a malformed one can at worst break the panel that shows it, and every panel has an
 * error boundary.
 */
import * as v from 'valibot';
import { MODELS } from '../core';
import type { CompareColumn, Failure, OutcomeName } from '../core';
import type { FromEngine } from './messages';

const int = v.pipe(v.number(), v.safeInteger());
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/** A pfn or -1 ("none"). */
const pfnOrNone = v.pipe(v.number(), v.safeInteger(), v.minValue(-1));
const finite = v.pipe(v.number(), v.finite());

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A Uint8Array from any realm (a worker's arrays are not `instanceof` the page's constructor). */
function typedArray<T extends ArrayBufferView>(tag: string) {
  return v.custom<T>(
    (x) => ArrayBuffer.isView(x) && Object.prototype.toString.call(x) === `[object ${tag}]`,
    `expected a ${tag}`,
  );
}
const u8 = typedArray<Uint8Array>('Uint8Array');
const u32 = typedArray<Uint32Array>('Uint32Array');
const i32 = typedArray<Int32Array>('Int32Array');

const OUTCOMES = ['restored', 'suspend-failed', 'resume-failed'] as const satisfies OutcomeName[];

const failure = v.object({
  function: v.string(),
  message: v.string(),
  errno: v.nullable(int),
}) satisfies v.GenericSchema<unknown, Failure>;

const zoneInfo = v.object({
  name: v.string(),
  start: count,
  end: count,
  highmem: v.boolean(),
  populated: v.boolean(),
});

const phaseSpan = v.object({ phase: count, name: v.string(), start: count, end: count });

const runInfo = v.object({
  loadId: int,
  name: v.string(),
  model: v.picklist(MODELS),
  frames: v.pipe(count, v.minValue(1)),
  zones: v.array(zoneInfo),
  totalSteps: count,
  complete: v.boolean(),
  expectedSteps: count,
  phases: v.array(phaseSpan),
  outcome: v.nullable(v.picklist(OUTCOMES)),
  failure: v.nullable(failure),
  outcomeText: v.nullable(v.string()),
  outcomeDetail: v.nullable(v.string()),
  compare: v.nullable(v.custom<CompareColumn>(isRecord, 'compare: expected an object')),
  callStarts: i32,
  pagesForIo: count,
  preallocation: v.optional(v.object({ start: count, end: count })),
});

const frameArrays = v.object({ role: u8, flags: u8, match: u8 });
const frameDelta = v.object({ pfns: u32, role: u8, flags: u8, match: u8 });

const arrow = v.object({
  from: pfnOrNone,
  to: count,
  kind: v.picklist(['copy', 'bounce', 'load', 'swap', 'restore']),
});

const bitmapInstance = v.object({
  id: int,
  name: v.string(),
  side: int,
  safeNeeded: v.boolean(),
  zones: v.array(
    v.object({
      name: v.string(),
      startPfn: count,
      endPfn: count,
      blocks: v.array(
        v.object({ startPfn: count, endPfn: count, size: count, dataPfn: pfnOrNone }),
      ),
    }),
  ),
  chainPfns: v.array(pfnOrNone),
  blockZone: v.array(int),
  rtree: v.optional(v.array(v.object({ levels: int, nodePfns: v.array(pfnOrNone) }))),
});

const bitmapPanel = v.object({
  slot: v.picklist([
    'orig_bm',
    'copy_bm',
    'safe_highmem_bm',
    'forbidden_pages_map',
    'free_pages_map',
    'zero_bm',
    'tmp',
  ]),
  instance: bitmapInstance,
  setBits: count,
  position: v.nullable(v.object({ pfn: pfnOrNone, zone: int, block: int, chunk: int, bit: int })),
});

function listWindow<T extends v.GenericSchema>(item: T) {
  return v.object({ total: count, offset: count, items: v.array(item) });
}

const pbeEntry = v.object({ orig: pfnOrNone, copy: pfnOrNone, done: v.boolean() });

const imagePanel = v.object({
  total: count,
  metaPages: count,
  written: count,
  read: count,
  current: v.nullable(count),
  window: v.array(
    v.object({
      index: count,
      kind: v.picklist(['header', 'meta', 'data']),
      pfn: pfnOrNone,
      from: pfnOrNone,
    }),
  ),
  zero: v.optional(v.object({ total: count, pfns: v.array(count) })),
});

const counterKey = v.picklist(
  [
    'saveableLowmem',
    'saveableHighmem',
    'freeLowmem',
    'freeHighmem',
    'metaEstimate',
    'enoughFreeMem',
    'nrCopyPages',
    'nrMetaPages',
    'nrZeroPages',
    'imagePages',
    'copies.lowToLow',
    'copies.highToLow',
    'copies.highToHigh',
    'copies.lowToHigh',
    'lowmemPbes',
    'highmemPbes',
    'directLowmem',
    'directHighmem',
    'allocatedUnsafePages',
    'safeHighmemPages',
    'safePagesList',
    'pbeChainPages',
    'shrunkPages',
    'buffer',
  ],
  'must be a counter’s name',
);

const counters = v.object({
  saveableLowmem: int,
  saveableHighmem: int,
  freeLowmem: int,
  freeHighmem: int,
  metaEstimate: int,
  enoughFreeMem: v.nullable(v.object({ available: int, needed: int })),
  nrCopyPages: int,
  nrMetaPages: int,
  imagePages: int,
  copies: v.object({ lowToLow: int, highToLow: int, highToHigh: int, lowToHigh: int }),
  lowmemPbes: int,
  highmemPbes: int,
  directLowmem: int,
  directHighmem: int,
  allocatedUnsafePages: int,
  safeHighmemPages: int,
  safePagesList: int,
  pbeChainPages: int,
  shrunkPages: int,
  buffer: int,
  preallocation: v.optional(
    v.object({
      saveable: v.nullable(int),
      saveableHighmem: v.nullable(int),
      count: v.nullable(int),
      availNormal: v.nullable(int),
      highmem: v.nullable(int),
      metaEstimate: v.nullable(int),
      maxSize: v.nullable(int),
      targetSize: v.nullable(int),
      path: v.nullable(v.picklist(['fits', 'shrink'])),
      minimumImageSize: v.nullable(int),
      shrinkRequest: v.nullable(int),
      allocNormal: int,
      allocHighmem: int,
      freedUnnecessary: v.nullable(int),
      allocated: v.nullable(int),
      topUp: v.object({ lowmem: int, highmem: int }),
      zeroPages: int,
    }),
  ),
});

const invariantRow = v.object({
  id: v.string(),
  statement: v.string(),
  status: v.picklist(['holds', 'held', 'pending', 'unused', 'fails']),
  relied: v.boolean(),
  failedAt: v.nullable(count),
  detail: v.nullable(v.string()),
});

const question = v.object({
  kind: v.picklist(['copy-destination', 'load-path', 'suspend-outcome', 'next-function']),
  step: count,
  prompt: v.string(),
  answer: v.variant('type', [
    v.object({ type: v.literal('frame'), pfn: count }),
    v.object({ type: v.literal('choice'), choices: v.array(v.string()), correct: count }),
  ]),
  subject: v.array(count),
  reveal: v.string(),
});

const panelData = v.object({
  step: count,
  phase: count,
  phaseName: v.string(),
  functionName: v.string(),
  file: v.string(),
  lineIndex: int,
  kindId: int,
  narration: v.string(),
  printk: v.nullable(v.string()),
  touched: v.array(pfnOrNone),
  arrows: v.array(arrow),
  counters,
  bitmaps: v.array(bitmapPanel),
  moved: v.optional(v.array(counterKey)),
  restorePbList: listWindow(pbeEntry),
  pblistIsPagedir: v.optional(v.boolean()),
  highmemPbList: listWindow(pbeEntry),
  safePagesList: listWindow(pfnOrNone),
  image: imagePanel,
  log: v.array(v.string()),
  logTotal: count,
  outcome: v.nullable(v.string()),
  side: v.picklist(['suspending kernel', 'boot kernel', 'restored kernel']),
  invariants: v.array(invariantRow),
  questions: v.array(question),
});

const frameInspection = v.object({
  pfn: count,
  zone: v.string(),
  role: count,
  flags: count,
  content: int,
  snapshotContent: v.nullable(int),
  history: v.array(v.object({ index: count, functionName: v.string(), narration: v.string() })),
  historyTotal: count,
});

const one = v.literal(1);

export const FromEngineSchema = v.variant('type', [
  v.object({
    v: one,
    type: v.literal('progress'),
    loadId: int,
    fraction: v.pipe(finite, v.minValue(0), v.maxValue(1)),
    label: v.string(),
  }),
  v.object({ v: one, type: v.literal('ready'), info: runInfo }),
  v.object({ v: one, type: v.literal('traced'), info: runInfo }),
  v.object({
    v: one,
    type: v.literal('snapshot'),
    seq: int,
    loadId: int,
    step: count,
    frames: v.optional(frameArrays),
    delta: v.optional(frameDelta),
    panels: panelData,
  }),
  v.object({ v: one, type: v.literal('playing'), playing: v.boolean() }),
  v.object({ v: one, type: v.literal('inspection'), info: frameInspection }),
  v.object({
    v: one,
    type: v.literal('error'),
    code: v.picklist(['bad-scenario', 'bad-message', 'internal']),
    message: v.string(),
    loadId: v.optional(int),
  }),
  v.object({ v: one, type: v.literal('pong'), id: int }),
  v.object({
    v: one,
    type: v.literal('export'),
    id: int,
    loadId: int,
    text: v.string(),
    next: v.nullable(count),
    total: count,
    error: v.nullable(v.string()),
  }),
]);

// The schema and messages.ts describe the same messages: each must be assignable to the other.
type Parsed = v.InferOutput<typeof FromEngineSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Parsed, FromEngine> = true;
void schemaMatchesTypes;
