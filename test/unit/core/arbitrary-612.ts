import fc from 'fast-check';
import { rle } from './arbitrary';

const lowLetter = fc.constantFrom(
  ...'FFFFFFFFFFFFFFFFFFFFFFFF'.split(''),
  ...'SSSCCZZOKNX'.split(''),
);
const highLetter = fc.constantFrom(...'FFFFFFFFFFFFFFSSCCCZZORX'.split(''));

/**
 * Random valid linux-6.12 scenarios: the 2.6.20 generator's machines plus zero (Z) and offline (O)
 * pages, small reservedSize and PAGES_FOR_IO (so max_size means something), a lowmem reserve, and
 * an image size that is absent (the kernel's 2/5 of RAM), null or a number.
 */
export const scenario612Arb = fc
  .record({
    dma: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    normal: fc.integer({ min: 16, max: 96 }),
    high: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
    policy: fc.constantFrom('lowest-first', 'highest-first', 'random'),
    seed: fc.nat({ max: 0xffffffff }),
    pagesForIo: fc.integer({ min: 0, max: 4 }),
    reservedSize: fc.integer({ min: 0, max: 3 }),
    lowmemReserve: fc.integer({ min: 0, max: 4 }),
    imageSize: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 80 })),
  })
  .chain((p) => {
    const zones: { name: string; pages: number; highmem: boolean }[] = [];
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
        const sus: string[] = [];
        const res: string[] = [];
        let pfn = 0;
        for (const z of zones) {
          const s: string[] = [];
          const r: string[] = [];
          for (let i = 0; i < z.pages; i++, pfn++) {
            const l = z.highmem ? high[pfn] : low[pfn];
            s.push(l);
            r.push('KNXR'.includes(l) ? l : boot[pfn]);
          }
          sus.push(rle(s));
          res.push(rle(r));
        }
        const constants: Record<string, unknown> = {
          pagesForIo: p.pagesForIo,
          reservedSize: p.reservedSize,
          lowmemReserve: p.lowmemReserve,
        };
        if (p.imageSize !== undefined) constants.imageSize = p.imageSize;
        return {
          format: 'swsusp-viz/scenario@1',
          name: 'random 6.12',
          model: 'linux-6.12',
          zones: zones.map((z) =>
            z.highmem
              ? { name: z.name, pages: z.pages, highmem: true }
              : { name: z.name, pages: z.pages },
          ),
          constants,
          allocator: { policy: p.policy, seed: p.seed },
          suspend: sus.join(' | '),
          resume: res.join(' | '),
        };
      });
  });
