#!/usr/bin/env bash
# Copy the acceptance suite (../shared/spec) into tests/spec so a fresh clone's `npm test`
# runs it without ../shared. Only programs and their expected results are copied.
# Usage: scripts/sync-spec.sh [SPEC_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$here/../shared/spec}"
dst="$here/tests/spec"
[ -d "$src" ] || { echo "sync-spec: no spec directory at $src" >&2; exit 2; }
rm -rf "$dst"
mkdir -p "$dst"
for area in types keywords builtins lexical stdlib errors modules; do
  [ -d "$src/$area" ] || continue
  (cd "$src" && find "$area" -type f \( -name '*.py' -o -name '*.out' -o -name '*.err' -o -name '*.exit' -o -name '*.in' -o -name '*.args' \) -not -path '*/__pycache__/*' -print0 | xargs -0 -I{} cp --parents {} "$dst/")
done
cp "$src/README.md" "$dst/README.md"
echo "synced $(find "$dst" -name '*.py' | wc -l) program files into tests/spec"
