/**
 * Reading a scenario file or standard input safely: at most INPUT_LIMIT bytes are read (a bigger
 * regular file is refused before reading, a stream is cut off the moment it passes the limit, so
 * `/dev/zero` is refused rather than swallowed), and the bytes must be UTF-8 text: a UTF-8 byte
 * order mark is dropped, UTF-16 is recognised and named, other encodings are reported with the
 * offset of the first bad byte.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
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
  return decode(Buffer.concat(chunks, total), name);
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

/** Offset of the first byte that is not part of valid UTF-8. */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** UTF-16 without a byte order mark: ASCII JSON then has a zero byte in every other place. */
function utf16Guess(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 2) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero === pairs && evenZero === 0) return 'little-endian';
  if (evenZero === pairs && oddZero === 0) return 'big-endian';
  return undefined;
}

/** Bytes to text: UTF-8, with a UTF-8 byte order mark allowed and UTF-16 named. */
export function decode(bytes: Uint8Array, name: string): InputResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      ok: false,
      error: `${name} is UTF-16 (little-endian, by its byte order mark); save it as UTF-8`,
    };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      ok: false,
      error: `${name} is UTF-16 (big-endian, by its byte order mark); save it as UTF-8`,
    };
  const guess = utf16Guess(bytes);
  if (guess !== undefined)
    return { ok: false, error: `${name} looks like UTF-16 (${guess}); save it as UTF-8` };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const bad = firstBadUtf8(body);
  if (bad >= 0) {
    const at = bad + (bom ? 3 : 0);
    const hex = body[bad].toString(16).padStart(2, '0');
    return {
      ok: false,
      error: `${name} is not UTF-8 text: byte ${fmt(at)} (0x${hex}) starts no valid character; save it as UTF-8`,
    };
  }
  const zero = body.indexOf(0);
  if (zero >= 0)
    return {
      ok: false,
      error: `${name} holds a zero byte at offset ${fmt(zero + (bom ? 3 : 0))}; a scenario is JSON text`,
    };
  return {
    ok: true,
    text: Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8'),
  };
}
