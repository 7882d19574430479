'use strict';
// A later deadline and extra time for one invite (PUT /invites/{id}, docs/api.md "Invites"): validated at the
// edge, refused for revoked links and other organizations, an expired link opened again, and extra time that the
// candidate's timers use — set before the start, and changed while the page is open (from its next timed period).

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Client } = require('./lib/ws');
const {
  createOrg, createInterview, createCandidate, createInvite, createInvitation, assertError, waitFor, Candidate, WEBM_MIME,
} = require('./lib/fixtures');

const T = { timeout: 60_000 };
const DAY = 24 * 3600 * 1000;

describe(`invite deadline and extra time (${engine})`, () => {
  let env, server, org, other;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'terms');
    other = await createOrg(env, server, 'terms-other');
  }, T);

  after(async () => { if (env) await env.cleanup(); }, T);

  const change = (api, id, body) => api.put(`/api/v1/invites/${id}`, body);

  it('a later deadline and extra time are saved and listed; bad values name their field; nothing changes then', T, async () => {
    const { invite, interview } = await createInvitation(org);
    const later = new Date(Date.now() + 30 * DAY).toISOString();
    const res = await change(org.api, invite.id, { expiresAt: later, extraTimePercent: 25 });
    assert.equal(res.status, 200, String(res));
    const seconds = (iso) => Math.floor(Date.parse(iso) / 1000); // the API gives times to the second
    assert.equal(seconds(res.json.expiresAt), seconds(later));
    assert.equal(res.json.extraTimePercent, 25);
    const row = (await org.api.get(`/api/v1/interviews/${interview.id}/candidates`)).json.items.find((i) => i.id === invite.id);
    assert.equal(row.extraTimePercent, 25);
    assert.equal(seconds(row.expiresAt), seconds(later));

    assertError(await change(org.api, invite.id, {}), 422, 'validation', 'expiresAt');
    assertError(await change(org.api, invite.id, { expiresAt: new Date(Date.now() - 1000).toISOString() }), 422, 'validation', 'expiresAt');
    assertError(await change(org.api, invite.id, { expiresAt: new Date(Date.now() + 400 * DAY).toISOString() }), 422, 'validation', 'expiresAt');
    assertError(await change(org.api, invite.id, { expiresAt: null }), 422, 'validation', 'expiresAt');
    assertError(await change(org.api, invite.id, { extraTimePercent: 250 }), 422, 'validation', 'extraTimePercent');
    assertError(await change(org.api, invite.id, { extraTimePercent: 'lots' }), 422, 'validation', 'extraTimePercent');
    const after = (await org.api.get(`/api/v1/interviews/${interview.id}/candidates`)).json.items.find((i) => i.id === invite.id);
    assert.deepEqual([after.extraTimePercent, after.expiresAt], [25, row.expiresAt], 'a refused change changed nothing');
  });

  it('another organization gets 404, a revoked link 409', T, async () => {
    const { invite } = await createInvitation(org);
    assertError(await change(other.api, invite.id, { extraTimePercent: 50 }), 404, 'not_found');
    assertError(await change(org.api, 99999999, { extraTimePercent: 50 }), 404, 'not_found');
    assert.equal((await org.api.post(`/api/v1/invites/${invite.id}/revoke`)).status, 204);
    assertError(await change(org.api, invite.id, { extraTimePercent: 50 }), 409, 'conflict');
  });

  it("when the interview's own deadline has passed, extending a link says so (409) instead of promising a date", T, async () => {
    const { invite, interview } = await createInvitation(org);
    await env.sql(`UPDATE interviews SET deadline_at = 1 WHERE id = ${Number(interview.id)}`);
    const res = await change(org.api, invite.id, { expiresAt: new Date(Date.now() + DAY).toISOString() });
    assertError(res, 409, 'conflict');
    assert.match(res.json.error.message, /interview's own deadline has passed/);
  });

  it('an expired link works again once its deadline is extended', T, async () => {
    const interview = await createInterview(org);
    const candidate = await createCandidate(org);
    const invite = await createInvite(org, interview.id, candidate.id, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    const refusal = async () => {
      const client = await Client.open(`${server.wsUrl}/ws/session`);
      client.send({ type: 'hello', protocol: 1, token: invite.token, mime: WEBM_MIME });
      const outcome = await Promise.race([client.waitClosed().then(() => 'closed'),
        client.next('state', 10_000).then(() => 'state', () => new Promise(() => {}))]);
      const error = client.history.find((m) => m.type === 'error');
      client.terminate();
      if (outcome === 'state') throw new Error('the hello was accepted before the link expired');
      return error ? error.code : null;
    };
    // The server's own view says when the link has expired (a hello before that would use it up).
    const status = async () => (await org.api.get(`/api/v1/interviews/${interview.id}/candidates`)).json.items.find((i) => i.id === invite.id).status;
    await waitFor(async () => (await status()) === 'expired', { timeout: 15_000, interval: 250, what: 'the link to expire' });
    assert.equal(await refusal(), 'invite_expired');
    const res = await change(org.api, invite.id, { expiresAt: new Date(Date.now() + DAY).toISOString() });
    assert.equal(res.status, 200, String(res));
    const joined = await Candidate.join(server, invite.token);
    assert.equal(joined.state.phase, 'consent');
    joined.close();
  });

  it('extra time set before the start lengthens every timed period; changed while the page is open, from the next one', T, async () => {
    const questions = [{ text: 'Why us?', thinkSeconds: 60, answerSeconds: 120 }];
    const before = await createInvitation(org, { interview: { questions } });
    assert.equal((await change(org.api, before.invite.id, { extraTimePercent: 50 })).status, 200);
    const a = await Candidate.join(server, before.invite.token);
    assert.equal(a.state.extraTimePercent, 50);
    await a.consent(true);
    const thinking = await a.begin();
    assert.ok(thinking.deadlineIn > 80_000 && thinking.deadlineIn <= 90_000, `think time with 50 % more: ${thinking.deadlineIn} ms`);
    a.close();

    const open = await createInvitation(org, { interview: { questions } });
    const b = await Candidate.join(server, open.invite.token);
    assert.equal(b.state.extraTimePercent, 0);
    await b.consent(true); // the intro is not timed: the change applies to the think time that follows
    assert.equal((await change(org.api, open.invite.id, { extraTimePercent: 100 })).status, 200);
    // (The hub hears of the change before the reply is sent: both are queued to its thread, in that order.)
    const doubled = await b.begin();
    assert.ok(doubled.deadlineIn > 110_000 && doubled.deadlineIn <= 120_000, `think time with 100 % more: ${doubled.deadlineIn} ms`);
    b.close();
  });
});
