// Opens Banana Cake Pop in Debian's headless Chromium (never a browser playwright downloads), lets it load
// the schema from our endpoint, runs a query typed into its editor and reads the result it shows.
// Every request to a host other than 127.0.0.1 is blocked and counted: the IDE must work offline.
// Usage: node browser/ide.mjs <base url> <screenshot.png>. Prints one line per check, then COUNTS.
import { launch } from '../lib/chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [baseUrl, screenshotPath] = process.argv.slice(2);
const QUERY = '{ greeting(name: "Chromium") }';
const EXPECTED_TITLE = 'GraphReports conformance'; // tests/Conformance.Host sets it
const EXPECTED_RESULT = '"greeting": "Hello, Chromium!"';

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `: ${detail}`}`);
};

const { context, outside, close } = await launch({ width: 1400, height: 900 });

try {
  const page = context.pages()[0] ?? (await context.newPage());
  // Generous: on a loaded 2-core CI machine the IDE bundle can take long to start.
  page.setDefaultTimeout(90000);
  // The host's content security policy must let the IDE work: any refusal shows on the console.
  const refused = [];
  page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text()); });
  const first = await page.goto(`${baseUrl}/graphql`);
  const redirect = first.request().redirectedFrom();
  check('GET /graphql from a browser is redirected (301) to /graphql/',
    redirect !== null && (await redirect.response()).status() === 301 && new URL(page.url()).pathname === '/graphql/',
    `landed on ${page.url()}`);

  const create = page.getByRole('button', { name: 'Create Document' });
  const loaded = await create.waitFor({ timeout: 90000 }).then(() => true, (e) => e.message);
  check('the IDE loads from /graphql/', loaded === true, loaded);
  const title = await page.title();
  check(`the browser tab shows the configured title "${EXPECTED_TITLE}"`, title === EXPECTED_TITLE, JSON.stringify(title));

  let schemaLoaded = false;
  if (loaded === true) {
    await create.click();
    schemaLoaded = await page.getByText('Schema available').waitFor({ timeout: 90000 }).then(() => true, (e) => e.message);
  }
  check('the IDE loads the schema by introspection', schemaLoaded === true, schemaLoaded);

  let result = '';
  if (schemaLoaded === true) {
    try {
      const editors = page.locator('.monaco-editor');
      await editors.nth(0).click();
      await page.keyboard.insertText(QUERY);
      // The toolbar's Run button; when the IDE has not shown it (seen once on a fresh profile), its own
      // shortcut for "Run Operation" (Ctrl+Alt+Enter) in the focused editor does the same.
      const run = page.getByRole('button', { name: 'Run', exact: true });
      const clicked = await run.click({ timeout: 20000 }).then(() => true, () => false);
      if (!clicked) {
        await editors.nth(0).click();
        await page.keyboard.press('Control+Alt+Enter');
      }
      await page.waitForFunction((text) => [...document.querySelectorAll('.monaco-editor .view-lines')]
        .some((e) => e.innerText.replace(/\u00a0/g, ' ').includes(text)), EXPECTED_RESULT, { timeout: 60000 }).catch(() => {});
      // Monaco renders spaces as no-break spaces.
      const texts = await page.locator('.monaco-editor .view-lines').allInnerTexts();
      result = texts.map((t) => t.replace(/\u00a0/g, ' ')).find((t) => t.includes(EXPECTED_RESULT)) ?? texts.join(' | ');
    } catch (e) {
      result = e.message; // counted as a failed check below, with the screenshot kept for diagnosis
    }
  }
  check(`a query typed in the IDE runs and shows ${EXPECTED_RESULT}`, result.includes(EXPECTED_RESULT), JSON.stringify(result));

  fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  console.log(`screenshot: ${screenshotPath}`);
  check('no request left 127.0.0.1', outside.length === 0, outside.join(', '));
  const policy = (await first.allHeaders())['content-security-policy'] ?? '';
  check('the IDE page carries a content security policy limited to its own origin', /default-src 'self'/.test(policy) && /frame-ancestors 'none'/.test(policy), policy);
  check('the content security policy refused nothing the IDE does', refused.length === 0, refused.slice(0, 3).join(' | '));
} finally {
  await close();
}
const passed = checks.filter(Boolean).length;
console.log(`COUNTS ${passed} ${checks.length - passed} 0`);
