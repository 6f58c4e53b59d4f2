#!/usr/bin/env bash
# Regenerate the expected results of our own test programs (tests/programs) with CPython.
# The acceptance suite in tests/spec is copied from ../shared/spec (scripts/sync-spec.sh),
# whose own regen.sh regenerates it. Usage: scripts/regen-expected.sh [FILTER]
# (FILTER: a substring of the program's path under tests/programs, e.g. `modules/`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$here/tests/programs"
filter="${1:-}"
py="${PYTHON:-python3}"
export PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONHASHSEED=0
# The programs, laid out as tests/lib/programs.ts findPrograms reads them: AREA/NAME.py, and
# AREA/DIR/main.py for a program with its own modules. Every other .py file (the modules
# and packages next to a main.py, at any depth) belongs to a program and is never run on
# its own.
programs() {
  find "$root" -mindepth 2 -maxdepth 2 -type f -name '*.py'
  find "$root" -mindepth 3 -maxdepth 3 -type f -name main.py
}
n=0
while IFS= read -r f; do
  dir="$(dirname "$f")"; base="$(basename "$f" .py)"
  name="${f#"$root"/}"
  case "$name" in *"$filter"*) ;; *) continue ;; esac
  args=()
  [ -f "$dir/$base.args" ] && read -r -a args < "$dir/$base.args"
  in=/dev/null; [ -f "$dir/$base.in" ] && in="$dir/$base.in"
  err="$(mktemp)"
  set +e
  # stdin is a pipe (not the file itself), as tests/lib/programs.ts gives it: a program that
  # looks at stdin (open(0).seekable(), tell()) sees the same kind of stream in both.
  (cd "$dir" && timeout 20 "$py" "$base.py" ${args[@]+"${args[@]}"} < <(cat "$in") > "$base.out" 2> "$err")
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
done < <(programs | sort)
echo "regenerated $n programs"
