#!/usr/bin/env bash
# Crash tests with real processes (.ci/crash_tests.py has the details): the query service SIGKILLed 20 times during
# start-up and catch-up of a few thousand demo deals (while the indexes of two pipeline redefinitions are rebuilt)
# with its read models in a standalone MongoDB, and 5 times more on the embedded read models,
# the command service SIGKILLed during a CSV import that is then run again, and two query services sharing the
# stores, one of them SIGKILLed. Afterwards the stores, read models and analytics must equal uninterrupted runs.
#
# Expects the services' exec jars and the demo module's jar (built by `./mvnw -B verify` before it in .ci/run); builds
# them when missing. The demo deals are loaded by the command service's exec jar with the demo jar on its loader path.
# The event store is an H2 file shared through AUTO_SERVER (bound to 127.0.0.1); the read models are either each
# query service's embedded MongoDB or a standalone mongo-java-server process (in memory) that outlives the kills.
# Every port is 127.0.0.1 and free at start; every process it starts is stopped on exit.
# CRASH_TESTS_SEED (default 20261126) seeds the kill moments and the import file; CRASH_TESTS_KILLS (default 20),
# CRASH_TESTS_EMBEDDED_KILLS (default 5), CRASH_TESTS_DEALS (default 4000); CRASH_TESTS_KEEP=1 keeps the temporary directory (logs, stores, dumps).
# Ends with "crash-tests: N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

jar() { ls "$1"/target/*-exec.jar 2>/dev/null | head -1; }
demo_jar() { ls demo/target/demo-*.jar 2>/dev/null | grep -v -e '-tests\.jar$' -e '-sources\.jar$' | head -1; }
if [[ -z $(jar command-service) || -z $(jar query-service) || -z $(demo_jar) ]]; then
  echo "== the services' exec jars or the demo jar are missing: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests package
fi
command -v python3 >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 >/dev/null
}

work=$(mktemp -d "${TMPDIR:-/tmp}/crash-tests.XXXXXX")
cleanup() {
  if [[ ${CRASH_TESTS_KEEP:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# H2's shell (to read the event store) and mongo-java-server with the MongoDB driver (the shared read-model server),
# taken from the query service's jar so that their versions are the ones Pipelens runs.
mkdir -p "$work/lib"
unzip -q -j -o "$(jar query-service)" 'BOOT-INF/lib/h2-*' 'BOOT-INF/lib/mongo-java-server*' 'BOOT-INF/lib/netty-*' \
  'BOOT-INF/lib/slf4j-api-*' 'BOOT-INF/lib/mongodb-driver-*' 'BOOT-INF/lib/bson-*' -d "$work/lib"

python3 .ci/crash_tests.py --work "$work" --command-jar "$(jar command-service)" --query-jar "$(jar query-service)" \
  --demo-jar "$(demo_jar)" --lib "$work/lib" --seed "${CRASH_TESTS_SEED:-20261126}" --kills "${CRASH_TESTS_KILLS:-20}" \
  --embedded-kills "${CRASH_TESTS_EMBEDDED_KILLS:-5}" \
  --deals "${CRASH_TESTS_DEALS:-4000}"
