#!/usr/bin/env bash
# End-to-end checks of the command line's sox-like conventions through the ./namcl launcher: WAV
# streams through pipes (sox writing namcl's stdin and reading its stdout), the report on stdout,
# and the progress bar of render, eval and compare in pseudo-terminals of 40 and 160 columns
# (tmux), Ctrl-C included.
# Needs sox and tmux (scripts/ensure-cli-tools.sh installs them); without them their checks are
# skipped, except under CI=true, where that is a failure.
# Usage: e2e/cli-conventions.sh    (prints one line per check; exits non-zero on the first failure)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
namcl="$root/namcl"
model="$root/host/src/test/resources/namcl-test/py__demonet.nam"
work="$(mktemp -d)"
tmux_socket="namcl-e2e-$$"
trap 'tmux -L "$tmux_socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
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

# Runs namcl ARGS in a tmux pane COLUMNS wide, its screen captured (wrapped lines joined) into
# screens.txt every 0.1 s until it ends; with a pattern in $interrupt_when, sends Ctrl-C once a
# capture shows it; $launch_env (VAR=value ...) goes before the launcher. Sets $exit to namcl's exit code.
in_terminal() {
  local columns="$1"
  shift
  local session="w$columns" sent=
  : >screens.txt
  tmux -L "$tmux_socket" new-session -d -s "$session" -x "$columns" -y 20 \
    "cd '$work' && ${launch_env:-} '$namcl' $* ; echo EXIT=\$?; sleep 60"
  for _ in $(seq 1 1200); do
    sleep 0.1
    tmux -L "$tmux_socket" capture-pane -p -J -t "$session" >screen.txt 2>/dev/null || break
    cat screen.txt >>screens.txt
    if [[ -n "${interrupt_when:-}" && -z "$sent" ]] && grep -qE "$interrupt_when" screen.txt; then
      tmux -L "$tmux_socket" send-keys -t "$session" C-c
      sent=yes
    fi
    grep -q '^EXIT=' screen.txt && break
  done
  tmux -L "$tmux_socket" kill-session -t "$session" 2>/dev/null
  exit="$(grep -m1 -o '^EXIT=[0-9]*' screen.txt | cut -d= -f2)"
}

# After in_terminal ran COMMAND over the 6 takes in COLUMNS: it ended well, every progress bar seen
# fits the width, one shows every field (at 160 columns the model and PAIR whole; at 40 the names cut
# in the middle), and the screen shows the LAST line (a regular expression).
check_bars() {
  local command="$1" columns="$2" pair="$3" last="$4" bars long full
  [[ "$exit" == 0 ]] || fail "$command in $columns columns: exit '$exit': $(cat screen.txt)"
  bars="$(grep -E '^\[[0-9]+/6\]' screens.txt | sort -u)"
  [[ -n "$bars" ]] || fail "$command in $columns columns: no progress bar seen: $(cat screens.txt)"
  long="$(awk -v max="$((columns - 1))" 'length($0) > max' <<<"$bars")"
  [[ -z "$long" ]] || fail "$command in $columns columns, bars wider than $((columns - 1)) columns: $long"
  if [[ "$columns" == 40 ]]; then
    full='^\[[0-9]/6\] +[0-9]+% py__d.*\.\.\..*[0-9.]+x ETA [0-9:]+$'
  else
    full="^\\[[0-9]/6\\] +[0-9]+% py__demonet: $pair [0-9.]+x real time ETA [0-9:]+\$"
  fi
  grep -qE "$full" <<<"$bars" || fail "$command in $columns columns, no bar with every field: $bars"
  grep -qE "$last" screen.txt || fail "$command: no summary: $(cat screen.txt)"
  echo "ok: $command's progress bar in $columns columns: within the width, pairs, model and file, x real time, ETA"
}

if need sox && need tmux; then
  mkdir -p takes big
  for i in 1 2 3 4 5 6; do
    sox -V1 -n -r 48000 -c 1 -b 24 "takes/a take with a rather long name, number $i.wav" synth 20 sine 110 gain -6
  done
  # long enough that a pair takes about a second through this small model on one thread, so the
  # Ctrl-C sent once the first pair is done lands while the second renders
  for i in 1 2 3 4; do sox -V1 -n -r 48000 -c 1 -b 24 "big/take$i.wav" synth 300 sine 110 gain -6; done

  for columns in 40 160; do
    in_terminal "$columns" render -m "'$model'" takes -o "out$columns" --engine cpu --threads 1
    check_bars render "$columns" 'takes/a take with a rather long name, number [1-6]\.wav' \
      '^namcl: 6 rendered, 0 skipped, 0 failed'
  done

  interrupt_when='^\[1/4\]' in_terminal 100 render -m "'$model'" big -o big-out --engine cpu --threads 1
  [[ "$exit" == 130 ]] || fail "Ctrl-C: exit '$exit', expected 130: $(cat screen.txt)"
  grep -qE '^namcl: interrupted: [1-3] of 4 pairs done' screen.txt &&
    grep -qE '^namcl: [1-3] rendered, 0 skipped, [0-3] failed; ' screen.txt ||
    fail "Ctrl-C: no summary of what was done: $(cat screen.txt)"
  ! ls -A big-out/py__demonet | grep -q '^\.' || fail "Ctrl-C left hidden files: $(ls -A big-out/py__demonet)"
  echo "ok: Ctrl-C in a terminal prints the summary of what was done and exits with 130"

  # eval scores the takes against render's outputs of them; compare checks those outputs again
  targets="out160/py__demonet"
  for columns in 40 160; do
    for command in eval compare; do
      if [[ "$command" == eval ]]; then
        in_terminal "$columns" eval -m "'$model'" --input takes --target "$targets" --engine cpu --threads 1
        pair='a take with a rather long name, number [1-6]\.wav'
        last='^namcl: 6 scored, 0 failed'
      else
        in_terminal "$columns" compare -m "'$model'" takes --against out160 --threads 1
        pair='takes/a take with a rather long name, number [1-6]\.wav on cpu'
        last='^namcl: 6 pairs compared: 6 passed, 0 failed'
      fi
      check_bars "$command" "$columns" "$pair" "$last"
    done
  done

  # longer takes, each its own target; Ctrl-C once a tenth of the audio is rendered (scores follow
  # renders), leaving eval most of its work still to do when the key arrives
  mkdir -p long
  for i in 1 2 3 4; do sox -V1 -n -r 48000 -c 1 -b 16 "long/take$i.wav" synth 180 sine 110 gain -6; done
  cp -r long long-targets
  interrupt_when='^\[0/4\] +[1-4][0-9]%' in_terminal 100 eval -m "'$model'" --input long --target long-targets \
    --engine cpu --threads 1
  [[ "$exit" == 130 ]] || fail "eval, Ctrl-C: exit '$exit', expected 130: $(cat screen.txt)"
  grep -qE '^namcl: interrupted: [0-3] of 4 pairs done' screen.txt && grep -qE '^# +model +(pair +)?ESR' screen.txt &&
    grep -qE '^namcl: [0-3] scored, 0 failed' screen.txt ||
    fail "eval, Ctrl-C: no table of what was scored: $(cat screen.txt)"
  echo "ok: Ctrl-C stops eval with the table of the pairs scored and exit 130"

  mkdir -p jtmp
  launch_env="NAMCL_JAVA_OPTS=-Djava.io.tmpdir=$work/jtmp" interrupt_when='^\[1/4\]' \
    in_terminal 100 compare -m "'$model'" big --sides cpu,cpu --threads 1
  [[ "$exit" == 130 ]] || fail "compare, Ctrl-C: exit '$exit', expected 130: $(cat screen.txt)"
  grep -qE '^namcl: interrupted: [1-3] of 4 pairs done' screen.txt &&
    grep -qE '^namcl: [1-3] pairs? compared: [1-3] passed, 0 failed' screen.txt ||
    fail "compare, Ctrl-C: no summary of what was compared: $(cat screen.txt)"
  [[ -z "$(ls -A jtmp)" ]] || fail "compare, Ctrl-C: temporaries left: $(ls -A jtmp)"
  echo "ok: Ctrl-C stops compare with the summary of the pairs compared, no temporaries left, exit 130"
fi
echo "all command-line convention checks passed"
