/**
 * What the app sees of the page: the two peer pages, the colours to install before the first
 * paint, and `pageOf` (which page a hash names). The rooms' files are the page's own business
 * (eslint.layers.js keeps src/app to this file).
 */
// The base styles before any room's: every room's stylesheet cascades over them.
import './shell/shell.css';
import { lazy } from 'react';

/**
 * The compare page, fetched the first time it opens (render it inside `<Suspense>`): its charts
 * (d3 scales, axes, lines) stay out of the step view's script. Pure, so a build that never shows
 * it (the embed) drops it whole.
 */
export const CompareView = /* #__PURE__ */ lazy(() =>
  import('./compare/CompareView').then((m) => ({ default: m.CompareView })),
);
export { StepPage } from './shell/StepPage';
export type { StepPageProps } from './shell/StepPage';
export { installColours } from './shell/tokens';
export { pageOf } from './shell/url';
export type { PageName } from './shell/url';
