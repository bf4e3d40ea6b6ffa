import {
  KERNEL_IMAGE_SIZE_PAGES,
  KERNEL_PAGES_FOR_IO,
  MAX_PAGES_32BIT,
  MAX_TOTAL_PAGES,
  SPARE_PAGES,
} from '../constants';
import { expandRuns, parseLayout } from './layout';
import { FORMAT, MODELS } from './types';
import type { ModelId, Policy, Scenario, ZoneName, ZoneSpec } from './types';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

const ZONE_ORDER: readonly ZoneName[] = ['DMA', 'Normal', 'HighMem'];
const POLICIES: readonly Policy[] = ['lowest-first', 'highest-first', 'random'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}

/** Parses JSON text; a syntax error becomes a message, never an exception. */
export function parseScenarioText(text: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseScenario(doc);
}

/**
 * Validates a `swsusp-viz/scenario@1` document with every rule of the format. Each rejection is
 * one message that names the field (and for layouts the zone and run). Nothing throws.
 */
export function parseScenario(doc: unknown, model?: ModelId): ParseResult {
  try {
    return validate(doc, model);
  } catch (e) {
    return fail(`invalid scenario: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Letters each model knows on the suspend side: Z and O exist only in linux-6.12. */
const SUSPEND_LETTERS = 'FSCKNRX';
const SUSPEND_LETTERS_612 = 'FSCKNRXZO';

function validate(doc: unknown, modelOverride?: ModelId): ParseResult {
  if (!isObject(doc)) return fail('scenario: expected a JSON object');
  if (doc.format !== FORMAT) {
    return fail(`format: expected "${FORMAT}", got ${JSON.stringify(doc.format)}`);
  }
  const name = doc.name ?? 'Untitled scenario';
  if (typeof name !== 'string') return fail('name: expected a string');
  const description = doc.description ?? '';
  if (typeof description !== 'string') return fail('description: expected a string');

  const docModel = (doc.model ?? 'linux-2.6.20') as ModelId;
  if (!MODELS.includes(docModel)) {
    return fail(`model: expected one of ${MODELS.join(', ')}, got ${JSON.stringify(doc.model)}`);
  }
  const model = modelOverride ?? docModel;
  const today = model === 'linux-6.12';

  const zonesResult = validateZones(doc.zones);
  if (typeof zonesResult === 'string') return fail(zonesResult);
  const zones = zonesResult;
  const total = zones.reduce((s, z) => s + z.pages, 0);
  if (total < 1 || total > MAX_TOTAL_PAGES) {
    return fail(`zones: total pages must be 1 to ${MAX_TOTAL_PAGES} (16 GiB), got ${total}`);
  }

  const constants = doc.constants ?? {};
  if (!isObject(constants)) return fail('constants: expected an object');
  const pagesForIo = constants.pagesForIo ?? KERNEL_PAGES_FOR_IO;
  if (!isCount(pagesForIo)) return fail('constants.pagesForIo: expected a whole number ≥ 0');
  const imageSizeGiven = constants.imageSize;
  if (imageSizeGiven !== undefined && imageSizeGiven !== null && !isCount(imageSizeGiven)) {
    return fail('constants.imageSize: expected a whole number of pages ≥ 0, or null for no limit');
  }
  if (today && typeof imageSizeGiven === 'number' && imageSizeGiven > MAX_PAGES_32BIT) {
    return fail(
      `constants.imageSize: linux-6.12 keeps image_size as a 32-bit byte count, so at most ${MAX_PAGES_32BIT} pages, got ${imageSizeGiven}`,
    );
  }
  const reservedSize = constants.reservedSize ?? SPARE_PAGES;
  if (!isCount(reservedSize) || reservedSize > MAX_PAGES_32BIT) {
    return fail(
      `constants.reservedSize: expected a whole number of pages from 0 to ${MAX_PAGES_32BIT} (reserved_size is a 32-bit byte count)`,
    );
  }
  const lowmemReserve = constants.lowmemReserve ?? 0;
  if (!isCount(lowmemReserve)) {
    return fail('constants.lowmemReserve: expected a whole number of pages ≥ 0');
  }
  const swapPages = constants.swapPages ?? null;
  if (swapPages !== null && !isCount(swapPages)) {
    return fail(
      'constants.swapPages: expected a whole number of pages ≥ 0, or null for unlimited swap',
    );
  }

  const allocator = doc.allocator ?? {};
  if (!isObject(allocator)) return fail('allocator: expected an object');
  const policy = (allocator.policy ?? 'lowest-first') as Policy;
  if (!POLICIES.includes(policy)) {
    return fail(
      `allocator.policy: expected one of ${POLICIES.join(', ')}, got ${JSON.stringify(allocator.policy)}`,
    );
  }
  let seed = 0;
  if (policy === 'random' || allocator.seed !== undefined) {
    const s = allocator.seed;
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 0xffffffff) {
      return fail(
        'allocator.seed: the random policy needs a seed, an unsigned 32-bit integer (0 to 4294967295)',
      );
    }
    seed = s;
  }

  if (typeof doc.suspend !== 'string')
    return fail('suspend: expected a layout string such as "N2 K6 S6 F34 | R1 S18 F13"');
  if (typeof doc.resume !== 'string')
    return fail('resume: expected a layout string such as "N2 K6 B3 F37 | R1 B2 F29"');
  if (!today) {
    const modern = /[ZO]/.exec(doc.suspend.replace(/\s/g, ''));
    if (modern) {
      return fail(
        `suspend: letter ${modern[0]} (${modern[0] === 'Z' ? 'an all-zero page' : 'a PageOffline page'}) exists only in the linux-6.12 model, not in ${model}`,
      );
    }
  }
  const suspendLetters = today ? SUSPEND_LETTERS_612 : SUSPEND_LETTERS;
  const sus = parseLayout('suspend', doc.suspend, zones, suspendLetters, 'KN', 'R');
  if (!sus.ok) return fail(sus.error);
  const res = parseLayout('resume', doc.resume, zones, 'FKNRXB', 'KN', 'R');
  if (!res.ok) return fail(res.error);
  const suspend = expandRuns(sus.zones, total);
  const resume = expandRuns(res.zones, total);

  const fixed = 'KNX';
  for (let pfn = 0; pfn < total; pfn++) {
    const a = String.fromCharCode(suspend[pfn]);
    const b = String.fromCharCode(resume[pfn]);
    if ((fixed.includes(a) || fixed.includes(b)) && a !== b) {
      const zone = zoneAt(zones, pfn);
      return fail(
        `resume: zone ${zone}, pfn ${pfn}: the suspend side has ${a} and the resume side ${b}; K, N and X must sit at the same pfns on both sides (same kernel binary, same firmware map)`,
      );
    }
  }

  // linux-6.12: image_size = ((totalram_pages() * 2) / 5) * PAGE_SIZE in a 32-bit unsigned long,
  // read back in pages; totalram counts the managed frames F, S, C, Z
  let imageSize: number | null;
  if (imageSizeGiven !== undefined) imageSize = imageSizeGiven;
  else if (today) imageSize = Math.floor((2 * totalram(suspend)) / 5) % (MAX_PAGES_32BIT + 1);
  else imageSize = KERNEL_IMAGE_SIZE_PAGES;

  return {
    ok: true,
    scenario: {
      format: FORMAT,
      name,
      description,
      model,
      zones,
      pagesForIo,
      imageSize,
      imageSizeIsDefault: imageSizeGiven === undefined,
      reservedSize,
      lowmemReserve,
      swapPages,
      policy,
      seed,
      suspend,
      resume,
      suspendLayout: doc.suspend,
      resumeLayout: doc.resume,
    },
  };
}

/**
 * The scenario as another model reads it: the letters must be that model's, and a default
 * image size is that model's default. Returns a message when the layout uses letters the model
 * does not know (Z and O exist only in linux-6.12).
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
      return {
        ok: false,
        error: `suspend: letter ${letter} (pfn ${z >= 0 ? z : o}) exists only in the linux-6.12 model, not in ${model}`,
      };
    }
  }
  let imageSize = s.imageSize;
  if (s.imageSizeIsDefault) {
    imageSize =
      model === 'linux-6.12'
        ? Math.floor((2 * totalram(s.suspend)) / 5) % (MAX_PAGES_32BIT + 1)
        : KERNEL_IMAGE_SIZE_PAGES;
  } else if (model === 'linux-6.12' && imageSize !== null && imageSize > MAX_PAGES_32BIT) {
    return {
      ok: false,
      error: `constants.imageSize: linux-6.12 keeps image_size as a 32-bit byte count, so at most ${MAX_PAGES_32BIT} pages, got ${imageSize}`,
    };
  }
  return { ok: true, scenario: { ...s, model, imageSize } };
}

const MANAGED = new Set(['F', 'S', 'C', 'Z'].map((c) => c.charCodeAt(0)));

/** totalram_pages() of the model: the F, S, C and Z frames of the suspend layout. */
export function totalram(suspend: Uint8Array): number {
  let n = 0;
  for (const c of suspend) if (MANAGED.has(c)) n++;
  return n;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function validateZones(raw: unknown): ZoneSpec[] | string {
  if (!Array.isArray(raw) || raw.length === 0) return 'zones: expected a non-empty array of zones';
  const zones: ZoneSpec[] = [];
  let lastOrder = -1;
  for (let i = 0; i < raw.length; i++) {
    const z: unknown = raw[i];
    const where = `zones[${i}]`;
    if (!isObject(z)) return `${where}: expected an object with name and pages`;
    const name = z.name as ZoneName;
    const order = ZONE_ORDER.indexOf(name);
    if (order < 0)
      return `${where}.name: expected DMA, Normal or HighMem, got ${JSON.stringify(z.name)}`;
    if (order <= lastOrder)
      return `${where}.name: zones must appear once each, in the order DMA, Normal, HighMem`;
    lastOrder = order;
    if (typeof z.pages !== 'number' || !Number.isInteger(z.pages) || z.pages < 1) {
      return `${where}.pages: zone ${name} needs a whole number of pages ≥ 1`;
    }
    if (z.highmem !== undefined && typeof z.highmem !== 'boolean')
      return `${where}.highmem: expected true or false`;
    const highmem = z.highmem === true;
    if (name === 'HighMem' && !highmem)
      return `${where}.highmem: the HighMem zone must say "highmem": true`;
    if (name !== 'HighMem' && highmem)
      return `${where}.highmem: only the HighMem zone may be highmem, not ${name}`;
    zones.push({ name, pages: z.pages, highmem });
  }
  if (!zones.some((z) => z.name === 'Normal')) return 'zones: the Normal zone is required';
  return zones;
}

function zoneAt(zones: readonly ZoneSpec[], pfn: number): string {
  let start = 0;
  for (const z of zones) {
    if (pfn < start + z.pages) return z.name;
    start += z.pages;
  }
  return '?';
}
