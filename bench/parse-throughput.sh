#!/usr/bin/env bash
# JMH parse throughput over ../shared/corpus/dockerfiles. Figures go to docs/benchmarks.md.
# Extra arguments go to JMH (e.g. -i 10). Needs the corpus next to the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -ntp -Pbench -pl bench/jmh -am package -DskipTests
exec java -jar bench/jmh/target/benchmarks.jar ParseThroughput -f 1 -wi 3 -w 3s -i 5 -r 3s "$@"
