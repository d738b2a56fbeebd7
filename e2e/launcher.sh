#!/usr/bin/env bash
# End-to-end check of the ./namcl launcher and the built jar, from outside the repository:
# a quiet first-run build, the class-data archive, relative paths with spaces, resuming, exit codes, non-ASCII names under
# a C locale. Rebuilds the jar (its first check makes it stale).
# Usage: e2e/launcher.sh    (prints one line per check; exits non-zero on the first failure)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
namcl="$root/namcl"
resources="$root/host/src/test/resources/namcl-test"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

mkdir -p "in dir/sub" models
cp "$resources/sweep.wav" "in dir/sub/take one.wav"
cp "$resources/py__demonet.nam" models/

check() { # description, expected exit code, command...
  local what="$1" want="$2"
  shift 2
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  if [[ "$got" != "$want" ]]; then
    echo "FAIL: $what: exit $got, expected $want" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
  echo "ok: $what"
}

# A first run (the jar older than its sources) builds it, saying so in one line and nothing else:
# no Maven output, not even the colour resets Debian's Maven prints under -q -B.
touch "$root/host/pom.xml"
check "a first run builds quietly" 0 "$namcl" --version
[[ "$(wc -l <stderr)" == 1 ]] && grep -q '^namcl: building ' stderr && ! grep -q $'\e' stderr stdout ||
  { echo "FAIL: the build printed more than its one line:" >&2; cat -v stderr >&2; exit 1; }
check "version" 0 "$namcl" --version
grep -q '^namcl ' stdout || { echo "FAIL: version output" >&2; exit 1; }
! grep -q 'building' stderr || { echo "FAIL: the second run built the jar again" >&2; exit 1; }
# After a build the launcher makes a class-data archive of a render's classes; later JVMs map
# namcl's classes from it (the class-load log names it as their source).
check "classes come from the launcher's class-data archive" 0 \
  env NAMCL_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.log" "$namcl" --version
grep -q 'org.namcl.cli.Main source: shared objects file' classes.log ||
  { echo "FAIL: namcl's classes were not mapped from the archive" >&2; grep -m3 org.namcl classes.log >&2; exit 1; }
# A Java that cannot make the archive (here: one refusing -Xshare:dump) still runs namcl, every time.
mkdir -p nocds/bin
real_java="$(command -v "${JAVA:-java}")"
printf '#!/usr/bin/env bash\nfor a in "$@"; do [[ "$a" == -Xshare:dump ]] && exit 1; done\nexec "%s" "$@"\n' \
  "$real_java" >nocds/bin/java
chmod +x nocds/bin/java
for attempt in first second; do
  check "a Java that cannot make the archive still runs namcl ($attempt run)" 0 env JAVA="$work/nocds/bin/java" \
    "$namcl" render --version
  grep -q '^namcl ' stdout || { echo "FAIL: no version printed" >&2; exit 1; }
done
touch "$root/host/src/test/java/org/namcl/cli/Cli.java"
check "a changed test source does not make the jar stale" 0 "$namcl" --version
! grep -q 'building' stderr || { echo "FAIL: a test source made the launcher build" >&2; exit 1; }

check "render a folder with relative paths and spaces" 0 \
  "$namcl" render -m models/py__demonet.nam "in dir" -o "out dir" --engine cpu
[[ -f "out dir/py__demonet/sub/take one.wav" ]] || { echo "FAIL: output missing" >&2; exit 1; }

check "a second run skips the existing output" 0 \
  "$namcl" render -m models/py__demonet.nam "in dir" -o "out dir" --engine cpu
grep -q '0 rendered, 1 skipped' stderr || { echo "FAIL: no skip" >&2; cat stderr >&2; exit 1; }

check "info" 0 "$namcl" info models/py__demonet.nam
grep -q 'receptive field *13 samples' stdout || { echo "FAIL: info output" >&2; exit 1; }

mkdir -p empty
check "no WAV files: exit 3" 3 "$namcl" render -m models/py__demonet.nam empty -o out2
check "bad option: exit 2" 2 "$namcl" render -m models/py__demonet.nam "in dir" -o out2 --format mp3
check "missing model: exit 1" 1 "$namcl" render -m models/none.nam "in dir" -o out2 --engine cpu
check "the README's first command renders the bundled samples" 0 \
  "$namcl" render -m "$root/samples/models/namcl-demo-overdrive.nam" "$root/samples/di" -o samples-out
[[ -f "samples-out/namcl-demo-overdrive/plucked-guitar.wav" ]] || { echo "FAIL: sample render missing" >&2; exit 1; }
# Under a C locale Java cannot map non-ASCII file names: the launcher runs it under UTF-8, and
# without the launcher such a name fails alone (Linux: macOS's Java always maps names as UTF-8).
mkdir -p intl
cp "$resources/sweep.wav" "intl/café.wav"
cp "$resources/sweep.wav" "intl/plain.wav"
if locale -a 2>/dev/null | grep -qiE '\.utf-?8$'; then
  check "a C locale: the launcher still renders a non-ASCII name" 0 \
    env LC_ALL=C "$namcl" render -m models/py__demonet.nam intl -o intl-out --engine cpu
  [[ -f "intl-out/py__demonet/café.wav" ]] || { echo "FAIL: non-ASCII output missing" >&2; exit 1; }
else
  echo "skipped: no UTF-8 locale installed, so the launcher cannot pick one"
fi
if [[ "$(uname)" == Linux ]]; then
  check "a C locale without the launcher: an unmappable name fails alone" 1 \
    env LC_ALL=C "${JAVA:-java}" -jar "$root/host/target/namcl.jar" render -m models/py__demonet.nam intl \
    -o intl-raw --engine cpu
  [[ "$(grep -c '^namcl: error: intl/caf.*locale' stderr)" == 1 && -f intl-raw/py__demonet/plain.wav ]] ||
    { echo "FAIL: the unmappable name should fail alone, in one line" >&2; cat stderr >&2; exit 1; }
  ! grep -q 'internal error' stderr || { echo "FAIL: internal error" >&2; cat stderr >&2; exit 1; }
fi
# The CPU engine's Vector API kernels: the launcher adds jdk.incubator.vector and keeps the JVM's
# warning about it out of namcl's output; a plain java -jar (no module) renders on the scalar kernels.
incubator_warning='WARNING: Using incubator modules'
check "the launcher adds the Vector API module, without its warning" 0 \
  "$namcl" render -m models/py__demonet.nam "in dir" -o vec-out --engine cpu --report vec.json
! grep -q "$incubator_warning" stderr stdout || { echo "FAIL: the JVM's incubator warning got through" >&2; exit 1; }
! grep -q 'without --add-modules' vec.json || { echo "FAIL: the launcher ran without the module" >&2; cat vec.json >&2; exit 1; }
# JAVA_TOOL_OPTIONS makes the JVM's first line "Picked up ...": that line stays, the warning still goes
check "with JAVA_TOOL_OPTIONS, the JVM's note stays and its incubator warning goes" 0 \
  env JAVA_TOOL_OPTIONS=-Dnamcl.e2e=1 "$namcl" --version
grep -q '^Picked up JAVA_TOOL_OPTIONS: -Dnamcl.e2e=1' stderr && ! grep -q "$incubator_warning" stderr stdout ||
  { echo "FAIL: JAVA_TOOL_OPTIONS: the note should pass and the warning not" >&2; cat stderr >&2; exit 1; }
check "java -jar without the module renders on the scalar kernels" 0 \
  "${JAVA:-java}" -jar "$root/host/target/namcl.jar" render -m models/py__demonet.nam "in dir" -o plain-out \
  --engine cpu --report plain.json
grep -q 'scalar kernels (the JVM runs without --add-modules' plain.json && ! grep -q "$incubator_warning" stderr ||
  { echo "FAIL: java -jar should use the scalar kernels, silently" >&2; cat plain.json stderr >&2; exit 1; }
check "the launcher's exit code and other stderr lines pass through the filter" 1 \
  "$namcl" render -m models/none.nam "in dir" -o out3 --engine cpu
grep -q 'none.nam' stderr || { echo "FAIL: the error line was lost" >&2; cat stderr >&2; exit 1; }
# namcl cluster: the Spark module built on first use, an embedded job, render's output exactly
check "cluster render: an embedded Spark job" 0 \
  "$namcl" cluster render -m models/py__demonet.nam "in dir" -o "cluster out" --engine cpu --master 'local[2]'
cmp -s "out dir/py__demonet/sub/take one.wav" "cluster out/py__demonet/sub/take one.wav" ||
  { echo "FAIL: the cluster job's output differs from render's" >&2; cat stderr >&2; exit 1; }
echo "all launcher checks passed"
