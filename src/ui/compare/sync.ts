/**
 * Phase synchronisation of two runs of one scenario. Both runs are moved to the same phase and to
 * the same proportional position within it; a run that never reaches the phase (it failed earlier)
 * stays at its last step. Pure functions over the runs' phase spans (RunInfo.phases).
 */
import type { OutcomeName } from '../../core';
import type { PhaseSpan } from '../../protocol/messages';

export interface SyncRun {
  phases: readonly PhaseSpan[];
  totalSteps: number;
  outcome: OutcomeName;
}

/** The position both runs show: a phase id and how far into it (0 = before its first step, 1 = after its last). */
export interface SyncPos {
  phase: number;
  frac: number;
}

export interface RunTarget {
  /** The state to show (0 … totalSteps). */
  step: number;
  /** The run's span of this phase, or null if it never runs it. */
  span: PhaseSpan | null;
  /** The run ended before this phase. */
  endedBefore: boolean;
}

/** The phases either run goes through, in order. */
export function syncPhases(runs: readonly SyncRun[]): number[] {
  const ids = new Set<number>();
  for (const r of runs) for (const p of r.phases) if (p.end > p.start) ids.add(p.phase);
  return [...ids].sort((a, b) => a - b);
}

function spanOf(run: SyncRun, phase: number): PhaseSpan | null {
  return run.phases.find((p) => p.phase === phase && p.end > p.start) ?? null;
}

export function clampFrac(f: number): number {
  return Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0;
}

export function targetFor(run: SyncRun, pos: SyncPos): RunTarget {
  const span = spanOf(run, pos.phase);
  if (span) {
    const step = span.start + Math.round(clampFrac(pos.frac) * (span.end - span.start));
    return { step, span, endedBefore: false };
  }
  const later = run.phases.find((p) => p.phase > pos.phase && p.end > p.start);
  // A phase this run skips: show where the next one begins; past its last phase: its end.
  if (later) return { step: later.start, span: null, endedBefore: false };
  return { step: run.totalSteps, span: null, endedBefore: true };
}

/** The run failed and shows its last step: "stopped here". */
export function stoppedAt(run: SyncRun, step: number): boolean {
  return run.outcome !== 'restored' && step >= run.totalSteps;
}

/** Next phase: the start of the following phase, or the end of the last one. */
export function nextPos(phases: readonly number[], pos: SyncPos): SyncPos {
  const i = phases.indexOf(pos.phase);
  if (i < 0) return { phase: phases[0] ?? 0, frac: 0 };
  if (i + 1 < phases.length) return { phase: phases[i + 1], frac: 0 };
  return { phase: pos.phase, frac: 1 };
}

/** Previous phase: the start of this phase, or of the one before when already there. */
export function prevPos(phases: readonly number[], pos: SyncPos): SyncPos {
  const i = phases.indexOf(pos.phase);
  if (i < 0) return { phase: phases[0] ?? 0, frac: 0 };
  if (pos.frac > 0) return { phase: pos.phase, frac: 0 };
  if (i > 0) return { phase: phases[i - 1], frac: 0 };
  return pos;
}

export function atFirst(phases: readonly number[], pos: SyncPos): boolean {
  return phases.indexOf(pos.phase) <= 0 && pos.frac <= 0;
}

export function atLast(phases: readonly number[], pos: SyncPos): boolean {
  return phases.indexOf(pos.phase) === phases.length - 1 && pos.frac >= 1;
}

/** A position on a phase both runs have; a phase neither runs snaps to the nearest one they do. */
export function normalisePos(phases: readonly number[], pos: SyncPos): SyncPos {
  const frac = clampFrac(pos.frac);
  if (phases.length === 0 || phases.includes(pos.phase)) return { phase: pos.phase, frac };
  const later = phases.find((p) => p > pos.phase);
  if (later !== undefined) return { phase: later, frac: 0 };
  return { phase: phases[phases.length - 1], frac: 1 };
}
