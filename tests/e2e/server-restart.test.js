'use strict';
// intervoxd is killed with SIGKILL mid-answer and started again on the same port and data folder.
// Acked chunks survived the kill; the page re-sends the rest from the server's stored count:
// no chunk missing, none stored twice, hashes equal to the page's.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
  { text: 'Describe a difficult customer conversation.', thinkSeconds: 60, answerSeconds: 20, retakes: 0 },
  { text: 'Why do you want this job?', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
];

test('a SIGKILL of the server mid-answer loses and duplicates nothing', { timeout: 240000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'server-restart', questions: QUESTIONS });
  const { page, server } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);

  await lib.startAnswer(page);
  await page.waitForFunction(() => window.intervox.recording.ackedMs >= 3000, null, { timeout: 15000 });
  const beforeKill = await page.evaluate(() => window.intervox.recording);
  await server.kill();
  await page.waitForFunction(() => !window.intervox.connected, null, { timeout: 5000 });
  await server.start();
  await page.waitForFunction(() => window.intervox.connected, null, { timeout: 15000 });
  const afterRestart = await page.evaluate(() => window.intervox.recording);
  assert.equal(afterRestart.segment, beforeKill.segment, 'a server restart does not start a new segment');
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
  lib.assertChunkSequences(env.traffic);
});
