/**
 * Scenario files in and out. Out: the scenario of the run shown as a `swsusp-viz/scenario@1`
 * document, with the model it ran on written in, so `simulate FILE` and "Open scenario file" both
 * give the same run. In: a file's bytes checked the way the CLI checks them (size, encoding, JSON,
 * then the scenario schema), each problem one line that says what to fix.
 */
import { decodeScenarioBytes, getPreset, parseJson, parseScenario, Schema } from '../../core';
import type { ModelId } from '../../core';
import type { ScenarioSource } from '../../protocol/messages';

/** The CLI's limit (src/cli/input.ts), so a file the page opens is one `simulate` takes too. */
export const SCENARIO_FILE_LIMIT = 16 * 1024 * 1024;

/** The document of the run shown: the preset's or one's own, on `model`. */
export function scenarioDocument(source: ScenarioSource, model: ModelId): unknown {
  const doc = source.kind === 'preset' ? getPreset(source.name)?.doc : source.doc;
  if (typeof doc !== 'object' || doc === null) return null;
  return { ...(structuredClone(doc) as Record<string, unknown>), model };
}

/** The file's text: two-space JSON and a final newline, as the presets are written. */
export function scenarioText(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type ReadScenario = { ok: true; doc: unknown } | { ok: false; error: string };

const fmt = (n: number) => n.toLocaleString('en-US');

function tooBig(size: number, fileName: string): ReadScenario {
  return {
    ok: false,
    error: `${Schema.quote(fileName, 60)} is ${fmt(size)} bytes; a scenario file is at most 16 MiB.`,
  };
}

/** Checks a scenario file's bytes; `fileName` names it in the message. */
export function checkScenarioBytes(bytes: Uint8Array, fileName: string): ReadScenario {
  const name = Schema.quote(fileName, 60);
  if (bytes.length > SCENARIO_FILE_LIMIT) return tooBig(bytes.length, fileName);
  const text = decodeScenarioBytes(bytes, name);
  if (!text.ok) return { ok: false, error: `${text.error}.` };
  const json = parseJson(text.text);
  if (!json.ok) return { ok: false, error: `${name} is ${json.error}.` };
  const parsed = parseScenario(json.value);
  if (!parsed.ok) return { ok: false, error: `${name} is not a valid scenario: ${parsed.error}.` };
  return { ok: true, doc: json.value };
}

/** Reads and checks a file the user picked or dropped (too big a file is refused unread). */
export async function readScenarioFile(file: File): Promise<ReadScenario> {
  if (file.size > SCENARIO_FILE_LIMIT) return tooBig(file.size, file.name);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${Schema.quote(file.name, 60)} could not be read: ${why}.` };
  }
  return checkScenarioBytes(bytes, file.name);
}
