'use strict';
// Request heads that let a front proxy and the server disagree about where a request ends (smuggling
// primitives, RFC 9112) are refused with one 400 and the connection closed: never two responses for what a
// proxy saw as one request. Well-formed pipelining keeps working, and a client that pipelines without reading
// cannot grow the server's memory.

const assert = require('node:assert/strict');
const net = require('node:net');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { createOrg, createCandidate, makePdf, assertServerHealthy, waitFor } = require('./lib/fixtures');
const { RawWebSocket } = require('./lib/rawws');

const T = { timeout: 30_000 };
const SETUP = { timeout: 90_000 };
const MiB = 1024 * 1024;

/**
 * Writes `bytes` on a fresh connection and reads until the server ends the connection (or `timeout`).
 * Resolves { statuses, raw } with the status of every response the server sent.
 */
function exchange(port, bytes, { timeout = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString('latin1');
      if (error) reject(new Error(`${error.message}; received: ${raw.slice(0, 500)}`));
      else resolve({ raw, statuses: [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1])) });
    };
    const timer = setTimeout(() => finish(new Error(`the server did not end the connection within ${timeout} ms`)), timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    socket.on('error', () => finish());
    socket.on('connect', () => socket.write(bytes));
  });
}

const SECOND = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

// Each head is followed by a well-formed request: a server fooled by the first would answer twice.
const SMUGGLING = [
  ['two Content-Length headers that disagree', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n'],
  ['two equal Content-Length headers', 'GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n'],
  ['whitespace before the colon', 'GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length : 5\r\n\r\n'],
  ['an empty Transfer-Encoding', 'GET /healthz HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n'],
  ['Transfer-Encoding chunked with Content-Length', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ['a folded header line', 'GET /healthz HTTP/1.1\r\nHost: a\r\nX-Note: one\r\n  two\r\n\r\n'],
  ['a bare LF ending a header line', 'GET /healthz HTTP/1.1\r\nHost: a\nContent-Length: 5\r\n\r\n'],
  ['a bare CR inside a header line', 'GET /healthz HTTP/1.1\r\nHost: a\rContent-Length: 5\r\n\r\n'],
  ['no Host header in HTTP/1.1', 'GET /healthz HTTP/1.1\r\nAccept: */*\r\n\r\n'],
  ['two Host headers', 'GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
  ['a NUL in a header value', 'GET /healthz HTTP/1.1\r\nHost: a\r\nX-Note: a\u0000b\r\n\r\n'],
  ['a space inside the request target', 'GET /health z HTTP/1.1\r\nHost: a\r\n\r\n'],
  ['a tab between request-line parts', 'GET\t/healthz HTTP/1.1\r\nHost: a\r\n\r\n'],
  ['a malformed HTTP version', 'GET /healthz HTTP/1.x\r\nHost: a\r\n\r\n'],
  ['a lower-case protocol name', 'GET /healthz http/1.1\r\nHost: a\r\n\r\n'],
  ['a header name with a slash', 'GET /healthz HTTP/1.1\r\nHost: a\r\nX/Y: 1\r\n\r\n'],
  ['a Content-Length with a sign', 'POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n'],
];

describe(`HTTP request parsing is strict (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'parsing');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); });

  for (const [what, head] of SMUGGLING) {
    it(`${what}: one 400 bad_request, the connection closed, the request behind it never answered`, T, async () => {
      const { statuses, raw } = await exchange(server.port, head + SECOND);
      assert.deepEqual(statuses, [400], `responses: ${raw.slice(0, 600)}`);
      assert.match(raw, /connection: close/i);
      assert.match(raw, /"code":"bad_request"/);
    });
  }

  it('HTTP/2.0 and HTTP/1.2 in an HTTP/1 request line answer 505', T, async () => {
    for (const version of ['HTTP/2.0', 'HTTP/1.2']) {
      const { statuses, raw } = await exchange(server.port, `GET /healthz ${version}\r\nHost: a\r\n\r\n${SECOND}`);
      assert.deepEqual(statuses, [505], `${version}: ${raw.slice(0, 400)}`);
    }
  });

  it('HTTP/1.0 without Host is served', T, async () => {
    const { statuses, raw } = await exchange(server.port, 'GET /healthz HTTP/1.0\r\n\r\n');
    assert.deepEqual(statuses, [200], raw.slice(0, 400));
  });

  it('well-formed pipelined requests get one response each, in order', T, async () => {
    const one = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const missing = 'GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const { statuses } = await exchange(server.port, one + missing + one + SECOND);
    assert.deepEqual(statuses, [200, 404, 200, 200]);
  });

  it('a client that pipelines 64 MiB without reading the response it asked for does not grow server memory', { timeout: 60_000 }, async () => {
    // A CV of ~6 MiB: more than the socket buffers hold, so the server stays in the writing state.
    const candidate = await createCandidate(org);
    const pdf = makePdf('x'.repeat(6 * MiB));
    const put = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: pdf, contentType: 'application/pdf' });
    assert.equal(put.status, 200, `upload: ${put}`);
    const before = server.rssKiB();

    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.pause(); // never read
    socket.write(`GET /api/v1/candidates/${candidate.id}/cv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${org.token}\r\n\r\n`);
    const block = Buffer.alloc(MiB, 0x41);
    let sent = 0;
    while (sent < 64 * MiB) {
      sent += block.length;
      if (!socket.write(block)) {
        // Back-pressure reached us: wait (bounded) for the server to read more, which it must not.
        const drained = await new Promise((resolve) => {
          const timer = setTimeout(resolve, 2000, false);
          socket.once('drain', () => { clearTimeout(timer); resolve(true); });
        });
        if (!drained) break;
      }
    }
    const grownMiB = (server.rssKiB() - before) / 1024;
    socket.destroy();
    assert.ok(sent < 64 * MiB, `the server read all ${sent / MiB} MiB the client pipelined`);
    assert.ok(grownMiB < 16, `server RSS grew by ${grownMiB.toFixed(1)} MiB (client sent ${(sent / MiB).toFixed(0)} MiB)`);
    await assertServerHealthy(server, org);
  });

  it('a body that trickles in (a byte every 2 s) is cut off at its deadline (30 s + length at 16 KiB/s) with 400', { timeout: 60_000 }, async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    const chunks = [];
    const started = Date.now();
    let timer;
    const ended = new Promise((resolve) => {
      socket.on('data', (c) => chunks.push(c));
      socket.on('close', resolve);
      socket.on('error', resolve);
    });
    socket.on('connect', () => {
      socket.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{');
      timer = setInterval(() => socket.write(' '), 2000); // steady, so no idle timeout ever fires
    });
    let deadlineTimer;
    const deadline = new Promise((resolve) => { deadlineTimer = setTimeout(resolve, 50_000, 'deadline'); });
    const outcome = await Promise.race([ended, deadline]);
    clearTimeout(deadlineTimer);
    clearInterval(timer);
    socket.destroy();
    const raw = Buffer.concat(chunks).toString('latin1');
    assert.notEqual(outcome, 'deadline', `the server still waited for the body after ${Date.now() - started} ms`);
    assert.match(raw, /^HTTP\/1\.1 400 /, raw.slice(0, 300));
    assert.match(raw, /request body too slow: 200 bytes must arrive within 30 s/);
  });
});

describe(`connections per client address (${engine})`, () => {
  let env, server;

  before(async () => {
    env = await Environment.create();
    server = await env.start({ extraEnv: { INTERVOX_MAX_CONNECTIONS_PER_ADDRESS: '5' } });
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); });

  /** Resolves 'open' once an HTTP request on a new connection is answered, 'refused' if the server closes it first. */
  function probe() {
    return new Promise((resolve) => {
      const socket = net.connect(server.port, '127.0.0.1');
      let data = '';
      socket.on('data', (c) => { data += c.toString('latin1'); if (data.includes('\r\n\r\n')) { socket.destroy(); resolve('open'); } });
      socket.on('close', () => resolve(data.includes('HTTP/1.1') ? 'open' : 'refused'));
      socket.on('error', () => resolve('refused'));
      socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n'));
    });
  }

  it('upgraded WebSockets count: with 5 open from one address the 6th connection is closed; closing one frees a place', T, async () => {
    const sockets = [];
    try {
      for (let i = 0; i < 5; i++) sockets.push(await RawWebSocket.open(server.port, '/ws/session'));
      assert.equal(await probe(), 'refused', 'a sixth connection from the same address');
      sockets.pop().destroy();
      // The server notices the close on its next poll: wait for that signal (bounded), not for a fixed time.
      await waitFor(async () => (await probe()) === 'open', { timeout: 10_000, interval: 50, what: 'a free place after a close' });
    } finally {
      for (const s of sockets) s.destroy();
    }
  });
});
