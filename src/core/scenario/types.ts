/** A validated `swsusp-viz/scenario@1` document, with every default filled in. */
export type ModelId = 'linux-2.6.20' | 'linux-2.6.17';
export const MODELS: readonly ModelId[] = ['linux-2.6.20', 'linux-2.6.17'];
export type ZoneName = 'DMA' | 'Normal' | 'HighMem';
export type Policy = 'lowest-first' | 'highest-first' | 'random';

export interface ZoneSpec {
  name: ZoneName;
  pages: number;
  highmem: boolean;
}

/** One run of a layout: `count` frames of `letter`, starting at `start` (a pfn). */
export interface Run {
  letter: string;
  count: number;
  start: number;
}

export interface Scenario {
  format: 'swsusp-viz/scenario@1';
  name: string;
  description: string;
  model: ModelId;
  zones: ZoneSpec[];
  pagesForIo: number;
  /** In pages; null = no limit. */
  imageSize: number | null;
  /** Free swap pages for enough_swap(); null = unlimited (the spec's default). */
  swapPages: number | null;
  policy: Policy;
  seed: number;
  /** One letter per frame, pfn order; the suspending kernel's memory. */
  suspend: Uint8Array;
  /** One letter per frame, pfn order; the boot kernel's memory at resume. */
  resume: Uint8Array;
  /** The layout strings as given, for display. */
  suspendLayout: string;
  resumeLayout: string;
}

export const FORMAT = 'swsusp-viz/scenario@1';
