import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { sharedConfig } from './vite.shared.ts';

/**
 * The embed (`dist/embed.html`): the step view alone, its script and styles inline, written next
 * to the page's build. A module script fetched from a file would need CORS headers inside an
 * iframe sandboxed with `allow-scripts` alone (its origin is opaque); an inline one needs none.
 * The worker stays a file of its own (dist/assets/engine.worker-*.js), started as spawnWorker.ts
 * says.
 */
export default defineConfig({
  ...sharedConfig,
  plugins: [...sharedConfig.plugins, viteSingleFile({ useRecommendedBuildConfig: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // The script is inlined into embed.html: build it at the same level, so the worker's URL,
    // computed relative to the script, is relative to the page.
    assetsDir: '',
    cssCodeSplit: false,
    rolldownOptions: { input: 'embed.html', output: { codeSplitting: false } },
  },
});
