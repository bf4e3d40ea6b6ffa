/** Validation building blocks shared by every input boundary. */
export { fields, flag, isRecord, oneOf, text, wholeNumber } from './fields';
export type { TextOptions, WholeNumberOptions } from './fields';
export { check, fieldOf, rejectionOf } from './issues';
export type { Checked, Rejection } from './issues';
export { closest, didYouMean } from './suggest';
export { describeValue, escapeControls, oneLine, quote, QUOTE_MAX, truncate } from './text';
