#!/usr/bin/env bash
# `npm test`'s own set-up (its pretest): what the suites need from Debian besides node_modules.
# Chromium for Playwright (Debian's, never `npx playwright install`), PostgreSQL 15 server binaries
# (the database rules and the end-to-end suite run on a real server too), CJK fonts for the
# Chinese screenshots, and Prometheus (promtool checks /metrics, a real server scrapes it).
# Installed when missing and this runs as root; otherwise it names the one command to run and
# fails: no suite is skipped for want of them.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql-15)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "npm test needs ${missing[*]} from Debian. Run as root: $command" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
