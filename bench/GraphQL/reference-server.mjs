// The graphql-js reference the engine is measured against: graphql-http's own Node handler serving the
// benchmark schema (bench/GraphQL/BenchSchema.cs describes the same one) with the same static data.
// Usage: node reference-server.mjs <port> [workers]   (listens on 127.0.0.1 only)
// With workers > 1, node:cluster forks that many processes sharing the port, so that Node may use as many
// cores as the .NET server does (a fairer second comparison; one process is how graphql-http runs by default).
import cluster from 'node:cluster';
import http from 'node:http';
import { createHandler } from 'graphql-http/lib/use/http';
import { schema } from './schema.mjs';

const port = Number(process.argv[2]);
const workers = Number(process.argv[3] ?? 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => { for (const worker of Object.values(cluster.workers)) worker.kill(); process.exit(0); });
} else {
  http.createServer(createHandler({ schema })).listen(port, '127.0.0.1', () => console.log(`graphql-js reference on http://127.0.0.1:${port}/graphql`));
}
