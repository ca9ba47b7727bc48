#!/usr/bin/env bash
# Profiles one client in the firehose stream with JFR, then summarizes where its threads spend
# CPU and allocate. Usage: bash benchmarks/profile.sh [CLIENT, default tchavi] [PREFIX, default com.tchavi.]
# Needs the benchmarks built (bash benchmarks/run.sh, or mvn -f benchmarks/pom.xml package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
client="${1:-tchavi}"
prefix="${2:-com.tchavi.}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jfr_file="$here/target/profile-$client.jfr"
mkdir -p "$here/target"
"$java" -Xms2g -Xmx2g "-XX:StartFlightRecording=filename=$jfr_file,settings=profile" \
  -cp "$here/core/target/bench-core.jar" com.tchavi.bench.Harness "$here" \
  --clients "$client" --warmup 3 --runs 12 --frag-runs 0 --paced-runs 0 --jvms 0 > /dev/null
"$java" -cp "$here/core/target/bench-core.jar" com.tchavi.bench.JfrSummary "$jfr_file" "$prefix" 25 \
  | tee "$here/target/profile-$client.txt"
echo "recording: $jfr_file; summary: $here/target/profile-$client.txt" >&2
