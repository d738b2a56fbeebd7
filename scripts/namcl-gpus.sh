#!/usr/bin/env bash
# Spark resource discovery script for namcl's GPU tasks: prints {"name":"gpu","addresses":[...]},
# the machine's OpenCL GPUs by their namcl device index. Give it to Spark with
#   --files scripts/namcl-gpus.sh --conf spark.executor.resource.gpu.discoveryScript=./namcl-gpus.sh
# It runs namcl's classes from NAMCL_SPARK_CLASSPATH, else namcl-spark.jar beside it, in the
# working folder (where Spark puts the application jar) or in this checkout's spark/target.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cp="${NAMCL_SPARK_CLASSPATH:-}"
if [[ -z "$cp" ]]; then
  for jar in "$here/namcl-spark.jar" "$PWD/namcl-spark.jar" "$here/../spark/target/namcl-spark.jar"; do
    if [[ -f "$jar" ]]; then
      cp="$jar"
      break
    fi
  done
fi
if [[ -z "$cp" ]]; then
  echo "namcl-gpus: namcl-spark.jar not found beside $0 or in $PWD (or set NAMCL_SPARK_CLASSPATH)" >&2
  exit 1
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$cp" org.namcl.spark.GpuDiscovery
