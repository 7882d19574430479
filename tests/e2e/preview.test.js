'use strict';
// The recruiter's preview of the candidate page (POST /interviews/{id}/preview): the page opened from the link
// says it is a preview, in the interview's language, and passes the accessibility check; a candidate's own
// link of the same interview does not say so.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const lib = require('./lib');

const QUESTIONS = [{ text: 'Tell us about yourself.', thinkSeconds: 30, answerSeconds: 10, retakes: 0 }];

test('a preview link opens the candidate page marked as a preview', { timeout: 120000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'preview', questions: QUESTIONS });
  const { page, api } = env;
  const preview = await api.post(`/api/v1/interviews/${env.interview.id}/preview`);
  assert.match(preview.url, /\/i\/[A-Za-z0-9_-]+$/);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(preview.url);
  await lib.passDeviceCheck(page);
  await lib.waitForScreen(page, 'consent');
  assert.equal(await page.isVisible('#preview-banner'), true);
  assert.match(await page.textContent('#preview-banner'), /^Preview: this is the page your candidates will see/);
  assert.deepEqual(await lib.accessibilityProblems(page), [], 'consent screen of a preview');
  await page.screenshot({ path: path.join(env.dir, 'preview-360.png'), fullPage: true });

  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);
  await lib.waitForScreen(page, 'consent');
  assert.equal(await page.isVisible('#preview-banner'), false, "a candidate's page is not marked");
});
