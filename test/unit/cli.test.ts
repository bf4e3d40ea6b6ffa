import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';

function simulate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
    encoding: 'utf8',
    input,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case spawns Node; on a loaded machine that alone can take seconds.
describe('simulate CLI', { timeout: 60_000 }, () => {
  it('prints the teaching report with pairs and exits 0', () => {
    const r = simulate(['--preset', 'teaching', '--pairs']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      outcome: string;
      suspend: { copyPairs: number[][] };
      steps: number;
    };
    expect(report.outcome).toBe('restored');
    expect(report.suspend.copyPairs[0]).toEqual([2, 21]);
    expect(report.steps).toBeGreaterThan(0);
  });
  it('exits 0 for a failed suspend: it is a result', () => {
    const r = simulate(['--preset', 'not-enough-memory']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      outcome: 'suspend-failed',
      failure: { function: 'enough_free_mem', errno: -12 },
    });
  });
  it('runs a scenario under linux-6.12 with --model, and rejects its letters under the others', () => {
    const doc = {
      format: 'swsusp-viz/scenario@1',
      zones: [{ name: 'Normal', pages: 32 }],
      constants: { pagesForIo: 0, imageSize: null, reservedSize: 0 },
      suspend: 'K2 S2 F28',
      resume: 'K2 B1 F29',
    };
    const r = simulate(['-', '--model', 'linux-6.12'], JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      model: 'linux-6.12',
      outcome: 'restored',
      verified: true,
      suspend: { basicBitmapPages: 4, zeroPages: 0, preallocation: { path: 'fits' } },
    });
    const zero = { ...doc, model: 'linux-6.12', suspend: 'K2 S2 Z1 F27' };
    const bad = simulate(['-', '--model', 'linux-2.6.20'], JSON.stringify(zero));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/letter Z .* exists only in the linux-6\.12 model/);
  });
  it('reads a scenario from standard input', () => {
    const doc = {
      format: 'swsusp-viz/scenario@1',
      zones: [{ name: 'Normal', pages: 16 }],
      constants: { pagesForIo: 0, imageSize: null },
      suspend: 'K2 S2 F12',
      resume: 'K2 B1 F13',
    };
    const r = simulate(['-'], JSON.stringify(doc));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ outcome: 'restored', verified: true });
  });
  it.each([
    [['no-such-file.json'], /cannot read "no-such-file\.json": no such file/],
    [['--preset', 'nope'], /unknown preset "nope"/],
    [['--preset', 'teaching', '--colour'], /unknown option --colour/],
    [['--preset', 'teaching', '--model', 'linux-3'], /--model: expected one of/],
    [[], /no scenario given/],
  ])('exits 2 with one line for %j', (args, message) => {
    const r = simulate(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
  it('exits 2 for bad JSON and for an invalid scenario, naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swsusp-viz-'));
    writeFileSync(join(dir, 'bad.json'), '{ "format": ');
    writeFileSync(
      join(dir, 'invalid.json'),
      JSON.stringify({
        format: 'swsusp-viz/scenario@1',
        zones: [{ name: 'Normal', pages: 4 }],
        suspend: 'F3',
        resume: 'F4',
      }),
    );
    const bad = simulate([join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not valid JSON/);
    const invalid = simulate([join(dir, 'invalid.json')]);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(
      /suspend: zone Normal: the runs add up to 3 frames but the zone has 4 pages/,
    );
  });
});

describe('simulate CLI arguments', () => {
  it('takes a file or a preset, not both', () => {
    expect(parseArgs(['a.json', '--preset', 'teaching']).ok).toBe(false);
    expect(parseArgs(['--preset=teaching', '--pairs'])).toEqual({
      ok: true,
      value: {
        source: { kind: 'preset', name: 'teaching' },
        pairs: true,
        steps: false,
        model: undefined,
      },
    });
    expect(parseArgs(['--preset=teaching', '--steps'])).toMatchObject({
      ok: true,
      value: { pairs: false, steps: true },
    });
    expect(parseArgs(['--model'])).toMatchObject({ ok: false });
  });
});
