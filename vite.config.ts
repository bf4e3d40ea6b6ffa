import { defineConfig } from 'vitest/config';
import { sharedConfig } from './vite.shared.ts';

/** The page (`dist/index.html`, ES modules, the compare view's charts in their own chunk). */
export default defineConfig({
  ...sharedConfig,
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    environment: 'jsdom',
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/component/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // CI runs on a loaded 2-core machine: tests wait for states, and these ceilings only catch a
    // hang. No test may rely on finishing within a few seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
