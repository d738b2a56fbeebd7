#!/usr/bin/env bash
# The whole test suite, as CI runs it: makes sure an OpenCL driver is present (PoCL, a CPU
# driver, is installed when none is) and headless Chromium (for the HTML report's test), checks
# the launcher end to end, then builds and runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! scripts/ensure-opencl.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test: CI needs an OpenCL driver for the OpenCL tests; see the message above" >&2
    exit 1
  fi
  echo "test: no OpenCL driver; the OpenCL tests will be skipped (they run in CI)" >&2
fi
if ! scripts/ensure-chromium.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test: CI needs chromium for the HTML report's browser test; see the message above" >&2
    exit 1
  fi
  echo "test: no chromium; the HTML report's browser test will be skipped (it runs in CI)" >&2
fi
if ! scripts/ensure-cli-tools.sh; then
  if [ "${CI:-}" = "true" ]; then
    echo "test: CI needs sox and tmux for the command line's pipe and terminal checks; see above" >&2
    exit 1
  fi
  echo "test: no sox or tmux; the command line's pipe and terminal checks will be skipped" >&2
fi
# the launcher and the README's first command, from outside the repository (builds the jar)
e2e/launcher.sh
# pipes, the report on stdout, the terminal's progress bar (CI=true: their tools are required)
e2e/cli-conventions.sh
# mvn install into a repository of its own, the example project under samples/library against it,
# the relocated CLI jar
e2e/library.sh
exec mvn -B -ntp verify "$@"
