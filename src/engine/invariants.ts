/**
 * The invariants panel's rows for one state: the running model's checks (src/core/invariants),
 * audited over the whole run once at load, and checked live on the step the state shows.
 */
import { auditInvariants, checkStep, checksByKey, invariantsFor } from '../core';
import type { InvariantCheck, InvariantSummary, Run } from '../core';
import type { InvariantRow } from '../protocol/messages';
import type { Cursor } from './cursor';

export class InvariantMonitor {
  private readonly checks: InvariantCheck[];
  private readonly byKey: Map<string, number[]>;
  private readonly audit: InvariantSummary[];

  constructor(private readonly run: Run) {
    this.checks = invariantsFor(run);
    this.byKey = checksByKey(this.checks);
    this.audit = auditInvariants(run, this.checks);
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
        status: a.checks === 0 ? 'unused' : 'pending',
        failedAt: null,
        detail: null,
      };
    });
  }
}
