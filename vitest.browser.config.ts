import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const executablePath = CHROMIUM_PATH;

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    include: ['test/browser/**/*.test.ts'],
    // Loaded CI machines: a ceiling against hangs, not a speed requirement.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
