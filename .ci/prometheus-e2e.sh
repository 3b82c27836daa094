#!/usr/bin/env bash
# End-to-end check of the metrics, the Grafana dashboards and the alert rules against the real services: starts
# Pipelens (launcher jar, both services in one JVM) on a fresh temporary data dir with 400 demo deals, lints each
# service's /actuator/prometheus with promtool, starts a real Prometheus (Debian package) on a generated copy of
# prometheus/prometheus.yml (targets on 127.0.0.1, 2 s interval, the rules of prometheus/rules), and evaluates every
# PromQL query of grafana/dashboards/*.json and prometheus/rules/*.yml through Prometheus' HTTP API:
#
#   1. on the idle system with its demo data loaded, before any live traffic: every alert expression returns nothing
#      (a healthy system must not alert);
#   2. after three rounds of live commands (batch endpoint and GraphQL; opens, moves, wins, losses, a duplicate and
#      two rejections each, a scrape or more apart so that rates and increases see them):
#      - every dashboard panel query returns at least one series, and not only NaN;
#      - every dashboard variable's values include the demo pipeline;
#      - every alert expression evaluates without error (it may be empty) and, with its comparisons against number
#        literals removed (`x > 10` -> `x`), returns series: what it compares exists;
#      - every metric selector used by a panel, variable or rule has series;
#      - Prometheus loaded every rule and evaluates each without error.
#
# Lint (promtool check metrics): a parse error fails; lint findings fail unless they are on the accepted list in
# .ci/prometheus_e2e.py (LINT_ACCEPTED), which names each accepted finding and why: Axon's camelCase meter names and
# labels, framework meters without help text, Micrometer's own unit-suffixed names, and two known findings on our own
# metrics whose fix is a contract change. So a new pipelens_* metric without a description, or any finding not
# listed, fails.
#
# Expects launcher/target/pipelens-exec.jar (built by `./mvnw -B verify` before it in .ci/run); builds it when
# missing. Uses 8081/8082 for the services and 9099 for Prometheus, or free ports when those are taken. Stops
# everything it started on exit. Installs prometheus (promtool and the server), curl and python3-yaml from Debian when
# missing. PROMETHEUS_E2E_KEEP=1 keeps the temporary directory (logs, scrapes, Prometheus data).
# Ends with "prometheus-e2e: N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

DEMO_DEALS=400
INTERVAL=2s # scrape and rule evaluation interval of the test Prometheus, and the services' metrics refresh
ROUNDS=3    # rounds of live traffic

started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/prometheus-e2e.XXXXXX")
results=$work/results
: >"$results"
prometheus_pid=
source .ci/pipelens-run.sh

record() { # PASS|FAIL what
  echo "$1 $2" >>"$results"
  [[ $1 == PASS ]] && echo "   ok: $2" || echo "!! FAILED: $2"
}
die() { # a step the rest depends on failed
  record FAIL "$*"
  exit 1
}

finish() {
  local rc=$? passed failed i logs=(pipelens.log prometheus.log) lines=(0 0)
  trap - EXIT
  set +e
  # How far the logs went before the shutdown, whose own messages would otherwise fill their tails.
  for i in 0 1; do [[ -f $work/${logs[i]} ]] && lines[i]=$(wc -l <"$work/${logs[i]}"); done
  stop_process "$prometheus_pid" prometheus
  stop_pipelens
  passed=$(grep -c '^PASS' "$results")
  failed=$(grep -c '^FAIL' "$results")
  if ((rc != 0 && failed == 0)); then
    echo "FAIL script stopped with exit code $rc" >>"$results"
    failed=1
  fi
  if ((failed)); then
    echo
    echo "!! failed:"
    grep '^FAIL' "$results" | sed 's/^FAIL /   /'
    for i in 0 1; do
      ((lines[i] > 0)) || continue
      echo "-- ${logs[i]} before the shutdown, last 40 lines"
      head -n "${lines[i]}" "$work/${logs[i]}" | tail -n 40
    done
  fi
  if [[ ${PROMETHEUS_E2E_KEEP:-} == 1 ]]; then
    echo "kept $work"
  else
    rm -rf "$work"
  fi
  echo "prometheus-e2e: $passed passed, $failed failed ($((SECONDS - started)) s)"
  ((failed == 0)) && exit 0 || exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM

# --------------------------------------------------------------------------------------------------------- tools
missing=()
command -v promtool >/dev/null && command -v prometheus >/dev/null || missing+=(prometheus)
command -v curl >/dev/null || missing+=(curl)
PY=/usr/bin/python3
[[ -x $PY ]] || PY=python3
"$PY" -c 'import yaml' 2>/dev/null || missing+=(python3 python3-yaml)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  PY=/usr/bin/python3
fi
helper() { "$PY" .ci/prometheus_e2e.py "$@"; }
helper selftest >/dev/null || die "the PromQL helpers of .ci/prometheus_e2e.py pass their self-test"

ensure_launcher_jar

free_port() { # this script needs no node: Python's, for pick_port
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
command_port=$(pick_port 8081)
query_port=$(pick_port 8082)
prometheus_port=$(pick_port 9099)
command_url=http://127.0.0.1:$command_port
query_url=http://127.0.0.1:$query_port
prometheus_url=http://127.0.0.1:$prometheus_port

# Polls "$@" every half second until it succeeds; fails the run after $1 seconds, or at once when a process this
# script started has died.
wait_for() {
  local timeout=$1 what=$2 deadline=$((SECONDS + $1))
  shift 2
  until "$@"; do
    [[ -z $pipelens_pid ]] || kill -0 "$pipelens_pid" 2>/dev/null || die "$what: Pipelens has exited"
    [[ -z $prometheus_pid ]] || kill -0 "$prometheus_pid" 2>/dev/null || die "$what: Prometheus has exited"
    ((SECONDS < deadline)) || die "$what (gave up after ${timeout} s)"
    sleep 0.5
  done
}
json() { # python expression over the JSON on stdin, bound to j
  "$PY" -c "import json, sys; j = json.load(sys.stdin); print($1)"
}
health_up() { curl -fsS --max-time 5 "$1/actuator/health" 2>/dev/null | json 'j["status"]' 2>/dev/null | grep -qx UP; }
deals() {
  curl -fsS --max-time 10 "$query_url/graphql" -H 'Content-Type: application/json' \
    -d '{"query":"{ funnel(pipelineId: \"demo\") { context { deals } } }"}' 2>/dev/null \
    | json 'j["data"]["funnel"]["context"]["deals"]' 2>/dev/null
}
deals_are() { [[ $(deals) == "$1" ]]; }
prom_value() { # first value of an instant query, empty when it has none
  curl -fsS --max-time 10 --get --data-urlencode "query=$1" "$prometheus_url/api/v1/query" 2>/dev/null \
    | json '(j["data"]["result"] or [{"value": [0, ""]}])[0]["value"][1]' 2>/dev/null
}
prom_true() { [[ -n $(prom_value "$1") ]]; } # the (filtering) expression returns something
scrapes() { prom_value 'min(count_over_time(up{job=~"command-service|query-service"}[10m]))'; }
wait_scrapes() { # $1 more scrapes of both services than now
  local target=$(($(scrapes) + $1))
  wait_for 60 "$1 more scrapes of both services" prom_true \
    "min(count_over_time(up{job=~\"command-service|query-service\"}[10m])) >= $target"
}

# ------------------------------------------------------------------------------------------------------ Pipelens
log "starting Pipelens ($JAR): command service $command_url, query service $query_url, data in $work/data"
start_pipelens "$command_port" "$query_port" --pipelens.demo.deals=$DEMO_DEALS --pipelens.metrics.refresh=$INTERVAL

wait_for 180 "command service /actuator/health is UP" health_up "$command_url"
wait_for 60 "query service /actuator/health is UP" health_up "$query_url"
record PASS "both services' /actuator/health UP"
wait_for 120 "the query service reports the $DEMO_DEALS demo deals" deals_are $DEMO_DEALS
record PASS "funnel(pipelineId: \"demo\") covers $DEMO_DEALS deals"

# ---------------------------------------------------------------------------------------------------- Prometheus
mkdir -p "$work/prometheus"
helper config --out "$work/prometheus/prometheus.yml" --interval "$INTERVAL" --command-port "$command_port" \
  --query-port "$query_port" --prometheus-port "$prometheus_port"
if promtool check config "$work/prometheus/prometheus.yml" >"$work/promtool-config.out" 2>&1; then
  record PASS "promtool check config of the generated test config"
else
  cat "$work/promtool-config.out"
  die "promtool check config of the generated test config"
fi
log "starting Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') on $prometheus_url"
prometheus --config.file="$work/prometheus/prometheus.yml" --storage.tsdb.path="$work/prometheus/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" --log.level=warn >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
prometheus_ready() { curl -fs --max-time 2 -o /dev/null "$prometheus_url/-/ready"; }
wait_for 30 "Prometheus is ready" prometheus_ready
wait_for 30 "Prometheus scrapes both services (up == 1)" prom_true \
  'count(up{job=~"command-service|query-service"} == 1) == 2'
record PASS "Prometheus scrapes both services"
wait_for 60 "the demo pipeline's gauges are scraped and every processor has caught up" prom_true \
  'count(pipelens_deals_open{pipeline="demo"}) > 0 and on () max(pipelens_processor_lag_seconds) == 0'
wait_scrapes 3

# ---------------------------------------------------------------------------------- 1. idle, healthy: no alerts
log "1. idle system with its demo data: every alert expression must return nothing"
helper quiet --prometheus "$prometheus_url" --results "$results"

# -------------------------------------------------------------------------------------------------- live traffic
stamp() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
traffic_round() { # $1: round; one batch and one GraphQL mutation; checks each outcome
  local r=$1 now opened moved closed later id answer
  now=$(date +%s)
  opened=$(stamp $((now - 3 * 86400 + r * 60)))
  moved=$(stamp $((now - 86400 + r * 60)))
  closed=$(stamp $((now - 86400 + r * 60 + 1)))
  later=$(stamp $((now - 3600 + r * 60)))
  id=e2e-r$r
  answer=$(curl -fsS --max-time 30 -X POST "$command_url/api/commands/batch" -H 'Content-Type: application/json' \
    -d @- <<JSON
{"commands": [
  {"type": "openDeal", "input": {"dealId": "$id-a", "pipelineId": "demo", "stage": "contact", "occurredAt": "$opened"}},
  {"type": "openDeal", "input": {"dealId": "$id-b", "pipelineId": "demo", "stage": "contact", "occurredAt": "$opened"}},
  {"type": "openDeal", "input": {"dealId": "$id-c", "pipelineId": "demo", "stage": "contact", "occurredAt": "$opened"}},
  {"type": "moveDealToStage", "input": {"dealId": "$id-a", "stage": "profiling", "occurredAt": "$moved"}},
  {"type": "winDeal", "input": {"dealId": "$id-b", "occurredAt": "$closed"}},
  {"type": "loseDeal", "input": {"dealId": "$id-c", "reason": "e2e test", "occurredAt": "$closed"}},
  {"type": "openDeal", "input": {"dealId": "$id-a", "pipelineId": "demo", "stage": "contact", "occurredAt": "$opened"}},
  {"type": "openDeal", "input": {"dealId": "$id-x", "pipelineId": "demo", "stage": "no-such-stage"}},
  {"type": "moveDealToStage", "input": {"dealId": "$id-unknown", "stage": "profiling"}}
]}
JSON
  ) || die "round $r: POST /api/commands/batch"
  [[ $(json '"%d %d %d" % (j["applied"], j["duplicates"], j["rejected"])' <<<"$answer") == "6 1 2" ]] \
    || die "round $r: batch answered 6 applied, 1 duplicate, 2 rejected (got: $answer)"
  answer=$(curl -fsS --max-time 30 "$command_url/graphql" -H 'Content-Type: application/json' \
    -d "{\"query\": \"mutation { moveDealToStage(input: {dealId: \\\"$id-a\\\", stage: \\\"qualification\\\", occurredAt: \\\"$later\\\"}) { outcome } }\"}") \
    || die "round $r: GraphQL mutation moveDealToStage"
  [[ $(json 'j["data"]["moveDealToStage"]["outcome"]' <<<"$answer" 2>/dev/null) == APPLIED ]] \
    || die "round $r: GraphQL moveDealToStage answered APPLIED (got: $answer)"
}
log "live traffic: $ROUNDS rounds of 9 batch commands and 1 GraphQL mutation, a scrape or more apart"
for ((round = 1; round <= ROUNDS; round++)); do
  traffic_round "$round"
  ((round == ROUNDS)) || wait_scrapes 1
done
record PASS "$ROUNDS rounds of live commands answered as expected (6 applied, 1 duplicate, 2 rejected + 1 mutation)"
wait_for 30 "the query service has the $((DEMO_DEALS + 3 * ROUNDS)) deals" deals_are $((DEMO_DEALS + 3 * ROUNDS))
# The gauges refresh every $INTERVAL; three more scrapes take in the last round and a refresh after it.
wait_scrapes 3

# ------------------------------------------------------------------------------------------------------------ lint
log "promtool check metrics on each service's /actuator/prometheus"
for service in command:$command_url query:$query_url; do
  name=${service%%:*}-service
  if curl -fsS --max-time 10 "${service#*:}/actuator/prometheus" -o "$work/$name.prom"; then
    helper lint --service "$name" --scrape "$work/$name.prom" --results "$results"
  else
    record FAIL "GET /actuator/prometheus of the $name"
  fi
done

# -------------------------------------------------------------------------------- 2. every query, with traffic
log "2. every dashboard and rule query against Prometheus, after the traffic"
helper evaluate --prometheus "$prometheus_url" --results "$results"
echo

# The services ran without logging an error (rejected commands are answered, not logged as errors; the shutdown
# comes after this, so its messages are not looked at).
errors=$(grep -c '^[0-9T:.-]*Z *ERROR ' "$work/pipelens.log" || true)
if ((errors == 0)); then
  record PASS "no ERROR in the services' log while the checks ran"
else
  grep -m 5 '^[0-9T:.-]*Z *ERROR ' "$work/pipelens.log"
  record FAIL "no ERROR in the services' log while the checks ran ($errors ERROR lines)"
fi
