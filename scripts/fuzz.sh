#!/usr/bin/env bash
# Builds Parley's libFuzzer targets with clang (AddressSanitizer + UBSan) and
# runs each for a bounded time, starting from the seed corpus generated from
# ../shared/corpus (fuzz/make_seed_corpus.py). Exits non-zero if any target
# finds a crash, a sanitizer report, a leak, a timeout or a broken property,
# and prints the reproducer's path.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Env:   PARLEY_FUZZ_BUILD_DIR (default build-fuzz/), PARLEY_FUZZ_TARGETS
#        (default "envelope page extractor page_token"), PARLEY_JOBS (default 2).
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${PARLEY_FUZZ_BUILD_DIR:-${root}/build-fuzz}"
targets=(${PARLEY_FUZZ_TARGETS:-envelope page extractor page_token})

echo "== fuzz: building ${targets[*]} in ${build_dir}" >&2
# clang and its runtime libraries (libFuzzer, sanitizers) come with setup.sh.
CC=clang CXX=clang++ PARLEY_EXTRA_PACKAGES="clang libclang-rt-14-dev" \
  PARLEY_CMAKE_ARGS="-DPARLEY_FUZZ=ON -DPARLEY_SANITIZE=ON -DPARLEY_BENCHMARKS=OFF ${PARLEY_CMAKE_ARGS:-}" \
  "${root}/scripts/setup.sh" "${build_dir}" "${targets[@]/#/fuzz_}"

fuzz_dir="${build_dir}/fuzz"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for target in "${targets[@]}"; do
  work="${fuzz_dir}/work/${target}"           # what this run discovers
  artifacts="${fuzz_dir}/artifacts/${target}"
  rm -rf "${artifacts}"
  mkdir -p "${work}" "${artifacts}"
  log="${fuzz_dir}/fuzz_${target}.log"
  echo "== fuzz_${target}: ${seconds} s (log ${log})"
  dict=()
  case "${target}" in
    envelope|extractor) dict=(-dict="${root}/fuzz/envelope.dict") ;;
    page) dict=(-dict="${root}/fuzz/page.dict") ;;
  esac
  start=${SECONDS}
  if "${fuzz_dir}/fuzz_${target}" -max_total_time="${seconds}" -rss_limit_mb=2048 -timeout=10 \
       -print_final_stats=1 -artifact_prefix="${artifacts}/" "${dict[@]}" \
       "${work}" "${fuzz_dir}/corpus/${target}" >"${log}" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done|^#[0-9]+.*DONE' "${log}" | tail -2 | sed 's/^/   /'
    echo "   ok after $((SECONDS - start)) s"
  else
    status=1
    echo "!! fuzz_${target} found a problem after $((SECONDS - start)) s:"
    grep -E 'ERROR: |runtime error:|property violated|SUMMARY:' "${log}" | head -5 | sed 's/^/   /'
    for reproducer in "${artifacts}"/*; do
      [[ -e "${reproducer}" ]] || continue
      echo "   reproducer: ${reproducer}"
      echo "   replay:     ${fuzz_dir}/fuzz_${target} ${reproducer}"
      echo "   minimise:   ${fuzz_dir}/fuzz_${target} -minimize_crash=1 -max_total_time=60 ${reproducer}"
    done
    echo "   then commit the minimised input under fuzz/regressions/${target}/ with the fix."
  fi
done
exit "${status}"
