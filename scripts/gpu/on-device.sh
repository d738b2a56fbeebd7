#!/usr/bin/env bash
# Runs on a lent GPU machine, from the repository root, with .device/ carried there (made by
# scripts/gpu/bundle.sh): registers NVIDIA's OpenCL driver with the ICD loader when nothing has,
# lists the devices, runs the OpenCL equivalence tests (OpenCL vs the CPU engine and NAM's
# reference renders) on the GPU, then the benchmark on a 10-minute signal (both OpenCL plans) and a
# sweep of the fused plan's tile and layer caps. One call, e.g.:
#   device run --carry .device -- 'scripts/gpu/on-device.sh 2>&1 | tee $OUT/gpu.log'
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
d="$root/.device"
java="$d/runtime/bin/java"
# the CPU engine's Vector API kernels, as ./namcl runs them (the JVM warns once about the module)
vector=(--add-modules jdk.incubator.vector)
export LD_LIBRARY_PATH="$d/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export POCL_CACHE_DIR="${TMPDIR:-/tmp}/namcl-pocl"

vendors=${OCL_ICD_VENDORS:-/etc/OpenCL/vendors}
gpu=$(command -v nvidia-smi >/dev/null && echo yes || echo no)
if [ "$gpu" = yes ] && ! grep -qs nvidia "$vendors"/*.icd; then
  lib=$(ldconfig -p | awk '/libnvidia-opencl\.so\.1/ {print $NF; exit}')
  [ -n "$lib" ] || lib=$(find /usr/local/nvidia /usr/lib /usr/lib64 -name 'libnvidia-opencl.so.1' 2>/dev/null | head -n 1)
  if [ -z "$lib" ]; then
    echo "on-device: NVIDIA's OpenCL driver (libnvidia-opencl.so.1) was not found" >&2
    exit 1
  fi
  mkdir -p "$vendors"
  echo "$lib" > "$vendors/nvidia.icd"
  echo "on-device: registered $lib in $vendors/nvidia.icd"
fi
export OCL_ICD_VENDORS="$vendors"

[ "$gpu" = yes ] && nvidia-smi -L
"$java" "${vector[@]}" -jar "$d/namcl.jar" devices || exit 1
device=${NAMCL_DEVICE:-$([ "$gpu" = yes ] && echo NVIDIA || echo auto)}

# CI=true: a missing device fails instead of skipping. The public reference models are not in
# the repository; those cases run where NAMCL_SHARED points at a shared/ folder.
CI=true NAMCL_DEVICE="$device" "$java" "${vector[@]}" -jar "$d/junit-console.jar" execute \
  --class-path "$d/test-classes:$d/namcl.jar:$root/tests/src/test/resources:$root/host/src/test/resources" \
  --select-class org.namcl.parity.OpenClEquivalenceTest --select-class org.namcl.parity.OpenClPlansTest \
  --details=summary --disable-banner
tests=$?

# the target is stated for a 10-minute file; BENCH_SECONDS shortens a dry run on a machine without a GPU
"$java" "${vector[@]}" -jar "$d/namcl.jar" bench --seconds "${BENCH_SECONDS:-600}" --device "$device"
bench=$?
# the fused plan's tile and layer caps swept on the standard and A2 shapes, to tune the planner
for tile in ${TUNE_TILES:-256 512 1024}; do
  for k in ${TUNE_LAYERS:-3 5 10}; do
    "$java" -jar "$d/namcl.jar" bench --plans-only --seconds "${TUNE_SECONDS:-30}" --models standard,a2 \
      --device "$device" --tile "$tile" --fuse-layers "$k" || bench=1
  done
done
exit $(( tests != 0 || bench != 0 ))
