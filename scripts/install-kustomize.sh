#!/usr/bin/env bash
# Ensure a kustomize renderer is available and print the command on stdout (the only
# stdout line; append the directory): "kubectl kustomize" when kubectl is on PATH, else
# "KUSTOMIZE build" for a kustomize binary,
# found on PATH or in ~/.cache/parley/bin, else built with the Go toolchain from the Go
# module proxy (a minute or two on first run). Debian bookworm packages neither.
# Knobs: KUSTOMIZE_VERSION (default v5.4.3), PARLEY_BIN_DIR (default ~/.cache/parley/bin),
#        PARLEY_RENDERER=kustomize (skip kubectl, as on a machine without it).
set -euo pipefail

readonly KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.4.3}"
readonly BIN_DIR="${PARLEY_BIN_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/parley/bin}"

if [[ "${PARLEY_RENDERER:-}" != "kustomize" ]] && command -v kubectl >/dev/null 2>&1; then
  echo "kubectl kustomize"
  exit 0
fi
if path="$(command -v kustomize 2>/dev/null)"; then
  printf '%s build\n' "${path}"
  exit 0
fi
if [[ -x "${BIN_DIR}/kustomize" ]]; then
  printf '%s build\n' "${BIN_DIR}/kustomize"
  exit 0
fi

go_bin="$(command -v go 2>/dev/null || true)"
if [[ -z "${go_bin}" && -x /usr/local/go/bin/go ]]; then go_bin=/usr/local/go/bin/go; fi
if [[ -z "${go_bin}" ]]; then
  echo "install-kustomize.sh: error: no kubectl, no kustomize and no Go toolchain to build it (apt-get install golang-go)" >&2
  exit 1
fi
mkdir -p "${BIN_DIR}"
echo "install-kustomize.sh: building kustomize ${KUSTOMIZE_VERSION} into ${BIN_DIR} (first run only)" >&2
if ! GOBIN="${BIN_DIR}" CGO_ENABLED=0 "${go_bin}" install \
    "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}" >&2; then
  echo "install-kustomize.sh: error: go install of kustomize ${KUSTOMIZE_VERSION} failed" >&2
  exit 1
fi
printf '%s build\n' "${BIN_DIR}/kustomize"
