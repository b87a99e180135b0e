#!/usr/bin/env bash
# Installs Parley's build dependencies from Debian's packages (only those
# missing), then configures and builds. Used by scripts/demo.sh and
# scripts/test.sh; safe to run repeatedly.
#
# Usage: scripts/setup.sh [BUILD_DIR] [TARGET...]
# Env:   PARLEY_JOBS (default 2), PARLEY_BUILD_TYPE (default RelWithDebInfo),
#        PARLEY_CMAKE_ARGS (extra cmake arguments), PARLEY_EXTRA_PACKAGES
#        (more Debian packages to install).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="${1:-${root}/build}"
shift || true

# What compiling needs. deploy/Dockerfile's build stage installs exactly
# these (tests/deploy/check_image_packages.py checks that the lists agree).
build_packages=(
  build-essential cmake ninja-build pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  librdkafka-dev librocksdb-dev libabsl-dev libre2-dev libicu-dev
  nlohmann-json3-dev libbenchmark-dev libgtest-dev libgmock-dev iso-codes wamerican
  libgraphviz-dev prometheus-cpp-dev
)
# What the tests need besides: the local broker (Java, Maven), kcat, the
# throwaway PKI (openssl), the Python grpcio client's venv, the manifest
# checks (python3-yaml).
test_packages=(
  kcat maven openjdk-17-jre-headless python3 python3-venv openssl python3-yaml
)
packages=("${build_packages[@]}" "${test_packages[@]}")
# Callers that need more (scripts/fuzz.sh: clang) name it here.
# shellcheck disable=SC2206
packages+=(${PARLEY_EXTRA_PACKAGES:-})

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("${package}")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >&2
fi

# shellcheck disable=SC2086
cmake -S "${root}" -B "${build_dir}" -G Ninja \
  -DCMAKE_BUILD_TYPE="${PARLEY_BUILD_TYPE:-RelWithDebInfo}" ${PARLEY_CMAKE_ARGS:-} >&2
cmake --build "${build_dir}" -j "${PARLEY_JOBS:-2}" ${1:+--target "$@"} >&2
