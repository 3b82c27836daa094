// Prints every PromQL query of grafana/dashboards/*.json as a Prometheus rule file (JSON is YAML), one recording rule
// per query, so that `promtool check rules` parses them: tsc checks a dashboard's shape, this checks its queries.
// Grafana's variables are replaced by sample values first. Used by .ci/ops-checks.sh.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dashboards = join(dirname(fileURLToPath(import.meta.url)), '..', 'dashboards');
const samples = { pipeline: 'main', __rate_interval: '1m', __interval: '15s', __range: '1h' };
const substitute = (expr) =>
  expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced, bare) => samples[braced ?? bare] ?? match);

const groups = readdirSync(dashboards)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const dashboard = JSON.parse(readFileSync(join(dashboards, file), 'utf8'));
    const panels = (dashboard.panels ?? []).flatMap((p) => (p.type === 'row' ? p.panels ?? [] : [p]));
    const rules = panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        record: `dashboard_query:${dashboard.uid.replace(/\W/g, "_")}:panel_${panel.id}_${target.refId}`,
        expr: substitute(target.expr),
      })));
    return { name: `${file} (${rules.length} queries)`, rules };
  });
process.stdout.write(JSON.stringify({ groups }, null, 2) + '\n');
