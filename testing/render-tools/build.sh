#!/usr/bin/env bash
# Builds the render tools the tests run for real (helm, kustomize) from their Go modules into a cache outside the
# repository, and prints the directory holding the binaries. A rerun with the binaries present returns at once.
# helm took 4 min 20 s to build on a 2-core machine at load 14, kustomize about 2 min (v5.8.2 and later need Go 1.27); both come from the Go module
# proxy, like the control plane (testing/control-plane/build.sh).
#
# Usage: build.sh            -> prints the bin directory on stdout
# Env:   ASCENT_RENDER_TOOLS_CACHE  cache root (default ~/.cache/ascent/render-tools)
set -euo pipefail

helm_version=v3.22.0
kustomize_version=v5.8.1
cache_root="${ASCENT_RENDER_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ascent/render-tools}"
bin="$cache_root/helm-${helm_version}_kustomize-${kustomize_version}"

log() { echo "render-tools build: $*" >&2; }

if ! command -v go >/dev/null 2>&1 && [[ -x /usr/local/go/bin/go ]]; then
    PATH="$PATH:/usr/local/go/bin"
fi

mkdir -p "$bin"
exec 9>"$bin/.lock"
flock -w 3600 9 || { log "timed out waiting for another build"; exit 3; }

install() { # name module version
    if [[ -x "$bin/$1" ]]; then
        return
    fi
    command -v go >/dev/null 2>&1 || { log "go is not on PATH; Go is needed to build $1"; exit 3; }
    log "building $1 $3 (a few minutes, once)"
    GOBIN="$bin" GOFLAGS=-trimpath go install "$2@$3" >&2
}

install helm helm.sh/helm/v3/cmd/helm "$helm_version"
install kustomize sigs.k8s.io/kustomize/kustomize/v5 "$kustomize_version"
echo "$bin"
