#!/usr/bin/env bash
# The test command: installs what a fresh Debian machine lacks (PostgreSQL, chromium, redis-server,
# docker-compose to validate docker-compose.yml), runs the whole suite with TRX results under TestResults/,
# and ends with the plain line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

has_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
missing() {
  local need=()
  has_postgres || need+=(postgresql)
  command -v chromium >/dev/null || need+=(chromium)
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v docker-compose >/dev/null || need+=(docker-compose)
  echo "${need[@]}"
}

need=$(missing)
if [ -n "$need" ]; then
  echo "Installing: $need"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null; }; then
    echo "apt-get could not install: $need"
  fi
  still=$(missing)
  if [ -n "$still" ]; then
    echo "The tests need $still, which is not installed and could not be installed here (apt-get install $still)."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# axe-core, which the accessibility tests inject into every page, comes from npm at the version its lock file pins.
if [ ! -d Forum.Tests/axe/node_modules ]; then
  (cd Forum.Tests/axe && npm ci --no-audit --no-fund --loglevel=error)
fi

docker-compose -f docker-compose.yml config -q
echo "docker-compose.yml is valid"

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test --logger "trx;LogFileName=results.trx" --results-directory "$results" || status=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
