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
# With BENCH_RESIDENT=1 every round also runs the same provision through the resident engine (tool
# ascent-resident; the daemon is started and warmed by one provision before the first round and stopped at the end,
# bench/lib.sh), and the last lines add its medians and `RATIO provision-vs-kubectl-resident`.
#
# Usage: bench/provision-vs-kubectl.sh KUBECONFIG [ROUNDS] [KUBECTL]
#   KUBECONFIG  a cluster, such as the test control plane (testing/control-plane/up.sh DIR writes DIR/kubeconfig)
#   KUBECTL     a kubectl within one minor of the server (default: kubectl on PATH)
set -euo pipefail
kubeconfig="$1"
rounds="${2:-3}"
kubectl="${3:-kubectl}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/lib.sh"
work="$(mktemp -d)"
trap 'bench_resident_stop; rm -rf "$work"' EXIT

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

# ascent_round ROUND TOOL LAUNCHER...: one provision by Ascent, its row appended to the rows.
ascent_round() {
  local round="$1" tool="$2"; shift 2
  local before=0
  rm -f "$work/cpu"
  if [[ -n "${daemon_pid:-}" ]]; then before="$(bench_cpu_ticks "$daemon_pid")"; fi
  start=$(now)
  timed "$work/cpu" "$@" provision "$app" --no-git --driver existing --kubeconfig "$kubeconfig" \
      --format json --output "$work/report.json" >/dev/null 2>"$work/ascent.err" || {
    cat "$work/ascent.err" >&2; exit 1; }
  end=$(now)
  if grep -q "resident engine" "$work/ascent.err"; then cat "$work/ascent.err" >&2; exit 4; fi
  if [[ -n "${daemon_pid:-}" ]]; then   # the daemon's CPU time for this request, as a line GNU time would write
    echo "$(( $(bench_cpu_ticks "$daemon_pid") - before )) $(getconf CLK_TCK)" | awk '{ printf "%.3f 0\n", $1 / $2 }' >>"$work/cpu"
  fi
  python3 - "$work/report.json" "$round" "$(ms "$start" "$end")" "$(cpu_ms "$work/cpu")" "$tool" <<'PY' | tee -a "$work/rows"
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
print(f'{sys.argv[2]},{sys.argv[5]},{total},{sys.argv[4]},{phase.get("validate",0)},{phase.get("deploy",0)},'
      f'{phase.get("tests",0)},{phase.get("teardown",0)},{reaction},{total - reaction},{total - phases},{own}')
PY
}

resident=()
if [[ "$BENCH_RESIDENT" == 1 ]]; then
  bench_resident_init
  # shellcheck disable=SC2206 # a word list
  resident=($(bench_resident "$root/ascent"))
  ascent_round 0 warmup "${resident[@]}" >/dev/null
  sed -i '/,warmup,/d' "$work/rows"
  # GNU time sees only the client: the cpu_ms of ascent-resident rows adds the daemon's CPU time for the request.
  daemon_pid="$(bench_resident_pid)"
fi
echo "round,tool,total_ms,cpu_ms,validate_ms,deploy_ms,tests_ms,teardown_ms,cluster_reaction_ms,overhead_ms,start_exit_ms,own_ms"
for round in $(seq 1 "$rounds"); do
  ascent_round "$round" ascent "$root/ascent"
  if [[ ${#resident[@]} -gt 0 ]]; then ascent_round "$round" ascent-resident "${resident[@]}"; fi

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
k = median("kubectl", 2)
for tool, row in (("ascent", "provision-vs-kubectl"), ("ascent-resident", "provision-vs-kubectl-resident")):
    if not any(r[1] == tool for r in rows):
        continue
    a = median(tool, 2)
    print(f"MEDIAN {tool} total={a:.0f}ms cpu={median(tool, 3):.0f}ms overhead={median(tool, 9):.0f}ms "
          f"(start_exit={median(tool, 10):.0f}ms validate={median(tool, 4):.0f}ms own={median(tool, 11):.0f}ms) "
          f"cluster_reaction={median(tool, 8):.0f}ms | kubectl total={k:.0f}ms cpu={median('kubectl', 3):.0f}ms")
    print(f"RATIO {row} wall={a / k:.2f} cpu={median(tool, 3) / max(median('kubectl', 3), 1):.2f} "
          f"ascent={a / 1000:.3f}s alt={k / 1000:.3f}s load={os.getloadavg()[0]:.1f}")
PY
