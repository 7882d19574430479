'use strict';
// A candidate's own data in one archive (POST /candidates/{id}/export, GET /exports/{job}; docs/privacy.md): an
// administrator asks for it, a job writes it, only they download it, and it holds exactly the candidate's data —
// their details, CV, every answer's recording byte for byte, ratings, notes, decisions — and nobody else's (no
// other candidate, no reviewer's name). Erasing the candidate removes their archives too.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const {
  waitFor, createOrg, createInterview, addMember, listAll, assertError, reviewedCandidate,
} = require('./lib/fixtures');

const T = { timeout: 180_000 };
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

/** The entries of a ZIP archive whose entries are stored (not compressed): name → Buffer. */
function readStoredZip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'an end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    assert.equal(method, 0, `${name} is stored`);
    assert.equal(zip.readUInt32LE(local), 0x04034b50, 'a local header');
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    entries.set(name, zip.subarray(data, data + size));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe(`a candidate's export archive (${engine})`, () => {
  let env, server, org;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'export');
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  it('holds exactly the candidate\'s data, for administrators only, and goes when the candidate is erased', T, async () => {
    const interview = await createInterview(org, { criteria: [{ name: 'Communication' }] });
    const target = await reviewedCandidate(server, org, interview, { name: 'Tara Target', cv: 'Tara Target CV', answered: 2, decision: 'advance' });
    const other = await reviewedCandidate(server, org, interview, { name: 'Otto Other', cv: 'Otto Other CV', answered: 1 });
    // One recording was played (so joined), the other not: the archive has the joined file and the part as recorded.
    const joined = await org.api.get(`/api/v1/answers/${target.invites[0].answer}/recording`);
    assert.equal(joined.status, 200, String(joined));
    const parts = (await org.api.get(`/api/v1/answers/${target.invites[1].answer}`)).json.segments;
    assert.equal(parts.length, 1);

    const recruiter = await addMember(server, org, 'recruiter');
    assertError(await recruiter.api.post(`/api/v1/candidates/${target.id}/export`), 403, 'forbidden');
    const started = await org.api.post(`/api/v1/candidates/${target.id}/export`);
    assert.equal(started.status, 202, String(started));
    const job = await waitFor(async () => {
      const j = (await org.api.get(`/api/v1/jobs/${started.json.jobId}`)).json;
      return j.state === 'done' ? j : null;
    }, { what: 'the export job' });
    assert.equal(job.result.recordings, 2);
    assertError(await recruiter.api.get(`/api/v1/exports/${started.json.jobId}`), 403, 'forbidden');
    const outsider = await createOrg(env, server, 'outsider');
    assertError(await outsider.api.get(`/api/v1/exports/${started.json.jobId}`), 404, 'not_found');

    const res = await org.api.get(`/api/v1/exports/${started.json.jobId}`);
    assert.equal(res.status, 200, String(res));
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.match(res.headers.get('content-disposition'), new RegExp(`attachment; filename="candidate-${target.id}-export.zip"`));
    const entries = readStoredZip(res.body);
    const folder = `candidate-${target.id}`;
    const a1 = target.invites[0].answer;
    const a2 = target.invites[1].answer;
    assert.deepEqual([...entries.keys()].sort(), [
      `${folder}/README.txt`, `${folder}/cv.pdf`, `${folder}/data.json`,
      `${folder}/recordings/answer-${a1}.webm`, `${folder}/recordings/answer-${a2}-part-1.webm`,
    ].sort());
    // Byte for byte what the organization holds.
    assert.ok(entries.get(`${folder}/cv.pdf`).equals((await org.api.get(`/api/v1/candidates/${target.id}/cv`)).body));
    assert.ok(entries.get(`${folder}/recordings/answer-${a1}.webm`).equals(joined.body));
    assert.equal(sha256(entries.get(`${folder}/recordings/answer-${a2}-part-1.webm`)), parts[0].sha256);

    const data = JSON.parse(entries.get(`${folder}/data.json`).toString('utf8'));
    assert.equal(data.format, 'intervox-candidate-export/1');
    assert.equal(data.organization, org.organization);
    assert.deepEqual([data.candidate.id, data.candidate.name, data.candidate.email], [target.id, target.name, target.email]);
    assert.equal(data.candidate.cv.sha256, target.cvSha);
    assert.deepEqual(data.applications.map((a) => a.inviteId), target.invites.map((i) => i.id));
    for (const [i, app] of data.applications.entries()) {
      assert.equal(app.interview.title, interview.title);
      assert.equal(app.sessions.length, 1);
      assert.equal(app.sessions[0].consent, 'given');
      assert.deepEqual(app.sessions[0].answers.map((a) => [a.id, a.question]), [[target.invites[i].answer, 'Tell us about yourself']]);
      assert.deepEqual(app.ratings.map((r) => [r.criterion, r.score]), [['Communication', 4]]);
      assert.deepEqual(app.reviewerNotes.map((n) => n.text), ['About Tara Target']);
      assert.deepEqual(app.decisions.map((d) => d.decision), ['advance']);
    }
    assert.deepEqual(data.applications[0].sessions[0].answers[0].recordingFiles, [`recordings/answer-${a1}.webm`]);
    // Nobody else: not the other candidate, not who rated or wrote the notes.
    const everything = res.body.toString('latin1');
    for (const foreign of [other.name, other.email, 'Otto Other CV', org.name, org.email, recruiter.email]) {
      assert.ok(!everything.includes(foreign), `the archive does not hold ${foreign}`);
    }
    // On disk, readable only by the server's user.
    const file = path.join(env.dataDir, 'exports', String(await orgIdOf()), `candidate-${target.id}-${started.json.jobId}.zip`);
    assert.equal(fs.statSync(file).mode & 0o077, 0, 'no one else may read the archive');

    const log = await listAll(org.api, '/api/v1/audit?action=candidate.export,candidate.export_download');
    assert.deepEqual(log.map((e) => [e.action, e.target]).reverse(), [
      ['candidate.export', `candidate:${target.id} job:${started.json.jobId}`],
      ['candidate.export_download', `candidate:${target.id} job:${started.json.jobId}`],
    ]);

    // Erasing the candidate takes their archive with it.
    const erased = await org.api.delete(`/api/v1/candidates/${target.id}`);
    assert.equal(erased.status, 202, String(erased));
    const eraseJob = await waitFor(async () => {
      const j = (await org.api.get(`/api/v1/jobs/${erased.json.jobId}`)).json;
      return j.state === 'done' ? j : null;
    }, { what: 'the erase job' });
    assert.equal(eraseJob.result.exportsRemoved, 1);
    assert.ok(!fs.existsSync(file));
    assertError(await org.api.get(`/api/v1/exports/${started.json.jobId}`), 410, 'gone');
    assertError(await org.api.post(`/api/v1/candidates/${target.id}/export`), 404, 'not_found');
  });

  it('the daily run removes archives older than a week', T, async () => {
    const interview = await createInterview(org, { title: 'Weekly', criteria: [{ name: 'Depth' }] });
    const candidate = await reviewedCandidate(server, org, interview, { name: 'Wim Week', cv: 'Wim CV', answered: 1 });
    const [old, fresh] = [await org.api.post(`/api/v1/candidates/${candidate.id}/export`), await org.api.post(`/api/v1/candidates/${candidate.id}/export`)];
    for (const started of [old, fresh]) {
      await waitFor(async () => (await org.api.get(`/api/v1/jobs/${started.json.jobId}`)).json.state === 'done', { what: 'an export job' });
    }
    const fileOf = async (started) => path.join(env.dataDir, 'exports', String(await orgIdOf()), `candidate-${candidate.id}-${started.json.jobId}.zip`);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(await fileOf(old), eightDaysAgo, eightDaysAgo);
    // Today's daily run happened when the server started: make it a new day's, as a restart tomorrow would.
    await env.sql("DELETE FROM job_runs WHERE job_id IN (SELECT id FROM jobs WHERE kind = 'retention'); DELETE FROM jobs WHERE kind = 'retention'");
    await server.stop();
    server = await env.start();
    await waitFor(async () => Number((await env.sql("SELECT COUNT(*) FROM jobs WHERE kind = 'retention' AND state = 'done'")).trim()) === 1,
      { what: 'the daily retention run' });
    const api = new Api(server.url, org.token); // (a new port after each start)
    assert.ok(!fs.existsSync(await fileOf(old)), 'the week-old archive went');
    assert.ok(fs.existsSync(await fileOf(fresh)), 'the new one stays');
    assertError(await api.get(`/api/v1/exports/${old.json.jobId}`), 410, 'gone');
    assert.equal((await api.get(`/api/v1/exports/${fresh.json.jobId}`)).status, 200);
  });

  async function orgIdOf() {
    return Number((await env.sql(`SELECT org_id FROM users WHERE email = '${org.email.toLowerCase()}'`)).trim());
  }
});
