'use strict';
// Every list is a keyset page: ?limit= (1–200, default 50) and the opaque ?cursor= of the previous reply's
// "next"; nothing is cut off silently, a page never shows another organization's rows, and a page costs the
// same number of SQL statements whether it holds 2 items or 200.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { unique, createOrg, createInterview, createCandidate, listAll, assertServerHealthy, sqlCost } = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 180_000 };
const LISTS = ['/api/v1/interviews', '/api/v1/candidates', '/api/v1/invites', '/api/v1/sessions', '/api/v1/jobs'];

function assertBadParameter(res, name) {
  assert.equal(res.status, 400, `expected 400: ${res}`);
  assert.equal(res.json.error.code, 'bad_request', String(res));
  assert.equal(res.json.error.field, name, String(res));
  assert.match(res.json.error.message, new RegExp(`^${name}: `), String(res));
}

const ids = (items) => items.map((i) => i.id);
const newestFirst = (list) => [...list].sort((a, b) => b - a);

async function sqlIds(env, statement) {
  return (await env.sql(statement)).split('\n').map((l) => l.trim()).filter(Boolean).map(Number);
}

async function inBatches(count, size, make) {
  const out = [];
  for (let i = 0; i < count; i += size) {
    out.push(...await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j))));
  }
  return out;
}

describe(`list pages (${engine})`, () => {
  let env, server, a, b, orgIdA, orgIdB;
  let filtered; // interviews P and Q whose invites and sessions were created interleaved
  let busySession, quietSession;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    a = await createOrg(env, server, 'page-a');
    b = await createOrg(env, server, 'page-b');
    orgIdA = (await a.api.get('/api/v1/me')).json.organization.id;
    orgIdB = (await b.api.get('/api/v1/me')).json.organization.id;

    // 230 finished jobs (the queue's workers leave those alone).
    const jobs = Array.from({ length: 230 }, (_, i) => `(${orgIdA}, 'join', 'page-${i}', '{}', 'done', 3, 0, 1000, 1000, 1000)`);
    await env.sql('INSERT INTO jobs (org_id, kind, idem_key, payload, state, max_attempts, run_after, created_at, updated_at, finished_at)'
      + ` VALUES ${jobs.join(', ')}`);

    // Organization B: six candidates, three older and three newer than almost all of A's.
    for (let i = 0; i < 3; i += 1) await createCandidate(b);

    // 450 candidates (and invites) in one batch, 201 interviews each with questions of its own.
    const bulk = await createInterview(a, { title: 'Bulk' });
    const batch = await a.api.post('/api/v1/invites/batch', {
      interviewId: bulk.id,
      candidates: Array.from({ length: 450 }, (_, i) => ({ name: `Bulk ${i}`, email: `${unique('bulk')}@example.com` })),
    });
    assert.equal(batch.status, 201, String(batch));
    await inBatches(200, 20, (i) => createInterview(a, {
      title: `Interview ${i}`,
      questions: [{ text: `First of ${i}`, thinkSeconds: 5, answerSeconds: 30, retakes: 0 },
        { text: `Second of ${i}`, thinkSeconds: 5, answerSeconds: 30, retakes: 1 }],
    }));

    // Invites of P and Q interleaved; every invite gets a session (candidates make those; made here directly).
    const p = await createInterview(a, { title: 'P' });
    const q = await createInterview(a, { title: 'Q' });
    for (let round = 0; round < 6; round += 1) {
      for (const [interview, n] of [[p, 4], [q, 3]]) {
        const res = await a.api.post('/api/v1/invites/batch', {
          interviewId: interview.id,
          candidates: Array.from({ length: n }, () => ({ name: 'Interleaved', email: `${unique('mix')}@example.com` })),
        });
        assert.equal(res.status, 201, String(res));
      }
    }
    await env.sql('INSERT INTO sessions (org_id, invite_id, interview_id, candidate_id, phase, started_at)'
      + ` SELECT org_id, id, interview_id, candidate_id, 'finished', 1000 FROM invites WHERE interview_id IN (${bulk.id}, ${p.id}, ${q.id}) ORDER BY id`);
    filtered = { p: p.id, q: q.id };

    // Two sessions to read back whole: one with 30 answers (each with 2 segments), one with a single answer.
    const [busy, quiet] = await sqlIds(env, `SELECT id FROM sessions WHERE interview_id = ${p.id} ORDER BY id LIMIT 2`);
    const question = (await sqlIds(env, `SELECT id FROM questions WHERE interview_id = ${p.id}`))[0];
    const answers = [];
    for (const [session, count] of [[busy, 30], [quiet, 1]]) {
      for (let take = 0; take < count; take += 1) {
        answers.push(`(${orgIdA}, ${session}, ${question}, 0, ${take}, 'saved', 'audio/webm', 1000, 2000, 2000, 2, 100, 1000)`);
      }
    }
    await env.sql('INSERT INTO answers (org_id, session_id, question_id, question_index, take, status, mime, started_at, deadline_at,'
      + ` finished_at, chunks, bytes, duration_ms) VALUES ${answers.join(', ')}`);
    await env.sql('INSERT INTO answer_segments (answer_id, segment, org_id, chunks, bytes, sha256, duration_ms)'
      + ` SELECT id, 0, org_id, 1, 50, 'aa', 500 FROM answers WHERE session_id IN (${busy}, ${quiet})`);
    await env.sql('INSERT INTO answer_segments (answer_id, segment, org_id, chunks, bytes, sha256, duration_ms)'
      + ` SELECT id, 1, org_id, 1, 50, 'bb', 500 FROM answers WHERE session_id IN (${busy}, ${quiet})`);
    busySession = busy;
    quietSession = quiet;

    for (let i = 0; i < 3; i += 1) await createCandidate(b);
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  it('paging through 450+ candidates with limit=200 returns every id exactly once, newest first', T, async () => {
    const expected = await sqlIds(env, `SELECT id FROM candidates WHERE org_id = ${orgIdA} ORDER BY id DESC`);
    assert.ok(expected.length > 450, `only ${expected.length} candidates`);
    const seen = [];
    const sizes = [];
    let cursor = null;
    for (let page = 0; page < 10; page += 1) {
      const res = await a.api.get(`/api/v1/candidates?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200, String(res));
      sizes.push(res.json.items.length);
      seen.push(...ids(res.json.items));
      cursor = res.json.next;
      if (cursor === null) break;
    }
    assert.equal(cursor, null, 'the list did not end');
    assert.deepEqual(sizes.slice(0, -1), Array(sizes.length - 1).fill(200));
    assert.deepEqual(seen, expected);
  });

  it('a list that ends exactly on a page boundary says next: null on its last full page', T, async () => {
    const all = await sqlIds(env, `SELECT id FROM candidates WHERE org_id = ${orgIdB} ORDER BY id DESC`);
    assert.equal(all.length, 6);
    const first = await b.api.get('/api/v1/candidates?limit=3');
    assert.deepEqual(ids(first.json.items), all.slice(0, 3));
    assert.equal(typeof first.json.next, 'string', String(first));
    const second = await b.api.get(`/api/v1/candidates?limit=3&cursor=${first.json.next}`);
    assert.deepEqual(ids(second.json.items), all.slice(3));
    assert.equal(second.json.next, null, String(second));
    const whole = await b.api.get('/api/v1/candidates?limit=6');
    assert.deepEqual([ids(whole.json.items), whole.json.next], [all, null]);
    const short = await b.api.get('/api/v1/candidates?limit=5');
    assert.equal(short.json.items.length, 5);
    assert.deepEqual(ids((await b.api.get(`/api/v1/candidates?limit=5&cursor=${short.json.next}`)).json.items), all.slice(5));
  });

  it('without ?limit every list answers the newest 50 items and a cursor to the rest', T, async () => {
    for (const path of LISTS) {
      const res = await a.api.get(path);
      assert.equal(res.status, 200, String(res));
      assert.equal(res.json.items.length, 50, `${path}: ${res.json.items.length} items`);
      assert.equal(typeof res.json.next, 'string', `${path}: ${res}`);
      assert.deepEqual(ids(res.json.items), newestFirst(ids(res.json.items)), path);
    }
  });

  it('limit=1 and limit=200 are accepted; an empty list answers {"items":[],"next":null}', T, async () => {
    for (const path of LISTS) {
      assert.equal((await a.api.get(`${path}?limit=1`)).json.items.length, 1, path);
      assert.equal((await a.api.get(`${path}?limit=200`)).json.items.length, 200, path);
    }
    const empty = await b.api.get('/api/v1/sessions?limit=200');
    assert.deepEqual(empty.json, { items: [], next: null });
  });

  for (const limit of ['0', '201', '-1', 'abc', '1.5', '1e2', '+5', '0x10', '99999999999999999999', '%20%205']) {
    it(`limit=${limit} answers 400 bad_request naming limit and its bounds, on every list`, T, async () => {
      for (const path of LISTS) {
        const res = await a.api.get(`${path}?limit=${limit}`);
        assertBadParameter(res, 'limit');
        assert.match(res.json.error.message, /1 to 200/, String(res));
      }
    });
  }

  it('a garbled or forged cursor answers 400 bad_request naming cursor, on every list, and nothing breaks', T, async () => {
    const b64 = (text) => Buffer.from(text).toString('base64url');
    const garbage = [
      'abc!', '%00', 'Zm9v' /* "foo" */, b64('0'), b64('-5'), b64('1 OR 1=1'), b64("1'; DROP TABLE candidates; --"),
      b64('12.5'), b64('0012'), b64(' 12'), b64('99999999999999999999'), `${b64('12')}==`, 'MTI=', 'x'.repeat(5000),
      Buffer.from('12').toString('base64').replace(/=+$/, '') + '+/', encodeURIComponent('é'),
    ];
    for (const path of LISTS) {
      for (const cursor of garbage) {
        const res = await a.api.get(`${path}?cursor=${cursor}`);
        assertBadParameter(res, 'cursor');
      }
    }
    await assertServerHealthy(server, a);
  });

  it('a cursor given to another organization shows only this organization\'s rows before it', T, async () => {
    const own = await sqlIds(env, `SELECT id FROM candidates WHERE org_id = ${orgIdB} ORDER BY id DESC`);
    const others = new Set(await sqlIds(env, `SELECT id FROM candidates WHERE org_id = ${orgIdA}`));
    // A's cursors in B's hands: B's rows older than the position, nothing of A's.
    for (const limit of [1, 200]) {
      const page = await a.api.get(`/api/v1/candidates?limit=${limit}`);
      const after = page.json.items.at(-1).id;
      const res = await b.api.get(`/api/v1/candidates?limit=200&cursor=${page.json.next}`);
      assert.equal(res.status, 200, String(res));
      assert.ok(ids(res.json.items).every((id) => !others.has(id)), `organization A's candidates leaked: ${res}`);
      assert.deepEqual(ids(res.json.items), own.filter((id) => id < after));
      assert.ok(res.json.items.length >= 3, String(res));
    }
    // And B's cursor in A's hands: A's rows only.
    const bPage = await b.api.get('/api/v1/candidates?limit=2');
    const mine = await a.api.get(`/api/v1/candidates?limit=200&cursor=${bPage.json.next}`);
    assert.equal(mine.status, 200, String(mine));
    assert.ok(mine.json.items.length > 0 && mine.json.items.every((c) => others.has(c.id)), `organization B's candidates leaked: ${mine}`);
  });

  it('a state filter and the cursor work together on jobs', T, async () => {
    const expected = await sqlIds(env, `SELECT id FROM jobs WHERE org_id = ${orgIdA} AND state = 'done' ORDER BY id DESC`);
    assert.ok(expected.length >= 230);
    assert.deepEqual(ids(await listAll(a.api, '/api/v1/jobs?state=done&kind=join', { limit: 60 })), expected);
    assert.deepEqual(await listAll(a.api, '/api/v1/jobs?state=failed', { limit: 60 }), []);
  });

  it('an interviewId filter and the cursor work together on invites and sessions', T, async () => {
    for (const path of ['/api/v1/invites', '/api/v1/sessions']) {
      const table = path.endsWith('invites') ? 'invites' : 'sessions';
      for (const interview of [filtered.p, filtered.q]) {
        const expected = await sqlIds(env, `SELECT id FROM ${table} WHERE interview_id = ${interview} ORDER BY id DESC`);
        assert.ok(expected.length >= 18, `${table}: ${expected.length}`);
        const items = await listAll(a.api, `${path}?interviewId=${interview}`, { limit: 4 });
        assert.deepEqual(ids(items), expected, `${path}?interviewId=${interview}`);
        assert.ok(items.every((i) => i.interviewId === interview));
      }
    }
  });

  it('interview pages carry each interview\'s own questions, in order', T, async () => {
    const items = await listAll(a.api, '/api/v1/interviews', { limit: 7 });
    const numbered = items.filter((i) => /^Interview \d+$/.test(i.title));
    assert.equal(numbered.length, 200);
    for (const interview of numbered) {
      const n = interview.title.split(' ')[1];
      assert.deepEqual(interview.questions.map((q) => [q.index, q.text, q.retakes]), [[0, `First of ${n}`, 0], [1, `Second of ${n}`, 1]]);
    }
    const one = await a.api.get(`/api/v1/interviews/${numbered[0].id}`);
    assert.deepEqual(one.json, numbered[0]);
  });

  // ------------------------------------------------------------------------------------------- N+1 queries

  const cost = (api, path) => sqlCost(server, api, path);

  for (const path of LISTS) {
    it(`GET ${path}: a page of 200 costs as many SQL statements as a page of 2`, T, async () => {
      const small = await cost(a.api, `${path}?limit=2`);
      const large = await cost(a.api, `${path}?limit=200`);
      assert.equal((await a.api.get(`${path}?limit=200`)).json.items.length, 200);
      assert.ok(small > 0, 'the counter does not count');
      assert.equal(large, small, `${path}: ${small} statements for 2 items, ${large} for 200`);
      // Sign-in check, rows, and one query per kind of child (an interview's questions and criteria).
      const budget = path === '/api/v1/interviews' ? 4 : 3;
      assert.ok(small <= budget, `${path}: ${small} statements for one page (sign-in check, rows, children)`);
    });
  }

  it('GET /sessions/{id} with 30 answers costs as many SQL statements as with one', T, async () => {
    const busy = await a.api.get(`/api/v1/sessions/${busySession}`);
    assert.equal(busy.json.answers.length, 30, String(busy));
    assert.ok(busy.json.answers.every((x) => x.segments.map((s) => s.sha256).join() === 'aa,bb'), String(busy));
    const quiet = await a.api.get(`/api/v1/sessions/${quietSession}`);
    assert.equal(quiet.json.answers.length, 1, String(quiet));
    const [many, one] = [await cost(a.api, `/api/v1/sessions/${busySession}`), await cost(a.api, `/api/v1/sessions/${quietSession}`)];
    assert.equal(many, one, `${one} statements for one answer, ${many} for 30`);
    assert.ok(one <= 4, `${one} statements (sign-in check, session, answers, segments)`);
  });
});
