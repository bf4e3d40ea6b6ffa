/**
 * The host API: what a page that frames the visualiser may post to it, and what it posts back.
 *
 *   host → embed  { type: 'swsusp-viz:command', command, ... }
 *   embed → host  { type: 'swsusp-viz:event', event, ... }
 *
 * parseHostMessage never throws: anything that is not a command is ignored (pages post all kinds
 * of messages), a command that is malformed becomes one sentence for an `error` event.
 */
import * as v from 'valibot';
import { MODELS } from '../core';
import type { Failure, ModelId, OutcomeName } from '../core';
import { quote } from './text';

export { COMMAND_TYPE, EVENT_TYPE } from './messageTypes';
import { COMMAND_TYPE, EVENT_TYPE } from './messageTypes';

/** Far past any run (i386-4g has under two million steps), small enough to stay exact. */
const MAX_STEP = 1_000_000_000;
/** The fastest the page can play is one step per drawn frame; more is accepted and means "as fast as it goes". */
const MAX_SPEED = 100_000;

const stepNumber = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be 0 or more'),
  v.maxValue(MAX_STEP, `must be at most ${MAX_STEP}`),
);
const delta = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(-MAX_STEP, `must be at least −${MAX_STEP}`),
  v.maxValue(MAX_STEP, `must be at most ${MAX_STEP}`),
);
const base = { type: v.literal(COMMAND_TYPE) };

const LoadCommand = v.pipe(
  v.strictObject({
    ...base,
    command: v.literal('load'),
    preset: v.optional(v.pipe(v.string('must be a preset name'), v.maxLength(200, 'is too long'))),
    scenario: v.optional(
      v.custom<Record<string, unknown>>(
        (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
        'must be a scenario object (swsusp-viz/scenario@1)',
      ),
    ),
    model: v.optional(v.picklist(MODELS, `must be one of ${MODELS.join(', ')}`)),
    step: v.optional(stepNumber),
  }),
  v.check(
    (c) => (c.preset === undefined) !== (c.scenario === undefined),
    'load needs either “preset” or “scenario”, not both and not neither',
  ),
);

const CommandSchema = v.variant(
  'command',
  [
    LoadCommand,
    v.strictObject({ ...base, command: v.literal('seek'), step: stepNumber }),
    v.strictObject({ ...base, command: v.literal('step'), delta }),
    v.strictObject({ ...base, command: v.literal('phase'), delta }),
    v.strictObject({ ...base, command: v.literal('play') }),
    v.strictObject({ ...base, command: v.literal('pause') }),
    v.strictObject({
      ...base,
      command: v.literal('speed'),
      stepsPerSecond: v.pipe(
        v.number('must be a number'),
        v.finite('must be a finite number'),
        v.gtValue(0, 'must be more than 0'),
        v.maxValue(MAX_SPEED, `must be at most ${MAX_SPEED}`),
      ),
    }),
  ],
  'is not one of load, seek, step, phase, play, pause, speed',
);

export type HostCommand = v.InferOutput<typeof CommandSchema>;
export const COMMANDS = ['load', 'seek', 'step', 'phase', 'play', 'pause', 'speed'] as const;

export type EmbedEvent =
  | { event: 'ready'; steps: number; model: ModelId; preset?: string; name?: string }
  | { event: 'step'; step: number; phase: string; function: string; narration: string }
  | { event: 'outcome'; outcome: OutcomeName; failure: Failure | null }
  | { event: 'error'; message: string };

export type EmbedMessage = EmbedEvent & { type: typeof EVENT_TYPE };

export type ParsedHostMessage =
  | { kind: 'ignore' }
  | { kind: 'command'; command: HostCommand }
  | { kind: 'error'; message: string };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** One line that names the field and says what is wrong with it. */
function describe(data: Record<string, unknown>, issue: v.BaseIssue<unknown>): string {
  const name = typeof data.command === 'string' ? quote(data.command) : 'a command';
  const key = issue.path?.map((p) => String(p.key)).join('.');
  if (
    (issue.type === 'strict_object' || issue.type === 'object') &&
    key &&
    issue.expected !== 'never'
  )
    return `Command ${name} needs ${quote(key)}; it takes ${fieldsOf(data.command)}.`;
  if (issue.type === 'strict_object' && key)
    return `Command ${name} has no field ${quote(key)}; it takes ${fieldsOf(data.command)}.`;
  if (key === 'command' || (issue.type === 'variant' && !key))
    return `Command ${name} ${issue.message}.`;
  if (key) return `Command ${name}: “${key}” ${issue.message} (got ${quote(issue.input)}).`;
  return `Command ${name}: ${issue.message}.`;
}

const FIELDS: Record<string, string> = {
  load: '“preset” or “scenario”, optional “model” and “step”',
  seek: '“step”',
  step: '“delta”',
  phase: '“delta”',
  play: 'no fields',
  pause: 'no fields',
  speed: '“stepsPerSecond”',
};

function fieldsOf(command: unknown): string {
  return (
    (typeof command === 'string' && Object.hasOwn(FIELDS, command) && FIELDS[command]) ||
    'only its own fields'
  );
}

export function parseHostMessage(data: unknown): ParsedHostMessage {
  if (!isRecord(data) || data.type !== COMMAND_TYPE) return { kind: 'ignore' };
  const result = v.safeParse(CommandSchema, data, { abortEarly: true });
  if (result.success) return { kind: 'command', command: result.output };
  return { kind: 'error', message: describe(data, result.issues[0]) };
}

/**
 * The `origins=` hash parameter: origins the page accepts commands from, comma-separated. Each
 * must be a plain `scheme://host[:port]`; `*` is refused, since events carry the page's state.
 */
export function parseOrigins(raw: string | null): { origins: string[]; problems: string[] } {
  if (raw === null) return { origins: [], problems: [] };
  const origins: string[] = [];
  const problems: string[] = [];
  for (const part of raw.split(',').slice(0, 20)) {
    const item = part.trim();
    if (!item) continue;
    let origin: string | null = null;
    try {
      const u = new URL(item);
      if (
        (u.protocol === 'https:' || u.protocol === 'http:') &&
        u.origin === item.replace(/\/$/, '')
      )
        origin = u.origin;
    } catch {
      origin = null;
    }
    if (origin) origins.push(origin);
    else
      problems.push(
        `The link’s origin ${quote(item)} is not an origin like https://example.org; commands from it are ignored.`,
      );
  }
  return { origins: [...new Set(origins)], problems };
}
