'use strict';
// Erasing a candidate on request (DELETE /candidates/{id}, docs/api.md "Candidates"): their rows go at once and
// together, their recordings and CV file leave the disk through a durable job (which finishes after a SIGKILL,
// on the next start), nobody else's data is touched, and the audit log keeps only ids.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const {
  waitFor, createOrg, createInterview, createCandidate, createInvite, addMember, listAll, assertError, Candidate, reviewedCandidate, restartWithBusyWorker,
} = require('./lib/fixtures');

const T = { timeout: 120_000 };

describe(`erasing a candidate (${engine})`, () => {
  let env, server, org, interview;

  const orgId = async () => Number((await env.sql(`SELECT org_id FROM users WHERE email = '${org.email.toLowerCase()}'`)).trim());
  const sessionDir = async (session) => path.join(env.dataDir, 'recordings', String(await orgId()), String(session));
  const blob = (sha) => path.join(env.dataDir, 'blobs', 'sha256', sha.slice(0, 2), `${sha}.pdf`);
  const count = async (sql) => Number((await env.sql(sql)).trim());
  const rowsOf = async (c) => {
    const invites = c.invites.map((i) => Number(i.id)).join(',');
    return {
      candidates: await count(`SELECT COUNT(*) FROM candidates WHERE id = ${Number(c.id)}`),
      invites: await count(`SELECT COUNT(*) FROM invites WHERE candidate_id = ${Number(c.id)}`),
      sessions: await count(`SELECT COUNT(*) FROM sessions WHERE candidate_id = ${Number(c.id)}`),
      answers: await count(`SELECT COUNT(*) FROM answers WHERE id IN (${c.invites.map((i) => Number(i.answer)).join(',')})`),
      segments: await count(`SELECT COUNT(*) FROM answer_segments WHERE answer_id IN (${c.invites.map((i) => Number(i.answer)).join(',')})`),
      reviews: await count(`SELECT (SELECT COUNT(*) FROM ratings WHERE invite_id IN (${invites})) + (SELECT COUNT(*) FROM review_notes WHERE invite_id IN (${invites}))`
        + ` + (SELECT COUNT(*) FROM decisions WHERE invite_id IN (${invites}))`),
    };
  };
  const none = { candidates: 0, invites: 0, sessions: 0, answers: 0, segments: 0, reviews: 0 };

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'erase');
    interview = await createInterview(org, { criteria: [{ name: 'Communication' }] });
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  it('removes the rows at once, the files through a job, and nothing of anyone else', T, async () => {
    const gone = await reviewedCandidate(server, org, interview, { name: 'Erin Gone', cv: 'Erin Gone CV' });
    const kept = await reviewedCandidate(server, org, interview, { name: 'Kai Kept', cv: 'Kai Kept CV', answered: 1 });
    for (const i of gone.invites) assert.ok(fs.existsSync(await sessionDir(i.session)), 'the recording is on disk first');
    assert.ok(fs.existsSync(blob(gone.cvSha)));
    const keptBefore = await rowsOf(kept);

    const recruiter = await addMember(server, org, 'recruiter');
    assertError(await recruiter.api.delete(`/api/v1/candidates/${gone.id}`), 403, 'forbidden');
    const res = await org.api.delete(`/api/v1/candidates/${gone.id}`);
    assert.equal(res.status, 202, String(res));
    assert.deepEqual([res.json.invites, res.json.sessions], [2, 2]);
    assert.deepEqual(await rowsOf(gone), none, 'every row of the candidate is gone with the reply');
    const job = await waitFor(async () => {
      const j = (await org.api.get(`/api/v1/jobs/${res.json.jobId}`)).json;
      return j.state === 'done' ? j : null;
    }, { what: 'the erase job' });
    assert.deepEqual(job.result, { sessionFoldersRemoved: 2, cvFilesRemoved: 1 });
    for (const i of gone.invites) assert.ok(!fs.existsSync(await sessionDir(i.session)), 'the recording left the disk');
    assert.ok(!fs.existsSync(blob(gone.cvSha)), 'the CV left the disk');

    assert.deepEqual(await rowsOf(kept), keptBefore, 'the other candidate is untouched');
    assert.ok(fs.existsSync(await sessionDir(kept.invites[0].session)));
    assert.ok(fs.existsSync(blob(kept.cvSha)));
    assertError(await org.api.get(`/api/v1/candidates/${gone.id}`), 404, 'not_found');
    assertError(await org.api.delete(`/api/v1/candidates/${gone.id}`), 404, 'not_found');
    const rows = await listAll(org.api, `/api/v1/interviews/${interview.id}/candidates`);
    assert.deepEqual(rows.map((r) => r.candidate.name), ['Kai Kept']);
    // The link opens nothing any more.
    const page = await Candidate.connect(server, gone.invites[0].token);
    const error = await page.client.next('error');
    assert.equal(error.code, 'invite_invalid');
    page.close();

    const log = await listAll(org.api, '/api/v1/audit?action=candidate.erase');
    assert.deepEqual(log.map((e) => e.target), [`candidate:${gone.id} invites:2 sessions:2`]);
    const everything = JSON.stringify(await listAll(org.api, '/api/v1/audit'));
    assert.ok(!everything.includes('Erin') && !everything.includes(gone.email), 'the log keeps no name or address of the erased candidate');
  });

  it('a CV file another candidate also has stays; a candidate who is answering right now is not erased', T, async () => {
    const first = await reviewedCandidate(server, org, interview, { name: 'Ada Same', cv: 'The same CV', answered: 0 });
    const second = await reviewedCandidate(server, org, interview, { name: 'Bo Same', cv: 'The same CV', answered: 0 });
    assert.equal(first.cvSha, second.cvSha);
    const res = await org.api.delete(`/api/v1/candidates/${first.id}`);
    assert.equal(res.status, 202);
    await waitFor(async () => (await org.api.get(`/api/v1/jobs/${res.json.jobId}`)).json.state === 'done', { what: 'the erase job' });
    assert.ok(fs.existsSync(blob(second.cvSha)), "the other candidate's CV is still there");

    const busy = await createCandidate(org, { name: 'Noor Busy', email: 'noor@example.com' });
    const invite = await createInvite(org, interview.id, busy.id);
    const page = await Candidate.join(server, invite.token);
    await page.consent(true);
    assertError(await org.api.delete(`/api/v1/candidates/${busy.id}`), 409, 'conflict');
    page.close();
  });

  it('an erase cut off by SIGKILL before its files were removed finishes on the next start', T, async () => {
    const doomed = await reviewedCandidate(server, org, interview, { name: 'Dee Doomed', cv: 'Dee CV', answered: 1 });
    const other = await reviewedCandidate(server, org, interview, { name: 'Oli Other', cv: 'Oli CV', answered: 1 });
    const dir = await sessionDir(doomed.invites[0].session);
    // The only job worker is kept busy by a slow join, so the erase job stays queued.
    let api;
    ({ server, api } = await restartWithBusyWorker(env, server, org, other.invites[0].answer));
    const res = await api.delete(`/api/v1/candidates/${doomed.id}`);
    assert.equal(res.status, 202, String(res));
    assert.equal((await api.get(`/api/v1/jobs/${res.json.jobId}`)).json.state, 'queued');
    server.child.kill('SIGKILL');
    await server.exited;
    assert.ok(fs.existsSync(dir) && fs.existsSync(blob(doomed.cvSha)), 'nothing was removed before the kill');
    assert.deepEqual(await rowsOf(doomed), none, 'the rows went with the reply');

    server = await env.start();
    api = new Api(server.url, org.token);
    await waitFor(async () => (await api.get(`/api/v1/jobs/${res.json.jobId}`)).json.state === 'done', { what: 'the erase job after the restart' });
    assert.ok(!fs.existsSync(dir), 'the recording left the disk');
    assert.ok(!fs.existsSync(blob(doomed.cvSha)), 'the CV left the disk');
    assert.ok(fs.existsSync(await sessionDir(other.invites[0].session)), "the other candidate's recording stayed");
  });
});
