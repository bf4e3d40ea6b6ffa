/** The three kernel models as the pages name them: version, one line about each, the order shown. */
import { getPreset } from '../../core';
import type { ModelId } from '../../core';

export const MODEL_TITLES: Readonly<Record<ModelId, { version: string; about: string }>> = {
  'linux-2.6.17': {
    version: '2.6.17',
    about: 'before the 2006 series: save_highmem, PBE pagedir',
  },
  'linux-2.6.20': {
    version: '2.6.20',
    about: 'after it: two memory bitmaps, highmem copied to highmem',
  },
  'linux-6.12': {
    version: '6.12',
    about: 'today: preallocation before the freeze, radix-tree bitmaps, zero pages',
  },
};

/** Oldest first: the order of the pickers and of a compared pair. */
export const MODEL_ORDER: readonly ModelId[] = ['linux-2.6.17', 'linux-2.6.20', 'linux-6.12'];

/** "2.6.20" for "linux-2.6.20". */
export function versionOf(model: ModelId): string {
  return MODEL_TITLES[model].version;
}

/** The model a preset's document names (absent: linux-2.6.20), or null for a name that is no preset. */
export function presetModel(name: string): ModelId | null {
  const doc = getPreset(name)?.doc as { model?: unknown } | undefined;
  if (!doc) return null;
  return MODEL_ORDER.find((m) => m === doc.model) ?? 'linux-2.6.20';
}
