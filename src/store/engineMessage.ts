/**
 * The page never trusts the worker: every message is checked here before the store reads it.
 * First its shape (the valibot schema in src/protocol/schema.ts), then what the shape cannot say:
 * a snapshot's step lies within its run, its frame arrays have one byte per frame, a delta's four
 * arrays have one entry per pfn and every pfn is a frame. Garbage becomes a one-line reason and
 * never an exception.
 */
import * as v from 'valibot';
import type { FromEngine, RunInfo } from '../protocol/messages';
import { FromEngineSchema } from '../protocol/schema';

export type Checked = { ok: true; msg: FromEngine } | { ok: false; error: string };

/** The run a snapshot is checked against: its size and its last state. */
export interface RunBounds {
  loadId: number;
  frames: number;
  totalSteps: number;
}

/** Longest piece of a value quoted in a reason, so garbage never floods the banner. */
const QUOTE_MAX = 60;

function quote(x: unknown): string {
  let s: string;
  try {
    s = typeof x === 'string' ? JSON.stringify(x) : String(JSON.stringify(x) ?? typeof x);
  } catch {
    s = typeof x;
  }
  // Control characters would reach the page's text as invisible or line-breaking noise.
  s = s.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s;
}

function describe(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  const type = (issue.path?.[0]?.input as { type?: unknown } | undefined)?.type;
  const where = typeof type === 'string' ? `'${type.slice(0, 20)}' message` : 'message';
  return `${where}${path ? `, ${path}` : ''}: ${issue.message} (got ${quote(issue.input)})`;
}

function bad(error: string): Checked {
  return { ok: false, error };
}

/**
 * Checks one message from the engine. `runs` are the runs a snapshot may belong to (the one shown
 * and the one just announced by 'ready'); a snapshot of any other load is stale, not garbage, and
 * is accepted here for the store to drop.
 */
export function checkEngineMessage(data: unknown, runs: readonly RunBounds[]): Checked {
  let parsed: ReturnType<typeof v.safeParse<typeof FromEngineSchema>>;
  try {
    parsed = v.safeParse(FromEngineSchema, data, { abortEarly: true });
  } catch (e) {
    // A getter or proxy in a hostile object can throw while being read.
    return bad(`message could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!parsed.success) {
    if (typeof data !== 'object' || data === null)
      return bad(`message: expected an object, got ${quote(data)}`);
    return bad(describe(parsed.issues[0]));
  }
  // The schema's output drops unknown keys; the input itself is passed on, so transferred typed
  // arrays stay the same objects and nothing is copied per snapshot.
  const msg = data as FromEngine;
  if (msg.type === 'ready' || msg.type === 'traced') return checkReady(msg);
  if (msg.type !== 'snapshot') return { ok: true, msg };
  const run = runs.find((r) => r.loadId === msg.loadId);
  if (!run) return { ok: true, msg };
  if (msg.step > run.totalSteps)
    return bad(`'snapshot' message: step ${msg.step} is past the run's end (${run.totalSteps})`);
  if (msg.panels.step !== msg.step)
    return bad(`'snapshot' message: panels.step ${msg.panels.step} is not step ${msg.step}`);
  if (msg.frames) {
    const { role, flags, match } = msg.frames;
    if (role.length !== run.frames || flags.length !== run.frames || match.length !== run.frames)
      return bad(
        `'snapshot' message: frames hold ${role.length}/${flags.length}/${match.length} entries, the run has ${run.frames} frames`,
      );
  } else if (msg.delta) {
    const { pfns, role, flags, match } = msg.delta;
    const n = pfns.length;
    if (role.length !== n || flags.length !== n || match.length !== n)
      return bad(
        `'snapshot' message: delta has ${n} pfns but ${role.length}/${flags.length}/${match.length} values`,
      );
    for (let i = 0; i < n; i++)
      if (pfns[i] >= run.frames)
        return bad(
          `'snapshot' message: delta pfn ${pfns[i]} is not a frame (0 to ${run.frames - 1})`,
        );
  } else {
    return bad(`'snapshot' message: carries neither frames nor a delta`);
  }
  return { ok: true, msg };
}

function checkReady(msg: Extract<FromEngine, { type: 'ready' | 'traced' }>): Checked {
  const info: RunInfo = msg.info;
  const last = info.zones.at(-1);
  if (!last || last.end !== info.frames)
    return bad(
      `'${msg.type}' message: the zones end at ${last?.end ?? 0}, the run has ${info.frames} frames`,
    );
  for (const p of info.phases)
    if (p.start > p.end || p.end > info.totalSteps)
      return bad(
        `'${msg.type}' message: phase ${quote(p.name)} spans ${p.start}–${p.end}, outside the run's ${info.totalSteps} steps`,
      );
  return { ok: true, msg: { v: 1, type: msg.type, info } };
}
