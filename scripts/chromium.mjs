/**
 * The one place that says how tests and benchmarks start Chromium: Debian's /usr/bin/chromium
 * (or CHROMIUM_PATH) with the flags this closed-network machine needs. Without the
 * background-networking flags Chromium keeps trying to reach Google's hosts.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
