'use strict';
// WebSocket frames crafted by an attacker, before any authentication, on both WebSocket routes: the server
// answers each with the RFC 6455 close code, never crashes, and keeps serving everybody else.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { createOrg, createInvitation, Candidate, assertServerHealthy } = require('./lib/fixtures');
const { Client } = require('./lib/ws');
const { RawWebSocket, maskedFrame } = require('./lib/rawws');

const T = { timeout: 30_000 };
const SETUP = { timeout: 90_000 };
const ROUTES = ['/ws/session', '/api/v1/events'];
const INVALID_UTF8 = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]); // {"\xc3(\xff\xfe"}

describe(`WebSocket framing under attack (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'wsframes');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); });

  for (const route of ROUTES) {
    // The frame's first bytes arrive with the upgrade request (kept as a partial frame); the rest arrives in a
    // later read together with a frame large enough that the carried-over buffer is a fresh mapping. Freeing
    // that buffer on the UTF-8 error while parsing went on used to crash the server (SIGSEGV) every time.
    it(`${route}: invalid UTF-8 text split across reads, followed by another frame, closes 1007 and the server lives`, T, async () => {
      const bad = maskedFrame(0x1, INVALID_UTF8);
      const follower = maskedFrame(0x2, Buffer.alloc(route === '/ws/session' ? 200 * 1024 : 4000, 0x61));
      const ws = await RawWebSocket.open(server.port, route, { initial: bad.subarray(0, 5) });
      await ws.write(Buffer.concat([bad.subarray(5), follower, maskedFrame(0x1, Buffer.from('{"type":"ping"}'))]));
      const close = await ws.closed();
      assert.equal(close.code, 1007, `close code: ${JSON.stringify(close)}`);
      ws.destroy();
      await assertServerHealthy(server, org);
    });

    it(`${route}: a protocol error in the middle of one read stops parsing there (no reply to later frames)`, T, async () => {
      const ws = await RawWebSocket.open(server.port, route);
      // An unmasked frame is a protocol error; the ping after it in the same read must not be answered.
      await ws.write(Buffer.concat([maskedFrame(0x9, Buffer.from('x'), { masked: false }), maskedFrame(0x9, Buffer.from('after'))]));
      const close = await ws.closed();
      assert.equal(close.code, 1002, `close code: ${JSON.stringify(close)}`);
      const pongs = ws.frames.filter((f) => f.opcode === 0xa);
      assert.deepEqual(pongs, [], 'frames after a protocol error were processed');
      ws.destroy();
      await assertServerHealthy(server, org);
    });

    it(`${route}: invalid UTF-8 in a fragmented text message split across reads closes 1007 and the server lives`, T, async () => {
      const first = maskedFrame(0x1, INVALID_UTF8.subarray(0, 3), { fin: false });
      const last = maskedFrame(0x0, INVALID_UTF8.subarray(3));
      const ws = await RawWebSocket.open(server.port, route, { initial: Buffer.concat([first, last.subarray(0, 3)]) });
      await ws.write(Buffer.concat([last.subarray(3), maskedFrame(0x2, Buffer.alloc(3000, 0x62)), maskedFrame(0x9)]));
      const close = await ws.closed();
      assert.equal(close.code, 1007, `close code: ${JSON.stringify(close)}`);
      ws.destroy();
      await assertServerHealthy(server, org);
    });

    for (const [sent, expected] of [[1005, 1002], [1006, 1002], [999, 1002], [1015, 1002], [2000, 1002], [5000, 1002], [4001, 4001], [1000, 1000]]) {
      it(`${route}: a close frame with code ${sent} is answered with ${expected}`, T, async () => {
        const ws = await RawWebSocket.open(server.port, route);
        const body = Buffer.alloc(2);
        body.writeUInt16BE(sent);
        await ws.write(maskedFrame(0x8, body));
        const close = await ws.closed();
        assert.equal(close.code, expected);
        ws.destroy();
      });
    }

    it(`${route}: a close frame with a one-byte body or a reason that is not UTF-8 is answered 1002 / 1007`, T, async () => {
      const one = await RawWebSocket.open(server.port, route);
      await one.write(maskedFrame(0x8, Buffer.from([0x03])));
      assert.equal((await one.closed()).code, 1002);
      one.destroy();
      const bad = await RawWebSocket.open(server.port, route);
      await bad.write(maskedFrame(0x8, Buffer.concat([Buffer.from([0x03, 0xe8]), Buffer.from([0xc3, 0x28])])));
      assert.equal((await bad.closed()).code, 1007);
      bad.destroy();
    });
  }

  it('every socket the server holds is close-on-exec, so a child process (ffmpeg) inherits none', T, async () => {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    const events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: org.token });
    try {
      await events.next('ready');
      await candidate.ping();
      const sockets = [];
      for (const fd of fs.readdirSync(`/proc/${server.pid}/fd`)) {
        let target;
        try { target = fs.readlinkSync(`/proc/${server.pid}/fd/${fd}`); } catch { continue; }
        if (Number(fd) <= 2 || !target.startsWith('socket:')) continue; // stdio is the test runner's pipes
        const flags = /^flags:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${server.pid}/fdinfo/${fd}`, 'utf8'));
        sockets.push({ fd, cloexec: flags ? (parseInt(flags[1], 8) & 0o2000000) !== 0 : false });
      }
      // The listener, the WebSocket of the candidate and of the event client at least.
      assert.ok(sockets.length >= 3, `sockets found: ${JSON.stringify(sockets)}`);
      assert.deepEqual(sockets.filter((s) => !s.cloexec), [], 'sockets without FD_CLOEXEC');
    } finally {
      candidate.close();
      events.close();
    }
  });
});
