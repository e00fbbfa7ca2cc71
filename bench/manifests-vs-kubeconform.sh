#!/usr/bin/env bash
# Ascent's manifest validation against kubeconform -strict, whole processes side by side (issue 17, rows 1-4, and
# the one-big-file memory case). Both tools validate the same generated manifests against the same schemas:
# the ones Ascent bundles for Kubernetes 1.31, exported in strict form into a folder kubeconform reads.
#
#   bench/manifests-vs-kubeconform.sh [--brief]
#
# Rows (full size; --brief shrinks them so CI proves the script still works in seconds):
#   schema-50k       50,000 resources in 10,000 files, manifest.schema + manifest.api-version, ./ascent launcher
#   all-checks-50k   the same, every manifest check on
#   default-jvm-50k  the same as schema-50k, `java -jar ascent.jar` with the JVM's default flags
#   schema-5k        5,000 resources in 1,000 files, schema + API version
#   one-file-50k     50,000 small resources (Services, ConfigMaps, ServiceAccounts; 9.5 MB) in one file, schema +
#                    API version (memory must not grow with the file)
# Each row prints an RSS line (peak resident memory of each tool, one run) and a RATIO line (bench/lib.sh).
# BENCH_RESIDENT=1 adds the row schema-5k-resident: schema-5k through the resident engine (bench/lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"

work="$(mktemp -d)"
trap 'bench_resident_stop; rm -rf "$work"' EXIT
cd "$BENCH_ROOT"

# The benchmarks module depends on the CLI: building it rebuilds the CLI's jar, so it goes first. Otherwise the
# launcher would find its class-data archives older than the jar and record them again during the first measured run
# (whose peak memory, the RSS line, would then be the training run's).
benchmarks="$BENCH_ROOT/ascent-benchmarks/target/benchmarks.jar"
if [[ ! -f "$benchmarks" || -n "$(find ascent-core/src/main ascent-cli/src/main ascent-benchmarks/src/main -newer "$benchmarks" -type f -print -quit)" ]]; then
  ./mvnw -B -q -DskipTests -Djazzer.skip -pl ascent-benchmarks -am package >&2
fi
jar="$(bench_ascent_jar)"
kubeconform="$(bench_kubeconform)"

if [[ "$BENCH_BRIEF" == 1 ]]; then
  big=(1000 200); small=(250 50); single=2000
else
  big=(50000 10000); small=(5000 1000); single=50000
fi

generate() { # NAME RESOURCES FILES CHECKS [--small]
  python3 bench/generate-manifests.py "$work/$1" "$2" "$3" --checks "$4" ${5:-} > "$work/kinds.txt"
}
generate schema-big "${big[@]}" schema
generate all-big "${big[@]}" all
generate schema-small "${small[@]}" schema
generate one-file "$single" 1 schema --small
mapfile -t kinds < "$work/kinds.txt"
java -cp "$benchmarks" io.ascent.benchmarks.KubeconformSchemas "$work/schemas" 1.31 "${kinds[@]}"

kc() { echo "$kubeconform -strict -summary -kubernetes-version 1.31.0 -schema-location $work/schemas/{{.ResourceKind}}{{.KindSuffix}}.json $work/$1/deploy"; }
launcher() { echo "$BENCH_ROOT/ascent validate --no-git $work/$1"; }
plain_jvm() { echo "java -jar $jar validate --no-git $work/$1"; }

# Both tools must do the whole job and agree before they are timed: every resource valid, nothing skipped. This
# first run of each also gives its peak resident memory (GNU time), printed as the RSS line.
rss() { awk '{printf "%.0f", $1/1024}' "$work/rss"; }
agree() { # ROW ASCENT_COMMAND KUBECONFORM_COMMAND RESOURCES
  local a k ra
  # shellcheck disable=SC2086
  a="$(/usr/bin/time -f %M -o "$work/rss" $2 -v 2>&1 || true)"; ra="$(rss)"   # -v: passed items are listed
  # shellcheck disable=SC2086
  k="$(/usr/bin/time -f %M -o "$work/rss" $3 2>&1 || true)"
  echo "RSS $1 ascent=${ra}MiB alt=$(rss)MiB"
  if ! grep -q "$4 resources match their schemas \\[manifest.schema\\]" <<<"$a" || ! grep -q "result: PASSED" <<<"$a"; then
    echo "bench: Ascent did not validate all $4 resources cleanly:" >&2; tail -20 <<<"$a" >&2; exit 4
  fi
  if ! grep -q "$4 resources found .* Valid: $4, Invalid: 0, Errors: 0, Skipped: 0" <<<"$k"; then
    echo "bench: kubeconform did not validate all $4 resources cleanly: $k" >&2; exit 4
  fi
}

row() { # ROW ASCENT_COMMAND KUBECONFORM_COMMAND RESOURCES
  agree "$@"
  bench_compare "$1" "$2" "$3"
}

echo "# $(java -version 2>&1 | head -1); kubeconform $KUBECONFORM_VERSION; $(nproc) cores"
row "schema-${big[0]}" "$(launcher schema-big)" "$(kc schema-big)" "${big[0]}"
row "all-checks-${big[0]}" "$(launcher all-big)" "$(kc all-big)" "${big[0]}"
row "default-jvm-${big[0]}" "$(plain_jvm schema-big)" "$(kc schema-big)" "${big[0]}"
row "schema-${small[0]}" "$(launcher schema-small)" "$(kc schema-small)" "${small[0]}"
bench_compare_resident "schema-${small[0]}" "$(launcher schema-small)" "$(kc schema-small)"
row "one-file-$single" "$(launcher one-file)" "$(kc one-file)" "$single"
