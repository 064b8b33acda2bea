// The /reports page in headless Chromium over an Api serving demo data: sign-in (demo key note, a
// wrong key refused), every section drawn, the month picker and the bulk switch changing figures,
// the figures equal to the GraphQL answers, nothing requested outside 127.0.0.1, no console error,
// screenshots at 1280 and 375 px. Usage: node reports-page/page.mjs <base url> <repo root> <artifacts dir>.
// Prints one line per check, then COUNTS.
import fs from 'node:fs';
import path from 'node:path';
import { launch, graphql, ready } from '../lib/chromium.mjs';

const [baseUrl, repoRoot, artifacts] = process.argv.slice(2);
const KEY = 'demo-acme-api-key';
const examples = path.join(repoRoot, 'schema', 'examples');
const op = (name) => path.join(examples, `${name}.graphql`);
fs.mkdirSync(artifacts, { recursive: true });

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push(Boolean(ok));
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

// The pinned charting library: the checked-in copies equal the npm package's files.
const pagePackage = path.join(repoRoot, 'src', 'Api', 'ReportsPage');
const { vendored } = await import(path.join(pagePackage, 'vendor.mjs'));
const differing = vendored.filter(([from, to]) => !fs.readFileSync(path.join(pagePackage, from)).equals(fs.readFileSync(path.join(pagePackage, to))));
const pinned = JSON.parse(fs.readFileSync(path.join(pagePackage, 'package.json'), 'utf8')).devDependencies.uplot;
const installed = JSON.parse(fs.readFileSync(path.join(pagePackage, 'node_modules', 'uplot', 'package.json'), 'utf8')).version;
check(`site/vendor/ holds exactly uplot ${pinned}'s files and licence (npm run vendor)`, differing.length === 0 && /^\d+\.\d+\.\d+$/.test(pinned) && installed === pinned,
  `differ: ${differing.map((d) => d[1]).join(', ')}; pinned ${pinned}, installed ${installed}`);

const { context, outside, close } = await launch({ width: 1280, height: 900 });
const consoleErrors = [];
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60000);
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  const first = await page.goto(`${baseUrl}/`);
  check('/ redirects to the reports page', first.ok() && new URL(page.url()).pathname === '/reports/', page.url());

  await page.locator('#sign-in-form').waitFor();
  // The note is filled after /reports/sign-in.json answers: wait until it is shown.
  const note = await page.locator('#demo-keys').waitFor({ state: 'visible', timeout: 15000 })
    .then(() => page.locator('#demo-keys').innerText(), () => '');
  check('the sign-in form names the demo keys', note.includes('demo-acme-api-key') && note.includes('demo-globex-api-key'), note);

  await page.fill('#api-key', 'not-a-key');
  await page.press('#api-key', 'Enter');
  const refusal = await page.locator('#sign-in-error').waitFor({ state: 'visible' }).then(() => page.locator('#sign-in-error').innerText(), (e) => e.message);
  check('a wrong key is refused with a clear message', /not accepted/i.test(refusal) && await page.locator('#report').isHidden(), refusal);
  check('a refused key is not kept', (await page.evaluate(() => sessionStorage.length)) === 0);

  // Sign in by keyboard: the demo note's key typed into the focused field, Enter.
  await page.fill('#api-key', '');
  await page.focus('#api-key');
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');
  await ready(page);
  const storage = await page.evaluate(() => ({ session: sessionStorage.getItem('graphreports.apiKey'), local: localStorage.length, cookies: document.cookie }));
  check('the key is kept in sessionStorage only', storage.session === KEY && storage.local === 0 && storage.cookies === '', JSON.stringify(storage));

  const current = await graphql(baseUrl, KEY, op('summary'), {});
  const currentMonth = current.currentMonth;
  const title = await page.locator('#report-title').innerText();
  check('the page opens on the current month, marked open', (await page.locator('#month-state').innerText()).includes('Open month')
    && (await page.locator('#month-picker').inputValue()) === currentMonth, title);

  const sectionState = () => page.evaluate(() => [...document.querySelectorAll('[data-section]')].map((el) => ({
    name: el.dataset.section,
    errors: [...el.querySelectorAll('.error')].map((e) => e.textContent),
    rows: el.querySelectorAll('table.data tbody tr').length,
    charts: el.querySelectorAll('.chart canvas').length,
    cards: el.querySelectorAll('.card').length,
    empty: [...el.querySelectorAll('.empty')].map((e) => e.textContent),
  })));
  const drawn = await sectionState();
  // Minutes into a month the open month may not have an impression or a click yet: then the insights
  // section says so instead of drawing a trend, and GraphQL must agree that no asset has one.
  const openInsights = await graphql(baseUrl, KEY, op('insights'), { month: currentMonth, folder: '' });
  const insightsEmpty = openInsights.topAssets.assets.length === 0;
  const drawnAsExpected = (s) => s.charts > 0 || s.cards > 0
    || (s.name === 'insights' && insightsEmpty && s.empty.some((t) => /no asset/i.test(t)));
  check('every section of the open month is drawn without error, each with a chart or cards (insights: or its empty note, when GraphQL has no asset)',
    drawn.length === 6 && drawn.every((s) => s.errors.length === 0 && drawnAsExpected(s)), JSON.stringify(drawn));
  const insightsDrawn = drawn.find((s) => s.name === 'insights');
  check('the insights section of the open month draws a trend exactly when GraphQL has a top asset',
    (insightsDrawn?.charts > 0) === !insightsEmpty, `${openInsights.topAssets.assets.length} top assets; ${JSON.stringify(insightsDrawn)}`);
  // Open-month cards show the to-date comparison.
  const toDateParts = await page.locator('[data-section=summary] [data-part=to-date]').count();
  check('each summary card of the open month shows the previous month to date', toDateParts === 5, `${toDateParts} cards`);
  await page.screenshot({ path: path.join(artifacts, 'reports-1280-open-month.png'), fullPage: true });

  // The month picker: the previous (closed) month, which the demo data fills whatever today is.
  const cardValues = () => page.$$eval('[data-section=summary] .card .value', (els) => els.map((e) => e.dataset.value));
  const before = await cardValues();
  const month = (await page.$$eval('#month-picker option', (o) => o.map((x) => x.value)))[1];
  await page.selectOption('#month-picker', month);
  await ready(page);
  const after = await cardValues();
  check(`the month picker changes the figures (${currentMonth} -> ${month})`, before.join() !== after.join()
    && (await page.locator('#month-state').innerText()).includes('Closed'), `${before} / ${after}`);
  check('the chosen month is in the address (a reload keeps it)', new URL(page.url()).searchParams.get('month') === month, page.url());

  const full = await sectionState();
  check(`every section of ${month} renders non-empty: cards, tables with rows, charts`,
    full.every((s) => s.errors.length === 0) && full.find((s) => s.name === 'summary').cards === 5
    && ['engagement', 'search', 'downloads', 'collections', 'insights'].every((n) => { const s = full.find((x) => x.name === n); return s.rows > 0 && s.charts > 0; }),
    JSON.stringify(full));
  const closedToDate = await page.locator('[data-section=summary] [data-part=to-date]').count();
  check('a closed month shows no to-date comparison', closedToDate === 0, `${closedToDate}`);

  // The figures on the page equal the GraphQL answers of the same operations for that month.
  const summary = (await graphql(baseUrl, KEY, op('summary'), { month })).summary;
  const cards = await page.$$eval('[data-section=summary] .card', (els) => Object.fromEntries(els.map((c) => [c.dataset.figure,
    [...c.querySelectorAll('[data-value]')].map((e) => e.dataset.value)])));
  const expectedCards = Object.fromEntries(['activeUsers', 'searches', 'downloads', 'uploads', 'collectionsViewed']
    .map((k) => [k, [summary[k].current, summary[k].previous, summary[k].change].map(String)]));
  check(`summary cards equal GraphQL's summary of ${month}`, JSON.stringify(cards) === JSON.stringify(expectedCards), `${JSON.stringify(cards)} vs ${JSON.stringify(expectedCards)}`);
  const shown = await page.locator('[data-section=summary] .card[data-figure=searches] .value').innerText();
  const formatted = await page.evaluate((n) => new Intl.NumberFormat().format(n), summary.searches.current);
  check('numbers are written in the reader\'s locale', shown.trim() === formatted, `${shown} vs ${formatted}`);

  const tableValues = (section, title) => page.$$eval(`[data-section=${section}] .figure`, (figs, t) => {
    const fig = figs.find((f) => f.querySelector('h3')?.textContent === t);
    return fig ? [...fig.querySelectorAll('table.data tbody tr')].map((tr) => [...tr.querySelectorAll('td[data-value]')].map((td) => td.dataset.value)) : null;
  }, title);
  const downloads = await graphql(baseUrl, KEY, op('downloads'), { month, limit: 10 });
  const topAssets = await tableValues('downloads', 'Most downloaded assets');
  check('the downloads table equals GraphQL\'s topAssets', JSON.stringify(topAssets) === JSON.stringify(downloads.downloads.topAssets.map((a) => [String(a.rank), String(a.count)])), JSON.stringify(topAssets));
  const search = await graphql(baseUrl, KEY, op('search'), { month, limit: 10 });
  const topSearches = await tableValues('search', 'Top searches');
  check('the top searches table equals GraphQL\'s topSearches', JSON.stringify(topSearches) === JSON.stringify(search.search.topSearches.map((a) => [String(a.rank), String(a.count)])), JSON.stringify(topSearches));
  const collections = await graphql(baseUrl, KEY, op('collections'), { month, limit: 10 });
  const split = await tableValues('collections', 'Public collection downloads, 12 months: original and transformed files');
  check('the split chart\'s values equal GraphQL\'s original and transformed downloads', JSON.stringify(split) === JSON.stringify(collections.collections.downloadsTrend.map((p) => [String(p.original), String(p.transformed)])), JSON.stringify(split));

  // The bulk switch changes the download figures.
  const trendBefore = await tableValues('downloads', 'Downloads, 12 months');
  await page.check('#include-bulk');
  await ready(page);
  const trendAfter = await tableValues('downloads', 'Downloads, 12 months');
  const bulk = await graphql(baseUrl, KEY, op('downloads'), { month, includeBulk: true, limit: 10 });
  const sum = (rows) => rows.reduce((t, r) => t + Number(r[0]), 0);
  check('the bulk switch counts bulk downloads (more downloads, equal to GraphQL with includeBulk)',
    sum(trendAfter) > sum(trendBefore) && JSON.stringify(trendAfter) === JSON.stringify(bulk.downloads.downloadsTrend.map((p) => [String(p.value)])),
    `${sum(trendBefore)} -> ${sum(trendAfter)}`);
  const downloadCard = await page.locator('[data-section=summary] .card[data-figure=downloads] .value').getAttribute('data-value');
  check('the bulk switch also applies to the summary\'s downloads', downloadCard === String((await graphql(baseUrl, KEY, op('summary'), { month, includeBulk: true })).summary.downloads.current), downloadCard);

  // A CSV link downloads the export with the key (a plain link could not send the header).
  const link = page.locator('[data-section=downloads] .figure', { hasText: 'Most downloaded assets' }).locator('a[data-csv]');
  const href = await link.getAttribute('href');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = fs.readFileSync(await download.path(), 'utf8');
  const expectedCsv = await (await fetch(baseUrl + href, { headers: { Authorization: `Bearer ${KEY}` } })).text();
  check(`a CSV export link downloads ${href}`, saved === expectedCsv && saved.startsWith('rank,asset_id,asset_name,count'), saved.slice(0, 80));

  // Asset insights: picking an asset draws its trend; sorting the folder view reorders it.
  const assetButtons = page.locator('[data-section=insights] button[data-asset]');
  const second = assetButtons.nth(1);
  const secondName = await second.innerText();
  await second.focus();
  await page.keyboard.press('Enter');
  const trendTitle = await page.locator('#asset-trend h3').filter({ hasText: secondName }).waitFor().then(() => true, (e) => e.message);
  check('an asset picked by keyboard shows its performance trend', trendTitle === true && await page.locator('#asset-trend canvas').count() > 0, trendTitle);
  await page.click('[data-section=insights] th button[aria-label="Sort by Clicks"]');
  await ready(page).catch(() => {});
  await page.waitForFunction(() => document.querySelector('[data-section=insights] th[aria-sort] button')?.textContent === 'Clicks');
  const clicks = await page.$$eval('#folder-view table.data tbody tr', (rows) => rows.map((r) => Number(r.querySelectorAll('td[data-value]')[1].dataset.value)));
  check('the folder view sorts by a column header (clicks, descending)', clicks.length > 1 && clicks.every((c, i) => i === 0 || clicks[i - 1] >= c), JSON.stringify(clicks));

  await page.screenshot({ path: path.join(artifacts, 'reports-1280.png'), fullPage: true });
  // One picture per section too: a full page is too tall to read at a glance.
  for (const id of ['summary', 'engagement', 'search', 'downloads', 'collections', 'insights']) {
    await page.locator(`#${id}`).screenshot({ path: path.join(artifacts, `reports-1280-${id}.png`) });
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(500);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('at 375 px the page does not scroll sideways', overflow <= 0, `${overflow}px too wide`);
  await page.screenshot({ path: path.join(artifacts, 'reports-375.png'), fullPage: true });

  // A reload keeps the session (same tab) and the month.
  await page.reload();
  await ready(page);
  check('a reload stays signed in on the same month', await page.locator('#month-picker').inputValue() === month);

  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
  check('no request left 127.0.0.1', outside.length === 0, outside.join(', '));
} catch (e) {
  check('the suite ran to its end', false, e.stack);
} finally {
  await close();
}
console.log(`COUNTS ${checks.filter(Boolean).length} ${checks.filter((c) => !c).length} 0`);
