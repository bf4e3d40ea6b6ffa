import type { Rejection } from '../schema/issues';
import { check } from '../schema/issues';
import { parseJson } from './json';
import { expandRuns, parseLayout, runAt } from './layout';
import type { LayoutError } from './layout';
import { ScenarioDocumentSchema } from './schema';
import type { Scenario } from './types';

/**
 * A rejected scenario: `error` is the one-line message; `rejection` adds the field's path and, for
 * a layout or JSON text, the offset of the wrong character.
 */
export type ParseResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; error: string; rejection: Rejection | LayoutError };

/** Letters per side, and where they may sit (kernel-model.md §3). */
export const SUSPEND_LETTERS = 'FSCKNRX';
export const RESUME_LETTERS = 'FKNRXB';
const LOWMEM_ONLY = 'KN';
const HIGHMEM_ONLY = 'R';
/** Same kernel binary and firmware map on both sides. */
const FIXED = 'KNX';

function reject(rejection: Rejection | LayoutError): ParseResult {
  return { ok: false, error: rejection.message, rejection };
}

/** Parses JSON text (a leading byte order mark is allowed); a syntax error becomes a message. */
export function parseScenarioText(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok)
    return reject({ message: json.error, field: 'scenario', index: json.index, length: 1 });
  return parseScenario(json.value);
}

/**
 * Validates a `swsusp-viz/scenario@1` document with every rule of the format. Each rejection is
 * one line naming the field (and for layouts the zone and run). Nothing throws.
 */
export function parseScenario(doc: unknown): ParseResult {
  const checked = check(ScenarioDocumentSchema, doc, 'scenario');
  if (!checked.ok) return reject(withZoneName(checked.rejection, doc));
  const d = checked.value;
  try {
    const zones = d.zones;
    const total = zones.reduce((s, z) => s + z.pages, 0);
    const sus = parseLayout(
      'suspend',
      d.suspend,
      zones,
      SUSPEND_LETTERS,
      LOWMEM_ONLY,
      HIGHMEM_ONLY,
    );
    if (!sus.ok) return reject(sus.error);
    const res = parseLayout('resume', d.resume, zones, RESUME_LETTERS, LOWMEM_ONLY, HIGHMEM_ONLY);
    if (!res.ok) return reject(res.error);
    const suspend = expandRuns(sus.zones, total);
    const resume = expandRuns(res.zones, total);

    for (let pfn = 0; pfn < total; pfn++) {
      const a = suspend[pfn];
      const b = resume[pfn];
      if (a === b) continue;
      const sa = String.fromCharCode(a);
      const sb = String.fromCharCode(b);
      if (!FIXED.includes(sa) && !FIXED.includes(sb)) continue;
      const hit = runAt(res.zones, pfn);
      const zone =
        zones[res.zones.findIndex((runs) => hit !== undefined && runs.includes(hit.run))];
      return reject({
        message: `resume: zone ${zone?.name ?? '?'}, run ${(hit?.index ?? 0) + 1}, pfn ${pfn}: the suspend side has ${sa} and the resume side ${sb}; K, N and X must sit at the same pfns on both sides (same kernel binary, same firmware map)`,
        field: 'resume',
        index: hit?.run.at ?? 0,
        length: 1,
        zone: zone?.name,
        run: (hit?.index ?? 0) + 1,
      } satisfies LayoutError);
    }

    return {
      ok: true,
      scenario: {
        format: d.format,
        name: d.name,
        description: d.description,
        model: d.model,
        zones,
        pagesForIo: d.constants.pagesForIo,
        imageSize: d.constants.imageSize,
        swapPages: d.constants.swapPages,
        policy: d.allocator.policy,
        seed: d.allocator.seed ?? 0,
        suspend,
        resume,
        suspendLayout: d.suspend,
        resumeLayout: d.resume,
      },
    };
  } catch (e) {
    // A bug, not a user error; still one line, never an exception out of the validator.
    const message = `scenario: could not be checked (${e instanceof Error ? e.message : String(e)})`;
    return reject({ message, field: 'scenario' });
  }
}

/** "zones[1].pages: …" becomes "zones[1].pages: zone HighMem: …" when the zone has a name. */
function withZoneName(r: Rejection, doc: unknown): Rejection {
  const m = /^zones\[(\d+)\]\.(pages|highmem)$/.exec(r.field);
  if (!m || typeof doc !== 'object' || doc === null) return r;
  const zones = (doc as { zones?: unknown }).zones;
  const zone: unknown = Array.isArray(zones) ? zones[Number(m[1])] : undefined;
  const name = (zone as { name?: unknown } | undefined)?.name;
  if (typeof name !== 'string' || !['DMA', 'Normal', 'HighMem'].includes(name)) return r;
  const prefix = `${r.field}: `;
  if (r.message.slice(prefix.length).includes(name)) return r;
  return { ...r, message: `${prefix}zone ${name}: ${r.message.slice(prefix.length)}` };
}
