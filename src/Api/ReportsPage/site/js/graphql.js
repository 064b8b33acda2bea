// Runs the example operations of schema/examples/ (served at /reports/operations/) against the
// public GraphQL endpoint, with the API key the user signed in with.
const operations = new Map();

/** The text of an example operation, fetched once. */
export function operationText(name) {
  if (!operations.has(name)) {
    operations.set(name, fetch(`/reports/operations/${name}.graphql`).then((r) => {
      if (!r.ok) throw new Error(`The operation ${name}.graphql could not be loaded (${r.status}).`);
      return r.text();
    }));
  }
  return operations.get(name);
}

/** The key was refused (unknown, or not an API key): the page goes back to the sign-in form. */
export class KeyRefused extends Error {}

/** One GraphQL request: the operation <name> with <variables>; resolves to its data or throws. */
export async function run(name, variables, key) {
  const query = await operationText(name);
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      Authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`The GraphQL endpoint answered ${response.status} without a GraphQL response.`);
  }
  const errors = body.errors ?? [];
  const refused = errors.find((e) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code));
  if (refused) throw new KeyRefused(refused.message);
  if (errors.length > 0 && !body.data) throw new Error(errors.map((e) => e.message).join(' '));
  return { data: body.data, errors };
}

/** Downloads a CSV export with the key in the Authorization header (a plain link cannot send it). */
export async function downloadCsv(href, key) {
  const response = await fetch(href, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`The export answered ${response.status}.`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = href.split('?')[0].split('/').slice(-2).join('-');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
