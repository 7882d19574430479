'use strict';
// Every route of the server (`intervoxd routes`, the server's own table) called by two people who must not see
// one organization's data: the administrator of another organization, and a reviewer of the same organization
// who is assigned to none of its interviews. A route that names the organization's objects answers 403 or 404;
// a route that does not (lists, the caller's own account, public pages) answers with nothing of it; and nothing
// of it changes. A route the table below does not know fails the test, so a new route cannot skip this check.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, BINARY, engine, run } = require('./lib/server');
const {
  unique, waitFor, createOrg, createInterview, createCandidate, createInvite, recordAnswer, makeWebm, makePdf, addMember, listAll,
} = require('./lib/fixtures');

const T = { timeout: 120_000 };
const REFUSED = [403, 404];
// An id the body names (not the path): "no such id in your organization" is a refusal too.
const REFUSED_IN_BODY = [403, 404, 422];

// How each route is called. `object`: the path names one of the organization's objects (ids of the victim);
// `own`: the route is about the caller or their own organization; `public`: no sign-in needed, and no
// organization's data in the answer; `elsewhere`: tested by its own suite, named here.
// `call(v)` gives [method, path, json body] with `v` the victim's ids; `last` routes end the caller's sign-in.
const ROUTES = {
  'POST /api/v1/auth/login': { kind: 'public', call: () => ['POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: 'x' }] },
  'POST /api/v1/auth/logout': { kind: 'own', last: true, call: () => ['POST', '/api/v1/auth/logout'] },
  'GET /api/v1/me': { kind: 'own', call: () => ['GET', '/api/v1/me'] },
  'GET /api/v1/interviews': { kind: 'own', call: () => ['GET', '/api/v1/interviews?limit=200'] },
  'POST /api/v1/interviews': { kind: 'own', call: () => ['POST', '/api/v1/interviews', { title: 'Mine', language: 'en', questions: [{ text: 'Mine?', thinkSeconds: 5, answerSeconds: 30 }] }] },
  'GET /api/v1/interviews/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/interviews/${v.interview}`] },
  'PUT /api/v1/interviews/{id}': { kind: 'object', call: (v) => ['PUT', `/api/v1/interviews/${v.interview}`, { title: 'Taken', language: 'en', questions: [{ text: 'Taken?', thinkSeconds: 5, answerSeconds: 30 }] }] },
  'DELETE /api/v1/interviews/{id}': { kind: 'object', call: (v) => ['DELETE', `/api/v1/interviews/${v.interview}`] },
  'POST /api/v1/interviews/{id}/preview': { kind: 'object', call: (v) => ['POST', `/api/v1/interviews/${v.interview}/preview`] },
  'GET /api/v1/candidates': { kind: 'own', call: () => ['GET', '/api/v1/candidates?limit=200'] },
  'POST /api/v1/candidates': { kind: 'own', call: () => ['POST', '/api/v1/candidates', { name: 'Mine', email: 'mine@example.com' }] },
  'GET /api/v1/candidates/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/candidates/${v.candidate}`] },
  'POST /api/v1/candidates/{id}/export': { kind: 'object', call: (v) => ['POST', `/api/v1/candidates/${v.candidate}/export`] },
  'GET /api/v1/exports/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/exports/${v.export}`] },
  'DELETE /api/v1/candidates/{id}': { kind: 'object', call: (v) => ['DELETE', `/api/v1/candidates/${v.candidate}`] },
  'PUT /api/v1/candidates/{id}/cv': { kind: 'object', call: (v) => ['PUT', `/api/v1/candidates/${v.candidate}/cv`], pdf: true },
  'GET /api/v1/candidates/{id}/cv': { kind: 'object', call: (v) => ['GET', `/api/v1/candidates/${v.candidate}/cv`] },
  'POST /api/v1/invites': { kind: 'object', refused: REFUSED_IN_BODY, call: (v) => ['POST', '/api/v1/invites', { interviewId: v.interview, candidateId: v.candidate }] },
  'POST /api/v1/invites/batch': { kind: 'object', refused: REFUSED_IN_BODY, call: (v) => ['POST', '/api/v1/invites/batch', { interviewId: v.interview, candidates: [{ name: 'Intruder', email: 'intruder@example.com' }] }] },
  'GET /api/v1/invites': { kind: 'own', call: (v) => ['GET', `/api/v1/invites?interviewId=${v.interview}`] },
  'PUT /api/v1/invites/{id}': { kind: 'object', call: (v) => ['PUT', `/api/v1/invites/${v.invite}`, { extraTimePercent: 200 }] },
  'POST /api/v1/invites/{id}/revoke': { kind: 'object', call: (v) => ['POST', `/api/v1/invites/${v.invite}/revoke`] },
  'GET /api/v1/sessions': { kind: 'own', call: (v) => ['GET', `/api/v1/sessions?interviewId=${v.interview}`] },
  'GET /api/v1/sessions/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/sessions/${v.session}`] },
  'GET /api/v1/answers/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/answers/${v.answer}`] },
  'GET /api/v1/answers/{id}/recording': { kind: 'object', call: (v) => ['GET', `/api/v1/answers/${v.answer}/recording`] },
  'GET /api/v1/answers/{id}/segments/{n}': { kind: 'object', call: (v) => ['GET', `/api/v1/answers/${v.answer}/segments/0`] },
  'GET /api/v1/jobs': { kind: 'own', call: () => ['GET', '/api/v1/jobs?limit=200'] },
  'GET /api/v1/jobs/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/jobs/${v.job}`] },
  'GET /api/v1/interviews/{id}/candidates': { kind: 'object', call: (v) => ['GET', `/api/v1/interviews/${v.interview}/candidates`] },
  'GET /api/v1/interviews/{id}/criteria': { kind: 'object', call: (v) => ['GET', `/api/v1/interviews/${v.interview}/criteria`] },
  'PUT /api/v1/interviews/{id}/criteria': { kind: 'object', call: (v) => ['PUT', `/api/v1/interviews/${v.interview}/criteria`, { criteria: [{ name: 'Taken' }] }] },
  'GET /api/v1/invites/{id}/review': { kind: 'object', call: (v) => ['GET', `/api/v1/invites/${v.invite}/review`] },
  'PUT /api/v1/invites/{id}/review/ratings': { kind: 'object', call: (v) => ['PUT', `/api/v1/invites/${v.invite}/review/ratings`, { ratings: { [v.criterion]: 1 } }] },
  'PUT /api/v1/invites/{id}/review/note': { kind: 'object', call: (v) => ['PUT', `/api/v1/invites/${v.invite}/review/note`, { note: 'taken' }] },
  'POST /api/v1/invites/{id}/decision': { kind: 'object', call: (v) => ['POST', `/api/v1/invites/${v.invite}/decision`, { decision: 'reject' }] },
  'GET /api/v1/users': { kind: 'own', call: () => ['GET', '/api/v1/users?limit=200'] },
  'POST /api/v1/users': { kind: 'own', call: () => ['POST', '/api/v1/users', { email: `${unique('mine')}@example.com`, name: 'Mine', role: 'reviewer' }] },
  'GET /api/v1/users/{id}': { kind: 'object', call: (v) => ['GET', `/api/v1/users/${v.member}`] },
  'PUT /api/v1/users/{id}': { kind: 'object', call: (v) => ['PUT', `/api/v1/users/${v.member}`, { role: 'reviewer' }] },
  'DELETE /api/v1/users/{id}': { kind: 'object', call: (v) => ['DELETE', `/api/v1/users/${v.member}`] },
  'POST /api/v1/users/{id}/signout': { kind: 'object', call: (v) => ['POST', `/api/v1/users/${v.member}/signout`] },
  'POST /api/v1/users/{id}/setup-link': { kind: 'object', call: (v) => ['POST', `/api/v1/users/${v.member}/setup-link`] },
  // The audit log names objects by id only, so no marker could show a leak here: audit.test.js checks that another
  // organization's administrator sees none of its entries.
  'GET /api/v1/retention': { kind: 'own', call: () => ['GET', '/api/v1/retention'] },
  'PUT /api/v1/retention': { kind: 'own', call: () => ['PUT', '/api/v1/retention', { recordingsDays: 1, candidateDays: 1 }] },
  'GET /api/v1/retention/due': { kind: 'own', call: () => ['GET', '/api/v1/retention/due'] },
  'POST /api/v1/retention/run': { kind: 'own', call: () => ['POST', '/api/v1/retention/run'] },
  'PUT /api/v1/interviews/{id}/retention': { kind: 'object', call: (v) => ['PUT', `/api/v1/interviews/${v.interview}/retention`, { recordingsDays: 1, candidateDays: 1 }] },
  'GET /api/v1/audit': { kind: 'own', call: () => ['GET', '/api/v1/audit?limit=200'] },
  'GET /api/v1/audit/export': { kind: 'own', call: () => ['GET', '/api/v1/audit/export'] },
  'POST /api/v1/auth/setup/check': { kind: 'public', call: () => ['POST', '/api/v1/auth/setup/check', { token: 'not-a-setup-token' }] },
  'POST /api/v1/auth/setup': { kind: 'public', call: () => ['POST', '/api/v1/auth/setup', { token: 'not-a-setup-token', password: 'long enough password' }] },
  'GET /api/v1/interviews/{id}/reviewers': { kind: 'object', call: (v) => ['GET', `/api/v1/interviews/${v.interview}/reviewers`] },
  'PUT /api/v1/interviews/{id}/reviewers': { kind: 'object', call: (v) => ['PUT', `/api/v1/interviews/${v.interview}/reviewers`, { userIds: [v.reviewer] }] },
  'GET /oauth/authorize': { kind: 'public', call: () => ['GET', '/oauth/authorize?response_type=code&client_id=intervox-desktop'] },
  'GET /api/v1/oauth/server': { kind: 'public', call: () => ['GET', '/api/v1/oauth/server'] },
  'POST /api/v1/oauth/authorize': { kind: 'public', call: () => ['POST', '/api/v1/oauth/authorize', { email: 'nobody@example.com', password: 'x' }] },
  'POST /api/v1/oauth/deny': { kind: 'public', call: () => ['POST', '/api/v1/oauth/deny', {}] },
  'POST /oauth/token': { kind: 'public', call: () => ['POST', '/oauth/token', { grant_type: 'refresh_token', refresh_token: 'x' }] },
  'POST /oauth/revoke': { kind: 'public', call: () => ['POST', '/oauth/revoke', { token: 'x' }] },
  'GET /healthz': { kind: 'public', call: () => ['GET', '/healthz'] },
  'GET /readyz': { kind: 'public', call: () => ['GET', '/readyz'] },
  'GET /metrics': { kind: 'public', call: () => ['GET', '/metrics'] },
  'GET /i/*': { kind: 'public', call: () => ['GET', '/i/not-an-invite'] },
  'GET /c/*': { kind: 'public', call: () => ['GET', '/c/app.js'] },
  'GET /setup': { kind: 'public', call: () => ['GET', '/setup'] },
  'GET /a/*': { kind: 'public', call: () => ['GET', '/a/setup.js'] },
  'GET /': { kind: 'public', call: () => ['GET', '/'] },
  'WS /ws/session': { kind: 'elsewhere', suite: 'protocol.test.js: a session opens only with its own invite token' },
  'WS /api/v1/events': { kind: 'elsewhere', suite: "events.test.js: an organization never sees another's events; team.test.js: nor a reviewer those of unassigned interviews" },
};

async function routeTable() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intervox-routes-'));
  try {
    const { stdout } = await run(BINARY, ['routes', '--data', dir, '--listen', '127.0.0.1:0']);
    return stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe(`every route, as another organization and as an unassigned reviewer (${engine})`, () => {
  let env, server, victim, v, markers, routes;

  before(async () => {
    routes = await routeTable();
    env = await Environment.create();
    server = await env.start();
    victim = await createOrg(env, server, 'victim');
    const mark = unique('secret');
    const interview = await createInterview(victim, { title: `Interview ${mark}`, criteria: [{ name: `Criterion ${mark}` }] });
    const candidate = await createCandidate(victim, { name: `Candidate ${mark}`, email: `${mark}@example.com` });
    const cv = await victim.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: makePdf(`CV ${mark}`), contentType: 'application/pdf' });
    assert.equal(cv.status, 200, String(cv));
    const invite = await createInvite(victim, interview.id, candidate.id);
    const { answer } = await recordAnswer(server, invite.token, await makeWebm(1), { finishSession: true });
    const session = (await victim.api.get(`/api/v1/answers/${answer}`)).json.sessionId;
    const criterion = (await victim.api.get(`/api/v1/interviews/${interview.id}/criteria`)).json.items[0].id;
    for (const [route, body] of [['ratings', { ratings: { [criterion]: 4 } }], ['note', { note: `Note ${mark}` }]]) {
      assert.equal((await victim.api.put(`/api/v1/invites/${invite.id}/review/${route}`, body)).status, 200);
    }
    assert.equal((await victim.api.post(`/api/v1/invites/${invite.id}/decision`, { decision: 'hold' })).status, 200);
    const member = await addMember(server, victim, 'recruiter');
    const reviewer = await addMember(server, victim, 'reviewer');
    // The recording is joined by a job when first asked for: one of the organization's jobs.
    await victim.api.get(`/api/v1/answers/${answer}/recording`);
    const job = await waitFor(async () => (await victim.api.get('/api/v1/jobs?kind=join')).json.items[0], { what: 'the answer\'s join job' });
    // The candidate's own archive (with the marked name, CV and note in it).
    const exported = await victim.api.post(`/api/v1/candidates/${candidate.id}/export`);
    await waitFor(async () => (await victim.api.get(`/api/v1/jobs/${exported.json.jobId}`)).json.state === 'done', { what: 'the export job' });
    v = { export: exported.json.jobId, interview: interview.id, candidate: candidate.id, invite: invite.id, answer, session, criterion, member: member.id, reviewer: reviewer.id, job: job.id };
    markers = [mark, member.email]; // (the reviewer's own address is theirs to see)
    const outsider = await createOrg(env, server, 'outsider');
    v.attackers = [
      { who: 'another organization\'s administrator', api: outsider.api },
      { who: 'an unassigned reviewer', api: reviewer.api, sameOrganization: true },
    ];
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  it('the table below knows every route the server has, and only those', () => {
    const known = Object.keys(ROUTES);
    assert.deepEqual(routes.filter((r) => !known.includes(r)), [], 'routes with no entry here: add one (how to call it, and what it may show)');
    assert.deepEqual(known.filter((r) => !routes.includes(r)), [], 'entries for routes the server no longer has');
  });

  it('objects of the organization: 403 or 404 to both; lists, accounts and public pages: nothing of it', T, async () => {
    const order = Object.entries(ROUTES).filter(([, e]) => e.kind !== 'elsewhere').sort(([, a], [, b]) => Number(!!a.last) - Number(!!b.last));
    const leaks = [];
    for (const attacker of v.attackers) {
      for (const [route, entry] of order) {
        const [method, url, json] = entry.call(v);
        const options = entry.pdf ? { body: makePdf('Intruder'), contentType: 'application/pdf' } : json === undefined ? {} : { json };
        const res = await attacker.api.request(method, url, options);
        const what = `${attacker.who}: ${route} → ${res.status}`;
        if (entry.kind === 'object') {
          const refused = entry.refused || REFUSED;
          if (!refused.includes(res.status)) leaks.push(`${what} (expected ${refused.join(' or ')})`);
        } else {
          assert.ok(res.status < 500, `${what}: ${res.text.slice(0, 200)}`);
        }
        const shown = markers.filter((m) => res.text.toLowerCase().includes(m.toLowerCase()));
        if (shown.length) leaks.push(`${what} shows ${shown.join(', ')}`);
      }
    }
    assert.deepEqual(leaks, []);
  });

  it('and nothing of the organization changed', T, async () => {
    const api = victim.api;
    const interview = (await api.get(`/api/v1/interviews/${v.interview}`)).json;
    assert.match(interview.title, /^Interview secret-/);
    assert.equal(interview.questions[0].text, 'Tell us about yourself');
    const criteria = (await api.get(`/api/v1/interviews/${v.interview}/criteria`)).json.items;
    assert.deepEqual(criteria.map((c) => c.id), [v.criterion]);
    assert.deepEqual((await api.get(`/api/v1/interviews/${v.interview}/reviewers`)).json.userIds, []);
    const row = (await listAll(api, `/api/v1/interviews/${v.interview}/candidates`)).find((r) => r.id === v.invite);
    assert.deepEqual([row.revoked, row.extraTimePercent, row.candidate.hasCv], [false, 0, true]);
    const review = (await api.get(`/api/v1/invites/${v.invite}/review`)).json;
    assert.match(JSON.stringify(review), /Note secret-/);
    assert.deepEqual(review.history.map((d) => d.value), ['hold'], 'one decision, the organization\'s own');
    const cv = await api.get(`/api/v1/candidates/${v.candidate}/cv`);
    assert.match(cv.body.toString('latin1'), /CV secret-/);
    const member = (await api.get(`/api/v1/users/${v.member}`)).json;
    assert.deepEqual([member.role, member.status], ['recruiter', 'active']);
    assert.deepEqual(interview.retention, { recordingsDays: null, candidateDays: null });
    assert.deepEqual((await api.get('/api/v1/retention')).json, { recordingsDays: 90, candidateDays: 365, previewDays: 2 });
    const interviews = await listAll(api, '/api/v1/interviews');
    assert.deepEqual(interviews.map((i) => i.id), [v.interview], 'nobody added an interview to this organization');
  });
});
