'use strict';
// Browsers that differ from desktop Chrome: Safari records only audio/mp4, and IndexedDB can refuse writes
// (quota, private mode). Both are simulated in Chromium before the page's scripts run.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const ONE_QUESTION = [{ text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 10, retakes: 0 }];

async function answerTheOnlyQuestion(page) {
  await page.goto(page.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);
  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 4000 });
}

async function finishInterview(page) {
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');
}

test('records audio/mp4 where WebM is not available (Safari)', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, {
    name: 'mp4',
    questions: ONE_QUESTION,
    initScript: () => {
      const original = MediaRecorder.isTypeSupported.bind(MediaRecorder);
      MediaRecorder.isTypeSupported = (type) => !String(type).startsWith('audio/webm') && original(type);
    },
  });
  env.page.inviteUrl = env.inviteUrl;
  await answerTheOnlyQuestion(env.page);
  assert.equal(await env.page.evaluate(() => window.intervox.mime), 'audio/mp4');
  await finishInterview(env.page);

  const [answer] = await lib.verifyStoredAnswers(env, { expectedAnswers: 1 });
  assert.equal(answer.mime, 'audio/mp4');
});

test('a failing local buffer warns the candidate and still uploads every byte', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, {
    name: 'storage-failure',
    questions: ONE_QUESTION,
    initScript: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function putOrFail(...args) {
        if (this.name === 'chunks') throw new DOMException('simulated full disk', 'QuotaExceededError');
        return put.apply(this, args);
      };
    },
  });
  env.page.inviteUrl = env.inviteUrl;
  await answerTheOnlyQuestion(env.page);
  await env.page.waitForSelector('#storage-warning:not([hidden])', { timeout: 5000 });
  assert.equal(await env.page.getAttribute('#storage-warning', 'role'), 'alert');
  assert.equal(await env.page.evaluate(() => window.intervox.storageFailed), true);
  await finishInterview(env.page);

  await lib.verifyStoredAnswers(env, { expectedAnswers: 1 });
});

test('a recorder that stops by itself is replaced by a new segment of the same answer', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, {
    name: 'recorder-failure',
    questions: ONE_QUESTION,
    initScript: () => {
      // Keep a handle on the page's recorders so the test can make one stop as if the browser ended it.
      const recorders = [];
      Object.defineProperty(window, 'testRecorders', { value: recorders });
      const start = MediaRecorder.prototype.start;
      MediaRecorder.prototype.start = function startAndTrack(...args) {
        recorders.push(this);
        return start.apply(this, args);
      };
    },
  });
  const { page } = env;
  page.inviteUrl = env.inviteUrl;
  await answerTheOnlyQuestion(page);
  const before = await page.evaluate(() => window.intervox.recording);
  await page.evaluate(() => window.testRecorders[window.testRecorders.length - 1].stop());
  await page.waitForFunction((answer) => {
    const r = window.intervox.recording;
    return r.answer === answer && r.segment === 1 && r.active;
  }, before.answer, { timeout: 10000 });
  await page.waitForFunction(() => window.intervox.recording.recordedMs >= 6000, null, { timeout: 10000 });
  await finishInterview(page);

  const [answer] = await lib.verifyStoredAnswers(env, { expectedAnswers: 1, segmentsPerAnswer: { [before.answer]: 2 } });
  assert.equal(answer.segments.length, 2);
});
