/**
 * The page's colours, one source for TypeScript and CSS, in both themes. The renderers paint with
 * these values; the page writes the same values as CSS custom properties (`bad` → `--bad`,
 * `accentInk` → `--accent-ink`, `phase0` → `--phase-0`) before it draws (src/ui/shell/tokens.ts):
 * `COLOURS` on `:root`, `DARK` on `:root[data-theme='dark']`. So a stylesheet says `var(--bad)`
 * and never repeats a value, and the dark theme is the same roles of colour on a dark ground.
 */
export const COLOURS = {
  bg: '#f4f4f1',
  panel: '#ffffff',
  line: '#d9d9d3',
  /** Borders that must show on a hovered or raised control, and the frames of list nodes. */
  lineStrong: '#b9c0c9',
  /** Hairlines between rows of a list. */
  rule: '#eeeeee',
  ink: '#1c1e22',
  muted: '#5a6068',
  accent: '#0b5cad',
  accentHover: '#094c8f',
  accentInk: '#ffffff',
  /** Keyboard focus, and the inspected frame's ring. */
  focus: '#d4007a',
  /** Good news: a match, a restored run, a copy back. */
  ok: '#007a5a',
  okBg: '#e3f5ee',
  okInk: '#005c43',
  /** Bad news: a failure, a mismatch, an unsafe frame, a swap. */
  bad: '#c63b00',
  badBg: '#fdece6',
  badInk: '#9a2e00',
  noticeBg: '#fff8e1',
  codeBg: '#f3f4f6',
  /** Buttons and the kernel log: a shade off the panel. */
  raised: '#fbfbfa',
  /** A hovered control, and pfn chips. */
  hover: '#eef1f5',
  hoverStrong: '#dce4ee',
  /** The ground behind a group of tabs. */
  well: '#eceeea',
  /** The current line of source, the new lines of the log, the current step of a history. */
  highlight: '#fff1c2',
  highlightInk: '#b37400',
  /** Line numbers and other quiet marks in code. */
  gutter: '#9aa0a6',
  /** Empty bits, bars and tracks. */
  track: '#e6e8eb',
  /** The image's header and meta pages once written. */
  slotHeader: '#fbe3c0',
  slotMeta: '#dcecf8',
  /** The page-frame grid: zone grounds (lowmem, highmem), zone labels and their chip. */
  zoneLow: '#e9ebef',
  zoneHigh: '#efe8f3',
  zoneLabel: '#30343b',
  zoneChip: '#ffffff',
  /** The two kernels, in the compare page and its charts (Okabe–Ito vermillion and blue). */
  legacy: '#c0470a',
  modern: '#0072b2',
  /** linux-6.12 beside them: a purple apart from both (≥ 4.5:1 on white). */
  today: '#6a3d9a',
  /** The phase bands: suspend, image, power-off, resume, restore, restored. */
  phase0: '#f6d28c',
  phase1: '#a9d8f5',
  phase2: '#c9c9c9',
  phase3: '#e9b8d4',
  phase4: '#8fd6bd',
  phase5: '#f5ec9a',
} as const;

export type ColourName = keyof typeof COLOURS;

export type Theme = 'light' | 'dark';

/**
 * The dark theme: every colour again (the type asks for each one). Role colours of the grid and
 * the phase bands keep their light values, so a colour means the same thing in both themes (the
 * bands carry dark text on their pastel ground in both).
 */
export const DARK: { readonly [K in ColourName]: string } = {
  bg: '#121417',
  panel: '#1c1f24',
  line: '#3a3f47',
  lineStrong: '#4f5661',
  rule: '#30353d',
  ink: '#eceef1',
  muted: '#b4bac3',
  accent: '#7fb6ff',
  accentHover: '#a8cdff',
  accentInk: '#0b1320',
  focus: '#ff6ec7',
  ok: '#5fd3a8',
  okBg: '#123d30',
  okInk: '#b8f0da',
  bad: '#ff8a5c',
  badBg: '#47200f',
  badInk: '#ffd2bd',
  noticeBg: '#3d3212',
  codeBg: '#262a31',
  raised: '#1c1f24',
  hover: '#2c323b',
  hoverStrong: '#38404b',
  well: '#262a31',
  highlight: '#3d3212',
  highlightInk: '#f5c15c',
  gutter: '#8d949c',
  track: '#30353d',
  slotHeader: '#4a3413',
  slotMeta: '#173650',
  zoneLow: '#2a2e35',
  zoneHigh: '#322a38',
  zoneLabel: '#eceef1',
  zoneChip: '#1c1f24',
  legacy: '#ff8a5c',
  modern: '#56b4e9',
  today: '#c3a5e8',
  phase0: COLOURS.phase0,
  phase1: COLOURS.phase1,
  phase2: COLOURS.phase2,
  phase3: COLOURS.phase3,
  phase4: COLOURS.phase4,
  phase5: COLOURS.phase5,
};

/** The colours of one theme. */
export function themeColours(theme: Theme): { readonly [K in ColourName]: string } {
  return theme === 'dark' ? DARK : COLOURS;
}

/** `accentInk` → `--accent-ink`, `phase0` → `--phase-0`. */
export function cssName(name: ColourName): string {
  return `--${name.replace(/[A-Z0-9]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function declarations(colours: { readonly [K in ColourName]: string }): string {
  return Object.entries(colours)
    .map(([n, v]) => `${cssName(n as ColourName)}: ${v};`)
    .join('\n  ');
}

/**
 * The `:root` rule with every colour as a custom property, and the dark theme's rule (the page sets
 * `data-theme` on the root element: the viewer's choice, else the system's).
 */
export function colourRule(): string {
  return (
    `:root {\n  ${declarations(COLOURS)}\n}\n` +
    `:root[data-theme='dark'] {\n  color-scheme: dark;\n  ${declarations(DARK)}\n}\n`
  );
}
