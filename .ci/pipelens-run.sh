# Shared by the CI scripts that run Pipelens from the launcher jar (both services in one JVM); sourced, not run.
# Defines: log, need_debian_packages, port_taken, free_port, pick_port, ensure_launcher_jar, start_pipelens,
# health_up, wait_for_health, stop_process, stop_pipelens. Expects the caller to be in the repository's root, to have
# set -euo pipefail, and to set `started=$SECONDS` and `work` (a temporary directory) before it calls them.

JAR=launcher/target/pipelens-exec.jar
pipelens_pid=

log() { printf '== [%3ss] %s\n' "$((SECONDS - started))" "$*"; }

# need_debian_packages command:package...: installs the packages whose command is missing.
need_debian_packages() {
  local pair missing=()
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}"); done
  ((${#missing[@]})) || return 0
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
pick_port() { if port_taken "$1"; then free_port; else echo "$1"; fi; } # the preferred port, or a free one

# Expects the jar built by `./mvnw -B verify` before it in .ci/run; builds it when missing.
ensure_launcher_jar() {
  [[ -f $JAR ]] && return 0
  log "$JAR is missing: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests package
}

# start_pipelens command_port query_port [argument...]: both services on 127.0.0.1 with their data in $work/data and
# their log in $work/pipelens.log; sets pipelens_pid. Each service's port through the launcher's per-service options.
# h2.bindAddress: the H2 AUTO_SERVER listener (a second process sharing the event store) on 127.0.0.1 only.
start_pipelens() {
  local command_port=$1 query_port=$2
  shift 2
  java -Dh2.bindAddress=127.0.0.1 -XX:+ExitOnOutOfMemoryError -jar "$JAR" \
    --pipelens.data-dir="$work/data" --server.address=127.0.0.1 \
    --command.server.port="$command_port" --query.server.port="$query_port" "$@" \
    >"$work/pipelens.log" 2>&1 &
  pipelens_pid=$!
}

health_up() { curl -fsS --max-time 5 "$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; }

# wait_for_health timeout url...: until each url's /actuator/health is UP; fails when Pipelens has exited.
wait_for_health() {
  local timeout=$1 url deadline
  shift
  for url in "$@"; do
    deadline=$((SECONDS + timeout))
    until health_up "$url"; do
      kill -0 "$pipelens_pid" 2>/dev/null || { echo "!! Pipelens has exited"; return 1; }
      ((SECONDS < deadline)) || { echo "!! $url/actuator/health is not UP after $timeout s"; return 1; }
      sleep 0.5
    done
  done
}

# stop_process pid name: TERM, then KILL after 20 s.
stop_process() {
  local pid=$1 name=$2 i
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.2
  done
  echo "$name (pid $pid) did not stop in 20 s: killing it"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_pipelens() { stop_process "$pipelens_pid" pipelens; }
