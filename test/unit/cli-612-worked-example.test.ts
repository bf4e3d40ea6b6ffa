// The 6.12 spec's Done-when: `simulate <§10 scenario> --pairs` prints the numbers of §10. The
// scenario is the spec's JSON as written there; the numbers are the spec's hand computation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCENARIO = {
  format: 'swsusp-viz/scenario@1',
  name: 'Teaching machine, today’s kernel (modern-kernel.md section 10)',
  model: 'linux-6.12',
  zones: [
    { name: 'Normal', pages: 48 },
    { name: 'HighMem', pages: 32, highmem: true },
  ],
  constants: { pagesForIo: 2, reservedSize: 1 },
  allocator: { policy: 'lowest-first' },
  suspend: 'N2 K6 S4 Z2 F34 | R1 C8 S6 Z2 S2 F13',
  resume: 'N2 K6 B3 F37 | R1 B2 F29',
};

describe('simulate --pairs on the 6.12 worked example', { timeout: 60_000 }, () => {
  it('prints the report of spec §10', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swsusp-612-'));
    const file = join(dir, 'section10.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/simulate.ts', file, '--pairs'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      model: 'linux-6.12',
      outcome: 'restored',
      suspend: {
        basicBitmapPages: 4,
        preallocation: {
          saveable: 34,
          count: 71,
          maxSize: 28,
          targetSize: 28,
          path: 'shrink',
          minimumImageSize: 26,
          shrinkRequest: 6,
          allocNormal: 16,
          allocHighmem: 12,
          freedUnnecessary: 15,
          allocated: 28,
        },
        shrunkPages: 6,
        saveableLowmem: 16,
        saveableHighmem: 12,
        freeLowmem: 8,
        freeHighmem: 7,
        metaEstimate: 8,
        topUp: { lowmem: 0, highmem: 0 },
        copies: { lowToLow: 14, highToLow: 2, highToHigh: 8, lowToHigh: 0 },
        zeroPages: 4,
        copiedPages: 24,
        metaPages: 1,
        imagePages: 26,
        zeroPfns: [12, 13, 63, 64],
      },
      resume: {
        allocatedUnsafePages: 3,
        directLowmem: 3,
        directHighmem: 8,
        lowmemPbes: 13,
        highmemPbesToHighmem: 4,
        highmemPbesToLowmem: 0,
        pbeChainPages: 1,
        reservedSafePages: 1,
        recycledPages: 2,
        archPages: 2,
        safeListLeft: 0,
        archPfns: [20, 21],
        highmemPbList: [
          [66, 54],
          [65, 53],
          [64, 52],
          [63, 51],
        ],
      },
    });
    // §10 step 4: copy frames 32–47 and 68–75, the zero pages skipped, 55 and 56 high→low.
    const pairs = (report.suspend as { copyPairs: [number, number][] }).copyPairs;
    expect(pairs.map(([src]) => src)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 55, 56, 57, 58, 59, 60, 61, 62, 65, 66,
    ]);
    expect(pairs.map(([, dst]) => dst)).toEqual([
      32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 68, 69, 70, 71, 72, 73, 74,
      75,
    ]);
    // §10 step 7: restore_pblist head first, 14←25 … 2←37.
    const list = (report.resume as { restorePbList: [number, number][] }).restorePbList;
    expect(list).toEqual(Array.from({ length: 13 }, (_, i) => [14 - i, 25 + i]));
  });
});
