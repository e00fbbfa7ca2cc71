#!/usr/bin/env bash
# Stops a control plane started by up.sh DIR: SIGTERM to its JVM, whose shutdown hook stops kwok, scheduler,
# controller-manager, API server and etcd in that order; SIGKILL after ASCENT_CONTROL_PLANE_DOWN_TIMEOUT seconds
# (default 60), which still takes the components with it (they run under setpriv --pdeathsig KILL).
# Leaves DIR/cluster/logs for diagnosis; removes DIR/pid, DIR/ready and DIR/kubeconfig.
# Usage: down.sh DIR. Exit: 0 stopped (or nothing was running), 2 usage, 1 it would not stop.
set -euo pipefail

[[ $# -ge 1 && -n "$1" ]] || { echo "usage: down.sh DIR" >&2; exit 2; }
dir="$1"
timeout="${ASCENT_CONTROL_PLANE_DOWN_TIMEOUT:-60}"
if [[ ! -f "$dir/pid" ]]; then
    echo "no control plane running in $dir"
    exit 0
fi
pid="$(cat "$dir/pid")"
if kill -TERM "$pid" 2>/dev/null; then
    for ((waited = 0; waited < timeout * 10; waited++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "down.sh: pid $pid did not stop in ${timeout} s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
        if kill -0 "$pid" 2>/dev/null; then
            echo "down.sh: pid $pid is still running" >&2
            exit 1
        fi
    fi
fi
rm -f "$dir/pid" "$dir/ready" "$dir/kubeconfig"
echo "control plane in $dir stopped"
