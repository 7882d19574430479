'use strict';
// Mid-answer the browser loses the page's local copy (site data cleared: IndexedDB and localStorage) and the
// candidate reloads. The page cannot checksum the segment recorded before, so it finishes the answer with
// `sha256: null` and the server's stored counts for that segment: the server keeps those bytes unverified,
// the segment recorded after the reload is verified as usual, and the interview goes on.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 30, retakes: 0 },
];

test('an answer whose local copy was cleared mid-answer completes, its lost segment unverified', { timeout: 180000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'storage-cleared', questions: QUESTIONS });
  const { page, traffic } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 4000 });
  await page.waitForFunction(() => window.intervox.recording.ackedMs >= 2000); // part of it is on the server
  const before = await page.evaluate(() => window.intervox.recording);
  assert.equal(before.segment, 0);

  // What "Clear site data" does, while the page runs; then the candidate reloads.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(env.inviteUrl).origin, storageTypes: 'indexeddb,local_storage' });
  const statesBeforeReload = traffic.received.filter((m) => m.type === 'state').length;
  await lib.reloadWitnessed(page);
  await page.waitForFunction((answer) => {
    const r = window.intervox.recording;
    return r.active && r.answer === answer && r.segment === 1 && r.recordedMs >= 3000;
  }, before.answer, { timeout: 20000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page, 30000);

  const finish = traffic.finishes.get(before.answer);
  assert.equal(finish.segments.length, 2, 'both segments in finish_answer');
  assert.equal(finish.segments[0].sha256, null, 'the lost segment has no checksum');
  assert.match(finish.segments[1].sha256, /^[0-9a-f]{64}$/);
  // The counts named for the lost segment are the server's, from the first state after the reload.
  const resumed = traffic.received.filter((m) => m.type === 'state')[statesBeforeReload];
  const storedThen = resumed.answers.find((a) => a.answer === before.answer).segments.find((s) => s.segment === 0);
  assert.ok(storedThen.chunks > 0);
  assert.deepEqual({ chunks: finish.segments[0].chunks, bytes: finish.segments[0].bytes }, { chunks: storedThen.chunks, bytes: storedThen.bytes });

  const saved = traffic.received.find((m) => m.type === 'answer_saved' && m.answer === before.answer);
  assert.equal(saved.durationMs, finish.segments[1].durationMs, 'the length of the lost segment is not known to the page');
  assert.match(await page.textContent('#review-text'), /^Your answer \(at least \d+ seconds?\) has been uploaded and saved\./);

  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  const [answer] = await lib.verifyStoredAnswers(env, { expectedAnswers: 1, segmentsPerAnswer: { [before.answer]: 2 } });
  assert.deepEqual(answer.segments.map((s) => s.verified), [false, true]);
  assert.equal(answer.segments[1].sha256, finish.segments[1].sha256);
  lib.assertChunkSequences(traffic);
});

test('site data cleared under the running page: the answer completes unverified, nothing lost', { timeout: 180000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'storage-cleared-live', questions: QUESTIONS });
  const { page, traffic } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  const before = await page.evaluate(() => window.intervox.recording);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(env.inviteUrl).origin, storageTypes: 'indexeddb,local_storage' });
  // The page warns that it can no longer keep the recording on this device, and keeps recording.
  await page.waitForSelector('#storage-warning:not([hidden])');
  await lib.waitForRecording(page, { recordedMs: before.recordedMs + 2000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page, 30000);

  // Every chunk reached the server (the uploader still held the unsent ones in memory), so the length is known.
  const finish = traffic.finishes.get(before.answer);
  assert.equal(finish.segments.length, 1);
  assert.equal(finish.segments[0].sha256, null, 'the chunks hashed from IndexedDB are gone');
  const sent = [...traffic.chunkSends.keys()].filter((key) => key.startsWith(`${before.answer}/0/`)).length;
  assert.equal(finish.segments[0].chunks, sent, 'names every chunk the page sent');
  assert.ok(finish.segments[0].durationMs >= before.recordedMs + 2000);
  assert.match(await page.textContent('#review-text'), /^Your answer \(at least \d+ seconds?\)/);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  const [answer] = await lib.verifyStoredAnswers(env, { expectedAnswers: 1 });
  assert.deepEqual(answer.segments.map((s) => s.verified), [false]);
  assert.ok(Math.abs(answer.durationMs - finish.segments[0].durationMs) < 1, 'the server stored the length the page knew');
  lib.assertChunkSequences(traffic);
});
