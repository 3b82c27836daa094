#!/usr/bin/env bash
# Installs (from Debian packages) and starts a local PostgreSQL for the integration tests, idempotently,
# with a role and database "pipelens" (password "pipelens") reachable on 127.0.0.1:5432.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
command -v pg_ctlcluster >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
PGV=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$PGV" ]; then
  PGV=$(ls /usr/lib/postgresql | sort -n | tail -1)
fi
pg_lsclusters -h | grep -q "^$PGV main" || pg_createcluster "$PGV" main >/dev/null
pg_ctlcluster "$PGV" main start 2>/dev/null || true
for _ in $(seq 1 150); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
SELECT 'CREATE ROLE pipelens LOGIN PASSWORD ''pipelens''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname='pipelens')\gexec
SELECT 'CREATE DATABASE pipelens OWNER pipelens' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='pipelens')\gexec
SQL
