#!/usr/bin/env bash
# End-to-end checks of render's sox-like conventions through the ./namcl launcher: WAV streams
# through pipes (sox writing namcl's stdin and reading its stdout) and the report on stdout.
# Needs sox (scripts/ensure-cli-tools.sh installs it); without it the checks are skipped, except
# under CI=true, where that is a failure.
# Usage: e2e/cli-conventions.sh    (prints one line per check; exits non-zero on the first failure)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
namcl="$root/namcl"
model="$root/host/src/test/resources/namcl-test/py__demonet.nam"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { # tool: present, or skip (a failure under CI)
  command -v "$1" >/dev/null && return 0
  [[ "${CI:-}" == true ]] && fail "CI needs $1 for these checks (scripts/ensure-cli-tools.sh installs it)"
  echo "skipped: no $1"
  return 1
}

if need sox; then
  # sox writes a stream of unknown length to a pipe (its size fields say so); -V1: no warning about it
  sox -V1 -n -r 48000 -c 2 -b 24 synth.wav synth 1.5 sine 110 sine 220 gain -6
  sox -V1 synth.wav -t wav - | "$namcl" render -m "$model" - -o - --engine cpu 2>stderr |
    sox -V1 -t wav - -t f32 piped.f32 || fail "sox | namcl - -o - | sox: $(cat stderr)"
  grep -q '1 rendered, 0 skipped, 0 failed' stderr || fail "no summary on stderr: $(cat stderr)"
  "$namcl" render -m "$model" synth.wav -o file.wav --engine cpu 2>/dev/null || fail "the file render"
  sox -V1 file.wav -t f32 file.f32
  cmp -s piped.f32 file.f32 || fail "the piped render differs from the file render"
  [[ "$(soxi -s file.wav)" == 72000 ]] || fail "file.wav holds $(soxi -s file.wav) frames, expected 72000"
  echo "ok: sox | namcl render - -o - | sox: the samples of a file render"

  "$namcl" render -m "$model" synth.wav -o - --engine cpu -q >streamed.wav || fail "-o - alone"
  # 72000 stereo float frames, read to the stream's end (its header does not know its length)
  bytes="$(sox -V1 streamed.wav -t f32 - | wc -c)"
  [[ "$(head -c 4 streamed.wav)" == RIFF && "$bytes" == 576000 ]] ||
    fail "stdout is not the WAV stream alone ($bytes bytes of samples)"
  echo "ok: -o - puts the WAV stream alone on stdout"
fi

"$namcl" render -m "$model" "$root/host/src/test/resources/namcl-test/sweep.wav" -o out --engine cpu \
  --report - 2>stderr >report.json || fail "--report -: $(cat stderr)"
grep -q '"rendered" : 1' report.json && ! grep -q 'namcl:' report.json ||
  fail "--report - printed something else than the report: $(cat report.json)"
echo "ok: --report - prints the report alone on stdout"
echo "all command-line convention checks passed"
