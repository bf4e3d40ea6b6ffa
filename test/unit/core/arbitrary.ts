import fc from 'fast-check';

/** Run-length encodes one letter per frame into a layout segment. */
export function rle(letters: string[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < letters.length) {
    let j = i;
    while (j < letters.length && letters[j] === letters[i]) j++;
    out.push(`${letters[i]}${j - i}`);
    i = j;
  }
  return out.join(' ');
}

interface ZoneDraft {
  name: 'DMA' | 'Normal' | 'HighMem';
  pages: number;
  highmem: boolean;
}

const lowLetter = fc.constantFrom(
  'F',
  'F',
  'F',
  'F',
  'F',
  'F',
  'F',
  'S',
  'S',
  'C',
  'C',
  'K',
  'N',
  'X',
);
const highLetter = fc.constantFrom('F', 'F', 'F', 'F', 'S', 'S', 'C', 'C', 'R', 'X');

/**
 * Random valid swsusp-viz/scenario@1 documents: optional DMA and HighMem, small zones, both
 * layouts consistent (K, N, X at the same pfns), all three policies, small PAGES_FOR_IO, an
 * image_size that sometimes forces shrinking.
 */
export const scenarioArb = fc
  .record({
    dma: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    normal: fc.integer({ min: 4, max: 72 }),
    high: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
    policy: fc.constantFrom('lowest-first', 'highest-first', 'random'),
    seed: fc.nat({ max: 0xffffffff }),
    pagesForIo: fc.integer({ min: 0, max: 4 }),
    imageSize: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    seedLetters: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
  })
  .chain((p) => {
    const zones: ZoneDraft[] = [];
    if (p.dma) zones.push({ name: 'DMA', pages: p.dma, highmem: false });
    zones.push({ name: 'Normal', pages: p.normal, highmem: false });
    if (p.high) zones.push({ name: 'HighMem', pages: p.high, highmem: true });
    const frames = zones.reduce((s, z) => s + z.pages, 0);
    return fc
      .tuple(
        fc.array(lowLetter, { minLength: frames, maxLength: frames }),
        fc.array(highLetter, { minLength: frames, maxLength: frames }),
        fc.array(fc.constantFrom('F', 'F', 'F', 'B'), { minLength: frames, maxLength: frames }),
      )
      .map(([low, high, boot]) => {
        const sus: string[][] = [];
        const res: string[][] = [];
        let pfn = 0;
        for (const z of zones) {
          const s: string[] = [];
          const r: string[] = [];
          for (let i = 0; i < z.pages; i++, pfn++) {
            const l = z.highmem ? high[pfn] : low[pfn];
            s.push(l);
            r.push(l === 'K' || l === 'N' || l === 'X' || l === 'R' ? l : boot[pfn]);
          }
          sus.push(s);
          res.push(r);
        }
        return {
          format: 'swsusp-viz/scenario@1',
          name: 'random',
          model: 'linux-2.6.20',
          zones: zones.map((z) =>
            z.highmem
              ? { name: z.name, pages: z.pages, highmem: true }
              : { name: z.name, pages: z.pages },
          ),
          constants: { pagesForIo: p.pagesForIo, imageSize: p.imageSize },
          allocator: { policy: p.policy, seed: p.seed },
          suspend: sus.map(rle).join(' | '),
          resume: res.map(rle).join(' | '),
        };
      });
  });

export type ScenarioDoc = {
  zones: { name: string; pages: number; highmem?: boolean }[];
  constants: { pagesForIo: number; imageSize: number | null };
  suspend: string;
};
