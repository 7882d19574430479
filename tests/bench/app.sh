#!/usr/bin/env bash
# The desktop app's figures (docs/performance.md, "The desktop app"): cold start to an interactive window with
# the embedded server (a first start with no data, and a start with data), the idle memory of the app with its
# embedded server, and the candidate list with 10,000 candidates (load from the API, filter while typing, sort a
# column of the comparison table).
# Prints a table. Runs under Xvfb when it is installed (the xcb platform, as on a desktop), else offscreen.
#
# Usage: tests/bench/app.sh          Env: INTERVOX_BUILD_DIR (build), RUNS (5), IDLE_S (5), CANDIDATES (10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build="${INTERVOX_BUILD_DIR:-build}"
app="$build/app/intervox"
listbench="$build/tests/app/intervox-listbench"
runs="${RUNS:-5}"
idle_s="${IDLE_S:-5}"
[[ -x "$app" && -x "$listbench" ]] || { echo "app.sh: build first (scripts/build): $app, $listbench" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/intervox-appbench.XXXXXX")"
xvfb_pid=""
cleanup() { [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
platform=offscreen
if command -v Xvfb >/dev/null 2>&1; then
    for n in $(seq 90 120); do
        [[ -e "/tmp/.X11-unix/X$n" || -e "/tmp/.X$n-lock" ]] && continue
        Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
        xvfb_pid=$!
        for _ in $(seq 1 50); do [[ -e "/tmp/.X11-unix/X$n" ]] && break; sleep 0.1; done
        export DISPLAY=":$n"
        platform=xcb
        break
    done
fi
[[ $platform == offscreen ]] && export QT_QPA_PLATFORM=offscreen

# One start: prints "<ms to interactive> <idle RSS in KiB or ->".
start_once() {
    local data="$1" measure_rss="$2" fifo="$work/out" t0 t1 pid line rss=-
    rm -f "$fifo"; mkfifo "$fifo"
    t0=$(date +%s%N)
    INTERVOX_DATA_DIR="$data" XDG_CONFIG_HOME="$work/config" INTERVOX_REPORT_INTERACTIVE=1 "$app" >"$fifo" 2>/dev/null &
    pid=$!
    while IFS= read -r -t 30 line; do
        if [[ $line == interactive ]]; then t1=$(date +%s%N); break; fi
    done <"$fifo"
    [[ -n "${t1:-}" ]] || { kill "$pid" 2>/dev/null; echo "app.sh: no interactive window within 30 s" >&2; return 1; }
    if [[ $measure_rss == 1 ]]; then
        sleep "$idle_s"
        rss=$(awk '/^VmRSS:/ {r=$2} /^RssAnon:/ {a=$2} END {print r "/" a}' "/proc/$pid/status")
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first=() again=() rss=()
for i in $(seq 1 "$runs"); do
    data="$work/data-$i"
    read -r ms _ < <(start_once "$data" 0); first+=("$ms")
    read -r ms kib < <(start_once "$data" 1); again+=("$ms"); rss+=("$kib")
done
list="$(CANDIDATES="${CANDIDATES:-10000}" QT_QPA_PLATFORM=offscreen "$listbench")"
value() { awk -v k="$1" '$1 == k {print $2}' <<<"$list"; }

printf '| figure (%s, %s runs) | median | all | target |\n|---|---|---|---|\n' "$platform" "$runs"
printf '| first start (no data yet) to interactive window | %s ms | %s | ≤ 1000 ms |\n' "$(printf '%s\n' "${first[@]}" | median)" "${first[*]}"
printf '| start with data to interactive window | %s ms | %s | ≤ 1000 ms |\n' "$(printf '%s\n' "${again[@]}" | median)" "${again[*]}"
# VmRSS counts mapped libraries too (with the GPU renderer: the driver's, Mesa's llvmpipe where there is no GPU);
# RssAnon is the app's own memory.
printf '| idle RSS of the app with its embedded server (after %s s): VmRSS / of it anonymous | %s / %s MiB | %s KiB | ≤ 120 MiB |\n' "$idle_s" \
    "$(printf '%s\n' "${rss[@]%%/*}" | median | awk '{printf "%.1f", $1/1024}')" \
    "$(printf '%s\n' "${rss[@]##*/}" | median | awk '{printf "%.1f", $1/1024}')" "${rss[*]}"
printf '| candidate list, %s candidates: load from the API | %s ms | max %s ms | ≤ 1000 ms |\n' "$(value candidates)" "$(value list_load_median)" "$(value list_load_max)"
printf '| candidate list: filter one keystroke | %s ms | max %s ms | ≤ 50 ms |\n' "$(value filter_median)" "$(value filter_max)"
printf '| comparison table: sort by a column (name, score, criterion, decision, status; both ways) | %s ms | max %s ms | ≤ 50 ms |\n' "$(value sort_median)" "$(value sort_max)"
