#!/usr/bin/env bash
# Start-up, side by side (issue 17, row "hello-web cold, every step"): `ascent validate examples/hello-web` through
# the ./ascent launcher (class-data archive or, with Java 25+, the ahead-of-time cache; every step: checklist,
# repository rules with the secret scan, manifest checks with schema validation) against kubeconform -strict on the
# same four manifests with the same schemas (exported from Ascent's bundle, so neither reads the network).
#
# Usage: bench/startup-vs-kubeconform.sh [--brief]
# Prints `RATIO startup-hello-web ...` (bench/lib.sh) and `PEAK_RSS startup-hello-web ascent=<MiB> alt=<MiB>`.
# ASCENT_JAVA=/path/to/java picks the JVM the launcher runs (see ./ascent). BENCH_RESIDENT=1 adds
# `RATIO startup-hello-web-resident ...`: the same command through the resident engine (bench/lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$BENCH_ROOT"

work="$(mktemp -d)"
trap 'bench_resident_stop; rm -rf "$work"' EXIT
app="examples/hello-web"
version="$(sed -n '/^kubernetes:/,/^[a-z]/s/^  version: *"\{0,1\}\([0-9]*\.[0-9]*\).*/\1/p' "$app/ascent.yaml" | head -n 1)"

kubeconform="$(bench_kubeconform)"
bench_ascent_jar >/dev/null   # builds the CLI and records its archive outside the measurement
# With -am: without it the benchmarks link against whatever ascent-core the local Maven repository holds, which
# need not be this checkout's.
./mvnw -B -q -o package -DskipTests -Djazzer.skip -pl ascent-benchmarks -am >&2 2>/dev/null \
  || ./mvnw -B -q package -DskipTests -Djazzer.skip -pl ascent-benchmarks -am >&2
java -cp ascent-benchmarks/target/benchmarks.jar io.ascent.benchmarks.KubeconformSchemaFolder "$work/schemas" \
  "$version" apps/v1/Deployment policy/v1/PodDisruptionBudget v1/Service batch/v1/Job

ascent_cmd="$BENCH_ROOT/ascent validate $app"
alt_cmd="$kubeconform -strict -summary -kubernetes-version $version.0 -schema-location $work/schemas/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json $app/deploy/app $app/deploy/smoke"

# Both must judge the input as valid, or the comparison says nothing.
$ascent_cmd >/dev/null || { echo "bench: ascent did not pass $app" >&2; exit 1; }
$alt_cmd >/dev/null || { echo "bench: kubeconform did not pass $app" >&2; exit 1; }

bench_compare startup-hello-web "$ascent_cmd" "$alt_cmd"
bench_compare_resident startup-hello-web "$ascent_cmd" "$alt_cmd"
# shellcheck disable=SC2086 # the commands are word lists
echo "PEAK_RSS startup-hello-web ascent=$(bench_peak_rss_mib $ascent_cmd)MiB alt=$(bench_peak_rss_mib $alt_cmd)MiB"
