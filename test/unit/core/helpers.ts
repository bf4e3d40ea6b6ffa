import { kindInfo, simulateDocument } from '../../../src/core';
import type { Report, Run } from '../../../src/core';

/** Runs a scenario document that must be valid; fails the test with the message otherwise. */
export function run(doc: unknown, pairs = true): { run: Run; report: Report } {
  const r = simulateDocument(doc, { pairs });
  if (!r.ok) throw new Error(r.error);
  return { run: r.run, report: r.report };
}

/** p0 of every step whose pseudocode line is `key`, in step order. */
export function p0Of(run: Run, key: string): number[] {
  const c = run.trace.columns;
  const out: number[] = [];
  for (let i = 0; i < run.trace.steps; i++) if (kindInfo(c.line[i]).name === key) out.push(c.p0[i]);
  return out;
}

export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** The arguments of every step whose pseudocode line is `key`, in step order. */
export function argsOf(
  run: Run,
  key: string,
): { p0: number; p1: number; p2: number; n0: number; n1: number }[] {
  const c = run.trace.columns;
  const out = [];
  for (let i = 0; i < run.trace.steps; i++)
    if (kindInfo(c.line[i]).name === key)
      out.push({ p0: c.p0[i], p1: c.p1[i], p2: c.p2[i], n0: c.n0[i], n1: c.n1[i] });
  return out;
}
