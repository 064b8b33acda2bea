// Star Wars over HTTP: the expectations of graphql-js's Star Wars tests (recorded by the engine's suite in
// starwars/*.json) must also hold end to end, through our endpoint's parsing, status codes and JSON writer.
// Usage: node starwars-http/run.mjs <endpoint url>. Prints one line per case, then COUNTS.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const endpoint = process.argv[2];
const load = (name) => JSON.parse(readFileSync(new URL(`../starwars/${name}.json`, import.meta.url), 'utf8'));
let passed = 0;
let failed = 0;

async function post(query, variables) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

async function run(name, expectation) {
  try {
    await expectation();
    passed++;
    console.log(`ok    ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL  ${name}: ${e.message.split('\n').slice(0, 12).join('\n      ')}`);
  }
}

for (const suite of ['query', 'introspection']) {
  for (const c of load(suite)) {
    await run(`${suite}: ${c.name}`, async () => {
      const { status, body } = await post(c.query, c.variables);
      assert.equal(status, 200);
      assert.deepEqual(body, c.expected);
      // Field order is part of the response: compare the data as text too.
      assert.equal(JSON.stringify(body.data), JSON.stringify(c.expected.data));
    });
  }
}
for (const c of load('validation')) {
  await run(`validation: ${c.name}`, async () => {
    const { status, body } = await post(c.query);
    if (c.expectedErrors.length === 0) {
      assert.equal(status, 200);
      assert.ok(!('errors' in body) || body.errors.every((e) => e.path), 'a valid document answered request errors');
    } else {
      assert.equal(status, 400);
      assert.ok(!('data' in body), 'a request error carried a data entry');
      assert.deepEqual(body.errors, c.expectedErrors);
    }
  });
}
console.log(`COUNTS ${passed} ${failed} 0`);
