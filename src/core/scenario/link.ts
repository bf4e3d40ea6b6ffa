/**
 * A scenario inside a link: `#scenario=<deflated JSON, base64url>`. fflate's raw deflate (the
 * same algorithm as gzip, without its header) roughly quarters a scenario's JSON, and base64url
 * needs no escaping in a URL hash. Decoding is bounded at both ends (the text in the link and
 * what it inflates to), so a crafted link cannot exhaust memory; every failure is one line.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

/** Longest `scenario=` value read: far above any real machine's layout, short of a DoS. */
export const LINK_MAX_CHARS = 256 * 1024;
/** Most JSON a link may inflate to. */
export const LINK_MAX_JSON = 4 * 1024 * 1024;

export type DecodedScenario = { ok: true; doc: unknown } | { ok: false; error: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The `scenario=` value of a scenario document (any JSON value is encoded as it is). */
export function encodeScenarioParam(doc: unknown): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }));
}

/** The document of a `scenario=` value; it still has to pass parseScenario. */
export function decodeScenarioParam(param: string): DecodedScenario {
  if (param.length > LINK_MAX_CHARS)
    return {
      ok: false,
      error: `The link’s scenario is ${param.length.toLocaleString('en-US')} characters long, over the limit of ${LINK_MAX_CHARS.toLocaleString('en-US')}.`,
    };
  const bytes = fromBase64Url(param.trim());
  if (!bytes)
    return {
      ok: false,
      error:
        'The link’s scenario is not in the form the page writes (letters, digits, - and _); copy the link again.',
    };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  try {
    const inflate = new Inflate((chunk) => {
      size += chunk.length;
      if (size > LINK_MAX_JSON) {
        tooBig = true;
        throw new Error('too big'); // stops inflating at once
      }
      chunks.push(chunk);
    });
    inflate.push(bytes, true);
  } catch {
    if (!tooBig)
      return {
        ok: false,
        error: 'The link’s scenario is cut short or damaged; copy the link again.',
      };
  }
  if (tooBig)
    return { ok: false, error: 'The link’s scenario unpacks to more than 4 MiB; it is refused.' };
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    return { ok: true, doc: JSON.parse(strFromU8(all)) as unknown };
  } catch {
    return {
      ok: false,
      error: 'The link’s scenario is cut short or damaged; copy the link again.',
    };
  }
}
