'use strict';
// The server as the desktop app's OAuth 2.0 authorization server (docs/api.md, "Signing in from the app"):
// authorization code + PKCE with a loopback redirect, rotating refresh tokens with reuse detection, revocation.
// The client side here speaks the same HTTP as the app's QtNetworkAuth flow (tests/app covers the app itself).

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { Client } = require('./lib/ws');
const { createOrg, assertError, unique } = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 90_000 };
const CLIENT = 'intervox-desktop';
const REDIRECT = 'http://127.0.0.1:43117/callback';

const b64url = (buffer) => buffer.toString('base64url');
function pkce() {
  const verifier = b64url(crypto.randomBytes(32));
  return { verifier, challenge: b64url(crypto.createHash('sha256').update(verifier).digest()) };
}
function authorizeQuery({ challenge, state = unique('state'), redirect = REDIRECT, client = CLIENT, method = 'S256', responseType = 'code' } = {}) {
  const q = new URLSearchParams({ response_type: responseType, client_id: client, redirect_uri: redirect, state });
  if (challenge !== undefined) q.set('code_challenge', challenge);
  if (method) q.set('code_challenge_method', method);
  return `?${q}`;
}

describe(`OAuth 2.0 authorization code + PKCE (${engine})`, () => {
  let env, server, org, anonymous;

  /** POST a form to the token or revocation endpoint, as QtNetworkAuth does. */
  const form = (path, fields) => anonymous.request('POST', path, {
    body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded',
  });

  /** The page's sign-in: returns the redirect URL the browser is sent to. */
  async function authorize({ email = org.email, password = org.password, ...options } = {}) {
    const res = await anonymous.post('/api/v1/oauth/authorize', { query: authorizeQuery(options), email, password });
    return res;
  }

  /** The whole flow: sign-in on the page, code for tokens. */
  async function signIn() {
    const { verifier, challenge } = pkce();
    const state = unique('state');
    const page = await authorize({ challenge, state });
    assert.equal(page.status, 200, String(page));
    const back = new URL(page.json.redirect);
    assert.equal(back.searchParams.get('state'), state);
    const res = await form('/oauth/token', {
      grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: REDIRECT, client_id: CLIENT, code_verifier: verifier,
    });
    assert.equal(res.status, 200, String(res));
    return res.json;
  }

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'oauth');
    anonymous = new Api(server.url);
  }, SETUP);
  after(async () => { if (env) await env.cleanup(); }, SETUP);

  it('the authorize page is served for a loopback redirect, with the organization named and a strict policy', T, async () => {
    const page = await anonymous.get(`/oauth/authorize${authorizeQuery({ challenge: pkce().challenge })}`);
    assert.equal(page.status, 200, String(page));
    assert.match(page.text, /src="\/a\/signin.js"/);
    assert.match(page.headers.get('content-security-policy'), /form-action 'none'/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal((await anonymous.get('/a/signin.js')).status, 200);
    const info = await anonymous.get('/api/v1/oauth/server');
    assert.equal(info.json.organization, org.organization);
  });

  it('a redirect that is not the app\'s loopback listener, or an unknown client, gets an error page and no redirect', T, async () => {
    for (const redirect of ['https://attacker.example/cb', 'http://localhost:43117/cb', 'http://127.0.0.1/cb', 'http://u:p@127.0.0.1:1/cb']) {
      const res = await anonymous.get(`/oauth/authorize${authorizeQuery({ challenge: pkce().challenge, redirect })}`);
      assert.equal(res.status, 400, `${redirect}: ${res}`);
      assert.equal(res.headers.get('location'), null);
      assert.match(res.text, /redirect_uri must be/);
    }
    const res = await anonymous.get(`/oauth/authorize${authorizeQuery({ challenge: pkce().challenge, client: 'someone-else' })}`);
    assert.equal(res.status, 400);
    assert.match(res.text, /unknown client_id/);
  });

  it('without PKCE (or with "plain") the app is sent back an invalid_request error with its state', T, async () => {
    for (const options of [{ challenge: undefined }, { challenge: pkce().challenge, method: 'plain' }, { challenge: 'short' }]) {
      const res = await anonymous.get(`/oauth/authorize${authorizeQuery({ ...options, state: 'st-1' })}`);
      assert.equal(res.status, 302, String(res));
      const back = new URL(res.headers.get('location'));
      assert.equal(back.origin + back.pathname, REDIRECT);
      assert.equal(back.searchParams.get('error'), 'invalid_request');
      assert.equal(back.searchParams.get('state'), 'st-1');
    }
    const res = await anonymous.get(`/oauth/authorize${authorizeQuery({ challenge: pkce().challenge, responseType: 'token' })}`);
    assert.equal(new URL(res.headers.get('location')).searchParams.get('error'), 'unsupported_response_type');
  });

  it('success: code for an access and a refresh token; the access token works on the API', T, async () => {
    const tokens = await signIn();
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.expires_in, 3600);
    assert.match(tokens.refresh_token, /^[A-Za-z0-9_-]{43}$/);
    const me = await anonymous.withToken(tokens.access_token).get('/api/v1/me');
    assert.equal(me.status, 200, String(me));
    assert.equal(me.json.email, org.email);
  });

  it('a wrong password is refused on the page and gives no code; Cancel sends access_denied back', T, async () => {
    assertError(await authorize({ challenge: pkce().challenge, password: 'not the password' }), 401, 'unauthorized');
    const denied = await anonymous.post('/api/v1/oauth/deny', { query: authorizeQuery({ challenge: pkce().challenge, state: 'st-2' }) });
    const back = new URL(denied.json.redirect);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'st-2');
    assert.equal(back.searchParams.get('code'), null);
  });

  it('the code needs the right verifier and redirect, works once, and a second use revokes what the first gave', T, async () => {
    const { verifier, challenge } = pkce();
    const code = new URL((await authorize({ challenge })).json.redirect).searchParams.get('code');
    const exchange = (fields) => form('/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT, code_verifier: verifier, ...fields });
    let res = await exchange({ code_verifier: pkce().verifier });
    assert.deepEqual([res.status, res.json.error], [400, 'invalid_grant'], String(res));
    res = await exchange({ redirect_uri: 'http://127.0.0.1:1/other' });
    assert.deepEqual([res.status, res.json.error], [400, 'invalid_grant'], String(res));
    res = await exchange({ code_verifier: 'x' });
    assert.deepEqual([res.status, res.json.error], [400, 'invalid_request'], String(res));
    const first = await exchange({});
    assert.equal(first.status, 200, String(first));
    const again = await exchange({});
    assert.deepEqual([again.status, again.json.error], [400, 'invalid_grant'], String(again));
    assertError(await anonymous.withToken(first.json.access_token).get('/api/v1/me'), 401, 'unauthorized');
    const refreshed = await form('/oauth/token', { grant_type: 'refresh_token', refresh_token: first.json.refresh_token, client_id: CLIENT });
    assert.equal(refreshed.json.error, 'invalid_grant');
  });

  it('refresh rotates the tokens; reusing a rotated refresh token ends the whole sign-in', T, async () => {
    const first = await signIn();
    const refresh = (token) => form('/oauth/token', { grant_type: 'refresh_token', refresh_token: token, client_id: CLIENT });
    const second = await refresh(first.refresh_token);
    assert.equal(second.status, 200, String(second));
    assert.notEqual(second.json.refresh_token, first.refresh_token);
    assert.equal((await anonymous.withToken(second.json.access_token).get('/api/v1/me')).status, 200);
    const reused = await refresh(first.refresh_token);
    assert.deepEqual([reused.status, reused.json.error], [400, 'invalid_grant']);
    assert.match(reused.json.error_description, /already used/);
    assertError(await anonymous.withToken(second.json.access_token).get('/api/v1/me'), 401, 'unauthorized');
    assert.equal((await refresh(second.json.refresh_token)).json.error, 'invalid_grant');
  });

  it('sign-out revokes the refresh token and the access tokens of that sign-in, and ends its live events', T, async () => {
    const tokens = await signIn();
    const other = await signIn();
    const events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: tokens.access_token });
    await events.next('ready');
    const revoked = await form('/oauth/revoke', { token: tokens.refresh_token, token_type_hint: 'refresh_token' });
    assert.equal(revoked.status, 200);
    assert.equal((await events.waitClosed()).code, 4401);
    assertError(await anonymous.withToken(tokens.access_token).get('/api/v1/me'), 401, 'unauthorized');
    const refresh = await form('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT });
    assert.equal(refresh.json.error, 'invalid_grant');
    assert.match(refresh.json.error_description, /revoked/);
    assert.equal((await anonymous.withToken(other.access_token).get('/api/v1/me')).status, 200, 'another sign-in is untouched');
    // Unknown tokens: 200 all the same (RFC 7009).
    assert.equal((await form('/oauth/revoke', { token: 'A'.repeat(43) })).status, 200);
  });

  it('an expired code or refresh token is refused with invalid_grant (the app then asks to sign in again)', T, async () => {
    const tokens = await signIn();
    const hash = crypto.createHash('sha256').update(tokens.refresh_token).digest('hex');
    await env.sql(`UPDATE refresh_tokens SET expires_at = 1 WHERE token_hash = '${hash}'`);
    const refresh = await form('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT });
    assert.deepEqual([refresh.status, refresh.json.error], [400, 'invalid_grant']);
    assert.match(refresh.json.error_description, /expired/);

    const { verifier, challenge } = pkce();
    const code = new URL((await authorize({ challenge })).json.redirect).searchParams.get('code');
    const codeHash = crypto.createHash('sha256').update(code).digest('hex');
    await env.sql(`UPDATE oauth_codes SET expires_at = 1 WHERE code_hash = '${codeHash}'`);
    const res = await form('/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT, code_verifier: verifier });
    assert.deepEqual([res.status, res.json.error], [400, 'invalid_grant']);
    assert.match(res.json.error_description, /expired/);
  });

  it('a disabled member\'s refresh tokens stop working', T, async () => {
    const email = `${unique('member')}@example.com`;
    const invited = await org.api.post('/api/v1/users', { email, name: 'Member', role: 'recruiter' });
    const password = `pw-${crypto.randomBytes(8).toString('hex')}`;
    const token = decodeURIComponent(new URL(invited.json.setupLink.url).hash.slice(1));
    assert.equal((await anonymous.post('/api/v1/auth/setup', { token, password })).status, 200);
    const { verifier, challenge } = pkce();
    const page = await authorize({ challenge, email, password });
    const code = new URL(page.json.redirect).searchParams.get('code');
    const tokens = (await form('/oauth/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: CLIENT, code_verifier: verifier })).json;
    assert.equal((await org.api.delete(`/api/v1/users/${invited.json.id}`)).status, 204);
    const refresh = await form('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT });
    assert.equal(refresh.json.error, 'invalid_grant');
  });

  it('token requests are checked at the edge: client, grant type, content type', T, async () => {
    let res = await form('/oauth/token', { grant_type: 'refresh_token', refresh_token: 'x', client_id: 'other' });
    assert.deepEqual([res.status, res.json.error], [401, 'invalid_client']);
    res = await form('/oauth/token', { grant_type: 'password', username: org.email, password: org.password, client_id: CLIENT });
    assert.deepEqual([res.status, res.json.error], [400, 'unsupported_grant_type']);
    res = await anonymous.post('/oauth/token', { grant_type: 'refresh_token' });
    assert.equal(res.status, 415);
    res = await form('/oauth/token', { grant_type: 'authorization_code', client_id: CLIENT, code: 'x' });
    assert.deepEqual([res.status, res.json.error], [400, 'invalid_request']);
  });
});
