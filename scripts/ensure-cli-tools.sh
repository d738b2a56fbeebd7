#!/usr/bin/env bash
# Makes sure the tools the command line's end-to-end checks drive namcl with are present: sox
# (reads and writes WAV streams through pipes, as users pipe namcl) and tmux (a pseudo-terminal of
# a chosen size, for the progress bar). Installs the packages when missing. Idempotent; prints one
# line saying what it did; exits non-zero with a reason if it cannot.
set -euo pipefail

die() { echo "ensure-cli-tools: $*" >&2; exit 1; }

if command -v sox >/dev/null && command -v tmux >/dev/null; then
  echo "ensure-cli-tools: sox and tmux present"
  exit 0
fi
command -v apt-get >/dev/null || die "no sox or tmux, and no apt-get to install them with"
[[ $(id -u) -eq 0 ]] || die "no sox or tmux; install them (apt-get install sox tmux) or run as root"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || die "apt-get update failed"
apt-get install -y -qq --no-install-recommends sox tmux >/dev/null || die "apt-get install sox tmux failed"
command -v sox >/dev/null && command -v tmux >/dev/null || die "sox and tmux were installed but are not on PATH"
echo "ensure-cli-tools: installed sox and tmux"
