// The supervised engine connection: garbage, crashes and hangs are detected and the store comes
// back on a fresh engine at the same scenario and step; a build in progress is abandoned when
// another scenario is picked; a long build that keeps reporting is never taken for a hang.
import { afterEach, describe, expect, it } from 'vitest';
import { createInlineTransport } from '../../src/engine/transport';
import type { Transport } from '../../src/protocol/transport';
import type { FromEngine, ToEngine } from '../../src/protocol/messages';
import { createEngineStore } from '../../src/store/engineStore';
import type { EngineStore, EngineStoreState } from '../../src/store/engineStore';
import { createSupervisor } from '../../src/store/supervisor';
import type { Fault, SupervisorClock } from '../../src/store/supervisor';

const open: Transport[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

function until(
  store: EngineStore,
  pred: (s: EngineStoreState) => boolean,
): Promise<EngineStoreState> {
  return new Promise((resolve, reject) => {
    if (pred(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => reject(new Error('timed out')), 15000);
    const off = store.subscribe((s) => {
      if (pred(s)) {
        clearTimeout(timer);
        off();
        resolve(s);
      }
    });
  });
}

/**
 * Inline engines the test can break: `kill()` makes the latest one silent (a dead worker),
 * `inject(msg)` delivers a message as if it came from it, `crash()` raises its fault event.
 */
function breakableEngines() {
  const made: {
    t: Transport;
    dead: boolean;
    closed: boolean;
    sent: ToEngine[];
    listeners: Set<(m: FromEngine) => void>;
    faults: Set<(why: string) => void>;
  }[] = [];
  const factory = (): Transport => {
    const inner = createInlineTransport();
    open.push(inner);
    const rec = {
      t: inner,
      dead: false,
      closed: false,
      sent: [] as ToEngine[],
      listeners: new Set<(m: FromEngine) => void>(),
      faults: new Set<(why: string) => void>(),
    };
    inner.onMessage((m) => {
      if (!rec.dead) for (const l of rec.listeners) l(m);
    });
    made.push(rec);
    return {
      kind: 'worker',
      send: (m) => {
        rec.sent.push(m);
        if (!rec.dead) inner.send(m);
      },
      onMessage: (l) => {
        rec.listeners.add(l);
        return () => rec.listeners.delete(l);
      },
      onFault: (l) => {
        rec.faults.add(l);
        return () => rec.faults.delete(l);
      },
      close: () => {
        rec.closed = true;
        inner.close();
      },
    };
  };
  const last = () => made[made.length - 1];
  return {
    factory,
    made,
    kill: () => {
      last().dead = true;
    },
    inject: (m: unknown) => {
      for (const l of last().listeners) l(m as FromEngine);
    },
    crash: (why: string) => {
      for (const l of last().faults) l(why);
    },
  };
}

async function teachingAt(step: number, deadlineMs = 400) {
  const engines = breakableEngines();
  const store = createEngineStore(engines.factory, { deadlineMs });
  store.getState().load({ kind: 'preset', name: 'teaching' }, { tag: 'teaching' });
  await until(store, (s) => s.status === 'ready');
  store.getState().seek(step);
  await until(store, (s) => s.step === step);
  return { store, engines };
}

describe('supervised engine store', () => {
  it('a worker that dies silently is noticed and the page comes back at the same step', async () => {
    const { store, engines } = await teachingAt(40);
    const info = store.getState().info!;
    engines.kill();
    const s = await until(store, (x) => x.recovery !== null && x.status === 'ready');
    expect(s.recovery).toMatch(/stopped answering.*Restarted it on “Teaching machine” at step 40/);
    expect(s.step).toBe(40);
    expect(s.info?.name).toBe(info.name);
    expect(s.info?.loadId).not.toBe(info.loadId);
    expect(engines.made).toHaveLength(2);
    expect(engines.made[0].closed).toBe(true);
    // The new engine answers.
    store.getState().seek(41);
    await until(store, (x) => x.step === 41);
  });

  it('garbage from the worker is rejected, never thrown, and the engine restarted', async () => {
    for (const garbage of [
      null,
      { v: 1, type: 'snapshot', step: 'NaN' },
      { v: 1, type: 'progress', loadId: 1, fraction: Number.NaN, label: '' },
    ]) {
      const { store, engines } = await teachingAt(12);
      expect(() => engines.inject(garbage)).not.toThrow();
      const s = await until(store, (x) => x.recovery !== null && x.status === 'ready');
      expect(s.recovery).toMatch(/could not use/);
      expect(s.step).toBe(12);
    }
  });

  it('a bad delta (pfn outside the machine) is garbage', async () => {
    const { store, engines } = await teachingAt(5);
    const s0 = store.getState();
    engines.inject({
      v: 1,
      type: 'snapshot',
      seq: 99,
      loadId: s0.info!.loadId,
      step: 6,
      delta: {
        pfns: Uint32Array.of(80),
        role: Uint8Array.of(1),
        flags: Uint8Array.of(0),
        match: Uint8Array.of(0),
      },
      panels: { ...s0.panels!, step: 6 },
    });
    const s = await until(store, (x) => x.recovery !== null && x.status === 'ready');
    expect(s.recovery).toMatch(/delta pfn 80 is not a frame \(0 to 79\)/);
    expect(s.step).toBe(5);
  });

  it('a crash event restarts the engine on the same step', async () => {
    const { store, engines } = await teachingAt(33);
    engines.crash('the engine worker failed: boom');
    const s = await until(store, (x) => x.recovery !== null && x.status === 'ready');
    expect(s.recovery).toMatch(/crashed \(the engine worker failed: boom\)/);
    expect(s.step).toBe(33);
  });

  it('stops restarting after repeated faults and says so', async () => {
    const { store, engines } = await teachingAt(3);
    for (let i = 0; i < 4; i++) {
      await until(store, (x) => x.status === 'ready');
      engines.crash(`boom ${i}`);
    }
    const s = await until(store, (x) => x.error !== null);
    expect(s.error).toMatch(/failed 4 times within a minute/);
    expect(s.status).toBe('ready');
  });

  it('picking another scenario during a build terminates that build at once', async () => {
    const engines = breakableEngines();
    const store = createEngineStore(engines.factory, { deadlineMs: 0 });
    store.getState().load({ kind: 'preset', name: 'i386-1g' });
    expect(store.getState().status).toBe('loading');
    store.getState().load({ kind: 'preset', name: 'teaching' });
    expect(engines.made[0].closed).toBe(true);
    const s = await until(store, (x) => x.status === 'ready');
    expect(s.info?.name).toBe('Teaching machine');
    expect(engines.made).toHaveLength(2);
  });

  it('a failed load after a good run keeps the shown request', async () => {
    const { store } = await teachingAt(7);
    store.getState().load({ kind: 'preset', name: 'nope' }, { tag: 'nope' });
    const s = await until(store, (x) => x.error !== null);
    expect(s.status).toBe('ready');
    expect(s.shown?.tag).toBe('teaching');
    expect(s.step).toBe(7);
  });
});

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  const timers = new Map<number, { fn: () => void; ms: number; next: number }>();
  let id = 0;
  const clock: SupervisorClock = {
    now: () => now,
    setInterval: (fn, ms) => {
      timers.set(++id, { fn, ms, next: now + ms });
      return id;
    },
    clearInterval: (h) => timers.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      let due: { fn: () => void; ms: number; next: number } | null = null;
      for (const t of timers.values()) if (t.next <= end && (!due || t.next < due.next)) due = t;
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.fn();
    }
    now = end;
  };
  return { clock, advance };
}

describe('supervisor liveness', () => {
  function silentTransport() {
    const listeners = new Set<(m: FromEngine) => void>();
    const sent: ToEngine[] = [];
    const t: Transport = {
      kind: 'worker',
      send: (m) => void sent.push(m),
      onMessage: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      close: () => listeners.clear(),
    };
    return { t, sent, emit: (m: FromEngine) => listeners.forEach((l) => l(m)) };
  }

  it('a build that keeps reporting progress is never a hang; silence is', () => {
    const { clock, advance } = manualClock();
    const eng = silentTransport();
    const faults: Fault[] = [];
    const sup = createSupervisor({
      connect: () => eng.t,
      onMessage: () => {},
      onFault: (f) => faults.push(f),
      runs: () => [],
      deadlineMs: 20_000,
      clock,
    });
    sup.send({ v: 1, type: 'load', loadId: 1, source: { kind: 'preset', name: 'teaching' } });
    // Ten minutes of building, a progress message every 15 s: no fault.
    for (let i = 0; i < 40; i++) {
      advance(15_000);
      eng.emit({ v: 1, type: 'progress', loadId: 1, fraction: i / 40, label: 'Simulating' });
    }
    expect(faults).toEqual([]);
    expect(sup.building).toBe(true);
    advance(21_500);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ kind: 'hang' });
    expect(faults[0].detail).toMatch(/while building the trace \(silent for 2\d s\)/);
  });

  it('pings when idle and reports a quiet death; answers keep it alive', () => {
    const { clock, advance } = manualClock();
    const eng = silentTransport();
    const faults: Fault[] = [];
    const sup = createSupervisor({
      connect: () => eng.t,
      onMessage: () => {},
      onFault: (f) => faults.push(f),
      runs: () => [],
      deadlineMs: 10_000,
      clock,
    });
    sup.send({ v: 1, type: 'pause' });
    for (let i = 0; i < 10; i++) {
      advance(6_000);
      const ping = eng.sent.filter((m) => m.type === 'ping').at(-1);
      if (ping?.type === 'ping') eng.emit({ v: 1, type: 'pong', id: ping.id });
    }
    expect(faults).toEqual([]);
    expect(eng.sent.filter((m) => m.type === 'ping').length).toBeGreaterThan(3);
    advance(30_000);
    expect(faults.map((f) => f.kind)).toEqual(['hang']);
  });

  it('a store stopped by its signal ends its engine and no fault or heartbeat follows', () => {
    const { clock, advance } = manualClock();
    const made: ReturnType<typeof silentTransport>[] = [];
    let closed = 0;
    const stop = new AbortController();
    const store = createEngineStore(
      () => {
        const eng = silentTransport();
        const inner = eng.t;
        eng.t = {
          ...inner,
          close: () => {
            closed++;
            inner.close();
          },
        };
        made.push(eng);
        return eng.t;
      },
      { deadlineMs: 10_000, clock, signal: stop.signal },
    );
    store.getState().load({ kind: 'preset', name: 'teaching' });
    expect(made).toHaveLength(1);
    stop.abort();
    expect(closed).toBe(1);
    const sent = made[0].sent.length;
    advance(60_000);
    // Silence after the stop is no hang: nothing restarted, nothing more sent, no banner.
    expect(made).toHaveLength(1);
    expect(made[0].sent.length).toBe(sent);
    expect(store.getState().recovery).toBeNull();
    store.getState().seek(3);
    expect(made).toHaveLength(1);
  });
});
