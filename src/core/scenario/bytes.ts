/**
 * Bytes of a scenario file to text, the same way in the CLI and the page: UTF-8, with a UTF-8 byte
 * order mark dropped, UTF-16 (with or without a byte order mark) recognised and named, any other
 * encoding reported at its first bad byte, and zero bytes refused. Messages name the input with
 * `name` ("standard input", a quoted file name) and are one line.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const fmt = (n: number) => n.toLocaleString('en-US');

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
export function decodeScenarioBytes(bytes: Uint8Array, name: string): DecodeResult {
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
    // TextDecoder, not Node's Buffer: the page reads files with this too.
    text: new TextDecoder('utf-8').decode(body),
  };
}
