'use strict';
// Editable resources carry an ETag; a PUT or DELETE with an If-Match that no longer matches answers 412 and
// changes nothing, and of two clients writing with the same ETag exactly one wins. Without If-Match a write
// goes through as before.

const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const {
  createOrg, interviewBody, createCandidate, makePdf, startAnswering, assertServerHealthy,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 60_000 };

function assertPreconditionFailed(res) {
  assert.equal(res.status, 412, `expected 412: ${res}`);
  assert.equal(res.json.error.code, 'precondition_failed', String(res));
  assert.ok(res.json.error.message.length > 0, String(res));
}

const etagOf = (res) => res.headers.get('etag');
const ifMatch = (etag) => ({ headers: { 'if-match': etag } });
const renamed = (title) => interviewBody({ title, questions: [{ text: `Asked by ${title}`, thinkSeconds: 5, answerSeconds: 30, retakes: 0 }] });

describe(`ETag and If-Match (${engine})`, () => {
  let env, server, org, other;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'etag');
    other = await createOrg(env, server, 'etag-other');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  async function freshInterview() {
    const created = await org.api.post('/api/v1/interviews', interviewBody());
    assert.equal(created.status, 201, String(created));
    return { id: created.json.id, etag: etagOf(created), json: created.json };
  }

  // ------------------------------------------------------------------------------------------- interviews

  it('POST and GET of an interview carry the same strong ETag; PUT answers a new one', T, async () => {
    const { id, etag } = await freshInterview();
    assert.match(etag, /^"[^"]+"$/, 'a strong, quoted entity tag');
    const get = await org.api.get(`/api/v1/interviews/${id}`);
    assert.equal(etagOf(get), etag);
    const put = await org.api.put(`/api/v1/interviews/${id}`, renamed('Second'), ifMatch(etag));
    assert.equal(put.status, 200, String(put));
    assert.notEqual(etagOf(put), etag);
    const again = await org.api.get(`/api/v1/interviews/${id}`);
    assert.equal(etagOf(again), etagOf(put));
    assert.deepEqual(again.json, put.json);
  });

  it('PUT with a stale If-Match answers 412 precondition_failed and changes nothing', T, async () => {
    const { id, etag } = await freshInterview();
    const first = await org.api.put(`/api/v1/interviews/${id}`, renamed('First writer'), ifMatch(etag));
    assert.equal(first.status, 200, String(first));
    const stale = await org.api.put(`/api/v1/interviews/${id}`, renamed('Late writer'), ifMatch(etag));
    assertPreconditionFailed(stale);
    const now = await org.api.get(`/api/v1/interviews/${id}`);
    assert.deepEqual(now.json, first.json);
    assert.equal(etagOf(now), etagOf(first));
  });

  it('DELETE with a stale If-Match answers 412 and the interview stays; with the current one it goes', T, async () => {
    const { id, etag } = await freshInterview();
    const put = await org.api.put(`/api/v1/interviews/${id}`, renamed('Edited'), ifMatch(etag));
    assertPreconditionFailed(await org.api.delete(`/api/v1/interviews/${id}`, ifMatch(etag)));
    assert.deepEqual((await org.api.get(`/api/v1/interviews/${id}`)).json, put.json);
    assert.equal((await org.api.delete(`/api/v1/interviews/${id}`, ifMatch(etagOf(put)))).status, 204);
    assert.equal((await org.api.get(`/api/v1/interviews/${id}`)).status, 404);
  });

  it('without If-Match, PUT and DELETE work as before and the ETag still moves on', T, async () => {
    const { id, etag } = await freshInterview();
    const put = await org.api.put(`/api/v1/interviews/${id}`, renamed('Unconditional'));
    assert.equal(put.status, 200, String(put));
    assert.notEqual(etagOf(put), etag);
    assertPreconditionFailed(await org.api.put(`/api/v1/interviews/${id}`, renamed('Stale'), ifMatch(etag)));
    assert.equal((await org.api.delete(`/api/v1/interviews/${id}`)).status, 204);
  });

  it('If-Match: *, or a list naming the current tag, matches; weak or other resources\' tags do not', T, async () => {
    const { id, etag } = await freshInterview();
    const otherOne = await freshInterview();
    assertPreconditionFailed(await org.api.put(`/api/v1/interviews/${id}`, renamed('Weak'), ifMatch(`W/${etag}`)));
    assertPreconditionFailed(await org.api.put(`/api/v1/interviews/${id}`, renamed('Other'), ifMatch(otherOne.etag)));
    assertPreconditionFailed(await org.api.put(`/api/v1/interviews/${id}`, renamed('Garbage'), ifMatch('not-a-tag')));
    assertPreconditionFailed(await org.api.put(`/api/v1/interviews/${id}`, renamed('Unquoted'), ifMatch(etag.slice(1, -1))));
    assert.equal(etagOf(await org.api.get(`/api/v1/interviews/${id}`)), etag, 'a refused write moved the ETag');
    const listed = await org.api.put(`/api/v1/interviews/${id}`, renamed('Listed'), ifMatch(`"nope", ${otherOne.etag}, ${etag}`));
    assert.equal(listed.status, 200, String(listed));
    const star = await org.api.put(`/api/v1/interviews/${id}`, renamed('Star'), ifMatch('*'));
    assert.equal(star.status, 200, String(star));
    assert.equal(star.json.title, 'Star');
  });

  it('If-Match on a missing interview, or on another organization\'s, answers 404 (not 412)', T, async () => {
    const { id, etag } = await freshInterview();
    for (const [api, target] of [[org.api, 999999999], [other.api, id]]) {
      const put = await api.put(`/api/v1/interviews/${target}`, renamed('Nope'), ifMatch(etag));
      assert.equal(put.status, 404, String(put));
      assert.equal((await api.delete(`/api/v1/interviews/${target}`, ifMatch(etag))).status, 404);
    }
    assert.equal(etagOf(await org.api.get(`/api/v1/interviews/${id}`)), etag);
  });

  it('a refused PUT (422, or 409 once a candidate started) does not move the ETag', T, async () => {
    const { id, etag } = await freshInterview();
    const invalid = await org.api.put(`/api/v1/interviews/${id}`, { ...renamed('Bad'), language: 'xx' }, ifMatch(etag));
    assert.equal(invalid.status, 422, String(invalid));
    assert.equal(etagOf(await org.api.get(`/api/v1/interviews/${id}`)), etag);

    const started = await startAnswering(server, org);
    const path = `/api/v1/interviews/${started.invite.interviewId}`;
    const before = await org.api.get(path);
    const locked = await org.api.put(path, renamed('Too late'), ifMatch(etagOf(before)));
    assert.equal(locked.status, 409, String(locked));
    assert.equal((await org.api.delete(path, ifMatch(etagOf(before)))).status, 409);
    assert.equal(etagOf(await org.api.get(path)), etagOf(before));
    started.candidate.close();
  });

  it('two PUTs racing with the same ETag: exactly one 200 and one 412, and the winner\'s text is stored', T, async () => {
    for (let round = 0; round < 10; round += 1) {
      const { id, etag } = await freshInterview();
      const results = await Promise.all(['Left', 'Right'].map((side) => org.api.put(`/api/v1/interviews/${id}`, renamed(`${side} ${round}`), ifMatch(etag))));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412], results.join('\n'));
      const winner = results.find((r) => r.status === 200);
      assertPreconditionFailed(results.find((r) => r.status === 412));
      const now = await org.api.get(`/api/v1/interviews/${id}`);
      assert.deepEqual(now.json, winner.json);
      assert.equal(etagOf(now), etagOf(winner));
    }
  });

  it('a PUT and a DELETE racing with the same ETag: exactly one wins', T, async () => {
    const { id, etag } = await freshInterview();
    const [put, del] = await Promise.all([
      org.api.put(`/api/v1/interviews/${id}`, renamed('Racer'), ifMatch(etag)),
      org.api.delete(`/api/v1/interviews/${id}`, ifMatch(etag)),
    ]);
    // The DELETE lost (412), or it won and the PUT found nothing left to change (404).
    const outcome = `${put.status} ${del.status}`;
    assert.ok(['200 412', '404 204'].includes(outcome), `${put}\n${del}`);
    const now = await org.api.get(`/api/v1/interviews/${id}`);
    assert.equal(now.status, put.status === 200 ? 200 : 404, String(now));
  });

  // ------------------------------------------------------------------------------------------- candidates

  it('a candidate carries an ETag; a CV upload with a stale If-Match answers 412 and keeps the old CV', T, async () => {
    const created = await org.api.post('/api/v1/candidates', { name: 'Grace', email: 'grace@example.com' });
    assert.equal(created.status, 201, String(created));
    const etag = etagOf(created);
    assert.match(etag, /^"[^"]+"$/);
    assert.equal(etagOf(await org.api.get(`/api/v1/candidates/${created.json.id}`)), etag);

    const upload = (text, tag) => org.api.request('PUT', `/api/v1/candidates/${created.json.id}/cv`,
      { body: makePdf(text), contentType: 'application/pdf', headers: tag ? { 'if-match': tag } : {} });
    const first = await upload('First CV', etag);
    assert.equal(first.status, 200, String(first));
    assert.notEqual(etagOf(first), etag);
    assertPreconditionFailed(await upload('Late CV', etag));
    const now = await org.api.get(`/api/v1/candidates/${created.json.id}`);
    assert.deepEqual(now.json, first.json);
    assert.equal(etagOf(now), etagOf(first));
    const unconditional = await upload('Third CV');
    assert.equal(unconditional.status, 200, String(unconditional));
    assert.notEqual(unconditional.json.cv.sha256, first.json.cv.sha256);
  });

  it('two CV uploads racing with the same ETag: exactly one 200 and one 412', T, async () => {
    const candidate = await createCandidate(org);
    const etag = etagOf(await org.api.get(`/api/v1/candidates/${candidate.id}`));
    const results = await Promise.all(['A', 'B'].map((side) => org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`,
      { body: makePdf(`CV ${side}`), contentType: 'application/pdf', headers: { 'if-match': etag } })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412], results.join('\n'));
    const winner = results.find((r) => r.status === 200);
    assert.deepEqual((await org.api.get(`/api/v1/candidates/${candidate.id}`)).json, winner.json);
    await assertServerHealthy(server, org);
  });

});

describe(`If-Match across two intervoxd processes on one database (${engine})`, () => {
  let env, first, second, org;

  before(async () => {
    env = await Environment.create();
    first = await env.start();
    // A second server with a data folder of its own (each holds a lock on its folder) on the same database.
    const database = engine === 'sqlite' ? ['--database', `sqlite:${path.join(env.dataDir, 'intervox.db')}`] : [];
    second = await env.start({ extraArgs: ['--data', path.join(env.dataDir, 'second'), ...database] });
    org = await createOrg(env, first, 'etag-two');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  it('PUTs racing with the same ETag through two servers: exactly one 200 and one 412, every time', { timeout: 60_000 }, async () => {
    const apis = [org.api, new Api(second.url, org.token)];
    for (let round = 0; round < 20; round += 1) {
      const created = await apis[round % 2].post('/api/v1/interviews', interviewBody({ title: `Shared ${round}` }));
      assert.equal(created.status, 201, String(created));
      const id = created.json.id;
      const results = await Promise.all(apis.map((api, i) => api.put(`/api/v1/interviews/${id}`, renamed(`Server ${i} round ${round}`), ifMatch(etagOf(created)))));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 412], results.join('\n'));
      const winner = results.find((r) => r.status === 200);
      for (const api of apis) assert.deepEqual((await api.get(`/api/v1/interviews/${id}`)).json, winner.json);
    }
  });
});
