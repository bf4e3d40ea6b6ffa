/** The types of a `swsusp-viz/scenario@1` document, all derived from the schema in schema.ts. */
import type { ScenarioFields } from './schema';

export { FORMAT, MODELS, POLICIES, ZONE_NAMES } from './schema';
export type { ScenarioDocument, ScenarioFields } from './schema';

export type ModelId = ScenarioFields['model'];
export type Policy = ScenarioFields['allocator']['policy'];
export type ZoneSpec = ScenarioFields['zones'][number];
export type ZoneName = ZoneSpec['name'];

/** A validated scenario, flattened for the emulator: defaults filled, layouts expanded. */
export interface Scenario
  extends
    Pick<ScenarioFields, 'format' | 'name' | 'description' | 'model' | 'zones'>,
    Pick<
      ScenarioFields['constants'],
      'pagesForIo' | 'swapPages' | 'reservedSize' | 'lowmemReserve'
    > {
  /** In pages; null = no limit. Absent in the file: the model's default (linux-6.12: 2/5 of RAM). */
  imageSize: number | null;
  /** imageSize was absent: it is the model's default, recomputed when the model changes. */
  imageSizeIsDefault: boolean;
  policy: Policy;
  /** The random policy's seed; 0 when the policy takes none. */
  seed: number;
  /** One letter per frame, pfn order; the suspending kernel's memory. */
  suspend: Uint8Array;
  /** One letter per frame, pfn order; the boot kernel's memory at resume. */
  resume: Uint8Array;
  /** The layout strings as given, for display. */
  suspendLayout: string;
  resumeLayout: string;
}
