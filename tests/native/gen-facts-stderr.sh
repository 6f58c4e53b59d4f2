#!/usr/bin/env bash
# Regenerate the full-stderr fixtures of tests/programs/native_facts with CPython (python3
# 3.11): NAME.stderr is what python3 writes for NAME.py run without arguments (the run the
# optimized copy deoptimizes in), the program's directory replaced by {dir}. Checked by
# tests/native/facts.test.ts. Usage: tests/native/gen-facts-stderr.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../programs/native_facts" && pwd)"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONHASHSEED=0
n=0
for f in "$here"/*.py; do
  base="${f%.py}"
  set +e
  (cd "$here" && timeout 20 "${PYTHON:-python3}" "$f" > /dev/null 2> "$base.stderr.tmp")
  set -e
  sed "s#$here#{dir}#g" "$base.stderr.tmp" > "$base.stderr"
  rm -f "$base.stderr.tmp"
  n=$((n + 1))
done
echo "regenerated $n stderr fixtures"
