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
