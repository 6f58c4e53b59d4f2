#!/usr/bin/env bash
# Regenerate the full-stderr fixtures of the spec's failing programs with CPython
# (python3 3.11): for every tests/spec/errors/NAME.py that has NAME.exit (an uncaught
# exception or sys.exit), tests/native/fixtures/tracebacks/NAME.stderr is everything
# python3 writes to stderr, with the program's directory replaced by {dir} so the fixture
# does not depend on the checkout. The spec keeps only the last stderr line (its .err);
# tests/native/tracebacks.test.ts compares whole tracebacks of native binaries and --jit
# runs against these (and against tests/programs/errors/tb_*.stderr, made by
# tests/interp/gen-stderr.sh).
# Usage: scripts/gen-native-tracebacks.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="$root/tests/spec/errors"
out="$root/tests/native/fixtures/tracebacks"
mkdir -p "$out"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONHASHSEED=0
n=0
for f in "$spec"/*.py; do
  base="$(basename "${f%.py}")"
  [ -f "$spec/$base.exit" ] || continue
  set +e
  (cd "$spec" && timeout 20 "${PYTHON:-python3}" "$f" > /dev/null 2> "$out/$base.stderr.tmp" < /dev/null)
  set -e
  sed "s#$spec#{dir}#g" "$out/$base.stderr.tmp" > "$out/$base.stderr"
  rm -f "$out/$base.stderr.tmp"
  n=$((n + 1))
done
echo "regenerated $n traceback fixtures in tests/native/fixtures/tracebacks"
