/**
 * A machine from a boot log, tested on real logs (test/fixtures/bootlogs, each with its source in
 * its header): the zones are the kernel's, the RAM frames are the kernel's count, holes are X, the
 * result is a valid scenario, and the notes say what was inferred.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioFromBootLog, simulateDocument } from '../../../src/core';
import type { Scenario } from '../../../src/core';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'bootlogs');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function machine(text: string): { scenario: Scenario; notes: string[] } {
  const r = scenarioFromBootLog(text);
  if (!r.ok) throw new Error(r.error);
  const parsed = parseScenario(r.doc);
  if (!parsed.ok) throw new Error(parsed.error);
  return { scenario: parsed.scenario, notes: r.notes };
}

const count = (frames: Uint8Array, letter: string) =>
  frames.reduce((n, c) => n + (c === letter.charCodeAt(0) ? 1 : 0), 0);
const zoneSizes = (s: Scenario) => s.zones.map((z) => [z.name, z.pages, z.highmem]);

describe('a machine from a boot log: 32-bit kernels keep their highmem', () => {
  it('reads the zone ranges and node ranges of an i386 highmem kernel (4.15)', () => {
    const { scenario, notes } = machine(read('i386-4.15-highmem-2g.txt'));
    // DMA from pfn 0, Normal to 0x377fe (887 MiB), HighMem to 0x7fffc: the kernel's own lines.
    expect(zoneSizes(scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 0x377fe - 4096, false],
      ['HighMem', 0x7fffc - 0x377fe, true],
    ]);
    // pfn 0 and the 640 KiB–1 MiB hole: the kernel's "Reserved but unavailable: 98 pages".
    expect(count(scenario.suspend, 'X')).toBe(98);
    // The kernel image from its Memory: line (3353K + 256K + 924K + 376K + 5308K) at 16 MiB.
    expect(count(scenario.suspend, 'K')).toBe(Math.ceil((3353 + 256 + 924 + 376 + 5308) / 4));
    expect(String.fromCharCode(scenario.suspend[4096])).toBe('K');
    expect(notes[0]).toMatch(/32-bit kernel because it has a HighMem zone/);
    expect(notes.join(' ')).toMatch(/plausible mix, not what the machine held/);
  });

  it('reads the e820 map and 2.6 "Zone PFN ranges" of a kernel without highmem (2.6.22)', () => {
    const { scenario, notes } = machine(read('i386-2.6.22-e820-1g.txt'));
    expect(zoneSizes(scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 229376 - 4096, false],
    ]);
    // e820: usable to 0x9fc00 (pfn 159), then from 1 MiB (pfn 256): 97 frames of hole.
    expect(count(scenario.suspend, 'X')).toBe(97);
    // 2.6-era kernels load at 1 MiB.
    expect(String.fromCharCode(scenario.suspend[256])).toBe('K');
    expect(notes.join(' ')).toMatch(
      /built without highmem: the 32,723 pages of RAM above 896 MiB are unused/,
    );
  });

  it('infers i386 zones from an e820 map alone, with HighMem above 896 MiB', () => {
    const e820 = read('i386-2.6.22-e820-1g.txt')
      .split('\n')
      .filter((l) => l.includes('BIOS-e820'))
      .join('\n');
    const { scenario, notes } = machine(e820);
    expect(zoneSizes(scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 229376 - 4096, false],
      ['HighMem', 0x3ffd3 - 229376, true],
    ]);
    expect(notes.join(' ')).toMatch(/zones inferred from the RAM map for i386/);
  });
});

describe('a machine from a boot log: 64-bit kernels have no highmem, said plainly', () => {
  it('merges DMA32 and Normal into lowmem and keeps every RAM frame (Matebook)', () => {
    const { scenario, notes } = machine(read('x86_64-matebook-4g.txt'));
    expect(zoneSizes(scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 0x172000 - 4096, false],
    ]);
    // The kernel's "On node 0 totalpages: 982329" is the RAM the model has (frames not X).
    expect(scenario.suspend.length - count(scenario.suspend, 'X')).toBe(982329);
    expect(notes.join(' ')).toMatch(
      /64-bit kernel maps all of memory directly, so this machine has no highmem/,
    );
    expect(scenario.zones.some((z) => z.highmem)).toBe(false);
  });

  it('cuts a machine bigger than 16 GiB at 16 GiB and says so (rockstor)', () => {
    const { scenario, notes } = machine(read('x86_64-rockstor-16g.txt'));
    expect(scenario.suspend.length).toBe(4194304);
    expect(notes.join(' ')).toMatch(
      /span 4,456,448 frames .* frames from pfn 4,194,304 on are left out/,
    );
  });

  it('reads /proc/zoneinfo spanned and present lines', () => {
    const { scenario, notes } = machine(read('x86_64-zoneinfo-5g.txt'));
    expect(zoneSizes(scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 1044480 + 262144, false],
    ]);
    expect(scenario.suspend.length - count(scenario.suspend, 'X')).toBe(3998 + 782333 + 262144);
    expect(notes.join(' ')).toMatch(/zoneinfo gives zone sizes, not addresses/);
  });

  it('reads a 32-bit zoneinfo with HighMem and 2.6 early_node_map lines', () => {
    // Constructed in the kernels' formats (no real sample at hand): a 1 GiB i386 machine.
    const zoneinfo = [
      'Node 0, zone      DMA',
      '        spanned  4096',
      '        present  4000',
      'Node 0, zone   Normal',
      '        spanned  225280',
      '        present  225280',
      'Node 0, zone  HighMem',
      '        spanned  32768',
      '        present  32752',
    ].join('\n');
    expect(zoneSizes(machine(zoneinfo).scenario)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 225280, false],
      ['HighMem', 32768, true],
    ]);
    const old = [
      'Zone PFN ranges:',
      '  DMA             0 ->     4096',
      '  Normal       4096 ->   229376',
      '  HighMem    229376 ->   262128',
      'early_node_map[2] active PFN ranges',
      '    0:        0 ->      159',
      '    0:      256 ->   262128',
    ].join('\n');
    const s = machine(old).scenario;
    expect(zoneSizes(s)).toEqual([
      ['DMA', 4096, false],
      ['Normal', 225280, false],
      ['HighMem', 262128 - 229376, true],
    ]);
    expect(count(s.suspend, 'X')).toBe(97);
  });
});

describe('a machine from a boot log: the result is usable and the failures are messages', () => {
  it('runs: the 2.6.22 machine suspends and restores', { timeout: 120_000 }, () => {
    const r = scenarioFromBootLog(read('i386-2.6.22-e820-1g.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const run = simulateDocument(r.doc);
    expect(run.ok && run.report.outcome).toBe('restored');
  });

  it('takes the memory of several NUMA nodes together and says so', () => {
    const log = [
      'Zone ranges:',
      '  DMA      [mem 0x0000000000001000-0x0000000000ffffff]',
      '  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]',
      'Early memory node ranges',
      '  node   0: [mem 0x0000000000001000-0x000000007fffffff]',
      '  node   1: [mem 0x0000000080000000-0x00000000bfffffff]',
    ].join('\n');
    const { scenario, notes } = machine(log);
    expect(scenario.suspend.length - count(scenario.suspend, 'X')).toBe(0xc0000 - 1);
    expect(notes.join(' ')).toMatch(/2 NUMA nodes; the model has one/);
  });

  it('says what to paste when the log has no memory lines', () => {
    for (const text of ['', '   ', 'hello\nworld', '[    0.000000] Linux version 6.1.0']) {
      const r = scenarioFromBootLog(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).not.toContain('\n');
    }
    const r = scenarioFromBootLog('dmesg says nothing');
    expect(!r.ok && r.error).toMatch(/paste the lines after "Zone ranges:"/);
  });

  const check = (text: string) => {
    const r = scenarioFromBootLog(text);
    if (r.ok) expect(parseScenario(r.doc).ok).toBe(true);
    else expect(r.error).not.toContain('\n');
  };

  it('never throws on arbitrary text (2,000 cases)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 2000 });
  });

  it('never throws on damaged logs (2,000 cases)', () => {
    // A small machine in the real formats, so each case stays cheap; lines are dropped or cut.
    const lines = [
      'BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable',
      'BIOS-e820: [mem 0x0000000000100000-0x0000000000ffffff] usable',
      '24MB HIGHMEM available.',
      'Zone ranges:',
      '  DMA      [mem 0x0000000000001000-0x00000000003fffff]',
      '  Normal   [mem 0x0000000000400000-0x0000000000bfffff]',
      '  HighMem  [mem 0x0000000000c00000-0x0000000000ffffff]',
      'Early memory node ranges',
      '  node   0: [mem 0x0000000000001000-0x000000000009efff]',
      '  node   0: [mem 0x0000000000100000-0x0000000000ffffff]',
      'Memory: 14000K/16384K available (1000K kernel code, 100K rwdata, 200K rodata, 50K init, 300K bss)',
      'Node 0, zone   Normal',
      '        spanned  3072',
      '        present  3000',
    ];
    fc.assert(
      fc.property(
        fc
          .subarray(lines)
          .chain((ls) =>
            fc
              .array(fc.nat({ max: 5 }), { minLength: ls.length, maxLength: ls.length })
              .map((cuts) => ls.map((l, i) => (cuts[i] === 0 ? l.slice(0, l.length >> 1) : l))),
          )
          .map((ls) => ls.join('\n')),
        check,
      ),
      { numRuns: 2000 },
    );
  }, 120_000);
});
