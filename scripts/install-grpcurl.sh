#!/usr/bin/env bash
# Ensure grpcurl is available and print its absolute path on stdout (the only stdout line).
# Order: grpcurl on PATH, then ~/.cache/parley/bin/grpcurl, else build it with the Go toolchain
# (go install from the Go module proxy; takes a minute or two on first run).
# Knobs: GRPCURL_VERSION (default v1.9.4), PARLEY_BIN_DIR (default ~/.cache/parley/bin).
set -euo pipefail

readonly GRPCURL_VERSION="${GRPCURL_VERSION:-v1.9.4}"
readonly BIN_DIR="${PARLEY_BIN_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/parley/bin}"

if path="$(command -v grpcurl 2>/dev/null)"; then
  printf '%s\n' "${path}"
  exit 0
fi
if [[ -x "${BIN_DIR}/grpcurl" ]]; then
  printf '%s\n' "${BIN_DIR}/grpcurl"
  exit 0
fi

go_bin="$(command -v go 2>/dev/null || true)"
if [[ -z "${go_bin}" && -x /usr/local/go/bin/go ]]; then go_bin=/usr/local/go/bin/go; fi
if [[ -z "${go_bin}" ]]; then
  echo "install-grpcurl.sh: error: grpcurl not found and no Go toolchain to build it (apt-get install golang-go)" >&2
  exit 1
fi

mkdir -p "${BIN_DIR}"
echo "install-grpcurl.sh: building grpcurl ${GRPCURL_VERSION} into ${BIN_DIR} (first run only)" >&2
if ! GOBIN="${BIN_DIR}" CGO_ENABLED=0 "${go_bin}" install \
    "github.com/fullstorydev/grpcurl/cmd/grpcurl@${GRPCURL_VERSION}" >&2; then
  echo "install-grpcurl.sh: error: go install of grpcurl ${GRPCURL_VERSION} failed" >&2
  exit 1
fi
[[ -x "${BIN_DIR}/grpcurl" ]] || { echo "install-grpcurl.sh: error: ${BIN_DIR}/grpcurl missing after go install" >&2; exit 1; }
printf '%s\n' "${BIN_DIR}/grpcurl"
