// The transports: the worker one through @vitest/web-worker (a real module worker script, run
// in-thread with structured clones), the inline one, and the fallback between them.
import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFallbackTransport,
  createInlineTransport,
  createLazyTransport,
  createWorkerTransport,
} from '../../src/engine/transport';
import type { WorkerTransportOptions } from '../../src/engine/transport';
import type { Transport } from '../../src/protocol/transport';
import type { FromEngine, ToEngine } from '../../src/protocol/messages';

const opened: Transport[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

function open(t: Transport): Transport {
  opened.push(t);
  return t;
}

/** Sends `msgs` and resolves with everything received until `until` matches a message. */
function exchange(
  t: Transport,
  msgs: unknown[],
  until: (m: FromEngine) => boolean,
): Promise<FromEngine[]> {
  return new Promise((resolve, reject) => {
    const got: FromEngine[] = [];
    const timer = setTimeout(
      () => reject(new Error(`timed out; got ${JSON.stringify(got.map((m) => m.type))}`)),
      10000,
    );
    const off = t.onMessage((m) => {
      got.push(m);
      if (until(m)) {
        clearTimeout(timer);
        off();
        resolve(got);
      }
    });
    for (const m of msgs) t.send(m as ToEngine);
  });
}

/** The typed-array kind, across realms (jsdom's and Node's constructors differ). */
const tag = (x: unknown) => Object.prototype.toString.call(x);

const LOAD = { v: 1, type: 'load', loadId: 1, source: { kind: 'preset', name: 'teaching' } };
const isSnapshot = (m: FromEngine) => m.type === 'snapshot';
const isError = (m: FromEngine) => m.type === 'error';

describe.each([
  ['worker', () => createWorkerTransport()],
  ['inline', () => createInlineTransport()],
])('%s transport', (kind, make) => {
  it('loads, answers seeks with snapshots, and reports bad input as errors', async () => {
    const t = open(make());
    expect(t.kind).toBe(kind);
    const loaded = await exchange(t, [LOAD], isSnapshot);
    const ready = loaded.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.info.totalSteps).toBe(463);
    const first = loaded.at(-1);
    expect(tag(first?.type === 'snapshot' && first.frames?.role)).toBe('[object Uint8Array]');

    const seek = await exchange(t, [{ v: 1, type: 'seek', step: 1 }], isSnapshot);
    const snap = seek.at(-1);
    expect(snap).toMatchObject({ type: 'snapshot', step: 1, seq: 2 });
    expect(tag(snap?.type === 'snapshot' && snap.delta?.pfns)).toBe('[object Uint32Array]');

    const [bad] = await exchange(t, [{ v: 9, type: 'seek', step: 1 }], isError);
    expect(bad).toMatchObject({ type: 'error', code: 'bad-message' });
    const [unknown] = await exchange(t, [{ v: 1, type: 'reboot' }], isError);
    expect(unknown).toMatchObject({ type: 'error', code: 'bad-message' });
    const badDoc = {
      v: 1,
      type: 'load',
      loadId: 2,
      source: { kind: 'document', doc: { format: 'x' } },
    };
    const [scenario] = await exchange(t, [badDoc], isError);
    expect(scenario).toMatchObject({ type: 'error', code: 'bad-scenario', loadId: 2 });
    // Still alive, still on the last good run.
    const after = await exchange(t, [{ v: 1, type: 'seek', step: 5 }], isSnapshot);
    expect(after.at(-1)).toMatchObject({ type: 'snapshot', step: 5, loadId: 1 });
  });
});

describe('inline transport', () => {
  it('hands over the frame buffers (transferred, not shared with the engine)', async () => {
    const t = open(createInlineTransport());
    const loaded = await exchange(t, [LOAD], isSnapshot);
    const snap = loaded.at(-1);
    if (snap?.type !== 'snapshot' || !snap.frames) throw new Error('no full snapshot');
    snap.frames.role.fill(255); // the engine's own state must not change
    const again = await exchange(t, [{ v: 1, type: 'seek', step: 0 }], isSnapshot);
    const s2 = again.at(-1);
    expect(s2?.type === 'snapshot' && s2.delta?.pfns.length).toBe(0);
    const full = await exchange(
      t,
      [
        { v: 1, type: 'seek', step: 463 },
        { v: 1, type: 'seek', step: 0 },
      ],
      (m) => isSnapshot(m) && m.step === 0,
    );
    const s3 = full.at(-1);
    expect(s3?.type === 'snapshot' && s3.frames?.role[0]).not.toBe(255);
  });

  it('delivers nothing after close', async () => {
    const t = createInlineTransport();
    const got: FromEngine[] = [];
    t.onMessage((m) => got.push(m));
    t.send(LOAD as ToEngine);
    t.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([]);
  });
});

/** A stand-in for a worker transport that fails the way a blocked worker does. */
function failingPrimary(when: 'throws' | 'errors' | 'errors-late') {
  const sent: ToEngine[] = [];
  const factory = (opts: WorkerTransportOptions): Transport => {
    if (when === 'throws') throw new Error('Worker is not defined');
    const inner = createInlineTransport();
    let answered = false;
    inner.onMessage(() => (answered = true));
    return {
      kind: 'worker',
      send(msg) {
        sent.push(msg);
        if (when === 'errors') setTimeout(() => opts.onWorkerError?.('script failed to load'), 0);
        else {
          inner.send(msg);
          setTimeout(() => {
            if (answered) opts.onWorkerError?.('worker crashed');
          }, 100);
        }
      },
      onMessage: (l) => inner.onMessage(l),
      close: () => inner.close(),
    };
  };
  return { factory, sent };
}

describe('fallback transport', () => {
  it('uses the inline engine when the worker cannot be constructed', async () => {
    const t = open(
      createFallbackTransport(failingPrimary('throws').factory, () => createInlineTransport()),
    );
    expect(t.kind).toBe('inline');
    const got = await exchange(t, [LOAD], isSnapshot);
    expect(got.some((m) => m.type === 'ready')).toBe(true);
  });

  it('replays what was sent when the worker fails before answering', async () => {
    const p = failingPrimary('errors');
    const t = open(createFallbackTransport(p.factory, () => createInlineTransport()));
    expect(t.kind).toBe('worker');
    const got = await exchange(
      t,
      [LOAD, { v: 1, type: 'seek', step: 9 }],
      (m) => isSnapshot(m) && m.step === 9,
    );
    expect(t.kind).toBe('inline');
    expect(p.sent).toHaveLength(2);
    expect(got.filter((m) => m.type === 'ready')).toHaveLength(1);
  });

  it('reports a worker failure after it answered as an internal error', async () => {
    const t = open(
      createFallbackTransport(failingPrimary('errors-late').factory, () => createInlineTransport()),
    );
    const got = await exchange(t, [LOAD], isError);
    expect(got.at(-1)).toMatchObject({
      type: 'error',
      code: 'internal',
      message: 'worker crashed',
    });
    expect(t.kind).toBe('worker');
  });
});

describe('lazy transport', () => {
  it('creates its transport on the first message only', async () => {
    let made = 0;
    const t = open(createLazyTransport(() => (made++, createInlineTransport())));
    await new Promise((r) => setTimeout(r, 10));
    expect(made).toBe(0);
    const got = await exchange(t, [LOAD], isSnapshot);
    expect(made).toBe(1);
    expect(got.some((m) => m.type === 'ready')).toBe(true);
  });
});
