/**
 * The public face of the emulator core. Everything here is pure: no DOM, no workers, no React.
 * The worker engine, the CLI and the tests import from this file.
 */
export * from './constants';
export { Role, ROLE_NAMES, ROLE_COUNT } from './roles';
export type { RoleId } from './roles';
export * as Marks from './marks';
export { Reg, REG_COUNT, Side, Outcome } from './registers';
export type { RegId } from './registers';
export type { FrameState, FrameImage } from './state';
export { cloneState, createState, copyStateInto, statesEqual } from './state';
export type {
  Trace,
  StepColumns,
  BitmapInstance,
  BitmapZone,
  BitmapBlock,
  ImagePage,
  Tables,
} from './trace/trace';
export { applyForward, applyBackward, changedFrames, traceBytes } from './trace/trace';
export { COUNTED_BITS, countBits } from './trace/bits';
export {
  COPY_COST_PER_FRAME,
  EXPECTED_BYTES_PER_FRAME,
  STEP_COST,
  baseImageOf,
  defaultKeyframeBudget,
  initialKeyframe,
  packKeyframe,
  stateBytes,
  unpackKeyframe,
} from './trace/keyframes';
export type { Keyframe, KeyframeOptions } from './trace/keyframes';
export { TraceBuilder } from './trace/chunks';
export type { ChunkKeyframe, ChunkOptions, TraceChunk } from './trace/chunks';
export { buildZones } from './kernel/machine';
export { Phase, PHASE_NAMES } from './kernel/phases';
export type { Zone } from './kernel/machine';
export type { Failure } from './kernel/kernel';
export type { Run, OutcomeName, SimulateOptions } from './run';
export { simulate, simulateDocument } from './simulate';
export type { SimulateResult } from './simulate';
export { buildReport } from './report';
export type { Report, SuspendReport, ResumeReport } from './report';
export {
  parseScenario,
  parseScenarioText,
  scenarioForModel,
  totalram,
  defaultImageSize,
  SUSPEND_LETTERS,
  RESUME_LETTERS,
} from './scenario/parse';
export type { ParseResult } from './scenario/parse';
export { LINK_MAX_CHARS, decodeScenarioParam, encodeScenarioParam } from './scenario/link';
export type { DecodedScenario } from './scenario/link';
export type {
  Scenario,
  ScenarioDocument,
  ScenarioFields,
  ModelId,
  Policy,
  ZoneName,
  ZoneSpec,
} from './scenario/types';
export { MODELS, FORMAT, POLICIES, ZONE_NAMES } from './scenario/types';
export { ScenarioDocumentSchema } from './scenario/schema';
export { LAYOUT_MAX_CHARS, parseLayout } from './scenario/layout';
export type { LayoutError, LayoutField, LayoutResult } from './scenario/layout';
export { parseJson } from './scenario/json';
export { decodeScenarioBytes } from './scenario/bytes';
export type { DecodeResult } from './scenario/bytes';
export type { JsonResult } from './scenario/json';
export * as Schema from './schema';
export { scenarioFromBootLog } from './bootlog';
export type { BootLogResult } from './bootlog';
export type { Checked, Rejection } from './schema';
export {
  CATALOGUE_MODELS,
  FUNCTIONS,
  KINDS,
  kindIds,
  kindInfo,
  modelFunctions,
  modelHasLine,
} from './source/catalogue';
export type { Kind, ArgsOf, KindInfo, SourceFunction, SourceLine } from './source/catalogue';
export type { ArrowKind, StepArrow } from './source/kind';
export {
  firstMarkedStep,
  formatNumber,
  narrate,
  plural,
  stepArgsOf,
  stepArrows,
  stepKind,
  stepTouched,
} from './source/narration';
export type { NarrationContext } from './source/narration';
export { stepPrintk, stepRecord, stepTrace } from './source/steps';
export type { StepRecord } from './source/steps';
export { PRESETS, presetNames, getPreset } from './presets';
export type { Preset } from './presets';
export {
  ceilingAt,
  ceilingSweep,
  i386Machine,
  legacyFits,
  modernFits,
  todayFits,
  todayMaxSize,
} from './analysis/ceiling';
export type { CeilingMachine, CeilingPoint } from './analysis/ceiling';
export { bitmapCost, breakEven, metadataAt, metadataSweep } from './analysis/metadata';
export type { MetadataPoint } from './analysis/metadata';
export { compareColumn } from './analysis/compare';
export type { CompareColumn, TodayColumn } from './analysis/compare';
export {
  auditInvariants,
  checkStep,
  InvariantAudit,
  checksByKey,
  invariantsFor,
  registerInvariants,
} from './invariants';
export type { InvariantCheck, InvariantFactory, InvariantSummary, StepCheck } from './invariants';
export {
  isRight,
  LOAD_CHOICES,
  OUTCOME_CHOICES,
  QUESTION_KIND_NAMES,
  QUESTION_KINDS,
  QuestionSource,
} from './predict/questions';
export type { Answer, Question, QuestionKind } from './predict/questions';
