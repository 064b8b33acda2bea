// The tracker's own behaviour in the browser: the visibility threshold, loaded images only, once per
// page view, Do-Not-Track, Global Privacy Control, the opt-out flag, nothing kept in the browser, the
// rating API's checks, and retries that keep their ids (counted once by the Indexer).
import { check, insights, launch, site, siteOrigin, waitFor } from './harness.mjs';

const img = (id, src = `/img/${id}.svg?w=240&h=200`) => `<img src="${src}" width="240" height="200" alt="${id}" data-graphreports-asset="${id}">`;
const page = (route, body, head = site.tag()) => site.page(route, `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0} img{display:block}</style>${head}</head><body>${body}</body></html>`);

// 800 px of viewport: an image of 200 px whose top is at 720 px shows 80 px (40%); scrolled by 40 px, 120 px (60%).
page('/threshold.html', `${img('T0')}<div style="height:520px"></div>${img('T40')}<div style="height:3000px"></div>`);
page('/broken.html', `${img('M0')}${img('M1', '/img/missing.png')}`);
page('/once.html', `${img('O1')}${img('O1')}<div style="height:3000px"></div><p id="end">end</p>`);
page('/optout.html', `${img('P1')}`, `<script>window.graphReportsOptOut = true;</script>${site.tag()}`);
page('/later.html', `${img('L1')}`);
page('/private.html', `${img('G1')}`);
page('/retry.html', `${img('Y1')}`);

const impressionsOf = (browser, id) => browser.events().filter((e) => e.type === 'asset.impression' && e.asset.id === id).length;
const sent = (browser, id) => waitFor(() => impressionsOf(browser, id) > 0, 10000);
// Flushes what the tracker holds and leaves time for the beacon to be seen.
const flush = async (browser, p) => { const n = browser.beacons.length; await p.evaluate(() => window.GraphReports.flush()); await waitFor(() => browser.beacons.length > n, 1500); };

async function tracking(browser) {
  const p = await browser.newPage();
  p.setDefaultTimeout(30000);

  await p.goto(`${siteOrigin}/threshold.html`);
  await sent(browser, 'T0');
  await flush(browser, p);
  check('an image 40% in view sends no impression', impressionsOf(browser, 'T40') === 0);
  await p.evaluate(() => window.scrollBy(0, 40));
  check('the same image 60% in view sends its impression', await sent(browser, 'T40'));

  await p.goto(`${siteOrigin}/broken.html`);
  await sent(browser, 'M0');
  await flush(browser, p);
  check('an image that did not load sends no impression, in view or not', impressionsOf(browser, 'M1') === 0);

  await p.goto(`${siteOrigin}/once.html`);
  await sent(browser, 'O1');
  await p.evaluate(() => document.getElementById('end').scrollIntoView());
  await p.waitForTimeout(300);
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.waitForTimeout(300);
  await flush(browser, p);
  check('an asset shown twice, scrolled away and back, counts one impression per page view', impressionsOf(browser, 'O1') === 1, String(impressionsOf(browser, 'O1')));
  await p.reload();
  check('a new page view (reload) counts it once more', await waitFor(() => impressionsOf(browser, 'O1') === 2, 10000), String(impressionsOf(browser, 'O1')));

  let error = await p.evaluate(() => { try { window.GraphReports.rate('O1', 7); return 'no error'; } catch (e) { return e.name; } });
  check('GraphReports.rate refuses a rating outside 1..5 with a RangeError', error === 'RangeError', error);
  error = await p.evaluate(() => { try { window.GraphReports.rate('O1', 2.5); return 'no error'; } catch (e) { return e.name; } });
  check('GraphReports.rate refuses a rating that is not an integer', error === 'RangeError', error);
  error = await p.evaluate(() => { try { window.GraphReports.rate('', 3); return 'no error'; } catch (e) { return e.name; } });
  check('GraphReports.rate refuses an empty asset id with a TypeError', error === 'TypeError', error);

  const stored = await p.evaluate(async () => ({
    cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
    databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  }));
  check('the tracker keeps nothing in the browser: no cookie, no local or session storage, no database',
    stored.cookie === '' && stored.local === 0 && stored.session === 0 && stored.databases === 0, JSON.stringify(stored));

  // Opt-out set by the page before the tracker loads: nothing is sent at all.
  const before = browser.beacons.length;
  await p.goto(`${siteOrigin}/optout.html`);
  await p.waitForFunction(() => window.GraphReports);
  await p.click('img[alt="P1"]');
  const optedRate = await p.evaluate(() => window.GraphReports.rate('P1', 5));
  await p.waitForTimeout(1500);
  await p.evaluate(() => window.GraphReports.flush());
  await p.waitForTimeout(300);
  check('with window.graphReportsOptOut = true nothing is sent, and rate() answers false', browser.beacons.length === before && optedRate === false,
    `${browser.beacons.length - before} beacons, rate() = ${optedRate}`);

  // Opt-out switched on later (a consent banner): what is queued is dropped, nothing more is sent.
  await p.goto(`${siteOrigin}/later.html`);
  await sent(browser, 'L1');
  await p.evaluate(() => { window.graphReportsOptOut = true; });
  await p.click('img[alt="L1"]');
  await p.evaluate(() => window.GraphReports.flush());
  await p.waitForTimeout(500);
  check('switched off after load, later clicks are not sent', !browser.events().some((e) => e.type === 'asset.click' && e.asset.id === 'L1'));

  // A batch whose answer is lost is sent again with the same ids; the Indexer counts it once.
  let first = true;
  await p.route('**/v1/beacons*', async (route) => {
    if (!first) return route.continue();
    first = false;
    await route.fetch(); // reaches the Indexer, which stores it...
    return route.abort('connectionreset'); // ...but the page never hears back
  });
  await p.goto(`${siteOrigin}/retry.html`);
  const resent = await waitFor(() => impressionsOf(browser, 'Y1') >= 2, 10000);
  const ids = browser.events().filter((e) => e.asset.id === 'Y1').map((e) => e.id);
  check('a beacon that got no answer is sent again with the same event ids', resent && new Set(ids).size === 1, JSON.stringify(ids));
  const counted = await waitFor(async () => (await insights(['Y1'])).Y1?.impressions === 1, 3000);
  check('the Indexer counts the retried impression once', counted, JSON.stringify(await insights(['Y1'])));
  await p.close();
}

async function privacy(name, options, prepare) {
  const browser = await launch(options);
  try {
    if (prepare) await prepare(browser.context);
    const p = await browser.newPage();
    await p.goto(`${siteOrigin}/private.html`);
    const signal = await p.evaluate(() => ({ dnt: navigator.doNotTrack, gpc: navigator.globalPrivacyControl }));
    await p.waitForFunction(() => window.GraphReports);
    await p.click('img[alt="G1"]');
    const rated = await p.evaluate(() => window.GraphReports.rate('G1', 3));
    await p.waitForTimeout(1500);
    await p.evaluate(() => window.GraphReports.flush());
    await p.close();
    check(`${name}: nothing is sent (browser says ${JSON.stringify(signal)}), rate() answers false`, browser.beacons.length === 0 && rated === false,
      `${browser.beacons.length} beacons, rate() = ${rated}`);
  } finally {
    await browser.close();
  }
}

export async function run() {
  const browser = await launch();
  try { await tracking(browser); } finally { await browser.close(); }
  // Do-Not-Track is a real setting of Chromium's profile; Global Privacy Control is not implemented by
  // Chromium (Firefox and Brave send it), so the page is given the navigator property those browsers have.
  await privacy('Do-Not-Track switched on in the browser', { preferences: { enable_do_not_track: true } });
  await privacy('Global Privacy Control', {}, (context) => context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true })));
  const after = await insights(['G1', 'P1']);
  check('pages under DNT, GPC or the opt-out flag left no event in the store', after.G1 === null && after.P1 === null, JSON.stringify(after));
}
