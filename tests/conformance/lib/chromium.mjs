// Shared by the browser suites and the reports page benchmark: Debian's Chromium (never one
// playwright downloads) with a fresh profile, every request to a host other than 127.0.0.1 blocked
// and recorded in `outside`. `close()` ends the browser and removes the profile.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function launch({ width = 1280, height = 900 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'graphreports-reports-page-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width, height },
  });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, outside, close };
}

/** POSTs an example operation of schema/examples/ to the Api, as the page does. */
export async function graphql(baseUrl, key, operationFile, variables) {
  const query = fs.readFileSync(operationFile, 'utf8');
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${path.basename(operationFile)}: ${JSON.stringify(body.errors)}`);
  return body.data.environment;
}

/** Waits until every section the page asked for has answered (the page sets body[data-state]). */
export const ready = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60000 });
