// Runs every graphql-http server audit (MUST, SHOULD and MAY) against the endpoint given as argv[2].
// Prints one line per audit and, last, "passed failed skipped" for the calling script.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
let passed = 0;
let failed = 0;
for (const result of results) {
  if (result.status === 'ok') {
    passed++;
    console.log(`ok    ${result.id} ${result.name}`);
  } else {
    failed++;
    const reason = typeof result.reason === 'string' ? result.reason : JSON.stringify(result.reason);
    console.log(`FAIL  ${result.id} ${result.name} [${result.status}]: ${reason}`);
    if (result.response) {
      const body = await result.response.text().catch(() => '');
      console.log(`      -> ${result.response.status} ${result.response.headers.get('content-type')} ${body.slice(0, 300)}`);
    }
  }
}
console.log(`COUNTS ${passed} ${failed} 0`);
