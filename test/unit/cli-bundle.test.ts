// @vitest-environment node
// `npm run simulate` runs a prebuilt bundle of the CLI (scripts/simulate.mjs): it must print what
// the TypeScript source prints, byte for byte, and fail the same way.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(entry: string[], args: string[]) {
  const r = spawnSync(process.execPath, [...entry, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const bundled = (args: string[]) => run(['scripts/simulate.mjs'], args);
const source = (args: string[]) => run(['--import', 'tsx', 'src/cli/simulate.ts'], args);

describe('the bundled simulate CLI', () => {
  it.each([
    ['teaching', 'linux-2.6.20'],
    ['needs-shrinking', 'linux-2.6.17'],
  ])(
    'prints the same report as the source for %s under %s',
    { timeout: 60_000 },
    (preset, model) => {
      const args = ['--preset', preset, '--model', model, '--pairs'];
      const a = bundled(args);
      expect(a.status).toBe(0);
      expect(a.stdout).toBe(source(args).stdout);
      expect(JSON.parse(a.stdout)).toMatchObject({ format: 'swsusp-viz/report@1', model });
    },
  );

  it('fails a bad option with the same one line and exit 2', { timeout: 60_000 }, () => {
    const a = bundled(['--preset', 'teaching', '--frobnicate']);
    const b = source(['--preset', 'teaching', '--frobnicate']);
    expect(a.status).toBe(2);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
  });
});
