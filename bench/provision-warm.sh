#!/usr/bin/env bash
# Ascent's overhead in a JVM that is already running, as in a Jenkins agent (docs/performance.md): provisions
# hello-web (without its two http tests, as bench/provision-vs-kubectl.sh) ROUNDS times in one JVM through the
# engine API the Jenkins plugin calls, and prints per run wall_ms (the provision call), cluster_reaction_ms (what the
# run waited for the cluster, as its report's log says), overhead_ms = wall_ms - cluster_reaction_ms, and its parts
# validate_ms (static validation), preflight_ms, own_ms (every phase but validate, minus the waits; preflight
# included) and outside_ms (the call outside the run's phases: the report's source excerpts). Run 1 is cold
# (class loading, JIT), later runs are warm. The last line gives the warm runs' median and the load. It prints
# numbers and judges nothing.
#
# Usage: bench/provision-warm.sh KUBECONFIG [ROUNDS]
#   KUBECONFIG  a cluster, such as the test control plane (testing/control-plane/up.sh DIR writes DIR/kubeconfig)
set -euo pipefail
kubeconfig="$1"
rounds="${2:-6}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
benchmarks="ascent-benchmarks/target/benchmarks.jar"
if [[ ! -f "$benchmarks" || -n "$(find ascent-core/src/main ascent-benchmarks/src/main -newer "$benchmarks" -type f -print -quit)" ]]; then
  ./mvnw -B -q -o -DskipTests -Djazzer.skip -pl ascent-benchmarks -am package >&2
fi
rows="$(mktemp)"
trap 'rm -f "$rows"' EXIT
java -cp "$benchmarks" io.ascent.benchmarks.WarmProvision "$kubeconfig" examples/hello-web "$rounds" | tee "$rows"
python3 - "$rows" <<'PY'
import os, statistics, sys
rows = [line.strip().split(",") for line in open(sys.argv[1])][1:]
warm = rows[1:] or rows
def median(column):
    return statistics.median(int(r[column]) for r in warm)
print(f"MEDIAN warm runs {len(warm)}: wall={median(1):.0f}ms cluster_reaction={median(2):.0f}ms "
      f"overhead={median(3):.0f}ms (validate={median(4):.0f}ms preflight={median(5):.0f}ms own={median(6):.0f}ms outside={median(7):.0f}ms) "
      f"| cold run 1: overhead={rows[0][3]}ms load={os.getloadavg()[0]:.1f}")
PY
