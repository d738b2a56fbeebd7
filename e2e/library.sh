#!/usr/bin/env bash
# namcl as a library: `mvn install` into a local repository of its own, then the example project
# under samples/library, copied out of the tree, built and run against what was installed (with
# test-fixtures and tests removed from the repository first: no consumer needs them); and the
# shaded CLI jar holds its dependencies only under org.namcl.shaded (bar the two with native code).
# The user's local repository (M2_REPO, default ~/.m2/repository) is read as a remote one through
# file:// (so nothing is installed into it), ahead of Maven Central for anything it lacks.
# Usage: e2e/library.sh    (prints one line per check; exits non-zero on the first failure)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
user_repo="${M2_REPO:-$HOME/.m2/repository}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repository"

fail() { echo "FAIL: $*" >&2; exit 1; }

cat >"$work/settings.xml" <<XML
<settings>
  <localRepository>$repo</localRepository>
  <profiles>
    <profile>
      <id>user-repository</id>
      <repositories>
        <repository><id>user-repository</id><url>file://$user_repo</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-repository</id><url>file://$user_repo</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
</settings>
XML
mvn=(mvn -B -q -ntp -s "$work/settings.xml" -Dmaven.repo.local="$repo" -Dstyle.color=never)

(cd "$root" && MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" "${mvn[@]}" -DskipTests install) \
  >"$work/install.log" 2>&1 || fail "mvn install: $(tail -40 "$work/install.log")"
for a in namcl-parent namcl-cpu-fallback namcl-host; do
  ls "$repo/org/namcl/$a/0.1.0-SNAPSHOT/"*.pom >/dev/null 2>&1 || fail "mvn install did not install $a"
done
rm -rf "$repo/org/namcl/namcl-test-fixtures" "$repo/org/namcl/namcl-tests"
echo "ok: mvn install puts the parent, cpu-fallback and host in the local repository"

cp -r "$root/samples/library" "$work/example"
(cd "$work/example" && "${mvn[@]}" package && java -jar target/namcl-library-example.jar \
  "$root/samples/models/namcl-demo-overdrive.nam" "$root/samples/di/plucked-guitar.wav" "$work/wet.wav") \
  >"$work/example.log" 2>&1 || fail "the example project: $(tail -40 "$work/example.log")"
grep -q 'rendered on CPU' "$work/example.log" && grep -qE 'plucked-guitar.wav through .*: 432000 frames, peak 0\.[0-9]+' \
  "$work/example.log" || fail "the example's output: $(cat "$work/example.log")"
[[ -s "$work/wet.wav" ]] || fail "the example wrote no output"
echo "ok: samples/library builds and runs against the installed artifacts (no test-fixtures, no tests)"

jar="$root/host/target/namcl.jar"
outside="$(unzip -Z1 "$jar" | grep '\.class$' | grep -vE '^(META-INF/versions/[0-9]+/)?org/(namcl|jocl|sqlite)/')"
[[ -z "$outside" ]] || fail "classes outside org.namcl (and JOCL, sqlite-jdbc) in namcl.jar: $(head -5 <<<"$outside")"
echo "ok: namcl.jar relocates its dependencies under org.namcl.shaded (JOCL and sqlite-jdbc kept: native code)"

# the relocated jar still loads what it finds by name: sqlite-jdbc's native library (eval --db),
# JFreeChart's resources (--html), Jackson's (--report), JOCL's native library (devices)
java=(java -jar "$jar")
"${java[@]}" render -m "$root/samples/models/namcl-demo-overdrive.nam" "$root/samples/di" -o "$work/target" -q \
  --engine cpu || fail "render with namcl.jar"
"${java[@]}" eval -m "$root/samples/models/namcl-demo-overdrive.nam" --input "$root/samples/di/plucked-guitar.wav" \
  --target "$work/target/namcl-demo-overdrive/plucked-guitar.wav" --engine cpu --db "$work/eval.db" \
  --html "$work/eval.html" --report "$work/eval.json" >"$work/eval.log" 2>&1 || fail "eval with namcl.jar: $(cat "$work/eval.log")"
"${java[@]}" report "$work/eval.db" >"$work/report.log" 2>&1 && grep -q 'namcl-demo-overdrive .*great' "$work/report.log" ||
  fail "report from the database: $(cat "$work/report.log")"
grep -q '<svg' "$work/eval.html" && grep -q '"esr"' "$work/eval.json" || fail "eval's HTML or JSON report"
echo "ok: namcl.jar evaluates with its SQLite database, its HTML charts and JSON report"
if "${java[@]}" devices >"$work/devices.log" 2>&1; then
  echo "ok: namcl.jar lists the OpenCL devices: $(sed -n 2p "$work/devices.log" | cut -c1-60)"
elif [[ "${CI:-}" == true ]]; then
  fail "devices with namcl.jar: $(cat "$work/devices.log")"
else
  echo "skipped: no OpenCL device for namcl.jar devices ($(head -1 "$work/devices.log"))"
fi
echo "all library checks passed"
