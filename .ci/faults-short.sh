#!/usr/bin/env bash
# The fault campaign in its CI size (bench/faults/campaign.py --short: one trial of every phase on one
# server, on loopback). Builds nothing: it needs target/greenscribe.jar (mvn -B -ntp package), the
# models (python3 models/fetch.py all) and the speech data in ../shared/data. Exits non-zero when a
# bar is missed; the figures go to bench/results/faults.json.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/greenscribe.jar
[ -f "$jar" ] || { echo "faults-short: $jar missing; build it first (mvn -B -ntp -DskipTests package)" >&2; exit 2; }
[ -d ../shared/data/speech ] || { echo "faults-short: ../shared/data/speech missing" >&2; exit 2; }
# bounded in time as a whole: a hung server fails the check instead of hanging the job (on a 2-core
# machine shared with other builds the run has taken 21 min)
exec timeout 1800 python3 bench/faults/campaign.py --jar "$jar" --short "$@"
