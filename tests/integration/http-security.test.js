'use strict';
// The recruiter API under hostile input: oversized uploads, fake PDFs, injection in every string field,
// path tricks, other organizations' ids and missing tokens. Each refusal is clear and the server keeps serving.

const assert = require('node:assert/strict');
const net = require('node:net');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api, rawRequest } = require('./lib/http');
const {
  unique, waitFor, createOrg, interviewBody, createInterview, createCandidate, createInvite, recordAnswer,
  listAll, makeWebm, makePdf, assertServerHealthy,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 90_000 };
const MiB = 1024 * 1024;

/** Replies compared without their numbers (ids in messages differ by construction). */
const digitless = (text) => text.replace(/\d+/g, '#');

function assertError(res, status, code) {
  assert.equal(res.status, status, `expected ${status}: ${res}`);
  assert.ok(res.json && res.json.error, `expected the error shape {"error":{…}}: ${res}`);
  assert.equal(res.json.error.code, code, `error code: ${res}`);
}

/**
 * Announces `contentLength` bytes, then streams the body (starting with `prefix`) while the server accepts it,
 * up to `maxSend` bytes or `sendMs` ms. Resolves { status, json, sent } once the response is read.
 */
function announceHugeBody(port, { method, path, token, contentType, contentLength, prefix, maxSend, sendMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received = [];
    let sent = 0;
    let stopped = false;
    let finished = false;
    const started = Date.now();
    const block = Buffer.alloc(MiB, 0x41);

    const overall = setTimeout(() => done(new Error(`no response within ${sendMs + 10_000} ms (sent ${sent} bytes)`)), sendMs + 10_000);

    function parse() {
      const raw = Buffer.concat(received);
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const head = raw.subarray(0, end).toString('latin1').split('\r\n');
      const headers = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const body = raw.subarray(end + 4);
      const length = Number(headers['content-length'] || 0);
      if (body.length < length) return null;
      let json;
      try { json = JSON.parse(body.subarray(0, length || body.length).toString('utf8')); } catch { json = undefined; }
      return { status: Number(head[0].split(' ')[1]), headers, json, text: body.toString('utf8') };
    }

    function done(error) {
      if (finished) return;
      finished = true;
      stopped = true;
      clearTimeout(overall);
      socket.destroy();
      const response = parse();
      if (!response) {
        reject(error || new Error(`the server closed the connection without a response (sent ${sent} bytes)`));
        return;
      }
      response.sent = sent;
      response.toString = () => `-> ${response.status} ${response.text.slice(0, 300)} (sent ${sent} bytes)`;
      resolve(response);
    }

    async function pump() {
      let first = Buffer.from(prefix || '');
      while (!stopped && sent < maxSend && Date.now() - started < sendMs) {
        const piece = first.length ? Buffer.concat([first, block.subarray(first.length)]) : block;
        first = Buffer.alloc(0);
        sent += piece.length;
        if (!socket.write(piece)) {
          // The server is not reading (good): wait a little for it to drain, else stop sending.
          const drained = await new Promise((resolve) => {
            const t = setTimeout(() => resolve(false), 1000);
            socket.once('drain', () => { clearTimeout(t); resolve(true); });
            socket.once('close', () => { clearTimeout(t); resolve(false); });
          });
          if (!drained) break;
        }
      }
      stopped = true;
      // Sending is over; the response has arrived already or arrives now.
      await waitFor(() => finished || parse(), { timeout: 10_000, interval: 50, what: 'the response' }).catch(() => {});
      done();
    }

    socket.on('data', (chunk) => { received.push(chunk); });
    socket.on('error', () => { stopped = true; });
    socket.on('close', () => { stopped = true; });
    socket.on('connect', () => {
      socket.write([
        `${method} ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        `Authorization: Bearer ${token}`,
        `Content-Type: ${contentType}`,
        `Content-Length: ${contentLength}`,
        '', ''].join('\r\n'));
      pump().catch(done);
    });
  });
}

describe(`recruiter API under hostile input (${engine})`, () => {
  let env, server, orgA, orgB, a, media;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    orgA = await createOrg(env, server, 'sec-a');
    orgB = await createOrg(env, server, 'sec-b');
    media = await makeWebm(2);
    // Organization A's world: an interview, a candidate with a CV, an invite, a session with a saved answer.
    const interview = await createInterview(orgA, { title: 'A secret interview' });
    const candidate = await createCandidate(orgA, { name: 'A secret candidate' });
    const cv = makePdf('secret CV of organization A');
    const put = await orgA.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: cv, contentType: 'application/pdf' });
    assert.equal(put.status, 200, String(put));
    const invite = await createInvite(orgA, interview.id, candidate.id);
    const recorded = await recordAnswer(server, invite.token, media);
    recorded.candidate.close();
    const sessionId = recorded.candidate.state.session;
    const joined = await orgA.api.get(`/api/v1/answers/${recorded.answer}/recording`, { timeout: 45_000 });
    assert.equal(joined.status, 200, `the recording of organization A: ${joined}`);
    a = { interview, candidate: put.json, cv, invite, answer: recorded.answer, sessionId };
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  const healthy = () => assertServerHealthy(server, orgA);

  // ------------------------------------------------------------------------------------------ body limits

  it('a CV upload announcing 200 MB answers 413 before reading the body and server memory does not grow', { timeout: 60_000 }, async (t) => {
    const candidate = await createCandidate(orgA);
    const before = server.rssKiB();
    let peak = before;
    const sampler = setInterval(() => { try { peak = Math.max(peak, server.rssKiB()); } catch { /* exited */ } }, 50);
    let res;
    try {
      res = await announceHugeBody(server.port, {
        method: 'PUT', path: `/api/v1/candidates/${candidate.id}/cv`, token: orgA.token,
        contentType: 'application/pdf', contentLength: 200 * MiB, prefix: '%PDF-1.4\n', maxSend: 64 * MiB,
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, server.rssKiB());
    assertError(res, 413, 'too_large');
    const grownMiB = (peak - before) / 1024;
    t.diagnostic(`streamed ${(res.sent / MiB).toFixed(1)} MiB, server RSS ${(before / 1024).toFixed(1)} -> peak ${(peak / 1024).toFixed(1)} MiB`);
    assert.ok(grownMiB < 20, `server RSS grew by ${grownMiB.toFixed(1)} MiB while ${(res.sent / MiB).toFixed(1)} MiB were streamed`);
    assert.equal((await orgA.api.get(`/api/v1/candidates/${candidate.id}`)).json.cv, null, 'a CV was stored');
    await healthy();
  });

  it('a JSON request announcing 200 MB answers 413 before reading the body and server memory does not grow', { timeout: 60_000 }, async (t) => {
    const before = server.rssKiB();
    let peak = before;
    const sampler = setInterval(() => { try { peak = Math.max(peak, server.rssKiB()); } catch { /* exited */ } }, 50);
    let res;
    try {
      res = await announceHugeBody(server.port, {
        method: 'POST', path: '/api/v1/interviews', token: orgA.token, contentType: 'application/json',
        contentLength: 200 * MiB, prefix: '{"title":"', maxSend: 64 * MiB,
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, server.rssKiB());
    assertError(res, 413, 'too_large');
    const grownMiB = (peak - before) / 1024;
    t.diagnostic(`streamed ${(res.sent / MiB).toFixed(1)} MiB, server RSS ${(before / 1024).toFixed(1)} -> peak ${(peak / 1024).toFixed(1)} MiB`);
    assert.ok(grownMiB < 20, `server RSS grew by ${grownMiB.toFixed(1)} MiB while ${(res.sent / MiB).toFixed(1)} MiB were streamed`);
    await healthy();
  });

  it('a CV of 10 MiB + 1 byte answers 413 too_large', { timeout: 60_000 }, async () => {
    const candidate = await createCandidate(orgA);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * MiB - 14 + 1, 0x20), Buffer.from('%%EOF')]);
    assert.equal(big.length, 10 * MiB + 1);
    const res = await orgA.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: big, contentType: 'application/pdf' })
      .catch((error) => ({ status: 'connection closed early', error }));
    // A server that answers 413 from Content-Length may close before the body is sent; fetch then fails.
    if (res.status !== 'connection closed early') assertError(res, 413, 'too_large');
    assert.equal((await orgA.api.get(`/api/v1/candidates/${candidate.id}`)).json.cv, null, 'a CV was stored');
    await healthy();
  });

  // ------------------------------------------------------------------------------------------- fake PDFs

  for (const [what, body, contentType] of [
    ['a CV that is plain text labelled application/pdf', Buffer.from('This is not a PDF at all.\n%%EOF\n'), 'application/pdf'],
    ['a CV that is a PNG labelled application/pdf', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]), 'application/pdf'],
    ['a CV that starts like a PDF but has no %%EOF', makePdf('truncated').subarray(0, 200), 'application/pdf'],
    ['a CV with a PDF header and trailer around garbage', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 0x5a), Buffer.from('\n%%EOF\n')]), 'application/pdf'],
    ['a real PDF sent with Content-Type text/plain', makePdf('wrong type'), 'text/plain'],
  ]) {
    it(`${what} answers 415 unsupported_media_type and keeps the previous CV`, T, async () => {
      const candidate = await createCandidate(orgA);
      const good = makePdf('the good CV');
      assert.equal((await orgA.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body: good, contentType: 'application/pdf' })).status, 200);
      const res = await orgA.api.request('PUT', `/api/v1/candidates/${candidate.id}/cv`, { body, contentType });
      assertError(res, 415, 'unsupported_media_type');
      const get = await orgA.api.get(`/api/v1/candidates/${candidate.id}/cv`);
      assert.ok(get.body.equals(good), 'the refused upload replaced the CV');
      await healthy();
    });
  }

  // ------------------------------------------------------------------------------------------- injection

  const HOSTILE = [
    "Robert'); DROP TABLE candidates;--",
    "' OR '1'='1' --",
    '" OR ""="',
    '1; SELECT pg_sleep(5); --',
    "'; UPDATE interviews SET title='pwned'; --",
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '<script>alert(document.cookie)</script>',
    '${jndi:ldap://example.invalid/a} {{7*7}} %s%n',
    'Zoë 日本語 Ωμέγα 🎤',
    "\\'\\\"\\\\",
    'NULL',
  ];

  async function counts(org) {
    const [interviews, candidates] = await Promise.all([listAll(org.api, '/api/v1/interviews'), listAll(org.api, '/api/v1/candidates')]);
    return { interviews, candidates };
  }

  it('SQL and path injection in interview title, intro and question text is stored and returned verbatim', { timeout: 60_000 }, async () => {
    const canary = await createInterview(orgA, { title: 'Canary interview' });
    const before = await counts(orgA);
    const created = [];
    for (const text of HOSTILE) {
      const body = interviewBody({ title: text, intro: `${text}\n${text}`, questions: [{ text, thinkSeconds: 5, answerSeconds: 30, retakes: 0 }] });
      const res = await orgA.api.post('/api/v1/interviews', body);
      assert.equal(res.status, 201, `${JSON.stringify(text)}: ${res}`);
      assert.equal(res.json.title, text);
      assert.equal(res.json.intro, body.intro);
      assert.equal(res.json.questions[0].text, text);
      const get = await orgA.api.get(`/api/v1/interviews/${res.json.id}`);
      assert.deepEqual(get.json, res.json, `round trip of ${JSON.stringify(text)}`);
      created.push(res.json);
    }
    const after = await counts(orgA);
    assert.equal(after.interviews.length, before.interviews.length + HOSTILE.length);
    assert.deepEqual((await orgA.api.get(`/api/v1/interviews/${canary.id}`)).json, canary, 'another row changed');
    assert.deepEqual((await orgA.api.get(`/api/v1/interviews/${a.interview.id}`)).json.title, a.interview.title);
    for (const iv of created) assert.ok(after.interviews.some((x) => x.id === iv.id && x.title === iv.title));
    await healthy();
  });

  it('SQL and path injection in candidate name and email is stored and returned verbatim', { timeout: 60_000 }, async () => {
    const canary = await createCandidate(orgA, { name: 'Canary candidate' });
    const before = await counts(orgA);
    const emails = ["x'or'1'='1--@example.com", "o'neil+tag@example.com", "a.b-c_d@example.com"];
    for (const [i, name] of HOSTILE.entries()) {
      const email = i < emails.length ? emails[i] : `${unique('inj')}@example.com`;
      const res = await orgA.api.post('/api/v1/candidates', { name, email });
      assert.equal(res.status, 201, `${JSON.stringify(name)} / ${email}: ${res}`);
      assert.equal(res.json.name, name);
      assert.equal(res.json.email, email);
      assert.deepEqual((await orgA.api.get(`/api/v1/candidates/${res.json.id}`)).json, res.json);
    }
    const after = await counts(orgA);
    assert.equal(after.candidates.length, before.candidates.length + HOSTILE.length);
    assert.deepEqual((await orgA.api.get(`/api/v1/candidates/${canary.id}`)).json, canary, 'another row changed');
    assert.deepEqual((await orgA.api.get(`/api/v1/candidates/${a.candidate.id}`)).json, a.candidate);
    await healthy();
  });

  it('SQL and path injection in batch invite names is stored verbatim', T, async () => {
    const interview = await createInterview(orgA);
    const people = HOSTILE.slice(0, 5).map((name) => ({ name, email: `${unique('b')}@example.com` }));
    const res = await orgA.api.post('/api/v1/invites/batch', { interviewId: interview.id, candidates: people });
    assert.equal(res.status, 201, String(res));
    for (const [i, item] of res.json.items.entries()) {
      assert.equal((await orgA.api.get(`/api/v1/candidates/${item.candidateId}`)).json.name, people[i].name);
    }
    await healthy();
  });

  it('SQL injection in a login email answers 401 and signs nobody in', T, async () => {
    const anonymous = new Api(server.url);
    for (const email of ["' OR '1'='1' --", `${orgA.email}' --`, "admin@example.com' OR 1=1 --"]) {
      const res = await anonymous.post('/api/v1/auth/login', { email, password: "' OR '1'='1" });
      assert.ok([401, 422].includes(res.status), `${email}: ${res}`);
      assert.equal(res.json && res.json.accessToken, undefined, `${email} signed in: ${res}`);
    }
    await healthy();
  });

  for (const query of ['interviewId=1%20OR%201%3D1', "interviewId=1'%3B--", 'interviewId=..%2F..%2Fetc', 'interviewId=-1abc']) {
    for (const route of ['/api/v1/sessions', '/api/v1/invites']) {
      it(`GET ${route}?${query} answers 400 bad_request`, T, async () => {
        assertError(await orgA.api.get(`${route}?${query}`), 400, 'bad_request');
        await healthy();
      });
    }
  }

  // ---------------------------------------------------------------------------------------- path tricks

  const PATHS = [
    '/api/v1/candidates/..%2f..%2fetc',
    '/api/v1/candidates/..%2F..%2F..%2F..%2Fetc%2Fpasswd/cv',
    '/api/v1/candidates/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/api/v1/candidates/1%20OR%201=1',
    "/api/v1/candidates/1'%20OR%20'1'='1",
    '/api/v1/candidates/1;DROP%20TABLE%20candidates',
    '/api/v1/interviews/-1',
    '/api/v1/interviews/0',
    '/api/v1/interviews/99999999999999999999999',
    '/api/v1/interviews/1e3',
    '/api/v1/interviews/0x10',
    '/api/v1/answers/..%2f..%2f..%2fetc%2fpasswd/segments/0',
    '/api/v1/answers/%00/recording',
  ];
  for (const path of PATHS) {
    it(`GET ${path} answers 404 not_found`, T, async () => {
      const res = await rawRequest(server.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${orgA.token}\r\nConnection: close`);
      assertError(res, 404, 'not_found');
      assert.ok(!res.text.includes('root:'), 'a system file leaked');
      await healthy();
    });
  }

  for (const suffix of ['segments/..%2f..%2f..%2fetc%2fpasswd', 'segments/-1', 'segments/1%20OR%201=1', 'segments/99999999999']) {
    it(`GET /api/v1/answers/{id}/${suffix} answers 404 not_found`, T, async () => {
      const path = `/api/v1/answers/${a.answer}/${suffix}`;
      const res = await rawRequest(server.port, `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${orgA.token}\r\nConnection: close`);
      assertError(res, 404, 'not_found');
      await healthy();
    });
  }

  it('an unnormalized ../ path does not reach files outside the API', T, async () => {
    const res = await rawRequest(server.port, `GET /api/v1/candidates/../../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${orgA.token}\r\nConnection: close`);
    assert.ok([400, 404].includes(res.status), String(res));
    assert.ok(!res.text.includes('root:'), 'a system file leaked');
    await healthy();
  });

  // ------------------------------------------------------------------------ another organization's ids

  const MISSING = 987654321;
  const pdf = makePdf('B tries to overwrite');
  const ROUTES = [
    ['GET', (id) => `/api/v1/interviews/${id.interview}`],
    ['PUT', (id) => `/api/v1/interviews/${id.interview}`, () => ({ json: interviewBody({ title: 'Hijacked' }) })],
    ['DELETE', (id) => `/api/v1/interviews/${id.interview}`],
    ['GET', (id) => `/api/v1/candidates/${id.candidate}`],
    ['PUT', (id) => `/api/v1/candidates/${id.candidate}/cv`, () => ({ body: pdf, contentType: 'application/pdf' })],
    ['GET', (id) => `/api/v1/candidates/${id.candidate}/cv`],
    ['POST', (id) => `/api/v1/invites/${id.invite}/revoke`],
    ['GET', (id) => `/api/v1/sessions/${id.session}`],
    ['GET', (id) => `/api/v1/answers/${id.answer}`],
    ['GET', (id) => `/api/v1/answers/${id.answer}/recording`],
    ['GET', (id) => `/api/v1/answers/${id.answer}/segments/0`],
  ];
  for (const [method, path, options] of ROUTES) {
    const shown = path({ interview: '{id}', candidate: '{id}', invite: '{id}', session: '{id}', answer: '{id}' });
    it(`${method} ${shown} with another organization's id answers 404 exactly like a missing id`, T, async () => {
      const ids = { interview: a.interview.id, candidate: a.candidate.id, invite: a.invite.id, session: a.sessionId, answer: a.answer };
      const missing = { interview: MISSING, candidate: MISSING, invite: MISSING, session: MISSING, answer: MISSING };
      const foreign = await orgB.api.request(method, path(ids), options ? options() : {});
      const absent = await orgB.api.request(method, path(missing), options ? options() : {});
      assertError(foreign, 404, 'not_found');
      assert.equal(digitless(foreign.text), digitless(absent.text),
        `the reply for a foreign id differs from the reply for a missing id:\nforeign: ${foreign}\nmissing: ${absent}`);
      assert.ok(!foreign.text.includes('secret'), 'data of organization A leaked');
      await healthy();
    });
  }

  for (const [what, body] of [
    ['an invite for another organization\'s interview', (mine) => ({ url: '/api/v1/invites', json: { interviewId: a.interview.id, candidateId: mine.candidate.id } }),
      (mine) => ({ url: '/api/v1/invites', json: { interviewId: MISSING, candidateId: mine.candidate.id } })],
    ['an invite for another organization\'s candidate', (mine) => ({ url: '/api/v1/invites', json: { interviewId: mine.interview.id, candidateId: a.candidate.id } }),
      (mine) => ({ url: '/api/v1/invites', json: { interviewId: mine.interview.id, candidateId: MISSING } })],
    ['a batch of invites for another organization\'s interview', () => ({ url: '/api/v1/invites/batch', json: { interviewId: a.interview.id, candidates: [{ name: 'B', email: 'b@example.com' }] } }),
      () => ({ url: '/api/v1/invites/batch', json: { interviewId: MISSING, candidates: [{ name: 'B', email: 'b@example.com' }] } })],
    ['the invites of another organization\'s interview', () => ({ method: 'GET', url: `/api/v1/invites?interviewId=${a.interview.id}` }),
      () => ({ method: 'GET', url: `/api/v1/invites?interviewId=${MISSING}` })],
    ['the sessions of another organization\'s interview', () => ({ method: 'GET', url: `/api/v1/sessions?interviewId=${a.interview.id}` }),
      () => ({ method: 'GET', url: `/api/v1/sessions?interviewId=${MISSING}` })],
  ].map(([w, f, m]) => [w, { foreign: f, missing: m }])) {
    it(`${what} is answered exactly like a missing id`, T, async () => {
      const mine = { interview: await createInterview(orgB), candidate: await createCandidate(orgB) };
      const send = (r) => orgB.api.request(r.method || 'POST', r.url, r.json ? { json: r.json } : {});
      const foreign = await send(body.foreign(mine));
      const absent = await send(body.missing(mine));
      assert.ok(foreign.status >= 400 || (foreign.json && Array.isArray(foreign.json.items) && foreign.json.items.length === 0),
        `another organization's id was accepted: ${foreign}`);
      assert.equal(foreign.status, absent.status, `foreign: ${foreign}\nmissing: ${absent}`);
      assert.equal(digitless(foreign.text), digitless(absent.text), `foreign: ${foreign}\nmissing: ${absent}`);
      await healthy();
    });
  }

  it('after all the attempts of another organization, organization A\'s data is unchanged', T, async () => {
    assert.deepEqual((await orgA.api.get(`/api/v1/interviews/${a.interview.id}`)).json, a.interview);
    assert.deepEqual((await orgA.api.get(`/api/v1/candidates/${a.candidate.id}`)).json, a.candidate);
    assert.ok((await orgA.api.get(`/api/v1/candidates/${a.candidate.id}/cv`)).body.equals(a.cv));
    const invites = await orgA.api.get(`/api/v1/invites?interviewId=${a.interview.id}`);
    assert.deepEqual(invites.json.items.map((i) => [i.id, i.revoked]), [[a.invite.id, false]], String(invites));
    const lists = await counts(orgB);
    assert.ok(!lists.interviews.some((i) => i.id === a.interview.id), 'B lists A\'s interview');
    assert.ok(!lists.candidates.some((c) => c.id === a.candidate.id), 'B lists A\'s candidate');
  });

  // ------------------------------------------------------------------------------------ bearer tokens

  const AUTH_ROUTES = [
    ['GET', '/api/v1/me'], ['POST', '/api/v1/auth/logout'],
    ['GET', '/api/v1/interviews'], ['POST', '/api/v1/interviews'], ['GET', '/api/v1/interviews/{interview}'],
    ['PUT', '/api/v1/interviews/{interview}'], ['DELETE', '/api/v1/interviews/{interview}'],
    ['GET', '/api/v1/candidates'], ['POST', '/api/v1/candidates'], ['GET', '/api/v1/candidates/{candidate}'],
    ['PUT', '/api/v1/candidates/{candidate}/cv'], ['GET', '/api/v1/candidates/{candidate}/cv'],
    ['POST', '/api/v1/invites'], ['POST', '/api/v1/invites/batch'], ['GET', '/api/v1/invites?interviewId={interview}'],
    ['POST', '/api/v1/invites/{invite}/revoke'],
    ['GET', '/api/v1/sessions?interviewId={interview}'], ['GET', '/api/v1/sessions/{session}'],
    ['GET', '/api/v1/answers/{answer}'], ['GET', '/api/v1/answers/{answer}/recording'], ['GET', '/api/v1/answers/{answer}/segments/0'],
  ];
  for (const [method, template] of AUTH_ROUTES) {
    it(`${method} ${template} without a valid bearer token answers 401 unauthorized`, T, async () => {
      const path = template.replace(/\{(\w+)\}/g, (_, k) => String({ interview: a.interview.id, candidate: a.candidate.id,
        invite: a.invite.id, session: a.sessionId, answer: a.answer }[k]));
      const anonymous = new Api(server.url);
      const takesNoBody = /\/(logout|revoke)$/.test(path);
      const options = method === 'PUT' && path.endsWith('/cv') ? { body: makePdf(), contentType: 'application/pdf' }
        : ['POST', 'PUT'].includes(method) && !takesNoBody ? { json: {} } : {};
      for (const [label, headers] of [
        ['no Authorization header', {}],
        ['an unknown token', { authorization: 'Bearer 0123456789abcdef0123456789abcdef' }],
        ['an empty bearer token', { authorization: 'Bearer ' }],
        ['a Basic credential', { authorization: `Basic ${Buffer.from(`${orgA.email}:${orgA.password}`).toString('base64')}` }],
        ['the token without the Bearer scheme', { authorization: orgA.token }],
      ]) {
        const res = await anonymous.request(method, path, { ...options, headers, token: null });
        assert.equal(res.status, 401, `${label}: ${res}`);
        assert.equal(res.json && res.json.error && res.json.error.code, 'unauthorized', `${label}: ${res}`);
        assert.ok(!res.text.includes('secret'), `${label}: data leaked`);
      }
      await healthy();
    });
  }

  it('the data is intact after the unauthenticated attempts', T, async () => {
    assert.deepEqual((await orgA.api.get(`/api/v1/interviews/${a.interview.id}`)).json, a.interview);
    assert.ok((await orgA.api.get(`/api/v1/candidates/${a.candidate.id}/cv`)).body.equals(a.cv));
    await healthy();
  });
});
