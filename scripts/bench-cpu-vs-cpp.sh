#!/usr/bin/env bash
# Times namcl's CPU engine and C++ NAM renderers side by side, whole process (start-up, WAV
# reading and writing included), on the same input and models, and checks every output against
# the first renderer's (NAM Core's) by ESR.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/bench-cpu-vs-cpp.sh [--runs N] [--seconds S] [--models LIST] [--threads N] [--work DIR]
                                   [NAME=]REFERENCE_RENDER [[NAME=]RENDER...]

Renders one input of S seconds (namcl bench's guitar-like test signal, mono float32 at 48 kHz)
through the models of LIST (namcl bench's shapes and weights: standard,lite,feather,nano,a2 by
default) with `namcl render --engine cpu --threads N` (N = 1 by default) and with each renderer
given, every one run as

    RENDER MODEL.nam INPUT.wav OUTPUT.wav

(NAM Core's tools/render takes exactly that; for another renderer, wrap it). Each round runs every
(model, renderer) once, in an order that rotates from round to round; after one warm-up round,
RUNS rounds (5 by default) are timed and the medians printed:

  - wall: seconds from start to exit of the whole process; x RT = S / wall;
  - cpu: user + system seconds of the process (its JIT and GC threads included for namcl), which
    shows what each costs when other work shares the cores;
  - namcl/X: namcl's median wall time divided by X's: above 1, namcl is slower;
  - ESR vs REF: sum((y - r)^2) / sum(r^2) of each output y against the first renderer's output r.

NAME= labels a renderer in the table (default: the file's name). The load average is printed
before and after: figures from a busy machine are noisy. Needs python3 for the ESR.
Example:
  scripts/bench-cpu-vs-cpp.sh nam-core=/path/to/nam-render neural-audio=/path/to/na-render
EOF
}

runs=5
seconds=120
models=standard,lite,feather,nano,a2
threads=1
work=""
renderers=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "bench-cpu-vs-cpp: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) renderers+=("$1"); shift ;;
  esac
done
if ((${#renderers[@]} == 0)); then
  usage >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
namcl="$root/namcl"
if [[ -z "$work" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/out"

names=(namcl)
commands=("")
for r in "${renderers[@]}"; do
  if [[ "$r" == *=* ]]; then
    name="${r%%=*}"
    path="${r#*=}"
  else
    name="$(basename "$r")"
    path="$r"
  fi
  [[ -x "$path" ]] || { echo "bench-cpu-vs-cpp: $path is not an executable file" >&2; exit 2; }
  names+=("$name")
  commands+=("$(cd "$(dirname "$path")" && pwd -P)/$(basename "$path")")
done

echo "bench-cpu-vs-cpp: writing the models and $seconds s of input to $work" >&2
"$namcl" bench --write "$work" --seconds "$seconds" --models "$models" >/dev/null
IFS=, read -r -a shapes <<<"$models"

# run MODEL INDEX OUTPUT: renders with renderer INDEX (0 is namcl)
run() {
  if (($2 == 0)); then
    "$namcl" render -m "$work/$1.nam" "$work/input.wav" -o "$3" --engine cpu --threads "$threads" \
      --overwrite --quiet
  else
    "${commands[$2]}" "$work/$1.nam" "$work/input.wav" "$3"
  fi
}

timings="$work/timings.tsv"
: >"$timings"
TIMEFORMAT='%R %U %S'
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 0; round <= runs; round++)); do
  echo "bench-cpu-vs-cpp: round $round of $runs$( ((round == 0)) && echo ' (warm-up, not counted)')" >&2
  count=${#names[@]}
  for m in "${shapes[@]}"; do
    for ((k = 0; k < count; k++)); do
      i=$(((k + round) % count))
      out="$work/out/$m.${names[$i]}.wav"
      if ! t="$({ time run "$m" "$i" "$out" >"$work/run.log" 2>&1; } 2>&1)"; then
        echo "bench-cpu-vs-cpp: ${names[$i]} failed on $m:" >&2
        cat "$work/run.log" >&2
        exit 1
      fi
      ((round == 0)) || echo "$m	${names[$i]}	$t" >>"$timings"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo "namcl $("$namcl" --version 2>/dev/null | head -n 1 | cut -d' ' -f2) vs C++ renderers: $seconds s of input, median of $runs paired runs, whole process; namcl --threads $threads"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load average before $load_before, after $load_after"
python3 - "$work" "$seconds" "$models" "${names[@]}" <<'EOF'
import array, statistics, sys

work, seconds, models, names = sys.argv[1], float(sys.argv[2]), sys.argv[3].split(","), sys.argv[4:]
ref = names[1]

def samples(path):
    data = open(path, "rb").read()
    pos = 12
    fmt = None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        if cid == b"fmt ":
            fmt = int.from_bytes(data[pos + 8:pos + 10], "little"), int.from_bytes(data[pos + 22:pos + 24], "little")
        elif cid == b"data":
            if fmt is None or fmt[1] != 32 or fmt[0] not in (3, 0xFFFE):
                sys.exit(f"bench-cpu-vs-cpp: {path} is not a 32-bit float WAV")
            a = array.array("f")
            a.frombytes(data[pos + 8:pos + 8 + size])
            return a
        pos += 8 + size + (size & 1)
    sys.exit(f"bench-cpu-vs-cpp: {path} has no data")

def esr(y, r):
    if len(y) != len(r):
        return f"length {len(y)} vs {len(r)}"
    try:
        import numpy as np
        y, r = np.asarray(y, dtype=np.float64), np.asarray(r, dtype=np.float64)
        return f"{float(np.sum((y - r) ** 2) / np.sum(r ** 2)):.1e}"
    except ImportError:
        return f"{sum((a - b) ** 2 for a, b in zip(y, r)) / sum(b * b for b in r):.1e}"

times = {}
for line in open(f"{work}/timings.tsv"):
    m, n, t = line.rstrip("\n").split("\t")
    wall, user, sys_ = map(float, t.split())
    times.setdefault((m, n), []).append((wall, user + sys_))

print()
print(f"| model | renderer | wall s | x RT | cpu s | namcl/X wall | ESR vs {ref} |")
print("|---|---|---|---|---|---|---|")
for m in models:
    r = samples(f"{work}/out/{m}.{ref}.wav")
    namcl_wall = statistics.median(w for w, _ in times[(m, "namcl")])
    for n in names:
        wall = statistics.median(w for w, _ in times[(m, n)])
        cpu = statistics.median(c for _, c in times[(m, n)])
        check = "(reference)" if n == ref else esr(samples(f"{work}/out/{m}.{n}.wav"), r)
        ratio = "" if n == "namcl" else f"{namcl_wall / wall:.2f}"
        print(f"| {m} | {n} | {wall:.2f} | {seconds / wall:.1f} | {cpu:.2f} | {ratio} | {check} |")
EOF
