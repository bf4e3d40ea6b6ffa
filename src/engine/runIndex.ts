/**
 * Per-run lookups built once after the trace: where phases and function calls start (for the
 * timeline and for moving by call or phase), and a few steps the panels refer back to.
 */
import { firstMarkedStep, KINDS, PHASE_NAMES } from '../core';
import type { Trace } from '../core';
import type { PhaseSpan } from '../protocol/messages';

export interface RunIndex {
  phases: PhaseSpan[];
  /** Step indexes where the pseudocode function differs from the previous step's (0 included). */
  callStarts: Int32Array;
  /** The enough_free_mem() step, or -1: its n0/n1 are the counters' available/needed. */
  enoughFreeMemStep: number;
}

function phaseName(phase: number): string {
  return PHASE_NAMES[phase] ?? `phase ${phase}`;
}

export function buildPhases(trace: Trace): PhaseSpan[] {
  const col = trace.columns.phase;
  const spans: PhaseSpan[] = [];
  for (let i = 0; i < trace.steps; i++) {
    const last = spans[spans.length - 1];
    if (last && last.phase === col[i]) last.end = i + 1;
    else spans.push({ phase: col[i], name: phaseName(col[i]), start: i, end: i + 1 });
  }
  return spans;
}

export function buildCallStarts(trace: Trace): Int32Array {
  // Map kind ids to function indexes once, so the scan over millions of steps is array reads only.
  const fnOfKind = Int32Array.from(KINDS, (k) => k.fnIndex);
  const line = trace.columns.line;
  const out: number[] = [];
  let prev = -2;
  for (let i = 0; i < trace.steps; i++) {
    const fn = fnOfKind[line[i]];
    if (fn !== prev) out.push(i);
    prev = fn;
  }
  return Int32Array.from(out);
}

export function buildRunIndex(trace: Trace): RunIndex {
  return {
    phases: buildPhases(trace),
    callStarts: buildCallStarts(trace),
    enoughFreeMemStep: firstMarkedStep(trace, 'enough_free_mem'),
  };
}

export { phaseName };
