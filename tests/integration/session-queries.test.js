'use strict';
// The candidate socket's `state` costs a fixed number of SQL statements, however many answers the session holds
// (no query per answer): measured with intervox_db_statements_total around a hello.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { createOrg, createInvitation, Candidate } = require('./lib/fixtures');

const T = { timeout: 60_000 };

describe(`SQL per candidate state (${engine})`, () => {
  let env, server, org;
  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'queries');
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  async function statements() {
    const res = await new Api(server.url).get('/metrics');
    return Number(/^intervox_db_statements_total (\d+)$/m.exec(res.text)[1]);
  }

  /** A session (in review, after its first question) holding `count` saved answers with two segments each. */
  async function sessionWith(count) {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    const session = candidate.state.session;
    candidate.close();
    await candidate.client.waitClosed();
    const rows = Array.from({ length: count }, (_, take) => `(${org.created.organizationId}, ${session},`
      + ` (SELECT id FROM questions WHERE interview_id = ${invite.interviewId}), 0, ${take + 1}, 'saved', 'audio/webm', 1000, 2000, 2000, 2, 100, 1000)`);
    await env.sql(`INSERT INTO answers (org_id, session_id, question_id, question_index, take, status, mime, started_at, deadline_at,
      finished_at, chunks, bytes, duration_ms) VALUES ${rows.join(', ')};
      INSERT INTO answer_segments (answer_id, segment, org_id, chunks, bytes, sha256, duration_ms)
        SELECT id, 0, org_id, 1, 50, 'aa', 500 FROM answers WHERE session_id = ${session};
      INSERT INTO answer_segments (answer_id, segment, org_id, chunks, bytes, sha256, duration_ms)
        SELECT id, 1, org_id, 1, 50, 'bb', 500 FROM answers WHERE session_id = ${session};
      UPDATE sessions SET phase = 'review' WHERE id = ${session};`);
    return invite.token;
  }

  // Statements of one hello → state, the least of three tries (the /metrics reading itself is taken off).
  async function helloCost(token) {
    let best = Infinity;
    for (let i = 0; i < 3; i += 1) {
      const first = await statements();
      const before = await statements();
      const candidate = await Candidate.join(server, token);
      const afterState = await statements();
      assert.equal(candidate.state.phase, 'review', JSON.stringify(candidate.state));
      best = Math.min(best, afterState - before - (before - first));
      candidate.close();
      await candidate.client.waitClosed();
    }
    return best;
  }

  it('a hello into a session with 30 answers costs as many statements as into one with a single answer', T, async () => {
    const many = await sessionWith(30);
    const one = await sessionWith(1);
    const candidate = await Candidate.join(server, many);
    assert.equal(candidate.state.answers.length, 30);
    assert.deepEqual(candidate.state.answers[29].segments.map((s) => s.chunks), [1, 1]);
    candidate.close();
    const [costMany, costOne] = [await helloCost(many), await helloCost(one)];
    assert.ok(costOne > 0, 'the counter does not count');
    assert.equal(costMany, costOne, `${costOne} statements with one answer, ${costMany} with 30`);
  });
});
