'use strict';
// The team (docs/api.md, "Team"): an admin invites colleagues with a role, each sets a password through a
// one-time setup link, and the server enforces what each role may do. A reviewer sees the interviews assigned to
// them and nothing else — lists, single rows, recordings, CVs, live events — exactly as if the rest did not exist.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { Client } = require('./lib/ws');
const {
  createOrg, createInterview, createCandidate, createInvite, listAll, recordAnswer, makeWebm, makePdf, assertError, unique,
  addMember, setupTokenOf,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 120_000 };

const tokenOf = setupTokenOf;
const password = () => `pw-${crypto.randomBytes(9).toString('hex')}`;

describe(`team members and setup links (${engine})`, () => {
  let env, server, admin, other;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    admin = await createOrg(env, server, 'team');
    other = await createOrg(env, server, 'team-other');
  }, SETUP);
  after(async () => { if (env) await env.cleanup(); }, SETUP);

  it('an invited colleague sets a password through the link, once, and is signed in with their role', T, async () => {
    const email = `${unique('reviewer')}@Example.com`;
    const invited = await admin.api.post('/api/v1/users', { email, name: 'Rita Reviewer', role: 'reviewer' });
    assert.equal(invited.status, 201, String(invited));
    assert.equal(invited.json.email, email.toLowerCase());
    assert.equal(invited.json.role, 'reviewer');
    assert.equal(invited.json.status, 'invited');
    assert.match(invited.json.setupLink.url, /\/setup#[A-Za-z0-9_-]{43}$/);
    assert.ok(Date.parse(invited.json.setupLink.expiresAt) > Date.now() + 6 * 24 * 3600 * 1000);
    const token = tokenOf(invited.json.setupLink);
    const anonymous = new Api(server.url);

    // Before the link is used nothing signs in, whatever the password.
    assertError(await anonymous.post('/api/v1/auth/login', { email, password: '' }), 422, 'validation', 'password');
    assertError(await anonymous.post('/api/v1/auth/login', { email, password: 'anything at all' }), 401, 'unauthorized');

    const check = await anonymous.post('/api/v1/auth/setup/check', { token });
    assert.equal(check.status, 200, String(check));
    assert.deepEqual(check.json, { email: email.toLowerCase(), name: 'Rita Reviewer', organization: admin.organization, reset: false });

    assertError(await anonymous.post('/api/v1/auth/setup', { token, password: 'short' }), 422, 'validation', 'password');
    assertError(await anonymous.post('/api/v1/auth/setup', { token, password: email.toUpperCase() }), 422, 'validation', 'password');
    const secret = password();
    const set = await anonymous.post('/api/v1/auth/setup', { token, password: secret });
    assert.equal(set.status, 200, String(set));
    assert.equal(set.headers.get('cache-control'), 'no-store');
    assert.equal(set.json.user.role, 'reviewer');
    const me = await new Api(server.url, set.json.accessToken).get('/api/v1/me');
    assert.equal(me.json.email, email.toLowerCase());
    assert.equal(me.json.organization.name, admin.organization);

    assertError(await anonymous.post('/api/v1/auth/setup', { token, password: password() }), 404, 'not_found');
    assertError(await anonymous.post('/api/v1/auth/setup/check', { token }), 404, 'not_found');
    assertError(await anonymous.post('/api/v1/auth/setup/check', { token: 'A'.repeat(43) }), 404, 'not_found');
    const login = await anonymous.post('/api/v1/auth/login', { email, password: secret });
    assert.equal(login.status, 200, String(login));

    const listed = (await listAll(admin.api, '/api/v1/users')).find((u) => u.id === invited.json.id);
    assert.equal(listed.status, 'active');
    assert.equal(listed.setupLinkExpiresAt, null);
  });

  it('the setup page is served without the token ever reaching the server, under the page policy', T, async () => {
    const page = await new Api(server.url).get('/setup');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type'), /text\/html/);
    assert.match(page.headers.get('content-security-policy'), /default-src 'self'/);
    assert.match(page.text, /src="\/a\/setup.js"/);
    const script = await new Api(server.url).get('/a/setup.js');
    assert.equal(script.status, 200);
    assert.match(script.text, /history\.replaceState/);
    assert.equal((await new Api(server.url).get('/a/setup.html')).status, 404, 'only the scripts and styles are served from /a/');
  });

  it('bad invitations are refused with the field named; an address that exists is a conflict', T, async () => {
    assertError(await admin.api.post('/api/v1/users', { email: 'x@example.com', name: 'X', role: 'owner' }), 422, 'validation', 'role');
    assertError(await admin.api.post('/api/v1/users', { email: 'not an address', name: 'X', role: 'reviewer' }), 422, 'validation', 'email');
    assertError(await admin.api.post('/api/v1/users', { email: 'x@example.com', name: '', role: 'reviewer' }), 422, 'validation', 'name');
    assertError(await admin.api.post('/api/v1/users', { email: other.email, name: 'X', role: 'reviewer' }), 409, 'conflict');
  });

  it('only admins manage the team; recruiters see it, reviewers do not', T, async () => {
    const recruiter = await addMember(server, admin, 'recruiter');
    const reviewer = await addMember(server, admin, 'reviewer');
    assertError(await recruiter.api.post('/api/v1/users', { email: `${unique('x')}@example.com`, name: 'X', role: 'admin' }), 403, 'forbidden');
    assertError(await recruiter.api.put(`/api/v1/users/${reviewer.id}`, { role: 'admin' }), 403, 'forbidden');
    assertError(await recruiter.api.delete(`/api/v1/users/${reviewer.id}`), 403, 'forbidden');
    const seen = await listAll(recruiter.api, '/api/v1/users');
    assert.ok(seen.some((u) => u.id === reviewer.id) && seen.some((u) => u.email === admin.email));
    assert.ok(!seen.some((u) => u.email === other.email), 'another organization\'s admin is listed');
    assertError(await reviewer.api.get('/api/v1/users'), 403, 'forbidden');
    assertError(await reviewer.api.get(`/api/v1/users/${recruiter.id}`), 403, 'forbidden');
    assert.equal((await reviewer.api.get(`/api/v1/users/${reviewer.id}`)).status, 200);
    assertError(await reviewer.api.post('/api/v1/users', { email: `${unique('x')}@example.com`, name: 'X', role: 'admin' }), 403, 'forbidden');
    // Another organization's admin finds none of these members.
    assertError(await other.api.get(`/api/v1/users/${reviewer.id}`), 404, 'not_found');
    assertError(await other.api.put(`/api/v1/users/${reviewer.id}`, { role: 'admin' }), 404, 'not_found');
    assertError(await other.api.delete(`/api/v1/users/${reviewer.id}`), 404, 'not_found');
    assertError(await other.api.post(`/api/v1/users/${reviewer.id}/setup-link`), 404, 'not_found');
  });

  it('an admin cannot change or disable their own account', T, async () => {
    const me = (await admin.api.get('/api/v1/me')).json;
    assertError(await admin.api.put(`/api/v1/users/${me.id}`, { role: 'reviewer' }), 403, 'forbidden');
    assertError(await admin.api.delete(`/api/v1/users/${me.id}`), 403, 'forbidden');
  });

  it('another role signs the member out everywhere (API and live events); they sign in again with the new role', T, async () => {
    const member = await addMember(server, admin, 'reviewer');
    const events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: member.token });
    await events.next('ready');
    const changed = await admin.api.put(`/api/v1/users/${member.id}`, { role: 'recruiter' });
    assert.equal(changed.status, 200, String(changed));
    assert.equal(changed.json.role, 'recruiter');
    const closed = await events.waitClosed();
    assert.equal(closed.code, 4401);
    assertError(await member.api.get('/api/v1/me'), 401, 'unauthorized');
    const again = await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: member.password });
    assert.equal(again.json.user.role, 'recruiter');
  });

  it('a password is refused when it is common, repetitive, or made of the address or the product name, and says why', T, async () => {
    const email = `${unique('pat')}@example.com`;
    const invited = await admin.api.post('/api/v1/users', { name: 'Pat Policy', email, role: 'recruiter' });
    assert.equal(invited.status, 201, String(invited));
    const token = tokenOf(invited.json.setupLink);
    const anonymous = new Api(server.url);
    for (const [candidate, why] of [
      ['qwertyuiop', /most common passwords/], ['1q2w3e4r5t', /most common passwords/], ['PassWord123', /most common passwords/],
      ['aaaaabbbbbaaaaa', /too repetitive/], ['my intervox login', /product's name/],
      [`${email.split('@')[0]}-2026!`, /email address/], ['x'.repeat(9), /10 to 1024/], ['y'.repeat(1025), /10 to 1024/],
    ]) {
      const res = await anonymous.post('/api/v1/auth/setup', { token, password: candidate });
      assertError(res, 422, 'validation', 'password');
      assert.match(res.json.error.message, why, candidate.slice(0, 20));
    }
    // The link still works after refusals, and an ordinary passphrase is taken.
    const set = await anonymous.post('/api/v1/auth/setup', { token, password: 'violet tractor lantern' });
    assert.equal(set.status, 200, String(set));
  });

  it('signing out everywhere ends every session of a member, by themself or by an administrator', T, async () => {
    const member = await addMember(server, admin, 'reviewer');
    const second = await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: member.password });
    assert.equal(second.status, 200, String(second));
    const elsewhere = new Api(server.url, second.json.accessToken);
    const events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: second.json.accessToken });
    await events.next('ready');
    // Nobody else's sessions: not another member's (a reviewer), not across organizations, not the owner's.
    const colleague = await addMember(server, admin, 'recruiter');
    assertError(await member.api.post(`/api/v1/users/${colleague.id}/signout`), 403, 'forbidden');
    assertError(await other.api.post(`/api/v1/users/${member.id}/signout`), 404, 'not_found');
    const owner = (await admin.api.get('/api/v1/me')).json;
    assert.equal(owner.role, 'owner');
    assertError(await colleague.api.post(`/api/v1/users/${owner.id}/signout`), 403, 'forbidden');
    assert.equal((await elsewhere.get('/api/v1/me')).status, 200, 'refused calls changed nothing');

    assert.equal((await member.api.post(`/api/v1/users/${member.id}/signout`)).status, 204);
    assertError(await member.api.get('/api/v1/me'), 401, 'unauthorized');
    assertError(await elsewhere.get('/api/v1/me'), 401, 'unauthorized');
    assert.equal((await events.waitClosed()).code, 4401, 'the live events of the other session end too');
    // They sign in again; an administrator can end that too.
    const again = await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: member.password });
    const back = new Api(server.url, again.json.accessToken);
    assert.equal((await admin.api.post(`/api/v1/users/${member.id}/signout`)).status, 204);
    assertError(await back.get('/api/v1/me'), 401, 'unauthorized');
    const log = await listAll(admin.api, '/api/v1/audit?action=user.signout_everywhere');
    assert.deepEqual(log.map((e) => e.target), [`user:${member.id}`, `user:${member.id}`]);
  });

  it('a disabled member is signed out and can neither sign in nor use a setup link; their history stays', T, async () => {
    const member = await addMember(server, admin, 'recruiter');
    const link = await admin.api.post(`/api/v1/users/${member.id}/setup-link`);
    assert.equal(link.status, 200, String(link));
    assert.equal((await admin.api.delete(`/api/v1/users/${member.id}`)).status, 204);
    assertError(await member.api.get('/api/v1/me'), 401, 'unauthorized');
    assertError(await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: member.password }), 401, 'unauthorized');
    assertError(await new Api(server.url).post('/api/v1/auth/setup', { token: tokenOf(link.json), password: password() }), 404, 'not_found');
    assertError(await admin.api.post(`/api/v1/users/${member.id}/setup-link`), 409, 'conflict');
    const row = (await admin.api.get(`/api/v1/users/${member.id}`)).json;
    assert.equal(row.status, 'disabled');
    assert.equal((await admin.api.delete(`/api/v1/users/${member.id}`)).status, 204, 'disabling twice is harmless');
  });

  it('a new setup link resets a forgotten password: the old one works until the link is used, then no session of it remains', T, async () => {
    const member = await addMember(server, admin, 'recruiter');
    const link = await admin.api.post(`/api/v1/users/${member.id}/setup-link`);
    const check = await new Api(server.url).post('/api/v1/auth/setup/check', { token: tokenOf(link.json) });
    assert.equal(check.json.reset, true);
    assert.equal((await member.api.get('/api/v1/me')).status, 200, 'the link alone changes nothing');
    const secret = password();
    assert.equal((await new Api(server.url).post('/api/v1/auth/setup', { token: tokenOf(link.json), password: secret })).status, 200);
    assertError(await member.api.get('/api/v1/me'), 401, 'unauthorized');
    assertError(await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: member.password }), 401, 'unauthorized');
    assert.equal((await new Api(server.url).post('/api/v1/auth/login', { email: member.email, password: secret })).status, 200);
  });
});

describe(`a reviewer sees only the interviews assigned to them (${engine})`, () => {
  let env, server, admin, other, reviewer, recruiter, otherReviewer;
  const mine = {}, hidden = {};

  /** An interview with a candidate (with CV) who answered one question; ids of everything a reviewer could ask for. */
  async function interviewWithAnswer(org, title) {
    const interview = await createInterview(org, { title, criteria: [{ name: 'Clarity' }] });
    const candidate = await createCandidate(org);
    const pdf = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, {
      body: makePdf(), headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(pdf.status, 200, String(pdf));
    const invite = await createInvite(org, interview.id, candidate.id);
    const done = await recordAnswer(server, invite.token, await makeWebm(1), { finishSession: true });
    done.candidate.close();
    const session = (await org.api.get(`/api/v1/sessions?interviewId=${interview.id}`)).json.items[0];
    return { interview, candidate, invite, session, answer: done.answer, criterion: interview.criteria[0].id };
  }

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    admin = await createOrg(env, server, 'scope');
    other = await createOrg(env, server, 'scope-other');
    reviewer = await addMember(server, admin, 'reviewer');
    otherReviewer = await addMember(server, admin, 'reviewer');
    recruiter = await addMember(server, admin, 'recruiter');
    Object.assign(mine, await interviewWithAnswer(admin, 'Assigned'));
    Object.assign(hidden, await interviewWithAnswer(admin, 'Not assigned'));
  }, SETUP);
  after(async () => { if (env) await env.cleanup(); }, SETUP);

  /** Every read a reviewer might try on one interview's rows, with the status it must get. */
  async function reads(api, x) {
    const get = async (path) => (await api.get(path, { timeout: 45_000 })).status;
    return {
      interview: await get(`/api/v1/interviews/${x.interview.id}`),
      criteria: await get(`/api/v1/interviews/${x.interview.id}/criteria`),
      pipeline: await get(`/api/v1/interviews/${x.interview.id}/candidates`),
      candidate: await get(`/api/v1/candidates/${x.candidate.id}`),
      cv: await get(`/api/v1/candidates/${x.candidate.id}/cv`),
      review: await get(`/api/v1/invites/${x.invite.id}/review`),
      session: await get(`/api/v1/sessions/${x.session.id}`),
      answer: await get(`/api/v1/answers/${x.answer}`),
      recording: await get(`/api/v1/answers/${x.answer}/recording`),
      segment: await get(`/api/v1/answers/${x.answer}/segments/0`),
      rate: (await api.put(`/api/v1/invites/${x.invite.id}/review/ratings`, { ratings: { [x.criterion]: 4 } })).status,
      note: (await api.put(`/api/v1/invites/${x.invite.id}/review/note`, { note: 'seen' })).status,
    };
  }
  const all = (status) => ({ interview: status, criteria: status, pipeline: status, candidate: status, cv: status, review: status,
                             session: status, answer: status, recording: status, segment: status, rate: status, note: status });
  const ids = (items) => items.map((x) => x.id).sort((a, b) => a - b);

  it('without an assignment a reviewer sees nothing at all; a recruiter sees everything', T, async () => {
    assert.deepEqual(await listAll(reviewer.api, '/api/v1/interviews'), []);
    assert.deepEqual(await listAll(reviewer.api, '/api/v1/candidates'), []);
    assert.deepEqual(await listAll(reviewer.api, '/api/v1/invites'), []);
    assert.deepEqual(await listAll(reviewer.api, '/api/v1/sessions'), []);
    assert.deepEqual(await reads(reviewer.api, mine), all(404));
    assert.deepEqual(await reads(recruiter.api, hidden), all(200));
  });

  it('reviewers are assigned by admins and recruiters; only active reviewers of the organization can be', T, async () => {
    const me = (await admin.api.get('/api/v1/me')).json;
    const path = `/api/v1/interviews/${mine.interview.id}/reviewers`;
    assertError(await admin.api.put(path, { userIds: [me.id] }), 422, 'validation', 'userIds[0]');
    assertError(await admin.api.put(path, { userIds: [recruiter.id] }), 422, 'validation', 'userIds[0]');
    assertError(await admin.api.put(path, { userIds: [reviewer.id, 99999999] }), 422, 'validation', 'userIds[1]');
    assertError(await admin.api.put(path, { userIds: ['1'] }), 422, 'validation', 'userIds[0]');
    assertError(await admin.api.put(path, {}), 422, 'validation', 'userIds');
    assertError(await other.api.put(path, { userIds: [] }), 404, 'not_found');
    assertError(await reviewer.api.put(path, { userIds: [reviewer.id] }), 403, 'forbidden');
    assertError(await reviewer.api.get(path), 403, 'forbidden');
    const set = await recruiter.api.put(path, { userIds: [reviewer.id] });
    assert.equal(set.status, 200, String(set));
    assert.deepEqual(set.json.userIds, [reviewer.id]);
    assert.deepEqual((await admin.api.get(path)).json.userIds, [reviewer.id]);
    const listed = (await listAll(admin.api, '/api/v1/users')).find((u) => u.id === reviewer.id);
    assert.deepEqual(listed.interviews, [{ id: mine.interview.id }]);
  });

  it('an assigned reviewer reads, rates and notes that interview, and finds no trace of the other one', T, async () => {
    assert.deepEqual(await reads(reviewer.api, mine), all(200));
    assert.deepEqual(await reads(reviewer.api, hidden), all(404));
    assert.deepEqual(ids(await listAll(reviewer.api, '/api/v1/interviews')), [mine.interview.id]);
    assert.deepEqual(ids(await listAll(reviewer.api, '/api/v1/candidates')), [mine.candidate.id]);
    assert.deepEqual(ids(await listAll(reviewer.api, '/api/v1/invites')), [mine.invite.id]);
    assert.deepEqual(ids(await listAll(reviewer.api, `/api/v1/invites?interviewId=${hidden.interview.id}`)), []);
    assert.deepEqual(ids(await listAll(reviewer.api, '/api/v1/sessions')), [mine.session.id]);
    assertError(await reviewer.api.get('/api/v1/jobs'), 403, 'forbidden');
    // Still read-only for everything but their own ratings and notes.
    assertError(await reviewer.api.post(`/api/v1/invites/${mine.invite.id}/decision`, { decision: 'advance' }), 403, 'forbidden');
    assertError(await reviewer.api.post(`/api/v1/invites/${mine.invite.id}/revoke`), 403, 'forbidden');
    // Another reviewer of the same organization, not assigned, still sees nothing.
    assert.deepEqual(await listAll(otherReviewer.api, '/api/v1/interviews'), []);
  });

  it('live events reach a reviewer for assigned interviews only, and follow assignments as they change', T, async () => {
    const stream = await Client.open(`${server.wsUrl}/api/v1/events`);
    try {
      stream.send({ type: 'auth', token: reviewer.token });
      await stream.next('ready');
      const rate = (x, score) => admin.api.put(`/api/v1/invites/${x.invite.id}/review/ratings`, { ratings: { [x.criterion]: score } });
      const nextEvent = () => stream.next((m) => m.type === 'event', 10_000);

      assert.equal((await rate(hidden, 1)).status, 200);
      assert.equal((await rate(mine, 2)).status, 200);
      // Events come in order: had the hidden interview's event reached the reviewer, it would come first.
      let e = await nextEvent();
      assert.deepEqual([e.event, e.interviewId], ['review', mine.interview.id]);

      // Assigned to the second interview: told so, then its events arrive.
      assert.equal((await admin.api.put(`/api/v1/interviews/${hidden.interview.id}/reviewers`, { userIds: [reviewer.id] })).status, 200);
      e = await nextEvent();
      assert.deepEqual([e.event, e.interviewId, e.userIds], ['reviewers', hidden.interview.id, [reviewer.id]]);
      assert.equal((await rate(hidden, 3)).status, 200);
      e = await nextEvent();
      assert.deepEqual([e.event, e.interviewId], ['review', hidden.interview.id]);

      // Removed from the first: told so, and its events stop.
      assert.equal((await admin.api.put(`/api/v1/interviews/${mine.interview.id}/reviewers`, { userIds: [] })).status, 200);
      e = await nextEvent();
      assert.deepEqual([e.event, e.interviewId, e.userIds], ['reviewers', mine.interview.id, []]);
      assert.equal((await rate(mine, 4)).status, 200);
      assert.equal((await rate(hidden, 5)).status, 200);
      e = await nextEvent();
      assert.deepEqual([e.event, e.interviewId], ['review', hidden.interview.id]);
      assert.deepEqual(await reads(reviewer.api, mine), all(404));
    } finally {
      stream.terminate();
      await admin.api.put(`/api/v1/interviews/${mine.interview.id}/reviewers`, { userIds: [reviewer.id] });
    }
  });

  it('a disabled reviewer loses their assignments', T, async () => {
    const member = await addMember(server, admin, 'reviewer');
    assert.equal((await admin.api.put(`/api/v1/interviews/${mine.interview.id}/reviewers`, { userIds: [reviewer.id, member.id] })).status, 200);
    assert.equal((await admin.api.delete(`/api/v1/users/${member.id}`)).status, 204);
    assert.deepEqual((await admin.api.get(`/api/v1/interviews/${mine.interview.id}/reviewers`)).json.userIds, [reviewer.id]);
    assertError(await admin.api.put(`/api/v1/interviews/${mine.interview.id}/reviewers`, { userIds: [member.id] }), 422, 'validation', 'userIds[0]');
  });
});
