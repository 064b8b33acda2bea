// Copies the pinned charting library (package.json) into site/vendor/, where the Api serves it from.
// Run after `npm ci` when package.json changes: `npm run vendor`. The copies are checked in, so the
// Api needs neither npm nor the network to serve the page; run-reports-page.sh checks they match.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const vendored = [
  ['node_modules/uplot/dist/uPlot.iife.min.js', 'site/vendor/uPlot.iife.min.js'],
  ['node_modules/uplot/dist/uPlot.min.css', 'site/vendor/uPlot.min.css'],
  ['node_modules/uplot/LICENSE', 'site/vendor/uPlot.LICENSE.txt'],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [from, to] of vendored) {
    fs.copyFileSync(path.join(here, from), path.join(here, to));
    console.log(`${from} -> ${to}`);
  }
}
