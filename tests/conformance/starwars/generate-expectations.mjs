// Regenerates the expected responses of the Star Wars cases by running them through graphql-js 16:
//   cd tests/conformance && npm ci && node starwars/generate-expectations.mjs
import { writeFileSync } from 'node:fs';
import { graphql, parse, validate } from 'graphql';
import { starWarsSchema } from './schema.mjs';
import { introspectionCases, queryCases, validationCases } from './cases.mjs';

const here = new URL('.', import.meta.url);
const plain = (value) => JSON.parse(JSON.stringify(value));

async function run(cases) {
  const results = [];
  for (const c of cases) {
    const response = await graphql({ schema: starWarsSchema, source: c.query, variableValues: c.variables });
    results.push({ ...c, expected: plain(response) });
  }
  return results;
}

function write(file, value) {
  writeFileSync(new URL(file, here), JSON.stringify(value, null, 2) + '\n');
}

write('query.json', await run(queryCases));
write('introspection.json', await run(introspectionCases));
write('validation.json', validationCases.map((c) => ({
  ...c,
  expectedErrors: validate(starWarsSchema, parse(c.query)).map((e) => ({ message: e.message, locations: e.locations })),
})));
console.log('wrote query.json, introspection.json, validation.json');

// The schema as graphql-js prints it: our builder's Star Wars schema must print the same.
const { printSchema } = await import('graphql');
writeFileSync(new URL('schema.graphql', here), printSchema(starWarsSchema));
console.log('wrote schema.graphql');
