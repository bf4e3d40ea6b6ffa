/**
 * `npm run --silent simulate -- <scenario.json | -> [--pairs | --steps] [--model ID]`
 * `npm run --silent simulate -- --preset <name> [--pairs | --steps] [--model ID]`
 *
 * Prints the swsusp-viz/report@1 JSON of one run, or with --steps its step trace, one JSON object
 * per line per step. Exit 0 for a completed run (a failed suspend is
 * a result too); exit 2 with one line on standard error for a bad file, bad JSON, an invalid
 * scenario or an unknown option; exit 3 when the report cannot be written (closed or full output).
 */
import { getPreset, MODELS, parseJson, presetNames, simulateDocument, stepTrace } from '../core';
import type { ModelId } from '../core';
import { parseArgs } from './args';
import { inputName, readInput } from './input';
import { die, guardCrashes, guardStdout, writeOut, writeSteps } from './output';

guardCrashes();
guardStdout();

const args = parseArgs(process.argv.slice(2));
if (!args.ok) die(args.error);
const { source, pairs, steps, model } = args.value;
if (model !== undefined && !MODELS.includes(model as ModelId)) {
  die(`--model: expected one of ${MODELS.join(', ')}, got "${model}"`);
}

let doc: unknown;
if (source.kind === 'preset') {
  const p = getPreset(source.name);
  if (!p) die(`--preset: unknown preset "${source.name}" (known: ${presetNames().join(', ')})`);
  doc = p.doc;
} else {
  const input = await readInput(source.path);
  if (!input.ok) die(input.error);
  const json = parseJson(input.text);
  if (!json.ok) die(`${inputName(source.path)} is ${json.error}`);
  doc = json.value;
}

// The report needs no step log: record none, unless the steps are asked for.
const result = simulateDocument(doc, {
  pairs,
  model: model as ModelId | undefined,
  record: steps,
});
if (!result.ok) die(`invalid scenario: ${result.error}`);
if (steps) await writeSteps(stepTrace(result.run));
else writeOut(`${JSON.stringify(result.report, null, 2)}\n`);
