/**
 * `npm run bench` prints a table; `npm run --silent bench -- --json` prints one
 * `swsusp-viz/bench@1` JSON object: per machine a `trace` entry (load time, the plain-pass
 * yardstick and heap) and a `seek` entry (random seeks and ±1 steps). See measure.ts.
 */
import { benchMachines, generatedMachine } from './machines';
import { hasGc, measureMachine } from './measure';
import type { MachineResult } from './measure';
import { humanReport } from './report';

const json = process.argv.includes('--json');
// --only a,b: measure just those machines (by preset name, e.g. generated-65536 or i386-4g)
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
// Warm-up on a small machine, not reported: the first run otherwise pays for JIT compilation.
measureMachine(generatedMachine(16384), 100, 100);
const results: MachineResult[] = [];
for (const m of benchMachines().filter((b) => !only || only.has(b.preset))) {
  if (!json) process.stderr.write(`measuring ${m.preset}…\n`);
  results.push(measureMachine(m));
}

if (json) {
  const out = {
    format: 'swsusp-viz/bench@1',
    trace: results.map((r) => r.trace),
    seek: results.map((r) => r.seek),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  process.stdout.write(`${humanReport(results, hasGc())}\n`);
}
