/**
 * The invariants panel's rows for one state: the running model's checks (src/core/invariants),
 * audited over the whole run (where the run was traced, or here piece by piece while a long run
 * is still being traced), and checked live on the step the state shows.
 */
import { checkStep, checksByKey, InvariantAudit, invariantsFor } from '../core';
import type { InvariantCheck, InvariantSummary, Run } from '../core';
import type { InvariantRow } from '../protocol/messages';
import type { Cursor } from './cursor';

export class InvariantMonitor {
  private checks: InvariantCheck[];
  private byKey: Map<string, number[]>;
  private audit: InvariantSummary[];
  /** The audit of a run still being traced, advanced as it grows; null once the run is done. */
  private partial: InvariantAudit | null;

  /** `audit`: the finished run's audit; null while the run is still being traced. */
  constructor(
    private readonly run: Run,
    audit: InvariantSummary[] | null,
  ) {
    this.checks = invariantsFor(run);
    this.byKey = checksByKey(this.checks);
    this.partial = audit ? null : new InvariantAudit(run.trace, this.checks);
    this.audit = audit ?? this.partial!.summary;
    this.partial?.advance(run.trace, this.checks);
  }

  /**
   * The trace grew: the checks are made again from it (some read its tables) and the new steps
   * audited. A check that looks ahead to the run's end (safe-homes reads what the boot kernel
   * took in the end) sees the run as far as it is traced until `finish` brings the exact audit.
   */
  grew(): void {
    this.checks = invariantsFor(this.run);
    this.byKey = checksByKey(this.checks);
    this.partial?.advance(this.run.trace, this.checks);
  }

  /** The run is done: its whole audit replaces the one built as it grew. */
  finish(audit: InvariantSummary[]): void {
    this.checks = invariantsFor(this.run);
    this.byKey = checksByKey(this.checks);
    this.partial = null;
    this.audit = audit;
  }

  /** The whole run's audit: first failure of each invariant (for reports and tests). */
  get summary(): readonly InvariantSummary[] {
    return this.audit;
  }

  /** The rows for the cursor's state, which shows step `cursor.pos - 1`. */
  rows(cursor: Cursor): InvariantRow[] {
    const step = cursor.pos - 1;
    const live = checkStep(
      this.run,
      this.checks,
      this.byKey,
      cursor.state,
      step,
      cursor.bits[0],
      cursor.bits[1],
    );
    return this.audit.map((a, i): InvariantRow => {
      const now = live.find((l) => l.index === i);
      const base = { id: a.id, statement: a.statement, relied: now !== undefined };
      if (now && now.failure !== null) {
        return { ...base, status: 'fails', failedAt: step, detail: now.failure };
      }
      if (a.firstFailure >= 0 && a.firstFailure < step) {
        return { ...base, status: 'fails', failedAt: a.firstFailure, detail: a.failure };
      }
      if (now) return { ...base, status: 'holds', failedAt: null, detail: null };
      if (a.firstCheck >= 0 && a.firstCheck < step) {
        return { ...base, status: 'held', failedAt: null, detail: null };
      }
      return {
        ...base,
        // While the run is still being traced a check no step relied on yet may still be used.
        status: a.checks === 0 && !this.partial ? 'unused' : 'pending',
        failedAt: null,
        detail: null,
      };
    });
  }
}
