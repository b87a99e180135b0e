#!/usr/bin/env bash
# Ensure grpcurl is available and print its absolute path on stdout (the only stdout line);
# built with Go on first use (scripts/install-go-tool.sh).
# Knobs: GRPCURL_VERSION (default v1.9.4), PARLEY_BIN_DIR (default ~/.cache/parley/bin).
set -euo pipefail
exec "$(dirname "$0")/install-go-tool.sh" grpcurl \
  "github.com/fullstorydev/grpcurl/cmd/grpcurl@${GRPCURL_VERSION:-v1.9.4}"
