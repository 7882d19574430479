#!/usr/bin/env node
'use strict';
/*
 * Hostile load: N normal candidates stream (loadgen.js, the real protocol) while one attacker, on the same
 * server, does everything docs/security.md defends against, in a loop: WebSocket frames that used to crash the
 * server, smuggling heads, a 64 MiB pipelined flood it never reads, trickled bodies, reserved close codes,
 * password guessing, finish_answer lies and reconnects to a 100,000-chunk segment. Pass: the server lives, normal candidates lose no chunk, every answer is saved, p99 ack <= 250 ms.
 *
 *   node hostile.js [--sessions 200] [--duration-s 20] [--intervoxd PATH]
 *
 * Prints a table and one JSON line; exits 1 if a criterion fails. Loopback only, bounded in time and count.
 */
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const WebSocket = require(require.resolve('ws', { paths: [path.join(__dirname, '..'), __dirname] }));
const { crc32 } = require('../integration/lib/ws'); // the tests' one CRC-32

const HERE = __dirname;
const REPO = path.resolve(HERE, '..', '..');
const P99_LIMIT_MS = 250;

function parseArgs(argv) {
  const o = { sessions: 200, durationS: 20, intervoxd: process.env.INTERVOXD || path.join(REPO, 'build', 'server', 'intervoxd') };
  for (let i = 2; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--sessions') { o.sessions = Number(v); i++; } else if (k === '--duration-s') { o.durationS = Number(v); i++; } else if (k === '--intervoxd') { o.intervoxd = path.resolve(v); i++; } else {
      console.error(`unknown option ${k}`); process.exit(2);
    }
  }
  if (!(o.sessions >= 1 && o.sessions <= 2000 && o.durationS >= 5 && o.durationS <= 600)) {
    console.error('--sessions 1..2000, --duration-s 5..600'); process.exit(2);
  }
  return o;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the server ------------------------------------------------------------------------------------------------

async function startServer(o, dataDir) {
  const child = spawn(o.intervoxd, ['serve', '--listen', '127.0.0.1:0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The normal candidates all come from loopback, standing in for as many addresses behind a proxy.
    env: { ...process.env, INTERVOX_MAX_CONNECTIONS_PER_ADDRESS: '1000000' },
  });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('intervoxd did not start within 30 s')), 30000);
    const onData = (d) => {
      log += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`intervoxd exited (${code}, ${signal}): ${log}`)); });
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, port, exited, get log() { return log; } };
}

// ---- attacks ---------------------------------------------------------------------------------------------------

function frame(opcode, payload = Buffer.alloc(0), { fin = true, masked = true } = {}) {
  const n = payload.length;
  const head = [((fin ? 0x80 : 0) | opcode)];
  let len = Buffer.alloc(0);
  if (n < 126) head.push((masked ? 0x80 : 0) | n);
  else if (n < 65536) { head.push((masked ? 0x80 : 0) | 126); len = Buffer.alloc(2); len.writeUInt16BE(n); } else { head.push((masked ? 0x80 : 0) | 127); len = Buffer.alloc(8); len.writeBigUInt64BE(BigInt(n)); }
  if (!masked) return Buffer.concat([Buffer.from(head), len, payload]);
  const key = crypto.randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]));
  return Buffer.concat([Buffer.from(head), len, key, body]);
}

const upgrade = (p) => `GET ${p} HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`;

/** Opens a raw connection, writes `first`, then after the server's first bytes `then`; closes after `holdMs`. */
function rawExchange(port, first, then = null, holdMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let wrote = false;
    const done = () => { clearTimeout(timer); s.destroy(); resolve(); };
    const timer = setTimeout(done, holdMs);
    s.on('error', done);
    s.on('close', done);
    s.on('data', () => { if (then && !wrote) { wrote = true; s.write(then); } });
    s.on('connect', () => s.write(first));
  });
}

const INVALID_UTF8 = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]);

function attacks(port, attackerToken, adminEmail) {
  const bad = frame(1, INVALID_UTF8);
  return {
    'invalid UTF-8 split across reads': async () => {
      for (const p of ['/ws/session', '/api/v1/events']) {
        await rawExchange(port, Buffer.concat([Buffer.from(upgrade(p)), bad.subarray(0, 5)]),
          Buffer.concat([bad.subarray(5), frame(2, Buffer.alloc(3000, 0x61))]), 300);
      }
    },
    'reserved close codes': async () => {
      const body = Buffer.alloc(2);
      body.writeUInt16BE(1005);
      await rawExchange(port, Buffer.from(upgrade('/ws/session')), frame(8, body), 300);
    },
    'smuggling heads': async () => {
      for (const head of ['POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n',
        'GET /healthz HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n', 'GET /healthz HTTP/1.1\r\nHost: a\nX: 1\r\n\r\n']) {
        await rawExchange(port, head + 'GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n', null, 200);
      }
    },
    'pipelined flood, never read': async () => {
      await new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        const block = Buffer.alloc(1 << 20, 0x41);
        let sent = 0;
        const stop = () => { s.destroy(); resolve(); };
        s.on('error', stop);
        s.on('connect', () => {
          s.pause();
          s.write('GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n');
          const pump = () => { while (sent < 64 && s.write(block)) sent++; if (sent >= 64) stop(); };
          s.on('drain', pump);
          pump();
          setTimeout(stop, 2000);
        });
      });
    },
    'trickled body': async () => {
      await new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        let timer;
        const stop = () => { clearInterval(timer); s.destroy(); resolve(); };
        s.on('error', stop);
        s.on('connect', () => {
          s.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
          timer = setInterval(() => s.write(' '), 200);
          setTimeout(stop, 1500);
        });
      });
    },
    'password guessing': async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: adminEmail, password: `guess-${i}-${crypto.randomBytes(4).toString('hex')}` }),
      }).then((r) => r.arrayBuffer(), () => {})));
    },
    '100,000-chunk segment, finish_answer lies, reconnects': async () => {
      await candidateAttack(port, attackerToken);
    },
  };
}

/** The attacker's own session: 100,000 one-byte chunks, lying finishes, big chunks, reconnects. */
async function candidateAttack(port, token) {
  const open = () => new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/session`);
    const queue = [];
    const waiters = [];
    ws.on('message', (data, binary) => {
      if (binary) return;
      const m = JSON.parse(data.toString());
      const w = waiters.findIndex((x) => x.test(m));
      if (w >= 0) waiters.splice(w, 1)[0].resolve(m); else queue.push(m);
    });
    ws.next = (test, ms = 10000) => {
      const i = queue.findIndex(test);
      if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
      return new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error('attacker: no reply')), ms);
        waiters.push({ test, resolve: (m) => { clearTimeout(t); res(m); } });
      });
    };
    ws.on('open', () => { ws.send(JSON.stringify({ type: 'hello', protocol: 1, token, mime: 'audio/webm;codecs=opus' })); resolve(ws); });
    ws.on('error', reject);
  });
  const chunk = (answer, seq, payload) => {
    const h = Buffer.alloc(16);
    h.writeUInt8(1, 0); h.writeUInt32BE(answer, 4); h.writeUInt32BE(seq, 8); h.writeUInt32BE(crc32(payload), 12);
    return Buffer.concat([h, payload]);
  };
  let ws = await open();
  let state = await ws.next((m) => m.type === 'state');
  if (state.phase === 'consent') { ws.send(JSON.stringify({ type: 'consent', accepted: true })); state = await ws.next((m) => m.type === 'state' && m.phase === 'intro'); }
  if (state.phase === 'intro') { ws.send(JSON.stringify({ type: 'begin' })); }
  const open2 = state.answers && state.answers.find((a) => a.status !== 'saved');
  const answer = open2 ? open2.answer : (await ws.next((m) => m.type === 'answer_started')).answer;
  const stored = open2 && open2.segments[0] ? open2.segments[0].chunks : 0;
  // Grow segment 0 to 100,000 one-byte chunks (once), in bursts.
  const one = Buffer.from([0x42]);
  for (let from = stored; from < 100000; from += 5000) {
    for (let seq = from; seq < Math.min(from + 5000, 100000); seq++) ws.send(chunk(answer, seq, one));
    await ws.next((m) => m.type === 'ack' && m.seq === Math.min(from + 5000, 100000) - 1, 30000);
  }
  ws.send(JSON.stringify({ type: 'finish_answer', answer, segments: [{ chunks: 4e9, bytes: 4e9, sha256: '0'.repeat(64), durationMs: 1 }] }));
  ws.send(JSON.stringify({ type: 'finish_answer', answer, segments: [{ chunks: 100000, bytes: 100000, sha256: '0'.repeat(64), durationMs: 1 }, { chunks: 1, bytes: 1, sha256: null, durationMs: 1 }] }));
  const big = Buffer.alloc(256 * 1024, 1);
  for (let i = 0; i < 8; i++) ws.send(chunk(answer, 100000 + i, big));
  await ws.next((m) => m.type === 'nack' || m.type === 'error', 10000).catch(() => {});
  ws.terminate();
  for (let i = 0; i < 5; i++) {
    ws = await open();
    await ws.next((m) => m.type === 'state');
    ws.terminate();
  }
}


// ---- orchestration ---------------------------------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'intervox-hostile-'));
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir);
  const email = 'hostile-admin@example.com';
  const password = crypto.randomBytes(18).toString('base64url');
  let server = null;
  const hardStop = setTimeout(() => { console.error('hostile.js: hard deadline reached'); if (server) server.child.kill('SIGKILL'); process.exit(1); },
    (o.durationS + 240) * 1000);
  try {
    execFileSync(o.intervoxd, ['admin', 'create', '--data', dataDir, '--organization', 'Hostile', '--email', email, '--name', 'Admin', '--password-stdin'],
      { input: `${password}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
    server = await startServer(o, dataDir);
    const tokens = path.join(work, 'tokens.txt');
    execFileSync('node', [path.join(HERE, 'invites.js'), `http://127.0.0.1:${server.port}`, String(o.sessions + 1), tokens],
      { env: { ...process.env, BENCH_EMAIL: email, BENCH_PASSWORD: password }, stdio: ['ignore', 'ignore', 'inherit'] });
    const all = fs.readFileSync(tokens, 'utf8').trim().split('\n');
    const normal = path.join(work, 'normal.txt');
    fs.writeFileSync(normal, all.slice(0, o.sessions).join('\n') + '\n');
    const attackerToken = all[o.sessions];

    const loadgen = spawn('node', [path.join(HERE, 'loadgen.js'), '--url', `ws://127.0.0.1:${server.port}/ws/session`, '--tokens', normal,
      '--sessions', String(o.sessions), '--chunk-bytes', '4000', '--interval-ms', '250', '--duration-s', String(o.durationS),
      '--ramp-s', '2', '--drain-s', '10'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    loadgen.stdout.on('data', (d) => { out += d; });
    const loadgenDone = new Promise((resolve) => loadgen.once('exit', resolve));

    // The attacker runs its loop until the normal candidates stop streaming.
    const counts = {};
    const stopAt = Date.now() + (o.durationS + 2) * 1000;
    const list = Object.entries(attacks(server.port, attackerToken, email));
    let round = 0;
    while (Date.now() < stopAt) {
      for (const [name, run] of list) {
        if (Date.now() >= stopAt) break;
        if (name.startsWith('100,000') && round > 0) continue; // once: it builds a 100,000-chunk segment
        try { await run(); counts[name] = (counts[name] || 0) + 1; } catch (e) { counts[name] = `${counts[name] || 0} (${e.message})`; }
      }
      round++;
      await sleep(50);
    }
    await loadgenDone;
    const result = JSON.parse(out.trim().split('\n').pop());
    const alive = server.child.exitCode === null && server.child.signalCode === null;
    const health = alive ? await fetch(`http://127.0.0.1:${server.port}/healthz`).then((r) => r.status, () => 0) : 0;
    const checks = {
      'server alive and healthy': alive && health === 200,
      'no chunk lost': result.lost === 0 && result.chunks_acked > 0,
      'every answer saved': result.answers_saved === o.sessions,
      [`p99 ack <= ${P99_LIMIT_MS} ms`]: result.p99_ms !== null && result.p99_ms <= P99_LIMIT_MS,
    };
    console.log(`\nhostile load: ${o.sessions} candidates streaming for ${o.durationS} s beside one attacker`);
    console.log('| attack | rounds |\n|---|---:|');
    for (const [name, n] of Object.entries(counts)) console.log(`| ${name} | ${n} |`);
    console.log(`\n| candidates | chunks acked | lost | answers saved | p50 ms | p99 ms | max ms |\n|---:|---:|---:|---:|---:|---:|---:|`);
    console.log(`| ${result.sessions_streaming} | ${result.chunks_acked} | ${result.lost} | ${result.answers_saved} | ${result.p50_ms} | ${result.p99_ms} | ${result.max_ms} |\n`);
    for (const [what, ok] of Object.entries(checks)) console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
    console.log(JSON.stringify({ hostile: counts, loadgen: result, checks }));
    const failed = Object.values(checks).some((ok) => !ok);
    if (failed && !alive) console.error(server.log.slice(-4000));
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearTimeout(hardStop);
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      let stopTimer;
      await Promise.race([server.exited, new Promise((resolve) => { stopTimer = setTimeout(resolve, 15000); })]);
      clearTimeout(stopTimer);
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(`hostile.js: ${e.stack || e.message}`); process.exit(1); });
