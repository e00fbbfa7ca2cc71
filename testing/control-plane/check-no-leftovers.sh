#!/usr/bin/env bash
# Run after the test JVM has exited: fails if any process of the run's shared
# control plane is still alive. Every component was started with a path inside
# the work directory on its command line, so a scan of /proc finds them (and
# anything they started) without trusting the harness that should have stopped them.
#
# Usage: check-no-leftovers.sh WORK_ROOT   (the module's target/control-plane)
set -euo pipefail

work_root="$(cd "${1:?usage: $0 WORK_ROOT}" 2>/dev/null && pwd || true)"
if [[ -z "$work_root" || ! -f "$work_root/pids" ]]; then
    echo "control plane leftovers: no control plane was started in this run"
    exit 0
fi

leftovers=()
for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [[ "$pid" == "$$" ]] && continue
    # A process may exit between the glob and the read: treat it as gone.
    cmdline="$( { tr '\0' ' ' < "$proc/cmdline"; } 2>/dev/null || true)"
    state="$( { awk '{print $3}' "$proc/stat"; } 2>/dev/null || true)"
    if [[ "$cmdline" == *"$work_root/"* && "$cmdline" != *check-no-leftovers.sh* && "$state" != "Z" ]]; then
        leftovers+=("$pid $cmdline")
    fi
done

if (( ${#leftovers[@]} > 0 )); then
    echo "control plane leftovers: ${#leftovers[@]} process(es) outlived the test run:" >&2
    printf '  %s\n' "${leftovers[@]}" >&2
    exit 1
fi
echo "control plane leftovers: no process using $work_root is running (the last start recorded $(wc -l < "$work_root/pids") components)"
