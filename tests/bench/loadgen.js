#!/usr/bin/env node
'use strict';
/*
 * Bounded loopback load generator speaking the real Intervox candidate protocol (docs/protocol.md).
 *
 *   node loadgen.js --url ws://127.0.0.1:PORT/ws/session --tokens FILE --sessions N \
 *        [--chunk-bytes 4000] [--interval-ms 250] [--duration-s 30] [--ramp-s 1] [--drain-s 5] \
 *        [--idle] [--procs K] [--connect-timeout-ms 20000]
 *
 * Flags, timing and the JSON line printed at the end mirror the peers' loadgen
 * (peers/loadgen/README.md) so the numbers are comparable side by side. Per session:
 *   connect, hello(token line i of FILE) -> state; consent -> begin (-> start_answer if a think phase
 *   shows up; with thinkSeconds 0 the server starts the answer at begin) -> answer_started; then,
 *   from one interval later, one chunk (16-byte header + payload) every interval until t0 + ramp + duration;
 *   then finish_answer with chunks/bytes/sha256/durationMs of what was sent, and wait up to
 *   --drain-s for the outstanding acks and answer_saved. Chunks not acked by then are "lost".
 * --idle: connect + hello and hold for ramp + duration (memory per connected candidate).
 *
 * Safety: loopback URLs only; sessions <= 20000, duration <= 3600 s, interval >= 10 ms; a hard
 * deadline (t0 + ramp + duration + drain + connect timeout + 15 s) ends the process whatever happens.
 */
const { performance, monitorEventLoopDelay } = require('perf_hooks');
const { fork } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

// `ws` lives in tests/node_modules (tests/package.json); resolve it from there wherever we run.
const WebSocket = require(require.resolve('ws', { paths: [path.join(__dirname, '..'), __dirname] }));

const MIME = 'audio/webm;codecs=opus';
const PING_MS = 25000; // the page pings every 25 s (server closes idle sockets after 90 s)

function usage(code) {
  console.error('usage: node loadgen.js --url ws://127.0.0.1:PORT/ws/session --tokens FILE --sessions N ' +
    '[--chunk-bytes 4000] [--interval-ms 250] [--duration-s D] [--ramp-s R] [--drain-s 5] [--idle] [--procs K] ' +
    '[--connect-timeout-ms 20000]');
  process.exit(code);
}

function parseArgs(argv) {
  const o = {
    url: null, tokens: null, sessions: 10, chunkBytes: 4000, intervalMs: 250, durationS: 30, rampS: 1,
    drainS: 5, idle: false, procs: 1, connectTimeoutMs: 20000, workerIndex: -1, workerCount: 1,
  };
  const map = {
    '--url': ['url', String], '--tokens': ['tokens', String], '--sessions': ['sessions', Number],
    '--chunk-bytes': ['chunkBytes', Number], '--interval-ms': ['intervalMs', Number],
    '--duration-s': ['durationS', Number], '--ramp-s': ['rampS', Number], '--drain-s': ['drainS', Number],
    '--procs': ['procs', Number], '--connect-timeout-ms': ['connectTimeoutMs', Number],
    '--worker-index': ['workerIndex', Number], '--worker-count': ['workerCount', Number],
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--idle') { o.idle = true; continue; }
    if (a === '-h' || a === '--help') usage(0);
    const m = map[a];
    if (!m || i + 1 >= argv.length) { console.error(`unknown or incomplete argument: ${a}`); usage(2); }
    o[m[0]] = m[1](argv[++i]);
  }
  if (!o.url || !o.tokens) { console.error('--url and --tokens are required'); usage(2); }
  for (const k of ['sessions', 'chunkBytes', 'intervalMs', 'durationS', 'rampS', 'drainS', 'procs', 'connectTimeoutMs']) {
    if (!Number.isFinite(o[k]) || o[k] < 0) { console.error(`bad value for ${k}`); usage(2); }
  }
  // Hard bounds: this tool must never turn into an unbounded flood.
  if (o.sessions < 1 || o.sessions > 20000) { console.error('--sessions must be 1..20000'); process.exit(2); }
  if (o.durationS > 3600 || o.rampS > 600 || o.drainS > 120) { console.error('duration/ramp/drain too large'); process.exit(2); }
  if (o.intervalMs < 10) { console.error('--interval-ms must be >= 10'); process.exit(2); }
  if (o.chunkBytes < 1 || o.chunkBytes > 262144) { console.error('--chunk-bytes must be 1..262144 (protocol limit)'); process.exit(2); }
  if (o.procs < 1 || o.procs > 16) { console.error('--procs must be 1..16'); process.exit(2); }
  if (o.connectTimeoutMs > 120000) { console.error('--connect-timeout-ms must be <= 120000'); process.exit(2); }
  const host = new URL(o.url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    console.error(`refusing non-loopback target host ${host}`); process.exit(2);
  }
  return o;
}

const { crc32 } = require('../lib/crc32');

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const r2 = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

const COUNTERS = ['sessions_requested', 'sessions_connected', 'sessions_streaming', 'connect_failed',
  'unexpected_disconnects', 'chunks_sent', 'chunks_acked', 'late_or_unknown_acks', 'nacks', 'finish_sent',
  'answers_saved', 'answer_saved_mismatch', 'time_up'];

// ---------------------------------------------------------------------------------------
// One process worth of sessions. Returns raw counters + latency array.
async function runSessions(o) {
  const t0 = performance.now();
  const rampMs = o.rampS * 1000;
  const sendEnd = t0 + rampMs + o.durationS * 1000;
  const hardDeadline = sendEnd + o.drainS * 1000 + 15000 + o.connectTimeoutMs;
  const tokens = fs.readFileSync(o.tokens, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  if (tokens.length < o.sessions) throw new Error(`${o.tokens} has ${tokens.length} tokens, need ${o.sessions}`);

  // A few random payloads with precomputed CRCs: the generator's per-chunk cost stays close to the
  // peers' loadgen (a copy and a send), plus the incremental SHA-256 the real page also computes.
  const payloads = Array.from({ length: 8 }, () => {
    const b = crypto.randomBytes(o.chunkBytes);
    return { b, crc: crc32(b) };
  });

  const st = Object.fromEntries(COUNTERS.map((k) => [k, 0]));
  st.errors = {};
  const lat = [];
  const saveLat = []; // finish_answer → answer_saved, ms
  const err = (k) => { st.errors[k] = (st.errors[k] || 0) + 1; };
  const sessions = [];

  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const cpu0 = process.cpuUsage();

  function startSession(gi) {
    const s = {
      gi, ws: null, timer: null, ping: null, connected: false, closing: false, phase: null, sentCmd: new Set(),
      answer: null, answerAt: 0, seq: 0, bytes: 0, sha: crypto.createHash('sha256'),
      sendTimes: [], acked: 0, finished: false, saved: false,
    };
    sessions.push(s);
    st.sessions_requested++;
    const ws = new WebSocket(o.url, { perMessageDeflate: false, handshakeTimeout: o.connectTimeoutMs });
    s.ws = ws;
    const send = (obj) => ws.send(JSON.stringify(obj), (e) => { if (e) err('ws_send:' + e.message); });
    // Each step command is sent once: `state` repeats after every phase change.
    const once = (type, obj) => { if (!s.sentCmd.has(type)) { s.sentCmd.add(type); send({ type, ...obj }); } };

    const connectTimer = setTimeout(() => {
      if (s.connected) return;
      st.connect_failed++; err('connect_timeout'); s.closing = true; ws.terminate();
    }, o.connectTimeoutMs);

    // Acks are cumulative (an ack covers every lower seq of the segment).
    const onAck = (m) => {
      if (m.answer !== s.answer || m.segment !== 0 || m.seq < s.acked || m.seq >= s.seq) { st.late_or_unknown_acks++; return; }
      const now = performance.now();
      for (; s.acked <= m.seq; s.acked++) { lat.push(now - s.sendTimes[s.acked]); st.chunks_acked++; }
    };

    const sendChunk = () => {
      const now = performance.now();
      if (now >= sendEnd || !s.connected || s.finished) { stopSending(); return; }
      const p = payloads[(s.seq + gi) & 7];
      const frame = Buffer.allocUnsafe(16 + p.b.length);
      frame[0] = 1; frame[1] = 0; frame.writeUInt16BE(0, 2);
      frame.writeUInt32BE(s.answer, 4); frame.writeUInt32BE(s.seq, 8); frame.writeUInt32BE(p.crc, 12);
      p.b.copy(frame, 16);
      s.sha.update(p.b);
      s.bytes += p.b.length;
      s.sendTimes.push(now);
      s.seq++;
      st.chunks_sent++;
      ws.send(frame, { binary: true }, (e) => { if (e) err('ws_send:' + e.message); });
    };
    const stopSending = () => { if (s.timer) { clearInterval(s.timer); s.timer = null; } };

    s.finish = () => {
      stopSending();
      if (s.finished || s.answer === null || !s.connected || s.seq === 0) return;
      s.finished = true;
      s.finishAt = performance.now();
      st.finish_sent++;
      send({ type: 'finish_answer', answer: s.answer, segments: [{
        chunks: s.seq, bytes: s.bytes, sha256: s.sha.digest('hex'), durationMs: Math.round(performance.now() - s.answerAt),
      }] });
    };

    ws.on('open', () => {
      send({ type: 'hello', protocol: 1, token: tokens[gi], mime: MIME });
      s.ping = setInterval(() => send({ type: 'ping' }), PING_MS);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) { err('unexpected_binary'); return; }
      let m; try { m = JSON.parse(data.toString()); } catch { err('bad_json'); return; }
      switch (m.type) {
        case 'ack': onAck(m); break;
        case 'state':
          if (!s.connected) { s.connected = true; st.sessions_connected++; clearTimeout(connectTimer); }
          s.phase = m.phase;
          if (o.idle) break;
          if (m.phase === 'consent') once('consent', { accepted: true });
          else if (m.phase === 'intro') once('begin');
          else if (m.phase === 'thinking') once('start_answer');
          break;
        case 'answer_started':
          if (o.idle || s.answer !== null) { err('extra_answer_started'); break; }
          s.answer = m.answer; s.answerAt = performance.now(); st.sessions_streaming++;
          // Like MediaRecorder.start(interval) (and the peers' loadgen): the first slice comes one interval later.
          if (performance.now() < sendEnd) s.timer = setInterval(sendChunk, o.intervalMs);
          break;
        case 'answer_saved':
          if (m.answer !== s.answer || s.saved) { err('unexpected_answer_saved'); break; }
          s.saved = true; st.answers_saved++;
          saveLat.push(performance.now() - s.finishAt);
          if (m.chunks !== s.seq || m.bytes !== s.bytes) st.answer_saved_mismatch++;
          break;
        case 'nack': st.nacks++; err('nack:' + m.code); break;
        case 'time_up': st.time_up++; s.finish(); break;
        case 'error': err('server_error:' + m.code); break;
        case 'pong': break;
        default: err('unknown_type:' + String(m.type).slice(0, 40));
      }
    });
    ws.on('unexpected-response', (req, res) => { err('http_' + res.statusCode); });
    ws.on('error', (e) => { if (!s.connected && !s.closing) err('connect_error:' + e.message); else err('ws_error:' + e.message); });
    ws.on('close', (code) => {
      clearTimeout(connectTimer); stopSending(); clearInterval(s.ping);
      const was = s.connected; s.connected = false;
      if (!was && !s.closing) { st.connect_failed++; err('closed_before_state:' + code); }
      if (was && !s.closing) { st.unexpected_disconnects++; err('close:' + code); }
    });
  }

  // Ramp: global session index gi in [0, N) starts at gi * ramp / N; this process owns the
  // indices with gi % workerCount == workerIndex (same split as the peers' loadgen).
  const N = o.sessions;
  const wc = Math.max(1, o.workerCount), wi = Math.max(0, o.workerIndex);
  const rampTimers = [];
  for (let gi = wi; gi < N; gi += wc) rampTimers.push(setTimeout(() => startSession(gi), (gi * rampMs) / N));

  const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  const hard = setTimeout(() => { console.error('loadgen: hard deadline reached, exiting'); process.exit(3); },
    hardDeadline - performance.now());
  hard.unref();

  await sleep(sendEnd - performance.now());
  // Sending phase over: finish the answer (the page's "stop"), then drain acks and answer_saved.
  for (const s of sessions) if (!o.idle) s.finish();
  const drainEnd = performance.now() + o.drainS * 1000;
  const done = () => sessions.every((s) => !s.connected || !s.finished || (s.saved && s.acked === s.seq));
  while (performance.now() < drainEnd && !(o.idle || done())) await sleep(50);
  const stillConnectedAtEnd = sessions.filter((s) => s.connected).length;
  const tEnd = performance.now();
  const cpu = process.cpuUsage(cpu0);
  eld.disable();
  for (const t of rampTimers) clearTimeout(t);
  // Close every socket and wait (bounded) for the close handshakes, so the server sees orderly closes.
  const closed = sessions.filter((s) => s.ws && s.ws.readyState !== WebSocket.CLOSED).map((s) => new Promise((resolve) => {
    s.ws.once('close', resolve);
  }));
  for (const s of sessions) {
    s.closing = true;
    clearInterval(s.ping);
    try { s.ws.close(1000); } catch (_) { /* not open yet */ }
  }
  await Promise.race([Promise.all(closed), sleep(3000)]);
  return {
    st, lat, saveLat, still_connected_at_end: stillConnectedAtEnd,
    cpu_s: (cpu.user + cpu.system) / 1e6,
    wall_s: (tEnd - t0) / 1000,
    max_rss_mb: process.resourceUsage().maxRSS / 1024,
    // The histogram records whole timer periods; subtract the 10 ms resolution to get lag.
    eld_p99_ms: Math.max(0, eld.percentile(99) / 1e6 - 10), eld_max_ms: Math.max(0, eld.max / 1e6 - 10),
  };
}

function summarize(o, parts, wallS) {
  const st = Object.fromEntries(COUNTERS.map((k) => [k, 0]));
  st.errors = {};
  let lat = [];
  let saveLat = [];
  let cpu = 0, rss = 0, eldP99 = 0, eldMax = 0, still = 0;
  for (const p of parts) {
    for (const k of COUNTERS) st[k] += p.st[k];
    for (const [ek, ev] of Object.entries(p.st.errors)) st.errors[ek] = (st.errors[ek] || 0) + ev;
    lat = lat.concat(p.lat);
    saveLat = saveLat.concat(p.saveLat || []);
    cpu += p.cpu_s; rss += p.max_rss_mb; eldP99 = Math.max(eldP99, p.eld_p99_ms); eldMax = Math.max(eldMax, p.eld_max_ms);
    still += p.still_connected_at_end;
  }
  const sorted = Float64Array.from(lat).sort();
  const savedSorted = Float64Array.from(saveLat).sort();
  const lost = st.chunks_sent - st.chunks_acked;
  const lostPct = st.chunks_sent ? (100 * lost) / st.chunks_sent : 0;
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null;
  const p99 = percentile(sorted, 99);
  const connPct = (100 * st.sessions_connected) / o.sessions;
  const streamPct = (100 * st.sessions_streaming) / o.sessions;
  const cpuPct = (100 * cpu) / wallS;
  return {
    target: 'intervox', url: o.url, mode: o.idle ? 'idle' : 'stream',
    sessions_requested: o.sessions, sessions_connected: st.sessions_connected, sessions_streaming: st.sessions_streaming,
    connect_failed: st.connect_failed, unexpected_disconnects: st.unexpected_disconnects, still_connected_at_end: still,
    chunks_sent: st.chunks_sent, chunks_acked: st.chunks_acked, lost, lost_pct: r2(lostPct),
    late_or_unknown_acks: st.late_or_unknown_acks, nacks: st.nacks, time_up: st.time_up,
    finish_sent: st.finish_sent, answers_saved: st.answers_saved, answer_saved_mismatch: st.answer_saved_mismatch,
    save_p50_ms: r2(percentile(savedSorted, 50)), save_p99_ms: r2(percentile(savedSorted, 99)),
    p50_ms: r2(percentile(sorted, 50)), p95_ms: r2(percentile(sorted, 95)), p99_ms: r2(p99),
    max_ms: r2(sorted.length ? sorted[sorted.length - 1] : null), mean_ms: r2(mean),
    acks_per_s: r2(st.chunks_acked / wallS),
    errors: st.errors,
    loadgen: {
      procs: o.procs, cpu_s: r2(cpu), cpu_pct_of_one_core: r2(cpuPct),
      max_rss_mb: r2(rss), eventloop_lag_p99_ms: r2(eldP99), eventloop_lag_max_ms: r2(eldMax),
      // One Node process can use ~1 core; past ~85% of it the generator itself adds latency.
      saturated: o.procs === 1 ? cpuPct > 85 : cpuPct > 85 * o.procs,
    },
    config: {
      chunk_bytes: o.chunkBytes, interval_ms: o.intervalMs, duration_s: o.durationS, ramp_s: o.rampS,
      drain_s: o.drainS, mime: MIME,
    },
    wall_s: r2(wallS),
    // Same criteria as the peers' loadgen; in stream mode a session also has to reach answer_started.
    // Intervox also has to save every answer it was asked to finish (answer_saved within --drain-s).
    pass: o.idle ? connPct >= 99
      : lostPct <= 1 && p99 !== null && p99 <= 1000 && connPct >= 99 && streamPct >= 99
        && st.answers_saved === st.finish_sent && st.answer_saved_mismatch === 0,
  };
}

async function main() {
  const o = parseArgs(process.argv);
  if (o.workerIndex >= 0) {
    // Child of a multi-process run: report to the parent over IPC.
    const res = await runSessions(o);
    process.send(res, () => process.exit(0));
    return;
  }
  const t0 = performance.now();
  let parts;
  if (o.procs <= 1) {
    parts = [await runSessions({ ...o, workerIndex: 0, workerCount: 1 })];
  } else {
    const base = process.argv.slice(2).filter((a, i, arr) => a !== '--procs' && arr[i - 1] !== '--procs');
    parts = await Promise.all(Array.from({ length: o.procs }, (_, k) => new Promise((resolve, reject) => {
      const child = fork(__filename, [...base, '--worker-index', String(k), '--worker-count', String(o.procs)],
        { execArgv: process.execArgv });
      let got = null;
      child.on('message', (m) => { got = m; });
      child.on('exit', (code) => (got ? resolve(got) : reject(new Error(`worker ${k} exited ${code}`))));
    })));
  }
  const wallS = Math.max(...parts.map((p) => p.wall_s), (performance.now() - t0) / 1000 - 0.3);
  process.stdout.write(JSON.stringify(summarize(o, parts, wallS)) + '\n');
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
