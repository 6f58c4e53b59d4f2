#!/usr/bin/env bash
# Checks for edgepyc's pure-Python stdlib (runtime/lib/) under CPython 3.11 (python3).
#
#   run.sh compare [MODULE...]  run tests/pylib/compare_MODULE.py once with CPython's module
#                               and once with runtime/lib's (via shadow_run.py); the two
#                               outputs must be identical.
#   run.sh programs [FILTER]    run tests/pylib/programs/*.py with runtime/lib shadowing
#                               CPython's modules and compare with the checked-in .out.
#   run.sh regen [FILTER]       regenerate programs/*.out with real CPython (the oracle).
#   run.sh spec [FILTER]        run /work/shared/spec (or $SPEC_DIR) through check.sh with
#                               shadowing; FILTER as in check.sh (e.g. "stdlib/").
# Exit code 0 only if every selected check passes.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PYTHON:-python3}"
SHADOW="$PY -I -S -B -X utf8 $HERE/shadow_run.py"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1
fail=0; pass=0

cmd="${1:-}"; shift || true
case "$cmd" in
  compare)
    mods=("$@")
    if [ ${#mods[@]} -eq 0 ]; then
      for f in "$HERE"/compare_*.py; do b="$(basename "$f" .py)"; mods+=("${b#compare_}"); done
    fi
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    for m in "${mods[@]}"; do
      f="$HERE/compare_$m.py"
      (cd "$HERE" && "$PY" -B -X utf8 -W ignore "$f" > "$tmp/want" 2>&1)
      (cd "$HERE" && $SHADOW "$f" > "$tmp/got" 2>&1)
      if cmp -s "$tmp/want" "$tmp/got"; then
        pass=$((pass + 1))
      else
        fail=$((fail + 1)); echo "FAIL compare_$m"
        diff "$tmp/want" "$tmp/got" | head -n "${DIFF_LINES:-20}" | sed 's/^/    /'
      fi
    done
    ;;
  programs|regen)
    filter="${1:-}"
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    for f in "$HERE"/programs/*.py; do
      b="$(basename "$f" .py)"
      case "$b" in *"$filter"*) ;; *) continue ;; esac
      if [ "$cmd" = regen ]; then
        (cd "$HERE/programs" && "$PY" -B -X utf8 "$b.py" > "$b.out" 2> /dev/null)
        pass=$((pass + 1))
        continue
      fi
      (cd "$HERE/programs" && $SHADOW "$f" > "$tmp/got" 2> "$tmp/err")
      if cmp -s "$tmp/got" "$HERE/programs/$b.out"; then
        pass=$((pass + 1))
      else
        fail=$((fail + 1)); echo "FAIL programs/$b"
        diff "$HERE/programs/$b.out" "$tmp/got" | head -n "${DIFF_LINES:-20}" | sed 's/^/    /'
        tail -n 3 "$tmp/err" | sed 's/^/    stderr: /'
      fi
    done
    ;;
  spec)
    spec="${SPEC_DIR:-/work/shared/spec}"
    exec "$spec/check.sh" "$SHADOW {py}" "${1:-}"
    ;;
  *)
    sed -n '2,13p' "$0"; exit 2 ;;
esac
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
