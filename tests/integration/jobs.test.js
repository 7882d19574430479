'use strict';
// The durable job queue (server/jobs): joining a recording is a job with a visible state and history, an
// organization sees only its own jobs, a failing job is retried and then gives up with its reason, and a server
// killed with SIGKILL again and again while jobs run still ends every job exactly once.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { Client } = require('./lib/ws');
const { createOrg, createInvitation, listAll, recordAnswer, makeWebm, probeDuration, waitFor } = require('./lib/fixtures');

const T = { timeout: 60_000 };
const LONG = { timeout: 180_000 };

/** An ffmpeg stand-in: logs each start to `log`, waits `delay` seconds, then runs the real ffmpeg (or fails). */
function ffmpegWrapper(dir, { delay = 0, fail = false } = {}) {
  const file = path.join(dir, fail ? 'ffmpeg-failing' : `ffmpeg-slow-${delay}`);
  const log = `${file}.log`;
  const body = fail
    ? `#!/bin/sh\necho "start $$" >> '${log}'\necho "Invalid data found when processing input" >&2\nexit 1\n`
    : `#!/bin/sh\necho "start $$" >> '${log}'\nsleep ${delay}\nexec ffmpeg "$@"\n`;
  fs.writeFileSync(file, body, { mode: 0o755 });
  return { file, starts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).length : 0) };
}

async function recordOne(server, org, media) {
  const { invite } = await createInvitation(org);
  const recorded = await recordAnswer(server, invite.token, media, { finishSession: true });
  recorded.candidate.close();
  return recorded.answer;
}

async function joinJobs(api) {
  return listAll(api, '/api/v1/jobs?kind=join');
}

describe(`job queue (${engine})`, () => {
  const environments = [];
  let media;
  before(async () => { media = await makeWebm(2); }, T);
  after(async () => { await Promise.all(environments.map((e) => e.cleanup())); }, LONG);

  async function newEnvironment() {
    const env = await Environment.create();
    environments.push(env);
    return env;
  }

  it('a recording is joined by a job: state and runs through the API, events live, another organization sees nothing', T, async () => {
    const env = await newEnvironment();
    const server = await env.start();
    const org = await createOrg(env, server, 'jobs');
    const other = await createOrg(env, server, 'jobs-other');
    const answer = await recordOne(server, org, media);
    assert.deepEqual(await joinJobs(org.api), [], 'no join before anyone asks for the recording');

    const events = await Client.open(`${server.wsUrl}/api/v1/events`);
    events.send({ type: 'auth', token: org.token });
    await events.next('ready');
    const recording = await org.api.get(`/api/v1/answers/${answer}/recording`, { timeout: 45_000 });
    assert.equal(recording.status, 200, String(recording));
    assert.ok(Math.abs((await probeDuration(recording.body)).duration - 2) < 0.3, 'the joined file lasts about 2 s');

    const [job, ...more] = await joinJobs(org.api);
    assert.equal(more.length, 0, 'one job per answer');
    assert.equal(job.state, 'done', JSON.stringify(job));
    assert.deepEqual(job.payload, { answerId: answer });
    assert.deepEqual(job.result, { media: 'ready' });
    assert.equal(job.attempts, 1);
    const detail = (await org.api.get(`/api/v1/jobs/${job.id}`)).json;
    assert.deepEqual(detail.runs.map((r) => [r.attempt, r.outcome]), [[1, 'done']], JSON.stringify(detail));
    const seen = [await events.next((m) => m.type === 'event' && m.event === 'job' && m.jobId === job.id)];
    seen.push(await events.next((m) => m.type === 'event' && m.event === 'job' && m.jobId === job.id));
    assert.deepEqual(seen.map((e) => e.state), ['running', 'done']);
    events.close();

    // Asking again is served from the joined file: no second job, no second run.
    assert.ok((await org.api.get(`/api/v1/answers/${answer}/recording`)).body.equals(recording.body));
    assert.equal((await joinJobs(org.api)).length, 1);
    assert.equal((await org.api.get(`/api/v1/jobs/${job.id}`)).json.runs.length, 1);

    assert.equal((await other.api.get(`/api/v1/jobs/${job.id}`)).status, 404);
    assert.deepEqual(await joinJobs(other.api), []);
    assert.equal((await org.api.get('/api/v1/jobs?state=sleeping')).status, 400);
  });

  it('a join that keeps failing is retried with backoff, then fails with its reason; the first segment still plays', T, async () => {
    const env = await newEnvironment();
    const wrapper = ffmpegWrapper(env.dataDir, { fail: true });
    const server = await env.start({ extraEnv: { INTERVOX_FFMPEG: wrapper.file } });
    const org = await createOrg(env, server, 'jobs-fail');
    const answer = await recordOne(server, org, media);
    const recording = await org.api.get(`/api/v1/answers/${answer}/recording`, { timeout: 45_000 });
    assert.equal(recording.status, 200, String(recording));
    assert.ok(recording.body.equals(media), 'served as recorded');
    const [job] = await joinJobs(org.api);
    assert.equal(job.state, 'failed', JSON.stringify(job));
    assert.match(job.lastError, /ffmpeg could not join/);
    const { runs } = (await org.api.get(`/api/v1/jobs/${job.id}`)).json;
    assert.deepEqual(runs.map((r) => [r.attempt, r.outcome]), [[1, 'retry'], [2, 'failed']]);
    const pause = Date.parse(runs[1].startedAt) - Date.parse(runs[0].endedAt);
    assert.ok(pause >= 3500, `the retry waited ${pause} ms (backoff 5 s ± 20 %)`);
    assert.equal(wrapper.starts(), 2, 'ffmpeg ran once per attempt');
    assert.equal((await org.api.get(`/api/v1/answers/${answer}`)).json.media, 'failed');
  });

  it('SIGKILL again and again while joins run: every job ends exactly once and every recording is whole', LONG, async () => {
    const env = await newEnvironment();
    const wrapper = ffmpegWrapper(env.dataDir, { delay: 1 });
    const settings = { INTERVOX_FFMPEG: wrapper.file, INTERVOX_JOB_LEASE_SECONDS: '2', INTERVOX_JOB_WORKERS: '2' };
    let server = await env.start({ extraEnv: settings });
    const org = await createOrg(env, server, 'jobs-kill');
    const answers = [];
    for (let i = 0; i < 8; i += 1) answers.push(await recordOne(server, org, media));
    // Ask for every recording (the requests die with the server; the jobs they queued must not).
    for (const answer of answers) org.api.get(`/api/v1/answers/${answer}/recording`, { timeout: 60_000 }).catch(() => {});
    await waitFor(async () => (await joinJobs(org.api)).length === answers.length, { what: 'a join job per answer' });

    let kills = 0;
    for (let round = 0; round < 4; round += 1) {
      const api = org.api;
      const running = await waitFor(async () => {
        const jobs = await joinJobs(api);
        return jobs.every((j) => j.state === 'done') ? 'all done' : jobs.some((j) => j.state === 'running') && 'running';
      }, { timeout: 30_000, interval: 50, what: 'a running job' });
      if (running === 'all done') break;
      server.child.kill('SIGKILL');
      await server.exited;
      kills += 1;
      server = await env.start({ extraEnv: settings });
      org.api = new Api(server.url, org.token);
    }
    assert.ok(kills >= 2, `the server was killed ${kills} times while jobs ran`);

    const jobs = await waitFor(async () => {
      const all = await joinJobs(org.api);
      return all.every((j) => j.state === 'done' || j.state === 'failed') && all;
    }, { timeout: 90_000, interval: 250, what: 'every job to end' });
    assert.deepEqual(jobs.map((j) => j.state), answers.map(() => 'done'), JSON.stringify(jobs));
    let lost = 0;
    for (const job of jobs) {
      const { runs } = (await org.api.get(`/api/v1/jobs/${job.id}`)).json;
      const outcomes = runs.map((r) => r.outcome);
      assert.equal(outcomes.filter((o) => o === 'done').length, 1, `job ${job.id} ended once: ${outcomes}`);
      assert.equal(outcomes.at(-1), 'done', `job ${job.id}: ${outcomes}`);
      assert.ok(outcomes.slice(0, -1).every((o) => o === 'lost'), `job ${job.id}: only runs lost with a killed server before: ${outcomes}`);
      assert.equal(job.interruptions, outcomes.length - 1, JSON.stringify(job));
      lost += outcomes.length - 1;
    }
    assert.ok(lost >= 1, 'at least one run was cut by a kill and taken over after its lease expired');
    assert.ok(wrapper.starts() >= answers.length, `ffmpeg ran for every job: ${wrapper.starts()} starts`);
    for (const answer of answers) {
      const recording = await org.api.get(`/api/v1/answers/${answer}/recording`);
      assert.equal(recording.status, 200, String(recording));
      assert.ok(Math.abs((await probeDuration(recording.body)).duration - 2) < 0.3, `answer ${answer} is whole`);
    }
  });
});
