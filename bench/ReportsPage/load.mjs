// Times the whole /reports page for one month in Debian's headless Chromium: from navigation until
// every section has answered and drawn (body[data-state=ready]), N loads in one signed-in tab.
// Side by side in the same run, the peer: the same month's figures fetched without a browser,
// every section's example operation POSTed at once (what the page asks, without drawing it).
// Usage: node bench/ReportsPage/load.mjs <api url> <api key> <month> [runs]   (from the repository root)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { launch, ready } = await import(path.join(repo, 'tests/conformance/lib/chromium.mjs'));
const [baseUrl, key, month, runsText = '15'] = process.argv.slice(2);
const runs = Number(runsText);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p99: at(0.99), min: s[0], max: s[s.length - 1] };
};

const op = (name) => fs.readFileSync(path.join(repo, 'schema/examples', `${name}.graphql`), 'utf8');
const sections = [['summary', { month }], ['engagement', { month, limit: 10 }], ['search', { month, limit: 10 }],
  ['downloads', { month, limit: 10 }], ['collections', { month, limit: 10 }], ['insights', { month, pageSize: 10 }]];
async function fetchAll() {
  const started = performance.now();
  await Promise.all(sections.map(async ([name, variables]) => {
    const r = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, body: JSON.stringify({ query: op(name), variables }) });
    const body = await r.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  }));
  return performance.now() - started;
}

const { context, outside, close } = await launch({ width: 1280, height: 900 });
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(60000);
await page.goto(`${baseUrl}/reports/`);
await page.fill('#api-key', key);
await page.press('#api-key', 'Enter');
await ready(page);

const pageTimes = [], peerTimes = [];
await fetchAll(); // warm-up of both
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  await page.goto(`${baseUrl}/reports/?month=${month}`);
  await ready(page);
  pageTimes.push(performance.now() - started);
  peerTimes.push(await fetchAll());
}
const requests = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql')).length);
await close();
const fmt = (s) => `median ${s.median.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})`;
console.log(`page load of ${month}, ${runs} loads: ${fmt(stats(pageTimes))}; GraphQL requests per load: ${requests}`);
console.log(`peer, the ${sections.length} operations fetched at once without a browser: ${fmt(stats(peerTimes))}`);
if (outside.length) console.log(`requests outside 127.0.0.1: ${outside.join(', ')}`);
