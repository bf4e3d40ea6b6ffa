/**
 * Turning a 'load' request's source into a scenario: resolve the preset or document and validate
 * it. Every problem comes back as a value, never as an exception.
 */
import { getPreset, parseScenario, presetNames } from '../core';
import type { Scenario, simulate } from '../core';
import type { ScenarioSource } from '../protocol/messages';

export type Simulate = typeof simulate;

export type Resolved = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function resolveSource(source: ScenarioSource): Resolved {
  let doc: unknown;
  if (source.kind === 'preset') {
    const preset = getPreset(source.name);
    if (!preset) {
      return {
        ok: false,
        error: `unknown preset "${source.name}" (known: ${presetNames().join(', ')})`,
      };
    }
    doc = preset.doc;
  } else {
    doc = source.doc;
  }
  const parsed = parseScenario(doc);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}
