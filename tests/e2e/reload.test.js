'use strict';
// The candidate reloads the tab mid-answer. The page resumes the answer in a new segment (a new
// MediaRecorder), uploads what the old page buffered in IndexedDB, and the joined recording lasts as
// long as both segments together.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
  { text: 'Describe a difficult customer conversation.', thinkSeconds: 60, answerSeconds: 16, retakes: 0 },
  { text: 'Why do you want this job?', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
];

test('a reload mid-answer continues the answer in a second segment', { timeout: 240000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'reload', questions: QUESTIONS });
  const { page } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 4000 });
  const beforeReload = await page.evaluate(() => window.intervox.recording);
  assert.equal(beforeReload.segment, 0);
  await lib.reloadWitnessed(page);
  // No device check or consent again: the page goes straight back to recording the same answer.
  await page.waitForFunction((answer) => {
    const r = window.intervox.recording;
    return r.active && r.answer === answer && r.segment === 1;
  }, beforeReload.answer, { timeout: 20000 });
  await lib.waitForReview(page, 40000);
  await lib.nextQuestion(page);

  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  const answers = await lib.verifyStoredAnswers(env, {
    expectedAnswers: 3,
    segmentsPerAnswer: { [beforeReload.answer]: 2 },
  });
  assert.deepEqual(answers.map((a) => a.segments.length), [1, 2, 1]);
  lib.assertChunkSequences(env.traffic);
});
