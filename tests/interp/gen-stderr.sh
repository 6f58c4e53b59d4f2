#!/usr/bin/env bash
# Regenerate the full-stderr fixtures of tests/programs/errors with CPython (python3 3.11):
# for every tb_*.py there, NAME.stderr is what python3 writes to stderr, with the
# program's directory replaced by {dir} so the fixture does not depend on the checkout.
# Checked by tests/interp/tracebacks.test.ts. Usage: tests/interp/gen-stderr.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../programs/errors" && pwd)"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1
n=0
for f in "$here"/tb_*.py; do
  base="${f%.py}"
  set +e
  (cd "$here" && timeout 20 "${PYTHON:-python3}" "$f" > /dev/null 2> "$base.stderr.tmp")
  set -e
  sed "s#$here#{dir}#g" "$base.stderr.tmp" > "$base.stderr"
  rm -f "$base.stderr.tmp"
  n=$((n + 1))
done
echo "regenerated $n stderr fixtures"
