import type { Rejection } from '../schema/issues';
import { escapeControls, quote } from '../schema/text';
import type { ZoneSpec } from './types';

/**
 * The layout grammar: one segment per zone separated by `|`; a segment is runs separated by
 * optional whitespace; a run is a capital letter followed directly by its count, a positive
 * integer without leading zeros (no count means 1). `F0`, `S 6`, `6S` and `F07` are rejected,
 * each with a message naming the field, zone and run and the offset of the wrong character.
 */

/** One run of a layout: `count` frames of `letter` from pfn `start`; `at` is the letter's offset. */
export interface LayoutRun {
  letter: string;
  count: number;
  start: number;
  at: number;
}

export type LayoutField = 'suspend' | 'resume';

/** A rejected layout: the one-line message, the field, and the characters to underline. */
export interface LayoutError extends Rejection {
  field: LayoutField;
  /** Offset of the first wrong character in the layout text (may equal its length: "at the end"). */
  index: number;
  /** Characters to underline from `index`; 0 means a caret at `index`. */
  length: number;
  zone?: ZoneSpec['name'];
  /** 1-based run number within the zone, when the problem is one run. */
  run?: number;
}

export type LayoutResult = { ok: true; zones: LayoutRun[][] } | { ok: false; error: LayoutError };

/**
 * The longest layout accepted, in characters. Checked before anything else, so a hostile string is
 * refused in constant time. A 16 GiB machine painted one frame per run would not fit; no honest
 * layout needs millions of runs (use longer runs).
 */
export const LAYOUT_MAX_CHARS = 8 * 1024 * 1024;

/** More digits than this cannot be a zone size (the largest machine has 4,194,304 pages). */
const MAX_COUNT_DIGITS = 9;

const BAR = 0x7c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** `U+00E9` for a message about a character nobody can see or type easily. */
function codePoint(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function parseLayout(
  field: LayoutField,
  text: string,
  zones: readonly ZoneSpec[],
  allowed: string,
  lowmemOnly: string,
  highmemOnly: string,
): LayoutResult {
  const fail = (
    message: string,
    index: number,
    length: number,
    zone?: ZoneSpec['name'],
    run?: number,
  ): LayoutResult => ({
    ok: false,
    error: { message: escapeControls(message), field, index, length, zone, run },
  });

  if (text.length > LAYOUT_MAX_CHARS) {
    return fail(
      `${field}: the layout is ${fmt(text.length)} characters long; the limit is ${fmt(LAYOUT_MAX_CHARS)} (write longer runs: F1000 rather than a thousand F)`,
      LAYOUT_MAX_CHARS,
      0,
    );
  }

  const bars: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === BAR) {
      bars.push(i);
      if (bars.length >= zones.length) break;
    }
  }
  const names = zones.map((z) => z.name).join(', ');
  if (bars.length >= zones.length) {
    const extra = bars[zones.length - 1];
    return fail(
      `${field}: more segments than zones: the scenario has ${zones.length} zone(s) (${names}), so the layout needs ${zones.length - 1} "|" but has another at character ${extra + 1}; give one segment per zone`,
      extra,
      1,
    );
  }
  if (bars.length < zones.length - 1) {
    return fail(
      `${field}: ${bars.length + 1} segment(s) but the scenario has ${zones.length} zones (${names}); give one segment per zone, separated by "|"`,
      text.length,
      0,
    );
  }

  const out: LayoutRun[][] = [];
  let zoneStart = 0;
  for (let z = 0; z < zones.length; z++) {
    const zone = zones[z];
    const segStart = z === 0 ? 0 : bars[z - 1] + 1;
    const segEnd = z < bars.length ? bars[z] : text.length;
    const runs: LayoutRun[] = [];
    let sum = 0;
    let i = segStart;
    while (i < segEnd) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      const runNo = runs.length + 1;
      const place = `${field}: zone ${zone.name}, run ${runNo}`;
      if (isDigit(c)) {
        let j = i;
        while (j < segEnd && isDigit(text.charCodeAt(j))) j++;
        const digits = text.slice(i, Math.min(j, i + 12));
        const after = runs.length === 0 ? 'at the start of the zone' : `after run ${runs.length}`;
        const next = j < segEnd ? text.charCodeAt(j) : -1;
        const hint =
          isUpper(next) || isLower(next)
            ? `; write the letter first: ${String.fromCharCode(next).toUpperCase()}${digits}`
            : '; a run is a letter followed by its count, like S12';
        return fail(
          `${field}: zone ${zone.name}, ${after}: the count ${quote(digits)} has no letter before it${hint}`,
          i,
          j - i,
          zone.name,
          runNo,
        );
      }
      if (!isUpper(c) && !isLower(c)) {
        return fail(
          `${place}: unexpected character ${quote(String.fromCodePoint(text.codePointAt(i) ?? c))} (${codePoint(text, i)}); a layout is runs like S12 separated by spaces, one segment per zone separated by "|"`,
          i,
          c >= 0xd800 && c <= 0xdbff ? 2 : 1,
          zone.name,
          runNo,
        );
      }
      const letter = String.fromCharCode(c);
      let j = i + 1;
      while (j < segEnd && isDigit(text.charCodeAt(j))) j++;
      const token = text.slice(i, Math.min(j, i + 12));
      const where = `${place} (${quote(token)})`;
      let count = 1;
      if (j === i + 1) {
        // "S 6": a count separated from its letter is an error, not a second run.
        let k = j;
        while (k < segEnd && isSpace(text.charCodeAt(k))) k++;
        if (k > j && k < segEnd && isDigit(text.charCodeAt(k))) {
          let e = k;
          while (e < segEnd && isDigit(text.charCodeAt(e))) e++;
          const digits = text.slice(k, Math.min(e, k + 12));
          return fail(
            `${place} (${quote(letter)}): the count must follow its letter directly; write ${letter}${digits} without the space`,
            j,
            k - j,
            zone.name,
            runNo,
          );
        }
      } else {
        const digits = text.slice(i + 1, j);
        if (digits.length > MAX_COUNT_DIGITS) {
          return fail(
            `${where}: the count has ${fmt(digits.length)} digits, more than any zone's size (zone ${zone.name} has ${fmt(zone.pages)} pages)`,
            i + 1,
            j - i - 1,
            zone.name,
            runNo,
          );
        }
        count = Number(digits);
        if (count === 0) {
          return fail(
            `${where}: a run covers at least 1 frame; remove the run or give a count of 1 or more`,
            i + 1,
            j - i - 1,
            zone.name,
            runNo,
          );
        }
        if (digits.charCodeAt(0) === 0x30) {
          return fail(
            `${where}: write the count without leading zeros: ${letter.toUpperCase()}${count}`,
            i + 1,
            j - i - 1,
            zone.name,
            runNo,
          );
        }
      }
      if (isLower(c)) {
        const upper = letter.toUpperCase();
        const fix = allowed.includes(upper)
          ? `write ${upper}`
          : `use one of ${allowed.split('').join(' ')}`;
        return fail(`${where}: letters are capitals; ${fix}`, i, 1, zone.name, runNo);
      }
      if (!allowed.includes(letter)) {
        return fail(
          `${where}: letter ${letter} is not allowed on the ${field} side (allowed: ${allowed.split('').join(' ')})`,
          i,
          1,
          zone.name,
          runNo,
        );
      }
      if (zone.highmem && lowmemOnly.includes(letter)) {
        return fail(
          `${where}: ${letter} is only allowed in lowmem zones (DMA, Normal)`,
          i,
          1,
          zone.name,
          runNo,
        );
      }
      if (!zone.highmem && highmemOnly.includes(letter)) {
        return fail(
          `${where}: ${letter} is only allowed in the HighMem zone`,
          i,
          1,
          zone.name,
          runNo,
        );
      }
      if (sum + count > zone.pages) {
        return fail(
          `${where}: the runs pass the end of zone ${zone.name}: with this run they add up to ${fmt(sum + count)} frames but the zone has ${fmt(zone.pages)} pages; shorten this run or an earlier one`,
          i,
          j - i,
          zone.name,
          runNo,
        );
      }
      runs.push({ letter, count, start: zoneStart + sum, at: i });
      sum += count;
      i = j;
    }
    if (sum !== zone.pages) {
      const short = zone.pages - sum;
      return fail(
        sum === 0
          ? `${field}: zone ${zone.name} has no runs; it needs runs adding up to ${fmt(zone.pages)} pages (F${zone.pages} if all free)`
          : `${field}: zone ${zone.name}: the runs add up to ${fmt(sum)} frames but the zone has ${fmt(zone.pages)} pages; add ${fmt(short)} more (F${short} if free)`,
        segEnd,
        0,
        zone.name,
      );
    }
    out.push(runs);
    zoneStart += zone.pages;
  }
  return { ok: true, zones: out };
}

/** Expands runs into one letter code per frame. */
export function expandRuns(zones: readonly LayoutRun[][], total: number): Uint8Array {
  const out = new Uint8Array(total);
  for (const runs of zones)
    for (const r of runs) out.fill(r.letter.charCodeAt(0), r.start, r.start + r.count);
  return out;
}

/** The run covering `pfn`, for pointing at it in a message. */
export function runAt(
  zones: readonly LayoutRun[][],
  pfn: number,
): { run: LayoutRun; index: number } | undefined {
  for (const runs of zones) {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid];
      if (pfn < r.start) hi = mid - 1;
      else if (pfn >= r.start + r.count) lo = mid + 1;
      else return { run: r, index: mid };
    }
  }
  return undefined;
}
