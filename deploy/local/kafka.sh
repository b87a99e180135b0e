#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, combined broker+controller) for development and tests.
#
#   deploy/local/kafka.sh start  [--port N] [--data-dir DIR]
#   deploy/local/kafka.sh stop   [--data-dir DIR]
#   deploy/local/kafka.sh status [--data-dir DIR]
#   deploy/local/kafka.sh create-topic NAME [--partitions N] [--data-dir DIR]
#
# start: prints the bootstrap address (127.0.0.1:PORT) as the FIRST line of stdout and returns
#        once the broker answers a metadata request. Everything else goes to stderr.
#        Reuses an existing data dir (same cluster id, same topics); formats it on first use only.
#        Without --port: the port stored in the data dir from its last start, else 9092.
#        Already running on that data dir: prints its address and returns 0.
# stop:  SIGTERM, wait, SIGKILL; returns once the broker is gone. Idempotent.
# status: prints the address and exits 0 when running, exits 1 otherwise.
# create-topic: creates NAME (default 1 partition, replication factor 1) on the running broker
#        of that data dir; no-op if it exists. Topics are also auto-created on first produce.
#
# Jars come from Maven (deploy/local/pom.xml) into a cache reused across runs:
#   ${PARLEY_KAFKA_CACHE:-~/.cache/parley/kafka-4.1.1}/libs
# Environment knobs: PARLEY_KAFKA_CACHE, PARLEY_KAFKA_HEAP (default "-Xms256m -Xmx512m"),
#   PARLEY_KAFKA_START_TIMEOUT (seconds, default 90), JAVA_HOME.
set -euo pipefail

readonly KAFKA_VERSION=4.1.1
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
readonly REPO_ROOT
CACHE_DIR="${PARLEY_KAFKA_CACHE:-${XDG_CACHE_HOME:-${HOME}/.cache}/parley/kafka-${KAFKA_VERSION}}"
readonly CACHE_DIR
readonly LIBS_DIR="${CACHE_DIR}/libs"
readonly START_TIMEOUT="${PARLEY_KAFKA_START_TIMEOUT:-90}"
readonly HEAP_OPTS="${PARLEY_KAFKA_HEAP:--Xms256m -Xmx512m}"
readonly NODE_ID=1

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: kafka.sh start  [--port N] [--data-dir DIR]
       kafka.sh stop   [--data-dir DIR]
       kafka.sh status [--data-dir DIR]
       kafka.sh create-topic NAME [--partitions N] [--data-dir DIR]
EOF
  exit 2
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    printf '%s\n' "${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found (need Java 17+; e.g. apt-get install openjdk-17-jre-headless)"
  fi
}

# Fetch the broker classpath once; later runs reuse the cache (refetched when pom.xml changes).
ensure_libs() {
  local want
  want="$(sha256sum "${SCRIPT_DIR}/pom.xml" | cut -d' ' -f1)"
  if [[ -f "${LIBS_DIR}/.complete" && "$(<"${LIBS_DIR}/.complete")" == "${want}" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found (needed once to fetch Kafka jars; apt-get install maven)"
  log "fetching Kafka ${KAFKA_VERSION} jars with Maven into ${LIBS_DIR} (first run only)"
  mkdir -p "${CACHE_DIR}"
  local tmp
  tmp="$(mktemp -d "${CACHE_DIR}/libs.tmp.XXXXXX")"
  if ! mvn -q -B -Dstyle.color=never -f "${SCRIPT_DIR}/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="${tmp}" >&2; then
    rm -rf "${tmp}"
    die "Maven could not fetch the Kafka jars (see output above)"
  fi
  ls "${tmp}"/kafka_2.13-*.jar >/dev/null 2>&1 || { rm -rf "${tmp}"; die "Maven finished but kafka_2.13 jar is missing"; }
  printf '%s\n' "${want}" >"${tmp}/.complete"
  rm -rf "${LIBS_DIR}"
  mv "${tmp}" "${LIBS_DIR}"
}

ensure_kcat() {
  command -v kcat >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "kcat not found; installing it with apt-get"
    { apt-get install -y -q kcat || { apt-get update -q && apt-get install -y -q kcat; }; } >&2 \
      || die "could not install kcat"
  else
    die "kcat not found (apt-get install kcat)"
  fi
}

port_is_free() {
  python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

pick_free_port() {
  python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Echo the broker pid if the pid file names a live java process using this data dir.
running_pid() {
  local pid_file="${DATA_DIR}/kafka.pid" pid
  [[ -f "${pid_file}" ]] || return 1
  pid="$(<"${pid_file}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  # Guard against a recycled pid: the command line must mention our config file.
  if [[ -r "/proc/${pid}/cmdline" ]]; then
    tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF "${DATA_DIR}/server.properties" || return 1
  fi
  printf '%s\n' "${pid}"
}

broker_answers() {
  # A real metadata request; succeeds once the broker is up and has registered itself.
  local out
  out="$(kcat -L -b "127.0.0.1:$1" -m 5 -J 2>/dev/null)" || return 1
  python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
sys.exit(0 if d.get("brokers") else 1)' <<<"${out}"
}

write_configs() {
  local port="$1" cport="$2"
  cat >"${DATA_DIR}/server.properties" <<EOF
# Generated by deploy/local/kafka.sh on every start; edits are overwritten.
process.roles=broker,controller
node.id=${NODE_ID}
controller.quorum.voters=${NODE_ID}@127.0.0.1:${cport}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${cport}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${DATA_DIR}/logs
num.partitions=1
default.replication.factor=1
auto.create.topics.enable=true
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Room for oversized test messages (Parley rejects them itself, with a reason).
message.max.bytes=67108864
replica.fetch.max.bytes=67108864
num.network.threads=2
num.io.threads=4
log.retention.hours=168
EOF
  cat >"${DATA_DIR}/log4j2.properties" <<'EOF'
# Generated by deploy/local/kafka.sh. Broker logs go to ${sys:kafka.logs.dir}/server.log.
status = warn
appender.file.type = RollingFile
appender.file.name = FILE
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.filePattern = ${sys:kafka.logs.dir}/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = INFO
logger.request.name = kafka.request.logger
logger.request.level = WARN
EOF
}

log_tail() {
  local f
  for f in "${DATA_DIR}/kafka.out" "${DATA_DIR}/log/server.log"; do
    if [[ -s "${f}" ]]; then
      printf -- '----- last lines of %s -----\n' "${f}" >&2
      tail -n 40 "${f}" >&2
    fi
  done
}

cmd_start() {
  local port="$1" pid cport java cluster_id
  mkdir -p "${DATA_DIR}"

  if pid="$(running_pid)"; then
    local cur
    cur="$(<"${DATA_DIR}/port")"
    if [[ -n "${port}" && "${port}" != "${cur}" ]]; then
      die "a broker (pid ${pid}) already runs on ${DATA_DIR} at port ${cur}; stop it first"
    fi
    log "already running (pid ${pid}) on ${DATA_DIR}"
    printf '127.0.0.1:%s\n' "${cur}"
    return 0
  fi
  rm -f "${DATA_DIR}/kafka.pid"

  if [[ -z "${port}" ]]; then
    if [[ -f "${DATA_DIR}/port" ]]; then port="$(<"${DATA_DIR}/port")"; else port=9092; fi
  fi
  if ! [[ "${port}" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then die "invalid port: ${port}"; fi

  command -v python3 >/dev/null 2>&1 || die "python3 not found"
  port_is_free "${port}" || die "port ${port} on 127.0.0.1 is already in use"

  # Controller listener: reuse the stored port when still free, else take a fresh one.
  cport=""
  if [[ -f "${DATA_DIR}/controller.port" ]]; then
    cport="$(<"${DATA_DIR}/controller.port")"
    if [[ "${cport}" == "${port}" ]] || ! port_is_free "${cport}"; then cport=""; fi
  fi
  while [[ -z "${cport}" || "${cport}" == "${port}" ]]; do cport="$(pick_free_port)"; done

  ensure_kcat
  ensure_libs
  java="$(java_bin)"
  mkdir -p "${DATA_DIR}/logs" "${DATA_DIR}/log"
  printf '%s\n' "${port}" >"${DATA_DIR}/port"
  printf '%s\n' "${cport}" >"${DATA_DIR}/controller.port"
  write_configs "${port}" "${cport}"

  local cp="${LIBS_DIR}/*"
  local -a jvm_common=(-Dlog4j2.configurationFile="${DATA_DIR}/log4j2.properties"
                       -Dkafka.logs.dir="${DATA_DIR}/log")

  if [[ ! -f "${DATA_DIR}/logs/meta.properties" ]]; then
    if [[ -f "${DATA_DIR}/cluster.id" ]]; then
      cluster_id="$(<"${DATA_DIR}/cluster.id")"
    else
      cluster_id="$("${java}" "${jvm_common[@]}" -cp "${cp}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
      [[ -n "${cluster_id}" ]] || die "could not generate a cluster id"
      printf '%s\n' "${cluster_id}" >"${DATA_DIR}/cluster.id"
    fi
    log "formatting ${DATA_DIR}/logs (cluster id ${cluster_id})"
    "${java}" "${jvm_common[@]}" -cp "${cp}" kafka.tools.StorageTool format \
        -t "${cluster_id}" -c "${DATA_DIR}/server.properties" --ignore-formatted >&2 \
      || die "formatting the storage failed"
  fi

  log "starting Kafka ${KAFKA_VERSION} on 127.0.0.1:${port} (controller 127.0.0.1:${cport}), data ${DATA_DIR}"
  local -a heap
  read -r -a heap <<<"${HEAP_OPTS}"
  # setsid + nohup: the broker outlives this script and the caller's terminal/process group.
  setsid nohup "${java}" -server "${heap[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Djava.awt.headless=true "${jvm_common[@]}" \
      -cp "${cp}" kafka.Kafka "${DATA_DIR}/server.properties" \
      >"${DATA_DIR}/kafka.out" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "${pid}" >"${DATA_DIR}/kafka.pid"

  local deadline=$((SECONDS + START_TIMEOUT))
  until broker_answers "${port}"; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      log_tail
      rm -f "${DATA_DIR}/kafka.pid"
      die "broker process ${pid} exited during startup (log: ${DATA_DIR}/log/server.log)"
    fi
    if (( SECONDS >= deadline )); then
      log_tail
      kill -KILL "${pid}" 2>/dev/null || true
      rm -f "${DATA_DIR}/kafka.pid"
      die "broker did not answer a metadata request on 127.0.0.1:${port} within ${START_TIMEOUT}s"
    fi
    sleep 0.5
  done
  printf '127.0.0.1:%s\n' "${port}"
  log "ready (pid ${pid}); logs in ${DATA_DIR}/log/server.log"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "${DATA_DIR}/kafka.pid"
    log "not running (${DATA_DIR})"
    return 0
  fi
  log "stopping broker pid ${pid}"
  kill -TERM "${pid}" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "${pid}" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
  if kill -0 "${pid}" 2>/dev/null; then
    log "still alive after 30s; sending SIGKILL"
    kill -KILL "${pid}" 2>/dev/null || true
    while kill -0 "${pid}" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "${DATA_DIR}/kafka.pid"
  log "stopped"
}

cmd_create_topic() {
  local topic="$1" partitions="$2" pid
  [[ -n "${topic}" ]] || usage
  if ! [[ "${partitions}" =~ ^[0-9]+$ ]] || (( partitions < 1 )); then die "invalid partition count: ${partitions}"; fi
  pid="$(running_pid)" || die "no broker running on ${DATA_DIR} (run: kafka.sh start --data-dir ${DATA_DIR})"
  ensure_libs
  cat >"${DATA_DIR}/tools-log4j2.properties" <<'EOF'
status = warn
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
EOF
  "$(java_bin)" -Xmx256m -Dlog4j2.configurationFile="${DATA_DIR}/tools-log4j2.properties" \
      -cp "${LIBS_DIR}/*" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "127.0.0.1:$(<"${DATA_DIR}/port")" --create --if-not-exists \
      --topic "${topic}" --partitions "${partitions}" --replication-factor 1 >&2 \
    || die "could not create topic ${topic}"
  log "topic ${topic} ready (${partitions} partition(s) requested; an existing topic is left as is)"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    printf '127.0.0.1:%s\n' "$(<"${DATA_DIR}/port")"
    log "running (pid ${pid})"
    return 0
  fi
  log "not running (${DATA_DIR})"
  return 1
}

main() {
  [[ $# -ge 1 ]] || usage
  local cmd="$1"; shift
  local port="" data_dir="${REPO_ROOT}/.parley/kafka" topic="" partitions=1
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --partitions) [[ $# -ge 2 ]] || usage; partitions="$2"; shift 2 ;;
      --partitions=*) partitions="${1#*=}"; shift ;;
      --port) [[ $# -ge 2 ]] || usage; port="$2"; shift 2 ;;
      --port=*) port="${1#*=}"; shift ;;
      --data-dir) [[ $# -ge 2 ]] || usage; data_dir="$2"; shift 2 ;;
      --data-dir=*) data_dir="${1#*=}"; shift ;;
      -h|--help) usage ;;
      -*) printf 'kafka.sh: unknown argument: %s\n' "$1" >&2; usage ;;
      *)
        if [[ "${cmd}" == create-topic && -z "${topic}" ]]; then topic="$1"; shift
        else printf 'kafka.sh: unexpected argument: %s\n' "$1" >&2; usage; fi ;;
    esac
  done
  if [[ "${cmd}" == start ]]; then
    mkdir -p "${data_dir}" || die "cannot create data dir ${data_dir}"
  elif [[ ! -d "${data_dir}" ]]; then
    log "not running (no data dir ${data_dir})"
    [[ "${cmd}" == stop ]] && return 0
    [[ "${cmd}" == create-topic ]] && die "no broker running on ${data_dir}"
    return 1
  fi
  DATA_DIR="$(cd "${data_dir}" && pwd)"
  readonly DATA_DIR

  case "${cmd}" in
    start) cmd_start "${port}" ;;
    stop) [[ -z "${port}" ]] || usage; cmd_stop ;;
    status) [[ -z "${port}" ]] || usage; cmd_status ;;
    create-topic) [[ -z "${port}" ]] || usage; cmd_create_topic "${topic}" "${partitions}" ;;
    *) usage ;;
  esac
}

main "$@"
