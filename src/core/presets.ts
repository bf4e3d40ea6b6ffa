import teaching from './presets/teaching.json';
import i3861g from './presets/i386-1g.json';
import i3864g from './presets/i386-4g.json';
import i3864gAnon from './presets/i386-4g-anon.json';
import i38616gPae from './presets/i386-16g-pae.json';
import lowmemOnly from './presets/lowmem-only.json';
import notEnough from './presets/not-enough-memory.json';
import needsShrinking from './presets/needs-shrinking.json';
import todayTeaching from './presets/today-teaching.json';
import halfRamCap from './presets/half-ram-cap.json';
import zeroPages from './presets/zero-pages.json';
import i3864gToday from './presets/i386-4g-today.json';

/** A preset is a scenario file shipped with the product, named for the URL and the picker. */
export interface Preset {
  name: string;
  doc: unknown;
}

export const PRESETS: readonly Preset[] = [
  { name: 'teaching', doc: teaching },
  { name: 'needs-shrinking', doc: needsShrinking },
  { name: 'not-enough-memory', doc: notEnough },
  { name: 'lowmem-only', doc: lowmemOnly },
  { name: 'i386-1g', doc: i3861g },
  { name: 'i386-4g', doc: i3864g },
  { name: 'i386-4g-anon', doc: i3864gAnon },
  { name: 'i386-16g-pae', doc: i38616gPae },
  { name: 'today-teaching', doc: todayTeaching },
  { name: 'half-ram-cap', doc: halfRamCap },
  { name: 'zero-pages', doc: zeroPages },
  { name: 'i386-4g-today', doc: i3864gToday },
];

export function presetNames(): string[] {
  return PRESETS.map((p) => p.name);
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
