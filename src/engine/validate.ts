/**
 * Checking what arrives from the page before acting on it: anything that is not a well-formed
 * version-1 ToEngine message becomes an error string, so a bad message never throws in the worker.
 */
import { MODELS } from '../core';
import type { ModelId } from '../core';
import { PROTOCOL_VERSION } from '../protocol/messages';
import type { ScenarioSource, StepUnit, ToEngine } from '../protocol/messages';

export type Parsed = { ok: true; msg: ToEngine } | { ok: false; error: string };

const UNITS: readonly StepUnit[] = ['step', 'call', 'phase'];

type Fields = Record<string, unknown>;

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function isUnit(v: unknown): v is StepUnit {
  return UNITS.includes(v as StepUnit);
}

function source(v: unknown): ScenarioSource | string {
  if (!isObject(v))
    return 'load.source: expected { kind: "preset", name } or { kind: "document", doc }';
  if (v.kind === 'preset') {
    return typeof v.name === 'string'
      ? { kind: 'preset', name: v.name }
      : 'load.source.name: expected a string';
  }
  if (v.kind === 'document') return { kind: 'document', doc: v.doc };
  return `load.source.kind: expected "preset" or "document", got ${JSON.stringify(v.kind)}`;
}

function parseLoad(m: Fields): Parsed {
  if (!isInt(m.loadId)) return bad('load.loadId: expected an integer');
  const src = source(m.source);
  if (typeof src === 'string') return bad(src);
  if (m.model !== undefined && !MODELS.includes(m.model as ModelId)) {
    return bad(`load.model: expected one of ${MODELS.join(', ')}, got ${JSON.stringify(m.model)}`);
  }
  if (m.step !== undefined && !(isInt(m.step) && m.step >= 0)) {
    return bad('load.step: expected a whole number ≥ 0');
  }
  const msg: ToEngine = { v: 1, type: 'load', loadId: m.loadId, source: src };
  if (m.model !== undefined) msg.model = m.model as ModelId;
  if (m.step !== undefined) msg.step = m.step;
  return { ok: true, msg };
}

function bad(error: string): Parsed {
  return { ok: false, error };
}

const PARSERS: Record<ToEngine['type'], (m: Fields) => Parsed> = {
  load: parseLoad,
  seek: (m) =>
    isInt(m.step)
      ? { ok: true, msg: { v: 1, type: 'seek', step: m.step } }
      : bad('seek.step: expected an integer'),
  move: (m) =>
    isUnit(m.unit) && (m.dir === 1 || m.dir === -1)
      ? { ok: true, msg: { v: 1, type: 'move', unit: m.unit, dir: m.dir } }
      : bad('move: expected unit "step" | "call" | "phase" and dir 1 | -1'),
  play: (m) =>
    isUnit(m.unit) && typeof m.rate === 'number' && Number.isFinite(m.rate) && m.rate > 0
      ? { ok: true, msg: { v: 1, type: 'play', unit: m.unit, rate: m.rate } }
      : bad('play: expected unit "step" | "call" | "phase" and a rate > 0 (units per second)'),
  pause: () => ({ ok: true, msg: { v: 1, type: 'pause' } }),
  ack: (m) =>
    isInt(m.seq)
      ? { ok: true, msg: { v: 1, type: 'ack', seq: m.seq } }
      : bad('ack.seq: expected an integer'),
  inspect: (m) =>
    isInt(m.pfn)
      ? { ok: true, msg: { v: 1, type: 'inspect', pfn: m.pfn } }
      : bad('inspect.pfn: expected an integer'),
  dispose: () => ({ ok: true, msg: { v: 1, type: 'dispose' } }),
  ping: (m) =>
    isInt(m.id)
      ? { ok: true, msg: { v: 1, type: 'ping', id: m.id } }
      : bad('ping.id: expected an integer'),
  export: (m) =>
    isInt(m.id) && (m.what === 'report' || m.what === 'steps') && isInt(m.from) && m.from >= 0
      ? { ok: true, msg: { v: 1, type: 'export', id: m.id, what: m.what, from: m.from } }
      : bad('export: expected an integer id, what "report" | "steps" and a step from ≥ 0'),
};

export function parseMessage(data: unknown): Parsed {
  if (!isObject(data)) return bad('message: expected an object');
  if (data.v !== PROTOCOL_VERSION) {
    return bad(
      `message: protocol version ${JSON.stringify(data.v)} is not supported (expected ${PROTOCOL_VERSION})`,
    );
  }
  const type = data.type;
  if (typeof type !== 'string' || !Object.hasOwn(PARSERS, type)) {
    return bad(`message: unknown type ${JSON.stringify(type)}`);
  }
  return PARSERS[type as ToEngine['type']](data);
}
