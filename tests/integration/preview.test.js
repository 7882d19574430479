'use strict';
// POST /interviews/{id}/preview (docs/api.md "Interviews"): the recruiter opens the candidate page as candidates
// will see it. The preview is a hidden copy of the interview as saved, answered by a hidden candidate: it shows in
// no list, and the interview itself stays editable and deletable after its preview was answered.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const {
  unique, createOrg, createInterview, createInvitation, listAll, assertError, Candidate, recordAnswer, makeWebm, addMember,
} = require('./lib/fixtures');

const T = { timeout: 60_000 };
const tokenOf = (url) => new URL(url).pathname.split('/').pop();

describe(`previews of the candidate page (${engine})`, () => {
  let env, server, org, other;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'preview');
    other = await createOrg(env, server, 'preview-other');
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  const preview = (api, id) => api.post(`/api/v1/interviews/${id}/preview`);

  it('opens the saved interview on the candidate page, marked as a preview, for the recruiter by name', T, async () => {
    const interview = await createInterview(org, {
      title: 'Preview me',
      questions: [{ text: 'First question', thinkSeconds: 20, answerSeconds: 60, retakes: 0 },
        { text: 'Second question', thinkSeconds: 10, answerSeconds: 30, retakes: 2 }],
    });
    const res = await preview(org.api, interview.id);
    assert.equal(res.status, 201, String(res));
    assert.match(res.json.url, new RegExp(`^${server.url}/i/[A-Za-z0-9_-]{20,}$`));
    assert.ok(Date.parse(res.json.expiresAt) > Date.now());

    const page = await Candidate.join(server, tokenOf(res.json.url));
    assert.equal(page.state.interview.preview, true);
    assert.equal(page.state.interview.title, 'Preview me');
    assert.equal(page.state.candidate.name, org.name);
    assert.deepEqual(page.state.questions.map((q) => [q.thinkSeconds, q.answerSeconds, q.retakes]), [[20, 60, 0], [10, 30, 2]]);
    await page.consent(true);
    const thinking = await page.begin();
    assert.equal(thinking.questions[0].text, 'First question');
    page.close();

    // A real candidate's page is not marked.
    const { invite } = await createInvitation(org);
    const real = await Candidate.join(server, invite.token);
    assert.equal(real.state.interview.preview, undefined);
    real.close();
  });

  it('shows in no list: interviews, candidates, invites, the interview\'s candidates', T, async () => {
    const { interview, invite } = await createInvitation(org, { interview: { title: unique('listed') } });
    const before = {
      interviews: (await listAll(org.api, '/api/v1/interviews')).map((i) => i.id),
      candidates: (await listAll(org.api, '/api/v1/candidates')).map((c) => c.id),
      invites: (await listAll(org.api, '/api/v1/invites')).map((i) => i.id),
    };
    const res = await preview(org.api, interview.id);
    assert.equal(res.status, 201, String(res));
    await recordAnswer(server, tokenOf(res.json.url), await makeWebm(1), { finishSession: true });

    assert.deepEqual((await listAll(org.api, '/api/v1/interviews')).map((i) => i.id), before.interviews);
    assert.deepEqual((await listAll(org.api, '/api/v1/candidates')).map((c) => c.id), before.candidates);
    assert.deepEqual((await listAll(org.api, '/api/v1/invites')).map((i) => i.id), before.invites);
    const rows = await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`);
    assert.deepEqual(rows.map((r) => r.id), [invite.id]);
    // The copy and its candidate exist, hidden: the filter above is what keeps them out.
    const hidden = await env.sql(`SELECT COUNT(*) FROM interviews WHERE preview_of = ${Number(interview.id)}`);
    assert.equal(Number(hidden.trim()), 1);
  });

  it('the interview stays editable and deletable after its preview was answered; a new preview shows the edit', T, async () => {
    const interview = await createInterview(org, { title: 'Draft' });
    const first = await preview(org.api, interview.id);
    await recordAnswer(server, tokenOf(first.json.url), await makeWebm(1), { finishSession: true });

    const edited = await org.api.put(`/api/v1/interviews/${interview.id}`, {
      title: 'Draft', intro: 'Hello', language: 'en',
      questions: [{ text: 'A better question', thinkSeconds: 15, answerSeconds: 45, retakes: 1 }],
    });
    assert.equal(edited.status, 200, String(edited));
    const second = await preview(org.api, interview.id);
    const page = await Candidate.join(server, tokenOf(second.json.url));
    await page.consent(true);
    assert.equal((await page.begin()).questions[0].text, 'A better question');
    page.close();

    assert.equal((await org.api.delete(`/api/v1/interviews/${interview.id}`)).status, 204);
    assertError(await preview(org.api, interview.id), 404, 'not_found');
  });

  it('another organization and an unknown id get 404, a copy cannot be previewed again, a reviewer gets 403', T, async () => {
    const interview = await createInterview(org);
    assertError(await preview(other.api, interview.id), 404, 'not_found');
    assertError(await preview(org.api, 99999999), 404, 'not_found');
    const res = await preview(org.api, interview.id);
    const copy = (await env.sql(`SELECT MAX(id) FROM interviews WHERE preview_of = ${Number(interview.id)}`)).trim();
    assert.notEqual(copy, '');
    assertError(await preview(org.api, copy), 404, 'not_found');
    assert.equal(res.status, 201);

    const reviewer = await addMember(server, org, 'reviewer');
    assertError(await preview(reviewer.api, interview.id), 403, 'forbidden');
  });
});
