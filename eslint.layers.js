/**
 * The layers of src/ and what each may import: core ← protocol ← engine ← store ← embed ←
 * ui/render ← app. A layer imports only the layers below it (render, a framework-free drawing
 * library, only the core; embed, the host API of a framed page, the store but never the page);
 * the app imports the page through src/ui/index.ts, never a room's internals. One
 * `no-restricted-imports` entry per layer, so a violation names the rule it breaks.
 * test/unit/layers.test.ts runs ESLint on a violating file in every layer and expects the error.
 */

/** The top-level folders of src/ the rules know. */
const FOLDERS = ['core', 'protocol', 'engine', 'store', 'render', 'ui', 'app', 'cli', 'embed'];

/** What each layer may import besides itself. */
export const LAYERS = {
  core: [],
  protocol: ['core'],
  engine: ['core', 'protocol'],
  store: ['core', 'protocol', 'engine'],
  embed: ['core', 'protocol', 'store'],
  render: ['core'],
  ui: ['core', 'protocol', 'store', 'embed', 'render'],
  app: ['core', 'protocol', 'store', 'render', 'ui'],
  cli: ['core', 'protocol', 'engine'],
};

const UI_LIBRARIES = '^(react|react-dom|d3|d3-[a-z-]+|zustand)(/.*)?$';

/**
 * The rules for the files `depth` folders below src/ (1: src/ui/x.ts, 2: src/ui/frames/x.ts …):
 * exactly `depth` times '../' leads to another layer, so a room that shares a layer's name
 * (src/ui/embed) is not mistaken for it.
 */
function layerConfig(layer, allowed, depth) {
  const up = `^(\\.\\./){${depth}}`;
  const forbidden = FOLDERS.filter((f) => f !== layer && !allowed.includes(f));
  const patterns = [
    {
      regex: `${up}(${forbidden.join('|')})(/.*)?$`,
      message: `src/${layer} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'} (layers: core ← protocol ← engine ← store ← embed ← ui/render ← app).`,
    },
  ];
  if (['core', 'protocol', 'engine', 'cli'].includes(layer))
    patterns.push({
      regex: UI_LIBRARIES,
      message: `src/${layer} runs outside the page: no UI or state libraries.`,
    });
  if (layer === 'render')
    patterns.push({
      regex: '^(react|react-dom|zustand)(/.*)?$',
      message: 'src/render draws without React: no react, react-dom or zustand.',
    });
  if (layer === 'app')
    patterns.push({
      regex: `${up}ui/.+$`,
      message: 'src/app imports the page through src/ui (its index.ts), not a room’s internals.',
    });
  return {
    files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

/** Deep enough for every folder in src/ today (src/core/kernel/legacy/x.ts is depth 3). */
const DEPTHS = [1, 2, 3, 4, 5];

export const layerRules = Object.entries(LAYERS).flatMap(([layer, allowed]) =>
  DEPTHS.map((depth) => layerConfig(layer, allowed, depth)),
);
