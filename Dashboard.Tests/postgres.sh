#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port for the tests (issue 17).
#   postgres.sh start FOLDER PORT   installs Debian's PostgreSQL if missing, creates a cluster in FOLDER,
#                                   starts it and prints the connection string;
#   postgres.sh stop FOLDER         stops it and removes FOLDER.
# The cluster trades durability for speed (fsync off): it lives for one test run.
set -euo pipefail

action=${1:?start or stop}
folder=${2:?cluster folder}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && echo "$dir"
}

# initdb and postgres refuse to run as root: as root the cluster belongs to the postgres account.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=${3:?port}
    if ! bin_dir >/dev/null; then
      echo "Installing postgresql ..." >&2
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    bin=$(bin_dir)
    rm -rf "$folder"
    mkdir -p "$folder"
    [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
    as_owner "$bin/initdb" -D "$folder/data" -U dashboard --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=dashboard;Database=postgres"
    ;;
  stop)
    bin=$(bin_dir || true)
    if [ -n "$bin" ] && [ -d "$folder/data" ]; then
      as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
    ;;
  *)
    echo "usage: postgres.sh start FOLDER PORT | stop FOLDER" >&2
    exit 2
    ;;
esac
