/**
 * What the app sees of the page: the two pages, the engine context and the links' parsers. The
 * rooms' files are the page's own business (eslint.layers.js keeps src/app to this file).
 */
// The base styles before any room's: every room's stylesheet cascades over them.
import './shell/shell.css';

export { CompareView } from './compare/CompareView';
export { EngineProvider } from './shell/EngineContext';
export { DEFAULT_PRESET } from './shell/presets';
export { installColours } from './shell/tokens';
export {
  EMPTY_VIEW,
  cancelPendingHash,
  formatView,
  openView,
  pageOf,
  parseView,
  pushHash,
  replaceHash,
  throttledHash,
} from './shell/url';
export type { PageName, ParsedView, ViewState } from './shell/url';
export { CUSTOM_SCENARIO } from './shell/ScenarioPicker';
export { shareLink } from './share/link';
export { sameScenario, scenarioNames, scenarioSource } from './share/source';
export { prefs } from './lecture/prefs';
export { Visualiser } from './shell/Visualiser';
