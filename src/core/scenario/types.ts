/** A validated `swsusp-viz/scenario@1` document, with every default filled in. */
export type ModelId = 'linux-2.6.20' | 'linux-2.6.17' | 'linux-6.12';
export const MODELS: readonly ModelId[] = ['linux-2.6.20', 'linux-2.6.17', 'linux-6.12'];
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
  /** In pages; null = no limit. linux-6.12's default is the kernel's 2/5 of totalram. */
  imageSize: number | null;
  /** imageSize was absent: it is the model's default, recomputed when the model changes. */
  imageSizeIsDefault: boolean;
  /** linux-6.12: DIV_ROUND_UP(reserved_size, PAGE_SIZE), default SPARE_PAGES (256). */
  reservedSize: number;
  /** linux-6.12: lowmem frames a highmem request may not take from each lowmem zone. */
  lowmemReserve: number;
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
