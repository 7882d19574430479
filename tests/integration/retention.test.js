'use strict';
// Retention (docs/privacy.md, jobs/retention.h): the periods an organization and an interview set, what the
// consent screen is told, a dry run that deletes nothing, and runs that delete exactly what is due — recordings
// after the decision, everything about a candidate after their last step, previews after two days — from disk
// and database, leave everyone else alone, keep only ids in the audit log, and finish after a SIGKILL.
// Time passes by moving a candidate's timestamps into the past in the database, as if the days had gone by.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const {
  waitFor, createOrg, createInterview, createCandidate, createInvite, addMember, listAll, assertError, Candidate, reviewedCandidate, restartWithBusyWorker,
} = require('./lib/fixtures');

const T = { timeout: 180_000 };
const DAY = 24 * 3600 * 1000;

describe(`retention (${engine})`, () => {
  let env, server;

  const count = async (sql) => Number((await env.sql(sql)).trim());
  const orgIdOf = async (org) => count(`SELECT org_id FROM users WHERE email = '${org.email.toLowerCase()}'`);
  const sessionDir = async (org, session) => path.join(env.dataDir, 'recordings', String(await orgIdOf(org)), String(session));
  const blob = (sha) => path.join(env.dataDir, 'blobs', 'sha256', sha.slice(0, 2), `${sha}.pdf`);

  /** Moves everything that happened to candidate `id` `days` into the past. */
  async function age(id, days, { onlyDecisions = false } = {}) {
    const d = days * DAY;
    const c = Number(id);
    const invites = `SELECT id FROM invites WHERE candidate_id = ${c}`;
    await env.sql(`UPDATE decisions SET at = at - ${d} WHERE invite_id IN (${invites})`);
    if (onlyDecisions) return;
    await env.sql(`UPDATE candidates SET created_at = created_at - ${d} WHERE id = ${c}; `
      + `UPDATE invites SET created_at = created_at - ${d}, expires_at = expires_at - ${d} WHERE candidate_id = ${c}; `
      + `UPDATE sessions SET started_at = started_at - ${d}, finished_at = finished_at - ${d} WHERE candidate_id = ${c}; `
      + `UPDATE answers SET started_at = started_at - ${d} WHERE session_id IN (SELECT id FROM sessions WHERE candidate_id = ${c}); `
      + `UPDATE ratings SET updated_at = updated_at - ${d} WHERE invite_id IN (${invites}); `
      + `UPDATE review_notes SET updated_at = updated_at - ${d} WHERE invite_id IN (${invites})`);
  }

  const rowsOf = async (c) => ({
    candidates: await count(`SELECT COUNT(*) FROM candidates WHERE id = ${Number(c.id)}`),
    invites: await count(`SELECT COUNT(*) FROM invites WHERE candidate_id = ${Number(c.id)}`),
    sessions: await count(`SELECT COUNT(*) FROM sessions WHERE candidate_id = ${Number(c.id)}`),
    answers: await count(`SELECT COUNT(*) FROM answers WHERE session_id IN (SELECT id FROM sessions WHERE candidate_id = ${Number(c.id)})`),
  });
  const none = { candidates: 0, invites: 0, sessions: 0, answers: 0 };

  const jobDone = (api, id) => waitFor(async () => {
    const job = (await api.get(`/api/v1/jobs/${id}`)).json;
    return job.state === 'done' ? job : null;
  }, { what: `job ${id}` });

  const utcDay = () => new Date().toISOString().slice(0, 10);
  let firstDay;
  before(async () => {
    firstDay = utcDay();
    env = await Environment.create();
    server = await env.start();
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  it('periods per organization and per interview: defaults, limits, who may change them, what the candidate is told', T, async () => {
    const org = await createOrg(env, server, 'periods');
    assert.deepEqual((await org.api.get('/api/v1/retention')).json, { recordingsDays: 90, candidateDays: 365, previewDays: 2 },
      'a new organization starts with 90 days for recordings and a year for everything');
    const recruiter = await addMember(server, org, 'recruiter');
    assert.equal((await recruiter.api.get('/api/v1/retention')).status, 200, 'every member reads the periods');
    assertError(await recruiter.api.put('/api/v1/retention', { recordingsDays: 1, candidateDays: 1 }), 403, 'forbidden');
    assertError(await recruiter.api.get('/api/v1/retention/due'), 403, 'forbidden');
    assertError(await recruiter.api.post('/api/v1/retention/run'), 403, 'forbidden');
    for (const [body, field] of [
      [{ recordingsDays: 30 }, 'candidateDays'], [{ candidateDays: 30 }, 'recordingsDays'], [{ recordingsDays: 0, candidateDays: 30 }, 'recordingsDays'],
      [{ recordingsDays: 30, candidateDays: 3651 }, 'candidateDays'], [{ recordingsDays: '30', candidateDays: 30 }, 'recordingsDays'],
      [{ recordingsDays: 30, candidateDays: 1.5 }, 'candidateDays'],
    ]) {
      const res = await org.api.put('/api/v1/retention', body);
      assertError(res, 422, 'validation');
      assert.equal(res.json.error.field, field, JSON.stringify(body));
    }
    assert.deepEqual((await org.api.get('/api/v1/retention')).json.recordingsDays, 90, 'a refused change changes nothing');

    const set = await org.api.put('/api/v1/retention', { recordingsDays: 30, candidateDays: null });
    assert.equal(set.status, 200, String(set));
    assert.deepEqual((await org.api.get('/api/v1/retention')).json, { recordingsDays: 30, candidateDays: null, previewDays: 2 });

    const own = await createInterview(org);
    const plain = await createInterview(org, { title: 'Plain' });
    assert.deepEqual(own.retention, { recordingsDays: null, candidateDays: null });
    assertError(await recruiter.api.put(`/api/v1/interviews/${own.id}/retention`, { recordingsDays: null, candidateDays: 200 }), 403, 'forbidden');
    const changed = await org.api.put(`/api/v1/interviews/${own.id}/retention`, { recordingsDays: null, candidateDays: 200 });
    assert.equal(changed.status, 200, String(changed));
    assert.deepEqual(changed.json, { recordingsDays: null, candidateDays: 200, effective: { recordingsDays: 30, candidateDays: 200 } });
    assert.deepEqual((await org.api.get(`/api/v1/interviews/${own.id}`)).json.retention, { recordingsDays: null, candidateDays: 200 });

    // The consent screen is told the periods that apply to its interview.
    const candidate = await createCandidate(org);
    for (const [interview, expected] of [[own, { recordingsDays: 30, candidateDays: 200 }], [plain, { recordingsDays: 30, candidateDays: null }]]) {
      const invite = await createInvite(org, interview.id, candidate.id);
      const page = await Candidate.join(server, invite.token);
      assert.deepEqual(page.state.interview.retention, expected);
      page.close();
    }

    const log = await listAll(org.api, '/api/v1/audit?action=retention.,interview.retention');
    assert.deepEqual(log.map((e) => e.target).reverse(), ['recordings:30 candidate:none', `interview:${own.id} recordings:none candidate:200`]);
  });

  it('a dry run shows what is due and deletes nothing; a run deletes exactly that, files and rows, and tells the audit log', T, async () => {
    const org = await createOrg(env, server, 'run');
    const interview = await createInterview(org, { criteria: [{ name: 'Communication' }] });
    const kept = await createInterview(org, { title: 'Kept long', criteria: [{ name: 'Depth' }] });
    assert.equal((await org.api.put(`/api/v1/interviews/${kept.id}/retention`, { recordingsDays: 3000, candidateDays: 3000 })).status, 200);

    // Rejected 91 days ago: the recordings are due (90 days), the rest is not (a year after the last step).
    const decided = await reviewedCandidate(server, org, interview, { name: 'Dana Decided', cv: 'Dana CV', answered: 1, decision: 'reject' });
    await age(decided.id, 91, { onlyDecisions: true });
    // On hold for 91 days: not a decision that ends anything.
    const held = await reviewedCandidate(server, org, interview, { name: 'Hal Held', cv: 'Hal CV', answered: 1, decision: 'hold' });
    await age(held.id, 91, { onlyDecisions: true });
    // Everything 400 days ago (the invite's expiry too, 14 days after it was made): erased.
    const old = await reviewedCandidate(server, org, interview, { name: 'Olga Old', cv: 'Olga CV', answered: 1, decision: 'reject' });
    await age(old.id, 400);
    // Just as old, but invited to an interview that keeps its candidates longer.
    const long = await reviewedCandidate(server, org, kept, { name: 'Lou Long', cv: 'Lou CV', answered: 1, decision: 'reject' });
    await age(long.id, 400);
    // Added a year and a day ago and never invited.
    const lonely = await createCandidate(org, { name: 'Lee Lonely', email: 'lee-lonely@example.com' });
    await age(lonely.id, 366);
    // A recruiter's preview from three days ago, and one from today.
    for (let i = 0; i < 2; i += 1) assert.equal((await org.api.post(`/api/v1/interviews/${interview.id}/preview`)).status, 201);
    const orgId = await orgIdOf(org);
    const previews = (await env.sql(`SELECT id FROM candidates WHERE org_id = ${orgId} AND preview = 1 ORDER BY id`)).trim().split('\n').map(Number);
    assert.equal(previews.length, 2);
    await env.sql(`UPDATE candidates SET created_at = created_at - ${3 * DAY} WHERE id = ${previews[0]}`);
    await env.sql(`UPDATE interviews SET created_at = created_at - ${3 * DAY} WHERE id IN (SELECT interview_id FROM invites WHERE candidate_id = ${previews[0]})`);

    const everyone = [decided, held, old, long];
    const before = {};
    for (const c of [...everyone, lonely]) before[c.id] = await rowsOf(c);
    const dirs = {};
    for (const c of everyone) dirs[c.id] = await sessionDir(org, c.invites[0].session);
    for (const c of everyone) assert.ok(fs.existsSync(dirs[c.id]), `${c.name}'s recording is on disk first`);

    const due = (await org.api.get('/api/v1/retention/due')).json;
    assert.deepEqual(due.recordings.items.map((i) => [i.sessionId, i.candidateId]).sort(),
      [[decided.invites[0].session, decided.id], [old.invites[0].session, old.id]].sort());
    assert.equal(due.recordings.count, 2);
    assert.deepEqual(due.candidates.items.map((i) => i.candidateId).sort(), [old.id, lonely.id].sort());
    assert.equal(due.previews, 1);
    // In 400 days a year has passed since every invite of today expired (14 days): all but the long-kept are due.
    const later = (await org.api.get(`/api/v1/retention/due?asOf=${new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10)}`)).json;
    assert.deepEqual(later.candidates.items.map((i) => i.candidateId).sort(), [decided.id, old.id, lonely.id, held.id].sort());
    assertError(await org.api.get('/api/v1/retention/due?asOf=soon'), 400, 'bad_request');
    for (const c of [...everyone, lonely]) assert.deepEqual(await rowsOf(c), before[c.id], 'a dry run deletes nothing');

    const started = await org.api.post('/api/v1/retention/run');
    assert.equal(started.status, 202, String(started));
    const job = await jobDone(org.api, started.json.jobId);
    assert.deepEqual(job.result, { organizations: 1, recordingSessions: 2, candidatesErased: 2, previewsRemoved: 1 });

    // Recordings of the decided candidate: files gone, rows kept and marked, playback says gone.
    await waitFor(async () => !fs.existsSync(dirs[decided.id]), { what: 'the decided candidate\'s recordings to leave the disk' });
    assert.deepEqual(await rowsOf(decided), before[decided.id], 'the rows of a candidate whose recordings went stay');
    const answer = (await org.api.get(`/api/v1/answers/${decided.invites[0].answer}`)).json;
    assert.equal(answer.media, 'deleted');
    assertError(await org.api.get(`/api/v1/answers/${decided.invites[0].answer}/recording`), 410, 'gone');
    assertError(await org.api.get(`/api/v1/answers/${decided.invites[0].answer}/segments/0`), 410, 'gone');
    assert.match((await org.api.get(`/api/v1/sessions/${decided.invites[0].session}`)).json.recordingsDeletedAt, /^\d{4}-/);
    assert.ok(fs.existsSync(blob(decided.cvSha)), 'the CV stays until the candidate goes');
    // Erased: rows and files.
    for (const c of [old, lonely]) assert.deepEqual(await rowsOf(c), none, `${c.name} is erased`);
    await waitFor(async () => !fs.existsSync(dirs[old.id]) && !fs.existsSync(blob(old.cvSha)), { what: 'the old candidate\'s files to leave the disk' });
    // Previews: the old one and its hidden interview copy, not today's.
    assert.equal(await count(`SELECT COUNT(*) FROM candidates WHERE org_id = ${orgId} AND preview = 1`), 1);
    assert.equal(await count(`SELECT COUNT(*) FROM interviews WHERE org_id = ${orgId} AND preview_of IS NOT NULL`), 1);
    // Untouched.
    for (const c of [held, long]) {
      assert.deepEqual(await rowsOf(c), before[c.id], `${c.name} is kept`);
      assert.ok(fs.existsSync(dirs[c.id]) && fs.existsSync(blob(c.cvSha)), `${c.name}'s files are kept`);
      assert.notEqual((await org.api.get(`/api/v1/answers/${c.invites[0].answer}`)).json.media, 'deleted');
    }

    const log = await listAll(org.api, '/api/v1/audit?action=retention.,candidate.erase');
    assert.deepEqual(log.map((e) => [e.action, e.target]).sort(), [
      ['candidate.erase', `candidate:${lonely.id} invites:0 sessions:0 retention`],
      ['candidate.erase', `candidate:${old.id} invites:1 sessions:1 retention`],
      ['retention.run', 'recordings:2 candidates:2'],
      ['retention.start', `job:${started.json.jobId}`],
    ].sort());
    const everything = JSON.stringify(await listAll(org.api, '/api/v1/audit'));
    for (const c of [old, lonely]) assert.ok(!everything.includes(c.name) && !everything.includes(c.email), 'the log keeps ids only');

    // A second run finds nothing more.
    const again = await org.api.post('/api/v1/retention/run');
    assert.deepEqual((await jobDone(org.api, again.json.jobId)).result, { organizations: 1, recordingSessions: 0, candidatesErased: 0, previewsRemoved: 0 });
  });

  it('a run cut off by SIGKILL finishes on the next start; the daily run is queued once a day', T, async () => {
    const org = await createOrg(env, server, 'killed');
    const interview = await createInterview(org, { criteria: [{ name: 'Communication' }] });
    const doomed = await reviewedCandidate(server, org, interview, { name: 'Dee Doomed', cv: 'Dee CV', answered: 1, decision: 'reject' });
    const other = await reviewedCandidate(server, org, interview, { name: 'Oli Other', cv: 'Oli CV', answered: 1 });
    await age(doomed.id, 400);
    const dir = await sessionDir(org, doomed.invites[0].session);

    // The only job worker is kept busy by a slow join: the run stays queued.
    let api;
    ({ server, api } = await restartWithBusyWorker(env, server, org, other.invites[0].answer));
    const started = await api.post('/api/v1/retention/run');
    assert.equal(started.status, 202, String(started));
    assert.equal((await api.get(`/api/v1/jobs/${started.json.jobId}`)).json.state, 'queued');
    server.child.kill('SIGKILL');
    await server.exited;
    assert.notDeepEqual(await rowsOf(doomed), none, 'nothing was erased before the kill');

    server = await env.start();
    api = new Api(server.url, org.token);
    const job = await jobDone(api, started.json.jobId);
    assert.equal(job.result.candidatesErased, 1);
    assert.deepEqual(await rowsOf(doomed), none);
    await waitFor(async () => !fs.existsSync(dir) && !fs.existsSync(blob(doomed.cvSha)), { what: 'the files to leave the disk' });
    assert.ok(fs.existsSync(await sessionDir(org, other.invites[0].session)), "the other candidate's recording stayed");

    // Three starts (the suite's and this test's two), one daily run per UTC day (two if midnight passed meanwhile).
    const days = firstDay === utcDay() ? 1 : 2;
    const runs = await count("SELECT COUNT(*) FROM jobs WHERE kind = 'retention' AND idem_key LIKE 'day:%'");
    assert.ok(runs >= 1 && runs <= days, `${runs} daily runs over ${days} day(s)`);
  });
});
