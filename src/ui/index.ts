/**
 * What the app sees of the page: the two peer pages, the colours to install before the first
 * paint, and `pageOf` (which page a hash names). The rooms' files are the page's own business
 * (eslint.layers.js keeps src/app to this file).
 */
// The base styles before any room's: every room's stylesheet cascades over them.
import './shell/shell.css';

export { CompareView } from './compare/CompareView';
export { StepPage } from './shell/StepPage';
export type { StepPageProps } from './shell/StepPage';
export { installColours } from './shell/tokens';
export { pageOf } from './shell/url';
export type { PageName } from './shell/url';
