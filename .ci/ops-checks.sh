#!/usr/bin/env bash
# Checks the production setup's files without a Docker engine or a Grafana server: the Prometheus config and alert
# rules (promtool, with unit tests of each alert), docker-compose.yml (Debian's docker-compose 1.29), the Grafana
# dashboards (tsc against @grafana/schema, promtool for their PromQL) and that every pipelens_* metric they use is in
# docs/metrics-contract.md. Installs what it needs from Debian and npm when missing; safe to run again.
# Runs every check, then exits non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== ops checks: installing what is missing"
missing=()
command -v promtool >/dev/null || missing+=(prometheus)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "promtool $(promtool --version 2>&1 | head -1 | awk '{print $3}'), $(docker-compose version --short 2>/dev/null || echo docker-compose), node $(node --version)"

passed=0
failed=()
check() {
  local name=$1
  shift
  echo "== ops check: $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "!! FAILED: $name"
    failed+=("$name")
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Dummy secrets for validation only; an empty --env-file keeps a developer's .env out of it.
SECRETS=(POSTGRES_PASSWORD GRAFANA_ADMIN_PASSWORD PIPELENS_ADMIN_KEY_SHA256 PIPELENS_WRITE_KEY_SHA256
  PIPELENS_READ_KEY_SHA256)
: >"$work/empty.env"
compose_config() {
  env "${SECRETS[@]/%/=check}" docker-compose --env-file "$work/empty.env" -f docker-compose.yml config -q
}
compose_refuses_missing_secrets() {
  local secret other others unset_all=()
  for secret in "${SECRETS[@]}"; do unset_all+=(-u "$secret"); done
  for secret in "${SECRETS[@]}"; do
    others=()
    for other in "${SECRETS[@]}"; do [[ $other == "$secret" ]] || others+=("$other=check"); done
    if env "${unset_all[@]}" "${others[@]}" \
        docker-compose --env-file "$work/empty.env" -f docker-compose.yml config -q 2>"$work/compose.err"; then
      echo "docker-compose.yml is valid without $secret: a default crept in"
      return 1
    fi
    grep -q "set $secret" "$work/compose.err" || { cat "$work/compose.err"; return 1; }
    echo "without $secret: refused, as it should be"
  done
}
compose_runs_with_keys() {
  local config
  config=$(env "${SECRETS[@]/%/=check}" docker-compose --env-file "$work/empty.env" -f docker-compose.yml config)
  local service
  for service in command-service query-service; do
    grep -A40 "^  $service:" <<<"$config" | grep -q "PIPELENS_SECURITY_MODE: keys" \
      || { echo "$service does not run with PIPELENS_SECURITY_MODE=keys"; return 1; }
    grep -A40 "^  $service:" <<<"$config" | grep -q "SERVER_ADDRESS: 0.0.0.0" \
      || { echo "$service listens on its container's loopback only: set SERVER_ADDRESS: 0.0.0.0"; return 1; }
  done
  echo "both services run with API keys required, listening on their container's interfaces"
}
compose_ports_on_loopback() {
  local config published off_loopback
  config=$(env "${SECRETS[@]/%/=check}" docker-compose --env-file "$work/empty.env" -f docker-compose.yml config)
  published=$(awk '/^    ports:/ { in_ports = 1; next } in_ports && /^    - / { print $2; next } { in_ports = 0 }' <<<"$config")
  [[ -n $published ]] || { echo "no published port found"; return 1; }
  off_loopback=$(grep -v '^127\.0\.0\.1:' <<<"$published" || true)
  if [[ -n $off_loopback ]]; then
    echo "published on more than the host's loopback address: $off_loopback"
    return 1
  fi
  echo "every published port is bound to the host's 127.0.0.1:" $published
}
images_listen_on_every_interface() {
  local dockerfile
  for dockerfile in command-service/Dockerfile query-service/Dockerfile; do
    grep -qE '^\s*(ENV\s+)?SERVER_ADDRESS=0\.0\.0\.0(\s|\\|$)' "$dockerfile" \
      || { echo "$dockerfile does not set SERVER_ADDRESS=0.0.0.0: docker run -p would reach nothing"; return 1; }
  done
  echo "both images listen on their container's interfaces (SERVER_ADDRESS=0.0.0.0)"
}
grafana_typecheck() {
  (cd grafana/check && npm ci --no-audit --no-fund --loglevel=error && npm run -s check)
}
dashboard_queries() {
  node grafana/check/dashboard-queries.mjs >"$work/dashboard-queries.yml" && promtool check rules "$work/dashboard-queries.yml"
}
metrics_in_contract() {
  local name base missing_names=()
  for name in $(grep -ohE 'pipelens_[a-z_]+' grafana/dashboards/*.json prometheus/rules/*.yml | sort -u); do
    base=${name%_bucket}
    grep -qF "\`$name\`" docs/metrics-contract.md || grep -qF "\`$base\`" docs/metrics-contract.md \
      || missing_names+=("$name")
  done
  if ((${#missing_names[@]})); then
    echo "used by dashboards or rules but not in docs/metrics-contract.md: ${missing_names[*]}"
    return 1
  fi
  echo "every pipelens_* metric used by the dashboards and rules is in docs/metrics-contract.md"
}

check "promtool check config prometheus/prometheus.yml (rule files resolve)" promtool check config prometheus/prometheus.yml
check "promtool check rules prometheus/rules/*.yml" promtool check rules prometheus/rules/*.yml
check "promtool test rules prometheus/tests/*.test.yml (each alert fires, look-alikes do not)" \
  promtool test rules prometheus/tests/*.test.yml
check "docker-compose -f docker-compose.yml config -q (with the required secrets set)" compose_config
check "docker-compose.yml refuses to start without its secrets" compose_refuses_missing_secrets
check "docker-compose.yml runs both services with API keys required" compose_runs_with_keys
check "docker-compose.yml publishes ports on the host's loopback address only" compose_ports_on_loopback
check "both Dockerfiles set SERVER_ADDRESS=0.0.0.0 (a published port reaches the service)" \
  images_listen_on_every_interface
check "grafana dashboards type-check against @grafana/schema (npm ci + tsc)" grafana_typecheck
check "grafana dashboard queries parse as PromQL (promtool)" dashboard_queries
check "metric names used are in the metrics contract" metrics_in_contract

echo "== ops checks done"
if ((${#failed[@]})); then
  printf '!! failed: %s\n' "${failed[@]}"
fi
echo "ops-checks: $passed passed, ${#failed[@]} failed"
((${#failed[@]} == 0))
