#!/usr/bin/env bash
# ./pipelens rebuilds when a file the jar is built from is newer than the jar, and only then. Runs the script in a
# temporary tree with a stand-in ./mvnw (it notes the build and makes the jar) and a stand-in java, touching one file
# at a time: each under */src/main (code or resource, e.g. index.html, spring.factories, *.imports) and each pom.xml
# must cause a build; build output, node_modules, data, .git and files outside src/main must not. Takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp pipelens "$work/"
mkdir -p "$work/bin" "$work/launcher/target"
printf '#!/bin/sh\necho build >>built.log\n: >launcher/target/pipelens-exec.jar\n' >"$work/mvnw"
printf '#!/bin/sh\nexit 0\n' >"$work/bin/java"
chmod +x "$work/mvnw" "$work/bin/java"

failed=0
builds() { # builds yes|no file: with the jar older than everything, creates the file and runs ./pipelens
  local expected=$1 file=$2 built=no
  : >"$work/launcher/target/pipelens-exec.jar"
  touch -d '2000-01-01' "$work/launcher/target/pipelens-exec.jar"
  rm -f "$work/built.log"
  mkdir -p "$(dirname "$work/$file")"
  touch "$work/$file"
  (cd "$work" && PATH="$work/bin:$PATH" ./pipelens >/dev/null)
  [[ -f $work/built.log ]] && built=yes
  rm -f "$work/$file"
  if [[ $built == "$expected" ]]; then
    echo "   ok: $file newer than the jar: build $built"
  else
    echo "!! FAILED: $file newer than the jar: build $built, expected $expected"
    failed=$((failed + 1))
  fi
}

for file in platform/src/main/java/io/pipelens/platform/X.java \
    platform/src/main/resources/pipelens-graphiql/index.html \
    platform/src/main/resources/META-INF/spring.factories \
    platform/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports \
    query-service/src/main/resources/graphql/schema.graphqls \
    pom.xml launcher/pom.xml; do
  builds yes "$file"
done
for file in platform/target/classes/pipelens-graphiql/index.html data/events.mv.db \
    grafana/check/node_modules/x/package.json .git/index docs/operations.md platform/src/test/java/XTest.java; do
  builds no "$file"
done
# No jar at all: the first run builds.
rm -f "$work/launcher/target/pipelens-exec.jar" "$work/built.log"
(cd "$work" && PATH="$work/bin:$PATH" ./pipelens >/dev/null)
if [[ -f $work/built.log ]]; then echo "   ok: no jar: build yes"; else echo "!! FAILED: no jar: no build"; failed=$((failed + 1)); fi

echo "pipelens-rebuild-check: $failed failed"
((failed == 0))
