#!/usr/bin/env bash
# Regenerate the expected results of our own test programs (tests/programs) with CPython.
# The acceptance suite in tests/spec is copied from ../shared/spec (scripts/sync-spec.sh),
# whose own regen.sh regenerates it. Usage: scripts/regen-expected.sh [FILTER]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$here/tests/programs"
filter="${1:-}"
py="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONHASHSEED=0
n=0
while IFS= read -r f; do
  dir="$(dirname "$f")"; base="$(basename "$f" .py)"
  name="${f#"$root"/}"
  case "$name" in *"$filter"*) ;; *) continue ;; esac
  # multi-file programs: only main.py in a directory that has no sibling main.out pattern
  if [ "$base" != "main" ] && [ -f "$dir/main.py" ]; then continue; fi
  args=()
  [ -f "$dir/$base.args" ] && read -r -a args < "$dir/$base.args"
  in=/dev/null; [ -f "$dir/$base.in" ] && in="$dir/$base.in"
  err="$(mktemp)"
  set +e
  (cd "$dir" && timeout 20 "$py" "$base.py" ${args[@]+"${args[@]}"} < "$in" > "$base.out" 2> "$err")
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "$rc" > "$dir/$base.exit"
    awk 'NF { l = $0 } END { if (l != "") print l }' "$err" > "$dir/$base.err"
  else
    rm -f "$dir/$base.exit" "$dir/$base.err"
  fi
  rm -f "$err"
  n=$((n + 1))
done < <(find "$root" -name '*.py' | sort)
echo "regenerated $n programs"
