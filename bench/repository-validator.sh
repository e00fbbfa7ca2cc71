#!/usr/bin/env bash
# Measures the repository validator on one repository and runs repolinter's equivalent file-existence rules on the
# same checkout, side by side. Numbers go to docs/performance.md ("Repository validator").
#
#   bench/repository-validator.sh REPO_DIR [ITERATIONS]
#
# REPO_DIR is a git checkout (bench/generate-large-repository.py makes the 50,000-file one). repolinter is
# installed from npm into a temporary directory unless REPOLINTER_DIR points at an existing install.
set -euo pipefail
repo=$(cd "$1" && pwd)
iterations=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

./mvnw -B -q package -DskipTests -pl ascent-benchmarks -am
cp="ascent-benchmarks/target/benchmarks.jar"
java_opts=(-Xmx2g -cp "$cp")

echo "== in-process timings (one JVM; cold = first run; warm = best and median of $iterations)"
java "${java_opts[@]}" io.ascent.core.repo.RepositoryValidatorBenchmark "$repo" "$iterations" 2>/dev/null

if [[ -z "${REPOLINTER_DIR:-}" ]]; then
  REPOLINTER_DIR=$(mktemp -d)
  (cd "$REPOLINTER_DIR" && npm install --no-audit --no-fund --silent repolinter >/dev/null)
fi
repolinter="$REPOLINTER_DIR/node_modules/.bin/repolinter"
echo "== side by side, whole processes, equivalent rules (bench/ascent-equivalent.yaml, bench/repolinter-equivalent.json)"
echo "   repolinter $(node -e "console.log(require('$REPOLINTER_DIR/node_modules/repolinter/package.json').version)"), node $(node --version), $(java -version 2>&1 | head -1)"
ms() { local s=$(date +%s%N); "$@" >/tmp/ascent-bench-last.log 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
a_all=(); r_all=()
for i in $(seq "${SIDE_BY_SIDE_RUNS:-3}"); do
  a=$(ms java "${java_opts[@]}" io.ascent.core.repo.RepositoryValidatorBenchmark --once "$repo" "$root/bench/ascent-equivalent.yaml")
  a_out=$(grep '^ascent:' /tmp/ascent-bench-last.log || true)
  r=$(ms "$repolinter" lint "$repo" --rulesetFile "$root/bench/repolinter-equivalent.json" --format json)
  r_out=$(node -e "const r=JSON.parse(require('fs').readFileSync('/tmp/ascent-bench-last.log','utf8').replace(/^[^{]*/,''));console.log('repolinter: '+r.results.map(x=>x.ruleInfo.name+'='+(x.lintResult?x.lintResult.passed:x.status)).join(' '))" 2>/dev/null || echo "repolinter: (output not JSON, see /tmp/ascent-bench-last.log)")
  echo "run $i: ascent ${a} ms, repolinter ${r} ms, ratio $(awk "BEGIN{printf \"%.1f\", $r/$a}")x"
  a_all+=("$a"); r_all+=("$r")
done
echo "   $a_out"
echo "   $r_out"
