#!/usr/bin/env bash
# Times what migrate-processor adds to a user's `mvn compile` (docs/PERFORMANCE.md, "Annotation
# processing"): a generated project of 1,000 revision classes, `mvn -q -o compile` from a clean
# target/ with the processor, with a no-op processor (javac's floor for any processor) and with
# -Dmaven.compiler.proc=none, and after an edit of one revision; medians of 3 interleaved runs,
# wall and CPU time.
#
#   bench/compile.sh                        # 1,000 revisions, 3 runs
#   bench/compile.sh --revisions 200 --runs 1
#   bench/compile.sh --baseline g:a:v       # also another processor build installed in the same repository
#
# migrate's annotations, core and processor are installed into a PRIVATE local repository
# (BENCH_REPO_LOCAL, default target/bench-m2, seeded from ~/.m2/repository on first use), never
# into ~/.m2; the generated project builds against it.
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

echo "bench: installing migrate-processor (and what it needs) into $REPO"
mvn -B -q -Dmaven.repo.local="$REPO" -pl migrate-processor,migrate-benchmarks -am install -DskipTests -DskipITs
mvn -B -q -Dmaven.repo.local="$REPO" -pl migrate-benchmarks dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$ROOT/migrate-benchmarks/target/classpath.txt"
VERSION=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -1)
exec java -cp "$ROOT/migrate-benchmarks/target/classes:$(cat "$ROOT/migrate-benchmarks/target/classpath.txt")" \
  dev.migrate.benchmarks.MavenCompileBenchmark --repo-local "$REPO" --version "$VERSION" \
  --work target/bench-compile "$@"
