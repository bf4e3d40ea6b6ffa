/**
 * The invariants restore safety rests on, per model, checked step by step. A model declares its
 * checks here (its factory gets the finished run); the engine checks the step it shows live, and
 * `auditInvariants` checks every step of a run once, in one pass over the flags and registers.
 */
import { BM_COPY, BM_ORIG } from '../marks';
import type { Run } from '../run';
import { kindInfo } from '../source/catalogue';
import type { FrameState } from '../state';
import { ARR_FLAGS, ARR_REGS, INDEX_BITS, INDEX_MASK } from '../trace/arrays';
import { linux2617Invariants } from './linux-2.6.17';
import { linux2620Invariants } from './linux-2.6.20';
import { linux612Invariants } from './linux-6.12';
import type { InvariantCheck, InvariantContext, InvariantFactory, InvariantSummary } from './types';

export type { InvariantCheck, InvariantContext, InvariantFactory, InvariantSummary };

const FACTORIES = new Map<string, InvariantFactory>([
  ['linux-2.6.20', linux2620Invariants],
  ['linux-2.6.17', linux2617Invariants],
  ['linux-6.12', linux612Invariants],
]);

/** Declares (or replaces) the invariant checks of a model. */
export function registerInvariants(model: string, factory: InvariantFactory): void {
  FACTORIES.set(model, factory);
}

/** The checks of the run's model (none for a model that declares none). */
export function invariantsFor(run: Run): InvariantCheck[] {
  return FACTORIES.get(run.scenario.model)?.(run) ?? [];
}

/** Which checks rely on each kind of step: the per-step lookup stays a map read. */
export function checksByKey(checks: readonly InvariantCheck[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  checks.forEach((c, i) => {
    for (const k of c.kinds) out.set(k, [...(out.get(k) ?? []), i]);
  });
  return out;
}

/** Result of one check at one step: null = holds. */
export interface StepCheck {
  index: number;
  failure: string | null;
}

/**
 * Checks the state after step `step` (e.g. the engine's cursor) against every invariant that step
 * relies on. `origBits` and `copyBits` count the frames with an orig_bm / copy_bm bit.
 */
export function checkStep(
  run: Run,
  checks: readonly InvariantCheck[],
  byKey: Map<string, number[]>,
  state: FrameState,
  step: number,
  origBits: number,
  copyBits: number,
): StepCheck[] {
  if (step < 0 || step >= run.trace.steps) return [];
  const key = kindInfo(run.trace.columns.line[step]).name;
  const which = byKey.get(key);
  if (!which) return [];
  const ctx: InvariantContext = {
    trace: run.trace,
    step,
    key,
    flags: state.flags,
    regs: state.regs,
    origBits,
    copyBits,
  };
  return which.map((index) => ({ index, failure: checks[index].check(ctx) }));
}

/**
 * Checks every step of the run: replays only the flags and the registers (content and roles no
 * check reads), keeping the orig_bm / copy_bm bit counts as they change.
 */
export function auditInvariants(
  run: Run,
  checks: readonly InvariantCheck[] = invariantsFor(run),
): InvariantSummary[] {
  const trace = run.trace;
  const out: InvariantSummary[] = checks.map((c) => ({
    id: c.id,
    statement: c.statement,
    checks: 0,
    firstCheck: -1,
    lastCheck: -1,
    firstFailure: -1,
    failure: null,
  }));
  if (checks.length === 0) return out;
  const byKey = checksByKey(checks);
  // Checks per line id, resolved once: the loop below then reads arrays only.
  const relied: (number[] | null | undefined)[] = [];
  const flags = trace.initial.flags.slice();
  const regs = trace.initial.regs.slice();
  const count = (bit: number) => {
    let n = 0;
    for (let i = 0; i < flags.length; i++) if (flags[i] & bit) n++;
    return n;
  };
  let origBits = count(BM_ORIG);
  let copyBits = count(BM_COPY);
  const bulk = [...trace.bulk].sort((a, b) => a.step - b.step);
  let nextBulk = 0;
  const { line, changeStart } = trace.columns;
  const ch = trace.changes;
  const steps = trace.steps;
  const shift = INDEX_BITS;
  const mask = INDEX_MASK;
  const ctx: InvariantContext = { trace, step: 0, key: '', flags, regs, origBits, copyBits };
  for (let step = 0; step < steps; step++) {
    if (nextBulk < bulk.length && bulk[nextBulk].step === step) {
      flags.set(bulk[nextBulk++].after.flags);
      origBits = count(BM_ORIG);
      copyBits = count(BM_COPY);
    }
    const end = step + 1 < steps ? changeStart[step + 1] : ch.length / 3;
    for (let c = changeStart[step]; c < end; c++) {
      const t = ch[3 * c];
      const arr = t >>> shift;
      if (arr === ARR_REGS) regs[t & mask] = ch[3 * c + 2];
      else if (arr === ARR_FLAGS) {
        const after = ch[3 * c + 2];
        const diff = ch[3 * c + 1] ^ after;
        if (diff & BM_ORIG) origBits += after & BM_ORIG ? 1 : -1;
        if (diff & BM_COPY) copyBits += after & BM_COPY ? 1 : -1;
        flags[t & mask] = after;
      }
    }
    const id = line[step];
    let which = relied[id];
    if (which === undefined) which = relied[id] = byKey.get(kindInfo(id).name) ?? null;
    if (which === null) continue;
    ctx.step = step;
    ctx.key = kindInfo(id).name;
    ctx.origBits = origBits;
    ctx.copyBits = copyBits;
    for (const i of which) {
      const s = out[i];
      s.checks++;
      if (s.firstCheck < 0) s.firstCheck = step;
      s.lastCheck = step;
      if (s.firstFailure >= 0) continue;
      const failure = checks[i].check(ctx);
      if (failure !== null) {
        s.firstFailure = step;
        s.failure = failure;
      }
    }
  }
  return out;
}
