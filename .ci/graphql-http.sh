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

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/graphql-http.XXXXXX")
source .ci/pipelens-run.sh

finish() {
  local rc=$?
  trap - EXIT
  set +e
  stop_pipelens
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

need_debian_packages node:nodejs npm:npm curl:curl
log "npm ci in .ci/graphql-http (node $(node --version))"
(cd .ci/graphql-http && npm ci --no-audit --no-fund --loglevel=error)

ensure_launcher_jar

command_port=$(pick_port 8081)
query_port=$(pick_port 8082)

# A key for this run only, random. The services get its SHA-256 through the same environment variables as in
# docker-compose.yml, so this also checks that configuration.
key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
log "starting Pipelens ($JAR) with API keys required: command service :$command_port, query service :$query_port"
PIPELENS_SECURITY_MODE=keys PIPELENS_SECURITY_KEYS_0_NAME=graphql-http-audit PIPELENS_SECURITY_KEYS_0_ROLE=READ \
  PIPELENS_SECURITY_KEYS_0_SHA256=$(printf %s "$key" | sha256sum | cut -d' ' -f1) \
  start_pipelens "$command_port" "$query_port" --spring.graphql.schema.introspection.enabled=true
wait_for_health 180 "http://127.0.0.1:$command_port" "http://127.0.0.1:$query_port"
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
