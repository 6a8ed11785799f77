#!/usr/bin/env bash
# Runs spark-build through spark-submit on a real Spark standalone cluster on this machine: a master and one worker
# on loopback, executors in their own JVMs, as on a cluster of one node. It tries the README's spark-submit line
# where no Spark distribution is installed: SPARK_HOME is assembled from the Spark jars Maven fetched.
#
#   scripts/spark-standalone.sh OUTPUT STORE PATH...     # e.g. /tmp/parts /tmp/store data
#
# Environment: WORKER_CORES (default 2), EXECUTOR_MEMORY (default 3g), KEEP_CLUSTER=1 leaves master and worker up.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { echo "usage: scripts/spark-standalone.sh OUTPUT STORE PATH..." >&2; exit 2; }
out="$(realpath -m "$1")"; store="$(realpath -m "$2")"; shift 2
inputs=(); for p in "$@"; do inputs+=("$(realpath "$p")"); done

mvn -B -q -DskipTests package >&2                      # target/pharmakg-*.jar, target/classpath*.txt
app_jar="$(ls target/pharmakg-*.jar | grep -v sources | head -1)"
home="$(mktemp -d /tmp/pharmakg-spark-home.XXXX)"
mkdir -p "$home/jars" "$home/work" "$home/logs"
# Spark's jars are those of classpath-spark.txt that the application's own class path lacks
comm -23 <(tr ':' '\n' < target/classpath-spark.txt | sort) <(tr ':' '\n' < target/classpath.txt | sort) \
  | while read -r j; do ln -s "$j" "$home/jars/"; done
app_cp="$(realpath "$app_jar"):$(cat target/classpath.txt)"   # the application and its dependencies, CoreNLP models among them

opens=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done
opens="$opens --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED"
export SPARK_HOME="$home" SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$home/logs"
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

# spark-submit is `spark-class org.apache.spark.deploy.SparkSubmit`: the README's line, with the dependencies on the
# executors' class path (on a real cluster: the same files on every node, or --jars)
# shellcheck disable=SC2086
java $opens -Xmx3g -cp "$spark_cp:$app_cp" org.apache.spark.deploy.SparkSubmit \
  --master "spark://127.0.0.1:$port" --deploy-mode client --class org.pharmakg.cli.Main \
  --conf "spark.executor.extraClassPath=$app_cp" \
  --conf "spark.executor.extraJavaOptions=$opens" \
  --conf "spark.executor.memory=${EXECUTOR_MEMORY:-3g}" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  "$app_jar" spark-build --output "$out" --store "$store" "${inputs[@]}"
