/** What the scenario picker shows about each preset, read from the preset documents. */
import { PRESETS } from '../../core';
import { formatCount, pagesToBytes } from '../../render/units';

export interface PresetSummary {
  name: string;
  title: string;
  description: string;
  frames: number;
  /** "Normal 48 · HighMem 32" */
  zones: string;
  /** "80 frames (320 KiB)" */
  size: string;
}

function field(doc: unknown, key: string): unknown {
  return typeof doc === 'object' && doc !== null
    ? (doc as Record<string, unknown>)[key]
    : undefined;
}

function text(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function zoneList(doc: unknown): { name: string; pages: number }[] {
  const zones = field(doc, 'zones');
  if (!Array.isArray(zones)) return [];
  return zones.map((z: unknown) => ({
    name: text(field(z, 'name'), '?'),
    pages: Number(field(z, 'pages') ?? 0),
  }));
}

export function summarise(name: string, doc: unknown): PresetSummary {
  const zones = zoneList(doc);
  const frames = zones.reduce((a, z) => a + z.pages, 0);
  return {
    name,
    title: text(field(doc, 'name'), name),
    description: text(field(doc, 'description'), ''),
    frames,
    zones: zones.map((z) => `${z.name} ${formatCount(z.pages)}`).join(' · '),
    size: `${formatCount(frames)} frames (${pagesToBytes(frames)})`,
  };
}

export const PRESET_SUMMARIES: readonly PresetSummary[] = PRESETS.map((p) =>
  summarise(p.name, p.doc),
);

export const DEFAULT_PRESET = 'teaching';
