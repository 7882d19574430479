'use strict';
// The whole story, both sides real: the desktop app (its real window, offscreen, with the embedded server)
// creates an interview and an invite through its pages; Chromium with a fake microphone takes the interview
// through the link; the app's candidate list follows joined → answering → finished from the server's events;
// its review page plays the stored answer to the end through Qt Multimedia, and a rating and a decision made
// by keyboard are saved and visible through the API. The app's half is tests/app/story.cpp.

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const lib = require('./lib');

// Built with the app, next to intervoxd's build folder.
const STORY = process.env.INTERVOX_STORY || path.resolve(path.dirname(lib.INTERVOXD), '..', 'tests', 'app', 'intervox-story');

/** Starts the app's half; `next(event)` resolves with the next line of that event (or rejects on error/exit). */
function startApp(dir, t) {
  const child = spawn(STORY, [], {
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', INTERVOX_STORY_CANDIDATE_MS: '150000' },
    stdio: ['pipe', 'pipe', 'pipe'], // closing its stdin ends the app
  });
  const log = fs.createWriteStream(path.join(dir, 'app.log'));
  child.stderr.pipe(log);
  const lines = [];
  const waiting = [];
  let ended = null;
  const settle = () => {
    for (let i = waiting.length - 1; i >= 0; i -= 1) {
      const w = waiting[i];
      const at = lines.findIndex((l) => l.event === w.event || l.event === 'error');
      if (at >= 0) {
        const [line] = lines.splice(at, 1);
        waiting.splice(i, 1);
        if (line.event === 'error') w.reject(new Error(`the app: ${line.message}`));
        else w.resolve(line);
      } else if (ended) {
        waiting.splice(i, 1);
        w.reject(new Error(`the app ended (${ended}) before "${w.event}"`));
      }
    }
  };
  readline.createInterface({ input: child.stdout }).on('line', (text) => {
    log.write(`>> ${text}\n`);
    try { lines.push(JSON.parse(text)); } catch { return; }
    settle();
  });
  child.on('exit', (code, signal) => { ended = `code ${code}, signal ${signal}`; settle(); });
  t.after(() => { if (!ended) child.kill('SIGKILL'); log.end(); });
  child.stdin.on('error', () => {}); // the app may be gone already
  const statuses = [];
  return {
    statuses,
    next(event, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the app said no "${event}" within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ event, resolve: (l) => { clearTimeout(timer); resolve(l); }, reject: (e) => { clearTimeout(timer); reject(e); } });
        settle();
      });
    },
    async drainStatuses() {
      for (;;) {
        const at = lines.findIndex((l) => l.event === 'status');
        if (at < 0) return statuses;
        statuses.push(lines.splice(at, 1)[0]);
      }
    },
    close() { child.stdin.end(); },
    exited: () => new Promise((resolve) => (ended ? resolve(ended) : child.on('exit', (code, signal) => resolve(`code ${code}, signal ${signal}`)))),
  };
}

test('the app invites, follows live, plays and reviews what Chromium recorded', { timeout: 300000 }, async (t) => {
  const missing = lib.checkPrerequisites();
  if (!fs.existsSync(STORY)) missing.push(`intervox-story (${STORY}; build the app with scripts/build)`);
  assert.deepEqual(missing, [], 'prerequisites');
  const dir = lib.makeArtifactDir('app-story');
  const app = startApp(dir, t);
  const { url } = await app.next('invite', 90000);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/i\/[A-Za-z0-9_-]{20,}$/);

  const browser = await lib.launchBrowser(lib.makeSpeechWav(dir));
  t.after(() => browser.close().catch(() => {}));
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20000);
  await page.goto(url);
  await lib.passDeviceCheck(page);
  await lib.acceptConsentAndBegin(page);
  await lib.startAnswer(page);
  await lib.waitForRecording(page, { recordedMs: 4000 });
  await lib.finishAnswerNow(page);
  await lib.waitForReview(page);
  await lib.nextQuestion(page);
  await lib.waitForScreen(page, 'finished');

  // The app saw the candidate join, answer and finish, from events alone.
  const played = await app.next('played', 120000);
  const seen = (await app.drainStatuses()).map((s) => `${s.status}/${s.phase}`);
  const order = ['invited/', 'started/consent', 'started/answering', 'finished/finished'].map((step) => seen.indexOf(step));
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `the app's list showed ${JSON.stringify(seen)}`);
  assert.ok(seen.some((s) => s.startsWith('started/')), 'joined');

  // The answer played to its end, at the speed chosen by keyboard.
  assert.ok(played.duration > 3000, `duration ${played.duration} ms`);
  assert.ok(played.furthest >= played.duration - 250, `played to ${played.furthest} of ${played.duration} ms`);
  assert.equal(played.rate, 2);

  // Rating and decision, made by keyboard in the app, are what the API says.
  const reviewed = await app.next('reviewed', 60000);
  const res = await fetch(`${reviewed.server.replace(/\/$/, '')}/api/v1/invites/${reviewed.inviteId}/review`,
    { headers: { authorization: `Bearer ${reviewed.token}` } });
  assert.equal(res.status, 200);
  const review = await res.json();
  assert.deepEqual(review.criteria.map((c) => c.mine), [4, 5, null]);
  assert.equal(review.decision.value, 'advance');
  assert.equal(review.answers.length, 1);
  assert.equal(review.answers[0].status, 'saved');
  app.close();
  assert.equal(await app.exited(), 'code 0, signal null');
});
