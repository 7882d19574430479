'use strict';
// GET /interviews/{id}/candidates: one row per invite with its candidate, latest session and status, as the
// desktop app shows an interview's pipeline. Every status is produced by the real thing: a candidate session
// over the WebSocket protocol, a revocation, an invite running out.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const {
  unique, waitFor, createOrg, createInterview, createCandidate, createInvite, listAll, Candidate, recordAnswer, makeWebm,
} = require('./lib/fixtures');

const T = { timeout: 60_000 };
const SETUP = { timeout: 60_000 };

describe(`an interview's candidates and their status (${engine})`, () => {
  let env, server, org, other, interview, rows;
  const people = {};

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'pipeline');
    other = await createOrg(env, server, 'pipeline-other');
    interview = await createInterview(org, { questions: [{ text: 'Why us?', thinkSeconds: 10, answerSeconds: 60, retakes: 0 }] });
    const invite = async (label, extra) => {
      const candidate = await createCandidate(org, { name: `${label} ${unique()}` });
      people[label] = { candidate, invite: await createInvite(org, interview.id, candidate.id, extra) };
      return people[label];
    };
    await invite('invited');
    const started = await invite('started');
    people.started.socket = await Candidate.join(server, started.invite.token);
    await people.started.socket.consent(true);
    await people.started.socket.begin();
    const refused = await invite('refused');
    const refusing = await Candidate.join(server, refused.invite.token);
    await refusing.consent(false);
    refusing.close();
    const finished = await invite('finished');
    const done = await recordAnswer(server, finished.invite.token, await makeWebm(1), { finishSession: true });
    done.candidate.close();
    const revoked = await invite('revoked');
    assert.equal((await org.api.post(`/api/v1/invites/${revoked.invite.id}/revoke`)).status, 204);
    await invite('expired', { expiresAt: new Date(Date.now() + 2000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    // Another interview's invite is not in this list.
    const elsewhere = await createInterview(org);
    await createInvite(org, elsewhere.id, people.invited.candidate.id);
    // The short invite runs out (its expiry is a wall-clock time): wait for the list to say so, bounded.
    rows = await waitFor(async () => {
      const all = await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`);
      const row = all.find((r) => r.id === people.expired.invite.id);
      return row && row.status === 'expired' ? all : null;
    }, { timeout: 15_000, what: 'the short invite to expire' });
  }, SETUP);

  after(async () => {
    if (people.started && people.started.socket) people.started.socket.close();
    if (env) await env.cleanup();
  }, SETUP);

  const row = (label) => rows.find((r) => r.id === people[label].invite.id);

  it('lists one row per invite of this interview, newest first', T, () => {
    assert.deepEqual(rows.map((r) => r.id), ['expired', 'revoked', 'finished', 'refused', 'started', 'invited'].map((l) => people[l].invite.id));
    for (const r of rows) {
      const label = Object.keys(people).find((l) => people[l].invite.id === r.id);
      assert.deepEqual(r.candidate, { id: people[label].candidate.id, name: people[label].candidate.name, email: people[label].candidate.email, hasCv: false });
      assert.equal(r.maxUses, 1);
      assert.equal(typeof r.createdAt, 'string');
    }
  });

  it('says where each candidate is: invited, started, refused consent, finished, revoked, expired', T, () => {
    assert.deepEqual(Object.fromEntries(Object.keys(people).map((l) => [l, row(l).status])),
      { invited: 'invited', started: 'started', refused: 'refused_consent', finished: 'finished', revoked: 'revoked', expired: 'expired' });
    assert.equal(row('invited').session, null);
    assert.equal(row('expired').session, null);
    assert.equal(row('revoked').revoked, true);
    assert.equal(row('invited').revoked, false);
  });

  it('carries the latest session: phase, question, consent, and whether the candidate is connected now', T, () => {
    const started = row('started').session;
    assert.equal(started.phase, 'thinking');
    assert.equal(started.question, 0);
    assert.equal(started.consent, 'given');
    assert.equal(started.connected, true);
    assert.equal(started.finishedAt, null);
    const finished = row('finished').session;
    assert.equal(finished.phase, 'finished');
    assert.equal(typeof finished.finishedAt, 'string');
    assert.equal(row('refused').session.consent, 'refused');
    assert.equal(row('finished').uses, 1);
  });

  it('pages like every list (limit and cursor), losing nothing', T, async () => {
    const paged = await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`, { limit: 2 });
    assert.deepEqual(paged.map((r) => r.id), rows.map((r) => r.id));
    const bad = await org.api.get(`/api/v1/interviews/${interview.id}/candidates?limit=0`);
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.field, 'limit');
  });

  it("another organization gets 404, as for an interview that does not exist", T, async () => {
    const res = await other.api.get(`/api/v1/interviews/${interview.id}/candidates`);
    assert.equal(res.status, 404);
    assert.equal(res.json.error.code, 'not_found');
    assert.equal((await org.api.get('/api/v1/interviews/999999999/candidates')).status, 404);
  });
});
