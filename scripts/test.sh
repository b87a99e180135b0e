#!/usr/bin/env bash
# Builds Parley and runs every test: unit tests, then the integration tests
# that start a real local Kafka broker and parleyd on 127.0.0.1, then the
# API compatibility check of proto/. Installs what it needs (Debian packages,
# the Kafka jars through Maven, grpcurl and buf through Go). .ci/run calls
# exactly this.
#
# Usage: scripts/test.sh            Env: PARLEY_BUILD_DIR (default build/);
#                                   CI=true or PARLEY_FULL=1 adds scripts/sanitize.sh
#                                   and scripts/fuzz.sh 45
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${PARLEY_BUILD_DIR:-${root}/build}"

"${root}/scripts/setup.sh" "${build_dir}"
# Fetched once and cached, so no test spends its timeout downloading.
"${root}/scripts/install-grpcurl.sh" >/dev/null
# ghz drives the queries of the benchmark suite's smoke test.
"${root}/scripts/install-go-tool.sh" ghz github.com/bojand/ghz/cmd/ghz@v0.120.0 >/dev/null
# The manifest checks render with kubectl, or kustomize built with Go.
"${root}/scripts/install-kustomize.sh" >/dev/null

cd "${build_dir}"
status=0
echo "== unit tests"
ctest --output-on-failure -j 2 -LE integration || status=1
echo "== integration tests (real Kafka broker and parleyd on 127.0.0.1)"
ctest --output-on-failure -L integration || status=1
echo "== API compatibility (buf lint; buf breaking against main's last commit)"
"${root}/scripts/check-protos.sh" || status=1
# In CI (CI=true) or on request (PARLEY_FULL=1): the same tests under
# ASan+UBSan in build-asan/, then each fuzzer for 45 s in build-fuzz/.
if [[ "${CI:-}" == "true" || "${PARLEY_FULL:-}" == "1" ]]; then
  "${root}/scripts/sanitize.sh" || status=1
  "${root}/scripts/fuzz.sh" 45 || status=1
fi
exit "${status}"
