#!/usr/bin/env bash
# Builds Parley with AddressSanitizer (+ LeakSanitizer) and UndefinedBehavior-
# Sanitizer in its own build directory and runs the unit tests, then the
# integration tests (real Kafka broker and an instrumented parleyd). Any
# sanitizer report fails the test that triggered it: UB aborts
# (-fno-sanitize-recover), ASan and LSan exit non-zero.
#
# Usage: scripts/sanitize.sh        Env: PARLEY_ASAN_BUILD_DIR (default build-asan/),
#                                        PARLEY_JOBS (default 2)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${PARLEY_ASAN_BUILD_DIR:-${root}/build-asan}"

echo "== sanitize: building in ${build_dir} (gcc, -fsanitize=address,undefined)" >&2
# Options and flags: scripts/sanitize.cmake.
CC=gcc CXX=g++ PARLEY_CMAKE_ARGS="-C ${root}/scripts/sanitize.cmake ${PARLEY_CMAKE_ARGS:-}" \
  "${root}/scripts/setup.sh" "${build_dir}"
"${root}/scripts/install-grpcurl.sh" >/dev/null

# Leaks are checked at every exit, parleyd's included (the integration tests
# start it from this build). Suppressions are narrow: third-party globals only.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=${root}/scripts/lsan.supp:print_suppressions=0}"
# The crash test's full 20,000-message run happens in the normal build; under
# the sanitizers a smaller run exercises the same paths in bounded time.
export PARLEY_CRASH_MESSAGES="${PARLEY_CRASH_MESSAGES:-3000}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

cd "${build_dir}"
status=0
echo "== sanitize: unit tests"
ctest --output-on-failure -j "${PARLEY_JOBS:-2}" -LE integration || status=1
echo "== sanitize: integration tests"
ctest --output-on-failure -L integration || status=1
exit "${status}"
