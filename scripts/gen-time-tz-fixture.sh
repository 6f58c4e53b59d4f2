#!/usr/bin/env bash
# Regenerate tests/native/fixtures/time_tz/ZONE.out: python3 (CPython 3.11, glibc) running
# tests/native/fixtures/time_tz/zones.py under each TZ value tests/native/time_tz.test.ts
# uses (the file name is "TZ=" and the value, '/' and other unsafe characters as '_'; TZ
# unset reads /etc/localtime, which differs between machines, so it is not a fixture).
# Needs the system's tz database (/usr/share/zoneinfo). Usage: scripts/gen-time-tz-fixture.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tests/native/fixtures/time_tz"
zones=(UTC "" Europe/Paris America/New_York Australia/Sydney EST5EDT 'CET-1CEST,M3.5.0,M10.5.0/3' 'AEST-10AEDT,M10.1.0,M4.1.0/3' '<+03>-3' Foo/Bar)
n=0
for tz in "${zones[@]}"; do
  name="$(printf '%s' "TZ=$tz" | tr -c 'A-Za-z0-9=+-' '_')"
  TZ="$tz" "${PYTHON:-python3}" "$dir/zones.py" > "$dir/$name.out"
  n=$((n + 1))
done
echo "regenerated $n zone fixtures in tests/native/fixtures/time_tz"
