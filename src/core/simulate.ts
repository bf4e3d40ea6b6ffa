import { buildReport } from './report';
import type { Report } from './report';
import { simulate2620 } from './run';
import { simulate2617 } from './run-legacy';
import type { Run, SimulateOptions } from './run';
import { parseScenario, scenarioForModel } from './scenario/parse';
import { simulate612 } from './run-612';
import type { ModelId, Scenario } from './scenario/types';

/** Runs a validated scenario under its model (or `model` when given). */
export function simulate(scenario: Scenario, model?: ModelId, opts: SimulateOptions = {}): Run {
  let s = scenario;
  if (model && model !== scenario.model) {
    const r = scenarioForModel(scenario, model);
    if (!r.ok) throw new Error(r.error);
    s = r.scenario;
  }
  if (s.model === 'linux-2.6.17') return simulate2617(s, opts);
  if (s.model === 'linux-6.12') return simulate612(s, opts);
  return simulate2620(s, opts);
}

export type SimulateResult = { ok: true; run: Run; report: Report } | { ok: false; error: string };

/**
 * Validates, runs and reports; every problem is a message, nothing throws. `record: false` skips
 * the step log, which the report does not need (the run's trace then cannot be replayed).
 */
export function simulateDocument(
  doc: unknown,
  opts: { model?: ModelId; pairs?: boolean; record?: boolean } = {},
): SimulateResult {
  const parsed = parseScenario(doc, opts.model);
  if (!parsed.ok) return parsed;
  try {
    const run = simulate(parsed.scenario, opts.model, { record: opts.record });
    return { ok: true, run, report: buildReport(run, opts.pairs ?? false) };
  } catch (e) {
    return { ok: false, error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
