#!/usr/bin/env bash
# End-to-end test with clients nobody on the project wrote:
#   - kcat (librdkafka's CLI, from Debian) publishes a seed article to a real Kafka 4 broker,
#   - grpcurl lists parleyd's services through server reflection, checks health,
#     and calls parley.v1.Parley/ListEvents until the extracted event shows up,
#   - a Python grpcio client (PyPI; stubs generated from proto/ by grpcio-tools)
#     watches events stored and deleted (kcat tombstone) and resumes from a cursor.
#
# Usage: tests/e2e/third_party_clients_test.sh [--parleyd PATH] [--source-dir DIR]
# Env:   PARLEYD            parleyd binary (required unless --parleyd)
#        PARLEY_SOURCE_DIR  repo root (default: two levels above this script)
#        GRPCURL            grpcurl binary (default: scripts/install-grpcurl.sh finds/builds it)
#        PARLEY_E2E_TIMEOUT seconds to wait for the event (default 60)
#        PARLEY_E2E_KEEP=1  keep the temp dir (logs, data) for debugging
#        PARLEY_PY_VENV     virtualenv for grpcio (default ~/.cache/parley/py-grpc; made once)
# Output ends with "N passed, M failed"; exit status is non-zero on any failure.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PARLEYD="${PARLEYD:-}"
SOURCE_DIR="${PARLEY_SOURCE_DIR:-$(cd "${SCRIPT_DIR}/../.." && pwd)}"
EVENT_TIMEOUT="${PARLEY_E2E_TIMEOUT:-60}"
readonly SEED_ID=000_aefde3dc521e8719
readonly TOPIC=articles
readonly DLQ_TOPIC=articles.dlq

while [[ $# -gt 0 ]]; do
  case "$1" in
    --parleyd) PARLEYD="$2"; shift 2 ;;
    --source-dir) SOURCE_DIR="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

log() { printf '[e2e] %s\n' "$*" >&2; }
fatal() { printf '[e2e] FATAL: %s\n' "$*" >&2; exit 1; }

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); printf 'PASS: %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL: %s\n' "$1"; [[ $# -lt 2 ]] || printf '      %s\n' "$2"; }

KAFKA_SH="${SOURCE_DIR}/deploy/local/kafka.sh"
SEED="${SOURCE_DIR}/seeds/${SEED_ID}.txt"
[[ -n "${PARLEYD}" ]] || fatal "set PARLEYD (or --parleyd) to the parleyd binary"
[[ -x "${PARLEYD}" ]] || fatal "parleyd not executable: ${PARLEYD}"
[[ -x "${KAFKA_SH}" ]] || fatal "missing ${KAFKA_SH} (is PARLEY_SOURCE_DIR right? ${SOURCE_DIR})"
[[ -f "${SEED}" ]] || fatal "missing seed article ${SEED}"
command -v kcat >/dev/null 2>&1 || fatal "kcat not found (apt-get install kcat)"
command -v python3 >/dev/null 2>&1 || fatal "python3 not found"
if [[ -z "${GRPCURL:-}" ]]; then
  GRPCURL="$("${SOURCE_DIR}/scripts/install-grpcurl.sh")" || fatal "grpcurl unavailable (scripts/install-grpcurl.sh failed)"
fi
[[ -x "${GRPCURL}" ]] || fatal "grpcurl not executable: ${GRPCURL}"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/parley-e2e.XXXXXX")"
KAFKA_DIR="${WORK}/kafka"
PARLEYD_DIR="${WORK}/parleyd"
PARLEYD_LOG="${WORK}/parleyd.log"
PARLEYD_PID=""
mkdir -p "${KAFKA_DIR}" "${PARLEYD_DIR}"

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
  local rc=$?
  set +e
  if [[ -n "${PARLEYD_PID}" ]] && kill -0 "${PARLEYD_PID}" 2>/dev/null; then
    kill -TERM "${PARLEYD_PID}" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "${PARLEYD_PID}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${PARLEYD_PID}" 2>/dev/null
    wait "${PARLEYD_PID}" 2>/dev/null
  fi
  "${KAFKA_SH}" stop --data-dir "${KAFKA_DIR}" >/dev/null 2>&1
  if (( FAILED > 0 || rc != 0 )) && [[ -s "${PARLEYD_LOG}" ]]; then
    echo "----- last lines of parleyd log -----" >&2
    tail -n 40 "${PARLEYD_LOG}" >&2
  fi
  if [[ "${PARLEY_E2E_KEEP:-0}" == 1 ]]; then
    log "kept ${WORK}"
  else
    rm -rf "${WORK}"
  fi
  exit "${rc}"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Print the summary and exit with the right status (cleanup runs from the EXIT trap).
finish() {
  printf '%d passed, %d failed\n' "${PASSED}" "${FAILED}"
  if (( FAILED > 0 )); then exit 1; fi
  exit 0
}

KAFKA_PORT="$(free_port)"
GRPC_PORT="$(free_port)"
while [[ "${GRPC_PORT}" == "${KAFKA_PORT}" ]]; do GRPC_PORT="$(free_port)"; done
GRPC_ADDR="127.0.0.1:${GRPC_PORT}"

# --- Kafka -------------------------------------------------------------------------------------
log "starting Kafka on 127.0.0.1:${KAFKA_PORT} (data ${KAFKA_DIR})"
if ! BOOTSTRAP="$("${KAFKA_SH}" start --port "${KAFKA_PORT}" --data-dir "${KAFKA_DIR}" | head -n 1)" \
    || [[ "${BOOTSTRAP}" != "127.0.0.1:${KAFKA_PORT}" ]]; then
  fail "kafka broker starts" "kafka.sh start failed or printed '${BOOTSTRAP:-}'"
  finish
fi
pass "kafka broker starts at ${BOOTSTRAP}"
# Create the topics up front so the consumer's subscription resolves immediately.
"${KAFKA_SH}" create-topic "${TOPIC}" --data-dir "${KAFKA_DIR}" >&2 || { fail "create topic ${TOPIC}"; finish; }
"${KAFKA_SH}" create-topic "${DLQ_TOPIC}" --data-dir "${KAFKA_DIR}" >&2 || { fail "create topic ${DLQ_TOPIC}"; finish; }

# --- parleyd -----------------------------------------------------------------------------------
log "starting parleyd on ${GRPC_ADDR}"
"${PARLEYD}" --brokers "${BOOTSTRAP}" --topic "${TOPIC}" --dlq-topic "${DLQ_TOPIC}" \
  --data-dir "${PARLEYD_DIR}" --listen "${GRPC_ADDR}" >"${PARLEYD_LOG}" 2>&1 </dev/null &
PARLEYD_PID=$!

SERVICES=""
deadline=$((SECONDS + 30))
while (( SECONDS < deadline )); do
  if ! kill -0 "${PARLEYD_PID}" 2>/dev/null; then break; fi
  if SERVICES="$("${GRPCURL}" -plaintext -max-time 3 "${GRPC_ADDR}" list 2>"${WORK}/grpcurl.err")"; then break; fi
  SERVICES=""
  sleep 0.3
done
if [[ -z "${SERVICES}" ]]; then
  if kill -0 "${PARLEYD_PID}" 2>/dev/null; then
    fail "parleyd serves gRPC with reflection" "grpcurl list failed for 30s: $(tail -n 2 "${WORK}/grpcurl.err" 2>/dev/null | tr '\n' ' ')"
  else
    fail "parleyd serves gRPC with reflection" "parleyd exited early (see log below)"
  fi
  finish
fi
pass "parleyd serves gRPC with reflection on ${GRPC_ADDR}"

has_service() { grep -qxF "$1" <<<"${SERVICES}"; }
for svc in parley.v1.Parley grpc.health.v1.Health; do
  if has_service "${svc}"; then pass "grpcurl list shows ${svc}"; else fail "grpcurl list shows ${svc}" "got: $(tr '\n' ' ' <<<"${SERVICES}")"; fi
done
if has_service grpc.reflection.v1.ServerReflection || has_service grpc.reflection.v1alpha.ServerReflection; then
  pass "grpcurl list shows the reflection service"
else
  fail "grpcurl list shows the reflection service" "got: $(tr '\n' ' ' <<<"${SERVICES}")"
fi

if methods="$("${GRPCURL}" -plaintext -max-time 5 "${GRPC_ADDR}" list parley.v1.Parley 2>&1)" \
    && grep -qxF parley.v1.Parley.ListEvents <<<"${methods}"; then
  pass "reflection describes parley.v1.Parley.ListEvents"
else
  fail "reflection describes parley.v1.Parley.ListEvents" "got: $(tr '\n' ' ' <<<"${methods}")"
fi

if health="$("${GRPCURL}" -plaintext -max-time 5 -d '{}' "${GRPC_ADDR}" grpc.health.v1.Health/Check 2>&1)" \
    && python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin).get("status") == "SERVING" else 1)' <<<"${health}"; then
  pass "grpc.health.v1.Health/Check is SERVING"
else
  fail "grpc.health.v1.Health/Check is SERVING" "got: $(tr '\n' ' ' <<<"${health}")"
fi

# --- publish with kcat -------------------------------------------------------------------------
# A file given as an argument to kcat -P is sent as ONE message (stdin would be split on newlines).
if kcat -P -b "${BOOTSTRAP}" -t "${TOPIC}" -k "${SEED_ID}" "${SEED}"; then
  pass "kcat publishes ${SEED_ID} to ${TOPIC}"
else
  fail "kcat publishes ${SEED_ID} to ${TOPIC}"
  finish
fi
if echo_back="$(kcat -C -b "${BOOTSTRAP}" -t "${TOPIC}" -o beginning -e -q -f '%k %S\n' 2>&1)" \
    && [[ "${echo_back}" == "${SEED_ID} $(wc -c <"${SEED}" | tr -d ' ')" ]]; then
  pass "topic holds exactly one message: the whole seed file under its key"
else
  fail "topic holds exactly one message: the whole seed file under its key" "kcat -C saw: ${echo_back}"
fi

# --- ListEvents until the event appears --------------------------------------------------------
RESPONSE="${WORK}/list_events.json"
found=0
deadline=$((SECONDS + EVENT_TIMEOUT))
while (( SECONDS < deadline )); do
  if ! kill -0 "${PARLEYD_PID}" 2>/dev/null; then
    log "parleyd exited while waiting for the event"
    break
  fi
  if "${GRPCURL}" -plaintext -max-time 5 -d '{}' "${GRPC_ADDR}" parley.v1.Parley/ListEvents \
        >"${RESPONSE}" 2>"${WORK}/grpcurl.err" \
      && python3 - "${RESPONSE}" "events/${SEED_ID}" <<'EOF'
import json, sys
with open(sys.argv[1]) as f:
    resp = json.load(f)
sys.exit(0 if any(e.get("name") == sys.argv[2] for e in resp.get("events", [])) else 1)
EOF
  then
    found=1
    break
  fi
  sleep 1
done
if (( found )); then
  pass "ListEvents returns events/${SEED_ID}"
else
  fail "ListEvents returns events/${SEED_ID} within ${EVENT_TIMEOUT}s" \
    "last response: $(head -c 400 "${RESPONSE}" 2>/dev/null) $(head -c 400 "${WORK}/grpcurl.err" 2>/dev/null)"
  finish
fi

# Field checks on the returned event, with a JSON parser rather than text matching.
check_event() {
  local what="$1" expr="$2" detail
  if detail="$(python3 - "${RESPONSE}" "events/${SEED_ID}" "${expr}" <<'EOF'
import json, sys
with open(sys.argv[1]) as f:
    resp = json.load(f)
ev = next(e for e in resp.get("events", []) if e.get("name") == sys.argv[2])
ok = eval(sys.argv[3], {"ev": ev})
if not ok:
    print(json.dumps({k: ev.get(k) for k in ("name", "article", "type", "startDate", "participants")})[:600])
sys.exit(0 if ok else 1)
EOF
)"; then
    pass "${what}"
  else
    fail "${what}" "${detail}"
  fi
}
check_event "event type is STAFF_TALKS" 'ev.get("type") == "STAFF_TALKS"'
check_event "event article is articles/${SEED_ID}" "ev.get('article') == 'articles/${SEED_ID}'"
check_event "participants include Francesco Diella" \
  'any(p.get("name") == "Francesco Diella" for p in ev.get("participants", []))'

# --- a Python grpcio client watches and resumes from a cursor ----------------------------------
VENV="${PARLEY_PY_VENV:-${HOME}/.cache/parley/py-grpc}"
if ! "${VENV}/bin/python" -c 'import grpc, grpc_tools' 2>/dev/null; then
  log "installing grpcio and grpcio-tools from PyPI into ${VENV}"
  python3 -m venv "${VENV}" >&2 && "${VENV}/bin/pip" install -q grpcio grpcio-tools >&2 \
    || { fail "grpcio installs from PyPI"; finish; }
fi
STUBS="${WORK}/py-stubs"
mkdir -p "${STUBS}"
if "${VENV}/bin/python" -m grpc_tools.protoc -I "${SOURCE_DIR}/proto" --python_out="${STUBS}" \
     --grpc_python_out="${STUBS}" "${SOURCE_DIR}/proto/parley/v1/event.proto" \
     "${SOURCE_DIR}/proto/parley/v1/parley_service.proto" 2>"${WORK}/protoc.err"; then
  pass "grpcio-tools generates Python stubs from proto/"
else
  fail "grpcio-tools generates Python stubs from proto/" "$(head -c 400 "${WORK}/protoc.err")"
  finish
fi
py_client() {
  "${VENV}/bin/python" "${SCRIPT_DIR}/watch_client.py" --server "${GRPC_ADDR}" --stubs "${STUBS}" "$@"
}
CURSOR="$(py_client list-cursor)"
for n in 1 2; do
  printf '{"id": "py-watch-%s", "title": "Talks %s", "body": "General Anna Berg met Admiral Carl Dahl in Oslo on 3 March 2024."}' \
    "${n}" "${n}" | kcat -P -b "${BOOTSTRAP}" -t "${TOPIC}" -k "py-watch-${n}"
done
# A tombstone: the article id as key and a null value (-Z sends empty as null).
printf 'py-watch-1:' | kcat -P -b "${BOOTSTRAP}" -t "${TOPIC}" -K: -Z
WATCHED="$(py_client watch --after "${CURSOR}" --count 3 2>"${WORK}/py.err" || true)"
if [[ "$(cut -d' ' -f1,2 <<<"${WATCHED}")" == "$(printf 'CHANGE_TYPE_STORED events/py-watch-1\nCHANGE_TYPE_STORED events/py-watch-2\nCHANGE_TYPE_DELETED events/py-watch-1')" ]]; then
  pass "grpcio watch from ListEvents' cursor sees two stores and a deletion, in order"
else
  fail "grpcio watch from ListEvents' cursor sees two stores and a deletion, in order" \
    "got: $(tr '\n' '|' <<<"${WATCHED}") $(head -c 300 "${WORK}/py.err")"
fi
FIRST_CURSOR="$(sed -n 1p <<<"${WATCHED}" | cut -d' ' -f3)"
RESUMED="$(py_client watch --after "${FIRST_CURSOR}" --count 2 2>>"${WORK}/py.err" || true)"
if [[ -n "${FIRST_CURSOR}" && "${RESUMED}" == "$(sed -n 2,3p <<<"${WATCHED}")" ]]; then
  pass "grpcio watch resumed from a cursor gets exactly the changes after it"
else
  fail "grpcio watch resumed from a cursor gets exactly the changes after it" \
    "got: $(tr '\n' '|' <<<"${RESUMED}")"
fi

if kill -0 "${PARLEYD_PID}" 2>/dev/null; then
  pass "parleyd still running after the test"
else
  fail "parleyd still running after the test"
fi

finish
