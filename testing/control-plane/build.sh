#!/usr/bin/env bash
# Builds the test control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kwok) from the Go modules in this directory into a cache
# outside the repository, and prints the directory holding the binaries.
#
# The cache is keyed by the pinned versions and stamped with a hash of every
# build input (go.mod, go.sum, the mains, the linker flags, the Go version): a
# rerun with the same inputs returns at once, a changed input rebuilds.
# A file lock makes concurrent callers (two Maven runs, CI and a developer)
# wait for one build instead of racing.
#
# Usage: build.sh            -> prints the bin directory on stdout
# Env:   ASCENT_CONTROL_PLANE_CACHE  cache root (default ~/.cache/ascent/control-plane)
#        ASCENT_CONTROL_PLANE_BUILD_TIMEOUT  seconds to wait for another build's lock (default 3600)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${ASCENT_CONTROL_PLANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ascent/control-plane}"
lock_timeout="${ASCENT_CONTROL_PLANE_BUILD_TIMEOUT:-3600}"

log() { echo "control-plane build: $*" >&2; }

# Go's own installer puts it in /usr/local/go/bin, which non-login shells (CI) may not have on PATH.
if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
    PATH="$PATH:/usr/local/go/bin"
fi
command -v go >/dev/null 2>&1 || { log "go is not on PATH; Go >= 1.26 is needed to build the control plane"; exit 3; }

# The pinned versions, read from the modules themselves so there is one source of truth.
module_version() { # dir module
    (cd "$here/$1" && go list -m -f '{{.Version}}' "$2")
}
k8s_version="$(module_version . k8s.io/kubernetes)"
etcd_version="$(module_version . go.etcd.io/etcd/server/v3)"
kwok_version="$(module_version kwok sigs.k8s.io/kwok)"
versions="kubernetes-${k8s_version}_etcd-${etcd_version}_kwok-${kwok_version}"

# The version variables make /version report the real release instead of
# v0.0.0-master; -s -w drops debug symbols, which halves the cache on disk.
# (-buildvcs=false below: the binaries need no VCS stamp, and a CI checkout
# owned by another user would otherwise fail the build.)
k8s_minor="$(echo "$k8s_version" | cut -d. -f2)"
k8s_ldflags="-s -w \
 -X k8s.io/component-base/version.gitVersion=${k8s_version} \
 -X k8s.io/component-base/version.gitMajor=1 \
 -X k8s.io/component-base/version.gitMinor=${k8s_minor} \
 -X k8s.io/component-base/version.gitTreeState=clean"
kwok_ldflags="-s -w"
build_flags=(-trimpath -buildvcs=false)

stamp="$(
    {
        echo "$versions"
        go version
        echo "${build_flags[*]} / $k8s_ldflags / $kwok_ldflags"
        cd "$here"
        sha256sum go.mod go.sum kwok/go.mod kwok/go.sum kwok/main.go cmd/*/main.go
    } | sha256sum | cut -c1-64
)"

target="$cache_root/$versions"
bin="$target/bin"
mkdir -p "$cache_root"

is_current() { [[ -f "$target/stamp" && "$(cat "$target/stamp")" == "$stamp" && -d "$bin" ]]; }

if is_current; then
    echo "$bin"
    exit 0
fi

exec 9>"$cache_root/$versions.lock"
log "waiting for the build lock $cache_root/$versions.lock"
flock -w "$lock_timeout" 9 || { log "gave up waiting ${lock_timeout}s for another build"; exit 4; }

# Another process may have finished the build while this one waited.
if is_current; then
    echo "$bin"
    exit 0
fi

log "building $versions into $target (first build takes long: see docs/control-plane.md)"
rm -rf "$target/bin.partial"
mkdir -p "$target/bin.partial"
started=$(date +%s)

(cd "$here" && go build "${build_flags[@]}" -ldflags "$k8s_ldflags" -o "$target/bin.partial/" ./cmd/...)
(cd "$here/kwok" && go build "${build_flags[@]}" -ldflags "$kwok_ldflags" -o "$target/bin.partial/kwok" .)

rm -rf "$bin"
mv "$target/bin.partial" "$bin"
echo "$stamp" > "$target/stamp"
log "built in $(( $(date +%s) - started ))s"
echo "$bin"
