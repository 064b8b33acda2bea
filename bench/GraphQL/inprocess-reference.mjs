// graphql-js in process, the peer of InProcessBenchmark.cs: the 30-field query parsed and validated once
// (as our document cache keeps both), then executed per call; every call timed, median and p90 reported.
import { execute, parse, validate } from 'graphql';
import { reportQuery, schema } from './schema.mjs';

const iterations = Number(process.argv[2] ?? 50000);
const document = parse(reportQuery);
const errors = validate(schema, document);
if (errors.length) throw new Error(errors.join('; '));
const run = () => execute({ schema, document });
for (let i = 0; i < Math.max(2000, iterations / 10); i++) await run();
const times = new Float64Array(iterations);
for (let i = 0; i < iterations; i++) {
  const start = process.hrtime.bigint();
  await run();
  times[i] = Number(process.hrtime.bigint() - start) / 1000;
}
times.sort();
console.log(`graphql-js in process, same query (document parsed and validated once): median ${times[iterations >> 1].toFixed(1)} us, ` +
  `p90 ${times[Math.floor(iterations * 0.9)].toFixed(1)} us, min ${times[0].toFixed(1)} us over ${iterations} calls`);
