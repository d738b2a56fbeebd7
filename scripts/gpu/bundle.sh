#!/usr/bin/env bash
# Prepares what a lent GPU machine needs to run namcl: that machine reaches no package registry
# and may have no JDK, so this builds, in .device/ (ignored by git; pass it to the device tool's
# `carry`):
#   runtime/           a small Java runtime made with jlink (java.base and the few modules namcl uses)
#   namcl.jar          the shaded CLI jar
#   lib/libOpenCL.so   the OpenCL ICD loader of this machine (JOCL loads libOpenCL.so by name)
#   junit-console.jar  JUnit's console launcher, to run the equivalence tests there
#   test-classes/      compiled test classes of host and tests (their resources travel with the repo)
# Then, on the device: scripts/gpu/on-device.sh (see there).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.device"
cd "$root"

mvn -q -B -ntp -DskipTests package
rm -rf "$out"
mkdir -p "$out/lib" "$out/test-classes"
cp host/target/namcl.jar "$out/"
# java.logging: JOCL logs through it; java.management/jdk.management: the tests read thread counters;
# jdk.incubator.vector: the CPU engine's fast kernels
jlink --add-modules java.base,java.logging,java.management,jdk.management,jdk.unsupported,jdk.incubator.vector \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
loader=$(ldconfig -p | awk '/libOpenCL\.so\.1 .*x86-64/ {print $NF; exit}')
[ -n "$loader" ] || { echo "bundle: no libOpenCL.so.1 here; run scripts/ensure-opencl.sh first" >&2; exit 1; }
cp -L "$loader" "$out/lib/libOpenCL.so"
cp -L "$loader" "$out/lib/libOpenCL.so.1"
mvn -q -B -ntp dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.10.2 \
  -DoutputDirectory="$out" -Dmdep.stripVersion=true
mv "$out/junit-platform-console-standalone.jar" "$out/junit-console.jar"
# classes only: the resources are read from the source folders, which travel with the repository
for m in host tests; do
  (cd "$m/target/test-classes" && find . -name '*.class' -print0 | tar --null -cf - -T - | tar -xf - -C "$out/test-classes")
done
du -sh "$out"
