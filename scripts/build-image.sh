#!/usr/bin/env bash
# Builds deploy/Dockerfile into an OCI image without a Docker daemon or a
# registry, then runs the image's `parleyd --version`. Opt-in (not part of
# scripts/test.sh); needs root, the network to a Debian mirror, and about
# 6 GB of disk under the work directory.
#
#   1. mmdebstrap --variant=minbase bookworm base.tar  (a bookworm base made
#      from Debian's packages; cached, remade after PARLEY_BASE_MAX_AGE_DAYS)
#   2. buildah bud --isolation chroot --storage-driver vfs: a FROM scratch +
#      ADD base.tar / image, then deploy/Dockerfile with BASE_IMAGE set to it
#   3. buildah from + buildah run: parleyd --version inside the image
#
# Usage: scripts/build-image.sh [IMAGE]   (default parley/parleyd:<project version>)
# Env:   PARLEY_IMAGE_WORK_DIR (default ~/.cache/parley/image; holds base.tar
#        and buildah's storage), PARLEY_JOBS (default 2),
#        PARLEY_BASE_MAX_AGE_DAYS (default 7), PARLEY_IMAGE_ARCHIVE (write the
#        image there as an OCI archive, e.g. for `kind load image-archive`).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(sed -n 's/^project(parley VERSION \([0-9.]*\).*/\1/p' "${root}/CMakeLists.txt")"
image_name="parley/parleyd"
image="${1:-${image_name}:${version}}"
work_dir="${PARLEY_IMAGE_WORK_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/parley/image}"
base_image="localhost/parley-base:bookworm"
started=$(date +%s)

[[ "$(id -u)" -eq 0 ]] || { echo "build-image.sh: run as root (buildah with chroot isolation)" >&2; exit 1; }
missing=()
for package in mmdebstrap buildah; do
  dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("${package}")
done
if ((${#missing[@]} > 0)); then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

mkdir -p "${work_dir}/base" "${work_dir}/storage" "${work_dir}/run"
buildah_() {
  buildah --storage-driver vfs --root "${work_dir}/storage" --runroot "${work_dir}/run" "$@"
}
step() { echo "build-image.sh: [$(($(date +%s) - started)) s] $*" >&2; }

base_tar="${work_dir}/base/base.tar"
if [[ ! -s "${base_tar}" ]] ||
   [[ -n "$(find "${base_tar}" -mtime +"${PARLEY_BASE_MAX_AGE_DAYS:-7}" 2>/dev/null)" ]]; then
  step "mmdebstrap: bookworm minbase into ${base_tar}"
  # mmdebstrap picks the output format from the file name: keep ".tar" last.
  mmdebstrap --quiet --variant=minbase bookworm "${base_tar%.tar}.new.tar" >&2
  mv "${base_tar%.tar}.new.tar" "${base_tar}"
fi
printf 'FROM scratch\nADD base.tar /\nCMD ["/bin/bash"]\n' > "${work_dir}/base/Containerfile"
step "buildah: base image ${base_image}"
buildah_ bud --quiet --isolation chroot -t "${base_image}" \
  -f "${work_dir}/base/Containerfile" "${work_dir}/base" >&2

step "buildah: deploy/Dockerfile as ${image} (compiles parleyd and parleyctl)"
buildah_ bud --isolation chroot --layers=false --build-arg BASE_IMAGE="${base_image}" \
  --build-arg JOBS="${PARLEY_JOBS:-2}" -t "${image}" -f "${root}/deploy/Dockerfile" "${root}" >&2

step "running the image's parleyd --version"
container="$(buildah_ from "${image}")"
trap 'buildah_ rm "${container}" >/dev/null 2>&1 || true' EXIT
buildah_ run --isolation chroot "${container}" -- /usr/local/bin/parleyd --version
buildah_ run --isolation chroot "${container}" -- id -u | grep -qx 65532 ||
  { echo "build-image.sh: the image does not run as uid 65532" >&2; exit 1; }
if [[ -n "${PARLEY_IMAGE_ARCHIVE:-}" ]]; then
  buildah_ push "${image}" "oci-archive:${PARLEY_IMAGE_ARCHIVE}:${image}" >&2
fi
step "done: ${image} ($(buildah_ images --format '{{.Size}}' "${image}" | head -1))"
