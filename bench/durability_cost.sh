#!/usr/bin/env bash
# What a durable embedded database costs on the submission path: the same load (bench/submit_load.py)
# against a server jar whose embedded PostgreSQL runs with the library's test defaults (fsync off,
# synchronous_commit off: a build from before that change) and one with the durable defaults, one after
# the other on loopback, each on a fresh data directory, transcription switched off.
#
# The two alternate ROUNDS times (A B A B ...) so that drift in the machine's load falls on both.
#
#   bash bench/durability_cost.sh OLD.jar NEW.jar [seconds] [rounds]     (results under bench/results/)
set -euo pipefail
old=$1; new=$2; seconds=${3:-15}; rounds=${4:-2}
out=bench/results/durability; mkdir -p "$out"
port=18481
for run in $(seq 1 "$rounds"); do
for label in test-defaults durable; do
  jar=$old; [ "$label" = durable ] && jar=$new
  data=$(mktemp -d /tmp/gs-durability.XXXXXX)
  java -Xmx2g -Dai.djl.offline=true -jar "$jar" --server.port=$port --server.address=127.0.0.1 \
      --greenscribe.queue.enabled=false --greenscribe.security.bootstrap-key=gs_bench_key \
      --greenscribe.database.embedded.data-directory="$data/postgres" \
      --greenscribe.jobs.upload-directory="$data/audio" --greenscribe.jobs.allowed-roots=docs/sample \
      > "$out/$label.server.log" 2>&1 &
  pid=$!
  for i in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || { echo "server ($label) died; see $out/$label.server.log"; exit 1; }
    sleep 1
  done
  for c in 1 8; do
    python3 bench/submit_load.py --port $port --key gs_bench_key --file docs/sample/jfk.mp3 \
        --concurrency $c --seconds "$seconds" --warmup 3 --out "$out/$label-c$c-r$run.json" > /dev/null
    echo "round $run $label c=$c: $(python3 -c "import json,sys; f=json.load(open('$out/$label-c$c-r$run.json')); l=f['latency_ms']; print(f\"{f['submissions_per_second']}/s p50 {l['p50']} p90 {l['p90']} p99 {l['p99']} max {l['max']} ms, errors {f['errors']}\")")"
  done
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
done
