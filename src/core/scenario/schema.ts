/**
 * The `swsusp-viz/scenario@1` document as one valibot schema: the TypeScript types of the document
 * and of the validated scenario come from this declaration (see types.ts), and so do the checks.
 * Layout strings are checked here for type and size only; their grammar is layout.ts.
 *
 * Null has one meaning: "no limit". Only the limits `constants.imageSize` and
 * `constants.swapPages` accept it. Every other field is either required or takes its default when
 * left out, and null there is rejected with a message saying so.
 */
import * as v from 'valibot';
import { KERNEL_PAGES_FOR_IO, MAX_PAGES_32BIT, MAX_TOTAL_PAGES, SPARE_PAGES } from '../constants';
import { fields, flag, oneOf, text, wholeNumber } from '../schema/fields';
import { describeValue } from '../schema/text';
import { LAYOUT_MAX_CHARS } from './layout';

export const FORMAT = 'swsusp-viz/scenario@1';
export const MODELS = ['linux-2.6.20', 'linux-2.6.17', 'linux-6.12'] as const;
export const ZONE_NAMES = ['DMA', 'Normal', 'HighMem'] as const;
export const POLICIES = ['lowest-first', 'highest-first', 'random'] as const;

export const DEFAULT_NAME = 'Untitled scenario';
export const NAME_MAX_CHARS = 200;
export const DESCRIPTION_MAX_CHARS = 10_000;
export const SEED_MAX = 0xffffffff;

/** The message for null in a field that has a default: null is not "use the default". */
function leaveOut(defaultText: string): string {
  return `null is not a value here; leave the field out to take its default (${defaultText}); null means "no limit" only in constants.imageSize and constants.swapPages`;
}

const pages = (max: number) => wholeNumber({ min: 0, max, unit: ' of pages' });

export const ZoneSchema = fields(
  {
    name: oneOf(ZONE_NAMES),
    pages: wholeNumber({ min: 1, max: MAX_TOTAL_PAGES, unit: ' of pages' }),
    highmem: v.optional(flag(leaveOut('false')), false),
  },
  'a zone object like {"name": "Normal", "pages": 48}',
  {
    name: 'missing; a zone needs "name": "DMA", "Normal" or "HighMem"',
    pages: 'missing; a zone needs "pages", its size in 4 KiB pages',
  },
);

/** Zone rules that span the list: order, Normal required, highmem on HighMem only, total size. */
export const ZonesSchema = v.pipe(
  v.array(ZoneSchema, 'expected an array of zones like [{"name": "Normal", "pages": 48}]'),
  v.minLength(1, 'expected at least one zone (Normal is required)'),
  v.maxLength(
    ZONE_NAMES.length,
    `expected at most ${ZONE_NAMES.length} zones (DMA, Normal, HighMem)`,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const zones = dataset.value;
    const at = (i: number, key: 'name' | 'highmem'): [v.ArrayPathItem, v.ObjectPathItem] => [
      { type: 'array', origin: 'value', input: zones, key: i, value: zones[i] },
      { type: 'object', origin: 'value', input: zones[i], key, value: zones[i][key] },
    ];
    let last = -1;
    for (let i = 0; i < zones.length; i++) {
      const z = zones[i];
      const order = ZONE_NAMES.indexOf(z.name);
      if (order <= last) {
        addIssue({
          message: `zone ${z.name}: zones appear once each, in the order DMA, Normal, HighMem`,
          path: at(i, 'name'),
        });
        return;
      }
      last = order;
      if (z.name === 'HighMem' && !z.highmem) {
        addIssue({ message: 'the HighMem zone must say "highmem": true', path: at(i, 'highmem') });
        return;
      }
      if (z.name !== 'HighMem' && z.highmem) {
        addIssue({
          message: `only the HighMem zone may be highmem, not ${z.name}; remove "highmem": true`,
          path: at(i, 'highmem'),
        });
        return;
      }
    }
    if (!zones.some((z) => z.name === 'Normal')) {
      addIssue({ message: 'the Normal zone is required (every machine has lowmem)' });
      return;
    }
    const total = zones.reduce((s, z) => s + z.pages, 0);
    if (total > MAX_TOTAL_PAGES) {
      addIssue({
        message: `total pages must be 1 to ${MAX_TOTAL_PAGES} (16 GiB), got ${total}; make the zones smaller`,
      });
    }
  }),
);

export const ConstantsSchema = fields(
  {
    pagesForIo: v.optional(
      wholeNumber({
        min: 0,
        max: MAX_TOTAL_PAGES,
        unit: ' of pages',
        ifNull: leaveOut(`the kernel's ${KERNEL_PAGES_FOR_IO}`),
      }),
      KERNEL_PAGES_FOR_IO,
    ),
    // absent: the model's default (parse.ts), which for linux-6.12 depends on the layout
    imageSize: v.optional(v.nullable(pages(0xffffffff))),
    swapPages: v.optional(v.nullable(pages(0xffffffff)), null),
    // linux-6.12 only; the older models ignore them
    reservedSize: v.optional(
      wholeNumber({
        min: 0,
        max: MAX_PAGES_32BIT,
        unit: ' of pages',
        ifNull: leaveOut(`SPARE_PAGES, ${SPARE_PAGES}`),
      }),
      SPARE_PAGES,
    ),
    lowmemReserve: v.optional(
      wholeNumber({ min: 0, max: MAX_TOTAL_PAGES, unit: ' of pages', ifNull: leaveOut('0') }),
      0,
    ),
  },
  'an object of constants like {"pagesForIo": 2, "imageSize": null}',
  {},
  leaveOut('the kernel constants'),
);

export const AllocatorSchema = v.pipe(
  fields(
    {
      policy: v.optional(oneOf(POLICIES, leaveOut('"lowest-first"')), 'lowest-first'),
      seed: v.optional(
        wholeNumber({
          min: 0,
          max: SEED_MAX,
          ifNull: leaveOut('no seed; only "random" uses one'),
          hint: 'only the random policy uses a seed, so it may also be left out',
        }),
      ),
    },
    'an object like {"policy": "random", "seed": 7}',
    {},
    leaveOut('{"policy": "lowest-first"}'),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const a = dataset.value;
    if (a.policy === 'random' && a.seed === undefined) {
      addIssue({
        message: `missing; the random policy needs "seed", a whole number from 0 to ${SEED_MAX.toLocaleString('en-US')}`,
        path: [{ type: 'object', origin: 'value', input: a, key: 'seed', value: undefined }],
      });
    }
  }),
);

const layout = (example: string) =>
  text({ max: LAYOUT_MAX_CHARS, what: `a layout string such as "${example}"` });

export const ScenarioDocumentSchema = fields(
  {
    format: v.literal(FORMAT, (issue) => `expected "${FORMAT}", got ${describeValue(issue.input)}`),
    name: v.optional(
      text({ max: NAME_MAX_CHARS, ifNull: leaveOut(`"${DEFAULT_NAME}"`) }),
      DEFAULT_NAME,
    ),
    description: v.optional(text({ max: DESCRIPTION_MAX_CHARS, ifNull: leaveOut('""') }), ''),
    model: v.optional(oneOf(MODELS, leaveOut('"linux-2.6.20"')), 'linux-2.6.20'),
    zones: ZonesSchema,
    constants: v.optional(ConstantsSchema, {}),
    allocator: v.optional(AllocatorSchema, {}),
    suspend: layout('N2 K6 S6 F34 | R1 S18 F13'),
    resume: layout('N2 K6 B3 F37 | R1 B2 F29'),
  },
  `a scenario object with "format": "${FORMAT}"`,
  {
    format: `missing; a scenario starts with "format": "${FORMAT}"`,
    zones: 'missing; a scenario needs "zones", like [{"name": "Normal", "pages": 48}]',
    suspend: 'missing; a scenario needs "suspend", the layout of the suspending machine',
    resume: 'missing; a scenario needs "resume", the layout of the boot kernel at resume',
  },
);

/** A scenario file as written: every optional field may be left out. */
export type ScenarioDocument = v.InferInput<typeof ScenarioDocumentSchema>;
/** A scenario file with every default filled in. */
export type ScenarioFields = v.InferOutput<typeof ScenarioDocumentSchema>;
