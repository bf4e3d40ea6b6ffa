/**
 * The texts the page downloads, made here in the engine from the loaded run, so a big machine's
 * never block the page: the report exactly as `simulate` prints it, and the step trace exactly as
 * `simulate --steps` prints it, a chunk of lines per message (the page puts the chunks in a Blob
 * as they come, so a million-step trace never sits in one string).
 */
import { buildReport, stepTrace } from '../core';
import type { Run } from '../core';

/** Steps per chunk of the step trace: about 4 MB of text, well under a second of work. */
export const STEP_CHUNK = 16_384;

/** The report as the CLI prints it (src/cli/simulate.ts): no pairs, two-space JSON, a newline. */
export function reportText(run: Run): string {
  return `${JSON.stringify(buildReport(run, false), null, 2)}\n`;
}

export interface StepChunk {
  text: string;
  /** The first step of the next chunk, or null after the last. */
  next: number | null;
}

/** Steps `from` … `from + count - 1` of the trace, one JSON object per line, as the CLI writes them. */
export function stepChunk(run: Run, from: number, count = STEP_CHUNK): StepChunk {
  const end = Math.min(run.trace.steps, from + count);
  const lines: string[] = [];
  for (const record of stepTrace(run, from, end)) lines.push(`${JSON.stringify(record)}\n`);
  return { text: lines.join(''), next: end < run.trace.steps ? end : null };
}
