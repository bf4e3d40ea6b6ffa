#!/usr/bin/env bash
# The single command behind `npm test`: format, lint, typecheck, unit + component tests (jsdom),
# browser tests (real Chromium), build, end-to-end tests, then one summary line.
# Every step runs even if an earlier one failed; the exit status is non-zero if any step failed.
# The last line printed is always `tests: N passed, N failed` (counts tests only).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

start=$SECONDS
failed_steps=()
step_log=()

header() { printf '\n=== %s (%ss) ===\n' "$1" "$((SECONDS - start))"; }

# run NAME CMD...: runs a step, records its status and duration, never stops the script.
run() {
  local name=$1 t0=$SECONDS rc=0
  shift
  header "$name"
  "$@" || rc=$?
  if [ "$rc" -ne 0 ]; then
    failed_steps+=("$name")
    step_log+=("$(printf '  %-10s FAILED (exit %s, %ss)' "$name" "$rc" "$((SECONDS - t0))")")
  else
    step_log+=("$(printf '  %-10s ok (%ss)' "$name" "$((SECONDS - t0))")")
  fi
}

if [ ! -d node_modules ]; then
  echo "node_modules is missing: run 'npm install' (or 'npm ci') first." >&2
  exit 1
fi

# (a) Chromium for vitest browser mode and Playwright (Debian's package; Playwright downloads nothing).
ensure_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then
    "$CHROMIUM_PATH" --version 2>/dev/null || true
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium not found at $CHROMIUM_PATH. Install it with:"
    echo "  sudo apt-get install -y chromium"
    exit 1
  fi
  echo "Chromium not found at $CHROMIUM_PATH: installing Debian's chromium with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || return 1
  [ -x "$CHROMIUM_PATH" ] || { echo "still no executable at $CHROMIUM_PATH" >&2; return 1; }
  "$CHROMIUM_PATH" --version 2>/dev/null || true
}
header chromium
ensure_chromium || failed_steps+=(chromium)

rm -f reports/unit.json reports/browser.json reports/e2e.json
mkdir -p reports

run format prettier --check .
run lint eslint --max-warnings=0 .
run typecheck tsc -b
run unit vitest run --reporter=default --reporter=json --outputFile.json=reports/unit.json
run browser vitest run --config vitest.browser.config.ts \
  --reporter=default --reporter=json --outputFile.json=reports/browser.json
run build npm run --silent build
run single npm run --silent build:single
run e2e playwright test

header summary
for line in "${step_log[@]}"; do echo "$line"; done
if [ "${#failed_steps[@]}" -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
summary_rc=0
node scripts/summary.mjs reports/unit.json reports/browser.json reports/e2e.json || summary_rc=$?
if [ "${#failed_steps[@]}" -gt 0 ] || [ "$summary_rc" -ne 0 ]; then exit 1; fi
exit 0
