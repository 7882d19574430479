'use strict';
// The server's account pages in a real Chromium: a colleague sets a password through a setup link, and the
// desktop app's sign-in page (OAuth 2.0 + PKCE) sends the browser back to the app's loopback listener with a code
// — or with access_denied on Cancel. Both pages are checked with axe-core and screenshotted into the artifacts.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const lib = require('./lib');

const QUESTIONS = [{ text: 'Tell us about yourself.', thinkSeconds: 30, answerSeconds: 30, retakes: 0 }];

/** The app's loopback listener: resolves with the first request's URL. */
function loopbackListener() {
  let resolveHit;
  const hit = new Promise((resolve) => { resolveHit = resolve; });
  const server = http.createServer((req, res) => {
    res.end('Signed in. You can close this tab.');
    resolveHit(new URL(req.url, `http://127.0.0.1:${server.address().port}`));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    redirect: `http://127.0.0.1:${server.address().port}/callback`, hit, close: () => server.close(),
  })));
}

test('a setup link lets a colleague set a password in the browser', { timeout: 90000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'account-setup', questions: QUESTIONS });
  const { page } = env;
  const invited = await env.api.post('/api/v1/users', { email: 'rita@example.com', name: 'Rita Reviewer', role: 'reviewer' });
  await page.goto(invited.setupLink.url);
  await page.waitForSelector('#screen-form:not([hidden])');
  assert.ok(!page.url().includes('#'), `the token stays in the address bar: ${page.url()}`);
  assert.match(await page.textContent('#form-intro'), /rita@example\.com/);
  assert.equal(await page.textContent('#organization'), lib.ADMIN.organization);
  assert.deepEqual(await lib.accessibilityProblems(page), []);

  await page.fill('#password', 'short');
  await page.fill('#confirm', 'short');
  await page.click('#submit');
  assert.match(await page.textContent('#form-error'), /at least 10/);
  assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
  await page.screenshot({ path: path.join(env.dir, 'setup-error.png') });

  await page.fill('#password', 'a long enough password');
  await page.fill('#confirm', 'a long enough password');
  await page.click('#submit');
  await page.waitForSelector('#screen-done:not([hidden])');
  assert.match(await page.textContent('#done-text'), /rita@example\.com/);
  await page.screenshot({ path: path.join(env.dir, 'setup-done.png') });

  const signedIn = await new lib.Api(env.server.baseUrl).post('/api/v1/auth/login', { email: 'rita@example.com', password: 'a long enough password' });
  assert.equal(signedIn.user.role, 'reviewer');
  // The link is spent: opening it again says so.
  await page.goto(invited.setupLink.url);
  await page.waitForSelector('#screen-problem:not([hidden])');
  assert.match(await page.textContent('#problem-text'), /already used or expired/);
});

test('the app\'s sign-in page sends the browser back to the app with a code, or with access_denied', { timeout: 90000 }, async (t) => {
  const env = await lib.startScenario(t, { name: 'account-signin', questions: QUESTIONS });
  const { page } = env;
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const authorizeUrl = (redirect, state) => `${env.server.baseUrl}/oauth/authorize?${new URLSearchParams({
    response_type: 'code', client_id: 'intervox-desktop', redirect_uri: redirect, state, code_challenge: challenge, code_challenge_method: 'S256',
  })}`;

  const listener = await loopbackListener();
  t.after(() => listener.close());
  await page.goto(authorizeUrl(listener.redirect, 'state-1'));
  await page.waitForFunction((name) => document.querySelector('#organization').textContent === name, lib.ADMIN.organization);
  assert.deepEqual(await lib.accessibilityProblems(page), []);
  await page.fill('#email', lib.ADMIN.email);
  await page.fill('#password', 'not the password');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#form-error').textContent.length > 0);
  assert.match(await page.textContent('#form-error'), /Wrong email or password\./);
  await page.screenshot({ path: path.join(env.dir, 'signin-error.png') });

  await page.fill('#password', lib.ADMIN.password);
  await page.click('#submit');
  const back = await listener.hit;
  assert.equal(back.pathname, '/callback');
  assert.equal(back.searchParams.get('state'), 'state-1');
  const res = await fetch(`${env.server.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: listener.redirect,
                                client_id: 'intervox-desktop', code_verifier: verifier }),
  });
  assert.equal(res.status, 200);
  assert.ok((await res.json()).access_token);
  await page.waitForURL(/\/callback\?/); // the browser has arrived at the app's listener

  const cancelled = await loopbackListener();
  t.after(() => cancelled.close());
  await page.goto(authorizeUrl(cancelled.redirect, 'state-2'));
  await page.click('#deny');
  const denied = await cancelled.hit;
  assert.equal(denied.searchParams.get('error'), 'access_denied');
  assert.equal(denied.searchParams.get('state'), 'state-2');
});
