'use strict';
// docs/api.md end to end against the real intervoxd: auth, interviews, candidates, CVs, invites, and the
// sessions/answers/recordings that a candidate session over the WebSocket protocol produces.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { sha256 } = require('./lib/ws');
const {
  WEBM_MIME, unique, waitFor, createOrg, interviewBody, createInterview, createCandidate, createInvite,
  listAll, createInvitation, Candidate, recordAnswer, makeWebm, probeDuration, makePdf, assertError,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 60_000 };

const inTheFuture = (days) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const question = (overrides = {}) => ({ text: 'Why us?', thinkSeconds: 10, answerSeconds: 60, retakes: 0, ...overrides });
const q0 = (name) => new RegExp(`^questions(\\[0\\]|\\.0)\\.${name}$`);

describe(`recruiter API end to end (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'api');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  // ------------------------------------------------------------------------------------------------- auth

  describe('auth', () => {
    it('login with the right password returns an access token living 12 hours and the user', T, async () => {
      const res = await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: org.password });
      assert.equal(res.status, 200, String(res));
      assert.ok(res.json.accessToken.length >= 20, `token too short: ${res}`);
      const lifetime = Date.parse(res.json.expiresAt) - Date.now();
      assert.ok(Math.abs(lifetime - 12 * 3600_000) < 10 * 60_000, `expiresAt is not ~12 h from now: ${res}`);
      assert.equal(res.json.user.email, org.email, String(res));
    });

    it('login with a wrong password answers 401 unauthorized', T, async () => {
      const res = await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: 'wrong-password' });
      assertError(res, 401, 'unauthorized');
      assert.equal(res.json.accessToken, undefined);
    });

    it('login with an unknown email answers 401 unauthorized', T, async () => {
      const res = await new Api(server.url).post('/api/v1/auth/login', { email: `${unique('nobody')}@example.com`, password: org.password });
      assertError(res, 401, 'unauthorized');
    });

    it('intervoxd has no local sign-in (only a server embedded by the desktop app has it)', T, async () => {
      const res = await new Api(server.url).post('/api/v1/auth/local', { secret: 'x'.repeat(43) });
      assertError(res, 404, 'not_found');
    });

    it('GET /me returns the signed-in user and organization', T, async () => {
      const res = await org.api.get('/api/v1/me');
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.email, org.email);
      assert.equal(res.json.name, org.name);
      assert.ok(['owner', 'admin'].includes(res.json.role), `role of the created admin: ${res}`);
      assert.equal(res.json.organization.name, org.organization);
      assert.ok(res.json.id !== undefined && res.json.organization.id !== undefined, String(res));
    });

    it('logout answers 204 and revokes only that token', T, async () => {
      const login = await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: org.password });
      assert.equal(login.status, 200, String(login));
      const session = new Api(server.url, login.json.accessToken);
      assert.equal((await session.get('/api/v1/me')).status, 200);
      const out = await session.post('/api/v1/auth/logout');
      assert.equal(out.status, 204, String(out));
      assertError(await session.get('/api/v1/me'), 401, 'unauthorized');
      assert.equal((await org.api.get('/api/v1/me')).status, 200, 'another token of the same user must stay valid');
    });
  });

  // ------------------------------------------------------------------------------------------- interviews

  describe('interviews', () => {
    it('POST /interviews answers 201 with ids, createdAt and indexed questions', T, async () => {
      const body = interviewBody({
        deadline: inTheFuture(30),
        questions: [question({ text: 'First' }), question({ text: 'Second', thinkSeconds: 0, answerSeconds: 1800, retakes: 5 })],
      });
      const res = await org.api.post('/api/v1/interviews', body);
      assert.equal(res.status, 201, String(res));
      const iv = res.json;
      assert.ok(iv.id !== undefined && iv.id !== null, String(res));
      assert.ok(!Number.isNaN(Date.parse(iv.createdAt)), `createdAt: ${res}`);
      assert.equal(iv.title, body.title);
      assert.equal(iv.intro, body.intro);
      assert.equal(iv.language, 'en');
      assert.equal(Date.parse(iv.deadline), Date.parse(body.deadline));
      assert.equal(iv.questions.length, 2);
      iv.questions.forEach((q, i) => {
        assert.equal(q.index, i);
        assert.ok(q.id !== undefined && q.id !== null);
        for (const key of ['text', 'thinkSeconds', 'answerSeconds', 'retakes']) assert.equal(q[key], body.questions[i][key], key);
      });
    });

    it('GET /interviews/{id} returns the interview as created', T, async () => {
      const created = await createInterview(org, { title: unique('Get me') });
      const res = await org.api.get(`/api/v1/interviews/${created.id}`);
      assert.equal(res.status, 200, String(res));
      assert.deepEqual(res.json, created);
    });

    it('GET /interviews lists the organization\'s interviews', T, async () => {
      const a = await createInterview(org, { title: unique('List A') });
      const b = await createInterview(org, { title: unique('List B') });
      const res = await org.api.get('/api/v1/interviews');
      assert.equal(res.status, 200, String(res));
      const ids = res.json.items.map((i) => i.id);
      assert.ok(ids.includes(a.id) && ids.includes(b.id), String(res));
    });

    it('PUT /interviews/{id} updates the fields and replaces the questions as a whole', T, async () => {
      const created = await createInterview(org, { questions: [question({ text: 'Old 1' }), question({ text: 'Old 2' })] });
      const body = interviewBody({ title: 'Renamed', language: 'de', questions: [question({ text: 'Only new one' })] });
      const res = await org.api.put(`/api/v1/interviews/${created.id}`, body);
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.title, 'Renamed');
      assert.equal(res.json.language, 'de');
      assert.deepEqual(res.json.questions.map((q) => [q.index, q.text]), [[0, 'Only new one']]);
      const again = await org.api.get(`/api/v1/interviews/${created.id}`);
      assert.deepEqual(again.json, res.json);
    });

    it('DELETE /interviews/{id} answers 204 and the interview is gone', T, async () => {
      const created = await createInterview(org);
      const res = await org.api.delete(`/api/v1/interviews/${created.id}`);
      assert.equal(res.status, 204, String(res));
      assertError(await org.api.get(`/api/v1/interviews/${created.id}`), 404, 'not_found');
      const list = await org.api.get('/api/v1/interviews');
      assert.ok(!list.json.items.some((i) => i.id === created.id), 'deleted interview still listed');
    });

    it('text fields are trimmed', T, async () => {
      const res = await org.api.post('/api/v1/interviews', interviewBody({ title: '  Padded title  ' }));
      assert.equal(res.status, 201, String(res));
      assert.equal(res.json.title, 'Padded title');
    });

    it('optional fields may be left out: no intro and no language give an empty intro in English (not a 500)', T, async () => {
      const body = interviewBody();
      delete body.intro;
      delete body.language;
      const res = await org.api.post('/api/v1/interviews', body);
      assert.equal(res.status, 201, String(res));
      assert.equal(res.json.intro, '');
      assert.equal(res.json.language, 'en');
      const put = await org.api.put(`/api/v1/interviews/${res.json.id}`, { title: 'Renamed', questions: body.questions });
      assert.equal(put.status, 200, String(put));
      assert.equal(put.json.intro, '');
    });

    it('a newline is allowed in the intro (a long text)', T, async () => {
      const res = await org.api.post('/api/v1/interviews', interviewBody({ intro: 'Line one\nLine two' }));
      assert.equal(res.status, 201, String(res));
      assert.equal(res.json.intro, 'Line one\nLine two');
    });

    const invalid = [
      ['title is missing', (b) => { delete b.title; }, 'title'],
      ['title is blank', (b) => { b.title = '   '; }, 'title'],
      ['title has 201 characters', (b) => { b.title = 'x'.repeat(201); }, 'title'],
      ['title is a number', (b) => { b.title = 42; }, 'title'],
      ['title contains a control character', (b) => { b.title = 'bell\u0007'; }, 'title'],
      ['intro has 5001 characters', (b) => { b.intro = 'x'.repeat(5001); }, 'intro'],
      ['language is not en or de', (b) => { b.language = 'fr'; }, 'language'],
      ['deadline is in the past', (b) => { b.deadline = '2020-01-01T00:00:00Z'; }, 'deadline'],
      ['deadline is not a date', (b) => { b.deadline = 'tomorrow'; }, 'deadline'],
      ['questions are missing', (b) => { delete b.questions; }, 'questions'],
      ['questions are empty', (b) => { b.questions = []; }, 'questions'],
      ['there are 51 questions', (b) => { b.questions = Array.from({ length: 51 }, () => question()); }, 'questions'],
      ['a question text is empty', (b) => { b.questions = [question({ text: '' })]; }, q0('text')],
      ['a question text has 2001 characters', (b) => { b.questions = [question({ text: 'q'.repeat(2001) })]; }, q0('text')],
      ['thinkSeconds is 601', (b) => { b.questions = [question({ thinkSeconds: 601 })]; }, q0('thinkSeconds')],
      ['thinkSeconds is negative', (b) => { b.questions = [question({ thinkSeconds: -1 })]; }, q0('thinkSeconds')],
      ['thinkSeconds is a string', (b) => { b.questions = [question({ thinkSeconds: '30' })]; }, q0('thinkSeconds')],
      ['answerSeconds is 9', (b) => { b.questions = [question({ answerSeconds: 9 })]; }, q0('answerSeconds')],
      ['answerSeconds is 1801', (b) => { b.questions = [question({ answerSeconds: 1801 })]; }, q0('answerSeconds')],
      ['retakes is 6', (b) => { b.questions = [question({ retakes: 6 })]; }, q0('retakes')],
    ];
    for (const [what, mutate, field] of invalid) {
      it(`POST /interviews when ${what} answers 422 validation naming ${field}`, T, async () => {
        const body = interviewBody();
        mutate(body);
        assertError(await org.api.post('/api/v1/interviews', body), 422, 'validation', field);
      });
    }

    it('PUT /interviews/{id} with an invalid body answers 422 and changes nothing', T, async () => {
      const created = await createInterview(org);
      assertError(await org.api.put(`/api/v1/interviews/${created.id}`, interviewBody({ title: '' })), 422, 'validation', 'title');
      assert.deepEqual((await org.api.get(`/api/v1/interviews/${created.id}`)).json, created);
    });

    it('malformed JSON answers 400 bad_request', T, async () => {
      const res = await org.api.request('POST', '/api/v1/interviews', { body: '{"title": "x",', contentType: 'application/json' });
      assertError(res, 400, 'bad_request');
    });

    it('a body with a Content-Type other than JSON answers 415', T, async () => {
      const res = await org.api.request('POST', '/api/v1/interviews', { body: JSON.stringify(interviewBody()), contentType: 'text/plain' });
      assertError(res, 415, 'unsupported_media_type');
    });

    it('a JSON body over 64 KiB answers 413 too_large', T, async () => {
      const res = await org.api.post('/api/v1/interviews', interviewBody({ intro: 'x'.repeat(70 * 1024) }));
      assertError(res, 413, 'too_large');
    });

    it('an unknown route answers 404 not_found in the error shape', T, async () => {
      assertError(await org.api.get('/api/v1/no-such-route'), 404, 'not_found');
    });

    it('a known route with a wrong method answers 405 method_not_allowed', T, async () => {
      assertError(await org.api.request('PATCH', '/api/v1/interviews', { json: {} }), 405, 'method_not_allowed');
    });
  });

  // ------------------------------------------------------------------------------------------- candidates

  describe('candidates and CVs', () => {
    it('POST /candidates answers 201 with id, createdAt and no CV', T, async () => {
      const email = `${unique('grace')}@example.com`;
      const res = await org.api.post('/api/v1/candidates', { name: 'Grace Hopper', email });
      assert.equal(res.status, 201, String(res));
      assert.equal(res.json.name, 'Grace Hopper');
      assert.equal(res.json.email, email);
      assert.equal(res.json.cv, null);
      assert.ok(!Number.isNaN(Date.parse(res.json.createdAt)), String(res));
    });

    it('GET /candidates/{id} and GET /candidates return the candidate', T, async () => {
      const created = await createCandidate(org);
      const one = await org.api.get(`/api/v1/candidates/${created.id}`);
      assert.equal(one.status, 200, String(one));
      assert.deepEqual(one.json, created);
      const list = await org.api.get('/api/v1/candidates');
      assert.equal(list.status, 200, String(list));
      assert.deepEqual(list.json.items.find((c) => c.id === created.id), created);
    });

    const invalidCandidates = [
      ['name is missing', { email: 'a@example.com' }, 'name'],
      ['name is blank', { name: '  ', email: 'a@example.com' }, 'name'],
      ['name has 201 characters', { name: 'n'.repeat(201), email: 'a@example.com' }, 'name'],
      ['email is missing', { name: 'Ada' }, 'email'],
      ['email is not an address', { name: 'Ada', email: 'not-an-email' }, 'email'],
      ['email has 255 characters', { name: 'Ada', email: `${'e'.repeat(243)}@example.com` }, 'email'],
    ];
    for (const [what, body, field] of invalidCandidates) {
      it(`POST /candidates when ${what} answers 422 validation naming ${field}`, T, async () => {
        assertError(await org.api.post('/api/v1/candidates', body), 422, 'validation', field);
      });
    }

    it('PUT /candidates/{id}/cv stores a PDF and GET /candidates/{id}/cv returns the same bytes', T, async () => {
      const candidate = await createCandidate(org);
      const pdf = makePdf(`CV of ${candidate.name}`);
      const put = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: pdf, contentType: 'application/pdf' });
      assert.equal(put.status, 200, String(put));
      assert.deepEqual(put.json.cv, { size: pdf.length, sha256: sha256(pdf) });
      const get = await org.api.get(`/api/v1/candidates/${candidate.id}/cv`);
      assert.equal(get.status, 200, String(get));
      assert.match(get.headers.get('content-type') || '', /^application\/pdf/);
      assert.ok(get.body.equals(pdf), `downloaded CV differs: ${get.body.length} bytes vs ${pdf.length}`);
      assert.deepEqual((await org.api.get(`/api/v1/candidates/${candidate.id}`)).json.cv, put.json.cv);
    });

    it('a second CV upload replaces the first', T, async () => {
      const candidate = await createCandidate(org);
      const first = makePdf('first');
      const second = makePdf('second version, longer');
      for (const pdf of [first, second]) {
        const put = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: pdf, contentType: 'application/pdf' });
        assert.equal(put.status, 200, String(put));
      }
      const get = await org.api.get(`/api/v1/candidates/${candidate.id}/cv`);
      assert.ok(get.body.equals(second), 'the CV is not the last one uploaded');
    });

    it('GET /candidates/{id}/cv without a CV answers 404', T, async () => {
      const candidate = await createCandidate(org);
      assertError(await org.api.get(`/api/v1/candidates/${candidate.id}/cv`), 404, 'not_found');
    });
  });

  // ---------------------------------------------------------------------------------------------- invites

  describe('invites', () => {
    it('POST /invites answers 201 with a token shown once, its url, 14 days expiry and maxUses 1', T, async () => {
      const interview = await createInterview(org);
      const candidate = await createCandidate(org);
      const res = await org.api.post('/api/v1/invites', { interviewId: interview.id, candidateId: candidate.id });
      assert.equal(res.status, 201, String(res));
      const inv = res.json;
      assert.equal(typeof inv.token, 'string');
      assert.ok(Buffer.byteLength(inv.token) >= 22, `token shorter than 128 bits of base64: ${inv.token}`);
      assert.ok(inv.url.includes(inv.token), `url does not carry the token: ${inv.url}`);
      assert.match(inv.url, /\/i\//, `url is not an invite link: ${inv.url}`);
      assert.equal(inv.maxUses, 1);
      const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
      assert.ok(days > 13.9 && days < 14.1, `default expiry is not 14 days: ${inv.expiresAt}`);
    });

    it('POST /invites keeps an explicit expiresAt and maxUses', T, async () => {
      const interview = await createInterview(org);
      const candidate = await createCandidate(org);
      const expiresAt = inTheFuture(3);
      const inv = await createInvite(org, interview.id, candidate.id, { expiresAt, maxUses: 3 });
      assert.equal(Date.parse(inv.expiresAt), Date.parse(expiresAt));
      assert.equal(inv.maxUses, 3);
    });

    for (const [what, extra, field] of [
      ['maxUses is 0', { maxUses: 0 }, 'maxUses'],
      ['maxUses is 11', { maxUses: 11 }, 'maxUses'],
      // Found by fuzz_api_json: converting 1e300 to an integer was undefined behaviour (caught by UBSan).
      ['maxUses is 1e300', { maxUses: 1e300 }, 'maxUses'],
      ['maxUses is 2.5', { maxUses: 2.5 }, 'maxUses'],
      ['expiresAt is not a date', { expiresAt: 'soon' }, 'expiresAt'],
    ]) {
      it(`POST /invites when ${what} answers 422 validation naming ${field}`, T, async () => {
        const interview = await createInterview(org);
        const candidate = await createCandidate(org);
        const res = await org.api.post('/api/v1/invites', { interviewId: interview.id, candidateId: candidate.id, ...extra });
        assertError(res, 422, 'validation', field);
      });
    }

    it('POST /invites without interviewId answers 422 validation naming interviewId', T, async () => {
      const candidate = await createCandidate(org);
      assertError(await org.api.post('/api/v1/invites', { candidateId: candidate.id }), 422, 'validation', 'interviewId');
    });

    it('POST /invites/batch creates the candidates and one invite each', T, async () => {
      const interview = await createInterview(org);
      const people = [1, 2, 3].map((n) => ({ name: `Batch person ${n}`, email: `${unique('batch')}@example.com` }));
      const res = await org.api.post('/api/v1/invites/batch', { interviewId: interview.id, candidates: people });
      assert.equal(res.status, 201, String(res));
      assert.equal(res.json.items.length, 3, String(res));
      const tokens = new Set(res.json.items.map((i) => i.token));
      assert.equal(tokens.size, 3, 'batch tokens are not distinct');
      for (const [i, item] of res.json.items.entries()) {
        assert.ok(item.url.includes(item.token), String(res));
        const candidate = await org.api.get(`/api/v1/candidates/${item.candidateId}`);
        assert.equal(candidate.status, 200, String(candidate));
        assert.equal(candidate.json.name, people[i].name);
        assert.equal(candidate.json.email, people[i].email);
      }
      const list = await org.api.get(`/api/v1/invites?interviewId=${interview.id}`);
      assert.deepEqual(list.json.items.map((i) => i.id).sort(), res.json.items.map((i) => i.id).sort());
      // A batch token works for a candidate session.
      const candidate = await Candidate.join(server, res.json.items[0].token);
      try {
        assert.equal(candidate.state.phase, 'consent');
        assert.equal(candidate.state.candidate.name, people[0].name);
      } finally { candidate.close(); }
    });

    it('POST /invites/batch with an invalid candidate answers 422 and creates nothing', T, async () => {
      const interview = await createInterview(org);
      const before = (await listAll(org.api, '/api/v1/candidates')).length;
      const res = await org.api.post('/api/v1/invites/batch', {
        interviewId: interview.id,
        candidates: [{ name: 'Fine', email: `${unique('ok')}@example.com` }, { name: 'Broken', email: 'nope' }],
      });
      assertError(res, 422, 'validation', /email/);
      assert.equal((await listAll(org.api, '/api/v1/candidates')).length, before, 'a partial batch was stored');
      assert.deepEqual((await org.api.get(`/api/v1/invites?interviewId=${interview.id}`)).json.items, []);
    });

    it('GET /invites?interviewId= lists the interview\'s invites with uses and without tokens', T, async () => {
      const interview = await createInterview(org);
      const candidate = await createCandidate(org);
      const inv = await createInvite(org, interview.id, candidate.id, { maxUses: 2 });
      const res = await org.api.get(`/api/v1/invites?interviewId=${interview.id}`);
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.items.length, 1, String(res));
      const item = res.json.items[0];
      assert.equal(item.id, inv.id);
      assert.equal(item.candidateId, candidate.id);
      assert.equal(item.interviewId, interview.id);
      assert.equal(item.maxUses, 2);
      assert.equal(item.uses, 0);
      assert.equal(item.revoked, false);
      assert.ok(!res.text.includes(inv.token), 'the invite list exposes the token');
    });

    it('GET /invites with a non-numeric interviewId answers 400 bad_request', T, async () => {
      assertError(await org.api.get('/api/v1/invites?interviewId=abc'), 400, 'bad_request');
    });

    it('POST /invites/{id}/revoke answers 204 and the list shows it revoked', T, async () => {
      const { interview, invite } = await createInvitation(org);
      const res = await org.api.post(`/api/v1/invites/${invite.id}/revoke`);
      assert.equal(res.status, 204, String(res));
      const list = await org.api.get(`/api/v1/invites?interviewId=${interview.id}`);
      assert.equal(list.json.items.find((i) => i.id === invite.id).revoked, true, String(list));
    });

    it('revoking an invite closes its open session with invite_revoked (4403)', T, async () => {
      const { invite } = await createInvitation(org);
      const candidate = await Candidate.join(server, invite.token);
      const res = await org.api.post(`/api/v1/invites/${invite.id}/revoke`);
      assert.equal(res.status, 204, String(res));
      const error = await candidate.client.next('error');
      assert.equal(error.code, 'invite_revoked', JSON.stringify(error));
      assert.equal((await candidate.client.waitClosed()).code, 4403);
    });
  });

  // ----------------------------------------------------------------------------------- sessions, answers

  describe('a candidate session and its answers, sessions, segments and recording', () => {
    let flow = null; // { interview, candidate, invite, answer, media, sessionId }

    const needFlow = () => assert.ok(flow, 'the candidate session of the first test in this group did not complete');

    before(async () => { await makeWebm(); }, SETUP);

    it('a candidate session over the WebSocket records an answer and gets answer_saved', SETUP, async () => {
      const media = await makeWebm(2);
      const { interview, candidate, invite } = await createInvitation(org);
      const recorded = await recordAnswer(server, invite.token, media, { chunkSize: 4096 });
      const pieces = recorded.pieces;
      assert.ok(pieces.length >= 2, 'the test media should span several chunks');
      assert.equal(recorded.saved.chunks, pieces.length, JSON.stringify(recorded.saved));
      assert.equal(recorded.saved.bytes, media.length, JSON.stringify(recorded.saved));
      assert.equal(recorded.started.question, 0);
      assert.equal(recorded.started.take, 1);
      const finished = await recorded.candidate.next();
      assert.equal(finished.phase, 'finished', JSON.stringify(finished));
      recorded.candidate.close();
      flow = { interview, candidate, invite, answer: recorded.answer, media, sessionId: finished.session };
    });

    it('GET /sessions?interviewId= lists the session with consent given and phase finished', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/sessions?interviewId=${flow.interview.id}`);
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.items.length, 1, String(res));
      const s = res.json.items[0];
      if (flow.sessionId !== undefined) assert.equal(s.id, flow.sessionId);
      flow.sessionId = s.id;
      assert.equal(s.interviewId, flow.interview.id);
      assert.equal(s.candidateId, flow.candidate.id);
      assert.equal(s.consent, 'given');
      assert.equal(s.phase, 'finished');
      for (const key of ['consentAt', 'startedAt', 'finishedAt']) {
        assert.ok(!Number.isNaN(Date.parse(s[key])), `${key} is not a time: ${res}`);
      }
      assert.equal(typeof s.connected, 'boolean', String(res));
    });

    it('GET /sessions/{id} includes the answers', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/sessions/${flow.sessionId}`);
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.id, flow.sessionId);
      assert.deepEqual(res.json.answers.map((a) => a.id), [flow.answer], String(res));
    });

    it('the invite counts the started session in uses', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/invites?interviewId=${flow.interview.id}`);
      assert.equal(res.json.items[0].uses, 1, String(res));
    });

    it('GET /answers/{id} describes the saved answer and its segment', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/answers/${flow.answer}`);
      assert.equal(res.status, 200, String(res));
      const a = res.json;
      assert.equal(a.id, flow.answer);
      assert.equal(a.sessionId, flow.sessionId);
      assert.equal(a.question, 0);
      assert.equal(a.take, 1);
      assert.equal(a.status, 'saved');
      assert.equal(a.mime, WEBM_MIME);
      assert.equal(a.bytes, flow.media.length);
      assert.equal(a.chunks, Math.ceil(flow.media.length / 4096));
      assert.ok(['pending', 'ready', 'failed'].includes(a.media), String(res));
      assert.equal(a.segments.length, 1, String(res));
      assert.equal(a.segments[0].segment, 0);
      assert.equal(a.segments[0].bytes, flow.media.length);
      assert.equal(a.segments[0].chunks, a.chunks);
      assert.equal(a.segments[0].sha256, sha256(flow.media));
    });

    it('GET /answers/{id}/segments/0 returns exactly the bytes the page sent', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/answers/${flow.answer}/segments/0`);
      assert.equal(res.status, 200, String(res));
      assert.ok(res.body.equals(flow.media), `segment differs: ${res.body.length} bytes vs ${flow.media.length} sent`);
    });

    it('GET /answers/{id}/segments/{n} for a segment that does not exist answers 404', T, async () => {
      needFlow();
      assertError(await org.api.get(`/api/v1/answers/${flow.answer}/segments/1`), 404, 'not_found');
    });

    it('the recording is a seekable webm of the answer\'s duration, joined on request', SETUP, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/answers/${flow.answer}/recording`, { timeout: 45_000 });
      assert.equal(res.status, 200, String(res));
      assert.match(res.headers.get('content-type') || '', /^audio\/webm/);
      const probe = await probeDuration(res.body);
      assert.match(probe.formatName, /webm|matroska/);
      assert.ok(Math.abs(probe.duration - 2) < 0.3, `recording lasts ${probe.duration} s, expected about 2 s`);
      const answer = (await org.api.get(`/api/v1/answers/${flow.answer}`)).json;
      assert.equal(answer.media, 'ready', JSON.stringify(answer));
      if (answer.durationMs !== null && answer.durationMs !== undefined) {
        assert.ok(Math.abs(answer.durationMs - 2000) < 300, `durationMs ${answer.durationMs}`);
      }
      flow.recording = res.body;
    });

    it('GET /answers/{id}/recording with a Range answers 206 with Content-Range and those bytes', T, async () => {
      needFlow();
      assert.ok(flow.recording, 'the recording was not fetched by the previous test');
      const total = flow.recording.length;
      for (const [range, start, end] of [['bytes=0-99', 0, 99], ['bytes=100-', 100, total - 1], [`bytes=-50`, total - 50, total - 1]]) {
        const res = await org.api.get(`/api/v1/answers/${flow.answer}/recording`, { headers: { range } });
        assert.equal(res.status, 206, `${range}: ${res.status}`);
        assert.equal(res.headers.get('content-range'), `bytes ${start}-${end}/${total}`, range);
        assert.ok(res.body.equals(flow.recording.subarray(start, end + 1)), `${range}: wrong bytes`);
      }
    });

    it('GET /answers/{id}/recording with a Range past the end answers 416', T, async () => {
      needFlow();
      assert.ok(flow.recording, 'the recording was not fetched by the previous test');
      const total = flow.recording.length;
      const res = await org.api.get(`/api/v1/answers/${flow.answer}/recording`, { headers: { range: `bytes=${total}-${total + 10}` } });
      assertError(res, 416, 'range_not_satisfiable');
    });

    it('GET /answers/{id}/recording with a malformed Range answers 400 bad_request', T, async () => {
      needFlow();
      const res = await org.api.get(`/api/v1/answers/${flow.answer}/recording`, { headers: { range: 'bytes=abc' } });
      assertError(res, 400, 'bad_request');
    });

    it('PUT /interviews/{id} is refused with 409 once a session has started', T, async () => {
      needFlow();
      const res = await org.api.put(`/api/v1/interviews/${flow.interview.id}`, interviewBody({ title: 'Changed' }));
      assertError(res, 409, 'conflict');
      assert.equal((await org.api.get(`/api/v1/interviews/${flow.interview.id}`)).json.title, flow.interview.title);
    });

    it('DELETE /interviews/{id} is refused with 409 once a session has started', T, async () => {
      needFlow();
      assertError(await org.api.delete(`/api/v1/interviews/${flow.interview.id}`), 409, 'conflict');
      assert.equal((await org.api.get(`/api/v1/interviews/${flow.interview.id}`)).status, 200);
    });
  });

  describe('operations', () => {
    it('GET /healthz and /readyz answer 200 without a token', T, async () => {
      const anonymous = new Api(server.url);
      assert.equal((await anonymous.get('/healthz')).status, 200);
      assert.equal((await anonymous.get('/readyz')).status, 200);
    });

    it('GET /metrics answers Prometheus text', T, async () => {
      const res = await new Api(server.url).get('/metrics');
      assert.equal(res.status, 200, String(res));
      assert.match(res.headers.get('content-type') || '', /^text\/plain/);
      assert.match(res.text, /^# (HELP|TYPE) /m);
    });
  });
});
