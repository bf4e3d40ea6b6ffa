import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COLOURS, colourRule, cssName } from '../../src/render/tokens';
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
    const rule = colourRule();
    for (const [name, value] of Object.entries(COLOURS))
      expect(rule).toContain(`${cssName(name as ColourName)}: ${value};`);
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

  it('no other source defines a token property or repeats the failure and kernel colours', () => {
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
        // Themes may redefine a property for their own ground (`:root[data-theme…] { --bad: … }`).
        const light = text.replace(/:root\[data-theme[^\]]*\][^{]*\{[^}]*\}/g, '');
        return defines.test(light) || literals.some((c) => text.toLowerCase().includes(c));
      })
      .map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });
});
