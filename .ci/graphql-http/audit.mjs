// Runs graphql-http's GraphQL-over-HTTP server audits against one Pipelens /graphql endpoint and prints every result.
//
//   node audit.mjs <name> <url>        e.g. node audit.mjs query-service http://127.0.0.1:8082/graphql
//
// PIPELENS_AUDIT_KEY, when set, is sent as "Authorization: Bearer <key>" on every request (services running with API
// keys answer 401 without one). One audit sends an introspection query: run it against a service with introspection on.
// Prints one line per audit and a summary "<name>: MUST a/b ok, SHOULD c/d ok, MAY e/f ok"; exits 1 when any MUST or
// SHOULD audit did not pass (MAY audits are reported, not required).
import { auditServer } from 'graphql-http';

const [name, url] = process.argv.slice(2);
if (!name || !url) {
  console.error('usage: node audit.mjs <name> <url>');
  process.exit(2);
}
const key = process.env.PIPELENS_AUDIT_KEY;
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  if (key) {
    headers.set('Authorization', `Bearer ${key}`);
  }
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
const counts = { MUST: { ok: 0, all: 0 }, SHOULD: { ok: 0, all: 0 }, MAY: { ok: 0, all: 0 } };
const required = [];
for (const result of results) {
  const level = result.name.split(' ')[0];
  counts[level].all++;
  if (result.status === 'ok') {
    counts[level].ok++;
    console.log(`  ok      ${result.id} ${result.name}`);
    continue;
  }
  let body = '';
  try {
    body = (await result.response.text()).slice(0, 300);
  } catch {
    body = '(body not readable)';
  }
  const line = `  ${result.status.padEnd(7)} ${result.id} ${result.name}: ${result.reason}`
    + ` [HTTP ${result.response.status} ${result.response.headers.get('content-type') ?? ''}] ${body}`;
  console.log(line);
  if (level === 'MUST' || level === 'SHOULD') {
    required.push(line);
  }
}
const summary = Object.entries(counts).map(([level, c]) => `${level} ${c.ok}/${c.all} ok`).join(', ');
console.log(`${name}: ${summary}; ${required.length} MUST or SHOULD failures`);
process.exit(required.length ? 1 : 0);
