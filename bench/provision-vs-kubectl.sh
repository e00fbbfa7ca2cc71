#!/usr/bin/env bash
# Compares `ascent provision --driver existing` for hello-web with the kubectl sequence a team would script, on the
# same cluster, side by side, ROUNDS times each (docs/performance.md). Both deploy hello-web without its two http
# tests (the test control plane's pod addresses lead nowhere), roll it out, run its Job and delete the namespace.
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
echo "round,tool,total_ms,validate_ms,deploy_ms,tests_ms,teardown_ms,cluster_reaction_ms"
for round in $(seq 1 "$rounds"); do
  # Ascent: validation, preflight, namespace, apply, rollout wait, Job test, namespace deletion.
  start=$(now)
  "$root/ascent" provision "$app" --no-git --driver existing --kubeconfig "$kubeconfig" \
      --format json --output "$work/report.json" >/dev/null 2>"$work/ascent.err" || {
    cat "$work/ascent.err" >&2; exit 1; }
  end=$(now)
  python3 - "$work/report.json" "$round" "$(ms "$start" "$end")" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
phase = {i["message"].split(":")[0]: i["durationMillis"] for i in report["items"] if i["id"] == "provision.phase"}
# What the cluster itself takes: the waits (rollout, Job) and the namespace deletion.
reaction = sum(i["durationMillis"] for i in report["items"]
               if i["id"] in ("provision.rollout", "provision.test", "provision.teardown"))
print(f'{sys.argv[2]},ascent,{sys.argv[3]},{phase.get("validate",0)},{phase.get("deploy",0)},'
      f'{phase.get("tests",0)},{phase.get("teardown",0)},{reaction}')
PY

  # kubectl: the same work as a script would do it.
  ns="bench-kubectl-$(date +%s)-$round"
  k=("$kubectl" --kubeconfig "$kubeconfig")
  start=$(now)
  "${k[@]}" create namespace "$ns" >/dev/null
  "${k[@]}" -n "$ns" apply --server-side -f "$app/deploy/app/" >/dev/null
  d0=$(now)
  "${k[@]}" -n "$ns" rollout status deployment/hello-web --timeout=180s >/dev/null
  t0=$(now)
  "${k[@]}" -n "$ns" create -f "$app/deploy/smoke/content-job.yaml" >/dev/null
  "${k[@]}" -n "$ns" wait --for=condition=complete job/hello-web-content --timeout=120s >/dev/null
  x0=$(now)
  "${k[@]}" delete namespace "$ns" --wait >/dev/null
  end=$(now)
  echo "$round,kubectl,$(ms "$start" "$end"),0,$(ms "$start" "$t0"),$(ms "$t0" "$x0"),$(ms "$x0" "$end"),"
done
