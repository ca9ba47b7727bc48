#!/usr/bin/env bash
# Runs every example offline, against the local Tchavi emulator, and checks what it prints.
# Assumes the library, tchavi-java-testing and tchavi-java-opentelemetry are installed in ~/.m2
# (mvn -f all.xml install at the repository root).
# Usage: examples/check.sh        Prints one line per check, then "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
unset TCHAVI_API_KEY TCHAVI_BASE_URL # Offline, whatever the caller's shell has.

work=$(mktemp -d)
trap 'if [ -n "${emulator_pid:-}" ]; then kill "$emulator_pid" 2>/dev/null; fi; rm -rf "$work"' EXIT
passed=0
failed=0

# Builds once, then runs each example with plain java: a second or two each instead of a Maven
# start per example.
if ! mvn -B -q compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$work/classpath" >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  echo "FAIL build"
  echo "0 passed, 1 failed"
  exit 1
fi
classpath="target/classes:$(cat "$work/classpath")"

# run NAME [STDIN]: runs com.tchavi.examples.NAME with a time limit; stdout goes to $work/out, stderr
# to $work/err, the number of reads it took to collect stdout to $work/reads, the exit code to
# $status. Reading with sysread shows whether the output came in pieces or all at once.
run() {
  local input=${2:-}
  printf '%s' "$input" | timeout 30 java -cp "$classpath" "com.tchavi.examples.$1" 2>"$work/err" \
    | perl -e 'my ($n, $all) = (0, ""); while (sysread(STDIN, my $buf, 65536)) { $n++; $all .= $buf }
               print $all; print STDERR "$n\n"' >"$work/out" 2>"$work/reads"
  status=${PIPESTATUS[1]}
}

problems=()
expect() { # expect REGEX: stdout must match
  grep -Eq -- "$1" "$work/out" || problems+=("stdout lacks /$1/")
}
expect_clean_run() { # exit code 0, and stderr holds only the emulator's one line
  [ "$status" -eq 0 ] || problems+=("exit code $status")
  [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q 'local Tchavi emulator at http://127.0.0.1:' "$work/err" \
    || problems+=("stderr is not the emulator's one line")
}
expect_png() { # expect_png LABEL: the file named on stdout's "LABEL: FILE (" line is a PNG
  local file; file=$(sed -n "s/^$1: *\(.*\.png\) (.*/\1/p" "$work/out")
  [ -n "$file" ] && head -c 8 "$file" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' \
    || problems+=("the $1 file is not a PNG")
}
expect_wav() { # expect_wav LABEL: the file named on stdout's "LABEL: FILE (" line is a WAV
  local file; file=$(sed -n "s/^$1: *\(.*\.wav\) (.*/\1/p" "$work/out")
  [ -n "$file" ] && [ "$(head -c 4 "$file")" = "RIFF" ] || problems+=("the $1 file is not a WAV")
}
expect_pieces() { # expect_pieces WHAT: stdout came token by token, in 20 reads or more
  local reads; reads=$(cat "$work/reads")
  [ "$reads" -ge 20 ] || problems+=("the $1 came in $reads pieces, not token by token")
  note="stdout arrived in $reads pieces"
}
note=""
report() { # report NAME SECONDS: ok or FAIL, with $note if any
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok   $1 (${2}s${note:+, $note})"
  else
    failed=$((failed + 1))
    echo "FAIL $1: ${problems[*]}"
    echo "---- stdout"; cat "$work/out"; echo "---- stderr"; cat "$work/err"; echo "----"
  fi
  problems=()
  note=""
}

check() { # check NAME [STDIN], then the expectations in check_NAME
  local start=$SECONDS
  run "$1" "${2:-}"
  expect_clean_run
  "check_$1"
  report "$1" $((SECONDS - start))
}

check_StreamingExample() {
  expect '^Once upon a time, .* keeps a small light in its window\.$'
  expect_pieces story
}
check_ChatExample() {
  expect '^Once upon a time, .* window\.$'
  expect '^credits used: +[0-9]+$'
  expect '^credits remaining: +[0-9]+$'
  expect '^tokens: +[0-9]+ in, [0-9]+ out$'
  expect '^request id: +req_[A-Za-z0-9]+$'
}
check_ConversationExample() {
  expect 'assistant> Once upon a time, .* window\.$'
  expect 'assistant> How about "The Cat Who Kept the Light"\?$' # only said with the story in history
  expect '^you> Bye\.$'
  expect_pieces answers
}
check_ErrorHandlingExample() {
  expect '^Rate limited \(rate_limit_exceeded\): retry after 1 s\. Request id req_'
  expect '^Out of credits \(insufficient_credits\): '
  expect '^Rejected API key \(invalid_api_key\)'
}
check_StreamAccumulatorExample() {
  expect '^Once upon a time, .* window\.$'
  expect '^chunks received: +([2-9][0-9]|[1-9][0-9]{2,})$'
  expect '^finish reason: +stop$'
  expect '^credits used: +[0-9]+$'
  expect '^request id: +req_'
  expect '^finish reason: +tool_calls$'
  expect '^tool call: +get_weather\{"city":"Dakar"\}, from ([3-9]|[1-9][0-9]+) chunks$'
}
check_ToolCallExample() {
  expect '^model calls get_weather\{"city":"Dakar"\}$'
  expect '^we answer +\{"city":"Dakar","celsius":29,"sky":"sunny"\}$'
  expect '^According to get_weather: city Dakar, celsius 29, sky sunny\.$'
}

check_StructuredOutputExample() {
  expect '^city: +[^ ].*$'
  expect '^celsius: +-?[0-9]+(\.[0-9]+)?$'
  expect '^sky: +[^ ].*$'
  expect '^advice: +[^ ].*$'
}
check_ToolRunnerExample() {
  expect '^model calls get_weather\{"city":"Dakar"\}$'
  expect '^model calls get_time\{"city":"Dakar"\}$'
  expect '^we answer +\{"city":"Dakar","celsius":29,"sky":"sunny"\}$'
  expect '^we answer +\{"city":"Dakar","time":"14:05"\}$'
  expect '^According to get_weather: city Dakar, celsius 29, sky sunny\. According to get_time: city Dakar, time 14:05\.$'
  expect '^rounds: 3$'
}

check_VideoExample() {
  expect '^ +[0-9]+\.[0-9] s  job_[A-Za-z0-9]+ pending$'
  expect '^ +[0-9]+\.[0-9] s  job_[A-Za-z0-9]+ processing$'
  expect '^ +[0-9]+\.[0-9] s  job_[A-Za-z0-9]+ completed$'
  expect '^video: +http://127\.0\.0\.1:[0-9]+/files/job_[A-Za-z0-9]+\.mp4$'
  expect '^credits: +[0-9]+$'
}

check_ImageExample() {
  expect '^image: +/.+\.png \([0-9]+ bytes\)$'
  expect '^credits: +[0-9]+$'
  expect_png image
}
check_SpeechExample() {
  expect '^audio: +/.+\.wav \([0-9]+ bytes, audio/wav\)$'
  expect_wav audio
}
check_TranscriptionExample() {
  expect '^text: +.*tchavi-speech\.wav.*$'
  expect '^ +[0-9]+\.[0-9]{2} s to +[0-9]+\.[0-9]{2} s  .+$'
}

check_TelemetryExample() {
  expect '^Once upon a time, .* window\.$'
  local spans; spans=$(grep -c '^span: ' "$work/out")
  [ "$spans" -eq 1 ] || problems+=("$spans span lines, not 1")
  local span="^span: 'chat gpt-4o-mini' : [0-9a-f]{32} [0-9a-f]{16} CLIENT \[tracer: com\.tchavi\.opentelemetry:"
  expect "$span"
  local attribute
  for attribute in 'gen_ai\.operation\.name=chat' 'gen_ai\.provider\.name=tchavi' \
      'gen_ai\.request\.model=gpt-4o-mini' 'gen_ai\.request\.stream=true' \
      'gen_ai\.response\.model=gpt-4o-mini' 'gen_ai\.response\.id=chatcmpl-[A-Za-z0-9]+' \
      'gen_ai\.response\.finish_reasons=\[stop\]' 'gen_ai\.usage\.input_tokens=[0-9]+' \
      'gen_ai\.usage\.output_tokens=[0-9]+' 'gen_ai\.response\.time_to_first_chunk=[0-9.E-]+' \
      'server\.address=127\.0\.0\.1' 'server\.port=[0-9]+' 'tchavi\.request\.id=req_[A-Za-z0-9]+' \
      'tchavi\.credits\.used=[0-9.]+'; do
    expect "$span.*[{ ]$attribute[,}]"
  done
}
check_AsyncExample() {
  expect '^3 requests in parallel: +[0-9]+\.[0-9] s$'
  expect '^story: +Once upon a time, .* window\.$'
  expect '^image: +/.+\.png \([0-9]+ bytes\)$'
  expect '^audio: +/.+\.wav \([0-9]+ bytes, audio/wav\)$'
  expect_png image
  expect_wav audio
}
check_AsyncStreamingExample() {
  expect '^Once upon a time, .* keeps a small light in its window\.$'
  expect '^chunks: +([2-9][0-9]|[1-9][0-9]{2,}), asked for 8 at a time$'
  expect '^more than asked for: 0$'
  expect_pieces story
}

check StreamingExample
check ChatExample
check ConversationExample $'Tell me a short story.\nGive it a title.\nexit\n'
check ErrorHandlingExample
check StreamAccumulatorExample
check ToolCallExample
check StructuredOutputExample
check ToolRunnerExample
check VideoExample
check ImageExample
check SpeechExample
check TranscriptionExample
check TelemetryExample
check AsyncExample
check AsyncStreamingExample

# With TCHAVI_API_KEY set, the examples talk to TCHAVI_BASE_URL and start no emulator of their
# own. A separately started emulator stands in for Tchavi here, since CI has no network.
start=$SECONDS
emulator_out="$work/emulator.out"
java -cp "$classpath" com.tchavi.testing.TchaviEmulator >"$emulator_out" 2>"$work/emulator.err" &
emulator_pid=$!
base_url=none
for _ in $(seq 1 200); do # Up to 20 s for its first line, the base URL.
  if [ -s "$emulator_out" ]; then base_url=$(head -1 "$emulator_out"); break; fi
  sleep 0.1
done
TCHAVI_API_KEY=sk-tch-emulator TCHAVI_BASE_URL=$base_url \
  timeout 30 java -cp "$classpath" com.tchavi.examples.ChatExample >"$work/out" 2>"$work/err" </dev/null
status=$?
kill "$emulator_pid" 2>/dev/null # It runs until stopped; SIGTERM stops it cleanly.
wait "$emulator_pid" 2>/dev/null
[ "$status" -eq 0 ] || problems+=("exit code $status")
[ ! -s "$work/err" ] || problems+=("stderr is not empty")
expect '^Once upon a time, .* window\.$'
expect '^request id: +req_[A-Za-z0-9]+$'
report "ChatExample with TCHAVI_API_KEY and TCHAVI_BASE_URL set" $((SECONDS - start))

# README's command runs the headline example through Maven: check that path too, once.
start=$SECONDS
mvn -B -q exec:java >"$work/out" 2>"$work/err" </dev/null
status=$?
sed -i 's/\x1b\[[0-9;]*m//g' "$work/out" "$work/err" # Maven 3.8's colour resets, even with -B
sed -i '/^WARNING: /d' "$work/err" # JDK 24+ warns about Unsafe in Maven 3.8's own Guava
expect_clean_run
expect '^Once upon a time, .* window\.$'
report "mvn exec:java (StreamingExample)" $((SECONDS - start))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
