'use strict';
// /metrics is for operators: direct requests on loopback, or a bearer metrics_token; never what the reverse
// proxy forwards from the internet.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');

const T = { timeout: 30_000 };
const SETUP = { timeout: 60_000 };

describe(`metrics without a token (${engine})`, () => {
  let env, server;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); });

  it('GET /metrics forwarded by the reverse proxy (X-Forwarded-For, Forwarded) answers 404 like an unknown path', T, async () => {
    const anonymous = new Api(server.url);
    for (const headers of [{ 'x-forwarded-for': '203.0.113.5' }, { forwarded: 'for=203.0.113.5' }]) {
      const res = await anonymous.get('/metrics', { headers });
      assert.equal(res.status, 404, `${JSON.stringify(headers)}: ${res}`);
      assert.doesNotMatch(res.text, /intervox_/);
    }
  });
});

describe(`metrics behind a token (${engine})`, () => {
  let env, server;
  const token = 'scrape-0123456789abcdef';

  before(async () => {
    env = await Environment.create();
    server = await env.start({ extraEnv: { INTERVOX_METRICS_TOKEN: token } });
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); });

  it('with metrics_token set, /metrics needs that bearer token, even on loopback', T, async () => {
    const api = new Api(server.url);
    assert.equal((await api.get('/metrics')).status, 404);
    assert.equal((await api.get('/metrics', { token: 'scrape-wrong-token-000000' })).status, 404);
    const ok = await api.get('/metrics', { token });
    assert.equal(ok.status, 200, String(ok));
    assert.match(ok.text, /^intervox_session_sockets \d+$/m);
  });
});
