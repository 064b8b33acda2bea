// Runs graphql-js 16's full introspection query (every option on) against the schemas of this folder and
// records query and response under expected/, so that our engine's introspection can be compared with it:
//   (cd tests/conformance && npm ci) && node tests/GraphQL.Tests/Utilities/Sdl/introspect-with-graphql-js.mjs
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(new URL('../../../conformance/package.json', import.meta.url));
const { buildSchema, getIntrospectionQuery, graphqlSync } = require('graphql');
const here = new URL('.', import.meta.url);
const query = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true,
  inputValueDeprecation: true, oneOf: true,
});
writeFileSync(new URL('expected/introspection-query.graphql', here), query);
for (const file of ['kitchen-sink.graphql', 'defaults.graphql']) {
  const schema = buildSchema(readFileSync(new URL(file, here), 'utf8'));
  const result = graphqlSync({ schema, source: query });
  writeFileSync(new URL(`expected/${file.replace('.graphql', '.introspection.json')}`, here), JSON.stringify(result, null, 2) + '\n');
}
