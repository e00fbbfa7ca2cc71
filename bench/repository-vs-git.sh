#!/usr/bin/env bash
# The repository validator next to git itself, on a generated repository (docs/performance.md, issue 17 rows 6-7):
#   repository-secrets  `ascent validate` with the whole repository ruleset, secret scan included,
#                       vs `git grep -I -E` of the secret detectors' patterns over HEAD
#   repository-files    the same with the file rules only (no secret scan), vs `git ls-tree -r -l HEAD`
#
#   bench/repository-vs-git.sh [--brief]
#
# The full run generates 50,000 files with 1.1 GiB of history (bench/generate-large-repository.py, about 3 minutes)
# once into BENCH_REPO (default: /tmp/ascent-bench-repo-50000) and reuses it; --brief generates 2,000 files with a
# little history into a temporary directory. Both tools read the same commit from the object database.
# repolinter, the tool a team would otherwise script this with, is compared in bench/repository-validator.sh.
# BENCH_RESIDENT=1 adds the row repository-files-resident: repository-files through the resident engine
# (bench/lib.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

work="$(mktemp -d)"
trap 'bench_resident_stop; rm -rf "$work"' EXIT

if [[ "$BENCH_BRIEF" == 1 ]]; then
  repo="$work/repo"
  python3 "$BENCH_ROOT/bench/generate-large-repository.py" "$repo" 2000 8 >/dev/null
else
  repo="${BENCH_REPO:-/tmp/ascent-bench-repo-50000}"
  if ! git -C "$repo" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    rm -rf "$repo"
    python3 "$BENCH_ROOT/bench/generate-large-repository.py" "$repo" >&2
  fi
fi

# bench/repository-rules.yaml as it is, and without the secret scan.
cp "$BENCH_ROOT/bench/repository-rules.yaml" "$work/whole.yaml"
printf '  secrets:\n    scan: false\n' | cat "$work/whole.yaml" - >"$work/files-only.yaml"

# The detectors of io.ascent.core.secret.SecretDetector.BUILT_IN that apply to every file, in POSIX ERE. The
# password-assignment detector is left out: it reads only dotenv and properties files, which git grep cannot select
# without a pathspec per name.
patterns=(
  -e '-----BEGIN ([A-Z0-9]+ ){0,2}PRIVATE KEY( BLOCK)?-----'
  -e '(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}'
  -e 'gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82}'
  -e 'gl(pat|ptt|dt|rt)-[A-Za-z0-9_.-]{20}'
  -e 'xox[bpars]-[A-Za-z0-9-]{10}|xapp-[0-9]-[A-Za-z0-9-]{10}|https://hooks[.]slack[.]com/services/T[A-Za-z0-9_]+/B'
  -e 'AIza[0-9A-Za-z_-]{35}'
  -e 'eyJ[A-Za-z0-9_-]{8,}[.]eyJ[A-Za-z0-9_-]{8,}[.][A-Za-z0-9_-]{8,}'
)
quoted=""
for p in "${patterns[@]}"; do quoted+=" '$p'"; done

bench_ascent_jar >/dev/null
ascent="$BENCH_ROOT/ascent validate $repo -f json -o /dev/null -c"

# Both must see the planted secrets, or the comparison means nothing.
found="$(git -C "$repo" grep -I -l -E "${patterns[@]}" HEAD | wc -l)"
"$BENCH_ROOT/ascent" validate "$repo" -f json -o "$work/report.json" -c "$work/whole.yaml" >/dev/null 2>&1 || true
reported="$(python3 -c 'import json,sys; print(sum(1 for i in json.load(open(sys.argv[1]))["items"] if i["id"]=="repo.secrets" and i["status"]=="FAIL"))' "$work/report.json")"
echo "bench: $(git -C "$repo" ls-tree -r HEAD | wc -l) files at HEAD; git grep finds secrets in $found file(s), Ascent reports $reported" >&2
if [[ "$found" == 0 || "$reported" == 0 ]]; then
  echo "bench: a tool found no planted secret; the generator or a tool is broken" >&2
  exit 4
fi

bench_compare repository-secrets "$ascent $work/whole.yaml" "git -C $repo grep -I -E$quoted HEAD"
bench_compare repository-files "$ascent $work/files-only.yaml" "git -C $repo ls-tree -r -l HEAD"
bench_compare_resident repository-files "$ascent $work/files-only.yaml" "git -C $repo ls-tree -r -l HEAD"
