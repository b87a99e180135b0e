#!/usr/bin/env bash
# Ensure a kustomize renderer is available and print the command on stdout (the only
# stdout line; append the directory): "kubectl kustomize" when kubectl is on PATH, else
# "KUSTOMIZE build" for a kustomize binary, on PATH or built with Go on first use
# (scripts/install-go-tool.sh). Debian bookworm packages neither.
# Knobs: KUSTOMIZE_VERSION (default v5.4.3), PARLEY_BIN_DIR (default ~/.cache/parley/bin),
#        PARLEY_RENDERER=kustomize (skip kubectl, as on a machine without it).
set -euo pipefail

if [[ "${PARLEY_RENDERER:-}" != "kustomize" ]] && command -v kubectl >/dev/null 2>&1; then
  echo "kubectl kustomize"
  exit 0
fi
kustomize="$("$(dirname "$0")/install-go-tool.sh" kustomize \
  "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION:-v5.4.3}")"
printf '%s build\n' "${kustomize}"
