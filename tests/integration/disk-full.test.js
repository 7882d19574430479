'use strict';
// The server's storage fails in the middle of an answer, then recovers: its disk fills up (the data folder is a small
// tmpfs here), or its database refuses the save. Nothing the page sent is lost, no answer waits for ever, no reload is
// needed: a chunk the disk refused is nacked `storage` and taken when sent again; an answer whose save failed is
// saved by the server's own retry. Errors the server caused never count as the page's protocol violations.

const assert = require('node:assert/strict');
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { split, sha256 } = require('./lib/ws');
const { createOrg, startAnswering } = require('./lib/fixtures');
const { fillDisk } = require('./lib/disk');

const T = { timeout: 60_000 };
const SETUP = { timeout: 60_000 };
const MiB = 1024 * 1024;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;


describe(`a full disk under the server (${engine})`, { skip: isRoot ? false : 'mounting a tmpfs needs root' }, () => {
  let env, server, org;
  // Random bytes in 16 KiB chunks: each write needs new pages, which a full tmpfs refuses.
  const payload = crypto.randomBytes(160 * 1024);

  before(async () => {
    env = await Environment.create();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0700', 'tmpfs', env.dataDir]);
    server = await env.start();
    org = await createOrg(env, server, 'diskfull');
  }, SETUP);

  after(async () => {
    if (!env) return;
    // Stop the server before the filesystem goes away under it, then let the environment clean up.
    const exits = await Promise.all(env.servers.map((s) => s.stop()));
    try { execFileSync('umount', ['-l', env.dataDir]); } catch { /* not mounted */ }
    await env.cleanup();
    for (const exit of exits) assert.equal(exit.code, 0, `intervoxd exit: ${JSON.stringify(exit)}\n${server.log()}`);
  });


  it('a chunk the full disk refused is nacked storage, taken when sent again, and the answer is byte-identical', T, async () => {
    const { candidate, answer } = await startAnswering(server, org);
    let filler = null;
    try {
      const pieces = split(payload, 16 * 1024);
      const last = pieces.length - 1;
      await candidate.upload(answer, pieces.slice(0, last));
      filler = fillDisk(env.dataDir);
      candidate.client.sendChunk({ answer, seq: last, payload: pieces[last] });
      const nack = await candidate.client.next((m) => m.type === 'nack' && m.seq === last)
        .catch((error) => { throw new Error(`${error.message}\n--- server ---\n${server.log()}`); });
      assert.equal(nack.code, 'storage', JSON.stringify(nack));
      assert.equal(nack.expected, last, 'the server still wants that chunk');
      fs.rmSync(filler);
      filler = null;
      await candidate.upload(answer, [pieces[last]], { from: last });
      const saved = await candidate.finish(answer, [pieces]);
      assert.equal(saved.bytes, payload.length);
      const stored = await org.api.get(`/api/v1/answers/${answer}/segments/0`);
      assert.equal(stored.status, 200, String(stored));
      assert.equal(sha256(stored.body), sha256(payload), 'the stored segment is what was sent, byte for byte');
    } finally {
      if (filler) fs.rmSync(filler, { force: true });
      candidate.close();
    }
  });

  it('an answer whose save the database refused (locked by another process) is saved by the server\'s retry, without a new message; those errors do not close the socket', { timeout: 90_000, skip: engine === 'postgresql' ? 'SQLite only: PostgreSQL has no lock timeout to run into' : false }, async () => {
    const { candidate, answer } = await startAnswering(server, org);
    let locker = null;
    try {
      const pieces = split(payload, 16 * 1024);
      await candidate.upload(answer, pieces);
      // 19 protocol violations of the page's own: one more would close the socket (4400) ...
      for (let i = 0; i < 19; i++) {
        candidate.client.send({ type: 'no_such_message' });
        await candidate.client.next((m) => m.type === 'error' && m.code === 'unknown_type');
      }
      // Another process holds the database's write lock longer than the server waits for it (5 s).
      locker = spawn('sqlite3', [path.join(env.dataDir, 'intervox.db')], { stdio: ['pipe', 'pipe', 'inherit'] });
      locker.stdin.write(".timeout 10000\nBEGIN EXCLUSIVE;\nSELECT 'locked';\n");
      await new Promise((resolve, reject) => {
        locker.stdout.on('data', (d) => { if (d.toString().includes('locked')) resolve(); });
        locker.once('exit', (code) => reject(new Error(`sqlite3 exited (${code}) before taking the lock`)));
      });
      candidate.client.send({
        type: 'finish_answer', answer,
        segments: [{ chunks: pieces.length, bytes: payload.length, sha256: sha256(payload), durationMs: 2000 }],
      });
      // ... but the server's own storage errors do not count.
      const error = await candidate.client.next((m) => m.type === 'error', 30_000);
      assert.equal(error.code, 'storage', JSON.stringify(error));
      assert.match(error.message, /tries again in \d+ s/);
      const during = (await org.api.get(`/api/v1/answers/${answer}`)).json;
      assert.equal(during.waitingFor.what, 'storage', JSON.stringify(during));
      assert.ok(during.waitingFor.failedAttempts >= 1, JSON.stringify(during));
      locker.stdin.end('COMMIT;\n.quit\n');
      await new Promise((resolve) => locker.once('exit', resolve));
      locker = null;
      const saved = await candidate.client.next((m) => m.type === 'answer_saved' && m.answer === answer, 60_000);
      assert.equal(saved.bytes, payload.length);
      assert.ok(candidate.client.isOpen, `the socket was closed: ${JSON.stringify(candidate.client.closeInfo)}`);
      assert.match(server.log(), /could not be recorded as saved in the database \(attempt 1\)/);
      const stored = await org.api.get(`/api/v1/answers/${answer}/segments/0`);
      assert.equal(sha256(stored.body), sha256(payload));
    } finally {
      if (locker) locker.kill('SIGKILL');
      candidate.close();
    }
  });
});
