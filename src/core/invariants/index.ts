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
import type { Trace } from '../trace/trace';
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
  const audit = new InvariantAudit(run.trace, checks);
  audit.advance(run.trace, checks);
  return audit.summary;
}

/**
 * The audit of a trace that is still growing (trace/chunks.ts): `advance` checks the steps
 * traced since the last call, so a run is audited piece by piece as it arrives, with the same
 * result as one pass over the finished run. The checks are made afresh from the trace as it is at
 * each call (a model's factory reads the tables, which grow with the run).
 */
export class InvariantAudit {
  readonly summary: InvariantSummary[];
  /** Steps audited so far. */
  step = 0;
  private readonly flags: Uint8Array;
  private readonly regs: Int32Array;
  private origBits: number;
  private copyBits: number;
  /** Checks per line id, resolved once: the loop then reads arrays only. */
  private readonly relied: (number[] | null | undefined)[] = [];

  constructor(trace: Trace, checks: readonly InvariantCheck[]) {
    this.summary = checks.map((c) => ({
      id: c.id,
      statement: c.statement,
      checks: 0,
      firstCheck: -1,
      lastCheck: -1,
      firstFailure: -1,
      failure: null,
    }));
    this.flags = trace.initial.flags.slice();
    this.regs = trace.initial.regs.slice();
    this.origBits = countFlag(this.flags, BM_ORIG);
    this.copyBits = countFlag(this.flags, BM_COPY);
  }

  /** Checks the steps from the last call's end up to `trace.steps`. */
  advance(trace: Trace, checks: readonly InvariantCheck[]): void {
    const steps = trace.steps;
    if (checks.length === 0) {
      this.step = steps;
      return;
    }
    const out = this.summary;
    const byKey = checksByKey(checks);
    const relied = this.relied;
    const { flags, regs } = this;
    let { origBits, copyBits } = this;
    const bulk = new Map(trace.bulk.map((b) => [b.step, b]));
    const { line, changeStart } = trace.columns;
    const ch = trace.changes;
    const shift = INDEX_BITS;
    const mask = INDEX_MASK;
    const ctx: InvariantContext = { trace, step: 0, key: '', flags, regs, origBits, copyBits };
    for (let step = this.step; step < steps; step++) {
      const b = bulk.get(step);
      if (b) {
        flags.set(b.after.flags);
        origBits = countFlag(flags, BM_ORIG);
        copyBits = countFlag(flags, BM_COPY);
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
    this.step = steps;
    this.origBits = origBits;
    this.copyBits = copyBits;
  }
}

function countFlag(flags: Uint8Array, bit: number): number {
  let n = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i] & bit) n++;
  return n;
}
