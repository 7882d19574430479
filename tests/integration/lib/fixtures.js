'use strict';
// Shared fixtures: organizations with a signed-in admin, interviews, candidates, invites, a candidate session
// driven over the WebSocket protocol, test media (a real webm/opus file, a real PDF) and polling with deadlines.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { Api } = require('./http');
const { Client, sha256, split } = require('./ws');
const { run } = require('./server');

const WEBM_MIME = 'audio/webm;codecs=opus';

function unique(label = 'x') { return `${label}-${crypto.randomBytes(4).toString('hex')}`; }

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeout` ms. */
async function waitFor(probe, { timeout = 20_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timeout after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Creates an organization and its admin with `intervoxd admin create`, then signs in. */
async function createOrg(env, server, label = 'org') {
  const id = unique(label);
  const email = `admin-${id}@example.com`;
  const password = `pw-${crypto.randomBytes(12).toString('hex')}`;
  const organization = `Organization ${id}`;
  const name = `Admin ${id}`;
  const created = await env.createAdmin({ organization, email, name, password });
  const api = new Api(server.url);
  const res = await api.post('/api/v1/auth/login', { email, password });
  assert.equal(res.status, 200, `login failed: ${res}`);
  assert.equal(typeof res.json.accessToken, 'string', `login reply has no accessToken: ${res}`);
  return { created, email, password, name, organization, token: res.json.accessToken, api: api.withToken(res.json.accessToken), server };
}

function interviewBody(overrides = {}) {
  return {
    title: 'Support engineer',
    intro: 'Welcome to this interview.',
    language: 'en',
    questions: [{ text: 'Tell us about yourself', thinkSeconds: 30, answerSeconds: 120, retakes: 1 }],
    ...overrides,
  };
}

async function createInterview(org, overrides = {}) {
  const res = await org.api.post('/api/v1/interviews', interviewBody(overrides));
  assert.equal(res.status, 201, `create interview: ${res}`);
  return res.json;
}

async function createCandidate(org, overrides = {}) {
  const id = unique('cand');
  const res = await org.api.post('/api/v1/candidates', { name: `Ada ${id}`, email: `${id}@example.com`, ...overrides });
  assert.equal(res.status, 201, `create candidate: ${res}`);
  return res.json;
}

async function createInvite(org, interviewId, candidateId, extra = {}) {
  const res = await org.api.post('/api/v1/invites', { interviewId, candidateId, ...extra });
  assert.equal(res.status, 201, `create invite: ${res}`);
  return res.json;
}

/**
 * Every item of a list route, following `next` with pages of `limit` (lists are pages of at most 200; a single
 * GET shows only the newest 50). Fails if the list does not end within `maxPages`.
 */
async function listAll(api, path, { limit = 200, maxPages = 1000 } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const query = `limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
    const res = await api.get(`${path}${path.includes('?') ? '&' : '?'}${query}`);
    assert.equal(res.status, 200, String(res));
    items.push(...res.json.items);
    if (res.json.next === null) return items;
    assert.equal(typeof res.json.next, 'string', `next is neither a cursor nor null: ${res}`);
    cursor = res.json.next;
  }
  throw new Error(`${path} did not end within ${maxPages} pages`);
}

/** An interview, a candidate and an invite, ready for a candidate session. */
async function createInvitation(org, { interview: interviewOverrides, invite: inviteExtra } = {}) {
  const interview = await createInterview(org, interviewOverrides);
  const candidate = await createCandidate(org);
  const invite = await createInvite(org, interview.id, candidate.id, inviteExtra);
  return { interview, candidate, invite };
}

// ---------------------------------------------------------------------------------------------------------
// Candidate side of docs/protocol.md

class Candidate {
  /** Opens /ws/session and sends hello. Does not wait for the reply. */
  static async connect(server, token, { mime = WEBM_MIME } = {}) {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    client.send({ type: 'hello', protocol: 1, token, mime });
    return new Candidate(client);
  }

  /** Connects and waits for the first `state`. */
  static async join(server, token, options) {
    const candidate = await Candidate.connect(server, token, options);
    candidate.state = await candidate.client.next('state');
    return candidate;
  }

  constructor(client) { this.client = client; this.state = null; }

  waitState(phase, timeout) {
    return this.client.next((m) => m.type === 'state' && m.phase === phase, timeout);
  }

  async consent(accepted = true) {
    this.client.send({ type: 'consent', accepted });
    this.state = await this.waitState(accepted ? 'intro' : 'refused');
    return this.state;
  }

  async begin() {
    this.client.send({ type: 'begin' });
    this.state = await this.waitState('thinking');
    return this.state;
  }

  /** start_answer → the answer id from answer_started. */
  async startAnswer() {
    this.client.send({ type: 'start_answer' });
    const started = await this.client.next('answer_started');
    assert.equal(typeof started.answer, 'number', `answer_started without an answer id: ${JSON.stringify(started)}`);
    return started;
  }

  /** Sends pieces as chunks seq from..from+n-1 and waits for the ack of the last one. */
  async upload(answer, pieces, { segment = 0, from = 0 } = {}) {
    pieces.forEach((payload, i) => this.client.sendChunk({ answer, segment, seq: from + i, payload }));
    const last = from + pieces.length - 1;
    const sameSegment = (m) => m.type === 'ack' && m.answer === answer && (m.segment === undefined || m.segment === segment);
    const ack = await this.client.next((m) => sameSegment(m) && m.seq === last, 15_000);
    // Acks of the lower seqs (if the server sends one per chunk) are covered by this one: drop them.
    this.client.discard((m) => sameSegment(m) && m.seq <= last);
    return ack;
  }

  /** finish_answer with the given segments' bytes → the answer_saved message. */
  async finish(answer, segments, { durationMs = 2000 } = {}) {
    this.client.send({
      type: 'finish_answer',
      answer,
      segments: segments.map((pieces) => {
        const bytes = Buffer.concat(pieces);
        return { chunks: pieces.length, bytes: bytes.length, sha256: sha256(bytes), durationMs };
      }),
    });
    return this.client.next((m) => m.type === 'answer_saved' && m.answer === answer, 15_000);
  }

  async next() {
    this.client.send({ type: 'next' });
    this.state = await this.client.next((m) => m.type === 'state' && ['thinking', 'finished'].includes(m.phase));
    return this.state;
  }

  /** Ping → pong on this socket (proves it is alive and served). */
  async ping() {
    this.client.send({ type: 'ping' });
    return this.client.next('pong');
  }

  close() { this.client.close(); }
}

/** A new invitation whose candidate has consented and is answering: { candidate, answer, invite }. */
async function startAnswering(server, org, interviewOverrides) {
  const { invite } = await createInvitation(org, { interview: interviewOverrides });
  const candidate = await Candidate.join(server, invite.token);
  await candidate.consent(true);
  await candidate.begin();
  const { answer } = await candidate.startAnswer();
  return { candidate, answer, invite };
}

/**
 * The whole happy path for a one-question interview: consent, begin, start_answer, chunks, finish_answer,
 * answer_saved. Returns { candidate, answer (id), saved, bytes, pieces }.
 */
async function recordAnswer(server, token, media, { chunkSize = 4096, finishSession = false } = {}) {
  const candidate = await Candidate.join(server, token);
  assert.equal(candidate.state.phase, 'consent', `first state: ${JSON.stringify(candidate.state)}`);
  await candidate.consent(true);
  await candidate.begin();
  const started = await candidate.startAnswer();
  const pieces = split(media, chunkSize);
  await candidate.upload(started.answer, pieces);
  const saved = await candidate.finish(started.answer, [pieces]);
  if (finishSession) await candidate.next();
  return { candidate, answer: started.answer, started, saved, pieces, bytes: media };
}

// ---------------------------------------------------------------------------------------------------------
// Media

let mediaDir = null;
function mediaFolder() {
  if (!mediaDir) {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intervox-it-media-'));
    process.on('exit', () => fs.rmSync(mediaDir, { recursive: true, force: true }));
  }
  return mediaDir;
}

/** A real short webm/opus recording made by ffmpeg (a sine tone of `seconds`). */
async function makeWebm(seconds = 2, frequency = 440) {
  const file = path.join(mediaFolder(), `tone-${frequency}-${seconds}.webm`);
  if (!fs.existsSync(file)) {
    await run('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:duration=${seconds}`,
      '-c:a', 'libopus', '-b:a', '32k', '-f', 'webm', file]);
  }
  return fs.readFileSync(file);
}

/** Duration in seconds of a media file, from ffprobe. */
async function probeDuration(buffer) {
  const file = path.join(mediaFolder(), `probe-${unique()}.bin`);
  fs.writeFileSync(file, buffer);
  try {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration,format_name', '-of', 'json', file]);
    const format = JSON.parse(stdout).format;
    return { duration: Number(format.duration), formatName: format.format_name };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A minimal but valid one-page PDF (correct xref offsets) with the given text. */
function makePdf(text = 'Curriculum vitae') {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The server still serves others: /healthz, the org's /me, and a brand-new candidate session (hello → state,
 * ping → pong) on a second, healthy client.
 */
async function assertServerHealthy(server, org) {
  assert.ok(server.running, `the server process exited:\n${server.log()}`);
  const health = await org.api.get('/healthz').catch((error) => {
    throw new Error(`/healthz failed (${error.cause ? error.cause.message : error.message}); server running: ${server.running}\n${server.log()}`);
  });
  assert.equal(health.status, 200, `healthz: ${health}`);
  const me = await org.api.get('/api/v1/me');
  assert.equal(me.status, 200, `me: ${me}`);
  const { invite } = await createInvitation(org);
  const candidate = await Candidate.join(server, invite.token);
  try {
    assert.equal(candidate.state.phase, 'consent', `healthy client's state: ${JSON.stringify(candidate.state)}`);
    await candidate.ping();
  } finally {
    candidate.close();
  }
}

/** `res` is the API's error shape {"error":{code,message,field}} with this status, code and (optionally) field. */
function assertError(res, status, code, field) {
  assert.equal(res.status, status, `expected ${status}: ${res}`);
  assert.ok(res.json && res.json.error, `expected the error shape {"error":{…}}: ${res}`);
  assert.equal(res.json.error.code, code, `error code: ${res}`);
  assert.equal(typeof res.json.error.message, 'string', `error message: ${res}`);
  assert.ok(res.json.error.message.length > 0, `empty error message: ${res}`);
  if (field instanceof RegExp) assert.match(String(res.json.error.field), field, `error field: ${res}`);
  else if (field !== undefined) assert.equal(res.json.error.field, field, `error field: ${res}`);
}

async function statementsRun(server) {
  const res = await new Api(server.url).get('/metrics');
  assert.equal(res.status, 200, String(res));
  const match = /^intervox_db_statements_total (\d+)$/m.exec(res.text);
  assert.ok(match, `no intervox_db_statements_total in /metrics:\n${res.text}`);
  return Number(match[1]);
}

/**
 * The SQL statements one GET of `path` costs on `server` (how tests see N+1 queries): what /metrics itself costs
 * (two readings in a row) is taken off, and the least of a few tries counts, so that background work between two
 * readings cannot make it look dearer.
 */
async function sqlCost(server, api, path) {
  let overhead = Infinity;
  let withRequest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const first = await statementsRun(server);
    const before = await statementsRun(server);
    const res = await api.get(path);
    const after = await statementsRun(server);
    assert.equal(res.status, 200, String(res));
    overhead = Math.min(overhead, before - first);
    withRequest = Math.min(withRequest, after - before);
  }
  return withRequest - overhead;
}

/** The secret of a setup link (`{url}`: the token travels in the fragment). */
const setupTokenOf = (link) => decodeURIComponent(new URL(link.url).hash.slice(1));

/** Invites a member of `role` as `admin`, has them set a password through the link; returns them signed in. */
async function addMember(server, admin, role) {
  const email = `${unique(role)}@example.com`;
  const res = await admin.api.post('/api/v1/users', { email, name: `A ${role}`, role });
  assert.equal(res.status, 201, String(res));
  const secret = `pw-${crypto.randomBytes(9).toString('hex')}`;
  const set = await new Api(server.url).post('/api/v1/auth/setup', { token: setupTokenOf(res.json.setupLink), password: secret });
  assert.equal(set.status, 200, String(set));
  return { id: res.json.id, email, password: secret, token: set.json.accessToken, api: new Api(server.url, set.json.accessToken) };
}

/**
 * A candidate with a CV (`cv` text) and `answered` invites to `interview` (which has a criterion), each answered
 * once, rated, with a note and a `decision`. Gives the candidate with `cvSha` and `invites` ({…invite, answer, session}).
 */
async function reviewedCandidate(server, org, interview, { name, cv, answered = 2, decision = 'hold' }) {
  const candidate = await createCandidate(org, { name, email: `${unique(name.split(' ')[0].toLowerCase())}@example.com` });
  const upload = await org.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: makePdf(cv), contentType: 'application/pdf' });
  assert.equal(upload.status, 200, String(upload));
  const invites = [];
  for (let i = 0; i < answered; i += 1) {
    const invite = await createInvite(org, interview.id, candidate.id);
    const { answer } = await recordAnswer(server, invite.token, await makeWebm(1), { finishSession: true });
    const criterion = (await org.api.get(`/api/v1/interviews/${interview.id}/criteria`)).json.items[0].id;
    assert.equal((await org.api.put(`/api/v1/invites/${invite.id}/review/ratings`, { ratings: { [criterion]: 4 } })).status, 200);
    assert.equal((await org.api.put(`/api/v1/invites/${invite.id}/review/note`, { note: `About ${name}` })).status, 200);
    assert.equal((await org.api.post(`/api/v1/invites/${invite.id}/decision`, { decision })).status, 200);
    invites.push({ ...invite, answer, session: (await org.api.get(`/api/v1/answers/${answer}`)).json.sessionId });
  }
  return { ...candidate, cvSha: upload.json.cv.sha256, invites };
}

/**
 * Restarts `server` of `env` with a single job worker, kept busy by the join of `answer` through an ffmpeg that
 * waits a minute: jobs queued next stay queued until the process is killed. Gives the new server and an Api
 * for `org` on it (a new port after each start).
 */
async function restartWithBusyWorker(env, server, org, answer) {
  const slow = path.join(env.dataDir, 'ffmpeg-slow');
  fs.writeFileSync(slow, '#!/bin/sh\nsleep 60\nexec ffmpeg "$@"\n', { mode: 0o755 });
  await server.stop();
  const busy = await env.start({ extraEnv: { INTERVOX_FFMPEG: slow, INTERVOX_JOB_WORKERS: '1' } });
  const api = new Api(busy.url, org.token);
  api.get(`/api/v1/answers/${answer}/recording`, { timeout: 1000 }).catch(() => {}); // starts the join
  await waitFor(async () => (await api.get('/api/v1/jobs?kind=join&state=running')).json.items.length === 1, { what: 'the slow join running' });
  return { server: busy, api };
}

module.exports = {
  setupTokenOf, addMember, reviewedCandidate, restartWithBusyWorker,
  WEBM_MIME, unique, waitFor, createOrg, interviewBody, createInterview, createCandidate, createInvite, listAll,
  createInvitation, Candidate, startAnswering, recordAnswer, makeWebm, probeDuration, makePdf, assertServerHealthy,
  assertError, sqlCost,
};
