#!/bin/sh
# Regenerate tests/asm/vectors.generated.ts (assembler hex vectors) with GNU as.
# Needs binutils' `as`; run after editing tests/asm/vectors.ts. Pass --check to
# verify the checked-in fixture instead of rewriting it.
set -eu
cd "$(dirname "$0")/.."
exec npx tsx tests/asm/gen-vectors.ts "$@"
