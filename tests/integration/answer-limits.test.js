'use strict';
// What one invite may cost the server: every answer is bounded by its time limit (byte budget, docs/protocol.md),
// finish_answer is checked against what the server holds before any file is synced, a segment the finish names
// may still arrive after it, and reconnecting to a huge segment costs O(1) instead of re-reading it.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { split, sha256, chunkFrame } = require('./lib/ws');
const { createOrg, Candidate, startAnswering, makeWebm, assertServerHealthy } = require('./lib/fixtures');

const T = { timeout: 60_000 };
const SETUP = { timeout: 60_000 };
const KiB = 1024;

// answerSeconds 10 → budget max(1 MiB, (10 + 30) s × 32,000 B/s) = 1,280,000 bytes.
const SHORT = { questions: [{ text: 'Ten seconds', thinkSeconds: 5, answerSeconds: 10, retakes: 0 }] };
const SHORT_BUDGET = 1_280_000;

async function metric(server, name) {
  const res = await fetch(`${server.url}/metrics`);
  const text = await res.text();
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  assert.ok(match, `no ${name} in /metrics:\n${text}`);
  return Number(match[1]);
}

describe(`answer limits and segment state (${engine})`, () => {
  let env, server, org, media;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'limits');
    media = await makeWebm(2);
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);


  it('chunks past the answer\'s byte budget are refused with answer_too_large; what was acked still saves', T, async () => {
    const { candidate, answer } = await startAnswering(server, org, SHORT);
    try {
      const piece = Buffer.alloc(256 * KiB, 3);
      const fits = Math.floor(SHORT_BUDGET / piece.length); // 4 chunks of 256 KiB fit, the 5th does not
      const pieces = Array.from({ length: fits }, () => piece);
      await candidate.upload(answer, pieces);
      candidate.client.sendChunk({ answer, seq: fits, payload: piece });
      const nack = await candidate.client.next((m) => m.type === 'nack' && m.seq === fits);
      assert.equal(nack.code, 'answer_too_large', JSON.stringify(nack));
      const saved = await candidate.finish(answer, [pieces]);
      assert.equal(saved.bytes, fits * piece.length);
    } finally { candidate.close(); }
  });

  it('finish_answer announcing more than the budget (4e9 chunks) is refused before anything is synced', T, async () => {
    const { candidate, answer } = await startAnswering(server, org, SHORT);
    try {
      const pieces = split(media, 4096);
      await candidate.upload(answer, pieces);
      const refuse = async (segment, what) => {
        candidate.client.send({ type: 'finish_answer', answer, segments: [segment] });
        const error = await candidate.client.next('error');
        assert.equal(error.code, 'validation', `${what}: ${JSON.stringify(error)}`);
        return error;
      };
      const sha = sha256(Buffer.concat(pieces));
      const huge = await refuse({ chunks: 4e9, bytes: 4e9, sha256: sha, durationMs: 1000 }, '4e9 chunks');
      assert.match(huge.message, /at most 1280000 bytes/);
      await refuse({ chunks: 10, bytes: 5, sha256: sha, durationMs: 1000 }, 'more chunks than bytes');
      await refuse({ chunks: 1.5, bytes: 5000, sha256: sha, durationMs: 1000 }, 'a fractional count');
      // Refused finishes changed nothing: the real one saves.
      const saved = await candidate.finish(answer, [pieces]);
      assert.equal(saved.bytes, media.length);
    } finally { candidate.close(); }
  });

  it('after finish_answer, chunks beyond what it announced are refused (beyond_finish)', T, async () => {
    const { candidate, answer } = await startAnswering(server, org, SHORT);
    try {
      const pieces = split(media, 1024);
      const half = Math.ceil(pieces.length / 2);
      const seg0 = pieces.slice(0, half);
      const seg1 = pieces.slice(half);
      await candidate.upload(answer, seg0);
      const summary = (list) => {
        const bytes = Buffer.concat(list);
        return { chunks: list.length, bytes: bytes.length, sha256: sha256(bytes), durationMs: 1000 };
      };
      // Segment 0 is complete, segment 1 still to come: the answer waits ...
      candidate.client.send({ type: 'finish_answer', answer, segments: [summary(seg0), summary(seg1)] });
      // ... and one more chunk for segment 0, past what the finish announced, is refused.
      candidate.client.sendChunk({ answer, segment: 0, seq: seg0.length, payload: Buffer.from('extra') });
      const nack = await candidate.client.next((m) => m.type === 'nack' && m.segment === 0 && m.seq === seg0.length);
      assert.equal(nack.code, 'beyond_finish', JSON.stringify(nack));
      await candidate.upload(answer, seg1, { segment: 1 });
      const saved = await candidate.client.next((m) => m.type === 'answer_saved' && m.answer === answer, 15_000);
      assert.equal(saved.bytes, media.length);
    } finally { candidate.close(); }
  });

  it('finish_answer naming a segment the server never received with sha256 null is refused at once, and repeating it syncs nothing', T, async () => {
    const { candidate, answer } = await startAnswering(server, org, SHORT);
    try {
      const pieces = split(media, 4096);
      await candidate.upload(answer, pieces);
      const scansBefore = await metric(server, 'intervox_segment_scans_total');
      for (let i = 0; i < 10; i++) {
        candidate.client.send({
          type: 'finish_answer', answer,
          segments: [
            { chunks: pieces.length, bytes: media.length, sha256: sha256(media), durationMs: 2000 },
            { chunks: 3, bytes: 300, sha256: null, durationMs: 100 },
          ],
        });
        const error = await candidate.client.next('error');
        assert.equal(error.code, 'validation', JSON.stringify(error));
        assert.match(error.message, /segments\[1\]: the server never received/);
      }
      assert.equal(await metric(server, 'intervox_segment_scans_total'), scansBefore, 'a refused finish read segment files');
      assert.doesNotMatch(server.log(), /could not be hashed or synced/);
      const saved = await candidate.finish(answer, [pieces]);
      assert.equal(saved.bytes, media.length);
    } finally { candidate.close(); }
  });

  it('a reload whose stored finish_answer arrives before its new segment\'s first chunk still saves the answer', T, async () => {
    const { candidate, answer, invite } = await startAnswering(server, org, SHORT);
    const pieces = split(media, 2048);
    const half = Math.ceil(pieces.length / 2);
    const seg0 = pieces.slice(0, half);
    const seg1 = pieces.slice(half);
    await candidate.upload(answer, seg0);
    candidate.close();
    // The new page (second recorder = segment 1) had recorded seg1 offline and re-sends its stored finish first.
    const again = await Candidate.join(server, invite.token);
    try {
      const segments = [seg0, seg1].map((list) => {
        const bytes = Buffer.concat(list);
        return { chunks: list.length, bytes: bytes.length, sha256: sha256(bytes), durationMs: 1000 };
      });
      again.client.send({ type: 'finish_answer', answer, segments });
      await again.upload(answer, seg1, { segment: 1 });
      const saved = await again.client.next((m) => m.type === 'answer_saved' && m.answer === answer, 15_000);
      assert.equal(saved.bytes, media.length);
      assert.equal(saved.chunks, pieces.length);
    } finally { again.close(); }
  });

  it('reconnecting to an answer whose segment holds 100,000 chunks does not read that segment again', { timeout: 120_000 }, async () => {
    const long = { questions: [{ text: 'Long', thinkSeconds: 5, answerSeconds: 600, retakes: 0 }] };
    const { candidate, answer, invite } = await startAnswering(server, org, long);
    const count = 100_000;
    const one = Buffer.from([0x42]);
    // Sent in bursts so the client does not buffer 100,000 frames at once.
    for (let from = 0; from < count; from += 5000) {
      for (let seq = from; seq < from + 5000; seq++) candidate.client.ws.send(chunkFrame({ answer, seq, payload: one }), { binary: true });
      await candidate.client.next((m) => m.type === 'ack' && m.answer === answer && m.seq === from + 4999, 30_000);
      candidate.client.discard((m) => m.type === 'ack');
    }
    candidate.close();
    const scansBefore = await metric(server, 'intervox_segment_scans_total');
    for (let i = 0; i < 10; i++) {
      const again = await Candidate.join(server, invite.token);
      const open = again.state.answers.find((a) => a.answer === answer);
      assert.deepEqual(open.segments, [{ segment: 0, chunks: count, bytes: count }], JSON.stringify(open));
      again.client.sendChunk({ answer, seq: count - 1, payload: one }); // a replay: acked from memory
      await again.client.next((m) => m.type === 'ack' && m.seq === count - 1);
      again.close();
      await again.client.waitClosed();
    }
    assert.equal(await metric(server, 'intervox_segment_scans_total'), scansBefore,
      'reconnects re-read the segment file instead of using the state in memory');
    await assertServerHealthy(server, org);
  });
});
