#!/usr/bin/env bash
# Makes sure JOCL can reach an OpenCL device on this machine (Debian/Ubuntu).
# Needs (1) a registered ICD whose library exists, else installs the ICD
# loader and PoCL (a CPU OpenCL implementation), and (2) the unversioned
# libOpenCL.so, the only name JOCL 2.0.5 dlopens on Linux, which Debian ships
# in ocl-icd-opencl-dev. Idempotent; prints one line saying what it did;
# exits non-zero with a reason if it cannot.
set -euo pipefail

VENDORS_DIR=/etc/OpenCL/vendors

die() { echo "ensure-opencl: $*" >&2; exit 1; }

# True when a bare library file name resolves in the directories the dynamic
# linker searches, as dlopen would.
library_found() {
  local dir
  while read -r dir; do
    [[ -n "$dir" && -r "$dir/$1" ]] && return 0
  done < <(tr ':' '\n' <<<"${LD_LIBRARY_PATH:-}"
           /sbin/ldconfig -p 2>/dev/null | sed -n 's|.* => \(.*\)/[^/]*$|\1|p' | sort -u)
  return 1
}

# Prints the first registered ICD whose library exists. Fails without the
# loader, or if clinfo (when installed) sees no device, e.g. a GPU vendor ICD
# whose driver is missing. PoCL hides its devices when it cannot create its
# kernel cache (unwritable HOME), so clinfo gets a scratch one here.
usable_icd() {
  local icd lib devices
  library_found libOpenCL.so.1 || return 1
  if command -v clinfo >/dev/null; then
    # grep -c, not -q: an early-exiting grep would SIGPIPE clinfo under pipefail.
    devices=$(POCL_CACHE_DIR="$scratch" clinfo -l 2>/dev/null | grep -c 'Device #' || true)
    [[ $devices -gt 0 ]] || return 1
  fi
  for icd in "$VENDORS_DIR"/*.icd; do
    [[ -r "$icd" ]] || continue
    lib=$(head -n1 "$icd" | tr -d '[:space:]')
    case "$lib" in
      "") continue ;;
      /*) [[ -r "$lib" ]] || continue ;;
      *) library_found "$lib" || continue ;;
    esac
    echo "$icd"
    return 0
  done
  return 1
}

missing() {
  library_found libOpenCL.so || echo ocl-icd-opencl-dev
  usable_icd >/dev/null || echo ocl-icd-libopencl1 pocl-opencl-icd clinfo
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

read -r -a packages <<<"$(missing | tr '\n' ' ')"
if [[ ${#packages[@]} -eq 0 ]]; then
  echo "ensure-opencl: OpenCL ready ($(usable_icd)), nothing to do"
  exit 0
fi

command -v apt-get >/dev/null \
  || die "OpenCL not usable and no apt-get to install ${packages[*]}; install an OpenCL driver and libOpenCL.so manually"

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  die "OpenCL not usable; installing ${packages[*]} needs root or passwordless sudo"
fi

log="$scratch/apt.log"
apt_get() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" >>"$log" 2>&1; }

# Refresh package lists only when they do not know a package yet (fresh containers).
for p in "${packages[@]}"; do
  if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt_get update || { cat "$log" >&2; die "apt-get update failed"; }
    break
  fi
done
apt_get install --no-install-recommends "${packages[@]}" \
  || { cat "$log" >&2; die "apt-get install ${packages[*]} failed"; }

[[ -z $(missing) ]] || die "installed ${packages[*]} but OpenCL is still not usable: missing $(missing | tr '\n' ' ')(see clinfo -l)"
echo "ensure-opencl: installed ${packages[*]} ($(usable_icd))"
