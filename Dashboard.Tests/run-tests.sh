#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with only the .NET SDK:
# installs what the browser tests need (Debian's Chromium, CJK fonts) if missing, starts a throwaway
# PostgreSQL cluster (installing it if missing), then dotnet test.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Read the font list whole before searching it: piping fc-list into a quiet grep under pipefail fails
# by SIGPIPE when grep stops early, which made every run reinstall the fonts (root and the network).
fonts=$(fc-list 2>/dev/null || true)
if ! grep -qi "Noto Sans CJK" <<<"$fonts"; then missing+=(fonts-noto-cjk); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A throwaway PostgreSQL cluster on a loopback port: the integration tests run on it as well as on
# SQLite (issue 17). postgres.sh installs Debian's PostgreSQL if missing; the cluster goes when the run ends.
pg_folder=$(mktemp -d /tmp/cutover-pg.XXXXXX)
pg_port=$(( 40000 + $$ % 20000 ))
trap 'bash Dashboard.Tests/postgres.sh stop "$pg_folder"' EXIT
DASHBOARD_TEST_POSTGRES=$(bash Dashboard.Tests/postgres.sh start "$pg_folder" "$pg_port")
export DASHBOARD_TEST_POSTGRES

log=$(mktemp)
status=0
dotnet test CutoverDashboard.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?

# One plain summary line: "tests: N passed, N failed".
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
