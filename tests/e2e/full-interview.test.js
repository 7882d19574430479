'use strict';
// A candidate goes through the whole interview: device check, consent (by keyboard), three questions
// (one retake, one answer ended by the server's time limit, one started when the think time ran out).
// Every stored answer must be the page's exact bytes and decode to the duration the page recorded; the review
// screen shows the answer's length from answer_saved, also after a reload.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 10, retakes: 1 },
  { text: 'Describe a difficult customer conversation and how you handled it.', thinkSeconds: 60, answerSeconds: 10, retakes: 0 },
  { text: 'Why do you want this job?', thinkSeconds: 2, answerSeconds: 10, retakes: 0 },
];

/** The review text must show the length of the answer the server just saved (the sum the page reported). */
async function assertReviewLength(env) {
  const saved = env.traffic.received.filter((m) => m.type === 'answer_saved' && typeof m.durationMs === 'number').pop();
  assert.ok(saved, 'answer_saved with durationMs');
  const finish = env.traffic.finishes.get(saved.answer);
  assert.equal(saved.durationMs, finish.segments.reduce((sum, s) => sum + s.durationMs, 0), 'durationMs is the sum the page reported');
  const seconds = Math.round(saved.durationMs / 1000);
  assert.ok(seconds > 0 && seconds < 60, `answer of ${seconds} s`);
  assert.equal(await env.page.textContent('#review-text'),
    `Your answer (${seconds} second${seconds === 1 ? '' : 's'}) has been uploaded and saved.`);
}

test('a full interview of three questions stores every answer byte for byte', { timeout: 240000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'full-interview', questions: QUESTIONS });
  const { page } = env;
  await page.goto(env.inviteUrl);

  await lib.waitForScreen(page, 'device');
  assert.deepEqual(await lib.accessibilityProblems(page), [], 'device check screen');
  await lib.passDeviceCheck(page);

  await lib.waitForScreen(page, 'consent');
  assert.deepEqual(await lib.accessibilityProblems(page), [], 'consent screen');
  assert.match(await page.textContent('#consent-intro'), /how Acme Test Hiring records and uses your interview/);
  assert.match(await page.textContent('#consent-recording-text'), /uploaded to Acme Test Hiring\./);
  assert.match(await page.textContent('#consent-ai-text'), /^No AI evaluates your answers/, 'the server says aiProcessing: false');
  await lib.tabTo(page, '#consent-accept');
  await page.keyboard.press('Enter');
  await lib.waitForScreen(page, 'intro');
  await page.click('#intro-begin');

  // Question 1: answer, retake, then move on.
  await lib.startAnswer(page);
  assert.deepEqual(await lib.accessibilityProblems(page), [], 'question screen while answering');
  await lib.waitForRecording(page, { recordedMs: 4000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await assertReviewLength(env);
  await page.waitForSelector('#review-retake:not([hidden]):not([disabled])');
  await page.click('#review-retake');
  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 3000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  assert.equal(await page.isHidden('#review-retake'), true, 'no retake left');
  await lib.nextQuestion(page);

  // Question 2: the server's time limit ends the answer.
  await lib.startAnswer(page);
  await lib.waitForReview(page, 40000);
  await lib.nextQuestion(page);

  // Question 3: the think time runs out and the server starts the answer by itself.
  await lib.waitForRecording(page, { recordedMs: 3000, timeout: 30000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  assert.match(await page.textContent('#review-next'), /finish/i);
  await assertReviewLength(env);
  // A reload on the review screen still shows the answer's length (the state does not carry it).
  await lib.reloadWitnessed(page);
  await lib.waitForReview(page);
  await page.waitForFunction(() => window.intervox.connected);
  await assertReviewLength(env);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  const answers = await lib.verifyStoredAnswers(env, { expectedAnswers: 4 });
  assert.deepEqual(answers.map((a) => [a.question, a.take]), [[0, 1], [0, 2], [1, 1], [2, 1]]);
  for (const answer of answers) assert.equal(answer.segments.length, 1, `answer ${answer.id}: one segment`);
  const session = await lib.sessionOf(env.api, env.interview.id);
  assert.equal(session.phase, 'finished');
  assert.equal(session.consent, 'given');
  lib.assertChunkSequences(env.traffic);
});
