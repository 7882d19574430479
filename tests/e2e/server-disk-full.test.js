'use strict';
// The server's disk fills up while the candidate answers (its data folder is a small tmpfs), then space comes
// back. The page tells the candidate the server cannot store the recording yet, keeps every chunk, sends the
// refused ones again by itself (no reload, no click), and the answer is saved byte for byte.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');
const { fillDisk } = require('../integration/lib/disk');

const QUESTIONS = [{ text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 60, retakes: 0 }];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;


test('a full server disk mid-answer: the page says so, retries by itself, and nothing is lost', {
  timeout: 240000, skip: isRoot ? false : 'mounting a tmpfs needs root',
}, async (t) => {
  const env = await lib.startScenario(t, { name: 'server-disk-full', questions: QUESTIONS, tmpfsMiB: 64 });
  const { page } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);
  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 2000 });

  const filler = fillDisk(env.dataDir);
  try {
    // The next chunks are refused (`storage`): the candidate is told, recording goes on.
    await page.waitForSelector('#server-storage-warning:not([hidden])', { timeout: 20000 });
    assert.match(await page.textContent('#server-storage-warning'), /cannot store your recording/);
    assert.equal((await page.evaluate(() => window.intervox.recording)).active, true, 'recording stopped');
    await page.screenshot({ path: path.join(env.dir, 'server-storage-warning.png') });
  } finally {
    fs.rmSync(filler);
  }
  // Space is back: the page sends the refused chunks again on its own and the warning goes away.
  await page.waitForSelector('#server-storage-warning', { state: 'hidden', timeout: 30000 });
  await page.waitForFunction(() => {
    const r = window.intervox.recording;
    return r.recordedMs > 0 && r.ackedMs >= r.recordedMs - 1500;
  }, null, { timeout: 30000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');
  const nacks = env.traffic.received.filter((m) => m.type === 'nack' && m.code === 'storage');
  assert.ok(nacks.length > 0, 'the disk never refused a chunk: the scenario tested nothing');
  await lib.verifyStoredAnswers(env, { expectedAnswers: 1 });
  lib.assertChunkSequences(env.traffic);
});
