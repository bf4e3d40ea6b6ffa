/**
 * Reading a scenario file or standard input safely: at most INPUT_LIMIT bytes are read (a bigger
 * regular file is refused before reading, a stream is cut off the moment it passes the limit, so
 * `/dev/zero` is refused rather than swallowed), and the bytes must be UTF-8 text
 * (core/scenario/bytes.ts: a byte order mark is dropped, UTF-16 is named).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { decodeScenarioBytes } from '../core/scenario/bytes';
import { quote } from '../core/schema/text';

export const INPUT_LIMIT = 16 * 1024 * 1024;

export type InputResult = { ok: true; text: string } | { ok: false; error: string };

const fmt = (n: number) => n.toLocaleString('en-US');
const LIMIT_TEXT = `the limit is 16 MiB (${fmt(INPUT_LIMIT)} bytes)`;

/** The name of the input in messages: "standard input" or the quoted path. */
export function inputName(path: string): string {
  return path === '-' ? 'standard input' : quote(path, 80);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

function reason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return REASONS[code] ?? code;
  return e instanceof Error ? e.message : String(e);
}

async function readStream(stream: Readable, name: string, limit: number): Promise<InputResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buf.length;
      if (total > limit) {
        stream.destroy();
        return { ok: false, error: `${name} is larger than 16 MiB; refused: ${LIMIT_TEXT}` };
      }
      chunks.push(buf);
    }
  } catch (e) {
    return { ok: false, error: `cannot read ${name}: ${reason(e)}` };
  }
  return decodeScenarioBytes(Buffer.concat(chunks, total), name);
}

/** Reads `path` ('-' for standard input) as UTF-8 text of at most `limit` bytes. */
export async function readInput(path: string, limit = INPUT_LIMIT): Promise<InputResult> {
  const name = inputName(path);
  if (path === '-') return readStream(process.stdin, name, limit);
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { ok: false, error: `cannot read ${name}: it is a directory` };
    if (s.isFile() && s.size > limit) {
      return { ok: false, error: `${name} is ${fmt(s.size)} bytes; refused: ${LIMIT_TEXT}` };
    }
  } catch (e) {
    return { ok: false, error: `cannot read ${name}: ${reason(e)}` };
  }
  return readStream(createReadStream(path, { highWaterMark: 1 << 20 }), name, limit);
}
