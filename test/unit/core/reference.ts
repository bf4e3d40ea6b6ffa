import type { ScenarioDoc } from './arbitrary';

/**
 * An independent, count-only model of the 2.6.20 go/no-go decisions (swsusp_shrink_memory and
 * enough_free_mem), written from the spec's formulas, to check when the core's suspend fails.
 */
export function predictSuspend(doc: ScenarioDoc): 'shrink' | 'enough' | 'ok' {
  const letters: string[] = [];
  const zoneOf: number[] = [];
  doc.zones.forEach((z, zi) => {
    void z;
    const seg = doc.suspend.split('|')[zi];
    for (const m of seg.matchAll(/([A-Z])\s*(\d*)/g)) {
      const n = m[2] === '' ? 1 : Number(m[2]);
      for (let i = 0; i < n; i++) {
        letters.push(m[1]);
        zoneOf.push(zi);
      }
    }
  });
  const high = (zi: number) => doc.zones[zi].highmem === true;
  const io = doc.constants.pagesForIo;
  const sap = (pages: number) => {
    const b = Math.ceil(pages / 32768);
    return 2 * (b + Math.ceil((20 * b) / 4096));
  };
  const populated = doc.zones.map((_, zi) => letters.some((l, p) => zoneOf[p] === zi && l !== 'X'));
  const count = () => {
    let L = 0;
    let H = 0;
    const free = doc.zones.map(() => 0);
    letters.forEach((l, p) => {
      if (l === 'F') free[zoneOf[p]]++;
      if (l === 'S' || l === 'C' || l === 'K') {
        if (high(zoneOf[p])) H++;
        else L++;
      }
    });
    return { L, H, free };
  };
  for (;;) {
    const { L, H, free } = count();
    let highmemSize = H;
    let tmp = L + io;
    const size = L + io + H;
    doc.zones.forEach((z, zi) => {
      if (!populated[zi]) return;
      if (high(zi)) highmemSize -= free[zi];
      else tmp += -free[zi] + sap(z.pages);
    });
    tmp += Math.max(highmemSize, 0);
    let freed = 0;
    const limit = doc.constants.imageSize;
    let want: number;
    if (tmp > 0) want = Math.min(tmp, 10000);
    else if (limit !== null && size > limit) want = Math.min(size - limit, 10000);
    else break;
    for (let p = 0; p < letters.length && freed < want; p++) {
      if (letters[p] === 'C') {
        letters[p] = 'F';
        freed++;
      }
    }
    if (tmp > 0 && freed === 0) return 'shrink';
    if (freed === 0) break;
  }
  const { L, H, free } = count();
  let freeLow = 0;
  let freeHigh = 0;
  let meta = 0;
  doc.zones.forEach((z, zi) => {
    meta += sap(z.pages);
    if (high(zi)) freeHigh += free[zi];
    else freeLow += free[zi];
  });
  const need = L + Math.max(0, H - freeHigh) + io + meta;
  return freeLow > need ? 'ok' : 'enough';
}
