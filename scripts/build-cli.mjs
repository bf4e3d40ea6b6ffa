/**
 * The simulate CLI as one prebuilt JavaScript file, so `npm run simulate` starts Node on plain
 * JavaScript instead of compiling TypeScript on every run. Built by `npm install` (the `prepare`
 * script) and again on demand by scripts/simulate.mjs whenever a source file is newer.
 *
 *   node scripts/build-cli.mjs        builds node_modules/.cache/swsusp-viz/simulate.mjs
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'node_modules', '.cache', 'swsusp-viz', 'simulate.mjs');
/** What the bundle is built from: the CLI, the core it imports, and the installed packages. */
const INPUTS = [
  join(root, 'src', 'cli'),
  join(root, 'src', 'core'),
  join(root, 'package-lock.json'),
];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when the bundle is missing or older than any of its inputs. */
export function isStale() {
  let built;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((p) => newestMtime(p) > built);
}

export async function buildCli() {
  // esbuild comes with vite; it is only needed when the bundle is (re)built.
  const { build } = await import('esbuild');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'simulate.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ESM builds of dependencies where they ship both (jsonc-parser's UMD build needs require)
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
}
