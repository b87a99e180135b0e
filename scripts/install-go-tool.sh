#!/usr/bin/env bash
# Ensure a Go-built tool is available and print its absolute path on stdout (the only stdout
# line). Order: the tool on PATH, then ~/.cache/parley/bin/NAME, else build it with the Go
# toolchain (go install from the Go module proxy; a minute or a few on first run).
#
# Usage: scripts/install-go-tool.sh NAME PACKAGE@VERSION
#   e.g. scripts/install-go-tool.sh buf github.com/bufbuild/buf/cmd/buf@v1.75.0
# Knobs: PARLEY_BIN_DIR (default ~/.cache/parley/bin).
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: install-go-tool.sh NAME PACKAGE@VERSION" >&2; exit 2; }
readonly NAME="$1" PACKAGE="$2"
readonly BIN_DIR="${PARLEY_BIN_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/parley/bin}"

if path="$(command -v "${NAME}" 2>/dev/null)"; then
  printf '%s\n' "${path}"
  exit 0
fi
if [[ -x "${BIN_DIR}/${NAME}" ]]; then
  printf '%s\n' "${BIN_DIR}/${NAME}"
  exit 0
fi

go_bin="$(command -v go 2>/dev/null || true)"
if [[ -z "${go_bin}" && -x /usr/local/go/bin/go ]]; then go_bin=/usr/local/go/bin/go; fi
if [[ -z "${go_bin}" ]]; then
  echo "install-go-tool.sh: error: ${NAME} not found and no Go toolchain to build it (apt-get install golang-go)" >&2
  exit 1
fi

mkdir -p "${BIN_DIR}"
echo "install-go-tool.sh: building ${PACKAGE} into ${BIN_DIR} (first run only)" >&2
if ! GOBIN="${BIN_DIR}" CGO_ENABLED=0 "${go_bin}" install "${PACKAGE}" >&2; then
  echo "install-go-tool.sh: error: go install ${PACKAGE} failed" >&2
  exit 1
fi
[[ -x "${BIN_DIR}/${NAME}" ]] || { echo "install-go-tool.sh: error: ${BIN_DIR}/${NAME} missing after go install" >&2; exit 1; }
printf '%s\n' "${BIN_DIR}/${NAME}"
