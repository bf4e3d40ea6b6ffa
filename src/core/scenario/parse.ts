import { KERNEL_IMAGE_SIZE_PAGES, KERNEL_PAGES_FOR_IO, MAX_TOTAL_PAGES } from '../constants';
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
export function parseScenario(doc: unknown): ParseResult {
  try {
    return validate(doc);
  } catch (e) {
    return fail(`invalid scenario: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function validate(doc: unknown): ParseResult {
  if (!isObject(doc)) return fail('scenario: expected a JSON object');
  if (doc.format !== FORMAT) {
    return fail(`format: expected "${FORMAT}", got ${JSON.stringify(doc.format)}`);
  }
  const name = doc.name ?? 'Untitled scenario';
  if (typeof name !== 'string') return fail('name: expected a string');
  const description = doc.description ?? '';
  if (typeof description !== 'string') return fail('description: expected a string');

  const model = (doc.model ?? 'linux-2.6.20') as ModelId;
  if (!MODELS.includes(model)) {
    return fail(`model: expected one of ${MODELS.join(', ')}, got ${JSON.stringify(doc.model)}`);
  }

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
  const imageSize =
    constants.imageSize === undefined ? KERNEL_IMAGE_SIZE_PAGES : constants.imageSize;
  if (imageSize !== null && !isCount(imageSize)) {
    return fail('constants.imageSize: expected a whole number of pages ≥ 0, or null for no limit');
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
  const sus = parseLayout('suspend', doc.suspend, zones, 'FSCKNRX', 'KN', 'R');
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
