#!/usr/bin/env bash
# CI's check: the benchmarks build, and every part runs once on tiny inputs (every stream shape,
# full calls, concurrent streams, fresh JVMs, a client's weight, the media bodies), each client
# delivering exactly what the server sent (exit 1 otherwise). About a minute.
# Installs the library only when ~/.m2 has none (CI installs it just before).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$HOME/.m2/repository/com/tchavi/tchavi-java/0.1.0-SNAPSHOT/tchavi-java-0.1.0-SNAPSHOT.jar"
if [ -f "$jar" ]; then
  export SKIP_LIB_INSTALL=1
fi
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}" bash "$here/run.sh" --smoke "$@"
