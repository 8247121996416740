#!/usr/bin/env bash
# Runs the workbench's browser tests (tests/web/*.spec.js) with Playwright in
# Debian's Chromium against $VERHAAL_BIN. Exit 77 = skipped, with the reason.
#
#   VERHAAL_BIN=build/cli/verhaal tests/web/run.sh [playwright test options]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

skip() {
  echo "SKIPPED: workbench browser tests: $*"
  exit 77
}

if [[ -z ${VERHAAL_BIN:-} || ! -x $VERHAAL_BIN ]]; then
  echo "run.sh: set VERHAAL_BIN to the built verhaal binary (got '${VERHAAL_BIN:-}')" >&2
  exit 2
fi
[[ -d $here/node_modules/@playwright/test && -d $here/node_modules/@axe-core/playwright ]] ||
  skip "tests/web/node_modules is missing; run scripts/bootstrap --tests (npm ci in tests/web)"
command -v node >/dev/null || skip "node is not installed; run scripts/bootstrap --tests"
major=$(node -p 'process.versions.node.split(".")[0]')
((major >= 20)) || skip "Node.js $major is too old for Playwright (needs 20 or newer)"
[[ -x /usr/bin/chromium ]] || skip "/usr/bin/chromium is missing; run scripts/bootstrap --tests"

cd "$here"
# VERHAAL_WEB_SPECS="a.spec.js b.spec.js" runs those specs only (CI's
# sanitizer build runs the ones that write and attack; .ci/run).
if [[ -n ${VERHAAL_WEB_SPECS:-} ]]; then
  read -r -a specs <<<"$VERHAAL_WEB_SPECS"
  set -- "${specs[@]}" "$@"
fi
exec node "$here/node_modules/@playwright/test/cli.js" test --config "$here/playwright.config.js" "$@"
