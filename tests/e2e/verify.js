'use strict';
// Checks of what the server stored after a browser scenario: counts, SHA-256, the page's bytes, the recorders'
// own bytes (witness.js), decoded durations, and the chunk sequences the page sent.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { sha256Hex, waitFor } = require('./lib');

// ---- checking what the server stored -----------------------------------------------------------------------

/** Decodes with ffmpeg to 48 kHz mono PCM; the decoded length is the duration. */
function decodeSeconds(file) {
  const result = spawnSync('ffmpeg', ['-nostdin', '-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 's16le', 'pipe:1'],
    { maxBuffer: 512 * 1024 * 1024, timeout: 60000 });
  if (result.status !== 0) throw new Error(`ffmpeg could not decode ${file}: ${result.stderr}`);
  return { seconds: result.stdout.length / 2 / 48000, warnings: result.stderr.toString().trim() };
}

async function sessionOf(api, interviewId) {
  const { items } = await api.get(`/api/v1/sessions?interviewId=${interviewId}`);
  assert.equal(items.length, 1, 'one session for the invite');
  return api.get(`/api/v1/sessions/${items[0].id}`);
}

const DURATION_TOLERANCE_S = 0.5;

/**
 * For each answer the page finished: the server's answer matches the page's finish_answer (chunks, bytes,
 * SHA-256 per segment, verified); each downloaded segment has exactly those bytes and decodes to the duration
 * the page recorded; the joined recording decodes to the sum. A segment the page finished with `sha256: null`
 * (it had lost its copy) must be stored unverified with the counts the page named, and its bytes must hash to
 * the SHA-256 the API reports; its decoded length counts towards the joined recording's.
 * @returns {Promise<object[]>} the answers as the API reports them
 */
async function verifyStoredAnswers(env, { expectedAnswers, segmentsPerAnswer = {}, truncatedSegments = [] }) {
  const { api, traffic, dir } = env;
  const finishes = [...traffic.finishes.values()].sort((a, b) => a.answer - b.answer);
  assert.equal(finishes.length, expectedAnswers, 'finish_answer sent once per answer');
  const results = [];
  for (const finish of finishes) {
    // The segments are joined on the first request for the recording (below), not before.
    const answer = await waitFor(`answer ${finish.answer} saved`, async () => {
      const a = await api.get(`/api/v1/answers/${finish.answer}`);
      return a.status === 'saved' ? a : null;
    }, { timeoutMs: 30000, intervalMs: 250 });
    const label = `answer ${answer.id} (question ${answer.question}, take ${answer.take})`;
    if (segmentsPerAnswer[answer.id] !== undefined) {
      assert.equal(finish.segments.length, segmentsPerAnswer[answer.id], `${label}: segments the page recorded`);
    }
    assert.equal(answer.segments.length, finish.segments.length, `${label}: segment count`);
    let totalMs = 0;
    for (let n = 0; n < finish.segments.length; n++) {
      const sent = finish.segments[n];
      const stored = answer.segments.find((s) => s.segment === n);
      assert.ok(stored, `${label}: segment ${n} stored`);
      assert.equal(stored.chunks, sent.chunks, `${label} segment ${n}: chunk count`);
      assert.equal(stored.bytes, sent.bytes, `${label} segment ${n}: bytes`);
      if (sent.sha256 === null) {
        assert.equal(stored.verified, false, `${label} segment ${n}: unverified (the page had lost it)`);
        const download = await api.download(`/api/v1/answers/${answer.id}/segments/${n}`);
        assert.equal(download.status, 200, `${label} segment ${n}: download`);
        assert.equal(download.buffer.length, stored.bytes, `${label} segment ${n}: downloaded length`);
        assert.equal(sha256Hex(download.buffer), stored.sha256, `${label} segment ${n}: downloaded bytes hash to the API's SHA-256`);
        await env.witness.assertRecorded(download.buffer, `${label} segment ${n}`, { truncated: true });
        const file = path.join(dir, `answer-${answer.id}-segment-${n}.bin`);
        fs.writeFileSync(file, download.buffer);
        const decoded = decodeSeconds(file);
        assert.ok(decoded.seconds > 0, `${label} segment ${n}: decodes`);
        totalMs += decoded.seconds * 1000;
        continue;
      }
      assert.equal(stored.verified, true, `${label} segment ${n}: verified`);
      assert.equal(stored.sha256, sent.sha256, `${label} segment ${n}: SHA-256 in the API`);

      const download = await api.download(`/api/v1/answers/${answer.id}/segments/${n}`);
      assert.equal(download.status, 200, `${label} segment ${n}: download`);
      assert.equal(download.buffer.length, sent.bytes, `${label} segment ${n}: downloaded length`);
      assert.equal(sha256Hex(download.buffer), sent.sha256, `${label} segment ${n}: downloaded bytes are the page's bytes`);
      await env.witness.assertRecorded(download.buffer, `${label} segment ${n}`,
        { truncated: truncatedSegments.includes(`${answer.id}/${n}`) });
      const file = path.join(dir, `answer-${answer.id}-segment-${n}.bin`);
      fs.writeFileSync(file, download.buffer);
      const decoded = decodeSeconds(file);
      assert.ok(Math.abs(decoded.seconds - sent.durationMs / 1000) <= DURATION_TOLERANCE_S,
        `${label} segment ${n}: decoded ${decoded.seconds.toFixed(2)} s, page recorded ${sent.durationMs} ms`);
      totalMs += sent.durationMs;
    }

    const recording = await api.download(`/api/v1/answers/${answer.id}/recording`);
    assert.equal(recording.status, 200, `${label}: joined recording`);
    assert.equal((await api.get(`/api/v1/answers/${answer.id}`)).media, 'ready', `${label}: the segments were joined`);
    const file = path.join(dir, `answer-${answer.id}-recording.bin`);
    fs.writeFileSync(file, recording.buffer);
    const decoded = decodeSeconds(file);
    assert.ok(Math.abs(decoded.seconds - totalMs / 1000) <= DURATION_TOLERANCE_S,
      `${label}: joined recording decodes to ${decoded.seconds.toFixed(2)} s, its segments to ${Math.round(totalMs)} ms`);
    results.push(answer);
  }
  return results;
}

/** No chunk was sent twice except as a replay after a reconnect, and none is missing below the max seq. */
function assertChunkSequences(traffic) {
  const maxSeq = new Map();
  for (const key of traffic.chunkSends.keys()) {
    const [answer, segment, seq] = key.split('/').map(Number);
    const id = `${answer}/${segment}`;
    maxSeq.set(id, Math.max(maxSeq.get(id) ?? -1, seq));
  }
  for (const [id, max] of maxSeq) {
    for (let seq = 0; seq <= max; seq++) assert.ok(traffic.chunkSends.has(`${id}/${seq}`), `chunk ${id}/${seq} was sent`);
  }
}

module.exports = { assertChunkSequences, decodeSeconds, sessionOf, verifyStoredAnswers };
