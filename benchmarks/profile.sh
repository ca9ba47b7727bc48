#!/usr/bin/env bash
# Profiles one client in the firehose stream with JFR, then summarizes where its threads spend
# CPU and allocate. Usage: bash benchmarks/profile.sh [CLIENT, default tchavi] [PREFIX, default com.tchavi.]
#   bash benchmarks/profile.sh --shape SHAPE [CLIENT] [PREFIX]: the same in one of the other
#   stream shapes (heads, tools, n2, usage), 20 runs of 100,000 chunks.
#   bash benchmarks/profile.sh --calls [CLIENT] [PREFIX]: full calls, 10 runs on 1 and 16 threads.
#   bash benchmarks/profile.sh --concurrency CLIENT:MODE [PREFIX]: 200 streams at once, 10 runs
#   (MODE: platform, virtual, async).
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
  mkdir -p "$here/target"
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
# Every part but the one profiled is skipped; a tiny firehose still runs first.
skip=(--frag-runs 0 --paced-runs 0 --jvms 0 --shape-runs 0 --call-runs 0 --conc-runs 0 --weight-n 0)
tiny=(--n 2000 --warmup 1 --runs 1)
case "${1:-}" in
  --shape)
    client="${3:-tchavi}"; prefix="${4:-com.tchavi.}"; what="$2-$client"
    args=(--clients "$client" "${tiny[@]}" "${skip[@]}" --shapes "$2" --shape-clients "$client"
      --shape-warmup 3 --shape-runs 20) ;;
  --calls)
    client="${2:-tchavi}"; prefix="${3:-com.tchavi.}"; what="calls-$client"
    args=(--clients tchavi "${tiny[@]}" "${skip[@]}" --call-clients "$client" --call-runs 10) ;;
  --concurrency)
    client="${2%%:*}"; prefix="${3:-com.tchavi.}"; what="concurrency-${2/:/-}"
    args=(--clients tchavi "${tiny[@]}" "${skip[@]}" --conc-rows "$2" --conc-runs 10) ;;
  *)
    client="${1:-tchavi}"; prefix="${2:-com.tchavi.}"; what="$client"
    args=(--clients "$client" --warmup 3 --runs 20 "${skip[@]}") ;;
esac
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jfr_file="$here/target/profile-$what-$$.jfr" # one file per invocation: never two JVMs on one file
mkdir -p "$here/target"
# Sample every 2 ms (profile settings: 10 ms), allocations up to 5000/s, deep stacks.
"$java" -Xms2g -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 \
  "-XX:StartFlightRecording=filename=$jfr_file,settings=profile,jdk.ExecutionSample#period=2ms,jdk.ObjectAllocationSample#throttle=5000/s" \
  -cp "$here/core/target/bench-core.jar" com.tchavi.bench.Harness "$here" "${args[@]}" > /dev/null
"$java" -cp "$here/core/target/bench-core.jar" com.tchavi.bench.JfrSummary "$jfr_file" "$prefix" 25 \
  | tee "$here/target/profile-$what-$$.txt"
echo "recording: $jfr_file; summary: $here/target/profile-$what-$$.txt" >&2
