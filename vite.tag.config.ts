import { defineConfig } from 'vite';

/**
 * The `<swsusp-viz>` tag (`dist/embed.js`): one classic script, so a documentation page on any
 * origin loads it with a plain <script src> and no CORS headers.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/embed/tag.ts',
      formats: ['iife'],
      name: 'SwsuspViz',
      fileName: () => 'embed.js',
    },
  },
});
