'use strict';
// Password guessing: after ten failed sign-ins from one address (or twenty for one account) the server answers 429
// for a while, even to the right password, while other addresses still sign in. Attempts count when they start,
// a success does not wipe earlier failures, and X-Forwarded-For is believed only from a configured proxy.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { createOrg, assertError } = require('./lib/fixtures');

const T = { timeout: 60_000 };

describe(`sign-in throttling (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    // The test runner plays a reverse proxy on loopback: addresses come from X-Forwarded-For.
    server = await env.start({ extraEnv: { INTERVOX_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
    org = await createOrg(env, server, 'throttle');
  }, T);

  const login = (api, account, password, address) =>
    api.post('/api/v1/auth/login', { email: account.email, password }, { headers: { 'x-forwarded-for': address } });

  after(async () => { if (env) await env.cleanup(); }, T);

  it('ten wrong passwords from one address turn the eleventh attempt into 429, even with the right password', T, async () => {
    const api = new Api(server.url);
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 10; i++) {
      const res = await api.post('/api/v1/auth/login', { email: org.email, password: `wrong-${i}` }, { headers: from });
      assert.equal(res.status, 401, `attempt ${i}: ${res}`);
    }
    const blocked = await api.post('/api/v1/auth/login', { email: org.email, password: org.password }, { headers: from });
    assert.equal(blocked.status, 429, `${blocked}`);
    assert.equal(blocked.json.error.code, 'too_many_requests');

    const other = await api.post('/api/v1/auth/login', { email: org.email, password: org.password },
      { headers: { 'x-forwarded-for': '198.51.100.9' } });
    assert.equal(other.status, 200, `another address is not blocked: ${other}`);
  });

  it('a successful sign-in does not clear the failures before it (guess 9, sign in, guess again)', T, async () => {
    const api = new Api(server.url);
    const account = await createOrg(env, server, 'refund');
    const address = '203.0.113.20';
    for (let i = 0; i < 9; i++) assert.equal((await login(api, account, `wrong-${i}`, address)).status, 401);
    const ok = await login(api, account, account.password, address);
    assert.equal(ok.status, 200, 'the right password still works at 9');
    assert.equal(ok.headers.get('cache-control'), 'no-store', 'a reply with a token may not be cached');
    assert.equal((await login(api, account, 'wrong-again', address)).status, 401, 'the tenth failure');
    const blocked = await login(api, account, account.password, address);
    assert.equal(blocked.status, 429, `after ten failures in all: ${blocked}`);
    assert.match(blocked.json.error.message, /from this address; try again in \d+ minutes?/);
  });

  it('forty concurrent wrong sign-ins from one address get at most ten password checks; others still sign in', T, async () => {
    const api = new Api(server.url);
    const account = await createOrg(env, server, 'burst');
    const attempts = Array.from({ length: 40 }, (_, i) => login(api, account, `burst-${i}`, '203.0.113.30'));
    // While the burst is queued, a legitimate user elsewhere signs in.
    const legit = login(api, org, org.password, '198.51.100.30');
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    assert.equal(checked + statuses.filter((s) => s === 429).length, 40, `statuses: ${statuses}`);
    assert.ok(checked <= 10, `${checked} of 40 concurrent guesses reached a password check`);
    assert.equal((await legit).status, 200, 'a sign-in from another address during the burst');
  });

  it('twenty failures for one account from many addresses block that account (clear message), not others', T, async () => {
    const api = new Api(server.url);
    const account = await createOrg(env, server, 'account');
    for (let i = 0; i < 20; i++) {
      const res = await login(api, account, `spray-${i}`, `203.0.113.${100 + i}`);
      assert.equal(res.status, 401, `attempt ${i}: ${res}`);
    }
    const blocked = await login(api, account, account.password, '198.51.100.77');
    assert.equal(blocked.status, 429, `the account after 20 failures: ${blocked}`);
    assert.match(blocked.json.error.message, /for this account; try again in \d+ minutes?/);
    const other = await login(api, org, org.password, '198.51.100.78');
    assert.equal(other.status, 200, `another account: ${other}`);
  });
});

describe(`sign-in throttling without a trusted proxy (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start(); // the embedded server's default: nobody's X-Forwarded-For is believed
    org = await createOrg(env, server, 'noproxy');
  }, T);

  after(async () => { if (env) await env.cleanup(); }, T);

  it('X-Forwarded-For from an untrusted peer (even loopback) does not create new addresses to guess from', T, async () => {
    const api = new Api(server.url);
    for (let i = 0; i < 10; i++) {
      const res = await api.post('/api/v1/auth/login', { email: org.email, password: `wrong-${i}` },
        { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } });
      assert.equal(res.status, 401, `attempt ${i}: ${res}`);
    }
    const blocked = await api.post('/api/v1/auth/login', { email: org.email, password: org.password },
      { headers: { 'x-forwarded-for': '198.51.100.200' } });
    assert.equal(blocked.status, 429, `a forged X-Forwarded-For escaped the limit: ${blocked}`);
  });
});

describe(`requests without sign-in, per address (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start({ extraEnv: { INTERVOX_TRUSTED_PROXIES: '127.0.0.1, ::1', INTERVOX_PUBLIC_REQUESTS_PER_MINUTE: '5' } });
    org = await createOrg(env, server, 'strangers');
  }, T);

  after(async () => { if (env) await env.cleanup(); }, T);

  it('past the per-minute limit, the token, revocation and setup-link routes answer 429 to that address only; signed-in requests are not counted', T, async () => {
    const api = new Api(server.url);
    const from = (address) => ({ headers: { 'x-forwarded-for': address } });
    const revoke = (address) => api.request('POST', '/oauth/revoke', {
      body: 'token=not-a-token', contentType: 'application/x-www-form-urlencoded', ...from(address),
    });
    for (let i = 0; i < 5; i++) {
      const res = await revoke('203.0.113.50');
      assert.equal(res.status, 200, `request ${i}: ${res}`); // RFC 7009: an unknown token is no error
    }
    for (const blocked of [await revoke('203.0.113.50'),
      await api.post('/api/v1/auth/setup', { token: 'x'.repeat(43), password: 'a-long-new-password' }, from('203.0.113.50')),
      await api.request('POST', '/oauth/token', { body: 'grant_type=refresh_token&refresh_token=x&client_id=intervox-desktop',
        contentType: 'application/x-www-form-urlencoded', ...from('203.0.113.50') })]) {
      assert.equal(blocked.status, 429, `${blocked}`);
      assert.equal(blocked.json.error.code, 'too_many_requests');
      assert.match(blocked.json.error.message, /without sign-in from this address; try again in \d+ s/);
    }
    // Another address is not affected, nor is a recruiter signed in from the blocked one.
    assert.equal((await revoke('203.0.113.51')).status, 200);
    const me = await org.api.get('/api/v1/me', from('203.0.113.50'));
    assert.equal(me.status, 200, `${me}`);
    const interviews = await org.api.get('/api/v1/interviews', from('203.0.113.50'));
    assert.equal(interviews.status, 200, `${interviews}`);
  });

  it('made-up tokens on signed-in routes are counted too: at twice the limit that address gets 429; no token at all is refused at once', T, async () => {
    const api = new Api(server.url);
    const from = { headers: { 'x-forwarded-for': '203.0.113.60' } };
    const noToken = await api.get('/api/v1/interviews', from);
    assertError(noToken, 401, 'unauthorized');
    for (let i = 0; i < 10; i++) {
      const res = await api.withToken('B'.repeat(43)).get('/api/v1/interviews', from);
      assert.equal(res.status, 401, `made-up token ${i}: ${res}`);
    }
    const blocked = await api.withToken('B'.repeat(43)).get('/api/v1/interviews', from);
    assertError(blocked, 429, 'too_many_requests');
    const meToo = await org.api.get('/api/v1/me', from);
    assert.equal(meToo.status, 429, 'an address past twice the limit waits, whatever it sends');
    const elsewhere = await org.api.get('/api/v1/me', { headers: { 'x-forwarded-for': '203.0.113.61' } });
    assert.equal(elsewhere.status, 200, `${elsewhere}`);
    // IPv6 addresses count by their /64: a host cannot escape by changing its last 64 bits.
    for (let i = 0; i < 5; i++) {
      const res = await api.request('POST', '/oauth/revoke', { body: 'token=x', contentType: 'application/x-www-form-urlencoded',
        headers: { 'x-forwarded-for': `2001:db8:1:2::${i + 1}` } });
      assert.equal(res.status, 200, `${res}`);
    }
    const sameNet = await api.request('POST', '/oauth/revoke', { body: 'token=x', contentType: 'application/x-www-form-urlencoded',
      headers: { 'x-forwarded-for': '2001:db8:1:2:ffff::9' } });
    assert.equal(sameNet.status, 429, `${sameNet}`);
  });
});
