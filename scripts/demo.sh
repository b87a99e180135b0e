#!/usr/bin/env bash
# The main job on the embedded default: builds Parley, starts a local
# single-node Kafka broker (KRaft) and parleyd on 127.0.0.1, publishes every
# article in seeds/ (or in the directory given: scripts/demo.sh DIR), prints a
# few typed queries, then keeps serving gRPC on 127.0.0.1:50051 until Ctrl-C.
#
# Env: PARLEY_KAFKA_PORT (default 9092), PARLEY_GRPC (default 127.0.0.1:50051),
#      PARLEY_STATE_DIR (default .parley/ in the repository).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${PARLEY_BUILD_DIR:-${root}/build}"
state_dir="${PARLEY_STATE_DIR:-${root}/.parley}"
kafka_port="${PARLEY_KAFKA_PORT:-9092}"
grpc_address="${PARLEY_GRPC:-127.0.0.1:50051}"
topic=articles
articles_dir="${1:-${root}/seeds}"
[[ -d "${articles_dir}" ]] || { echo "demo: ${articles_dir} is not a directory" >&2; exit 2; }

"${root}/scripts/setup.sh" "${build_dir}" parleyd parleyctl
parleyd="${build_dir}/services/parleyd"
parleyctl="${build_dir}/services/parleyctl"
mkdir -p "${state_dir}"

parleyd_pid=""
cleanup() {
  trap - INT TERM EXIT
  if [[ -n "${parleyd_pid}" ]]; then
    kill -TERM "${parleyd_pid}" 2>/dev/null || true
    wait "${parleyd_pid}" 2>/dev/null || true
  fi
  "${root}/deploy/local/kafka.sh" stop --data-dir "${state_dir}/kafka" >/dev/null 2>&1 || true
  echo "demo: stopped (state kept in ${state_dir})"
}
trap cleanup INT TERM EXIT

echo "demo: starting Kafka on 127.0.0.1:${kafka_port} (first run fetches the jars with Maven)"
brokers="$("${root}/deploy/local/kafka.sh" start --port "${kafka_port}" \
  --data-dir "${state_dir}/kafka" | head -n 1)"
"${root}/deploy/local/kafka.sh" create-topic "${topic}" --data-dir "${state_dir}/kafka" >/dev/null
"${root}/deploy/local/kafka.sh" create-topic "${topic}.dlq" --data-dir "${state_dir}/kafka" >/dev/null

echo "demo: starting parleyd (gRPC on ${grpc_address}, log ${state_dir}/parleyd.log)"
"${parleyd}" --brokers "${brokers}" --topic "${topic}" --data-dir "${state_dir}/store" \
  --listen "${grpc_address}" --group-id parleyd-demo >>"${state_dir}/parleyd.log" 2>&1 &
parleyd_pid=$!

articles=()
for file in "${articles_dir}"/*; do
  case "${file}" in *.gold.json) continue ;; esac
  articles+=("${file}")
done
"${parleyctl}" publish --brokers "${brokers}" --topic "${topic}" "${articles[@]}"

ctl() { "${parleyctl}" --server "${grpc_address}" "$@"; }
echo "demo: waiting for the articles to be ingested"
for id in "${articles[@]}"; do
  id="$(basename "${id}")"; id="${id%.*}"
  for _ in $(seq 1 120); do
    ctl event "${id}" >/dev/null 2>&1 && break
    kill -0 "${parleyd_pid}" 2>/dev/null || { tail -20 "${state_dir}/parleyd.log"; exit 1; }
    sleep 0.5
  done
done

run() { echo; echo "\$ parleyctl $*"; ctl "$@" || true; }
run events
run events --participant "Su-Kwang Kim" --from 2023-02-01 --to 2023-02-28
run search "park"
run quotes --speaker "Francesco Diella" --contains cyber
run participant diella-francesco
echo
echo "demo: parleyd keeps serving gRPC on ${grpc_address}; try"
echo "  ${parleyctl} --server ${grpc_address} events --country KR --json"
echo "demo: Ctrl-C to stop."
wait "${parleyd_pid}"
