#!/usr/bin/env bash
# Runs the performance suite behind docs/PERFORMANCE.md and puts the new table into it.
#
#   bench/run.sh                 # N = 100 and 1,000, 5 measured rounds (about 15 min on a quiet machine)
#   bench/run.sh --smoke         # N = 20, 1 round, every scenario, doc untouched (a few minutes)
#   bench/run.sh --runs 3 ...    # any RunAll option (see BenchConfig)
#
# The generated projects need migrate's artifacts in a Maven repository. They are installed into a
# PRIVATE local repository (BENCH_REPO_LOCAL, default target/bench-m2), never into ~/.m2, and every
# generated project runs with -Dmaven.repo.local pointing at it. The first run seeds it from
# ~/.m2/repository when that exists (else Maven downloads from Central) and resolves Flyway's plugin.
# PostgreSQL: MIGRATE_TEST_POSTGRES_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPO=${BENCH_REPO_LOCAL:-$ROOT/target/bench-m2}

if [ ! -d "$REPO" ]; then
  mkdir -p "$REPO"
  if [ -d "$HOME/.m2/repository" ]; then
    echo "bench: seeding $REPO from ~/.m2/repository"
    cp -r "$HOME/.m2/repository/." "$REPO/"
    rm -rf "$REPO/dev/migrate"
  fi
fi

echo "bench: installing migrate into $REPO"
mvn -B -q -Dmaven.repo.local="$REPO" install -DskipTests -DskipITs -Dinvoker.skip=true
mvn -B -q -Dmaven.repo.local="$REPO" -pl migrate-benchmarks dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$ROOT/migrate-benchmarks/target/classpath.txt"
CP="$ROOT/migrate-benchmarks/target/classes:$(cat "$ROOT/migrate-benchmarks/target/classpath.txt")"

if [ "${1:-}" = "--smoke" ]; then
  shift
  exec java -cp "$CP" dev.migrate.benchmarks.RunAll --sizes 20 --runs 1 --memory-size 20 \
    --repo-local "$REPO" --work target/bench-smoke --out target/bench-smoke/results.md \
    --command "bench/run.sh --smoke $*" "$@"
fi
exec java -cp "$CP" dev.migrate.benchmarks.RunAll --repo-local "$REPO" --work target/bench \
  --update-doc docs/PERFORMANCE.md --command "bench/run.sh $*" "$@"
