#!/usr/bin/env bash
# Compares the simulate CLI's reports with saved ones, byte for byte.
#   scripts/compare-reports.sh save DIR     writes DIR/<preset>.<model>.json for every preset and model
#   scripts/compare-reports.sh check DIR    re-runs them and diffs against DIR; exit 1 on any difference
# Presets come from the CLI's own list, models from MODELS (default: linux-2.6.20 linux-2.6.17).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
dir=${2:-}
if [[ ( $mode != save && $mode != check ) || -z $dir ]]; then
  echo "usage: $0 save|check DIR" >&2
  exit 2
fi
models=${MODELS:-linux-2.6.20 linux-2.6.17}
presets=${PRESETS:-$(ls src/core/presets/*.json | xargs -n1 basename | sed 's/\.json$//')}
mkdir -p "$dir"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
fail=0
for p in $presets; do
  for m in $models; do
    out=$dir/$p.$m.json
    npm run --silent simulate -- --preset "$p" --model "$m" --pairs >"$tmp"
    if [[ $mode == save ]]; then
      cp "$tmp" "$out"
      echo "saved $out"
    elif [[ ! -f $out ]]; then
      echo "MISSING $out (no saved report)"
      fail=1
    elif cmp -s "$tmp" "$out"; then
      echo "same    $p $m ($(wc -c <"$out") bytes)"
    else
      echo "DIFFERS $p $m"
      diff "$out" "$tmp" | head -20 || true
      fail=1
    fi
  done
done
exit $fail
