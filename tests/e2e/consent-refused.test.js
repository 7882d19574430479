'use strict';
// The candidate refuses consent (in a German interview): the page ends clearly, nothing is recorded or
// uploaded, and the recruiter API shows the refusal. The consent screen names the organization; the state
// frames are rewritten to say the interview uses AI, so the screen must say so and how to refuse. It states the
// retention periods that apply.

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
  // The server does not offer AI processing yet: pretend it does, on the way to the page.
  await page.routeWebSocket(/\/ws\/session$/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (typeof message === 'string') {
        const frame = JSON.parse(message);
        if (frame.type === 'state' && frame.interview) {
          frame.interview.aiProcessing = true;
          message = JSON.stringify(frame);
        }
      }
      socket.send(message);
    });
  });
  await page.goto(env.inviteUrl);
  await lib.passDeviceCheck(page);

  await lib.waitForScreen(page, 'consent');
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.match(await page.textContent('#consent-intro'), /für Acme Test Hiring aufgenommen/);
  const aiText = await page.textContent('#consent-ai-text');
  assert.match(aiText, /mit Hilfe von KI transkribiert und bewertet/);
  assert.match(aiText, /„Ich stimme nicht zu“/, 'says how to refuse');
  assert.match(aiText, /bitten Sie Acme Test Hiring um eine Beurteilung ohne KI/);
  // The periods are the organization's as the retention job applies them (a new organization's defaults), in words.
  const periods = await api.get('/api/v1/retention');
  assert.deepEqual([periods.recordingsDays, periods.candidateDays], [90, 365]);
  const retention = await page.textContent('#consent-retention-text');
  assert.match(retention, /Ihre Aufnahmen werden 90 Tage nach der Entscheidung von Acme Test Hiring über Ihre Bewerbung gelöscht/);
  assert.match(retention, /wird 365 Tage nach dem letzten Schritt Ihrer Bewerbung gelöscht/);
  assert.match(retention, /Sie können Acme Test Hiring jederzeit um Auskunft oder Löschung Ihrer Daten bitten/);
  await page.click('#consent-refuse');
  await page.click('#consent-refuse-yes');
  await lib.waitForScreen(page, 'refused');
  assert.match(await page.textContent('#refused-title'), /nicht zugestimmt/);
  assert.equal(await page.evaluate(() => window.intervox.phase), 'refused');

  const session = await lib.sessionOf(api, env.interview.id);
  assert.equal(session.consent, 'refused');
  // What the candidate refused is kept as the page showed it, in its language.
  assert.equal(session.consentNotice.language, 'de');
  assert.ok(session.consentNotice.text.startsWith(await page.textContent('#consent-title')), session.consentNotice.text.slice(0, 80));
  assert.ok(session.consentNotice.text.includes(retention.trim()), 'with the retention periods it stated');
  assert.ok(session.consentNotice.text.includes(aiText.trim()), 'and the AI notice it showed');
  assert.equal(session.phase, 'refused');
  assert.deepEqual(session.answers || [], []);
  assert.equal(env.traffic.chunkSends.size, 0, 'no audio was sent');
  assert.equal(env.traffic.finishes.size, 0);
});
