/**
 * Counts, per preset and model, the steps whose narration is a sentence and the steps whose
 * narration is an internal key ("function: key"), and prints one JSON object per preset × model.
 * `npx tsx scripts/narration-count.ts`
 */
import { getPreset, MODELS, narrate, parseScenario, presetNames, simulate } from '../src/core';

const RAW_KEY = /^[a-z_0-9]+: [a-z0-9]+\.[a-z0-9]+$|\b[a-z]+\.[a-z0-9]+\b/;
const total: Record<string, { steps: number; narrated: number; rawKey: number }> = {};
for (const name of presetNames()) {
  const p = getPreset(name);
  if (!p) continue;
  const parsed = parseScenario(p.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  for (const model of MODELS) {
    let run;
    try {
      run = simulate(parsed.scenario, model);
    } catch (e) {
      // A preset written for one model (6.12's Z and O letters) is refused by the others.
      console.log(JSON.stringify({ preset: name, model, skipped: (e as Error).message }));
      continue;
    }
    const ctx = { zoneNames: run.zones.map((z) => z.name) };
    let raw = 0;
    for (let i = 0; i < run.trace.steps; i++) if (RAW_KEY.test(narrate(run.trace, ctx, i))) raw++;
    const steps = run.trace.steps;
    const t = (total[model] ??= { steps: 0, narrated: 0, rawKey: 0 });
    t.steps += steps;
    t.narrated += steps - raw;
    t.rawKey += raw;
    console.log(JSON.stringify({ preset: name, model, steps, narrated: steps - raw, rawKey: raw }));
  }
}
for (const [model, t] of Object.entries(total)) console.log(JSON.stringify({ model, ...t }));
