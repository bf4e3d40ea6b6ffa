import type { Rejection } from '../schema/issues';
import { check } from '../schema/issues';
import { parseJson } from './json';
import { expandRuns, parseLayout, runAt } from './layout';
import type { LayoutError } from './layout';
import { ScenarioDocumentSchema } from './schema';
import { KERNEL_IMAGE_SIZE_PAGES, MAX_PAGES_32BIT } from '../constants';
import type { ModelId, Scenario } from './types';

/**
 * A rejected scenario: `error` is the one-line message; `rejection` adds the field's path and, for
 * a layout or JSON text, the offset of the wrong character.
 */
export type ParseResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; error: string; rejection: Rejection | LayoutError };

/** Letters per side, and where they may sit (kernel-model.md §3). */
export const SUSPEND_LETTERS = 'FSCKNRX';
/** linux-6.12 adds Z (an all-zero page) and O (PageOffline) on the suspend side. */
export const SUSPEND_LETTERS_612 = 'FSCKNRXZO';
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
export function parseScenario(doc: unknown, modelOverride?: ModelId): ParseResult {
  const checked = check(ScenarioDocumentSchema, doc, 'scenario');
  if (!checked.ok) return reject(withZoneName(checked.rejection, doc));
  const d = checked.value;
  try {
    const zones = d.zones;
    const total = zones.reduce((s, z) => s + z.pages, 0);
    const model = modelOverride ?? d.model;
    const today = model === 'linux-6.12';
    if (!today) {
      const modern = /[ZO]/.exec(d.suspend);
      if (modern) return reject(modernLetter(modern[0], model, modern.index));
    }
    const imageSizeGiven = d.constants.imageSize;
    if (today && typeof imageSizeGiven === 'number' && imageSizeGiven > MAX_PAGES_32BIT) {
      return reject({ message: imageSizeTooBig(imageSizeGiven), field: 'constants.imageSize' });
    }
    const sus = parseLayout(
      'suspend',
      d.suspend,
      zones,
      today ? SUSPEND_LETTERS_612 : SUSPEND_LETTERS,
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
        model,
        zones,
        pagesForIo: d.constants.pagesForIo,
        imageSize: imageSizeGiven === undefined ? defaultImageSize(model, suspend) : imageSizeGiven,
        imageSizeIsDefault: imageSizeGiven === undefined,
        swapPages: d.constants.swapPages,
        reservedSize: d.constants.reservedSize,
        lowmemReserve: d.constants.lowmemReserve,
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

function modernLetter(letter: string, model: string, index: number): LayoutError {
  const what = letter === 'Z' ? 'an all-zero page' : 'a PageOffline page';
  return {
    message: `suspend: letter ${letter} (${what}) exists only in the linux-6.12 model, not in ${model}`,
    field: 'suspend',
    index,
    length: 1,
  };
}

function imageSizeTooBig(pages: number): string {
  return `constants.imageSize: linux-6.12 keeps image_size as a 32-bit byte count, so at most ${MAX_PAGES_32BIT} pages, got ${pages}`;
}

const MANAGED = new Set(['F', 'S', 'C', 'Z'].map((c) => c.charCodeAt(0)));

/** totalram_pages() of the model: the F, S, C and Z frames of the suspend layout. */
export function totalram(suspend: Uint8Array): number {
  let n = 0;
  for (const c of suspend) if (MANAGED.has(c)) n++;
  return n;
}

/**
 * The image size a model takes when the file gives none: 2.6.20 and 2.6.17 use 500 MiB; linux-6.12
 * the kernel's ((totalram_pages() * 2) / 5) * PAGE_SIZE in a 32-bit unsigned long, read back in
 * pages (it wraps above 10 GiB of RAM).
 */
export function defaultImageSize(model: ModelId, suspend: Uint8Array): number {
  if (model !== 'linux-6.12') return KERNEL_IMAGE_SIZE_PAGES;
  return Math.floor((2 * totalram(suspend)) / 5) % (MAX_PAGES_32BIT + 1);
}

/**
 * The scenario as another model reads it: the letters must be that model's, and a default image
 * size is that model's default. A message when the layout uses Z or O outside linux-6.12.
 */
export function scenarioForModel(
  s: Scenario,
  model: ModelId,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (s.model === model) return { ok: true, scenario: s };
  if (model !== 'linux-6.12') {
    const z = s.suspend.indexOf(90); // Z
    const o = s.suspend.indexOf(79); // O
    if (z >= 0 || o >= 0) {
      const letter = z >= 0 ? 'Z' : 'O';
      const what = letter === 'Z' ? 'an all-zero page' : 'a PageOffline page';
      return {
        ok: false,
        error: `suspend: letter ${letter} (${what}, pfn ${z >= 0 ? z : o}) exists only in the linux-6.12 model, not in ${model}`,
      };
    }
  }
  let imageSize = s.imageSize;
  if (s.imageSizeIsDefault) imageSize = defaultImageSize(model, s.suspend);
  else if (model === 'linux-6.12' && imageSize !== null && imageSize > MAX_PAGES_32BIT)
    return { ok: false, error: imageSizeTooBig(imageSize) };
  return { ok: true, scenario: { ...s, model, imageSize } };
}
