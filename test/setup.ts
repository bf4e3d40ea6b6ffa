// Shared setup for the jsdom unit and component tests (vite.config.ts → test.setupFiles).
// With vitest `globals: false`, @testing-library/react does not clean up on its own (toolchain G6).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor wait for a state; on a loaded machine that can take far longer than the 1 s default.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => {
  cleanup();
});
