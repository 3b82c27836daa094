#!/usr/bin/env bash
# GraphQL-over-HTTP conformance: runs the audit suite of the npm package graphql-http (auditServer, pinned in
# .ci/graphql-http/package-lock.json) against the /graphql endpoint of both services, started as real processes from the
# launcher jar on a temporary data dir, the way production runs them: API keys required, configured through the
# environment variables docker-compose.yml uses (a fresh READ key for the audit, sent as "Authorization: Bearer"),
# introspection on (one audit sends an introspection query), default limits.
# Checks first that a request without the key is refused with 401. Fails on any MUST or SHOULD audit that does not
# pass; MAY audits are printed and counted, not required.
#
# Expects launcher/target/pipelens-exec.jar (built by `./mvnw -B verify` before it in .ci/run); builds it when missing.
# Installs nodejs, npm and curl from Debian when missing. Uses 8081/8082, or free ports when those are taken. Stops
# what it started on exit. GRAPHQL_HTTP_KEEP=1 keeps the temporary directory (log, data).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=launcher/target/pipelens-exec.jar
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/graphql-http.XXXXXX")
pipelens_pid=

log() { printf '== [%3ss] %s\n' "$((SECONDS - started))" "$*"; }

finish() {
  local rc=$? i
  trap - EXIT
  set +e
  if [[ -n $pipelens_pid ]] && kill -0 "$pipelens_pid" 2>/dev/null; then
    kill "$pipelens_pid"
    for ((i = 0; i < 100; i++)); do kill -0 "$pipelens_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pipelens_pid" 2>/dev/null
    wait "$pipelens_pid" 2>/dev/null
  fi
  if ((rc != 0)) && [[ -f $work/pipelens.log ]]; then
    echo "-- pipelens.log, last 40 lines"
    tail -n 40 "$work/pipelens.log"
  fi
  if [[ ${GRAPHQL_HTTP_KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
  echo "graphql-http: $([[ $rc == 0 ]] && echo passed || echo FAILED) ($((SECONDS - started)) s)"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "npm ci in .ci/graphql-http (node $(node --version))"
(cd .ci/graphql-http && npm ci --no-audit --no-fund --loglevel=error)

if [[ ! -f $JAR ]]; then
  log "$JAR is missing: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests package
fi

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
pick_port() { if port_taken "$1"; then free_port; else echo "$1"; fi; }
command_port=$(pick_port 8081)
query_port=$(pick_port 8082)
mkdir -p "$work/config"
echo "server.port=$command_port" >"$work/config/command-service.properties"
echo "server.port=$query_port" >"$work/config/query-service.properties"

# A key for this run only, random. The services get its SHA-256 through the same environment variables as in
# docker-compose.yml, so this also checks that configuration.
key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
log "starting Pipelens ($JAR) with API keys required: command service :$command_port, query service :$query_port"
PIPELENS_SECURITY_MODE=keys PIPELENS_SECURITY_KEYS_0_NAME=graphql-http-audit PIPELENS_SECURITY_KEYS_0_ROLE=READ \
  PIPELENS_SECURITY_KEYS_0_SHA256=$(printf %s "$key" | sha256sum | cut -d' ' -f1) \
  java -Dh2.bindAddress=127.0.0.1 -XX:+ExitOnOutOfMemoryError -jar "$JAR" \
  --pipelens.data-dir="$work/data" --server.address=127.0.0.1 \
  --spring.config.additional-location="optional:file:$work/config/" \
  --spring.graphql.schema.introspection.enabled=true \
  >"$work/pipelens.log" 2>&1 &
pipelens_pid=$!

health_up() { curl -fsS --max-time 5 "$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }
for url in "http://127.0.0.1:$command_port" "http://127.0.0.1:$query_port"; do
  deadline=$((SECONDS + 180))
  until health_up "$url"; do
    kill -0 "$pipelens_pid" 2>/dev/null || { echo "!! Pipelens has exited"; exit 1; }
    ((SECONDS < deadline)) || { echo "!! $url/actuator/health is not UP after 180 s"; exit 1; }
    sleep 0.5
  done
done
log "both services are UP"

failed=0
for service in command-service:$command_port query-service:$query_port; do
  name=${service%%:*}
  url=http://127.0.0.1:${service#*:}/graphql
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" -H 'Content-Type: application/json' \
    -d '{"query": "{ __typename }"}')
  if [[ $status == 401 ]]; then
    echo "   ok: $name answers 401 without a key"
  else
    echo "!! FAILED: $name answered $status without a key (expected 401: keys are required)"
    failed=1
  fi
  log "graphql-http audit of $name ($url)"
  PIPELENS_AUDIT_KEY=$key node .ci/graphql-http/audit.mjs "$name" "$url" || failed=1
done
((failed == 0))
