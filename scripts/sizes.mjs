// Gzip sizes of what each way of opening the app loads (run after `npm run build` and
// `npm run build:single`): `npm run --silent size` prints one line per artefact and the totals.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const assets = readdirSync(join(dist, 'assets'));
const pick = (re) => assets.filter((f) => re.test(f)).map((f) => join(dist, 'assets', f));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const groups = {
  'embed (tag: embed.js + embed.html + worker)': [
    join(dist, 'embed.js'),
    join(dist, 'embed.html'),
    ...pick(/^engine\.worker-.*\.js$/),
  ],
  'page, step view (index.html + its script, styles, worker)': [
    join(dist, 'index.html'),
    ...pick(/^index-.*\.(js|css)$/),
    ...pick(/^engine\.worker-.*\.js$/),
  ],
  'compare view, loaded when it opens': pick(/^CompareView-.*\.(js|css)$/),
  'single file (dist-single/swsusp-viz.html)': ['dist-single/swsusp-viz.html'].filter(existsSync),
};
for (const [name, files] of Object.entries(groups)) {
  const total = files.reduce((sum, f) => sum + gz(f), 0);
  console.log(`${name}: ${kb(total)} gzip`);
  for (const f of files) console.log(`  ${f}: ${kb(gz(f))}`);
}
