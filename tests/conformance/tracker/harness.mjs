// What the tracker suites share: the test site (two 127.0.0.1 origins served by this process), Debian's
// headless Chromium with a fresh profile (never a browser playwright downloads), GraphQL against the Api,
// the beacons a page sends, and the checks. Settings come from run-tracker.sh through the environment.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const env = {
  indexer: process.env.TRACKER_INDEXER_URL,
  api: process.env.TRACKER_API_URL,
  apiKey: process.env.TRACKER_API_KEY,
  siteKey: process.env.TRACKER_SITE_KEY,
  sitePort: Number(process.env.TRACKER_SITE_PORT),
  otherPort: Number(process.env.TRACKER_OTHER_PORT),
  artifacts: process.env.TRACKER_ARTIFACTS,
};
export const siteOrigin = `http://127.0.0.1:${env.sitePort}`;
export const otherOrigin = `http://127.0.0.1:${env.otherPort}`;

const results = [];
export function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `: ${detail}`}`);
  return ok;
}
export const counts = () => {
  const passed = results.filter(Boolean).length;
  return `${passed} ${results.length - passed} 0`;
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the test site -------------------------------------------------------------------------------
// Pages are registered by the suites: site.page('/name.html', html). Images: /img/<label>.svg?w=&h= (an
// SVG of that size), /img/missing.png (404).
const pages = new Map();
export const site = {
  page(route, html) { pages.set(route, html); return route; },
  tag(extra = '') {
    return `<script async src="${env.indexer}/tracker.js" data-site-key="${env.siteKey}"${extra}></script>`;
  },
};

function svg(label, w, h) {
  let hue = 0;
  for (const c of label) hue = (hue * 31 + c.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`
    + `<rect width="100%" height="100%" fill="hsl(${hue},60%,70%)"/>`
    + `<text x="50%" y="50%" font-family="sans-serif" font-size="32" text-anchor="middle" dominant-baseline="middle">${label}</text></svg>`;
}

function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  const image = url.pathname.match(/^\/img\/([\w-]+)\.svg$/);
  if (image) {
    response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
    return response.end(svg(image[1], Number(url.searchParams.get('w') ?? 300), Number(url.searchParams.get('h') ?? 200)));
  }
  const html = pages.get(url.pathname);
  if (html) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return response.end(html);
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}

export async function startSite() {
  const servers = [];
  for (const port of [env.sitePort, env.otherPort]) {
    const server = http.createServer(handle);
    await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    servers.push(server);
  }
  return { close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))) };
}

// ---- the browser ---------------------------------------------------------------------------------
// A fresh profile per browser; `preferences` are written into it first (a real browser setting, such
// as Do-Not-Track). Every request to a host other than 127.0.0.1 is refused: the suite runs offline.
export async function launch({ preferences } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'graphreports-tracker-'));
  if (preferences) {
    fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  // Every beacon any page of this browser sends, with the answer it got.
  const beacons = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(`${env.indexer}/v1/beacons`) || request.method() !== 'POST') return;
    const beacon = {
      url: request.url(), origin: request.headers().origin, cookie: request.headers().cookie, body: request.postData() ?? '',
      events: JSON.parse(request.postData() ?? '[]'), status: null, failure: null,
    };
    beacons.push(beacon);
    request.response().then((r) => { beacon.status = r?.status() ?? null; }, () => {});
  });
  // A request whose answer the browser withholds (no CORS header for this origin) fails instead.
  context.on('requestfailed', (request) => {
    const beacon = beacons.find((b) => b.url === request.url() && b.failure === null && b.status === null && b.body === (request.postData() ?? ''));
    if (beacon) beacon.failure = request.failure()?.errorText ?? 'failed';
  });
  return {
    context,
    beacons,
    events: () => beacons.flatMap((b) => b.events),
    async newPage() { return context.pages().find((p) => p.url() === 'about:blank') ?? context.newPage(); },
    async close() { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

/** Waits until `condition()` is true or `ms` passed; returns whether it became true. */
export async function waitFor(condition, ms = 5000, step = 100) {
  const end = Date.now() + ms;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= end) return false;
    await sleep(step);
  }
}

// ---- the Api -------------------------------------------------------------------------------------
export async function graphql(query, variables) {
  const response = await fetch(`${env.api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/**
 * Impressions, clicks and ratings of each asset this month, as the Api answers them: `null` for an asset of
 * which the environment has no event at all (the `asset` field then fails with NOT_FOUND).
 */
export async function insights(assetIds) {
  const fields = assetIds.map((id, i) => `a${i}: asset(id: ${JSON.stringify(id)}) { impressions clicks ratings { count average } }`).join('\n');
  const answer = await graphql(`{ environment { ${fields} } }`);
  const unexpected = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'NOT_FOUND');
  if (unexpected.length) throw new Error(`GraphQL errors: ${JSON.stringify(unexpected)}`);
  return Object.fromEntries(assetIds.map((id, i) => {
    const a = answer.data?.environment?.[`a${i}`];
    return [id, a ? { impressions: a.impressions, clicks: a.clicks, ratings: a.ratings.count, average: a.ratings.average } : null];
  }));
}
