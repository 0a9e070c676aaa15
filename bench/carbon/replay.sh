#!/usr/bin/env bash
# Replay benchmark on any trace: the server's default policy first, then the others, against the
# capacity-limited optimum. Writes bench/results/carbon-schedule-replay.md.
# Usage: bench/carbon/replay.sh --zone UTC --year 2020 [--days N] [--workloads hourly,scenario1] trace.csv...
# Timing (100 000 waiting jobs, global schedule beside the greedy planner):
#   java -cp "$CP" io.greenscribe.scheduling.bench.PlannerTiming [trace] [rounds] [jobs]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.greenscribe.scheduling.bench.ScheduleReplay "$@"
