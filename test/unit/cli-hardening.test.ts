/**
 * The simulate CLI against hostile input and output, one test per rule: size limit (files and
 * streams), one-line messages with control characters escaped, a closed or full standard output,
 * byte order marks and UTF-16, invalid UTF-8.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/core';

/** What `npm run simulate` runs: the prebuilt bundle, rebuilt first when a source is newer. */
const CLI = ['scripts/simulate.mjs'];
/** Spawning Node on a loaded machine can take seconds; no assertion depends on speed. */
const SLOW = 120_000;

function simulate(args: string[], opts: { input?: string | Buffer; stdio?: StdioOptions } = {}) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    encoding: 'utf8',
    input: opts.input,
    stdio: opts.stdio,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

// eslint-disable-next-line no-control-regex -- what must never reach the terminal
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Exactly one line on standard error, no raw control character in it. */
function oneLine(err: string): string {
  expect(err.endsWith('\n')).toBe(true);
  const body = err.slice(0, -1);
  expect(body).not.toContain('\n');
  expect(body).not.toMatch(RAW_CONTROL);
  expect(body).toMatch(/^simulate: /);
  return body;
}

const dir = mkdtempSync(join(tmpdir(), 'swsusp-cli-'));
const teaching = JSON.stringify(getPreset('teaching')?.doc);

describe('simulate CLI hardening', { timeout: SLOW }, () => {
  it('refuses a file over 16 MiB before reading it', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing to read
    const r = simulate([path]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(oneLine(r.err)).toMatch(/is 52,428,800 bytes; refused: the limit is 16 MiB/);
  });

  it('stops reading an endless stream at the limit (/dev/zero)', () => {
    const r = simulate(['/dev/zero']);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/"\/dev\/zero" is larger than 16 MiB; refused/);
  });

  it('escapes control characters from the input and from the arguments', () => {
    const evil = '{"format": "swsusp-viz/scenario@1", "name": "\u001b]0;owned\u0007"\n,,}';
    const r = simulate(['-'], { input: evil });
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/not valid JSON at line 1, column 46: .*but found "\\u001b"$/);
    const r2 = simulate(['-'], { input: '{"format": "\u001b]0;owned\u0007"}' });
    expect(oneLine(r2.err)).toMatch(/found "\\u001b"/);
    const r3 = simulate(['no\u001b[2Jfile.json']);
    expect(oneLine(r3.err)).toBe('simulate: cannot read "no\\u001b[2Jfile.json": no such file');
  });

  it('keeps a multi-line problem on one line', () => {
    const r = simulate(['-'], { input: '{\n"format":\n' });
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/line 3, column 1: expected a value, but the text ends/);
  });

  it('ends quietly with exit 3 when standard output is closed (EPIPE)', async () => {
    const child = spawn(process.execPath, [...CLI, '--preset', 'teaching', '--pairs'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before anything is written, like `| head -c 0`
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(3);
    expect(oneLine(err)).toBe(
      'simulate: cannot write the report: standard output was closed before the report was written (EPIPE)',
    );
  });

  it('ends quietly with exit 3 when standard output is full (/dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = simulate(['--preset', 'teaching'], { stdio: ['ignore', full, 'pipe'] });
      expect(r.code).toBe(3);
      expect(oneLine(r.err)).toMatch(/no space left on the device for the report \(ENOSPC\)$/);
    } finally {
      closeSync(full);
    }
  });

  it('accepts a UTF-8 byte order mark', () => {
    const r = simulate(['-'], { input: Buffer.from(`\ufeff${teaching}`, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ scenario: 'Teaching machine', outcome: 'restored' });
  });

  it('names UTF-16 input, with or without a byte order mark', () => {
    const withBom = simulate(['-'], { input: Buffer.from(`\ufeff${teaching}`, 'utf16le') });
    expect(withBom.code).toBe(2);
    expect(oneLine(withBom.err)).toBe(
      'simulate: standard input is UTF-16 (little-endian, by its byte order mark); save it as UTF-8',
    );
    const bare = simulate(['-'], { input: Buffer.from(teaching, 'utf16le') });
    expect(oneLine(bare.err)).toBe(
      'simulate: standard input looks like UTF-16 (little-endian); save it as UTF-8',
    );
  });

  it('reports other encodings at the first bad byte', () => {
    const r = simulate(['-'], { input: Buffer.from('{"name": "caf\xe9"}', 'latin1') });
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(/is not UTF-8 text: byte 13 \(0xe9\)/);
  });

  it('refuses a layout over the size limit without expanding it', () => {
    const doc = {
      format: 'swsusp-viz/scenario@1',
      zones: [{ name: 'Normal', pages: 8 }],
      suspend: 'F1 '.repeat(3_000_000),
      resume: 'F8',
    };
    const path = join(dir, 'long-layout.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = simulate([path]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(
      /invalid scenario: suspend: is 9,000,000 characters long; the limit is 8,388,608/,
    );
  });

  it('rejects an unknown field with a suggestion instead of running with the default', () => {
    const doc = {
      ...(JSON.parse(teaching) as object),
      constants: { pagesForIO: 2, imageSize: null },
    };
    const r = simulate(['-'], { input: JSON.stringify(doc) });
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toBe(
      'simulate: invalid scenario: constants.pagesForIO: unknown field; did you mean "pagesForIo"?',
    );
  });
});
