#!/usr/bin/env node
'use strict';
/*
 * Markdown report of a tests/bench/run.sh run: one table (every target and step), Intervox / peer
 * ratios, the Intervox targets, and notes on anything that makes a number less trustworthy.
 *
 *   node report.js steps.jsonl [STRICT]
 *
 * With STRICT=1 the exit code is 1 if Intervox lost a chunk, a candidate failed to connect or
 * stream, an answer_saved reported other counts than sent, or a measurement produced no result
 * (the smoke-test contract). Answers still unsaved after the drain are only a note: saving
 * waits for fsync, whose time depends on the disk and on the other load of the machine.
 */
const fs = require('fs');

const TARGETS = { ms: 250, idleKb: 30, n: 2000 }; // product targets for Intervox
const [file, strictArg] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const order = ['intervox', 'node_ws', 'flask_socketio'];
const targets = order.filter((t) => rows.some((r) => r.target === t));

const fmt = (v, d = 2) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v.toFixed(d)).toString());
const lg = (r) => r.loadgen || {};
const cpuMsPerChunk = (r, own) => (lg(r).chunks_acked
  ? (1000 * (own ? r.server_self_cpu_ticks : r.server_cpu_ticks)) / r.clk_tck / lg(r).chunks_acked : null);
// intervoxd is one process: CPU in its children is helper work (ffmpeg joining saved answers).
const childShare = (r) => (r.target === 'intervox' && r.server_cpu_ticks ? 1 - r.server_self_cpu_ticks / r.server_cpu_ticks : 0);
const passed = (r) => !!(r.loadgen && r.loadgen.pass && r.server_alive);
const idleKb = (t) => {
  const r = rows.filter((x) => x.target === t && x.kind === 'idle' && lg(x).sessions_connected).pop();
  return r ? (r.max_rss_kb - r.base_rss_kb) / lg(r).sessions_connected : null;
};
const steps = (t) => rows.filter((r) => r.target === t && r.kind === 'step');
const why = (r) => {
  if (r.setup_failed) return 'server/setup failed';
  if (!r.loadgen) return 'no loadgen result';
  const w = [];
  const l = lg(r);
  if (l.lost_pct > 1) w.push(`lost ${l.lost_pct} %`);
  if (l.p99_ms === null || l.p99_ms > 1000) w.push(`p99 ${fmt(l.p99_ms, 0)} ms`);
  if (l.sessions_connected < 0.99 * r.n) w.push(`${l.sessions_connected}/${r.n} connected`);
  if (l.sessions_streaming !== undefined && l.sessions_streaming < 0.99 * r.n) w.push(`${l.sessions_streaming}/${r.n} streaming`);
  if (l.finish_sent !== undefined && l.answers_saved < l.finish_sent) w.push(`${l.answers_saved}/${l.finish_sent} answers saved`);
  if (!r.server_alive) w.push('server died');
  return w.join(', ');
};

const out = [];
out.push('| peer | concurrent streaming candidates | chunks lost (of sent) | p50 / p99 ack ms | answers saved, finish → saved p50 / p99 ms | server CPU ms per acked chunk | server max RSS MB | RSS KB per idle connected candidate | result |');
out.push('|:--|---:|---:|---:|---:|---:|---:|---:|:--|');
for (const t of targets) {
  const ik = idleKb(t);
  if (!steps(t).length) out.push(`| ${t} | – | – | – | – | – | – | ${fmt(ik, 1)} | idle only |`);
  for (const r of steps(t)) {
    const l = lg(r);
    const streaming = l.sessions_streaming !== undefined ? l.sessions_streaming : l.sessions_connected;
    const cand = streaming === r.n ? `${r.n}` : `${streaming ?? 0} of ${r.n}`;
    const lost = r.loadgen ? `${l.lost} (of ${l.chunks_sent})` : '–';
    const res = passed(r) ? 'PASS' : `FAIL (${why(r) || 'see notes'})`;
    // Only Intervox saves answers durably; the references ack and forget.
    const saved = l.finish_sent !== undefined && r.loadgen ? `${l.answers_saved} of ${l.finish_sent}, ${fmt(l.save_p50_ms)} / ${fmt(l.save_p99_ms)}` : '–';
    out.push(`| ${t} | ${cand} | ${lost} | ${fmt(l.p50_ms)} / ${fmt(l.p99_ms)} | ${saved} | ${fmt(cpuMsPerChunk(r), 3)}` +
      (childShare(r) > 0.05 ? ` (${fmt(cpuMsPerChunk(r, true), 3)} without children)` : '') +
      ` | ${r.max_rss_kb ? fmt(r.max_rss_kb / 1024, 1) : '–'} | ${fmt(ik, 1)} | ${res} |`);
  }
}

// Intervox / peer. CPU per chunk and p99 are compared at the highest step both passed: at small N
// the fixed per-process cost dominates CPU per chunk.
const ix = steps('intervox');
const peers = targets.filter((t) => t !== 'intervox');
const commonStep = (p) => {
  const ok = new Set(steps(p).filter(passed).map((r) => r.n));
  const both = ix.filter((r) => passed(r) && ok.has(r.n)).map((r) => r.n);
  return both.length ? Math.max(...both) : null;
};
const at = (t, n) => steps(t).find((r) => r.n === n);
const ratio = (a, b) => (a === null || b === null || !b ? '–' : `${fmt(a / b)}×`);
if (ix.length && peers.length) {
  out.push('', `| Intervox ÷ peer | ${peers.join(' | ')} |`, `|:--|${peers.map(() => '---:').join('|')}|`);
  const cell = (f) => peers.map((p) => { const n = commonStep(p); return n === null ? '– (no common passing step)' : `${f(p, n)} (N=${n})`; });
  out.push(`| server CPU per acked chunk | ${cell((p, n) => ratio(cpuMsPerChunk(at('intervox', n)), cpuMsPerChunk(at(p, n)))).join(' | ')} |`);
  if (ix.some((r) => childShare(r) > 0.05)) {
    out.push(`| … intervoxd alone (without its ffmpeg children) | ${cell((p, n) => ratio(cpuMsPerChunk(at('intervox', n), true), cpuMsPerChunk(at(p, n)))).join(' | ')} |`);
  }
  out.push(`| RSS per idle connected candidate | ${peers.map((p) => ratio(idleKb('intervox'), idleKb(p))).join(' | ')} |`);
  out.push(`| p99 ack latency | ${cell((p, n) => ratio(lg(at('intervox', n)).p99_ms, lg(at(p, n)).p99_ms)).join(' | ')} |`);
}

// Targets: 2000 streaming candidates with 0 lost and p99 <= 250 ms; <= 30 KB RSS per idle
// connected candidate; less CPU per acked chunk than node_ws.
if (ix.length) {
  const verdict = (ok, text) => `- ${ok === null ? 'NOT MEASURED' : ok ? 'MET' : 'MISSED'}: ${text}`;
  const top = at('intervox', TARGETS.n);
  const tl = top && top.loadgen;
  out.push('', 'Intervox targets:');
  out.push(verdict(tl ? tl.sessions_streaming === TARGETS.n && tl.lost === 0 && tl.p99_ms <= TARGETS.ms : null,
    `${TARGETS.n} concurrent streaming candidates, 0 lost, p99 ack ≤ ${TARGETS.ms} ms` +
    (tl ? ` (got ${tl.sessions_streaming} streaming, ${tl.lost} lost, p99 ${tl.p99_ms} ms)` : '')));
  const ik = idleKb('intervox');
  out.push(verdict(ik === null ? null : ik <= TARGETS.idleKb, `≤ ${TARGETS.idleKb} KB server RSS per idle connected candidate (got ${fmt(ik, 1)})`));
  const n = targets.includes('node_ws') ? commonStep('node_ws') : null;
  const a = n && cpuMsPerChunk(at('intervox', n)), b = n && cpuMsPerChunk(at('node_ws', n));
  const own = n && cpuMsPerChunk(at('intervox', n), true);
  out.push(verdict(n ? a < b : null, 'less server CPU per acked chunk than node_ws' +
    (n ? ` (N=${n}: ${fmt(a, 3)} vs ${fmt(b, 3)} ms; intervoxd alone ${fmt(own, 3)} ms)` : '')));
}

// Notes: what the table cannot show.
const notes = [];
for (const r of rows) {
  const l = lg(r), g = l.loadgen || {};
  const tag = `${r.target} ${r.kind} N=${r.n}`;
  if (r.server_exit) notes.push(`${tag}: server exited with status ${r.server_exit} when stopped with SIGTERM` +
    (r.server_exit > 128 ? ` (signal ${r.server_exit - 128}${r.server_exit === 139 ? ', segfault' : ''})` : ''));
  if (r.setup_failed) notes.push(`${tag}: server start or setup failed (servers.log)`);
  else if (!r.loadgen) notes.push(`${tag}: the load generator printed no result (loadgen.stderr)`);
  if (g.saturated) notes.push(`${tag}: load generator CPU-saturated (${g.cpu_pct_of_one_core} % of a core): latency partly its own`);
  if (Object.keys(l.errors || {}).length) notes.push(`${tag}: loadgen errors ${JSON.stringify(l.errors).slice(0, 400)}`);
  if (l.answer_saved_mismatch) notes.push(`${tag}: ${l.answer_saved_mismatch} answer_saved with other chunks/bytes than sent`);
  if (l.finish_sent !== undefined && l.answers_saved < l.finish_sent) notes.push(`${tag}: answer_saved for ${l.answers_saved} of ${l.finish_sent} finished answers`);
  if (childShare(r) > 0.05) notes.push(`${tag}: ${fmt(100 * childShare(r), 0)} % of the server CPU was in child processes (ffmpeg)`);
  if (r.machine_busy_ticks !== undefined && r.kind === 'step') {
    const other = (r.machine_busy_ticks - r.server_cpu_ticks) / r.clk_tck - (g.cpu_s || 0);
    if (other > 0.15 * r.wall_s) notes.push(`${tag}: ${fmt(other, 1)} s of other CPU on the machine during ${fmt(r.wall_s, 0)} s (noise)`);
  }
}
const pg = rows.find((r) => r.target === 'intervox' && r.db === 'postgresql');
if (pg) notes.unshift(`Intervox ran on PostgreSQL behind a proxy adding ${pg.db_delay_ms} ms each way (${2 * pg.db_delay_ms} ms per round trip)`);
if (notes.length) out.push('', 'Notes:', ...notes.map((n) => `- ${n}`));
out.push('', 'Load: each candidate sends one 4000-byte chunk every 250 ms; ramp min(10, max(1, N/200)) s. ' +
  'PASS = lost ≤ 1 %, p99 ≤ 1000 ms, ≥ 99 % connected (and streaming). CPU = server process tree ' +
  '(utime+stime, reaped children included) during the load run ÷ acked chunks. RSS per idle connected candidate = ' +
  '(max RSS with the idle sessions held − fresh RSS) ÷ connected.');
console.log(out.join('\n'));

if (strictArg === '1') {
  const bad = rows.filter((r) => r.target === 'intervox').filter((r) => {
    const l = r.loadgen;
    return !l || !r.server_alive || l.connect_failed > 0 || l.sessions_connected < r.n || l.unexpected_disconnects > 0 ||
      (r.kind === 'step' && (l.lost > 0 || l.sessions_streaming < r.n || l.answer_saved_mismatch > 0));
  });
  if (!rows.some((r) => r.target === 'intervox')) bad.push({ kind: 'none', n: 0 });
  if (bad.length) {
    console.error(`STRICT: Intervox failed ${bad.map((r) => `${r.kind} N=${r.n}`).join(', ')}`);
    process.exit(1);
  }
}
