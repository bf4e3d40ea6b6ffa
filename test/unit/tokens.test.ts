import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COLOURS, DARK, colourRule, cssName } from '../../src/render/tokens';
import type { ColourName } from '../../src/render/tokens';
import { installColours } from '../../src/ui/shell/tokens';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : /\.(ts|tsx|css)$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('colour tokens', () => {
  afterEach(() => document.getElementById('swsusp-viz-colours')?.remove());

  it('names every colour as a custom property', () => {
    expect(cssName('accentInk')).toBe('--accent-ink');
    expect(cssName('phase0')).toBe('--phase-0');
    const [light, dark] = colourRule().split(":root[data-theme='dark']");
    for (const [name, value] of Object.entries(COLOURS))
      expect(light).toContain(`${cssName(name as ColourName)}: ${value};`);
    for (const [name, value] of Object.entries(DARK))
      expect(dark).toContain(`${cssName(name as ColourName)}: ${value};`);
  });

  it('gives the dark theme every colour, on a dark ground with light ink', () => {
    expect(Object.keys(DARK).sort()).toEqual(Object.keys(COLOURS).sort());
    const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16);
    expect(lum(DARK.bg)).toBeLessThan(lum(COLOURS.bg));
    expect(lum(DARK.ink)).toBeGreaterThan(lum(DARK.panel));
  });

  it('writes them first in the head, once', () => {
    const sheet = document.createElement('style');
    document.head.append(sheet);
    installColours();
    installColours();
    const styles = document.head.querySelectorAll('style');
    expect(styles[0].id).toBe('swsusp-viz-colours');
    expect(document.querySelectorAll('#swsusp-viz-colours')).toHaveLength(1);
    expect(styles[0].textContent).toBe(colourRule());
    sheet.remove();
  });

  it('no other source defines a token property, styles the dark theme or repeats the failure and kernel colours', () => {
    const tokenFile = path.join(src, 'render', 'tokens.ts');
    const defines = new RegExp(
      `(${Object.keys(COLOURS)
        .map((n) => cssName(n as ColourName))
        .join('|')})\\s*:\\s*#`,
    );
    const literals = [COLOURS.bad, COLOURS.legacy];
    const offenders = sources(src)
      .filter((f) => f !== tokenFile)
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        // The dark theme too is written from tokens.ts: no stylesheet keeps a list of its own.
        return (
          defines.test(text) ||
          /data-theme=['"]?dark/.test(text) ||
          literals.some((c) => text.toLowerCase().includes(c))
        );
      })
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });
});
