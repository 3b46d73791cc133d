#!/usr/bin/env bash
# Provides Mesa's lavapipe, a Vulkan driver that runs on the CPU, so that Dawn (the npm package `webgpu`) finds a
# WebGPU adapter on machines without a GPU (CI, containers). Used by @tessera/backend-webgpu's Node tests.
#
# Why not just `apt-get install mesa-vulkan-drivers`: Debian 12 (bookworm) ships Mesa 22.3, whose lavapipe lacks
# features Dawn requires (the adapter comes back null). bookworm-backports has Mesa 25, which works. This script
# unpacks that newer driver into a private folder instead of upgrading the system's Mesa, and writes an ICD
# manifest pointing at it. On newer Debian releases the stock driver is recent enough and is used as is.
#
# Needs root (apt-get) for the driver's shared-library dependencies and the Vulkan loader.
# Usage:   scripts/setup-lavapipe.sh [DESTINATION]    (default: ./.cache/lavapipe, ignored by git)
# Output:  the last line is `export VK_ICD_FILENAMES=...`; use it with  eval "$(scripts/setup-lavapipe.sh | tail -1)"
set -euo pipefail

destination=$(realpath -m "${1:-$PWD/.cache/lavapipe}")
manifest="$destination/lvp_icd.json"
log() { echo "setup-lavapipe: $*" >&2; }
fail() { log "$*"; exit 1; }

# Already unpacked by an earlier run: nothing to download.
if [ -s "$manifest" ]; then
  library=$(sed -n 's/.*"library_path": *"\([^"]*\)".*/\1/p' "$manifest")
  if [ -n "$library" ] && [ -e "$library" ]; then
    echo "export VK_ICD_FILENAMES=$manifest"
    exit 0
  fi
fi

command -v apt-get >/dev/null || fail "needs a Debian-based system (apt-get not found)"
# shellcheck disable=SC1091
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || fail "cannot tell the Debian release from /etc/os-release"

export DEBIAN_FRONTEND=noninteractive
# The stock driver package pulls in the loader (libvulkan1) and lavapipe's own dependencies (LLVM, libdrm, ...),
# which the newer driver links against as well.
log "installing libvulkan1 and mesa-vulkan-drivers from the system's archive"
apt-get install -y -q -o DPkg::Lock::Timeout=600 libvulkan1 mesa-vulkan-drivers >/dev/null

if [ "$codename" != "bookworm" ]; then
  system_manifest=$(ls /usr/share/vulkan/icd.d/lvp_icd.*.json 2>/dev/null | head -1 || true)
  [ -n "$system_manifest" ] || fail "mesa-vulkan-drivers installed no lvp_icd manifest"
  echo "export VK_ICD_FILENAMES=$system_manifest"
  exit 0
fi

# The Debian archive this machine is configured for (deb822 `URIs:` first, then one-line `deb` entries), so the
# script works behind mirrors and proxies without naming a host.
archive=$(grep -hoE '^URIs:[[:space:]]*[^[:space:]]+/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null \
  | head -1 | sed -E 's/^URIs:[[:space:]]*//; s#/$##' || true)
if [ -z "$archive" ]; then
  archive=$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | sed -E 's/\[[^]]*\]//' | awk '$2 ~ /\/debian\/?$/ {print $2; exit}' | sed 's#/$##' || true)
fi
[ -n "$archive" ] || fail "no Debian archive (a URI ending in /debian) found in the apt sources"
log "using $archive ${codename}-backports"

# A private apt state, so the system's sources and package lists stay untouched.
apt_root="$destination/apt"
mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$destination/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive ${codename}-backports main" \
  >"$apt_root/sources.list"
apt_options=(
  -o "Dir::Etc::SourceList=$apt_root/sources.list"
  -o "Dir::Etc::SourceParts=/nonexistent"
  -o "Dir::State::Lists=$apt_root/lists"
  -o "Dir::Cache=$apt_root/cache"
)
apt-get "${apt_options[@]}" -q update >/dev/null
version=$(apt-cache "${apt_options[@]}" policy mesa-vulkan-drivers | awk '/Candidate:/ {print $2; exit}')
[ -n "$version" ] && [ "$version" != "(none)" ] || fail "${codename}-backports has no mesa-vulkan-drivers"
log "unpacking mesa-vulkan-drivers $version"
rm -f "$apt_root"/mesa-vulkan-drivers_*.deb
# The download runs as root: the private cache folder is not readable by the _apt sandbox user.
(cd "$apt_root" && apt-get "${apt_options[@]}" -o APT::Sandbox::User=root -q download "mesa-vulkan-drivers=$version" >/dev/null)
dpkg-deb -x "$apt_root"/mesa-vulkan-drivers_*.deb "$destination/root"

library=$(find "$destination/root" -name libvulkan_lvp.so -print -quit)
[ -n "$library" ] || fail "libvulkan_lvp.so not found in mesa-vulkan-drivers $version"
printf '{ "file_format_version": "1.0.0", "ICD": { "library_path": "%s", "api_version": "1.3.0" } }\n' \
  "$library" >"$manifest"
echo "export VK_ICD_FILENAMES=$manifest"
