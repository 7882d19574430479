'use strict';
// A link with an unknown token ends on a clear page instead of a reconnect loop.

const test = require('node:test');
const assert = require('node:assert/strict');
const lib = require('./lib');

const QUESTIONS = [{ text: 'Tell us about yourself.', thinkSeconds: 30, answerSeconds: 10, retakes: 0 }];

test('an unknown invite token shows that the link is not valid', { timeout: 60000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'invalid-invite', questions: QUESTIONS });
  const { page } = env;
  const unknownToken = 'A'.repeat(43);
  await page.goto(env.inviteUrl.replace(env.invite.token, unknownToken));
  await lib.waitForScreen(page, 'problem');
  assert.match(await page.textContent('#problem-title'), /not valid/);
  assert.equal(await page.evaluate(() => window.intervox.connected), false);
  assert.deepEqual(await lib.accessibilityProblems(page), []);
  const { items } = await env.api.get(`/api/v1/sessions?interviewId=${env.interview.id}`);
  assert.equal(items.length, 0, 'no session was started');
});
