/**
 * `npm run simulate`: runs the prebuilt CLI bundle (scripts/build-cli.mjs), rebuilding it first
 * when the sources are newer, so a fresh checkout and an edited tree both work.
 */
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, isStale } from './build-cli.mjs';

if (isStale()) await buildCli();
await import(pathToFileURL(BUNDLE).href);
