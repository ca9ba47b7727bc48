#!/usr/bin/env bash
# The one command: installs the library from this checkout into ~/.m2, builds the benchmarks,
# then runs every client side by side in one JVM: the benchmark's stream (firehose, fragmented,
# paced), the other stream shapes, full calls, 200 concurrent streams, then fresh JVMs (time to
# first chunk, weight at rest); then the media clients in a second JVM with a 64 MB heap. About
# 6 minutes on 2 quiet cores. The tables go to stdout and to benchmarks/target/results.md and
# media-results.md; progress goes to stderr.
#   bash benchmarks/run.sh                 # the full run
#   bash benchmarks/run.sh --smoke         # a tiny run of every part, under a minute
#   bash benchmarks/run.sh --clients tchavi,okhttp-jackson --runs 9   # any Harness option
#   Skip a part with its count at 0: --frag-runs, --paced-runs, --shape-runs, --call-runs,
#   --conc-runs, --jvms, --weight-n, --media-runs (see BENCHMARKS.md for each part's options).
# Environment: JAVA_HOME picks the JDK (default: java on PATH); TCHAVI_LIB_DIR the library
# checkout to install (default: the parent of benchmarks/); SKIP_LIB_INSTALL=1 uses what is in
# ~/.m2 as it is; BENCH_JAVA_OPTS replaces the harness JVM's flags (default -Xms2g -Xmx2g),
# MEDIA_JAVA_OPTS the media harness JVM's (default -Xmx64m); MEDIA_ONLY=1 runs the media part alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="${TCHAVI_LIB_DIR:-$(dirname "$here")}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${SKIP_LIB_INSTALL:-0}" != 1 ]; then
  echo "== installing the library from $lib" >&2
  mvn -B -q -f "$lib/pom.xml" install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true >&2
fi
echo "== building the benchmarks" >&2
mvn -B -q -f "$here/pom.xml" package >&2

if [ "${SKIP_LIB_INSTALL:-0}" = 1 ] && [ -z "${TCHAVI_LIB_DIR:-}" ]; then
  commit="as found in ~/.m2"
else
  commit="at $(git -C "$lib" describe --always --dirty 2>/dev/null || echo unknown)"
fi
if [ "${MEDIA_ONLY:-0}" != 1 ]; then
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS and MEDIA_JAVA_OPTS are lists of flags
  "$java" ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} -cp "$here/core/target/bench-core.jar" \
    com.tchavi.bench.Harness "$here" --lib "0.1.0-SNAPSHOT $commit" "$@"
fi
# Large bodies in a small heap, in a JVM of their own: a speech download and a transcription
# upload (--media-mb, --media-runs; --media-runs 0 skips them).
# shellcheck disable=SC2086
exec "$java" ${MEDIA_JAVA_OPTS:--Xmx64m} -cp "$here/core/target/bench-core.jar" \
  com.tchavi.bench.MediaHarness "$here" --lib "0.1.0-SNAPSHOT $commit" "$@"
