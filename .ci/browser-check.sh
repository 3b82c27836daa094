#!/usr/bin/env bash
# GraphiQL in a real browser, without internet: starts Pipelens (launcher jar, both services in one JVM) on a fresh
# temporary data dir with 200 demo deals and API keys required, then, in Debian's headless Chromium driven by
# playwright-core (.ci/browser-check/check.mjs), opens each service's /graphiql page with every request off 127.0.0.1
# blocked, enters the key in the page's headers tab, re-fetches the schema, runs an operation with the page's Run
# button and finds the answer in the page:
#   - command service: mutation definePipeline (useTemplate) answers "outcome": "APPLIED";
#   - query service: the README's funnel query on the demo pipeline answers "deals": 200;
#   - opened with ?path= naming another host (.evil.example/graphql, //evil.example/graphql, ...), with the key kept
#     in its local storage, the page says it refused the endpoint and sends nothing beyond its own origin.
# Fails when the page loads anything from another host, a request fails or answers >= 400, the page logs an error, or
# the answer does not appear. Screenshots of both pages, pass or fail: target/browser-check/<service>.png.
#
# Expects launcher/target/pipelens-exec.jar (built by `./mvnw -B verify` before it in .ci/run); builds it when missing.
# Installs chromium, nodejs, npm and curl from Debian when missing, and playwright-core (pinned in
# .ci/browser-check/package-lock.json) with npm ci; playwright-core drives /usr/bin/chromium and downloads no browser.
# Uses 8081/8082, or free ports when those are taken. Stops what it started on exit. BROWSER_CHECK_KEEP=1 keeps the
# temporary directory (log, data). Ends with "browser-check: N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_DEALS=200
SHOTS=target/browser-check
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/browser-check.XXXXXX")
passed=0
failed=0
source .ci/pipelens-run.sh

finish() {
  local rc=$? lines=0
  trap - EXIT
  set +e
  # How far the log went before the shutdown, whose own messages would otherwise fill its tail.
  [[ -f $work/pipelens.log ]] && lines=$(wc -l <"$work/pipelens.log")
  stop_pipelens
  if ((rc != 0 && failed == 0)); then failed=1; fi
  if ((failed && lines)); then
    echo "-- pipelens.log before the shutdown, last 40 lines"
    head -n "$lines" "$work/pipelens.log" | tail -n 40
  fi
  if [[ ${BROWSER_CHECK_KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
  echo "browser-check: $passed passed, $failed failed ($((SECONDS - started)) s)"
  ((failed == 0)) && exit 0 || exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM

need_debian_packages chromium:chromium node:nodejs npm:npm curl:curl
log "npm ci in .ci/browser-check (node $(node --version), $(chromium --version 2>/dev/null))"
(cd .ci/browser-check && npm ci --no-audit --no-fund --loglevel=error)
ensure_launcher_jar

command_port=$(pick_port 8081)
query_port=$(pick_port 8082)
command_url=http://127.0.0.1:$command_port
query_url=http://127.0.0.1:$query_port
# An ADMIN key for this run only (definePipeline needs ADMIN, which implies READ): the services get its SHA-256 through
# the environment variables docker-compose.yml uses. GraphiQL's page and scripts need no key; /graphql does.
key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
log "starting Pipelens ($JAR) with $DEMO_DEALS demo deals and API keys required: $command_url, $query_url"
PIPELENS_SECURITY_MODE=keys PIPELENS_SECURITY_KEYS_0_NAME=browser-check PIPELENS_SECURITY_KEYS_0_ROLE=ADMIN \
  PIPELENS_SECURITY_KEYS_0_SHA256=$(printf %s "$key" | sha256sum | cut -d' ' -f1) \
  start_pipelens "$command_port" "$query_port" --pipelens.demo.deals=$DEMO_DEALS
wait_for_health 180 "$command_url" "$query_url"

FUNNEL='{ funnel(pipelineId: "demo") { context { version deals } winRate stages { key reached visited skipped stageConversion } } }'
deals_loaded() {
  curl -fsS --max-time 10 "$query_url/graphql" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"query": "{ funnel(pipelineId: \"demo\") { context { deals } } }"}' 2>/dev/null | grep -q "\"deals\":$DEMO_DEALS"
}
deadline=$((SECONDS + 120))
until deals_loaded; do
  ((SECONDS < deadline)) || { echo "!! the query service does not report the $DEMO_DEALS demo deals after 120 s"; exit 1; }
  sleep 0.5
done
log "both services are UP; the query service has the $DEMO_DEALS demo deals"

mkdir -p "$SHOTS"
rm -f "$SHOTS"/*.png
check() { # name url operation expected... | --refuses name url foreign-path...
  local refuses=()
  [[ $1 == --refuses ]] && refuses=("$1") && shift
  local name=$1 url=$2
  shift 2
  log "$name: GraphiQL at $url/graphiql${refuses:+ with endpoints on other hosts}"
  if PIPELENS_KEY=$key node .ci/browser-check/check.mjs "${refuses[@]}" "$name" "$url" "$SHOTS/$name.png" "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
}
check command-service "$command_url" \
  'mutation { definePipeline(input: {pipelineId: "browser-check", name: "Browser check", useTemplate: true}) { id outcome } }' \
  '"outcome": "APPLIED"'
check query-service "$query_url" "$FUNNEL" "\"deals\": $DEMO_DEALS"
# A link naming another host as the endpoint would send the key the page keeps to that host: the page refuses it.
check --refuses foreign-endpoint "$query_url" .evil.example/graphql //evil.example/graphql @evil.example/graphql \
  https://evil.example/graphql
