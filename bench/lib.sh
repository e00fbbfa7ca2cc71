# Shared by the side-by-side benchmarks in bench/ (source it; it is not a command of its own).
#
# Every benchmark script that compares Ascent with the tool a user would pick instead follows one shape:
#   bench/<name>.sh [--brief]
# It generates its input (nothing large is committed), runs both tools as whole processes with hyperfine, and prints
# one line per row:
#   RATIO <row> wall=<ascent/alt median wall> cpu=<ascent/alt mean user+sys> ascent=<s> alt=<s> load=<1-min load>
# `--brief` (or BENCH_BRIEF=1) shrinks the input and the repetitions so CI can run every script in seconds and a
# script that rots fails the build; the ratios it prints are then not worth quoting.
#
# BENCH_RESIDENT=1 adds, next to each row it applies to, a row `<row>-resident`: the same Ascent command through the
# resident engine (ASCENT_DAEMON=1, docs/daemon.md), the daemon started and warmed before the timing and stopped
# when the script ends (bench_resident_stop in its EXIT trap). The daemon is the script's own: its socket folder is
# a temporary XDG_RUNTIME_DIR, so a daemon the user runs is neither used nor stopped.
#
# Tools are installed on first use into ~/.cache/ascent/bench-tools (hyperfine from Debian's packages when it is
# not on PATH and we may install packages; kubeconform with the Go toolchain at a pinned version).

set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_TOOLS="${ASCENT_BENCH_TOOLS:-$HOME/.cache/ascent/bench-tools}"
KUBECONFORM_VERSION="v0.7.0"
BENCH_BRIEF="${BENCH_BRIEF:-0}"
for arg in "$@"; do
  [[ "$arg" == "--brief" ]] && BENCH_BRIEF=1
done
export BENCH_BRIEF

# Runs for each command: brief mode only proves the script still works.
bench_runs() { if [[ "$BENCH_BRIEF" == 1 ]]; then echo 2; else echo "${BENCH_RUNS:-7}"; fi; }

bench_hyperfine() {
  if command -v hyperfine >/dev/null 2>&1; then command -v hyperfine; return; fi
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing hyperfine from Debian's packages" >&2
    (apt-get install -y -q hyperfine >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q hyperfine >/dev/null 2>&1; }) \
      && command -v hyperfine && return
  fi
  echo "bench: hyperfine is needed (Debian: apt-get install hyperfine)" >&2
  return 3
}

bench_kubeconform() {
  local bin="$BENCH_TOOLS/kubeconform-$KUBECONFORM_VERSION"
  if [[ ! -x "$bin" ]]; then
    echo "bench: building kubeconform $KUBECONFORM_VERSION with the Go toolchain" >&2
    mkdir -p "$BENCH_TOOLS"
    local gobin; gobin="$(mktemp -d)"
    GOBIN="$gobin" GOFLAGS=-mod=mod go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2
    mv "$gobin/kubeconform" "$bin"; rm -rf "$gobin"
  fi
  echo "$bin"
}

# The CLI jar built from this checkout (built once, outside every measurement), with both of the launcher's
# class-data archives recorded: `validate` maps one of its own. A run that records an archive would otherwise be
# measured, and GNU time would report the training run's peak memory as the command's.
bench_ascent_jar() {
  local jar="$BENCH_ROOT/ascent-cli/target/ascent.jar"
  "$BENCH_ROOT/ascent" --version >/dev/null
  "$BENCH_ROOT/ascent" validate --help >/dev/null
  echo "$jar"
}

# bench_compare ROW ASCENT_COMMAND ALT_COMMAND
# Times both whole commands with hyperfine (shell-less, one warm-up each) and prints the RATIO line.
# A command that exits non-zero is fine (a failing validation exits 1); hyperfine is told to ignore it.
# BENCH_DAEMON_PID: the resident engine's pid when ASCENT_COMMAND runs through it; its CPU time over the
# measurement, shared out over the runs of ASCENT_COMMAND, is then added to the client's (hyperfine sees only the
# client's process, whose CPU time is about a millisecond).
bench_compare() {
  local row="$1" a="$2" b="$3" hf json before=0 after=0
  hf="$(bench_hyperfine)"
  json="$(mktemp)"
  if [[ -n "${BENCH_DAEMON_PID:-}" ]]; then before="$(bench_cpu_ticks "$BENCH_DAEMON_PID")"; fi
  "$hf" -N -i --style none --warmup 1 --runs "$(bench_runs)" --export-json "$json" "$a" "$b" >/dev/null
  if [[ -n "${BENCH_DAEMON_PID:-}" ]]; then after="$(bench_cpu_ticks "$BENCH_DAEMON_PID")"; fi
  python3 - "$row" "$json" "$(( after - before ))" "$(getconf CLK_TCK)" "$(( $(bench_runs) + 1 ))" <<'PY'
import json, os, statistics, sys
row, path = sys.argv[1], sys.argv[2]
daemon = int(sys.argv[3]) / int(sys.argv[4]) / int(sys.argv[5])  # daemon CPU seconds per run of the command
a, b = json.load(open(path))["results"]
wall = statistics.median(a["times"]) / statistics.median(b["times"])
cpu = (a["user"] + a["system"] + daemon) / max(b["user"] + b["system"], 1e-9)
print(f"RATIO {row} wall={wall:.2f} cpu={cpu:.2f} ascent={statistics.median(a['times']):.3f}s "
      f"alt={statistics.median(b['times']):.3f}s load={os.getloadavg()[0]:.1f}")
PY
  rm -f "$json"
}

BENCH_RESIDENT="${BENCH_RESIDENT:-0}"
BENCH_RESIDENT_DIR=""
# The cold rows are the direct run even in a shell that sets ASCENT_DAEMON=1; bench_resident sets it where it is meant.
unset ASCENT_DAEMON

# bench_resident COMMAND: the Ascent command line (a "$BENCH_ROOT/ascent ..." word list) run through the resident
# engine of this script. `env` costs the measurement one exec (under a millisecond).
# bench_resident_init first, in the script's own shell (not in a command substitution), to make the folder.
bench_resident_init() {
  if [[ -z "$BENCH_RESIDENT_DIR" ]]; then
    BENCH_RESIDENT_DIR="$(mktemp -d /tmp/ascent-bench-XXXXXX)"   # short: a socket path must stay under 108 bytes
    chmod 700 "$BENCH_RESIDENT_DIR"
  fi
}
bench_resident() {
  # The idle timeout bounds how long a daemon outlives a script that was killed before its trap ran.
  echo "env ASCENT_DAEMON=1 ASCENT_DAEMON_IDLE=10m XDG_RUNTIME_DIR=$BENCH_RESIDENT_DIR $1"
}

# bench_resident_stop: stops this script's daemon, if it started one (call it from the EXIT trap).
bench_resident_stop() {
  [[ -n "$BENCH_RESIDENT_DIR" ]] || return 0
  local pid i
  pid="$(bench_resident_pid 2>/dev/null || true)"
  # shellcheck disable=SC2046 # a word list
  $(bench_resident "$BENCH_ROOT/ascent") daemon stop >/dev/null 2>&1 || true
  # `daemon stop` answers before the JVM is gone: wait for it, so that nothing outlives the script.
  for ((i = 0; i < 100; i++)); do
    [[ -n "$pid" && -d "/proc/$pid" ]] || break
    sleep 0.1
  done
  if [[ -n "$pid" && -d "/proc/$pid" ]]; then
    echo "bench: the resident engine (pid $pid) did not stop within 10 s" >&2
  fi
  rm -rf "$BENCH_RESIDENT_DIR"
}

# bench_resident_warmup_runs: requests run before the timing so that the daemon's JIT has compiled the hot code.
bench_resident_warmup_runs() { if [[ "$BENCH_BRIEF" == 1 ]]; then echo 1; else echo "${BENCH_RESIDENT_WARMUP:-10}"; fi; }

# bench_compare_resident ROW ASCENT_COMMAND ALT_COMMAND: with BENCH_RESIDENT=1, starts and warms the daemon with
# the command, checks that it is the daemon that answers (the client would fall back to a direct run silently but
# for one line on stderr), and prints the RATIO line of `<ROW>-resident`. Without BENCH_RESIDENT=1, nothing.
bench_compare_resident() {
  [[ "$BENCH_RESIDENT" == 1 ]] || return 0
  local row="$1" a b="$3" i err
  bench_resident_init
  a="$(bench_resident "$2")"
  err="$BENCH_RESIDENT_DIR/stderr"
  for ((i = 0; i < $(bench_resident_warmup_runs); i++)); do
    $a >/dev/null 2>"$err" || true   # a failing validation exits 1; that is fine here too
    if grep -q "resident engine" "$err"; then
      echo "bench: the resident engine did not run $row:" >&2
      grep "resident engine" "$err" >&2
      return 4
    fi
  done
  rm -f "$err"
  BENCH_DAEMON_PID="$(bench_resident_pid)" bench_compare "$row-resident" "$a" "$b"
}

# bench_resident_pid: the pid of this script's daemon, from `ascent daemon status`.
bench_resident_pid() {
  local status
  # shellcheck disable=SC2046
  status="$($(bench_resident "$BENCH_ROOT/ascent") daemon status)"
  echo "bench: $status" >&2
  sed -n 's/^ascent daemon: pid \([0-9]*\),.*/\1/p' <<<"$status"
}

# bench_cpu_ticks PID: user+system CPU time of a process so far, in clock ticks (/proc/PID/stat fields 14 and 15;
# the command name, field 2, is cut off first because it may hold spaces).
bench_cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# bench_peak_rss_mib COMMAND... : the command's peak resident memory in MiB (GNU time), output discarded.
bench_peak_rss_mib() {
  local out; out="$(mktemp)"
  /usr/bin/time -f '%M' -o "$out" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.0f", $1/1024}' "$out"; rm -f "$out"
}
