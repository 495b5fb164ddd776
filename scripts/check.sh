#!/usr/bin/env bash
# The static checks, configured in pyproject.toml: lint, formatting, types, import boundaries.
# Run by scripts/test.sh before the tests and by pre-commit; each prints what to run to fix what it finds.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()
step() {
  local name=$1 hint=$2; shift 2
  echo "== $name: $*"
  if ! "$@"; then
    failed+=("$name")
    echo "!! $name failed. $hint" >&2
  fi
}
step "ruff lint" "Fix with: ruff check --fix . (then look at what is left; '# noqa: CODE - reason' only with a reason)" \
  python -m ruff check .
step "ruff format" "Fix with: ruff format ." python -m ruff format --check .
step "mypy" "Types of ntm/ and ui.py ([tool.mypy] in pyproject.toml)." python -m mypy
step "import-linter" "A module imports across a boundary ([tool.importlinter] in pyproject.toml)." lint-imports
if [ ${#failed[@]} -gt 0 ]; then
  echo "checks failed: ${failed[*]}" >&2
  exit 1
fi
echo "== all checks passed"
