/**
 * A small engine store for component tests: the real state shape (src/store/engineStore.ts) over a
 * 16-frame machine (Normal 0–9, HighMem 10–15), with actions that record their calls and move
 * `step` the way the engine would.
 */
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { KINDS, Marks, Role } from '../../src/core';
import type {
  BitmapPanel,
  FrameArrays,
  FrameInspection,
  PanelData,
  RunInfo,
} from '../../src/protocol/messages';
import type { EngineStore, EngineStoreState } from '../../src/store/engineStore';

export const FRAMES = 16;
export const TOTAL = 40;

/** The report the fake engine writes for any run. */
export const FAKE_REPORT = { format: 'swsusp-viz/report@1', verified: true };

export function fakeInfo(over: Partial<RunInfo> = {}): RunInfo {
  return {
    loadId: 1,
    name: 'Tiny machine',
    model: 'linux-2.6.20',
    frames: FRAMES,
    zones: [
      { name: 'Normal', start: 0, end: 10, highmem: false, populated: true },
      { name: 'HighMem', start: 10, end: 16, highmem: true, populated: true },
    ],
    totalSteps: TOTAL,
    complete: true,
    expectedSteps: TOTAL,
    phases: [
      { phase: 0, name: 'suspend', start: 0, end: 12 },
      { phase: 1, name: 'image', start: 12, end: 18 },
      { phase: 2, name: 'power-off', start: 18, end: 19 },
      { phase: 3, name: 'resume', start: 19, end: 30 },
      { phase: 4, name: 'restore', start: 30, end: 38 },
      { phase: 5, name: 'restored', start: 38, end: 40 },
    ],
    outcome: 'restored',
    failure: null,
    outcomeText: 'Restored: all 4 saved pages match their snapshot.',
    outcomeDetail: null,
    compare: {
      model: 'linux-2.6.20',
      outcome: 'restored',
      failure: null,
      imagePages: 6,
      savedHighmem: 2,
      lowmemPerHighmemPage: 0,
      suspendMetadataBytes: 4 * 4096,
      resumeMetadataBytes: 5 * 4096,
      pbes: 1,
      today: null,
    },
    callStarts: Int32Array.from([0, 3, 8, 12, 19, 30, 38]),
    pagesForIo: 2,
    ...over,
  };
}

export function fakeFrames(): FrameArrays {
  const role = new Uint8Array(FRAMES).fill(Role.Free);
  role[0] = Role.Kernel;
  role[1] = Role.Kernel;
  role[2] = Role.Saveable;
  role[3] = Role.Saveable;
  role[10] = Role.Saveable;
  role[11] = Role.Saveable;
  role[4] = Role.Copy;
  const flags = new Uint8Array(FRAMES);
  flags[2] = Marks.BM_ORIG;
  flags[3] = Marks.BM_ORIG | Marks.NSF;
  flags[4] = Marks.BM_COPY | Marks.NS;
  return { role, flags, match: new Uint8Array(FRAMES) };
}

export function fakeBitmap(slot: BitmapPanel['slot'] = 'orig_bm'): BitmapPanel {
  return {
    slot,
    instance: {
      id: 0,
      name: slot,
      side: 0,
      safeNeeded: false,
      zones: [
        {
          name: 'Normal',
          startPfn: 0,
          endPfn: 10,
          blocks: [{ startPfn: 0, endPfn: 10, size: 1, dataPfn: 6 }],
        },
        {
          name: 'HighMem',
          startPfn: 10,
          endPfn: 16,
          blocks: [{ startPfn: 10, endPfn: 16, size: 1, dataPfn: 7 }],
        },
      ],
      chainPfns: [5],
      blockZone: [0, 1],
    },
    setBits: 2,
    position: { pfn: 3, zone: 0, block: 0, chunk: 0, bit: 3 },
  };
}

/** The 2.6.20 low→low copy_data_page kind: its line is the third of the function. */
const LOW_COPY = KINDS.findIndex((k) => k.model === 'linux-2.6.20' && k.name === 'cdpg.low');

export function fakePanels(step: number, over: Partial<PanelData> = {}): PanelData {
  return {
    step,
    phase: 0,
    phaseName: 'suspend',
    functionName: step > 0 ? 'copy_data_page' : '',
    file: 'kernel/power/snapshot.c',
    lineIndex: 2,
    kindId: step > 0 ? LOW_COPY : -1,
    narration: step > 0 ? `copy_data_page copies pfn 2 into pfn 4 (step ${step}).` : '',
    printk: null,
    touched: step > 0 ? [2, 4] : [],
    arrows: step > 0 ? [{ from: 2, to: 4, kind: 'copy' }] : [],
    counters: {
      saveableLowmem: 2,
      saveableHighmem: 2,
      freeLowmem: 6,
      freeHighmem: 4,
      metaEstimate: 2,
      enoughFreeMem: { available: 6, needed: 4 },
      nrCopyPages: 4,
      nrMetaPages: 1,
      imagePages: 6,
      copies: { lowToLow: 2, highToLow: 0, highToHigh: 2, lowToHigh: 0 },
      lowmemPbes: 1,
      highmemPbes: 1,
      directLowmem: 1,
      directHighmem: 1,
      allocatedUnsafePages: 3,
      safeHighmemPages: 1,
      safePagesList: 2,
      pbeChainPages: 1,
      shrunkPages: 0,
      buffer: -1,
    },
    bitmaps: [fakeBitmap()],
    restorePbList: {
      total: 3,
      offset: 0,
      items: [
        { orig: 2, copy: 8, done: true },
        { orig: 3, copy: 9, done: false },
      ],
    },
    highmemPbList: { total: 0, offset: 0, items: [] },
    safePagesList: { total: 1, offset: 0, items: [12] },
    image: {
      total: 6,
      metaPages: 1,
      written: 3,
      read: 0,
      current: 2,
      window: [
        { index: 0, kind: 'header', pfn: 0, from: -1 },
        { index: 1, kind: 'meta', pfn: 0, from: -1 },
        { index: 2, kind: 'data', pfn: 2, from: 4 },
        { index: 3, kind: 'data', pfn: 3, from: 5 },
      ],
    },
    log: ['PM: Preparing system for suspend', 'swsusp: Need to copy 4 pages'],
    logTotal: 2,
    outcome: null,
    side: 'suspending kernel',
    invariants: [],
    questions: [],
    ...over,
  };
}

export function fakeInspection(pfn: number): FrameInspection {
  return {
    pfn,
    zone: pfn < 10 ? 'Normal' : 'HighMem',
    role: Role.Saveable,
    flags: Marks.BM_ORIG,
    content: 0xabcd,
    snapshotContent: 0xabcd,
    history: [
      { index: 4, functionName: 'copy_data_page', narration: 'copy_data_page copies it.' },
      { index: 9, functionName: 'swsusp_write', narration: 'swsusp_write writes it.' },
    ],
    historyTotal: 2,
  };
}

type ActionName =
  | 'load'
  | 'seek'
  | 'move'
  | 'play'
  | 'pause'
  | 'togglePlay'
  | 'setRate'
  | 'setUnit'
  | 'inspect'
  | 'exportText';
export type Spies = { [K in ActionName]: Mock<EngineStoreState[K]> };

const SPIES = new WeakMap<EngineStore, Spies>();

/** The mocked actions of a fake store, to assert calls on. */
export function spies(store: EngineStore): Spies {
  const s = SPIES.get(store);
  if (!s) throw new Error('not a fake store');
  return s;
}

/** A ready store at `step`, whose actions behave like the engine's (synchronously). */
export function createFakeStore(init: Partial<EngineStoreState> = {}): EngineStore {
  let actions: Spies | null = null;
  const store = createStore<EngineStoreState>()((set, get) => {
    const goto = (step: number) => {
      const total = get().info?.totalSteps ?? 0;
      const s = Math.max(0, Math.min(total, step));
      set({
        step: s,
        panels: fakePanels(s, s === total ? { outcome: get().info?.outcomeText ?? null } : {}),
        framesVersion: get().framesVersion + 1,
      });
    };
    actions = {
      load: vi.fn<EngineStoreState['load']>(() => undefined),
      seek: vi.fn<EngineStoreState['seek']>((step) => goto(step)),
      move: vi.fn<EngineStoreState['move']>((unit, dir) => {
        const st = get();
        if (unit === 'step') return goto(st.step + dir);
        const starts =
          unit === 'call'
            ? Array.from(st.info?.callStarts ?? [])
            : (st.info?.phases ?? []).map((p) => p.start);
        const targets = starts.map((s) => s + 1);
        const next =
          dir > 0
            ? (targets.find((t) => t > st.step) ?? st.info?.totalSteps ?? 0)
            : ([...targets].reverse().find((t) => t < st.step) ?? 0);
        goto(next);
      }),
      play: vi.fn<EngineStoreState['play']>(() => set({ playing: true })),
      pause: vi.fn<EngineStoreState['pause']>(() => set({ playing: false })),
      togglePlay: vi.fn<EngineStoreState['togglePlay']>(() => set({ playing: !get().playing })),
      setRate: vi.fn<EngineStoreState['setRate']>((rate) => set({ rate })),
      setUnit: vi.fn<EngineStoreState['setUnit']>((unit) => set({ unit })),
      inspect: vi.fn<EngineStoreState['inspect']>((pfn) =>
        set({ inspection: pfn === null ? null : fakeInspection(pfn) }),
      ),
      // The report as the engine writes it; a step trace of one line per step, in two chunks.
      exportText: vi.fn<EngineStoreState['exportText']>((what, from = 0) => {
        const info = get().info;
        if (!info) return Promise.reject(new Error('No run is loaded yet.'));
        const base = { loadId: info.loadId, total: info.totalSteps };
        if (what === 'report')
          return Promise.resolve({
            ...base,
            text: `${JSON.stringify(FAKE_REPORT, null, 2)}\n`,
            next: null,
          });
        const end = Math.min(info.totalSteps, from + Math.ceil(info.totalSteps / 2));
        const lines = [];
        for (let i = from; i < end; i++) lines.push(`${JSON.stringify({ index: i })}\n`);
        return Promise.resolve({
          ...base,
          text: lines.join(''),
          next: end < info.totalSteps ? end : null,
        });
      }),
    };
    return {
      status: 'ready',
      progress: null,
      info: fakeInfo(),
      step: 0,
      awaiting: null,
      frames: fakeFrames(),
      framesVersion: 1,
      panels: fakePanels(0),
      playing: false,
      unit: 'step',
      rate: 8,
      error: null,
      inspection: null,
      shown: { source: { kind: 'preset', name: 'teaching' }, tag: 'teaching' },
      recovery: null,
      dismissRecovery: () => set({ recovery: null }),
      ...actions,
      ...init,
    };
  });
  if (actions) SPIES.set(store, actions);
  return store;
}

/** jsdom has no canvas: a 2D context that records nothing and measures text as 0 wide. */
export function stubCanvas(): void {
  const ctx = new Proxy(
    {},
    {
      get: (_t, key) => {
        if (key === 'measureText') return () => ({ width: 0 });
        if (key === 'createImageData')
          return (w: number, h: number) => ({
            width: w,
            height: h,
            data: new Uint8ClampedArray(w * h * 4),
          });
        return () => undefined;
      },
      set: () => true,
    },
  );
  HTMLCanvasElement.prototype.getContext = vi.fn(
    () => ctx,
  ) as unknown as HTMLCanvasElement['getContext'];
}
