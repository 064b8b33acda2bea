// Validates every corpus document with graphql-js (the version pinned in ../package.json)
// against schema.graphql and records what it says: the verdict, and each error's message and
// locations. `node expected.mjs` (re)writes expected.json; `node expected.mjs --check` compares
// graphql-js's answers with the committed expected.json, document by document, so that the
// expectations our engine is tested against can never drift from the real graphql-js.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, version } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, 'corpus');
const expectedPath = join(here, 'expected.json');
const schema = buildSchema(readFileSync(join(here, 'schema.graphql'), 'utf8'));

function judge(text) {
  const errors = validate(schema, parse(text));
  return {
    valid: errors.length === 0,
    errors: errors.map((e) => ({
      message: e.message,
      locations: (e.locations ?? []).map(({ line, column }) => ({ line, column })),
    })),
  };
}

const names = readdirSync(corpusDir).filter((n) => n.endsWith('.graphql')).sort();
const actual = {};
for (const name of names) {
  actual[name] = judge(readFileSync(join(corpusDir, name), 'utf8'));
}

if (process.argv.includes('--check')) {
  if (!existsSync(expectedPath)) {
    console.error('expected.json is missing: run `node expected.mjs` first');
    process.exit(2);
  }
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const recorded = expected.documents?.[name];
    if (recorded !== undefined && JSON.stringify(recorded) === JSON.stringify(actual[name])) {
      passed++;
    } else {
      failed++;
      console.log(`DRIFT ${name}: expected.json ${recorded === undefined ? 'has no entry' : 'differs from graphql-js'}`);
    }
  }
  for (const name of Object.keys(expected.documents ?? {})) {
    if (!(name in actual)) {
      failed++;
      console.log(`DRIFT ${name}: in expected.json but not in the corpus`);
    }
  }
  console.log(`graphql-js ${version}: ${passed} documents as recorded, ${failed} drifted`);
  console.log(`COUNTS ${passed} ${failed}`);
  process.exit(failed === 0 ? 0 : 1);
} else {
  const valid = names.filter((n) => actual[n].valid).length;
  writeFileSync(expectedPath, JSON.stringify({ graphql: version, documents: actual }, null, 2) + '\n');
  console.log(`graphql-js ${version}: wrote ${names.length} documents (${valid} valid, ${names.length - valid} invalid) to expected.json`);
}
