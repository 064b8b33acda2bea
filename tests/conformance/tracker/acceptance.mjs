// The acceptance test of issue 14: a page of a dozen tracked images on a second 127.0.0.1 origin (some
// below the fold, some added after load, some never scrolled into view) is scrolled, clicked, rated and
// closed; the Api's figures must then equal what happened, exactly, within 5 seconds of the close. The
// same page from an origin the site key does not allow gets nothing counted.
import path from 'node:path';
import { check, env, graphql, insights, launch, otherOrigin, site, siteOrigin, sleep, waitFor } from './harness.mjs';

const img = (id, extra = '') => `<img src="/img/${id}.svg?w=240&h=180" width="240" height="180" alt="${id}" data-graphreports-asset="${id}"${extra}>`;
const spacer = (px) => `<div style="height:${px}px"></div>`;

site.page('/shop.html', `<!doctype html><html><head><meta charset="utf-8"><title>Tracked shop</title>
<style>body{margin:0;font-family:sans-serif} img{margin:4px;vertical-align:top}</style>
${site.tag()}</head><body>
<section id="top">${img('A1')}${img('A2')}${img('A3')}${img('A4')}${img('A1', ' class="again"')}<span id="c1-slot"></span></section>
${spacer(1500)}
<section id="b">${img('B1')}${img('B2')}${img('B3')}</section>
${spacer(1500)}
<section id="c2-slot"></section>
${spacer(4000)}
<section id="d">${img('D1')}${img('D2')}</section>
<script>
  // Added after load: one at the top (in view), one far below (scrolled to later).
  addEventListener('load', () => setTimeout(() => {
    document.getElementById('c1-slot').insertAdjacentHTML('beforeend', ${JSON.stringify(img('C1'))});
    const c2 = document.createElement('img');
    Object.assign(c2, { src: '/img/C2.svg?w=240&h=180', width: 240, height: 180, alt: 'C2' });
    c2.dataset.graphreportsAsset = 'C2';
    document.getElementById('c2-slot').append(c2);
  }, 300));
</script></body></html>`);

const ALL = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'C1', 'C2', 'D1', 'D2'];
const seen = (impressions, clicks = 0, ratings = 0, average = null) => ({ impressions, clicks, ratings, average });
const EXPECTED = {
  A1: seen(1), A2: seen(1, 2), A3: seen(1), A4: seen(1), // A1 is on the page twice: one impression per page view
  B1: seen(1, 1), B2: seen(1, 0, 1, 4), B3: seen(1), // below the fold, scrolled to
  C1: seen(1, 1), C2: seen(1), // added after load
  D1: null, D2: null, // never in view: not a single event
};

export async function run() {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30000);
    const impressions = () => new Set(browser.events().filter((e) => e.type === 'asset.impression').map((e) => e.asset.id));
    const impressed = (ids) => waitFor(() => ids.every((id) => impressions().has(id)), 15000);

    await page.goto(`${siteOrigin}/shop.html?campaign=spring&email=anna%40example.com#top`);
    check('the images in view on load, and the one added in view after load, send impressions', await impressed(['A1', 'A2', 'A3', 'A4', 'C1']),
      JSON.stringify([...impressions()]));
    await page.evaluate(() => document.getElementById('b').scrollIntoView());
    check('images below the fold send impressions once scrolled into view', await impressed(['B1', 'B2', 'B3']), JSON.stringify([...impressions()]));
    await page.evaluate(() => document.querySelector('[data-graphreports-asset="C2"]').scrollIntoView({ block: 'center' }));
    check('an image added after load below the fold sends its impression once scrolled to', await impressed(['C2']), JSON.stringify([...impressions()]));

    await page.click('img[alt="A2"]');
    await page.click('img[alt="A2"]');
    await page.click('img[alt="B1"]');
    await page.click('img[alt="C1"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    const screenshot = path.join(env.artifacts, 'tracker-page.png');
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
    // Rated just before closing: this rating can only arrive through what the tracker sends as the page goes.
    const rated = await page.evaluate(() => window.GraphReports.rate('B2', 4));
    check('GraphReports.rate(assetId, 4) is taken', rated === true, String(rated));
    const closedAt = Date.now();
    await page.close();
    let figures = null;
    const matched = await waitFor(async () => {
      figures = await insights(ALL);
      return JSON.stringify(figures) === JSON.stringify(EXPECTED);
    }, 5000, 200);
    const elapsed = Date.now() - closedAt;
    check(`the Api's impressions, clicks and ratings equal what happened, within 5 s of the page closing (${elapsed} ms)`, matched,
      `got ${JSON.stringify(figures)}, expected ${JSON.stringify(EXPECTED)}`);

    const events = browser.events();
    check('every event names the page without its query string and fragment', events.length > 0 && events.every((e) => e.page === `${siteOrigin}/shop.html`),
      JSON.stringify([...new Set(events.map((e) => e.page))]));
    check('every event has its own id, made in the browser (a UUID)',
      new Set(events.map((e) => e.id)).size === events.length && events.every((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e.id)));
    check('no beacon carries a cookie or a visitor identifier',
      browser.beacons.every((b) => !b.cookie) && events.every((e) => !('visitor' in e) && !('user' in e) && !('session' in e)));
    check('every beacon was answered 204', browser.beacons.every((b) => b.status === 204), JSON.stringify(browser.beacons.map((b) => b.status)));

    // The same page served from an origin the site key does not allow.
    const other = await browser.newPage();
    const before = browser.beacons.length;
    await other.goto(`${otherOrigin}/shop.html`);
    await other.click('img[alt="A3"]'); // A3 already has 1 impression, 0 clicks from the allowed page
    const settled = await waitFor(() => browser.beacons.slice(before).some((b) => b.status !== null || b.failure !== null), 15000);
    await other.close();
    await sleep(500);
    const refused = browser.beacons.slice(before);
    check('the browser gets no answer to beacons from an origin the key does not allow (no CORS header for it)',
      settled && refused.length > 0 && refused.every((b) => b.origin === otherOrigin && b.status !== 204),
      JSON.stringify(refused.map((b) => [b.origin, b.status, b.failure])));
    // What the Indexer answered that browser, sent again as it was (same Origin, same body).
    if (refused.length > 0) {
      const replay = await fetch(refused[0].url, { method: 'POST', headers: { origin: otherOrigin, 'content-type': 'text/plain;charset=UTF-8' }, body: refused[0].body });
      check('the Indexer answers such a beacon 403 origin_not_allowed, without Access-Control-Allow-Origin',
        replay.status === 403 && !replay.headers.has('access-control-allow-origin') && (await replay.json()).error === 'origin_not_allowed', String(replay.status));
    }
    const after = await insights(ALL);
    check('a page from an origin the key does not allow gets nothing counted', JSON.stringify(after) === JSON.stringify(EXPECTED), JSON.stringify(after));
    const stats = await graphql('{ environment { activity(filter: { types: [ASSET_IMPRESSION, ASSET_CLICK, ASSET_RATED] }) { total } } }');
    check('the environment holds exactly the 14 events of the allowed page', stats.data?.environment?.activity?.total === 14, JSON.stringify(stats));
  } finally {
    await browser.close();
  }
}
