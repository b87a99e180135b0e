#!/usr/bin/env bash
# API compatibility of proto/: `buf lint` (proto/buf.yaml) and `buf breaking`
# against the protos of the last commit on main, so that services that build
# clients from proto/ are never broken. buf is built with Go on first use.
#
# The baseline: `main` when the working tree differs from it (a branch, or
# uncommitted changes), else main's previous commit (CI on a clone of main
# checks the change that landed last). A clone without that history skips
# the breaking check and says so.
#
# Usage: scripts/check-protos.sh      Env: BUF_VERSION (default v1.75.0)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "${root}"
buf="$("${root}/scripts/install-go-tool.sh" buf \
  "github.com/bufbuild/buf/cmd/buf@${BUF_VERSION:-v1.75.0}")"

echo "check-protos: buf lint proto"
"${buf}" lint proto

baseline=""
if git rev-parse --verify -q main >/dev/null; then
  if [[ "$(git rev-parse HEAD)" != "$(git rev-parse main)" ]] ||
     ! git diff --quiet HEAD -- proto; then
    baseline=main
  elif git rev-parse --verify -q main~1 >/dev/null; then
    baseline=main~1
  fi
fi
if [[ -z "${baseline}" ]]; then
  echo "check-protos: no earlier commit of main in this clone; buf breaking skipped"
  exit 0
fi
echo "check-protos: buf breaking proto against ${baseline}"
"${buf}" breaking proto --against ".git#ref=$(git rev-parse "${baseline}"),subdir=proto"
