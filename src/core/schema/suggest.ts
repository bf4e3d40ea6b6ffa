/**
 * "Did you mean …" for a misspelt field or option: the candidate that differs only in case, or
 * failing that the closest one within a few edits.
 */

function distance(a: string, b: string): number {
  // Classic two-row Levenshtein; inputs are field names, so sizes are tiny (and capped below).
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate to `input`, or undefined when none is close enough to suggest. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > 64) return undefined;
  const lower = input.toLowerCase();
  const caseOnly = candidates.find((c) => c.toLowerCase() === lower);
  if (caseOnly !== undefined) return caseOnly;
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');
  const sameLetters = candidates.find((c) => squash(c) === squash(input));
  if (sameLetters !== undefined) return sameLetters;
  // "2.6.17" → "linux-2.6.17": a fragment that only one candidate contains.
  if (lower.length >= 3) {
    const containing = candidates.filter((c) => c.toLowerCase().includes(lower));
    if (containing.length === 1) return containing[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // Allow about one edit in three characters: "polcy" → "policy", but not "x" → "seed".
  const allowed = Math.max(1, Math.floor(Math.min(input.length, best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** "; did you mean "x"?" when a candidate is close, else "". */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const c = closest(input, candidates);
  return c === undefined ? '' : `; did you mean "${c}"?`;
}
