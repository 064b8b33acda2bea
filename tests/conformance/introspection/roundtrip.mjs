// Introspection round trip: graphql-js's full introspection query (every option on) POSTed to our endpoint,
// rebuilt with buildClientSchema, checked with assertValidSchema and printed with printSchema, must equal
// the SDL our own printer serves at /graphql/schema.graphql, character for character.
// Usage: node introspection/roundtrip.mjs <base url>. Prints one line per check, then COUNTS.
import { assertValidSchema, buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const baseUrl = process.argv[2];
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${ok || !detail ? '' : `:\n${detail}`}`);
};

const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const response = await fetch(`${baseUrl}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query }),
});
const result = await response.json();
check('the full introspection query answers 200 with data and no errors',
  response.status === 200 && result.data != null && result.errors === undefined,
  `${response.status} ${JSON.stringify(result.errors ?? result).slice(0, 2000)}`);

let printed = null;
if (result.data != null) {
  try {
    const schema = buildClientSchema(result.data);
    assertValidSchema(schema);
    printed = printSchema(schema);
    check('buildClientSchema and assertValidSchema accept the introspection result', true);
  } catch (e) {
    check('buildClientSchema and assertValidSchema accept the introspection result', false, e.stack);
  }
}

const served = await (await fetch(`${baseUrl}/graphql/schema.graphql`)).text();
check('printSchema of the introspected schema equals /graphql/schema.graphql',
  printed !== null && printed === served.replace(/\n$/, ''), printed === null ? 'no schema was built' : lineDiff(printed, served.replace(/\n$/, '')));

const viaQuery = await (await fetch(`${baseUrl}/graphql?sdl`)).text();
check('/graphql?sdl serves the same SDL as /graphql/schema.graphql', viaQuery === served);

const passed = checks.filter(Boolean).length;
console.log(`COUNTS ${passed} ${checks.length - passed} 0`);

// A short unified-style diff: enough to see where the two printers disagree.
function lineDiff(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out = ['--- graphql-js printSchema(buildClientSchema(introspection))', '+++ our /graphql/schema.graphql'];
  let i = 0;
  let j = 0;
  while ((i < a.length || j < b.length) && out.length < 80) {
    if (a[i] === b[j]) { i++; j++; continue; }
    const nextInB = b.indexOf(a[i], j);
    const nextInA = a.indexOf(b[j], i);
    if (nextInB !== -1 && (nextInA === -1 || nextInB - j <= nextInA - i)) {
      while (j < nextInB) out.push(`+${b[j++]}`);
    } else if (nextInA !== -1) {
      while (i < nextInA) out.push(`-${a[i++]}`);
    } else {
      if (i < a.length) out.push(`-${a[i++]}`);
      if (j < b.length) out.push(`+${b[j++]}`);
    }
  }
  return out.join('\n');
}
