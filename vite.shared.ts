/**
 * What the three builds share: relative asset URLs (the page works from any path, file:// too)
 * and a classic (IIFE) worker, which can start from a blob where the page's origin is opaque.
 */
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

export const sharedConfig = {
  base: './',
  plugins: [react()],
  worker: {
    format: 'iife',
    rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].js' } },
  },
} satisfies UserConfig;
