// Runs the tracker suites in headless Chromium against the Indexer and the Api that run-tracker.sh
// started. Prints one line per check, then "COUNTS passed failed skipped".
import fs from 'node:fs';
import { check, counts, env, startSite } from './harness.mjs';
import { run as acceptance } from './acceptance.mjs';
import { run as behaviour } from './behaviour.mjs';

fs.mkdirSync(env.artifacts, { recursive: true });
const site = await startSite();
try {
  for (const [name, suite] of [['acceptance', acceptance], ['behaviour', behaviour]]) {
    console.log(`-- ${name}`);
    try { await suite(); } catch (e) { check(`${name} ran to its end`, false, e.stack ?? String(e)); }
  }
} finally {
  await site.close();
}
console.log(`COUNTS ${counts()}`);
