#!/usr/bin/env bash
# Regenerate the full-stderr fixtures with CPython (python3 3.11): for every tb_*.py in
# tests/programs/errors and every program in tests/programs/syntax, NAME.stderr is what
# python3 writes to stderr, with the program's directory replaced by {dir} so the fixture
# does not depend on the checkout. Checked by tests/interp/tracebacks.test.ts.
# Usage: tests/interp/gen-stderr.sh
set -euo pipefail
programs="$(cd "$(dirname "${BASH_SOURCE[0]}")/../programs" && pwd)"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1
n=0
for f in "$programs"/errors/tb_*.py "$programs"/syntax/*.py; do
  here="$(dirname "$f")"
  base="${f%.py}"
  set +e
  (cd "$here" && timeout 20 "${PYTHON:-python3}" "$f" > /dev/null 2> "$base.stderr.tmp")
  set -e
  sed "s#$here#{dir}#g" "$base.stderr.tmp" > "$base.stderr"
  rm -f "$base.stderr.tmp"
  n=$((n + 1))
done
echo "regenerated $n stderr fixtures"
