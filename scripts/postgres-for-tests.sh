#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:54329 for the PostgreSQL tests and exports
# CARTABLE_TEST_DATABASE_URL. Source it (CI does); the cluster is stopped and deleted on exit.
# Installs Debian's postgresql when it is missing and we are root. Best effort: if PostgreSQL
# cannot be set up, it says so and the PostgreSQL tests are reported as skipped; nothing else changes.

start_test_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || { echo "PostgreSQL not installed and not root" >&2; return 1; }
    echo "PostgreSQL is missing: installing it with apt-get (for the PostgreSQL tests)"
    apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi

  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(mktemp -d /tmp/cartable-pg.XXXXXX) || return 1
  PG_PORT=54329
  RUN_AS=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR" || return 1
    RUN_AS=(runuser -u postgres --)
  fi
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null || return 1
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null || return 1
  trap stop_test_postgres EXIT
  export CARTABLE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL test cluster on 127.0.0.1:$PG_PORT"
}

stop_test_postgres() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

start_test_postgres || echo "WARNING: could not start PostgreSQL; the PostgreSQL tests will be reported as skipped" >&2
