#!/usr/bin/env bash
# Kill test of the admin replay: a real query-service process is SIGKILLed part-way through a replay of deal-journey,
# restarted, and must resume the replay, answer from the last complete state meanwhile, and end with the same journeys
# and analytics answers as the uninterrupted catch-up (bench subcommand replay-kill, see ReplayKillCheck).
#
# Not in ./mvnw verify: preparing a store whose replay takes several seconds, plus two service start-ups, takes one to
# a few minutes on 2 cores. Expects bench/target/bench-exec.jar and the query service's executable jar (built by
# `./mvnw -B verify` before it in .ci/run); builds them when missing. REPLAY_KILL_EVENTS sets the events loaded
# (default 300000). Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH=bench/target/bench-exec.jar
QUERY=$(ls query-service/target/query-service-*-exec.jar 2>/dev/null | head -1 || true)
if [[ ! -f $BENCH || -z $QUERY ]]; then
  ./mvnw -B -q -DskipTests package
  QUERY=$(ls query-service/target/query-service-*-exec.jar | head -1)
fi
exec java -Xmx1500m -XX:+ExitOnOutOfMemoryError -jar "$BENCH" replay-kill --jar "$QUERY" \
  --events "${REPLAY_KILL_EVENTS:-300000}"
