/**
 * The two kernels in every chart and in the compare view: Okabe–Ito vermillion for 2.6.17 and blue
 * for 2.6.20 (apart under the common colour-vision deficiencies, both ≥ 4.5:1 on white), and a
 * dash pattern on the legacy line so the two differ in grey print too.
 */
import { COLOURS } from '../tokens';

export const MODEL_COLOURS = {
  'linux-2.6.17': COLOURS.legacy,
  'linux-2.6.20': COLOURS.modern,
  'linux-6.12': COLOURS.today,
} as const;

/** linux-6.12's line: dotted, so the three differ in grey print too. */
export const TODAY_DASH = '2 3';

export const LEGACY_DASH = '9 5';
/** The second machine's line in the metadata chart. */
export const SECOND_DASH = '2 4';

export const RULE_COLOUR = '#3d4249';
