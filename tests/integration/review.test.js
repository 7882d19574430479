'use strict';
// Review (docs/api.md, "Review"): an interview's rating criteria, a reviewer's ratings and private note per
// invite, decisions with who and when, and the summaries the pipeline list carries for the comparison table.
// The answer under review is recorded by a real candidate session.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Client } = require('./lib/ws');
const {
  createOrg, createInterview, createCandidate, createInvite, listAll, recordAnswer, makeWebm, assertError, sqlCost,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 90_000 };

describe(`review: criteria, ratings, notes, decisions (${engine})`, () => {
  let env, server, org, other, interview, invite, candidate, events;
  const criterion = (name) => interview.criteria.find((c) => c.name === name);
  const review = async () => {
    const res = await org.api.get(`/api/v1/invites/${invite.id}/review`);
    assert.equal(res.status, 200, String(res));
    return res.json;
  };
  const pipelineRow = async () => (await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`)).find((r) => r.id === invite.id);

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'review');
    other = await createOrg(env, server, 'review-other');
    interview = await createInterview(org, {
      questions: [{ text: 'Tell us about a hard bug', thinkSeconds: 10, answerSeconds: 60, retakes: 0 }],
      criteria: [{ name: 'Communication', description: 'Clear and structured' }, { name: 'Experience' }],
    });
    candidate = await createCandidate(org);
    invite = await createInvite(org, interview.id, candidate.id);
    const done = await recordAnswer(server, invite.token, await makeWebm(2), { finishSession: true });
    done.candidate.close();
    events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: org.token });
    await events.next('ready');
  }, SETUP);

  after(async () => {
    if (events) events.terminate();
    if (env) await env.cleanup();
  }, SETUP);

  it('an interview is created with its criteria, in order, with ids', T, async () => {
    assert.deepEqual(interview.criteria.map((c) => [c.name, c.description]), [['Communication', 'Clear and structured'], ['Experience', '']]);
    for (const c of interview.criteria) assert.ok(Number.isInteger(c.id) && c.id > 0, JSON.stringify(c));
    const read = await org.api.get(`/api/v1/interviews/${interview.id}`);
    assert.deepEqual(read.json.criteria, interview.criteria);
    assert.deepEqual((await org.api.get(`/api/v1/interviews/${interview.id}/criteria`)).json.items, interview.criteria);
  });

  it('bad criteria are refused with the field named', T, async () => {
    const base = { title: 'x', questions: [{ text: 'q' }] };
    assertError(await org.api.post('/api/v1/interviews', { ...base, criteria: [{ name: 'A' }, { name: 'a' }] }), 422, 'validation', 'criteria[1].name');
    assertError(await org.api.post('/api/v1/interviews', { ...base, criteria: Array.from({ length: 13 }, (_, i) => ({ name: `c${i}` })) }), 422, 'validation', 'criteria');
    assertError(await org.api.post('/api/v1/interviews', { ...base, criteria: [{ name: '' }] }), 422, 'validation', 'criteria[0].name');
    assertError(await org.api.put(`/api/v1/interviews/${interview.id}/criteria`, {}), 422, 'validation', 'criteria');
    assertError(await org.api.put(`/api/v1/interviews/${interview.id}/criteria`, { criteria: [{ id: 999999, name: 'Ghost' }] }), 422, 'validation', 'criteria[0].id');
  });

  it('the review of a finished candidate lists the answers to play, no ratings, no note, no decision', T, async () => {
    const r = await review();
    assert.equal(r.inviteId, invite.id);
    assert.deepEqual(r.interview, { id: interview.id, title: interview.title });
    assert.equal(r.candidate.id, candidate.id);
    assert.equal(r.answers.length, 1);
    assert.equal(r.answers[0].status, 'saved');
    assert.equal(r.answers[0].questionText, 'Tell us about a hard bug');
    assert.ok(r.answers[0].durationMs > 1000, JSON.stringify(r.answers[0]));
    assert.deepEqual(r.criteria.map((c) => [c.name, c.mine, c.average, c.ratings]), [['Communication', null, null, 0], ['Experience', null, null, 0]]);
    assert.equal(r.note, '');
    assert.equal(r.decision, null);
    assert.deepEqual(r.history, []);
  });

  it('ratings are saved per criterion, cleared with null, and bad scores are refused', T, async () => {
    const url = `/api/v1/invites/${invite.id}/review/ratings`;
    const comm = criterion('Communication').id, exp = criterion('Experience').id;
    let res = await org.api.put(url, { ratings: { [comm]: 4, [exp]: 2 } });
    assert.equal(res.status, 200, String(res));
    assert.deepEqual(res.json.criteria.map((c) => [c.mine, c.average, c.ratings]), [[4, 4, 1], [2, 2, 1]]);
    res = await org.api.put(url, { ratings: { [exp]: null } });
    assert.deepEqual(res.json.criteria.map((c) => c.mine), [4, null]);
    res = await org.api.put(url, { ratings: { [exp]: 5 } });
    assert.deepEqual((await review()).criteria.map((c) => c.mine), [4, 5]);
    assertError(await org.api.put(url, { ratings: { [comm]: 6 } }), 422, 'validation', `ratings.${comm}`);
    assertError(await org.api.put(url, { ratings: { [comm]: 2.5 } }), 422, 'validation', `ratings.${comm}`);
    assertError(await org.api.put(url, { ratings: { [comm]: '3' } }), 422, 'validation', `ratings.${comm}`);
    assertError(await org.api.put(url, { ratings: { 999999: 3 } }), 422, 'validation', 'ratings.999999');
    assertError(await org.api.put(url, { ratings: [3] }), 422, 'validation', 'ratings');
    assert.deepEqual((await review()).criteria.map((c) => c.mine), [4, 5], 'a refused request changed a rating');
  });

  it('a private note is kept for its author and emptied with ""', T, async () => {
    const url = `/api/v1/invites/${invite.id}/review/note`;
    let res = await org.api.put(url, { note: 'Strong on debugging.\nAsk about on-call.' });
    assert.equal(res.status, 200, String(res));
    assert.equal((await review()).note, 'Strong on debugging.\nAsk about on-call.');
    assertError(await org.api.put(url, { note: 'x'.repeat(10_001) }), 422, 'validation', 'note');
    res = await org.api.put(url, { note: '' });
    assert.equal(res.json.note, '');
    await org.api.put(url, { note: 'Kept' });
  });

  it('a decision records who and when; the latest one counts and the earlier ones stay as history', T, async () => {
    const url = `/api/v1/invites/${invite.id}/decision`;
    let res = await org.api.post(url, { decision: 'hold' });
    assert.equal(res.status, 200, String(res));
    res = await org.api.post(url, { decision: 'advance' });
    assert.equal(res.json.decision.value, 'advance');
    assert.equal(res.json.decision.by.name, org.name);
    assert.ok(Math.abs(Date.parse(res.json.decision.at) - Date.now()) < 60_000, res.json.decision.at);
    assert.deepEqual(res.json.history.map((d) => d.value), ['advance', 'hold']);
    assertError(await org.api.post(url, { decision: 'maybe' }), 422, 'validation', 'decision');
    assertError(await org.api.post(url, {}), 422, 'validation', 'decision');
    assert.equal((await review()).decision.value, 'advance');
  });

  it('recruiters following the organization are told when a review changes', T, async () => {
    await org.api.post(`/api/v1/invites/${invite.id}/decision`, { decision: 'advance' });
    const event = await events.next((m) => m.type === 'event' && m.event === 'review' && m.change === 'decision');
    assert.equal(event.inviteId, invite.id);
    assert.equal(event.interviewId, interview.id);
  });

  it('the pipeline list carries the scores, the decision and the answer lengths for the comparison table', T, async () => {
    const row = await pipelineRow();
    const comm = criterion('Communication').id, exp = criterion('Experience').id;
    assert.deepEqual(row.review.scores, { [comm]: 4, [exp]: 5 });
    assert.equal(row.review.score, 4.5);
    assert.equal(row.review.raters, 1);
    assert.equal(row.review.decision.value, 'advance');
    assert.equal(row.answers.count, 1);
    assert.ok(row.answers.durationMs > 1000, JSON.stringify(row.answers));
    // A candidate nobody reviewed yet.
    const fresh = await createInvite(org, interview.id, (await createCandidate(org)).id);
    const untouched = (await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`)).find((r) => r.id === fresh.id);
    assert.deepEqual(untouched.review, { score: null, scores: {}, raters: 0, decision: null });
    assert.deepEqual(untouched.answers, { count: 0, durationMs: 0 });
  });

  it('the review summaries of a page of 40 invites cost as many SQL statements as those of one', T, async () => {
    const crowded = await createInterview(org, { criteria: [{ name: 'A' }, { name: 'B' }] });
    const people = await org.api.post('/api/v1/invites/batch', {
      interviewId: crowded.id,
      candidates: Array.from({ length: 40 }, (_, i) => ({ name: `Person ${i}`, email: `person${i}.${crowded.id}@example.com` })),
    });
    assert.equal(people.status, 201, String(people));
    for (const row of people.json.items.slice(0, 10)) {
      await org.api.put(`/api/v1/invites/${row.id}/review/ratings`, { ratings: { [crowded.criteria[0].id]: 3, [crowded.criteria[1].id]: 4 } });
      await org.api.post(`/api/v1/invites/${row.id}/decision`, { decision: 'hold' });
    }
    const lonely = await createInterview(org, { criteria: [{ name: 'A' }] });
    const single = await createInvite(org, lonely.id, candidate.id);
    await org.api.post(`/api/v1/invites/${single.id}/decision`, { decision: 'reject' });
    const many = await sqlCost(server, org.api, `/api/v1/interviews/${crowded.id}/candidates?limit=200`);
    const one = await sqlCost(server, org.api, `/api/v1/interviews/${lonely.id}/candidates?limit=200`);
    assert.equal(many, one, `${one} statements for one invite, ${many} for 40`);
    const rows = await listAll(org.api, `/api/v1/interviews/${crowded.id}/candidates`);
    assert.equal(rows.filter((r) => r.review.decision && r.review.decision.value === 'hold' && r.review.score === 3.5).length, 10);
  });

  it('editing the criteria keeps the ratings of the criteria kept, hides the removed ones, adds new ones', T, async () => {
    const comm = criterion('Communication');
    const res = await org.api.put(`/api/v1/interviews/${interview.id}/criteria`, {
      criteria: [{ name: 'Problem solving' }, { id: comm.id, name: 'Clarity', description: comm.description }],
    });
    assert.equal(res.status, 200, String(res));
    assert.deepEqual(res.json.items.map((c) => c.name), ['Problem solving', 'Clarity']);
    assert.equal(res.json.items[1].id, comm.id);
    const r = await review();
    assert.deepEqual(r.criteria.map((c) => [c.name, c.mine]), [['Problem solving', null], ['Clarity', 4]]);
    const row = await pipelineRow();
    assert.deepEqual(row.review.scores, { [comm.id]: 4 });
    assert.equal(row.review.score, 4);
    interview = (await org.api.get(`/api/v1/interviews/${interview.id}`)).json;
  });

  it('another organization sees none of it and can change none of it', T, async () => {
    for (const res of [
      await other.api.get(`/api/v1/invites/${invite.id}/review`),
      await other.api.put(`/api/v1/invites/${invite.id}/review/ratings`, { ratings: {} }),
      await other.api.put(`/api/v1/invites/${invite.id}/review/note`, { note: 'x' }),
      await other.api.post(`/api/v1/invites/${invite.id}/decision`, { decision: 'reject' }),
      await other.api.get(`/api/v1/interviews/${interview.id}/criteria`),
      await other.api.put(`/api/v1/interviews/${interview.id}/criteria`, { criteria: [] }),
    ]) assertError(res, 404, 'not_found');
    const r = await review();
    assert.equal(r.decision.value, 'advance');
    assert.equal(r.note, 'Kept');
    assert.equal(r.criteria.length, 2);
  });

  it('an interview nobody started can be deleted with its criteria and the reviews of its invites', T, async () => {
    const unstarted = await createInterview(org, { criteria: [{ name: 'Fit' }] });
    const inv = await createInvite(org, unstarted.id, candidate.id);
    await org.api.put(`/api/v1/invites/${inv.id}/review/ratings`, { ratings: { [unstarted.criteria[0].id]: 3 } });
    await org.api.put(`/api/v1/invites/${inv.id}/review/note`, { note: 'n' });
    await org.api.post(`/api/v1/invites/${inv.id}/decision`, { decision: 'hold' });
    const res = await org.api.delete(`/api/v1/interviews/${unstarted.id}`);
    assert.equal(res.status, 204, String(res));
    assertError(await org.api.get(`/api/v1/invites/${inv.id}/review`), 404, 'not_found');
  });
});
