/**
 * The layers of src/ and what each may import: core ← protocol ← engine ← store ← ui/render ← app.
 * A layer imports only the layers below it (render, a framework-free drawing library, only the
 * core); the app imports the page through src/ui/index.ts, never a room's internals. One
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
  render: ['core'],
  ui: ['core', 'protocol', 'store', 'render'],
  app: ['core', 'protocol', 'store', 'render', 'ui', 'embed'],
  cli: ['core', 'protocol', 'engine'],
};

const UI_LIBRARIES = '^(react|react-dom|d3|d3-[a-z-]+|zustand)(/.*)?$';

function layerConfig(layer, allowed) {
  const forbidden = FOLDERS.filter((f) => f !== layer && !allowed.includes(f));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/.*)?$`,
      message: `src/${layer} may import only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') : 'itself'} (layers: core ← protocol ← engine ← store ← ui/render ← app).`,
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
      regex: '^(\\.\\./)+ui/.+$',
      message: 'src/app imports the page through src/ui (its index.ts), not a room’s internals.',
    });
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export const layerRules = Object.entries(LAYERS).map(([layer, allowed]) =>
  layerConfig(layer, allowed),
);
