#!/usr/bin/env bash
# Makes sure Debian's headless Chromium (the HTML report's browser test opens the page in it) and
# a font (the report's charts measure their text) are present, installing the packages when
# missing. Idempotent; prints one line saying what it did; exits non-zero with a reason if it cannot.
set -euo pipefail

die() { echo "ensure-chromium: $*" >&2; exit 1; }

if command -v chromium >/dev/null && fc-list 2>/dev/null | grep -q .; then
  echo "ensure-chromium: chromium and fonts present"
  exit 0
fi
command -v apt-get >/dev/null || die "no chromium, and no apt-get to install it with"
[[ $(id -u) -eq 0 ]] || die "no chromium; install it (apt-get install chromium fonts-dejavu-core) or run as root"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || die "apt-get update failed"
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fontconfig >/dev/null \
  || die "apt-get install chromium failed"
command -v chromium >/dev/null || die "chromium was installed but is not on PATH"
echo "ensure-chromium: installed chromium"
