'use strict';
// The candidate's network goes away for 10 s in the middle of an answer. The recorder keeps running, chunks
// queue in IndexedDB, and after the reconnect everything reaches the server: same bytes, one segment.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const CUT_MS = 10000;
const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
  { text: 'Describe a difficult customer conversation.', thinkSeconds: 60, answerSeconds: 20, retakes: 0 },
  { text: 'Why do you want this job?', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
];

test('a 10 s network cut mid-answer loses nothing', { timeout: 240000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'network-cut', questions: QUESTIONS, viaProxy: true });
  const { page, proxy } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);

  await lib.startAnswer(page);
  await page.waitForFunction(() => window.intervox.recording.ackedMs >= 2000, null, { timeout: 15000 });
  const beforeCut = await page.evaluate(() => window.intervox.recording);
  proxy.cut(CUT_MS);
  await page.waitForFunction(() => !window.intervox.connected, null, { timeout: 5000 });
  await page.waitForSelector('#connection-status[data-status="offline"]');
  // Still recording while offline, and the candidate is told nothing is lost.
  await page.waitForFunction((ms) => window.intervox.recording.recordedMs >= ms, beforeCut.recordedMs + 4000, { timeout: CUT_MS });
  assert.equal(proxy.isCut, true, 'the recorder kept going during the cut');
  const during = await page.evaluate(() => window.intervox.recording);
  assert.equal(during.active, true);
  assert.equal(during.segment, beforeCut.segment, 'a network cut does not start a new segment');

  await page.waitForFunction(() => window.intervox.connected, null, { timeout: CUT_MS + 10000 });
  await lib.waitForReview(page, 40000);
  await lib.nextQuestion(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  const answers = await lib.verifyStoredAnswers(env, { expectedAnswers: 3 });
  for (const answer of answers) assert.equal(answer.segments.length, 1, `answer ${answer.id}: one segment`);
  assert.ok(env.traffic.sockets >= 2, 'the page reconnected');
  lib.assertChunkSequences(env.traffic);
});
