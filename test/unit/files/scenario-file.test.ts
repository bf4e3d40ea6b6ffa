// Scenario files in and out: what the page saves runs the same again, and a bad file is refused
// with the checker's one-line message saying what to fix.
import { describe, expect, it } from 'vitest';
import { getPreset, simulateDocument } from '../../../src/core';
import {
  checkScenarioBytes,
  readScenarioFile,
  scenarioDocument,
  scenarioText,
  SCENARIO_FILE_LIMIT,
} from '../../../src/ui/files/scenarioFile';
import { exportFileName, slug } from '../../../src/ui/files/fileName';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the scenario file the page saves', () => {
  it('runs as the run shown: the preset on the model it was shown on', () => {
    const doc = scenarioDocument({ kind: 'preset', name: 'teaching' }, 'linux-2.6.17');
    const back = checkScenarioBytes(utf8(scenarioText(doc)), 'teaching.json');
    expect(back.ok).toBe(true);
    const a = simulateDocument(back.ok ? back.doc : null, { record: false });
    const b = simulateDocument(getPreset('teaching')!.doc, {
      model: 'linux-2.6.17',
      record: false,
    });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.report).toEqual(b.report);
  });

  it('keeps a document of one’s own, name and all, and does not touch the original', () => {
    const own = { ...(getPreset('teaching')!.doc as object), name: '<img src=x onerror=alert(1)>' };
    const before = JSON.stringify(own);
    const doc = scenarioDocument({ kind: 'document', doc: own }, 'linux-6.12') as Record<
      string,
      unknown
    >;
    expect(doc.name).toBe('<img src=x onerror=alert(1)>');
    expect(doc.model).toBe('linux-6.12');
    expect(JSON.stringify(own)).toBe(before);
    expect(scenarioText(doc).endsWith('}\n')).toBe(true);
  });
});

describe('a scenario file opened', () => {
  const good = scenarioText(getPreset('teaching')!.doc);

  it('is taken when it is valid, with a UTF-8 byte order mark too', () => {
    expect(checkScenarioBytes(utf8(good), 'a.json').ok).toBe(true);
    expect(checkScenarioBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(good)]), 'a.json').ok).toBe(
      true,
    );
  });

  it.each([
    [
      'bad JSON',
      '{"format": "swsusp-viz/scenario@1", zones',
      /^"bad\.json" is not valid JSON at line 1, column \d+: /,
    ],
    [
      'a run of zero frames',
      good.replace(/"suspend": "(\w)/, '"suspend": "F0 $1'),
      /^"bad\.json" is not a valid scenario: suspend: zone \w+, run 1 \("F0"\): .*give a count of 1 or more\.$/,
    ],
    [
      'a misspelt field',
      good.replace('"zones"', '"pagesForIO": 3, "zones"'),
      /^"bad\.json" is not a valid scenario: pagesForIO: unknown field/,
    ],
    ['no object at all', '42', /^"bad\.json" is not a valid scenario: /],
  ])('is refused with one line saying what to fix: %s', (_, text, message) => {
    const r = checkScenarioBytes(utf8(text), 'bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(message);
      expect(r.error).not.toMatch(/\n/);
    }
  });

  it('names UTF-16 as such', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(utf8('{}'), (b) => [b, 0]).flat()]);
    const r = checkScenarioBytes(bytes, 'wide.json');
    expect(!r.ok && r.error).toMatch(/^"wide\.json" is UTF-16 .*save it as UTF-8\.$/);
  });

  it('is refused unread when it is over 16 MiB', async () => {
    const file = new File([new Uint8Array(1)], 'huge.json');
    Object.defineProperty(file, 'size', { value: SCENARIO_FILE_LIMIT + 1 });
    file.arrayBuffer = () => Promise.reject(new Error('must not be read'));
    const r = await readScenarioFile(file);
    expect(!r.ok && r.error).toBe(
      '"huge.json" is 16,777,217 bytes; a scenario file is at most 16 MiB.',
    );
  });

  it('quotes a hostile file name escaped and cut', () => {
    const r = checkScenarioBytes(utf8('{'), `evil\u001b]0;title\u0007${'x'.repeat(200)}.json`);
    expect(!r.ok && r.error).not.toMatch(/\p{Cc}/u);
    expect(!r.ok && r.error.length).toBeLessThan(300);
  });
});

describe('export file names', () => {
  it('say scenario, model and step', () => {
    expect(exportFileName({ scenario: 'teaching', model: 'linux-2.6.20', step: 40 }, '.png')).toBe(
      'teaching_linux-2.6.20_step-40.png',
    );
  });

  it('reduce a name of one’s own to letters, digits and hyphens', () => {
    expect(slug('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
    expect(slug('Café ../../etc/passwd')).toBe('cafe-etc-passwd');
    expect(slug('<>')).toBe('scenario');
    expect(slug('x'.repeat(100))).toHaveLength(48);
  });
});
