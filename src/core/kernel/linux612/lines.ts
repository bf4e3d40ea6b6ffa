import { lineId } from '../../source/pseudocode';
import { STEPS_612 } from '../../source/steps-612';

type Key = (typeof STEPS_612)[number]['lines'][number][0];

/** The line id of every step of the linux-6.12 model, by its key in source/steps-612.ts. */
export const L: Record<string, number> = Object.fromEntries(
  STEPS_612.flatMap((f) => f.lines.map(([key]): [Key, number] => [key, lineId(`6.${key}`)])),
);
