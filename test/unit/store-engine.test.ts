// The page's engine store on the in-thread engine: loading, seeking, deltas written into the
// mirror, errors that keep the last run, playback, inspection, and structural sharing of panels.
import { afterEach, describe, expect, it } from 'vitest';
import { getPreset, parseScenario, simulate } from '../../src/core';
import type { Run } from '../../src/core';
import { createInlineTransport } from '../../src/engine/transport';
import type { Transport } from '../../src/protocol/transport';
import type { FrameArrays, ToEngine } from '../../src/protocol/messages';
import { connectEngine } from '../../src/store/connect';
import { createEngineStore } from '../../src/store/engineStore';
import type { EngineStore, EngineStoreState } from '../../src/store/engineStore';
import { referenceFrames, referenceState } from './engine-fixtures';

const transports: Transport[] = [];
afterEach(() => {
  for (const t of transports.splice(0)) t.close();
});

/** A store on an inline engine; `sent` records what the store sent. */
function makeStore(): { store: EngineStore; sent: ToEngine[] } {
  const inner = createInlineTransport();
  transports.push(inner);
  const sent: ToEngine[] = [];
  const t: Transport = {
    kind: 'inline',
    send: (m) => {
      sent.push(m);
      inner.send(m);
    },
    onMessage: (l) => inner.onMessage(l),
    close: () => inner.close(),
  };
  return { store: createEngineStore(t), sent };
}

function until(
  store: EngineStore,
  pred: (s: EngineStoreState) => boolean,
): Promise<EngineStoreState> {
  return new Promise((resolve, reject) => {
    if (pred(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => reject(new Error('timed out')), 10000);
    const off = store.subscribe((s) => {
      if (pred(s)) {
        clearTimeout(timer);
        off();
        resolve(s);
      }
    });
  });
}

/** Frame arrays as plain numbers: jsdom and Node typed arrays do not compare equal. */
function plain(f: FrameArrays | null) {
  return f && { role: Array.from(f.role), flags: Array.from(f.flags), match: Array.from(f.match) };
}

function expected(step: number) {
  return plain(referenceFrames(teachingRun(), referenceState(teachingRun(), step)));
}

let teaching: Run | null = null;
function teachingRun(): Run {
  if (!teaching) {
    const parsed = parseScenario(getPreset('teaching')!.doc);
    if (!parsed.ok) throw new Error(parsed.error);
    teaching = simulate(parsed.scenario);
  }
  return teaching;
}

async function loadedStore() {
  const made = makeStore();
  made.store.getState().load({ kind: 'preset', name: 'teaching' });
  await until(made.store, (s) => s.status === 'ready');
  return made;
}

describe('engine store', () => {
  it('starts idle; a connection sends nothing until the first load and close stops its engine', () => {
    const sent: ToEngine[] = [];
    let closed = 0;
    const { store, close } = connectEngine({
      kind: 'inline',
      send: (m) => void sent.push(m),
      onMessage: () => () => undefined,
      close: () => void closed++,
    });
    expect(store.getState()).toMatchObject({ status: 'idle', info: null, frames: null });
    expect(sent).toEqual([]);
    store.getState().load({ kind: 'preset', name: 'teaching' });
    expect(sent.map((m) => m.type)).toEqual(['load']);
    close();
    expect(closed).toBe(1);
  });

  it('loads: loading with progress, then info, frames and panels together', async () => {
    const { store } = makeStore();
    const seen: EngineStoreState[] = [];
    store.subscribe((s) => seen.push(s));
    store.getState().load({ kind: 'preset', name: 'teaching' });
    expect(store.getState()).toMatchObject({ status: 'loading', error: null });
    expect(store.getState().progress?.fraction).toBe(0);
    const s = await until(store, (x) => x.status === 'ready');
    expect(seen.every((x) => x.status !== 'ready' || (x.frames && x.panels && x.info))).toBe(true);
    expect(s).toMatchObject({ step: 0, progress: null, playing: false });
    expect(s.info?.totalSteps).toBe(463);
    expect(plain(s.frames)).toEqual(expected(0));
  });

  it('seeks, writes deltas into the same mirror and bumps framesVersion', async () => {
    const { store } = await loadedStore();
    store.getState().seek(120);
    await until(store, (x) => x.step === 120);
    const mirror = store.getState().frames;
    const v0 = store.getState().framesVersion;
    store.getState().seek(123);
    const s = await until(store, (x) => x.step === 123);
    expect(s.frames).toBe(mirror); // three copy steps arrive as a delta, written in place
    expect(s.framesVersion).toBe(v0 + 1);
    expect(plain(s.frames)).toEqual(expected(123));
    expect(s.panels?.step).toBe(123);
    store.getState().move('step', -1);
    const back = await until(store, (x) => x.step === 122);
    expect(plain(back.frames)).toEqual(expected(122));
  });

  it('acks every snapshot it applied', async () => {
    const { store, sent } = await loadedStore();
    store.getState().seek(10);
    await until(store, (x) => x.step === 10);
    await new Promise((r) => setTimeout(r, 50));
    const acks = sent.filter((m) => m.type === 'ack').map((m) => (m.type === 'ack' ? m.seq : -1));
    expect(acks).toEqual([1, 2]);
  });

  it('keeps the last good run when a load fails, and shows the error', async () => {
    const { store } = await loadedStore();
    const info = store.getState().info;
    store.getState().load({ kind: 'preset', name: 'nope' });
    const s = await until(store, (x) => x.error !== null);
    expect(s.status).toBe('ready');
    expect(s.info).toBe(info);
    expect(s.error).toMatch(/^unknown preset "nope"/);
    store.getState().seek(3);
    await until(store, (x) => x.step === 3);
  });

  it('is in error when the first load fails', async () => {
    const { store } = makeStore();
    store.getState().load({ kind: 'document', doc: { format: 'nope' } });
    const s = await until(store, (x) => x.status !== 'loading');
    expect(s).toMatchObject({ status: 'error', info: null, progress: null });
    expect(s.error).toMatch(/^format:/);
  });

  it('plays and pauses', async () => {
    const { store, sent } = await loadedStore();
    store.getState().setRate(200);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    await until(store, (x) => x.step >= 3);
    store.getState().togglePlay();
    const s = await until(store, (x) => !x.playing);
    expect(s.playing).toBe(false);
    expect(sent.filter((m) => m.type === 'play')).toEqual([
      { v: 1, type: 'play', unit: 'step', rate: 200 },
    ]);
  });

  it('sends the new rate and unit while playing', async () => {
    const { store, sent } = await loadedStore();
    store.getState().play();
    store.getState().setRate(3);
    store.getState().setUnit('phase');
    store.getState().pause();
    expect(
      sent.filter((m) => m.type === 'play').map((m) => m.type === 'play' && [m.unit, m.rate]),
    ).toEqual([
      ['step', 10],
      ['step', 3],
      ['phase', 3],
    ]);
    store.getState().setRate(-1);
    expect(store.getState().rate).toBe(3);
  });

  it('inspects a frame and clears the inspection', async () => {
    const { store } = await loadedStore();
    store.getState().inspect(8);
    const s = await until(store, (x) => x.inspection !== null);
    expect(s.inspection?.pfn).toBe(8);
    store.getState().inspect(null);
    expect(store.getState().inspection).toBeNull();
  });

  it('keeps unchanged panel parts as the same objects from one step to the next', async () => {
    const { store } = await loadedStore();
    store.getState().seek(90);
    const a = (await until(store, (x) => x.step === 90)).panels!;
    store.getState().move('step', 1);
    const b = (await until(store, (x) => x.step === 91)).panels!;
    // cdp.set steps: the bitmap changes, the counters and lists do not.
    expect(b.counters).toBe(a.counters);
    expect(b.restorePbList).toBe(a.restorePbList);
    expect(b.log).toBe(a.log);
    expect(b.bitmaps).not.toBe(a.bitmaps);
    expect(b.narration).not.toBe(a.narration);
  });
});
