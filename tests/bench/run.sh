#!/usr/bin/env bash
# Side-by-side streaming benchmark: Intervox against the two peer servers of shared/peers
# (flask_socketio on gunicorn -k eventlet -w 1, and node_ws), in one run, on the same load:
# every candidate streams one 4000-byte chunk every 250 ms and times each chunk's ack.
#
#   bash tests/bench/run.sh                 # full run, ~10-15 min on 2 cores
#   QUICK=1 bash tests/bench/run.sh         # smoke test, < 2 min; non-zero exit if Intervox
#                                           # loses a chunk or a candidate fails to connect
#
# Measured like peers/run_peer_bench.sh so the numbers are comparable with its SUMMARY.md:
# fresh server per measurement, loopback only, server RSS = VmRSS summed over the server's
# process tree sampled at 1 Hz, server CPU = utime+stime of the tree (+ reaped children),
# RSS per idle connected candidate = (max RSS with IDLE_N idle sessions - fresh RSS) / connected.
# Steps run in increasing N, each target in turn per step (so machine noise hits all alike);
# a target stops after its first failing step (>1 % lost, p99 > 1000 ms or <99 % connected).
# Intervox is driven by tests/bench/loadgen.js (real candidate protocol, invites made through
# the recruiter API per step); the peers by their own loadgen, copied to a temp dir.
#
# Env: STEPS ("" skips), STEP_S, IDLE_N (1000; "" skips), IDLE_S, DRAIN_S, TARGETS ("intervox node_ws
# flask_socketio"), LOADGEN_PROCS, NODE_OPTS, GUNICORN_EXTRA, INTERVOXD (binary), PEERS_SRC
# (shared/peers), BENCH_OUT (output folder, default a new temp dir), STRICT (exit 1 on an
# Intervox correctness failure; default on with QUICK=1), PAGER (1: during each Intervox load step a
# recruiter client pages through PAGER_CANDIDATES (10000) extra candidates and every session with its
# answers as fast as it can: tests/bench/pager.js; its numbers go to steps.jsonl and the log), DB (sqlite |
# postgresql: Intervox on a throwaway PostgreSQL cluster started here, a fresh database per measurement, reached
# through tests/bench/delayproxy.js, which adds DB_DELAY_MS (10) each way: 20 ms per round trip; the setup (invites)
# goes to it directly), SESSION_DB_THREADS (intervoxd's session_db_threads; default: the server's).
set -u -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
QUICK="${QUICK:-0}"
if [ "$QUICK" = 1 ]; then
  STEPS="${STEPS-10 50}"; STEP_S="${STEP_S:-5}"; IDLE_N="${IDLE_N-50}"; IDLE_S="${IDLE_S:-3}"
else
  STEPS="${STEPS-10 100 500 1000 2000}"; STEP_S="${STEP_S:-30}"; IDLE_N="${IDLE_N-1000}"; IDLE_S="${IDLE_S:-15}"
fi
DRAIN_S="${DRAIN_S:-5}"
TARGETS="${TARGETS:-intervox node_ws flask_socketio}"
LOADGEN_PROCS="${LOADGEN_PROCS:-1}"
NODE_OPTS="${NODE_OPTS:---max-old-space-size=4096}"
GUNICORN_EXTRA="${GUNICORN_EXTRA:-}"
INTERVOXD="${INTERVOXD:-$REPO/build/server/intervoxd}"
PEERS_SRC="${PEERS_SRC:-$REPO/../shared/peers}"
STRICT="${STRICT:-$QUICK}"
DB="${DB:-sqlite}"
DB_DELAY_MS="${DB_DELAY_MS:-10}"
PY=/usr/bin/python3   # Debian's interpreter: the peer's packages come from apt, not pip
CLK_TCK="$(getconf CLK_TCK)"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# 2000 candidates = 2000 sockets in the generator and 2000 sockets + segment files in the server.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 8192 ] || log "warning: open-file limit is only $(ulimit -n)"

# ---------------------------------------------------------------- prerequisites
command -v node >/dev/null || die "node is missing (apt-get install nodejs npm)"
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
[ -d "$REPO/tests/node_modules/ws" ] || die "tests/node_modules/ws is missing: run 'npm ci' in tests/"
[ -x "$INTERVOXD" ] || { [[ " $TARGETS " == *" intervox "* ]] && die "intervoxd not found at $INTERVOXD (build it, or set INTERVOXD)"; }

missing_for() { # prints what target $1 lacks, empty if nothing
  local m=()
  case "$1" in
    node_ws|flask_socketio)
      [ -f "$PEERS_SRC/loadgen/loadgen.js" ] || m+=("peers folder ($PEERS_SRC; set PEERS_SRC)")
      command -v npm >/dev/null || m+=("npm (apt-get install npm)") ;;
  esac
  if [ "$1" = flask_socketio ]; then
    [ -x /usr/bin/gunicorn ] || m+=("gunicorn (apt-get install gunicorn)")
    "$PY" -c 'import flask_socketio' 2>/dev/null || m+=("python3-flask-socketio")
    "$PY" -c 'import eventlet' 2>/dev/null || m+=("python3-eventlet")
  fi
  echo "${m[*]:-}"
}
ACTIVE=""
for t in $TARGETS; do
  case "$t" in intervox|node_ws|flask_socketio) ;; *) die "unknown target '$t'" ;; esac
  miss="$(missing_for "$t")"
  if [ -z "$miss" ]; then ACTIVE="$ACTIVE $t"
  elif [ "$QUICK" = 1 ]; then log "skipping $t, missing: $miss"
  else die "$t needs: $miss (apt-get install -y python3-flask-socketio python3-eventlet gunicorn nodejs npm; or leave it out with TARGETS=...)"; fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/intervox-bench-work.XXXXXX")"
BENCH_OUT="${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/intervox-bench.XXXXXX")}"
mkdir -p "$BENCH_OUT"
JL="$BENCH_OUT/steps.jsonl"; : > "$JL"
SLOG="$BENCH_OUT/servers.log"; : > "$SLOG"
LGERR="$BENCH_OUT/loadgen.stderr"; : > "$LGERR"

# Snapshot the binary: a rebuild during a long run must not mix two servers in one table.
if [[ " $ACTIVE " == *" intervox "* ]]; then cp "$INTERVOXD" "$WORK/intervoxd" && INTERVOXD="$WORK/intervoxd"; fi

# shared/peers is read-only (also in CI): npm ci in a private copy.
drop_peers() { ACTIVE="$(for t in $ACTIVE; do [ "$t" = intervox ] && echo "$t"; done)"; }
if [[ "$ACTIVE" == *_* ]]; then
  cp -r "$PEERS_SRC" "$WORK/peers" && chmod -R u+w "$WORK/peers"
  for d in loadgen node_ws; do
    if ! (cd "$WORK/peers/$d" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>>"$LGERR"); then
      [ "$QUICK" = 1 ] || die "npm ci failed in peers/$d (see $LGERR)"
      log "npm ci failed in peers/$d: skipping the peers"; drop_peers; break
    fi
  done
fi
ACTIVE="$(echo $ACTIVE)"
[ -n "$ACTIVE" ] || die "nothing to run"
log "targets: $ACTIVE; steps: $STEPS; step ${STEP_S}s; idle: ${IDLE_N:-none}; output: $BENCH_OUT"

# ---------------------------------------------------------------- process-tree metrics
tree_pids() { echo "$1"; pgrep -P "$1" 2>/dev/null || true; }
tree_rss_kb() {
  local t=0 p v
  for p in $(tree_pids "$1"); do
    v=$(awk '/^VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || true); t=$((t + ${v:-0}))
  done
  echo "$t"
}
# utime+stime of live tree members, plus cutime+cstime of the root (reaped children, e.g. ffmpeg).
tree_cpu_ticks() {
  local t=0 p v
  for p in $(tree_pids "$1"); do
    if [ "$p" = "$1" ]; then v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12+$13+$14+$15}' || true)
    else v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12+$13}' || true); fi
    t=$((t + ${v:-0}))
  done
  echo "$t"
}
self_cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12+$13}'; }
# Machine-wide busy ticks: foreign load (other builds, steal) shows up as "other CPU" in the notes.
machine_busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }

SAMPLER_PID=""
start_sampler() { # $1 root pid, $2 out file, $3 stop file; bounded by sample count
  local max=$((STEP_S + IDLE_S + 300))
  ( i=0
    while [ $i -lt $max ] && [ ! -e "$3" ] && kill -0 "$1" 2>/dev/null; do
      echo "$(date +%s) $(tree_rss_kb "$1")" >> "$2"; sleep 1; i=$((i + 1))
    done ) &
  SAMPLER_PID=$!
}
stop_sampler() { touch "$1"; [ -n "$SAMPLER_PID" ] && wait "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=""; }

# ---------------------------------------------------------------- servers
SERVER_PID=""; SERVER_EXIT=""; DATA_DIR=""; PORT=""; TOKENS=""
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# DB=postgresql: one cluster for the run (as the postgres user when root), a delay proxy in front of it.
PG_DIR=""; PG_BIN=""; PG_PORT=""; PROXY_PORT=""; PROXY_PID=""; PG_DB=""; DB_VIA=direct; PG_AS=()
start_bench_postgres() {
  PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)"
  [ -x "$PG_BIN/initdb" ] || die "DB=postgresql needs PostgreSQL's server binaries (apt-get install postgresql)"
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/intervox-bench-pg.XXXXXX")"
  if [ "$EUID" -eq 0 ]; then chown postgres "$PG_DIR"; PG_AS=(runuser -u postgres --); fi
  PG_PORT="$(free_port)"
  "${PG_AS[@]}" "$PG_BIN/initdb" -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$PG_DIR/data" >>"$SLOG" 2>&1 || die "initdb failed (see $SLOG)"
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null || die "PostgreSQL did not start"
  PROXY_PORT="$(free_port)"
  node "$HERE/delayproxy.js" "$PROXY_PORT" "$PG_PORT" "$DB_DELAY_MS" > "$WORK/proxy.out" 2>>"$SLOG" &
  PROXY_PID=$!
  local i; for i in $(seq 1 50); do grep -q ready "$WORK/proxy.out" 2>/dev/null && break; sleep 0.1; done
  grep -q ready "$WORK/proxy.out" || die "the delay proxy did not start"
  log "PostgreSQL on 127.0.0.1:$PG_PORT, reached through a proxy adding ${DB_DELAY_MS} ms each way on :$PROXY_PORT"
}
stop_bench_postgres() {
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
  [ -n "$PG_DIR" ] && "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1
  [ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
  PG_DIR=""; PROXY_PID=""
}
intervox_env() { # the environment of intervoxd for this measurement
  local e=(INTERVOX_MAX_CONNECTIONS_PER_ADDRESS=1000000)
  [ -n "${SESSION_DB_THREADS:-}" ] && e+=("INTERVOX_SESSION_DB_THREADS=$SESSION_DB_THREADS")
  if [ "$DB" = postgresql ]; then
    local port="$PG_PORT"; [ "$DB_VIA" = proxy ] && port="$PROXY_PORT"
    e+=("INTERVOX_DATABASE=postgres://postgres@127.0.0.1:$port/$PG_DB")
  fi
  printf '%s\n' "${e[@]}"
}

start_server() { # $1 target, [$2 data dir to reuse]
  SERVER_EXIT=""; DATA_DIR="${2:-$(mktemp -d "$WORK/data.XXXXXX")}"; PORT="$(free_port)"
  echo "=== $(date -u +%FT%TZ) $1 port $PORT" >> "$SLOG"
  local health="/health"
  case "$1" in
    intervox)
      # Thousands of candidates all come from loopback here, standing in for as many addresses behind a proxy.
      if [ "$DB" = postgresql ] && [ -z "${2:-}" ]; then # a fresh database for a fresh data folder
        PG_DB="bench_$(date +%s%N)"; DB_VIA=direct
        "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" >>"$SLOG" 2>&1 || { log "createdb failed"; return 1; }
      fi
      mapfile -t ienv < <(intervox_env)
      env "${ienv[@]}" "$INTERVOXD" serve --listen "127.0.0.1:$PORT" --data "$DATA_DIR" >>"$SLOG" 2>&1 &
      health="/healthz" ;;
    flask_socketio)
      ( cd "$WORK/peers/flask_socketio" && PEER_DATA_DIR="$DATA_DIR" exec /usr/bin/gunicorn \
          -k eventlet -w 1 -b "127.0.0.1:$PORT" $GUNICORN_EXTRA app:app ) >>"$SLOG" 2>&1 & ;;
    node_ws)
      ( cd "$WORK/peers/node_ws" && PEER_DATA_DIR="$DATA_DIR" PORT=$PORT exec node server.js ) >>"$SLOG" 2>&1 & ;;
  esac
  SERVER_PID=$!
  local i
  for i in $(seq 1 150); do
    if curl -fsS -m 1 "http://127.0.0.1:$PORT$health" >/dev/null 2>&1; then sleep 1; return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  log "$1 did not become healthy (see $SLOG)"; stop_server; return 1
}

stop_server() { # [keep]: leave the data dir
  [ -z "$SERVER_PID" ] && return 0
  kill -TERM "$SERVER_PID" 2>/dev/null   # intervoxd: graceful drain; gunicorn/node: exit
  local i p
  for i in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    for p in $(pgrep -P "$SERVER_PID"); do kill -KILL "$p" 2>/dev/null; done
    kill -KILL "$SERVER_PID" 2>/dev/null
  fi
  wait "$SERVER_PID" 2>/dev/null; SERVER_EXIT=$?   # 139 = segfault while shutting down
  SERVER_PID=""
  [ -n "$DATA_DIR" ] && [ "${1:-}" != keep ] && rm -rf "$DATA_DIR"; DATA_DIR=""
}
cleanup() { [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null; stop_server; stop_bench_postgres; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# Intervox per measurement: an admin (CLI), then interview + N invites through the recruiter API.
setup_intervox() { # $1 sessions
  local email="bench@example.com" pw; pw="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  mapfile -t ienv < <(intervox_env)
  printf '%s\n' "$pw" | env "${ienv[@]}" "$INTERVOXD" admin create --data "$DATA_DIR" --organization "Bench" --email "$email" \
    --name "Bench Admin" --password-stdin >>"$SLOG" 2>&1 || { log "intervoxd admin create failed (see $SLOG)"; return 1; }
  TOKENS="$WORK/tokens.txt"
  BENCH_EMAIL="$email" BENCH_PASSWORD="$pw" node "$HERE/invites.js" "http://127.0.0.1:$PORT" "$1" "$TOKENS" 2>>"$SLOG" ||
    { log "creating $1 invites failed (see $SLOG)"; return 1; }
  PAGER_EMAIL="$email" PAGER_PASSWORD="$pw"
  if [ "${PAGER:-0}" = 1 ]; then # the rows the pager pages through; MAX_S 0: set up only
    BENCH_EMAIL="$email" BENCH_PASSWORD="$pw" node "$HERE/pager.js" "http://127.0.0.1:$PORT" "$WORK/never" "${PAGER_CANDIDATES:-10000}" 0 \
      >/dev/null 2>>"$SLOG" || { log "creating the pager's candidates failed (see $SLOG)"; return 1; }
  fi
  # Measure a server restarted on the prepared data, as fresh as the peers': otherwise the heap
  # that the setup freed is reused by the connections and hides their memory.
  # With DB=postgresql the measured server reaches its database through the delay proxy.
  local dir="$DATA_DIR"; stop_server keep; DB_VIA=proxy; start_server intervox "$dir"
}

# Outer bound on a loadgen run (its own hard deadline is ramp + duration + drain + 35 s).
LG_TIMEOUT=$((STEP_S + IDLE_S + DRAIN_S + 120))
ramp_for() { awk -v n="$1" 'BEGIN{r=n/200; if(r<1)r=1; if(r>10)r=10; print r}'; }

run_loadgen() { # $1 target, then loadgen args; prints one JSON line
  local t="$1"; shift
  case "$t" in
    intervox) timeout "$LG_TIMEOUT" node $NODE_OPTS "$HERE/loadgen.js" --url "ws://127.0.0.1:$PORT/ws/session" --tokens "$TOKENS" \
                --chunk-bytes 4000 --interval-ms 250 --drain-s "$DRAIN_S" --procs "$LOADGEN_PROCS" "$@" ;;
    node_ws) timeout "$LG_TIMEOUT" node $NODE_OPTS "$WORK/peers/loadgen/loadgen.js" --target ws --url "ws://127.0.0.1:$PORT/ws" \
                --chunk-bytes 4000 --interval-ms 250 --drain-s "$DRAIN_S" --procs "$LOADGEN_PROCS" "$@" ;;
    flask_socketio) timeout "$LG_TIMEOUT" node $NODE_OPTS "$WORK/peers/loadgen/loadgen.js" --target socketio --url "http://127.0.0.1:$PORT" \
                --chunk-bytes 4000 --interval-ms 250 --drain-s "$DRAIN_S" --procs "$LOADGEN_PROCS" "$@" ;;
  esac 2>>"$LGERR"
}

# One measurement on a fresh server. $1 kind (idle|step), $2 target, $3 N. Appends one JSON line
# to $JL (loadgen null if the server or the setup failed); returns 0 if the loadgen's pass
# criteria held and the server survived.
measure() {
  local kind="$1" t="$2" n="$3" out="" ok=0 line
  log "$t: $kind N=$n"
  line="{\"kind\":\"$kind\",\"target\":\"$t\",\"n\":$n,\"db\":\"$DB\",\"db_delay_ms\":$DB_DELAY_MS"
  if start_server "$t" && { [ "$t" != intervox ] || setup_intervox "$n"; }; then
    local rf="$WORK/rss.txt" sf="$WORK/stop" r base c0 s0 m0 t0 c1 s1 m1 t1 after mx alive=true
    rm -f "$rf" "$sf"
    base=$(tree_rss_kb "$SERVER_PID")
    start_sampler "$SERVER_PID" "$rf" "$sf"
    c0=$(tree_cpu_ticks "$SERVER_PID"); s0=$(self_cpu_ticks "$SERVER_PID"); m0=$(machine_busy_ticks); t0=$(date +%s.%N)
    r=$(ramp_for "$n")
    local pager_pid="" pager_out="$WORK/pager.json" pager_stop="$WORK/pager.stop"
    rm -f "$pager_out" "$pager_stop"
    if [ "${PAGER:-0}" = 1 ] && [ "$t" = intervox ] && [ "$kind" = step ]; then
      BENCH_EMAIL="$PAGER_EMAIL" BENCH_PASSWORD="$PAGER_PASSWORD" timeout "$LG_TIMEOUT" node "$HERE/pager.js" \
        "http://127.0.0.1:$PORT" "$pager_stop" 0 "$LG_TIMEOUT" >"$pager_out" 2>>"$SLOG" &
      pager_pid=$!
    fi
    if [ "$kind" = idle ]; then out=$(run_loadgen "$t" --sessions "$n" --idle --ramp-s "$r" --duration-s "$IDLE_S")
    else out=$(run_loadgen "$t" --sessions "$n" --ramp-s "$r" --duration-s "$STEP_S"); fi
    if [ -n "$pager_pid" ]; then
      touch "$pager_stop"; wait "$pager_pid" 2>/dev/null
      log "$t: pager during N=$n -> $(head -c 300 "$pager_out" 2>/dev/null)"
      [ -s "$pager_out" ] && line="$line,\"pager\":$(cat "$pager_out")"
    fi
    c1=$(tree_cpu_ticks "$SERVER_PID"); s1=$(self_cpu_ticks "$SERVER_PID"); m1=$(machine_busy_ticks); t1=$(date +%s.%N)
    sleep "$((QUICK == 1 ? 0 : 2))"   # clients gone: what the server keeps afterwards
    after=$(tree_rss_kb "$SERVER_PID")
    stop_sampler "$sf"
    kill -0 "$SERVER_PID" 2>/dev/null || alive=false
    mx=$(awk 'BEGIN{m=0}{if($2>m)m=$2}END{print m}' "$rf")
    line="$line,\"ramp_s\":$r,\"base_rss_kb\":$base,\"max_rss_kb\":$mx,\"rss_after_kb\":$after"
    line="$line,\"server_cpu_ticks\":$((c1 - c0)),\"server_self_cpu_ticks\":$((${s1:-0} - ${s0:-0})),\"machine_busy_ticks\":$((m1 - m0))"
    line="$line,\"clk_tck\":$CLK_TCK,\"wall_s\":$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}'),\"server_alive\":$alive"
    line="$line,\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\""
    log "$t: $kind N=$n -> $(echo "${out:-no loadgen result}" | head -c 300)"
    [ "$alive" = true ] && echo "$out" | grep -q '"pass":true' && ok=1
  else
    line="$line,\"setup_failed\":true"
  fi
  stop_server
  echo "$line,\"server_exit\":${SERVER_EXIT:-null},\"loadgen\":${out:-null}}" >> "$JL"
  [ $ok = 1 ]
}

# ---------------------------------------------------------------- run
case "$DB" in
  sqlite) ;;
  postgresql) [[ " $ACTIVE " == *" intervox "* ]] && start_bench_postgres ;;
  *) die "DB must be sqlite or postgresql" ;;
esac
for n in $IDLE_N; do for t in $ACTIVE; do measure idle "$t" "$n"; done; done
for n in $STEPS; do
  next=""
  for t in $ACTIVE; do
    if measure step "$t" "$n"; then next="$next $t"; else log "$t failed at N=$n: not increasing further"; fi
  done
  ACTIVE="$(echo $next)"
  [ -n "$ACTIVE" ] || break
done

node "$HERE/report.js" "$JL" "$STRICT" > "$BENCH_OUT/table.md"; rc=$?
cat "$BENCH_OUT/table.md"
log "raw JSON lines: $JL; table: $BENCH_OUT/table.md; server logs: $SLOG"
exit $rc
