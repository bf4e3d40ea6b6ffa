// Shared setup for the jsdom unit and component tests (vite.config.ts → test.setupFiles).
// With vitest `globals: false`, @testing-library/react does not clean up on its own (toolchain G6).
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
