#!/usr/bin/env bash
# The benchmark suite (issue 11): one command that measures extraction, one
# store write against the participant's appearances, end-to-end ingest (local Kafka broker -> parleyd -> RocksDB), ingest into a
# large store, gRPC queries with ghz, and the store's size, open time and
# memory, each against a reference measured in the same run, and writes
# BENCHMARKS.md at the repository root.
#
# Usage: scripts/bench.sh            full run, writes BENCHMARKS.md
#        scripts/bench.sh --smoke    small N, one repetition, short ghz runs;
#                                    writes a temporary file (or $PARLEY_BENCH_OUT)
#                                    and prints it: every stage runs, nothing is
#                                    asserted about the figures.
# Env:   PARLEY_BENCH_N (ingest articles, default 100000; smoke 500)
#        PARLEY_BENCH_STORE_N (articles in the store the store and query figures
#          use, default 1000000; smoke N; at least N)
#        PARLEY_BENCH_MORE_N (articles ingested into that store, default N/5)
#        PARLEY_BENCH_REPS (repetitions, default 3; smoke 1)
#        PARLEY_BENCH_GHZ_SECONDS (per ghz run, default 5; smoke 1)
#        PARLEY_BENCH_STALL_SECONDS (give up when ingest makes no progress for
#          this many whole seconds, default 120)
#        PARLEY_BENCH_OUT, PARLEY_BUILD_DIR, PARLEY_POOL_DIR,
#        PARLEY_BENCH_NO_BUILD=1 (use the built binaries as they are; ctest sets it)
# Everything listens on free 127.0.0.1 ports; state lives in a temporary
# directory removed at exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${PARLEY_BUILD_DIR:-${root}/build}"
pool="${PARLEY_POOL_DIR:-${root}/../shared/corpus/pool}"
mode=full
[[ "${1:-}" == "--smoke" ]] && mode=smoke
if [[ "${mode}" == smoke ]]; then
  n="${PARLEY_BENCH_N:-500}"; reps="${PARLEY_BENCH_REPS:-1}"; ghz_seconds="${PARLEY_BENCH_GHZ_SECONDS:-1}"
  store_n="${PARLEY_BENCH_STORE_N:-${n}}"
  out="${PARLEY_BENCH_OUT:-$(mktemp "${TMPDIR:-/tmp}/parley-bench-smoke.XXXXXX.md")}"
else
  n="${PARLEY_BENCH_N:-100000}"; reps="${PARLEY_BENCH_REPS:-3}"; ghz_seconds="${PARLEY_BENCH_GHZ_SECONDS:-5}"
  store_n="${PARLEY_BENCH_STORE_N:-1000000}"
  out="${PARLEY_BENCH_OUT:-${root}/BENCHMARKS.md}"
fi
((store_n >= n)) || store_n="${n}"
more_n="${PARLEY_BENCH_MORE_N:-$((n / 5 > 0 ? n / 5 : 1))}"
stall_seconds="${PARLEY_BENCH_STALL_SECONDS:-120}"
concurrencies=(1 8 64)
topic=bench

log() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
now_ms() { date +%s%3N; }
calc() { python3 -c "import sys; print(eval(sys.argv[1]))" "$1"; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
report() { python3 "${root}/scripts/bench_report.py" "$@"; }

[[ -d "${pool}" ]] || die "no article pool at ${pool} (set PARLEY_POOL_DIR)"
if [[ "${PARLEY_BENCH_NO_BUILD:-}" != 1 ]]; then
  log "building parleyd, parleyctl, parley-loadgen and the benchmarks"
  nice cmake --build "${build_dir}" -j "${PARLEY_JOBS:-2}" --target parleyd parleyctl \
    parley-loadgen parley_extract_benchmark parley_store_benchmark >&2
fi
parleyd="${build_dir}/services/parleyd"
parleyctl="${build_dir}/services/parleyctl"
loadgen="${build_dir}/tools/parley-loadgen"
extract_bench="${build_dir}/extract/parley_extract_benchmark"
store_bench="${build_dir}/storage/parley_store_benchmark"
for binary in "${parleyd}" "${parleyctl}" "${loadgen}" "${extract_bench}" "${store_bench}"; do
  [[ -x "${binary}" ]] || die "${binary} is not built"
done
command -v kcat >/dev/null || die "kcat not found (scripts/setup.sh installs it)"
ghz="$("${root}/scripts/install-go-tool.sh" ghz github.com/bojand/ghz/cmd/ghz@v0.120.0)"

work="$(mktemp -d "${TMPDIR:-/tmp}/parley-bench.XXXXXX")"
figures="${work}/figures.tsv"
pids=()
cleanup() {
  # parleyd started inside $(...) is not this shell's child: its pid is in
  # the pids file.
  [[ -f "${work}/pids" ]] && mapfile -t -O "${#pids[@]}" pids <"${work}/pids"
  for pid in "${pids[@]}"; do kill -TERM "${pid}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "${pid}" 2>/dev/null || true
  done
  "${root}/deploy/local/kafka.sh" stop --data-dir "${work}/kafka" >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
figure() { printf '%s\t%s\n' "$1" "$2" >>"${figures}"; }

# --- machine -----------------------------------------------------------------
figure mode "${mode}"
figure date "$(date -u '+%Y-%m-%d %H:%M UTC')"
figure nproc "$(nproc)"
figure cpu "$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
figure ram "$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
figure reps "${reps}"
figure n "${n}"
figure ghz_seconds "${ghz_seconds}"
figure concurrencies "${concurrencies[*]}"

# --- extraction: MB/s on one core against an ICU word-break pass ------------
extraction() {
  log "extraction (${reps} repetitions)"
  local json="${work}/extract.json" min_time=0.5
  [[ "${mode}" == smoke ]] && min_time=0.01
  PARLEY_POOL_DIR="${pool}" "${extract_bench}" --benchmark_out="${json}" \
    --benchmark_out_format=json --benchmark_repetitions="${reps}" \
    --benchmark_min_time="${min_time}" >>"${work}/benchmarks.log"
  local extract icu
  extract="$(report gbench "${json}" BM_ExtractPool)"
  icu="$(report gbench "${json}" BM_IcuWordBreakReference)"
  figure extract_mbs "$(calc "${extract} / 1e6")"
  figure icu_mbs "$(calc "${icu} / 1e6")"
}

# --- one store write against the participant's number of appearances --------
store_writes() {
  log "store writes (parley_store_benchmark)"
  local json="${work}/store.json" filter='.*' arg
  [[ "${mode}" == smoke ]] && filter='/(0|1000)$'
  "${store_bench}" --benchmark_out="${json}" --benchmark_out_format=json \
    --benchmark_repetitions="${reps}" --benchmark_filter="${filter}" >>"${work}/benchmarks.log"
  for arg in 0 1000 10000 100000; do
    if grep -q "WithAppearances/${arg}\"" "${json}"; then
      figure "write_us_${arg}" \
        "$(report gbench "${json}" "BM_WriteArticleOfParticipantWithAppearances/${arg}" real_time)"
    fi
  done
}

# --- scale data ----------------------------------------------------------------
generate() {  # generate COUNT SEED FILE
  "${loadgen}" "$1" --articles "${pool}" --seed "$2" --people "${people}" --out "$3" 2>>"${work}/loadgen.log"
}

# The in-process ceiling: the same decoding and extraction on every core,
# without Kafka or RocksDB (parley-loadgen --report).
ceiling() {
  log "in-process extraction ceiling on $(nproc) threads"
  local rates=() line
  for _ in $(seq "${reps}"); do
    line="$("${loadgen}" --report "${work}/ingest.tsv" --threads "$(nproc)" | tail -n 1)"
    rates+=("$(sed -E 's/.*: ([0-9.]+) articles\/s/\1/' <<<"${line}")")
  done
  figure ceiling_rate "$(report median "${rates[@]}")"
}

# --- Kafka ---------------------------------------------------------------------
start_kafka() {
  log "starting the local Kafka broker"
  brokers="$("${root}/deploy/local/kafka.sh" start --port "$(free_port)" \
    --data-dir "${work}/kafka" 2>>"${work}/kafka.log" | head -n 1)"
  broker_pid="$(<"${work}/kafka/kafka.pid")"
  "${root}/deploy/local/kafka.sh" create-topic "${topic}" --partitions 4 \
    --data-dir "${work}/kafka" >/dev/null 2>>"${work}/kafka.log"
  "${root}/deploy/local/kafka.sh" create-topic "${topic}.dlq" \
    --data-dir "${work}/kafka" >/dev/null 2>>"${work}/kafka.log"
}

publish() {  # publish FILE: id<TAB>envelope lines, keyed by id
  log "publishing $(wc -l <"$1") articles"
  kcat -P -b "${brokers}" -t "${topic}" -K $'\t' -l "$1"
}

consumed() {  # consumed METRICS_PORT: parley_messages_consumed_total, 0 if not up
  curl -s --max-time 2 "http://127.0.0.1:$1/metrics" 2>/dev/null |
    awk '$1 == "parley_messages_consumed_total" {v = $2 + 0} END {printf "%d\n", v}'
}

start_parleyd() {  # start_parleyd STORE TAG; sets parleyd_pid, grpc, metrics_port
  grpc="127.0.0.1:$(free_port)"
  metrics_port="$(free_port)"
  "${parleyd}" --brokers "${brokers}" --topic "${topic}" --data-dir "$1" --listen "${grpc}" \
    --metrics-listen "127.0.0.1:${metrics_port}" --group-id "bench-$2-$$-${RANDOM}" \
    >>"${work}/$2.log" 2>&1 &
  parleyd_pid=$!
  pids+=("${parleyd_pid}")
  echo "${parleyd_pid}" >>"${work}/pids"
}

# cpu_ticks PID: user and system CPU of PID so far, its ended threads
# included, in clock ticks (parleyd's and java's names hold no space, so
# stat's fields split on blanks).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
clock_ticks_per_s="$(getconf CLK_TCK)"

# thread_cpu PID: CPU seconds of each live thread of PID so far, summed by
# name without trailing digits, most first ("parley-build 12.1 s, ...").
thread_cpu() {
  python3 - "$1" <<'EOF'
import collections, os, re, sys
pid, hz = sys.argv[1], os.sysconf("SC_CLK_TCK")
seconds = collections.Counter()
for task in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{task}/stat").read()
    except OSError:
        continue  # the thread ended
    name = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()  # from field 3, state
    seconds[re.sub(r"[0-9]+$", "", name)] += (int(fields[11]) + int(fields[12])) / hz
print(", ".join(f"{name} {s:.1f} s" for name, s in seconds.most_common() if s >= 0.05))
EOF
}

stop_parleyd() {
  kill -TERM "${parleyd_pid}" 2>/dev/null || true
  wait "${parleyd_pid}" 2>/dev/null || true
}

# ingest_run STORE EXPECTED TAG [FIRST]: starts parleyd on STORE, waits until
# it has consumed EXPECTED messages (stored or dead-lettered), stops it.
# Prints "rate sustained first_rate hwm_mb": EXPECTED over the time since
# start, over the time since the first consumed one, the rate of the FIRST
# messages after the first one, and parleyd's peak RSS.
ingest_run() {
  local store="$1" expected="$2" tag="$3" first="${4:-0}"
  # Times in integer milliseconds and bash arithmetic: this loop runs ten
  # times a second on the cores parleyd ingests on, and a Python start per
  # turn (0.16 CPU s here) took about half a core from the figure it timed.
  local t0 t c=0 t_first="" c_first=0 t_mark="" last_c=0 t_last
  local broker_ticks0; broker_ticks0="$(cpu_ticks "${broker_pid}")"
  t0="$(now_ms)"; t_last="${t0}"
  start_parleyd "${store}" "${tag}"
  while ((c < expected)); do
    kill -0 "${parleyd_pid}" 2>/dev/null || { tail -n 20 "${work}/${tag}.log" >&2; die "parleyd exited"; }
    c="$(consumed "${metrics_port}")"
    t="$(now_ms)"
    if [[ -z "${t_first}" ]] && ((c > 0)); then t_first="${t}"; c_first="${c}"; fi
    if [[ -z "${t_mark}" ]] && ((first > 0 && c >= first)); then t_mark="${t}"; fi
    if ((c > last_c)); then last_c="${c}"; t_last="${t}"; fi
    if ((t - t_last > stall_seconds * 1000)); then
      die "ingest stalled at ${c} of ${expected} for ${stall_seconds} s ($(grep -c COMMITFAIL "${work}/${tag}.log" || true) failed offset commits; log ${tag}.log)"
    fi
    ((c >= expected)) || sleep 0.1
  done
  local hwm
  hwm="$(awk '/VmHWM/ {print $2 / 1024}' "/proc/${parleyd_pid}/status")"
  {
    printf 'wall %.1f s; broker %.1f s; parleyd %.1f s: ' "$(calc "($(now_ms) - ${t0}) / 1000")" \
      "$(calc "($(cpu_ticks "${broker_pid}") - ${broker_ticks0}) / ${clock_ticks_per_s}")" \
      "$(calc "$(cpu_ticks "${parleyd_pid}") / ${clock_ticks_per_s}")"
    thread_cpu "${parleyd_pid}"
  } >"${work}/${tag}.cpu"
  stop_parleyd
  echo "$(grep -c COMMITFAIL "${work}/${tag}.log" || true)" >>"${work}/commit-failures"
  python3 - "$t0" "${t_first}" "${c_first}" "${t_mark:-$t}" "$t" "${expected}" "${first}" "${hwm}" <<'EOF'
import sys
t0, t_first, c_first, t_mark, t_end, expected, first, hwm = map(float, sys.argv[1:])
t0, t_first, t_mark, t_end = (ms / 1000 for ms in (t0, t_first, t_mark, t_end))
# A rate over a span the 0.1 s polling cannot resolve (a small N consumed
# between two polls) is not a figure: "nan", shown as a dash.
def rate(count, span):
    return f"{count / span:.1f}" if count > 0 and span > 0.5 else "nan"
print(rate(expected, t_end - t0), rate(expected - c_first, t_end - t_first),
      rate(first - c_first, t_mark - t_first) if first > 0 else "nan", f"{hwm:.0f}")
EOF
}

# --- ingest into an empty store, then into a large one ------------------------
ingest_empty() {
  local rates=() sustained=() firsts=() hwms=() r result
  for r in $(seq "${reps}"); do
    log "ingest ${n} articles into an empty store (run ${r}/${reps})"
    rm -rf "${work}/store"
    result="$(ingest_run "${work}/store" "${n}" "ingest-${r}" "${more_n}")"
    read -r rate sust first hwm <<<"${result}"
    rates+=("${rate}"); sustained+=("${sust}"); firsts+=("${first}"); hwms+=("${hwm}")
    log "  ${result} (rate, sustained, first ${more_n}, peak RSS MB)"
  done
  figure ingest_rate "$(report median "${rates[@]}")"
  figure ingest_sustained "$(report median "${sustained[@]}")"
  figure empty_first_rate "$(report median "${firsts[@]}")"
  figure ingest_hwm_mb "$(report median "${hwms[@]}")"
  figure ingest_cpu "$(<"${work}/ingest-1.cpu")"
}

# Grows the last ingest's store to STORE_N articles, then times MORE_N more
# into copies of it. Leaves the query store (STORE_N + MORE_N) in query_store.
ingest_large() {
  if ((store_n > n)); then
    generate "$((store_n - n))" 2 "${work}/grow.tsv"
    cat "${work}/grow.tsv" >>"${work}/all.tsv"
    publish "${work}/grow.tsv"
    rm -f "${work}/grow.tsv"
    log "growing the store to ${store_n} articles"
    local grown; grown="$(ingest_run "${work}/store" "$((store_n - n))" grow)"
    log "  ${grown}"
    figure grow_rate "${grown%% *}"
  fi
  generate "${more_n}" 3 "${work}/more.tsv"
  cat "${work}/more.tsv" >>"${work}/all.tsv"
  publish "${work}/more.tsv"
  local rates=() r result
  for r in $(seq "${reps}"); do
    log "ingest ${more_n} articles into the ${store_n}-article store (run ${r}/${reps})"
    rm -rf "${work}/large"
    cp -a "${work}/store" "${work}/large"
    result="$(ingest_run "${work}/large" "${more_n}" "large-${r}")"
    rates+=("$(cut -d' ' -f2 <<<"${result}")")
    log "  ${result}"
  done
  figure large_rate "$(report median "${rates[@]}")"
  figure large_cpu "$(<"${work}/large-1.cpu")"
  rm -rf "${work}/store"
  query_store="${work}/large"
  figure store_n "$((store_n + more_n))"
  figure more_n "${more_n}"
}

# --- store: bytes per article, open time ---------------------------------------
bytes_of() {  # the store's files without RocksDB's info logs (LOG, LOG.old.*)
  find "$1" -type f ! -name 'LOG*' -printf '%s\n' | awk '{s += $1} END {printf "%d\n", s}'
}

# A full compaction of the stopped store (`parleyd compact`), so that the
# figure is the store's size once RocksDB has settled it, not a snapshot of
# files waiting to be merged.
compact_store() {
  "${parleyd}" compact --data-dir "$1" 2>>"${work}/compact.log" ||
    die "parleyd compact failed: $(tail -n 1 "${work}/compact.log")"
  figure compaction_note "(after a full compaction with parleyd compact)"
}

store_size() {
  local articles raw before after
  articles="$(wc -l <"${work}/all.tsv")"
  raw="$(LC_ALL=C awk '{s += length($0) - index($0, "\t")} END {printf "%d\n", s}' "${work}/all.tsv")"
  before="$(bytes_of "${query_store}")"
  log "store: ${before} bytes for ${articles} articles before compaction; compacting"
  compact_store "${query_store}"
  after="$(bytes_of "${query_store}")"
  figure raw_bytes_per_article "$(calc "${raw} / ${articles}")"
  figure store_bytes_before_compaction "$(calc "${before} / ${articles}")"
  figure store_bytes_per_article "$(calc "${after} / ${articles}")"
}

# Time from exec to the first answered GetEvent; the last run's parleyd stays
# up for the queries.
open_store() {
  local times=() r t0 t1
  for r in $(seq "${reps}"); do
    t0="$(now)"
    start_parleyd "${query_store}" "open-${r}"
    until "${parleyctl}" --server "${grpc}" event "${event_id}" >/dev/null 2>&1; do
      kill -0 "${parleyd_pid}" 2>/dev/null || die "parleyd exited while opening the store"
      sleep 0.02
    done
    t1="$(now)"
    times+=("$(calc "${t1} - ${t0}")")
    ((r == reps)) || stop_parleyd
  done
  figure open_seconds "$(report median "${times[@]}")"
}

# --- queries with ghz, each against the health check on the same server ------
ghz_run() {  # ghz_run KEY CALL DATA C REP: appends "rps p50 p99 p999 errors"
  local json="${work}/ghz-$1-$4-$5.json"
  "${ghz}" --insecure --call "$2" -d "$3" -c "$4" -z "${ghz_seconds}s" --format json \
    -o "${json}" "${grpc}" >/dev/null 2>>"${work}/ghz.log" || true
  local figures=""
  [[ -s "${json}" ]] && figures="$(report ghz "${json}")"
  rm -f "${json}"
  # Calls ghz gave up on at the end of its run keep the server busy; the
  # next run would measure that backlog. Wait until parleyd is idle, and
  # record how long that took.
  local settled
  settled="$(settle)"
  [[ -n "${figures}" ]] && echo "${figures} ${settled}" >>"${work}/q-$1-$4"
}

# Like ingest_run's loop, timed in bash arithmetic: a Python start per turn
# would keep a core busy while it waits for parleyd to be idle.
settle() {  # prints the seconds parleyd stayed busy (at most 120)
  local start before after
  start="$(now_ms)"
  before="$(cpu_ticks "${parleyd_pid}")"
  while sleep 0.5; do
    after="$(cpu_ticks "${parleyd_pid}")"
    (( after - before <= 5 )) && break
    before="${after}"
    (( $(now_ms) - start > 120000 )) && break
  done
  calc "round(($(now_ms) - ${start}) / 1000 - 0.5, 1)"
}

# The connections of the most frequent person are computed on the first call
# after a write, or after the query cache emptied itself, and kept until
# then: one call first, timed, so that ghz measures the calls that follow it
# rather than the few that fit in its run. The longest such call is a figure.
connections_first_call() {  # connections_first_call PARTICIPANT
  local start seconds
  start="$(now)"
  "${parleyctl}" --server "${grpc}" --timeout_seconds 600 connections "$1" >/dev/null 2>&1 || true
  seconds="$(calc "round($(now) - ${start}, 2)")"
  if [[ -z "${connections_first_s:-}" || "$(calc "${seconds} > ${connections_first_s}")" == True ]]; then
    connections_first_s="${seconds}"
  fi
}

queries() {
  local top top_id prefix org="NATO" event_data
  top="$(sed -n 's/.*the most frequent is "\(.*\)"$/\1/p' "${work}/loadgen.log" | head -n 1)"
  top_id="$("${parleyctl}" --server "${grpc}" --json search "${top}" |
    python3 -c '
import json, sys
found = json.load(sys.stdin)["participants"]
# The search is by prefix: take the one whose name is exactly the top name.
exact = [p for p in found if p.get("display_name") == sys.argv[1]]
print((exact or found)[0]["name"])' "${top}" 2>/dev/null || true)"
  [[ -n "${top_id}" ]] || top_id="${top}"
  prefix="${top:0:2}"
  figure top_participant "${top} (${top_id})"
  figure top_events "$("${parleyctl}" --server "${grpc}" --json participant "${top_id}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("event_count", "?"))' 2>/dev/null || echo '?')"
  # GetEvent goes round the first 100 ingested events.
  event_data="$(head -n 100 "${work}/all.tsv" | cut -f1 |
    python3 -c 'import json,sys; print(json.dumps([{"name": "events/" + l.strip()} for l in sys.stdin]))')"
  local -a keys=(Health GetEvent ListEventsTopParticipant ListEventsTopParticipantFull
                 ListEventsOrganization ListEventsDateRange SearchParticipants GetParticipant
                 ListConnections)
  local -A calls=(
    [Health]="grpc.health.v1.Health.Check" [GetEvent]="parley.v1.Parley.GetEvent"
    [ListEventsTopParticipant]="parley.v1.Parley.ListEvents"
    [ListEventsTopParticipantFull]="parley.v1.Parley.ListEvents"
    [ListEventsOrganization]="parley.v1.Parley.ListEvents"
    [ListEventsDateRange]="parley.v1.Parley.ListEvents"
    [SearchParticipants]="parley.v1.Parley.SearchParticipants"
    [GetParticipant]="parley.v1.Parley.GetParticipant"
    [ListConnections]="parley.v1.Parley.ListConnections")
  local -A data=(
    [Health]='{}' [GetEvent]="${event_data}"
    [ListEventsTopParticipant]="{\"participant\": \"${top_id}\", \"page_size\": 20}"
    [ListEventsTopParticipantFull]="{\"participant\": \"${top_id}\", \"page_size\": 20, \"view\": \"EVENT_VIEW_FULL\"}"
    [ListEventsOrganization]="{\"organization\": \"${org}\", \"page_size\": 20}"
    [ListEventsDateRange]='{"start_date": "2020-01-01", "end_date": "2020-03-31", "page_size": 20}'
    [SearchParticipants]="{\"query\": \"${prefix}\", \"page_size\": 20}"
    [GetParticipant]="{\"name\": \"${top_id}\"}"
    [ListConnections]="{\"participant\": \"${top_id}\", \"page_size\": 20}")
  local c r key
  for c in "${concurrencies[@]}"; do
    for r in $(seq "${reps}"); do
      log "queries at concurrency ${c} (run ${r}/${reps}, ${ghz_seconds} s each)"
      for key in "${keys[@]}"; do
        [[ "${key}" == ListConnections ]] && connections_first_call "${top_id}"
        ghz_run "${key}" "${calls[${key}]}" "${data[${key}]}" "${c}" "${r}"
      done
    done
    for key in "${keys[@]}"; do
      [[ -s "${work}/q-${key}-${c}" ]] || { log "ghz produced nothing for ${key} at ${c}"; continue; }
      local column=1 name
      for name in rps p50 p99 p999 errors busy; do
        figure "q_${key}_${c}_${name}" "$(report median $(cut -d' ' -f"${column}" "${work}/q-${key}-${c}"))"
        column=$((column + 1))
      done
    done
  done
  figure query_methods "${keys[*]:1}"
  figure connections_first_s "${connections_first_s:-?}"
  figure query_note "Most frequent participant: ${top_id}; organisation \"${org}\"; date range 2020-01-01..2020-03-31; prefix \"${prefix}\"; page size 20; ListEvents in its default (basic) view, and in the full view as ListEventsTopParticipantFull; GetEvent cycles over 100 events; one connection."
  figure serve_hwm_mb "$(awk '/VmHWM/ {print $2 / 1024}' "/proc/${parleyd_pid}/status")"
  figure serve_rss_mb "$(awk '/VmRSS/ {print $2 / 1024}' "/proc/${parleyd_pid}/status")"
}

# --- the run -------------------------------------------------------------------
t_start="$(now)"
people=$(( (store_n + more_n) / 20 > 100 ? (store_n + more_n) / 20 : 100 ))
extraction
store_writes
log "generating ${n} articles with parley-loadgen (${people} people)"
generate "${n}" 1 "${work}/ingest.tsv"
cp "${work}/ingest.tsv" "${work}/all.tsv"
ceiling
ingest_people="$("${loadgen}" --report "${work}/ingest.tsv" --threads "$(nproc)" | head -n 1)"
start_kafka
publish "${work}/ingest.tsv"
rm -f "${work}/ingest.tsv"
ingest_empty
ingest_large
store_size
event_id="$(head -n 1 "${work}/all.tsv" | cut -f1)"
open_store
queries
stop_parleyd
store_report="$("${loadgen}" --report "${work}/all.tsv" --threads "$(nproc)" | head -n 1)"
figure store_events "$(sed -E 's/^articles ([0-9]+).*/\1/' <<<"${store_report}")"
figure store_people "$(sed -E 's/.*distinct ([0-9]+).*/\1/' <<<"${store_report}")"
if ((store_n + more_n < 1000000)); then
  figure scale_note "The issue's store figures are for 1,000,000 events; this run's store is smaller (set PARLEY_BENCH_STORE_N), so those rows are not yet the targets' conditions."
fi
figure commit_failures "$(awk '{s += $1} END {print s + 0}' "${work}/commit-failures")"
figure notes "Generated participants (parley-loadgen --report, the extractor's view): over the ${n} ingest articles: ${ingest_people}; over the whole store: ${store_report}. Failed Kafka offset commits logged by parleyd over all ingest runs: $(awk '{s += $1} END {print s + 0}' "${work}/commit-failures").\\n\\nThe suite took $(calc "round(($(now) - ${t_start}) / 60, 1)") minutes."
status=0
report render "${figures}" "${out}" || status=1
log "wrote ${out}"
[[ "${mode}" == smoke ]] && cat "${out}"
exit "${status}"
