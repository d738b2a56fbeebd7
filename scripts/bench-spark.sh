#!/usr/bin/env bash
# The Spark job beside the single-machine command, on the same batch, in one run:
#   namcl render --threads N          vs          namcl cluster render --master local[N]
# (both on the CPU engine, whole commands timed: JVM start and, for Spark, the session's start
# included), each the best of ROUNDS rounds, alternating; the outputs are checked equal. Then
# each runs once more over its finished outputs (all skipped): its fixed cost, which the last
# column takes off.
# Environment: COPIES (copies of the sample DI, default 16), MODELS (sample models, default
# "py__nano namcl-demo-overdrive py__feather"), THREADS (default 2), ROUNDS (default 2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
copies="${COPIES:-16}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/in"
for i in $(seq 1 "$copies"); do
  cp "$root/samples/di/plucked-guitar.wav" "$work/in/take$i.wav"
done
model_args=()
for m in ${MODELS:-py__nano namcl-demo-overdrive py__feather}; do
  model_args+=(-m "$root/samples/models/$m.nam")
done

# builds both on first use, untimed
"$root/namcl" --version >/dev/null
"$root/namcl" cluster --version >/dev/null

seconds() { # the wall seconds of a command
  local t0 t1
  t0="$(date +%s.%N)"
  "$@" >/dev/null
  t1="$(date +%s.%N)"
  echo "$t1 - $t0" | bc
}

best_single="" best_cluster=""
for r in $(seq 1 "$rounds"); do
  rm -rf "$work/single" "$work/cluster"
  s="$(seconds "$root/namcl" render -q --engine cpu --threads "$threads" "${model_args[@]}" "$work/in" -o "$work/single")"
  c="$(seconds "$root/namcl" cluster render -q --engine cpu --master "local[$threads]" "${model_args[@]}" "$work/in" \
    -o "$work/cluster")"
  echo "round $r: render --threads $threads ${s} s, cluster render local[$threads] ${c} s" >&2
  if [[ -z "$best_single" ]] || (($(echo "$s < $best_single" | bc))); then best_single="$s"; fi
  if [[ -z "$best_cluster" ]] || (($(echo "$c < $best_cluster" | bc))); then best_cluster="$c"; fi
done
diff -r "$work/single" "$work/cluster" >/dev/null || { echo "bench-spark: the outputs differ" >&2; exit 1; }
fixed_single="$(seconds "$root/namcl" render -q --engine cpu --threads "$threads" "${model_args[@]}" "$work/in" \
  -o "$work/single")"
fixed_cluster="$(seconds "$root/namcl" cluster render -q --engine cpu --master "local[$threads]" "${model_args[@]}" \
  "$work/in" -o "$work/cluster")"

pairs=$(find "$work/single" -name '*.wav' | wc -l)
echo "| command | pairs | wall (best of $rounds) | vs render | rerun, all skipped | wall - rerun | vs render |"
echo "|---|---|---|---|---|---|---|"
work_single="$(echo "$best_single - $fixed_single" | bc -l)"
work_cluster="$(echo "$best_cluster - $fixed_cluster" | bc -l)"
printf '| `namcl render --threads %s` | %s | %.2f s | 1.00 | %.2f s | %.2f s | 1.00 |\n' "$threads" "$pairs" \
  "$best_single" "$fixed_single" "$work_single"
printf '| `namcl cluster render --master local[%s]` | %s | %.2f s | %.2f | %.2f s | %.2f s | %.2f |\n' "$threads" \
  "$pairs" "$best_cluster" "$(echo "$best_cluster / $best_single" | bc -l)" "$fixed_cluster" "$work_cluster" \
  "$(echo "$work_cluster / $work_single" | bc -l)"
