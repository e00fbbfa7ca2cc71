#!/usr/bin/env bash
# Compares `ascent provision --driver existing` for hello-web with the kubectl sequence a team would script, on the
# same cluster, side by side, ROUNDS times each (docs/performance.md). Both deploy hello-web without its two http
# tests (the test control plane's pod addresses lead nowhere), roll it out, run its Job and delete the namespace.
#
# Columns: total_ms is the whole process (or kubectl sequence) wall time; cpu_ms its user+sys CPU time (GNU time;
# for kubectl the sum of its six processes); for Ascent, cluster_reaction_ms is the time it spent waiting for the
# cluster (every rollout and Job wait from its start to the deciding watch event, plus the namespace deletion, as
# the report's log says) and overhead_ms = total_ms - cluster_reaction_ms: everything that is Ascent's own. It is
# split into start_exit_ms (total_ms minus the run's phases: JVM start, argument parsing, writing the report, exit),
# validate_ms (static validation, which the kubectl sequence does not do) and own_ms (preflight, namespace, deploy,
# tests and teardown minus the waits for the cluster: requests, judging, diagnostics). The last lines give medians
# and the load.
#
# Usage: bench/provision-vs-kubectl.sh KUBECONFIG [ROUNDS] [KUBECTL]
#   KUBECONFIG  a cluster, such as the test control plane (testing/control-plane/up.sh DIR writes DIR/kubeconfig)
#   KUBECTL     a kubectl within one minor of the server (default: kubectl on PATH)
set -euo pipefail
kubeconfig="$1"
rounds="${2:-3}"
kubectl="${3:-kubectl}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

app="$work/hello-web"
cp -r "$root/examples/hello-web" "$app"
python3 - "$app/ascent.yaml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
start, end = text.index("    - name: homepage"), text.index("    - name: content-check")
open(path, "w").write(text[:start] + text[end:])
PY

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

"$root/ascent" --version >/dev/null   # build the CLI (and its class data archive) outside the measurement
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed for the CPU column" >&2; exit 3; }
# timed FILE COMMAND...: runs the command, appending its user+sys CPU milliseconds to FILE.
timed() { local file="$1"; shift; /usr/bin/time -a -o "$file" -f '%U %S' "$@"; }
cpu_ms() { awk '{ s += $1 + $2 } END { printf "%d", s * 1000 }' "$1"; }

echo "round,tool,total_ms,cpu_ms,validate_ms,deploy_ms,tests_ms,teardown_ms,cluster_reaction_ms,overhead_ms,start_exit_ms,own_ms"
for round in $(seq 1 "$rounds"); do
  # Ascent: validation, preflight, namespace, apply, rollout wait, Job test, namespace deletion.
  rm -f "$work/cpu"
  start=$(now)
  timed "$work/cpu" "$root/ascent" provision "$app" --no-git --driver existing --kubeconfig "$kubeconfig" \
      --format json --output "$work/report.json" >/dev/null 2>"$work/ascent.err" || {
    cat "$work/ascent.err" >&2; exit 1; }
  end=$(now)
  python3 - "$work/report.json" "$round" "$(ms "$start" "$end")" "$(cpu_ms "$work/cpu")" <<'PY' | tee -a "$work/rows"
import json, re, sys
report = json.load(open(sys.argv[1]))
phase = {i["message"].split(":")[0]: i["durationMillis"] for i in report["items"] if i["id"] == "provision.phase"}
# What the cluster itself took, as the run measured it (Provisioner logs it once, at the end of teardown).
waited = [int(m.group(1)) for e in report["log"] for m in [re.match(r"waited for the cluster (\d+) ms", e["message"])] if m]
if not waited:
    sys.exit("bench: the report does not say how long Ascent waited for the cluster")
total, reaction = int(sys.argv[3]), waited[0]
phases = sum(phase.values())
own = phases - phase.get("validate", 0) - reaction
print(f'{sys.argv[2]},ascent,{total},{sys.argv[4]},{phase.get("validate",0)},{phase.get("deploy",0)},'
      f'{phase.get("tests",0)},{phase.get("teardown",0)},{reaction},{total - reaction},{total - phases},{own}')
PY

  # kubectl: the same work as a script would do it.
  ns="bench-kubectl-$(date +%s)-$round"
  k=("$kubectl" --kubeconfig "$kubeconfig")
  rm -f "$work/cpu"
  start=$(now)
  timed "$work/cpu" "${k[@]}" create namespace "$ns" >/dev/null
  timed "$work/cpu" "${k[@]}" -n "$ns" apply --server-side -f "$app/deploy/app/" >/dev/null
  timed "$work/cpu" "${k[@]}" -n "$ns" rollout status deployment/hello-web --timeout=180s >/dev/null
  t0=$(now)
  timed "$work/cpu" "${k[@]}" -n "$ns" create -f "$app/deploy/smoke/content-job.yaml" >/dev/null
  timed "$work/cpu" "${k[@]}" -n "$ns" wait --for=condition=complete job/hello-web-content --timeout=120s >/dev/null
  x0=$(now)
  timed "$work/cpu" "${k[@]}" delete namespace "$ns" --wait >/dev/null
  end=$(now)
  echo "$round,kubectl,$(ms "$start" "$end"),$(cpu_ms "$work/cpu"),0,$(ms "$start" "$t0"),$(ms "$t0" "$x0"),$(ms "$x0" "$end"),,,," \
    | tee -a "$work/rows"
done
python3 - "$work/rows" <<'PY'
import os, statistics, sys
rows = [line.strip().split(",") for line in open(sys.argv[1])]
def median(tool, column):
    return statistics.median(int(r[column]) for r in rows if r[1] == tool)
a, k = median("ascent", 2), median("kubectl", 2)
print(f"MEDIAN ascent total={a:.0f}ms cpu={median('ascent', 3):.0f}ms overhead={median('ascent', 9):.0f}ms "
      f"(start_exit={median('ascent', 10):.0f}ms validate={median('ascent', 4):.0f}ms own={median('ascent', 11):.0f}ms) "
      f"cluster_reaction={median('ascent', 8):.0f}ms | kubectl total={k:.0f}ms cpu={median('kubectl', 3):.0f}ms")
print(f"RATIO provision-vs-kubectl wall={a / k:.2f} cpu={median('ascent', 3) / max(median('kubectl', 3), 1):.2f} "
      f"ascent={a / 1000:.3f}s alt={k / 1000:.3f}s load={os.getloadavg()[0]:.1f}")
PY
