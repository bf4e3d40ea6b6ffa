// The host bridge on a fake engine store: commands from the parent at an allowed origin drive the
// store, others are ignored; events go back to the host's origin only; malformed commands get an
// error event; fuzzed with fast-check through the whole message handler.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedOrigins, connectHost } from '../../../src/embed/hostBridge';
import type { BridgeWindow, LoadRequest } from '../../../src/embed/hostBridge';
import { COMMAND_TYPE, COMMANDS } from '../../../src/embed/hostProtocol';
import { createFakeStore, spies, TOTAL } from '../../component/fakeStore';

const HOST = 'https://docs.example.org';

function setup(allowed = [HOST], hostOrigin: string | null = HOST) {
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, origin: string) =>
      posted.push({ message: message as Record<string, unknown>, origin }),
  };
  let listener: ((e: MessageEvent) => void) | null = null;
  const win: BridgeWindow = {
    parent,
    addEventListener: (_t, l) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const store = createFakeStore();
  const loads: LoadRequest[] = [];
  const disconnect = connectHost({
    win,
    allowed,
    hostOrigin,
    store,
    load: (r) => loads.push(r),
    currentPreset: () => 'teaching',
  });
  const send = (data: unknown, origin = HOST, source: unknown = parent) =>
    listener?.({ data, origin, source } as MessageEvent);
  const events = () => posted.map((p) => p.message.event);
  return { posted, store, loads, send, events, disconnect, parent };
}

const cmd = (command: string, rest: Record<string, unknown> = {}) => ({
  type: COMMAND_TYPE,
  command,
  ...rest,
});

describe('connectHost', () => {
  it('announces the run shown at once: ready and its step, to the host origin only', () => {
    const { posted } = setup();
    expect(posted.map((p) => [p.message.event, p.origin])).toEqual([
      ['ready', HOST],
      ['step', HOST],
    ]);
    expect(posted[0].message).toEqual({
      type: 'swsusp-viz:event',
      event: 'ready',
      steps: TOTAL,
      model: 'linux-2.6.20',
      preset: 'teaching',
    });
    expect(posted[1].message).toMatchObject({ step: 0, phase: 'suspend' });
  });

  it('drives the store with every command and reports each step and the outcome', () => {
    const { store, send, posted, loads } = setup();
    posted.length = 0;
    send(cmd('seek', { step: 10 }));
    expect(store.getState().step).toBe(10);
    expect(posted.at(-1)?.message).toMatchObject({ event: 'step', step: 10 });
    send(cmd('step', { delta: -3 }));
    expect(store.getState().step).toBe(7);
    send(cmd('step', { delta: 1000 }));
    expect(store.getState().step).toBe(TOTAL);
    expect(posted.at(-1)?.message).toMatchObject({ event: 'outcome', outcome: 'restored' });
    send(cmd('seek', { step: 0 }));
    send(cmd('phase', { delta: 1 }));
    // like the page's "next phase": from a fresh run, the second phase (image starts at step 12,
    // shown by state 13)
    expect(store.getState().step).toBe(13);
    send(cmd('phase', { delta: -1 }));
    expect(store.getState().step).toBe(1);
    send(cmd('speed', { stepsPerSecond: 30 }));
    expect(store.getState()).toMatchObject({ rate: 30, unit: 'step' });
    send(cmd('play'));
    expect(store.getState().playing).toBe(true);
    send(cmd('pause'));
    expect(store.getState().playing).toBe(false);
    send(cmd('load', { preset: 'i386-1g', model: 'linux-2.6.17', step: 5 }));
    expect(loads).toEqual([
      { source: { kind: 'preset', name: 'i386-1g' }, model: 'linux-2.6.17', step: 5 },
    ]);
    const doc = { format: 'swsusp-viz/scenario@1', name: 'mine' };
    send(cmd('load', { scenario: doc }));
    expect(loads[1]).toEqual({ source: { kind: 'document', doc }, model: null, step: null });
    expect(posted.filter((p) => p.message.event === 'error')).toEqual([]);
  });

  it('answers a malformed command with an error event, never an exception', () => {
    const { send, posted } = setup();
    posted.length = 0;
    send(cmd('seek', { step: 'forty' }));
    send(cmd('seek', { step: TOTAL + 1 }));
    send(cmd('load', { preset: 'nope' }));
    expect(posted.map((p) => [p.message.event, p.origin])).toEqual([
      ['error', HOST],
      ['error', HOST],
      ['error', HOST],
    ]);
    expect(posted.map((p) => p.message.message)).toEqual([
      expect.stringMatching(/“step” must be a number/),
      expect.stringMatching(/Step 41 is past the end of this run \(40 steps\)/),
      expect.stringMatching(/There is no preset “nope”; the presets are teaching/),
    ]);
  });

  it('ignores commands from a foreign origin or from another window', () => {
    const { send, store, posted } = setup();
    posted.length = 0;
    send(cmd('seek', { step: 9 }), 'https://evil.example');
    send(cmd('seek', { step: 9 }), HOST, {});
    send(cmd('seek', { step: 'bad' }), 'https://evil.example');
    expect(store.getState().step).toBe(0);
    expect(spies(store).seek).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
  });

  it('reports a load error of the store as an error event', () => {
    const { store, posted } = setup();
    store.setState({ error: 'Scenario “mine”: zone Normal: F0 is not a count.' });
    expect(posted.at(-1)?.message).toEqual({
      type: 'swsusp-viz:event',
      event: 'error',
      message: 'Scenario “mine”: zone Normal: F0 is not a count.',
    });
  });

  it('says when the run is still loading', () => {
    const { store, send, posted } = setup();
    store.setState({ info: null, status: 'loading' });
    send(cmd('seek', { step: 3 }));
    expect(posted.at(-1)?.message.message).toMatch(/still loading/);
  });

  it('with several allowed origins, replies to the one a command came from', () => {
    const other = 'http://127.0.0.1:3000';
    const { send, posted } = setup([HOST, other], null);
    expect(posted.map((p) => p.origin)).toEqual([HOST, other, HOST, other]);
    posted.length = 0;
    send(cmd('seek', { step: 2 }), other);
    expect(posted.map((p) => p.origin)).toEqual([other]);
  });

  it('stops listening when disconnected', () => {
    const { send, store, disconnect } = setup();
    disconnect();
    send(cmd('seek', { step: 9 }));
    expect(store.getState().step).toBe(0);
  });

  // Generous timeout: 10,000 cases on a loaded CI machine; speed is not what this checks.
  it('fuzz: 10,000 messages through the handler never throw; each command gets a result', () => {
    const { send, posted, store } = setup();
    const value = fc.oneof(fc.anything(), fc.integer({ min: -100, max: 100 }), fc.double());
    const message = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constant(COMMAND_TYPE),
          command: fc.oneof(fc.constantFrom(...COMMANDS), fc.string()),
          step: value,
          delta: value,
          preset: fc.oneof(fc.constantFrom('teaching', 'nope'), value),
          stepsPerSecond: value,
        },
        { requiredKeys: ['type', 'command'] },
      ),
    );
    fc.assert(
      fc.property(message, fc.constantFrom(HOST, 'https://evil.example'), (data, origin) => {
        posted.length = 0;
        expect(() => send(data, origin)).not.toThrow();
        for (const p of posted) {
          expect(p.origin).toBe(HOST);
          if (p.message.event === 'error') expect(String(p.message.message)).toMatch(/^\S.{10,}/);
        }
        const s = store.getState();
        expect(s.step).toBeGreaterThanOrEqual(0);
        expect(s.step).toBeLessThanOrEqual(TOTAL);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});

describe('allowedOrigins', () => {
  it('defaults to the framing page: ancestorOrigins first, else the referrer', () => {
    expect(allowedOrigins([], { ancestorOrigins: [HOST], referrer: '' })).toEqual({
      allowed: [HOST],
      hostOrigin: HOST,
    });
    expect(allowedOrigins([], { referrer: `${HOST}/guide/page.html` })).toEqual({
      allowed: [HOST],
      hostOrigin: HOST,
    });
    expect(allowedOrigins([], { referrer: '' })).toEqual({ allowed: [], hostOrigin: null });
  });

  it('takes the origins parameter when given', () => {
    expect(allowedOrigins(['https://a.org'], { ancestorOrigins: [HOST] })).toEqual({
      allowed: ['https://a.org'],
      hostOrigin: null,
    });
  });
});
