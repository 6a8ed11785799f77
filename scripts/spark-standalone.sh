#!/usr/bin/env bash
# Runs spark-build through spark-submit on a real Spark standalone cluster on this machine: a master and one worker
# on loopback, executors in their own JVMs, as on a cluster of one node. It tries the README's spark-submit line
# where no Spark distribution is installed: SPARK_HOME is assembled from the Spark jars Maven fetched.
#
#   scripts/spark-standalone.sh OUTPUT STORE PATH...     # e.g. /tmp/parts /tmp/store data
#
# Environment: WORKER_CORES (default 2), EXECUTOR_MEMORY (default 3g), BUILT_AT (an instant for --built-at, to
# compare the store with a local `build --built-at` of the same releases), KEEP_CLUSTER=1 leaves master and worker up.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { echo "usage: scripts/spark-standalone.sh OUTPUT STORE PATH..." >&2; exit 2; }
out="$(realpath -m "$1")"; store="$(realpath -m "$2")"; shift 2
inputs=(); for p in "$@"; do inputs+=("$(realpath "$p")"); done

mvn -B -q -DskipTests package >&2                      # target/pharmakg-*.jar, target/classpath*.txt
app_jar="$(ls target/pharmakg-*.jar | grep -v sources | head -1)"
home="$(mktemp -d /tmp/pharmakg-spark-home.XXXX)"
mkdir -p "$home/jars" "$home/work" "$home/logs"
# a Spark "distribution": spark-core and what it depends on, as Maven resolves them for Spark alone (with Spark's own
# log4j2 binding, as a distribution has it); the application's jars reach the executors through --jars only
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)"
cat > "$home/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-home</artifactId><version>1</version>
  <dependencyManagement><dependencies><dependency><groupId>com.fasterxml.jackson</groupId><artifactId>jackson-bom</artifactId>
    <version>2.21.2</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies><dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId>
    <version>$spark_version</version></dependency></dependencies>
</project>
POM
(cd "$home" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=classpath.txt >&2)
tr ':' '\n' < "$home/classpath.txt" | while read -r j; do ln -s "$j" "$home/jars/"; done

opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
opens="$opens --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
# SPARK_SCALA_VERSION: the launcher that starts executors asks it of a SPARK_HOME that is no source tree
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$home/logs"
spark_cp="$home/jars/*"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# shellcheck disable=SC2086
java $opens -cp "$spark_cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$home/logs/master.log" 2>&1 &
master_pid=$!
# shellcheck disable=SC2086
java $opens -cp "$spark_cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "${WORKER_CORES:-2}" \
  --memory 6g --webui-port 0 --work-dir "$home/work" "spark://127.0.0.1:$port" > "$home/logs/worker.log" 2>&1 &
worker_pid=$!
stop() {
  [ "${KEEP_CLUSTER:-}" = 1 ] && return
  kill "$worker_pid" "$master_pid" 2>/dev/null || true
  wait "$worker_pid" "$master_pid" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 60); do grep -q "Successfully registered with master" "$home/logs/worker.log" && break; sleep 1; done
grep -q "Successfully registered with master" "$home/logs/worker.log" \
  || { echo "spark-standalone: the worker did not register; see $home/logs/worker.log" >&2; exit 3; }
echo "spark-standalone: master spark://127.0.0.1:$port, one worker (${WORKER_CORES:-2} cores); logs in $home/logs" >&2

# spark-submit is `spark-class org.apache.spark.deploy.SparkSubmit`: the README's line as it stands, the dependencies
# (CoreNLP and its models among them) sent to the executors with --jars; Spark adds its --add-opens list to the
# executors' JVMs itself, the driver's is given here as spark-submit's launcher would
jars="$(tr ':' ',' < target/classpath.txt)"
# shellcheck disable=SC2086
java $opens -Xmx3g -cp "$spark_cp" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$port" --deploy-mode client --class org.pharmakg.cli.Main \
  --jars "$jars" \
  --conf "spark.executor.memory=${EXECUTOR_MEMORY:-3g}" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  "$app_jar" spark-build --output "$out" --store "$store" ${BUILT_AT:+--built-at "$BUILT_AT"} "${inputs[@]}"
