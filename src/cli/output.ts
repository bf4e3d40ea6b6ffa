/**
 * Writing the report and the messages. Standard output may be closed early (`| head -c 100`:
 * EPIPE) or full (`> /dev/full`: ENOSPC); either ends the command with one line on standard error
 * and exit status 3, never a stack trace. Every message goes through oneLine: control characters
 * escaped, one line, bounded length.
 */
import { oneLine } from '../core/schema/text';

/** Exit statuses: 0 a completed run, 2 bad input or usage, 3 the report could not be written. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_OUTPUT_FAILED = 3;

const WRITE_ERRORS: Record<string, string> = {
  EPIPE: 'standard output was closed before the report was written (EPIPE)',
  ENOSPC: 'no space left on the device for the report (ENOSPC)',
  EDQUOT: 'disk quota exceeded while writing the report (EDQUOT)',
  EIO: 'input/output error while writing the report (EIO)',
  EBADF: 'standard output is not open (EBADF)',
};

/** Writes one message line to standard error; never throws (a closed stderr loses only it). */
export function say(message: string): void {
  try {
    process.stderr.write(`simulate: ${oneLine(message)}\n`);
  } catch {
    // Nowhere left to tell.
  }
}

/** Ends the process with a one-line message. */
export function die(message: string, code = EXIT_BAD_INPUT): never {
  say(message);
  process.exit(code);
}

let guarded = false;

/** Turns write errors on standard output into one line and exit 3. Call once before writing. */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    const code = typeof e.code === 'string' ? e.code : '';
    die(
      `cannot write the report: ${WRITE_ERRORS[code] ?? (code || e.message)}`,
      EXIT_OUTPUT_FAILED,
    );
  });
  // Standard error closed too: nothing to report to; do not crash on it.
  process.stderr.on('error', () => process.exit(EXIT_OUTPUT_FAILED));
}

/** Writes `text` to standard output; the process exits 0 once it is flushed. */
export function writeOut(text: string): void {
  guardStdout();
  process.exitCode = 0;
  process.stdout.write(text);
}

/**
 * Writes one JSON object per line, in chunks, waiting for standard output to drain between them:
 * a million-step trace streams in bounded memory.
 */
export async function writeSteps(records: Iterable<unknown>): Promise<void> {
  guardStdout();
  process.exitCode = 0;
  let chunk: string[] = [];
  const flush = async () => {
    const text = chunk.join('');
    chunk = [];
    if (!process.stdout.write(text))
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  };
  for (const r of records) {
    chunk.push(`${JSON.stringify(r)}\n`);
    if (chunk.length >= 4096) await flush();
  }
  if (chunk.length > 0) await flush();
}

/** A bug must still end in one line, not a stack trace. */
export function guardCrashes(): void {
  const crash = (e: unknown) =>
    die(`internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
