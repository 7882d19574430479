'use strict';
// The candidate refuses consent (in a German interview): the page ends clearly, nothing is recorded or
// uploaded, and the recruiter API shows the refusal.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [
  { text: 'Erzählen Sie etwas über sich.', thinkSeconds: 30, answerSeconds: 10, retakes: 0 },
  { text: 'Beschreiben Sie ein schwieriges Kundengespräch.', thinkSeconds: 30, answerSeconds: 10, retakes: 0 },
  { text: 'Warum möchten Sie diese Stelle?', thinkSeconds: 30, answerSeconds: 10, retakes: 0 },
];

test('refusing consent ends the interview with nothing recorded', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'consent-refused', questions: QUESTIONS, language: 'de' });
  const { page, api } = env;
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);

  await lib.waitForScreen(page, 'consent');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await page.click('#consent-refuse');
  await page.click('#consent-refuse-yes');
  await lib.waitForScreen(page, 'refused');
  assert.match(await page.textContent('#refused-title'), /nicht zugestimmt/);
  assert.equal(await page.evaluate(() => window.intervox.phase), 'refused');

  const session = await lib.sessionOf(api, env.interview.id);
  assert.equal(session.consent, 'refused');
  assert.equal(session.phase, 'refused');
  assert.deepEqual(session.answers || [], []);
  assert.equal(env.traffic.chunkSends.size, 0, 'no audio was sent');
  assert.equal(env.traffic.finishes.size, 0);
});
