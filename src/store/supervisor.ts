/**
 * The page's connection to the engine, supervised. It checks every message (engineMessage.ts) and
 * watches the engine for three faults: a crash (the worker reports an error, or dies silently and
 * stops answering), a hang (no message at all within the deadline while an answer is due) and
 * garbage (a message that fails the check). On a fault it closes the transport and tells the
 * store, which decides what to replay on a fresh one (`restart`).
 *
 * Liveness works by silence, not by total time: every request is followed by a 'ping', which the
 * engine answers after handling what came before; a build posts progress every 65,536 steps and
 * each message resets the clock. So a long legitimate build never trips the deadline, only a
 * stretch of `deadlineMs` with no message at all while something is owed. When idle, a ping goes
 * out every `deadlineMs / 2`, so a worker that died quietly is noticed without any user action.
 */
import type { Transport } from '../protocol/transport';
import type { FromEngine, ToEngine } from '../protocol/messages';
import { checkEngineMessage } from './engineMessage';
import type { RunBounds } from './engineMessage';

export type FaultKind = 'crash' | 'hang' | 'garbage';

export interface Fault {
  kind: FaultKind;
  /** One line: what was seen. */
  detail: string;
}

/**
 * Silence that counts as a hang: 20 s with no message while an answer is due. A build reports
 * progress every 65,536 steps, a few hundredths of a second apart on an idle machine; on a loaded
 * 2-core machine and the biggest preset the gaps stay well under a second. Twenty seconds is two
 * orders of magnitude above that and still short enough for a person waiting.
 */
export const DEFAULT_DEADLINE_MS = 20_000;

export interface SupervisorClock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realClock: SupervisorClock = {
  now: () => performance.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

export interface SupervisorOptions {
  /** Makes a fresh transport (a new worker). */
  connect: () => Transport;
  /** Valid messages, in order. */
  onMessage: (msg: FromEngine) => void;
  onFault: (fault: Fault) => void;
  /** The runs snapshots may belong to, for the bounds checks. */
  runs: () => readonly RunBounds[];
  /** Silence that counts as a hang; 0 or less turns liveness checks off. */
  deadlineMs?: number;
  clock?: SupervisorClock;
}

export interface Supervisor {
  send(msg: ToEngine): void;
  /** Closes the current transport (terminating its worker) and starts a fresh one on next send. */
  restart(): void;
  /** The engine is building a trace (a 'load' has had neither 'ready' nor 'error'). */
  readonly building: boolean;
  close(): void;
}

/** Messages the engine answers; only these make the supervisor wait for a pong. */
const ANSWERED: ReadonlySet<ToEngine['type']> = new Set([
  'load',
  'seek',
  'move',
  'play',
  'inspect',
]);

export function createSupervisor(opts: SupervisorOptions): Supervisor {
  const clock = opts.clock ?? realClock;
  const deadline = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  let transport: Transport | null = null;
  let offMessage: () => void = () => {};
  let offFault: () => void = () => {};
  /** Bumped on every restart: callbacks of an old transport check it and fall silent. */
  let generation = 0;
  let lastHeard = 0;
  let pingId = 0;
  let pingOwed: number | null = null;
  let pingSentAt = 0;
  /** Load ids sent and not yet answered by 'ready' or 'error'. */
  const building = new Set<number>();
  let timer: unknown = null;
  let closed = false;

  const stopTimer = () => {
    if (timer !== null) clock.clearInterval(timer);
    timer = null;
  };

  const fault = (f: Fault) => {
    if (closed) return;
    teardown();
    opts.onFault(f);
  };

  const teardown = () => {
    generation += 1;
    stopTimer();
    offMessage();
    offFault();
    const t = transport;
    transport = null;
    pingOwed = null;
    building.clear();
    t?.close();
  };

  const ping = () => {
    if (!transport || pingOwed !== null) return;
    pingId += 1;
    pingOwed = pingId;
    pingSentAt = clock.now();
    transport.send({ v: 1, type: 'ping', id: pingId });
  };

  const tick = () => {
    if (!transport) return;
    const now = clock.now();
    const owed = pingOwed !== null || building.size > 0;
    // Silence counts from the last message, or from the ping if the page was quiet before it.
    const quiet = now - Math.max(lastHeard, pingSentAt);
    if (owed && quiet > deadline) {
      const since = Math.round(quiet / 1000);
      fault({
        kind: 'hang',
        detail:
          building.size > 0
            ? `the engine stopped reporting while building the trace (silent for ${since} s)`
            : `the engine stopped answering (silent for ${since} s)`,
      });
      return;
    }
    // Idle heartbeat, and a ping during long builds (answered when the build is done).
    if (pingOwed === null && quiet >= deadline / 2) ping();
  };

  const start = (): Transport => {
    if (transport) return transport;
    const gen = generation;
    const t = opts.connect();
    transport = t;
    lastHeard = clock.now();
    offMessage = t.onMessage((data: unknown) => {
      if (gen !== generation) return;
      lastHeard = clock.now();
      const checked = checkEngineMessage(data, opts.runs());
      if (!checked.ok) return fault({ kind: 'garbage', detail: checked.error });
      const msg = checked.msg;
      if (msg.type === 'pong') {
        if (msg.id === pingOwed) pingOwed = null;
        return;
      }
      if (msg.type === 'ready') building.delete(msg.info.loadId);
      else if (msg.type === 'error' && msg.loadId !== undefined) building.delete(msg.loadId);
      opts.onMessage(msg);
    });
    offFault =
      t.onFault?.((why) => {
        if (gen === generation) fault({ kind: 'crash', detail: why });
      }) ?? (() => {});
    if (deadline > 0) timer = clock.setInterval(tick, Math.max(50, Math.min(1000, deadline / 4)));
    return t;
  };

  return {
    send(msg) {
      if (closed) return;
      const t = start();
      if (msg.type === 'load') building.add(msg.loadId);
      t.send(msg);
      if (deadline > 0 && ANSWERED.has(msg.type)) ping();
    },
    restart() {
      teardown();
    },
    get building() {
      return building.size > 0;
    },
    close() {
      teardown();
      closed = true;
    },
  };
}
