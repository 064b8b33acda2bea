// Prints each *.graphql of this folder with graphql-js 16 (buildSchema then printSchema) into
// expected/<name>.graphql, the output our SchemaPrinter must equal byte for byte. Run:
//   (cd tests/conformance && npm ci) && node tests/GraphQL.Tests/Utilities/Sdl/print-with-graphql-js.mjs
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(new URL('../../../conformance/package.json', import.meta.url));
const { buildSchema, printSchema, assertValidSchema } = require('graphql');
const here = new URL('.', import.meta.url);
mkdirSync(new URL('expected/', here), { recursive: true });
for (const file of readdirSync(here).filter((f) => f.endsWith('.graphql'))) {
  const schema = buildSchema(readFileSync(new URL(file, here), 'utf8'));
  assertValidSchema(schema);
  writeFileSync(new URL(`expected/${file}`, here), printSchema(schema));
}
