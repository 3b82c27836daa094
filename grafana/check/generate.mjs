// Wraps each grafana/dashboards/*.json in generated/<name>.ts as an object literal typed DashboardJson (check.ts says
// why), keeping the JSON on the same lines so tsc's line numbers are the JSON file's. Run by `npm run check`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = join(here, '..', 'dashboards');
const generated = join(here, 'generated');

rmSync(generated, { recursive: true, force: true });
mkdirSync(generated);
const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no dashboards in ${dashboards}`);
  process.exit(1);
}
for (const file of files) {
  const text = readFileSync(join(dashboards, file), 'utf8');
  try {
    JSON.parse(text);
  } catch (e) {
    console.error(`${file}: not valid JSON: ${e.message}`);
    process.exit(1);
  }
  const module = `import type { DashboardJson } from '../check'; export const dashboard: DashboardJson = ${text.trimEnd()};\n`;
  writeFileSync(join(generated, `${basename(file, '.json')}.ts`), module);
  console.log(`type-checking grafana/dashboards/${file} (as grafana/check/generated/${basename(file, '.json')}.ts)`);
}
