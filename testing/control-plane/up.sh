#!/usr/bin/env bash
# Starts the test control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok nodes: the
# same harness the JUnit tests use, see docs/control-plane.md) outside JUnit, and returns once its nodes are
# Ready. Writes DIR/kubeconfig (admin, certificates embedded), DIR/pid (the JVM holding the components),
# DIR/up.log and DIR/cluster/ (certificates, etcd data, one log per component). Stop it with down.sh DIR.
#
#   testing/control-plane/up.sh /tmp/cp && ascent provision --driver existing --kubeconfig /tmp/cp/kubeconfig ...
#
# Usage: up.sh DIR [FAKE_NODES]     (FAKE_NODES default 1)
# Env:   ASCENT_CONTROL_PLANE_BIN        binaries directory (default: build.sh's, built on first use, ~8 min)
#        ASCENT_CONTROL_PLANE_CLASSPATH  Java class path of the harness (default: built with the Maven wrapper)
#        ASCENT_CONTROL_PLANE_UP_TIMEOUT seconds to wait for Ready nodes (default 180)
# Exit:  0 ready (or already running), 2 usage, 3 the control plane cannot start (see DIR/up.log)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[[ $# -ge 1 && -n "$1" ]] || { echo "usage: up.sh DIR [FAKE_NODES]" >&2; exit 2; }
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
nodes="${2:-1}"
timeout="${ASCENT_CONTROL_PLANE_UP_TIMEOUT:-180}"

if [[ -f "$dir/pid" ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null && [[ -f "$dir/ready" ]]; then
    echo "control plane already running in $dir (pid $(cat "$dir/pid")); kubeconfig $dir/kubeconfig"
    exit 0
fi

bin="${ASCENT_CONTROL_PLANE_BIN:-}"
[[ -n "$bin" ]] || bin="$("$here/build.sh")" || { echo "up.sh: cannot build the control plane binaries" >&2; exit 3; }

classpath="${ASCENT_CONTROL_PLANE_CLASSPATH:-}"
if [[ -z "$classpath" ]]; then
    module="$root/ascent-control-plane-tests"
    cp_file="$module/target/harness.classpath"
    if [[ ! -f "$cp_file" || -n "$(find "$module/src/main" "$module/pom.xml" -newer "$cp_file" -type f -print -quit)" ]]; then
        echo "up.sh: building the harness (first use, or sources changed)..." >&2
        (cd "$root" && ./mvnw -B -q -DskipTests -pl ascent-control-plane-tests -am package \
            org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
            -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2) \
            || { echo "up.sh: the harness build failed" >&2; exit 3; }
    fi
    classpath="$module/target/classes:$(cat "$cp_file")"
fi

rm -f "$dir/ready" "$dir/kubeconfig" "$dir/pid"
# A session of its own: the control plane outlives this script and the shell that ran it.
setsid java -cp "$classpath" io.ascent.controlplane.StandaloneControlPlane "$bin" "$dir" "$nodes" \
    >"$dir/up.log" 2>&1 </dev/null &
pid=$!
echo "$pid" > "$dir/pid"

for ((waited = 0; waited < timeout * 10; waited++)); do
    if [[ -f "$dir/ready" ]]; then
        echo "control plane ready in $dir (pid $pid); kubeconfig $dir/kubeconfig"
        exit 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "up.sh: the control plane did not start; last lines of $dir/up.log:" >&2
        tail -n 20 "$dir/up.log" >&2
        rm -f "$dir/pid"
        exit 3
    fi
    sleep 0.1
done
echo "up.sh: the control plane was not ready after ${timeout} s; stopping it (see $dir/up.log)" >&2
"$here/down.sh" "$dir" >&2 || true
exit 3
