#!/usr/bin/env bash
# Profiles one client in the firehose stream with JFR, then summarizes where its threads spend
# CPU and allocate. Usage: bash benchmarks/profile.sh [CLIENT, default tchavi] [PREFIX, default com.tchavi.]
#   bash benchmarks/profile.sh --startup [CLIENT]: where a fresh JVM's time to first chunk goes
#   (phases, and classes loaded per library), over 5 fresh JVMs.
# Needs the benchmarks built (bash benchmarks/run.sh, or mvn -f benchmarks/pom.xml package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--startup" ]; then
  client="${2:-tchavi}"
  java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  target="$here/client-$client/target"
  cp="$here/core/target/bench-core.jar:$target/client-$client.jar"
  for jar in "$target"/cp/*.jar; do cp="$cp:$jar"; done
  # A server for the fresh JVMs: the harness with nothing to do but serve, for a minute.
  url_file="$here/target/startup-url-$$"
  "$java" -cp "$here/core/target/bench-core.jar" com.tchavi.bench.StartupServer 60 > "$url_file" &
  server=$!
  trap 'kill $server 2>/dev/null || true; rm -f "$url_file"' EXIT
  for _ in $(seq 50); do [ -s "$url_file" ] && break; sleep 0.1; done
  url="$(cat "$url_file")"
  for i in 1 2 3 4 5; do
    "$java" "-Dbench.launchedAt=$(date +%s%3N)" -cp "$cp" com.tchavi.bench.FirstChunk "$url" 2>&1 >/dev/null \
      | grep phases
  done
  "$java" "-Xlog:class+load:file=$here/target/startup-$client-classes-$$.txt" -cp "$cp" \
    com.tchavi.bench.FirstChunk "$url" > /dev/null
  echo "classes loaded by a fresh JVM up to the end of the stream, by source:"
  sed -n 's/.*source: \(.*\)/\1/p' "$here/target/startup-$client-classes-$$.txt" \
    | sed 's|.*/||; s|jrt:/.*|JDK modules|; s|shared objects file.*|JDK (CDS archive)|' | sort | uniq -c | sort -rn | head -15
  exit 0
fi
client="${1:-tchavi}"
prefix="${2:-com.tchavi.}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jfr_file="$here/target/profile-$client-$$.jfr" # one file per invocation: never two JVMs on one file
mkdir -p "$here/target"
# Sample every 2 ms (profile settings: 10 ms), allocations up to 5000/s, deep stacks.
"$java" -Xms2g -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 \
  "-XX:StartFlightRecording=filename=$jfr_file,settings=profile,jdk.ExecutionSample#period=2ms,jdk.ObjectAllocationSample#throttle=5000/s" \
  -cp "$here/core/target/bench-core.jar" com.tchavi.bench.Harness "$here" \
  --clients "$client" --warmup 3 --runs 20 --frag-runs 0 --paced-runs 0 --jvms 0 > /dev/null
"$java" -cp "$here/core/target/bench-core.jar" com.tchavi.bench.JfrSummary "$jfr_file" "$prefix" 25 \
  | tee "$here/target/profile-$client-$$.txt"
echo "recording: $jfr_file; summary: $here/target/profile-$client-$$.txt" >&2
