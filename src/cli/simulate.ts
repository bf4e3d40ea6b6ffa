/**
 * `npm run --silent simulate -- <scenario.json | -> [--pairs] [--model ID]`
 * `npm run --silent simulate -- --preset <name> [--pairs] [--model ID]`
 *
 * Prints the swsusp-viz/report@1 JSON of one run. Exit 0 for a completed run (a failed suspend is
 * a result too); exit 2 with one line on standard error for a bad file, bad JSON, an invalid
 * scenario or an unknown option.
 */
import { readFileSync } from 'node:fs';
import { getPreset, MODELS, presetNames, simulateDocument } from '../core';
import type { ModelId } from '../core';
import { parseArgs } from './args';

function die(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
if (!args.ok) die(args.error);
const { source, pairs, model } = args.value;
if (model !== undefined && !MODELS.includes(model as ModelId)) {
  die(`--model: expected one of ${MODELS.join(', ')}, got "${model}"`);
}

let doc: unknown;
if (source.kind === 'preset') {
  const p = getPreset(source.name);
  if (!p) die(`--preset: unknown preset "${source.name}" (known: ${presetNames().join(', ')})`);
  doc = p.doc;
} else {
  let text: string;
  try {
    text = readFileSync(source.path === '-' ? 0 : source.path, 'utf8');
  } catch (e) {
    die(
      `cannot read ${source.path === '-' ? 'standard input' : source.path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  try {
    doc = JSON.parse(text);
  } catch (e) {
    die(
      `${source.path === '-' ? 'standard input' : source.path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

// The report needs no step log: record none.
const result = simulateDocument(doc, {
  pairs,
  model: model as ModelId | undefined,
  record: false,
});
if (!result.ok) die(`invalid scenario: ${result.error}`);
process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
