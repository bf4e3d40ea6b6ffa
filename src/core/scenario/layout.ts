import type { Run, ZoneSpec } from './types';

/**
 * Parses a layout: one segment per zone separated by `|`, each a run-length list of
 * `<letter><count>` (count 1 may be omitted, whitespace is free). Returns the runs per zone, or
 * a message naming the field, zone and run that is wrong.
 */
export type LayoutResult = { ok: true; zones: Run[][] } | { ok: false; error: string };

const RUN = /^([A-Za-z])(\d*)$/;

export function parseLayout(
  field: 'suspend' | 'resume',
  text: string,
  zones: readonly ZoneSpec[],
  allowed: string,
  lowmemOnly: string,
  highmemOnly: string,
): LayoutResult {
  const segments = text.split('|');
  if (segments.length !== zones.length) {
    return {
      ok: false,
      error: `${field}: has ${segments.length} segment(s) separated by '|' but the scenario has ${zones.length} zone(s); give one segment per zone`,
    };
  }
  const out: Run[][] = [];
  let zoneStart = 0;
  for (let z = 0; z < zones.length; z++) {
    const zone = zones[z];
    const tokens = tokenize(segments[z]);
    const runs: Run[] = [];
    let pfn = zoneStart;
    for (let r = 0; r < tokens.length; r++) {
      const where = `${field}: zone ${zone.name}, run ${r + 1} ("${tokens[r]}")`;
      const m = RUN.exec(tokens[r]);
      if (!m)
        return {
          ok: false,
          error: `${where}: expected a letter followed by an optional count, like S12`,
        };
      const letter = m[1];
      if (!allowed.includes(letter)) {
        return {
          ok: false,
          error: `${where}: letter ${letter} is not allowed on the ${field} side (allowed: ${allowed.split('').join(' ')})`,
        };
      }
      if (zone.highmem && lowmemOnly.includes(letter)) {
        return {
          ok: false,
          error: `${where}: ${letter} is only allowed in lowmem zones (DMA, Normal)`,
        };
      }
      if (!zone.highmem && highmemOnly.includes(letter)) {
        return { ok: false, error: `${where}: ${letter} is only allowed in the HighMem zone` };
      }
      const count = m[2] === '' ? 1 : Number(m[2]);
      if (!Number.isSafeInteger(count))
        return { ok: false, error: `${where}: the count is too large` };
      runs.push({ letter, count, start: pfn });
      pfn += count;
    }
    const sum = pfn - zoneStart;
    if (sum !== zone.pages) {
      return {
        ok: false,
        error: `${field}: zone ${zone.name}: the runs add up to ${sum} frames but the zone has ${zone.pages} pages`,
      };
    }
    out.push(runs);
    zoneStart += zone.pages;
  }
  return { ok: true, zones: out };
}

/** Splits a segment into runs: a letter starts a run, digits continue it, whitespace is free. */
function tokenize(segment: string): string[] {
  const tokens: string[] = [];
  let cur = '';
  for (const ch of segment) {
    // Whitespace is free anywhere, even between a letter and its count ("S 12").
    if (/\s/.test(ch)) continue;
    if (/[A-Za-z]/.test(ch)) {
      if (cur !== '') tokens.push(cur);
      cur = ch;
    } else {
      cur += ch;
    }
  }
  if (cur !== '') tokens.push(cur);
  return tokens;
}

/** Expands runs into one letter code per frame. */
export function expandRuns(zones: readonly Run[][], total: number): Uint8Array {
  const out = new Uint8Array(total);
  for (const runs of zones)
    for (const r of runs) out.fill(r.letter.charCodeAt(0), r.start, r.start + r.count);
  return out;
}
