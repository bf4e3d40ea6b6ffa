import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless'] });
for (const w of [1280, 768, 390]) {
  const p = await b.newPage({ viewport: { width: w, height: 720 } });
  await p.goto('http://127.0.0.1:4199/#preset=teaching&step=130');
  await p.waitForFunction(() => /^Step 130 of/.test(document.querySelector('.step-text')?.textContent ?? ''));
  const r = await p.evaluate(() => {
    const h = document.querySelector('.app-header');
    const out = { docW: document.documentElement.scrollWidth, headerH: Math.round(h.getBoundingClientRect().height), over: [], trunc: [] };
    for (const el of document.querySelectorAll('.app-header *')) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 0.5) out.over.push(el.className || el.tagName);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'hidden') out.trunc.push(el.className || el.tagName);
    }
    // overlaps among header children
    const kids = [...h.children].map((k) => [k.className || k.tagName, k.getBoundingClientRect()]);
    out.overlap = [];
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
      const [a, ra] = kids[i], [c, rc] = kids[j];
      if (ra.left < rc.right - 1 && rc.left < ra.right - 1 && ra.top < rc.bottom - 1 && rc.top < ra.bottom - 1) out.overlap.push(a + '×' + c);
    }
    return out;
  });
  console.log(w, JSON.stringify(r));
  await p.screenshot({ path: `/tmp/lecture-w${w}.png` });
  await p.close();
}
await b.close();
