#!/usr/bin/env bash
# Carbon-aware scheduling replay benchmark: writes bench/results/carbon-replay.md.
# Usage: bench/carbon/run.sh [data dir, default ../shared/data/carbon]
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-../shared/data/carbon}"
MVN_OPTS=(-q -B)
# OFFLINE=1 skips the network; the first run needs it once, for maven-dependency-plugin.
[[ "${OFFLINE:-0}" == 1 ]] && MVN_OPTS+=(-o)
mvn "${MVN_OPTS[@]}" test-compile
mvn "${MVN_OPTS[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p bench/results
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.greenscribe.scheduling.bench.CarbonReplayBenchmark "$DATA" bench/results
