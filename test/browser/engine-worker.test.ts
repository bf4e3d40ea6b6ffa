// Runs in real Chromium (vitest browser mode): the engine's module worker end to end, and that
// the frame arrays really move to the page by transfer (which @vitest/web-worker cannot show).
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerTransport } from '../../src/engine/transport';
import type { Transport } from '../../src/protocol/transport';
import type { FromEngine, ToEngine } from '../../src/protocol/messages';

const LOAD: ToEngine = {
  v: 1,
  type: 'load',
  loadId: 1,
  source: { kind: 'preset', name: 'teaching' },
};

let transport: Transport | undefined;
let probe: Worker | undefined;
afterEach(() => {
  transport?.close();
  probe?.terminate();
  transport = probe = undefined;
});

function collect(t: Transport, msgs: ToEngine[], until: (m: FromEngine) => boolean) {
  return new Promise<FromEngine[]>((resolve) => {
    const got: FromEngine[] = [];
    const off = t.onMessage((m) => {
      got.push(m);
      if (until(m)) {
        off();
        resolve(got);
      }
    });
    for (const m of msgs) t.send(m);
  });
}

describe('engine worker', () => {
  it('loads a preset, seeks, and answers bad input with errors', async () => {
    transport = createWorkerTransport();
    const loaded = await collect(transport, [LOAD], (m) => m.type === 'snapshot');
    expect(loaded.map((m) => m.type)).toContain('ready');
    const first = loaded.at(-1);
    if (first?.type !== 'snapshot' || !first.frames) throw new Error('no full snapshot');
    expect(first.frames.role).toBeInstanceOf(Uint8Array);
    expect(first.frames.role.length).toBe(80);

    const next = await collect(
      transport,
      [{ v: 1, type: 'move', unit: 'step', dir: 1 }],
      (m) => m.type === 'snapshot',
    );
    expect(next.at(-1)).toMatchObject({ type: 'snapshot', step: 1 });

    const bad = await collect(
      transport,
      [{ v: 2 } as unknown as ToEngine],
      (m) => m.type === 'error',
    );
    expect(bad.at(-1)).toMatchObject({ type: 'error', code: 'bad-message' });
  });

  it('transfers the frame buffers: detached in the worker, whole on the page', async () => {
    probe = new Worker(new URL('./engine-probe.worker.ts', import.meta.url), { type: 'module' });
    const w = probe;
    const seen: { msg?: FromEngine; lengths?: number[] }[] = [];
    const done = new Promise<void>((resolve) => {
      w.onmessage = (e: MessageEvent<FromEngine | { probe: string; lengths: number[] }>) => {
        const d = e.data;
        if ('probe' in d) {
          seen[seen.length - 1].lengths = d.lengths;
          if (d.probe === 'snapshot' && seen.filter((s) => s.msg?.type === 'snapshot').length === 2)
            resolve();
        } else seen.push({ msg: d });
      };
    });
    w.postMessage(LOAD);
    w.postMessage({ v: 1, type: 'seek', step: 2 });
    await done;
    const snaps = seen.filter((s) => s.msg?.type === 'snapshot');
    const [full, delta] = snaps.map((s) => s.msg as Extract<FromEngine, { type: 'snapshot' }>);
    expect(full.frames?.role.byteLength).toBe(80);
    expect(delta.delta?.pfns.length).toBeGreaterThan(0);
    // Three arrays for the full table, four for the delta: all transferred, none copied.
    expect(snaps[0].lengths).toEqual([0, 0, 0]);
    expect(snaps[1].lengths).toEqual([0, 0, 0, 0]);
    const ready = seen.find((s) => s.msg?.type === 'ready');
    expect(ready?.lengths).toEqual([0]); // callStarts
  });

  it(
    'shows the 4 GiB preset from its first chunk, traces it in chunks, then answers seeks',
    { timeout: 120_000 },
    async () => {
      transport = createWorkerTransport();
      const load: ToEngine = { ...LOAD, source: { kind: 'preset', name: 'i386-4g' } };
      const first = await collect(transport, [load], (m) => m.type === 'snapshot');
      const ready = first.find((m) => m.type === 'ready');
      expect(ready?.type === 'ready' && ready.info.frames).toBe(1048576);
      // Shown before the run is traced: the machine at step 0, the rest still to come.
      expect(ready?.type === 'ready' && ready.info.complete).toBe(false);
      expect(first.at(-1)).toMatchObject({ type: 'snapshot', step: 0 });
      const grown = await collect(transport, [], (m) => m.type === 'traced' && m.info.complete);
      const traced = grown.flatMap((m) => (m.type === 'traced' ? [m.info.totalSteps] : []));
      // Traced in chunks, each further than the last, while this engine kept answering.
      expect(traced.length).toBeGreaterThan(1);
      expect(traced).toEqual([...traced].sort((a, b) => a - b));
      const total = traced.at(-1) ?? 0;
      expect(total).toBeGreaterThan(1_000_000);
      for (const f of [0.9, 0.1, 0.5]) {
        const step = Math.round(f * total);
        const got = await collect(
          transport,
          [{ v: 1, type: 'seek', step }],
          (m) => m.type === 'snapshot',
        );
        const snap = got.at(-1);
        expect(snap).toMatchObject({ type: 'snapshot', step });
        expect(snap?.type === 'snapshot' && snap.frames?.role.length).toBe(1048576);
      }
    },
  );
});
