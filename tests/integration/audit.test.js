'use strict';
// The audit log (docs/api.md "Audit log"): views of recordings and CVs, changes, sign-ins and their failures and
// role changes are recorded with who, what, when and from where; administrators read them page by page and as
// CSV (the export is recorded too); nobody else reads them, and no entry holds a password or a person's name.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const {
  waitFor, createOrg, createInterview, createCandidate, createInvite, recordAnswer, makeWebm, makePdf, addMember, listAll, assertError,
} = require('./lib/fixtures');

const T = { timeout: 90_000 };

describe(`the audit log (${engine})`, () => {
  let env, server, org, other, ids;

  const entries = async (query = '') => listAll(org.api, `/api/v1/audit${query ? `?${query}` : ''}`);
  const find = (list, action, target) => list.find((e) => e.action === action && (target === undefined || e.target === target));

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'audit');
    other = await createOrg(env, server, 'audit-other');

    const interview = await createInterview(org, { criteria: [{ name: 'Communication' }] });
    const candidate = await createCandidate(org);
    const cv = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: makePdf('CV'), contentType: 'application/pdf' });
    assert.equal(cv.status, 200, String(cv));
    assert.equal((await org.api.get(`/api/v1/candidates/${candidate.id}/cv`)).status, 200);
    const invite = await createInvite(org, interview.id, candidate.id);
    const { answer } = await recordAnswer(server, invite.token, await makeWebm(2), { finishSession: true });
    // A player asks for the start, then for later ranges: one view.
    const recording = await waitFor(async () => {
      const res = await org.api.get(`/api/v1/answers/${answer}/recording`);
      return res.status === 200 ? res : null;
    }, { what: 'the joined recording' });
    assert.ok(recording.body.length > 1000);
    assert.equal((await org.api.get(`/api/v1/answers/${answer}/recording`, { headers: { range: 'bytes=1000-' } })).status, 206);
    const criterion = (await org.api.get(`/api/v1/interviews/${interview.id}/criteria`)).json.items[0].id;
    assert.equal((await org.api.put(`/api/v1/invites/${invite.id}/review/ratings`, { ratings: { [criterion]: 3 } })).status, 200);
    assert.equal((await org.api.post(`/api/v1/invites/${invite.id}/decision`, { decision: 'advance' })).status, 200);
    const member = await addMember(server, org, 'recruiter');
    assert.equal((await org.api.put(`/api/v1/users/${member.id}`, { role: 'reviewer' })).status, 200);
    // A wrong password for a real account, and a guess at an address nobody has.
    assert.equal((await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: 'wrong-password-42' })).status, 401);
    assert.equal((await new Api(server.url).post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'x' })).status, 401);
    ids = { interview: interview.id, candidate: candidate.id, invite: invite.id, answer, member: member.id };
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  it('records who did what to which object, when and from where', T, async () => {
    const me = (await org.api.get('/api/v1/me')).json.id;
    // Sign-ins and views of recordings are written after the reply: wait for the last of them.
    const list = await waitFor(async () => {
      const all = await entries();
      return find(all, 'signin.failed') && find(all, 'recording.view') ? all : null;
    }, { what: 'the sign-in failure and the recording view in the log' });
    const expected = [
      ['interview.create', `interview:${ids.interview}`], ['candidate.create', `candidate:${ids.candidate}`],
      ['cv.upload', `candidate:${ids.candidate}`], ['cv.view', `candidate:${ids.candidate}`], ['invite.create', `invite:${ids.invite}`],
      ['recording.view', `answer:${ids.answer}`], ['rating.change', `invite:${ids.invite}`], ['decision.advance', `invite:${ids.invite}`],
      ['user.invite', `user:${ids.member} role:recruiter`], ['user.role', `user:${ids.member} recruiter->reviewer`],
      ['signin', `user:${me} password`],
    ];
    for (const [action, target] of expected) {
      const entry = find(list, action, target);
      assert.ok(entry, `no ${action} ${target} in ${JSON.stringify(list.map((e) => `${e.action} ${e.target}`))}`);
      assert.deepEqual(entry.user, { id: me, name: org.name }, action);
      assert.match(entry.address, /127\.0\.0\.1$/, action);
      assert.ok(Math.abs(Date.parse(entry.at) - Date.now()) < 120_000, `${action} at ${entry.at}`);
    }
    assert.equal(list.filter((e) => e.action === 'recording.view').length, 1, 'a later range of the same playback is not another view');
    const failed = list.filter((e) => e.action === 'signin.failed');
    assert.deepEqual(failed.map((e) => [e.user, e.target]), [[null, `user:${me} password`]], 'one failure, against the real account only');
    const text = JSON.stringify(list);
    assert.ok(!text.includes('wrong-password-42'), 'no password in the log');
    assert.ok(!text.includes(org.email) && !text.includes('nobody@example.com'), 'no address in the log');
    assert.deepEqual(list.map((e) => e.id), [...list.map((e) => e.id)].sort((a, b) => b - a), 'newest first');
  });

  it('filters by action (exact or a family ending in ".", several with commas), member and period; bad filters name their parameter', T, async () => {
    assert.deepEqual((await entries('action=cv.view')).map((e) => e.action), ['cv.view']);
    assert.deepEqual([...new Set((await entries('action=user.')).map((e) => e.action))].sort(), ['user.invite', 'user.password_set', 'user.role']);
    assert.deepEqual([...new Set((await entries('action=cv.view,signin.')).map((e) => e.action))].sort(), ['cv.view', 'signin.failed'], 'several at once');
    const mine = await entries(`userId=${ids.member}`);
    assert.ok(mine.every((e) => e.user && e.user.id === ids.member), 'only the member\'s own entries');
    assert.deepEqual(await entries('from=2999-01-01'), []);
    assert.ok((await entries('to=2999-01-01')).length > 10);
    assertError(await org.api.get('/api/v1/audit?from=yesterday'), 400, 'bad_request', 'from');
    assertError(await org.api.get('/api/v1/audit?userId=-1'), 400, 'bad_request', 'userId');
  });

  it('exports as CSV, oldest first, and the export is an entry itself', T, async () => {
    const json = await entries('action=decision.');
    const res = await org.api.get('/api/v1/audit/export?action=decision.');
    assert.equal(res.status, 200, String(res));
    assert.match(res.headers.get('content-type'), /^text\/csv/);
    assert.match(res.headers.get('content-disposition'), /attachment; filename="intervox-audit.csv"/);
    const lines = res.text.trim().split('\r\n');
    assert.equal(lines[0], 'id,at,user_id,user,action,target,address');
    assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), json.map((e) => e.id).reverse());
    assert.ok(find(await entries('action=audit.export'), 'audit.export', 'action=decision.'));
  });

  it('only administrators read it, each their own organization\'s', T, async () => {
    const recruiter = await addMember(server, org, 'recruiter');
    assertError(await recruiter.api.get('/api/v1/audit'), 403, 'forbidden');
    assertError(await recruiter.api.get('/api/v1/audit/export'), 403, 'forbidden');
    const reviewer = await addMember(server, org, 'reviewer');
    assertError(await reviewer.api.get('/api/v1/audit'), 403, 'forbidden');
    const theirs = await listAll(other.api, '/api/v1/audit');
    assert.ok(theirs.every((e) => !e.target.includes(`interview:${ids.interview}`) && !(e.user && e.user.id === ids.member)));
    assert.deepEqual([...new Set(theirs.map((e) => e.action))].sort(), ['signin'], 'the other organization has only its own sign-in');
    const csv = (await other.api.get('/api/v1/audit/export')).text;
    assert.ok(!csv.includes(`interview:${ids.interview}`));
  });

  it('is append-only in the database itself: an UPDATE, DELETE (or TRUNCATE) of it fails whoever sends it', T, async () => {
    const count = async () => Number((await env.sql('SELECT COUNT(*) FROM audit_log')).trim());
    const before = await count();
    assert.ok(before > 0);
    const statements = ["UPDATE audit_log SET action = 'nothing.happened'", 'DELETE FROM audit_log'];
    if (engine === 'postgresql') statements.push('TRUNCATE audit_log');
    for (const statement of statements) {
      await assert.rejects(env.sql(statement), /append-only/, statement);
    }
    assert.equal(await count(), before);
    assert.equal(Number((await env.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'nothing.happened'")).trim()), 0);
    // The server still writes entries.
    assert.equal((await org.api.get('/api/v1/audit/export')).status, 200);
    assert.equal(await count(), before + 1, 'the export is logged');
  });
});
