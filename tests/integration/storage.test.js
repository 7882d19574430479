'use strict';
// The database lifecycle: a fresh database is migrated by the server itself, a restart keeps every kind of
// data, and acked chunks survive kill -9 (docs/protocol.md, Durability).

const assert = require('node:assert/strict');
const { describe, it, after } = require('node:test');

const { Environment, engine, run } = require('./lib/server');
const { Api } = require('./lib/http');
const { split } = require('./lib/ws');
const {
  createOrg, createInterview, createCandidate, createInvite, Candidate, recordAnswer, makeWebm, makePdf, waitFor,
} = require('./lib/fixtures');

const LONG = { timeout: 120_000 };

describe(`database lifecycle (${engine})`, () => {
  const environments = [];
  after(async () => { await Promise.all(environments.map((e) => e.cleanup())); }, LONG);

  async function newEnvironment() {
    const env = await Environment.create();
    environments.push(env);
    return env;
  }

  it('the server migrates a fresh database by itself before serving', LONG, async () => {
    const env = await newEnvironment();
    const server = await env.start();
    const anonymous = new Api(server.url);
    const ready = await anonymous.get('/readyz');
    assert.equal(ready.status, 200, String(ready));
    // Tables exist: an unknown sign-in is a clean 401, not an error about a missing table.
    const login = await anonymous.post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'whatever-password' });
    assert.equal(login.status, 401, String(login));
    assert.equal(login.json.error.code, 'unauthorized');
    if (env.database) {
      const { stdout } = await run('psql', ['-X', '-q', '-A', '-t', '-d', env.database.url, '-c',
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"]);
      assert.ok(Number(stdout.trim()) > 0, 'no tables in the fresh PostgreSQL database after start');
    }
    const org = await createOrg(env, server, 'fresh');
    const me = await org.api.get('/api/v1/me');
    assert.equal(me.status, 200, String(me));
  });

  describe('restart on an existing database', () => {
    let env, server, org, before;

    it('SIGTERM stops a server with data cleanly (exit code 0)', LONG, async () => {
      env = await newEnvironment();
      server = await env.start();
      org = await createOrg(env, server, 'restart');
      const media = await makeWebm(2);
      const interview = await createInterview(org, { title: 'Kept across restarts' });
      const candidate = await createCandidate(org);
      const cv = makePdf('kept CV');
      const put = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: cv, contentType: 'application/pdf' });
      assert.equal(put.status, 200, String(put));
      const invite = await createInvite(org, interview.id, candidate.id, { maxUses: 2 });
      const recorded = await recordAnswer(server, invite.token, media, { finishSession: true });
      recorded.candidate.close();
      const joined = await org.api.get(`/api/v1/answers/${recorded.answer}/recording`, { timeout: 45_000 });
      assert.equal(joined.status, 200, `the joined recording: ${joined}`);
      const session = (await org.api.get(`/api/v1/sessions?interviewId=${interview.id}`)).json.items[0];
      before = {
        interview: (await org.api.get(`/api/v1/interviews/${interview.id}`)).json,
        candidate: (await org.api.get(`/api/v1/candidates/${candidate.id}`)).json,
        cv,
        invites: (await org.api.get(`/api/v1/invites?interviewId=${interview.id}`)).json,
        session: (await org.api.get(`/api/v1/sessions/${session.id}`)).json,
        answer: (await org.api.get(`/api/v1/answers/${recorded.answer}`)).json,
        recording: (await org.api.get(`/api/v1/answers/${recorded.answer}/recording`)).body,
        media,
        token: org.token,
      };
      const exit = await server.stop('SIGTERM');
      assert.deepEqual(exit, { code: 0, signal: null }, `exit after SIGTERM:\n${server.log()}`);
    });

    it('after a restart every kind of data is still there and the password still works', LONG, async () => {
      assert.ok(before, 'the previous test did not prepare the data');
      server = await env.start();
      const login = await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: org.password });
      assert.equal(login.status, 200, String(login));
      const api = new Api(server.url, login.json.accessToken);
      const { interview, candidate, session, answer } = before;
      assert.deepEqual((await api.get(`/api/v1/interviews/${interview.id}`)).json, interview);
      assert.deepEqual((await api.get(`/api/v1/candidates/${candidate.id}`)).json, candidate);
      assert.ok((await api.get(`/api/v1/candidates/${candidate.id}/cv`)).body.equals(before.cv), 'CV changed');
      assert.deepEqual((await api.get(`/api/v1/invites?interviewId=${interview.id}`)).json, before.invites);
      const sessionAfter = (await api.get(`/api/v1/sessions/${session.id}`)).json;
      assert.deepEqual({ ...sessionAfter, connected: false }, { ...session, connected: false });
      assert.deepEqual((await api.get(`/api/v1/answers/${answer.id}`)).json, answer);
      assert.ok((await api.get(`/api/v1/answers/${answer.id}/segments/0`)).body.equals(before.media), 'segment changed');
      assert.ok((await api.get(`/api/v1/answers/${answer.id}/recording`)).body.equals(before.recording), 'recording changed');
      org.api = api;
    });

    it('a second restart on an already migrated database changes nothing', LONG, async () => {
      assert.ok(before, 'the earlier tests did not prepare the data');
      const listsBefore = {
        interviews: (await org.api.get('/api/v1/interviews')).json,
        candidates: (await org.api.get('/api/v1/candidates')).json,
      };
      await server.stop();
      server = await env.start();
      const login = await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: org.password });
      assert.equal(login.status, 200, String(login));
      const api = new Api(server.url, login.json.accessToken);
      assert.deepEqual((await api.get('/api/v1/interviews')).json, listsBefore.interviews);
      assert.deepEqual((await api.get('/api/v1/candidates')).json, listsBefore.candidates);
    });
  });

  it('acked chunks survive kill -9 of the server and the candidate resumes after them', LONG, async () => {
    const env = await newEnvironment();
    let server = await env.start();
    const org = await createOrg(env, server, 'kill9');
    const media = await makeWebm(2);
    const pieces = split(media, 2048);
    const interview = await createInterview(org);
    const candidate = await createCandidate(org);
    const invite = await createInvite(org, interview.id, candidate.id);
    const first = await Candidate.join(server, invite.token);
    await first.consent(true);
    await first.begin();
    const { answer } = await first.startAnswer();
    const acked = pieces.slice(0, 3);
    await first.upload(answer, acked);
    await server.stop('SIGKILL');
    await first.client.waitClosed(15_000).catch(() => first.client.terminate());

    server = await env.start();
    const again = await Candidate.join(server, invite.token);
    const entry = again.state.answers.find((x) => x.answer === answer);
    assert.ok(entry, `no answer ${answer} in the state after the restart: ${JSON.stringify(again.state)}`);
    assert.equal(entry.segments[0].chunks, 3, JSON.stringify(entry));
    assert.equal(entry.segments[0].bytes, Buffer.concat(acked).length, JSON.stringify(entry));
    await again.upload(answer, pieces.slice(3), { from: 3 });
    const saved = await again.finish(answer, [pieces]);
    assert.equal(saved.bytes, media.length);
    const api = new Api(server.url, (await new Api(server.url).post('/api/v1/auth/login', { email: org.email, password: org.password })).json.accessToken);
    assert.ok((await api.get(`/api/v1/answers/${answer}/segments/0`)).body.equals(media), 'the resumed answer differs');
    again.close();
  });
});
