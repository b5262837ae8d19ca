#!/usr/bin/env bash
# Retakes the README's screenshots: starts the forum on a throwaway managed database with the demo content,
# photographs the topic list, a topic and the composer (signed in) at 1280 and 390 px with headless chromium,
# and writes docs/screenshots/*.png. Needs what the forum needs (PostgreSQL server binaries) plus chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/ronda-screenshots.XXXXXX)
chmod 755 "$work"   # the managed cluster runs as postgres when this runs as root
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export Forum__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Production

dotnet build Forum.Web -v q -nologo
dotnet build docs/Forum.Screenshots -v q -nologo
web="dotnet $root/Forum.Web/bin/Debug/net10.0/Forum.Web.dll"

cd "$work"
$web admin create --username admin --email admin@example.invalid --password screenshot-admin-password
$web demo
$web --contentRoot "$root/Forum.Web" --urls "http://127.0.0.1:$port" > "$work/forum.log" 2>&1 &
forum=$!
trap 'kill $forum 2>/dev/null; wait $forum 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/healthz" > /dev/null && break
    kill -0 $forum 2>/dev/null || { cat "$work/forum.log"; exit 1; }
    sleep 1
done

dotnet "$root/docs/Forum.Screenshots/bin/Debug/net10.0/Forum.Screenshots.dll" "http://127.0.0.1:$port" "$root/docs/screenshots"
