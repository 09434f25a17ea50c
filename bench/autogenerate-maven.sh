#!/usr/bin/env bash
# Autogenerate through Maven for N JPA entities against a PostgreSQL database at head, beside
# `mvn validate` on the same project (the cost of starting Maven at all); the line in
# docs/PERFORMANCE.md comes from here.
#
#   bench/autogenerate-maven.sh               # 200 entities, medians of 3
#   ENTITIES=50 RUNS=5 bench/autogenerate-maven.sh
#   SKIP_INSTALL=1 bench/autogenerate-maven.sh   # migrate already installed in the repository below
#
# Then the same comparison in one JVM without Maven (AutogenerateInProcess, IN_PROCESS_RUNS=5 runs):
# the first run cold, and the median of the later ones; then again in a new JVM with the model cache.
#
# It installs migrate into a PRIVATE Maven repository (BENCH_REPO_LOCAL, default target/bench-m2,
# seeded from ~/.m2/repository on first use, as bench/run.sh does), generates a project under
# target/bench-autogen (Hibernate ORM 7.4 as the project's dependency, the processor, the plugin),
# creates its database bench_autogen_<pid> on MIGRATE_TEST_POSTGRES_URL's server (psql), writes the
# first revision with autogenerate and upgrades to it, then times, RUNS times each and alternating,
# `mvn -q validate` and `mvn -q migrate:revision -Dmigrate.autogenerate` (which finds no change and
# writes nothing): with its caches, with the remembered model read forgotten, and with target/migrate
# emptied first. The database is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${ENTITIES:-200}
RUNS=${RUNS:-3}
REPO=${BENCH_REPO_LOCAL:-$ROOT/target/bench-m2}
SERVER=${MIGRATE_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
VERSION=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)

if [ ! -d "$REPO" ]; then
  mkdir -p "$REPO"
  [ -d "$HOME/.m2/repository" ] && cp -r "$HOME/.m2/repository/." "$REPO/" && rm -rf "$REPO/dev/migrate"
fi
if [ -z "${SKIP_INSTALL:-}" ]; then
  echo "bench: installing migrate $VERSION into $REPO"
  mvn -B -q -Dmaven.repo.local="$REPO" -pl migrate-maven-plugin,migrate-processor -am install -DskipTests -DskipITs -Dinvoker.skip=true
fi

# jdbc:postgresql://host:port/db?user=u  ->  psql's host, port, user
HOSTPORT=$(echo "$SERVER" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')
HOST=${HOSTPORT%%:*}; PORT=${HOSTPORT##*:}; [ "$PORT" = "$HOST" ] && PORT=5432
PGUSER_=$(echo "$SERVER" | sed -nE 's#.*[?&]user=([^&]+).*#\1#p'); PGUSER_=${PGUSER_:-postgres}
DB=bench_autogen_$$
URL="jdbc:postgresql://$HOST:$PORT/$DB?user=$PGUSER_"
psql_() { psql -q -h "$HOST" -p "$PORT" -U "$PGUSER_" -d postgres -c "$1" >/dev/null; }
psql_ "CREATE DATABASE $DB"
trap 'psql_ "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true' EXIT

WORK=$ROOT/target/bench-autogen
rm -rf "$WORK"; mkdir -p "$WORK/src/main/java/bench/model"
cat > "$WORK/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>autogenerate-$N</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <migrate.url>$URL</migrate.url>
    <migrate.package>bench.db</migrate.package>
  </properties>
  <dependencies>
    <dependency><groupId>dev.migrate</groupId><artifactId>migrate-core</artifactId><version>$VERSION</version></dependency>
    <dependency><groupId>org.hibernate.orm</groupId><artifactId>hibernate-core</artifactId><version>7.4.16.Final</version></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
        <configuration><annotationProcessorPaths><path>
          <groupId>dev.migrate</groupId><artifactId>migrate-processor</artifactId><version>$VERSION</version>
        </path></annotationProcessorPaths></configuration>
      </plugin>
      <plugin><groupId>dev.migrate</groupId><artifactId>migrate-maven-plugin</artifactId><version>$VERSION</version></plugin>
    </plugins>
  </build>
</project>
EOF
# Entity i: identity key, three columns, an index, a foreign key to entity i-1.
for i in $(seq 1 "$N"); do
  PARENT=""
  [ "$i" -gt 1 ] && PARENT="    @ManyToOne Entity$((i - 1)) parent;"
  cat > "$WORK/src/main/java/bench/model/Entity$i.java" <<EOF
package bench.model;

import jakarta.persistence.*;

@Entity
@Table(name = "entity_$i", indexes = @Index(name = "ix_entity_${i}_code", columnList = "code"))
public class Entity$i {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @Column(nullable = false, length = 80) String code;
    @Column(precision = 10, scale = 2) java.math.BigDecimal amount;
    java.time.OffsetDateTime createdAt;
$PARENT
}
EOF
done

MVN=(mvn -B -q -o -Dmaven.repo.local="$REPO" -f "$WORK/pom.xml")
echo "bench: $N entities; first revision and upgrade"
"${MVN[@]}" compile migrate:revision -Dmigrate.autogenerate -Dmigrate.message=create_entities >/dev/null
"${MVN[@]}" compile migrate:upgrade >/dev/null

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $s" | bc; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
# Four variants, alternated: validate; autogenerate with the caches (target/migrate) the previous
# run left, as every run after the first while the project's classes are unchanged (the model read
# is remembered: Hibernate is not started); with only the model read forgotten, as the first run
# after an entity or any other class changed (Hibernate reads the entities, the tables' snapshots
# come from the cache); and with target/migrate emptied first, as the first run after `mvn clean`
# (the model is also built in the database's scratch schema).
VALIDATE=(); AUTOGEN=(); READ=(); UNCACHED=()
for r in $(seq 1 "$RUNS"); do
  VALIDATE+=("$(seconds "${MVN[@]}" validate)")
  AUTOGEN+=("$(seconds "${MVN[@]}" migrate:revision -Dmigrate.autogenerate -Dmigrate.message=nothing)")
  rm -f "$WORK"/target/migrate/model-read-*.cache
  READ+=("$(seconds "${MVN[@]}" migrate:revision -Dmigrate.autogenerate -Dmigrate.message=nothing)")
  rm -rf "$WORK/target/migrate"
  UNCACHED+=("$(seconds "${MVN[@]}" migrate:revision -Dmigrate.autogenerate -Dmigrate.message=nothing)")
done
# The database is at head and the entities unchanged: nothing may have been written.
WRITTEN=$(find "$WORK/src/main/java/bench/db" -name '*.java' | wc -l)
[ "$WRITTEN" -eq 1 ] || { echo "bench: autogenerate wrote a revision for an unchanged model" >&2; exit 1; }
V=$(median "${VALIDATE[@]}"); A=$(median "${AUTOGEN[@]}"); R=$(median "${READ[@]}"); U=$(median "${UNCACHED[@]}")
echo "mvn validate:                                   ${VALIDATE[*]}  median $V s"
echo "mvn migrate:revision -Dmigrate.autogenerate:    ${AUTOGEN[*]}  median $A s"
echo "  the same, entities read again (a class changed): ${READ[*]}  median $R s"
echo "  the same, target/migrate emptied first:       ${UNCACHED[*]}  median $U s"
echo "autogenerate over validate ($N entities):       $(echo "$A - $V" | bc) s unchanged project;" \
  "$(echo "$R - $V" | bc) s entities read again; $(echo "$U - $V" | bc) s target/migrate emptied"

# The same in one JVM, without Maven (AutogenerateInProcess): the project's classes and dependencies,
# migrate-hibernate, and the benchmark class; the first run cold, then the median of the rest.
if [ -z "${SKIP_INSTALL:-}" ]; then
  mvn -B -q -Dmaven.repo.local="$REPO" -pl migrate-hibernate,migrate-benchmarks install -DskipTests -DskipITs
fi
# Not offline: a fresh private repository may not hold maven-dependency-plugin yet.
mvn -B -q -Dmaven.repo.local="$REPO" -f "$WORK/pom.xml" dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
HIBERNATE_JAR="$REPO/dev/migrate/migrate-hibernate/$VERSION/migrate-hibernate-$VERSION.jar"
# The plugin brings the PostgreSQL driver; the project does not declare it.
DRIVER_JAR=$(ls "$REPO"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
java ${IN_PROCESS_JAVA_OPTS:-} -cp "$ROOT/migrate-benchmarks/target/classes:$WORK/target/classes:$HIBERNATE_JAR:$DRIVER_JAR:$(cat "$WORK/cp.txt")" \
  dev.migrate.benchmarks.autogenerate.AutogenerateInProcess "$WORK/target/classes" "$URL" "${IN_PROCESS_RUNS:-5}"
java ${IN_PROCESS_JAVA_OPTS:-} -cp "$ROOT/migrate-benchmarks/target/classes:$WORK/target/classes:$HIBERNATE_JAR:$DRIVER_JAR:$(cat "$WORK/cp.txt")" \
  dev.migrate.benchmarks.autogenerate.AutogenerateInProcess "$WORK/target/classes" "$URL" "${IN_PROCESS_RUNS:-5}" cached
