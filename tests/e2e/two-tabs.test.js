'use strict';
// The candidate opens the invite a second time (another tab of the same browser) in the middle of an answer.
// The new tab takes the session over; the old one stops for good, says where the interview went on, and never
// touches the buffer the two tabs share (same IndexedDB, same keys): the tabs do not evict each other, and the
// answer is saved complete and verified from the new tab.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Tell us about yourself.', thinkSeconds: 60, answerSeconds: 30, retakes: 0 },
];

test('a second tab takes over; the first stops, says so, and leaves the shared buffer alone', { timeout: 240000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'two-tabs', questions: QUESTIONS });
  const first = env.page;
  await first.goto(env.inviteUrl);
  await lib.passDeviceCheck(first);
  await lib.acceptConsentAndBegin(first);
  await lib.startAnswer(first);
  await lib.waitForRecording(first, { recordedMs: 3000 });
  const before = await first.evaluate(() => window.intervox.recording);

  // The same browser profile: the second tab shares the first one's IndexedDB.
  const second = await first.context().newPage();
  second.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  lib.watchSocketTraffic(second, env.logLine, env.traffic);
  await second.goto(env.inviteUrl);
  await second.waitForFunction((answer) => {
    const r = window.intervox.recording;
    return r.active && r.answer === answer && r.segment === 1;
  }, before.answer, { timeout: 20000 });

  // The first tab is told, stops recording and stays stopped.
  await lib.waitForScreen(first, 'problem');
  assert.equal(await first.textContent('#problem-title'), 'Continued in another tab');
  await first.screenshot({ path: path.join(env.dir, 'taken-over.png') });
  assert.equal((await first.evaluate(() => window.intervox.recording)).active, false, 'the first tab still records');

  // The second tab records on and saves the answer: its own segment plus what the first one uploaded.
  await lib.waitForRecording(second, { recordedMs: 3000 });
  await lib.finishAnswerNow(second);
  await lib.waitForReview(second);
  await lib.nextQuestion(second);
  await lib.waitForScreen(second, 'finished');

  // The first tab did not come back in the meantime: still on its final screen, and the server saw the
  // session taken over exactly once (tabs fighting would show one take-over per reconnect).
  assert.equal(await first.evaluate(() => window.intervox.screen), 'problem');
  const log = fs.readFileSync(env.server.logFile, 'utf8');
  const takeovers = log.split('\n').filter((line) => line.includes('opened again; closing the older connection'));
  assert.equal(takeovers.length, 1, `take-overs in the server log:\n${takeovers.join('\n')}`);

  // Segment 0 is what the first tab stored before it stopped: its recorder's last slice, after the take-over,
  // is dropped on purpose (the shared buffer belongs to the second tab now).
  await lib.verifyStoredAnswers(env, {
    expectedAnswers: 1, segmentsPerAnswer: { [before.answer]: 2 }, truncatedSegments: [`${before.answer}/0`],
  });
  lib.assertChunkSequences(env.traffic);
});
