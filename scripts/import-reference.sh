#!/usr/bin/env bash
# Copies the generated reference renders that the parity tests need from ../shared/reference into
# tests/src/test/resources/reference, trimmed to their first SAMPLES samples (the models are
# causal, so the first N outputs are the outputs of the first N inputs). Public models are never
# copied: the tests read those from ../shared at run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-"$root/../shared/reference"}
dst="$root/tests/src/test/resources/reference"
samples=28800   # 0.6 s at 48 kHz: covers every event of the edge signal (last one ends at 26400)

rm -rf "$dst"
mkdir -p "$dst/models" "$dst/outputs" "$dst/signals"
head -n 1 "$src/MANIFEST.tsv" > "$dst/MANIFEST.tsv"
awk -F'\t' '$1 ~ /^generated\//' "$src/MANIFEST.tsv" | sed 's#generated/##g' >> "$dst/MANIFEST.tsv"
cp "$src"/generated/models/*.nam "$dst/models/"
for f in "$src"/generated/outputs/*.f32; do
  head -c $((samples * 4)) "$f" > "$dst/outputs/$(basename "$f")"
done
for f in "$src"/signals/*.f32; do
  head -c $((samples * 4)) "$f" > "$dst/signals/$(basename "$f")"
done
echo "imported $(($(wc -l < "$dst/MANIFEST.tsv") - 1)) reference rows into $dst"
