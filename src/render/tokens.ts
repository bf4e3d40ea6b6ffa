/**
 * The page's colours, one source for TypeScript and CSS. The renderers paint with these values;
 * the page writes the same values as CSS custom properties (`bad` → `--bad`, `accentInk` →
 * `--accent-ink`, `phase0` → `--phase-0`) before it draws (src/ui/shell/tokens.ts), so a
 * stylesheet says `var(--bad)` and never repeats a value. Themes override the properties in CSS.
 */
export const COLOURS = {
  bg: '#f4f4f1',
  panel: '#ffffff',
  line: '#d9d9d3',
  ink: '#1c1e22',
  muted: '#5a6068',
  accent: '#0b5cad',
  accentInk: '#ffffff',
  /** Keyboard focus, and the inspected frame's ring. */
  focus: '#d4007a',
  /** Good news: a match, a restored run, a copy back. */
  ok: '#007a5a',
  /** Bad news: a failure, a mismatch, an unsafe frame, a swap. */
  bad: '#c63b00',
  codeBg: '#f3f4f6',
  /** The two kernels, in the compare page and its charts (Okabe–Ito vermillion and blue). */
  legacy: '#c0470a',
  modern: '#0072b2',
  /** The phase bands: suspend, image, power-off, resume, restore, restored. */
  phase0: '#f6d28c',
  phase1: '#a9d8f5',
  phase2: '#c9c9c9',
  phase3: '#e9b8d4',
  phase4: '#8fd6bd',
  phase5: '#f5ec9a',
} as const;

export type ColourName = keyof typeof COLOURS;

/** `accentInk` → `--accent-ink`, `phase0` → `--phase-0`. */
export function cssName(name: ColourName): string {
  return `--${name.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** One `:root` rule with every colour as a custom property. */
export function colourRule(): string {
  const decls = Object.entries(COLOURS).map(([n, v]) => `${cssName(n as ColourName)}: ${v};`);
  return `:root {\n  ${decls.join('\n  ')}\n}\n`;
}
