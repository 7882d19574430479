'use strict';
// Password guessing: after ten failed sign-ins from one address the server answers 429 for a while, even to the
// right password, while other addresses (here: a client behind the local reverse proxy) still sign in.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { createOrg } = require('./lib/fixtures');

const T = { timeout: 60_000 };

describe(`sign-in throttling (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'throttle');
  }, T);

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
});
