import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { sharedConfig } from './vite.shared.ts';

const inlineWorker = fileURLToPath(new URL('./src/engine/spawnWorker.inline.ts', import.meta.url));

/**
 * The offline page (`npm run build:single` → `dist-single/swsusp-viz.html`): everything in one
 * HTML file (both views, every preset and model, the worker as an inline blob), so it runs from
 * file:// with no network.
 */
export default defineConfig({
  ...sharedConfig,
  plugins: [
    {
      name: 'swsusp-viz:inline-worker',
      enforce: 'pre',
      resolveId(source, importer) {
        if (importer && /\/spawnWorker$|\/spawnWorker\.ts$/.test(source)) return inlineWorker;
        return null;
      },
    },
    ...sharedConfig.plugins,
    viteSingleFile({ outputFileName: 'swsusp-viz.html' }),
  ],
  build: { outDir: 'dist-single', emptyOutDir: true },
});
