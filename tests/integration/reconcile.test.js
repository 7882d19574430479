'use strict';
// A saved answer is never forgotten: the page deletes its copy after answer_saved, so when the database commit
// behind that message is lost (SQLite synchronous=NORMAL and a power cut, or a disk that stayed full until the
// server stopped), the server completes the save on start from finish.json, which it synced with the segments
// before it said answer_saved (docs/protocol.md, Durability).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { createOrg, createInvitation, recordAnswer, Candidate, makeWebm, waitFor } = require('./lib/fixtures');

const LONG = { timeout: 90_000 };

/** Puts the database back to the moment before the save was committed, as a lost commit would. */
async function forgetSave(env, answer) {
  await env.sql(`UPDATE answers SET status = 'closing', chunks = 0, bytes = 0, duration_ms = NULL, finished_at = NULL WHERE id = ${answer.id};`
    + ` DELETE FROM answer_segments WHERE answer_id = ${answer.id};`
    + ` UPDATE sessions SET phase = 'uploading' WHERE id = ${answer.sessionId};`);
}

function manifestOf(env, org, answer) {
  return path.join(env.dataDir, 'recordings', String(org.created.organizationId), String(answer.sessionId), String(answer.id), 'finish.json');
}

describe(`a saved answer whose commit was lost is saved again on start (${engine})`, () => {
  const environments = [];
  let media;
  before(async () => { media = await makeWebm(2); }, LONG);
  after(async () => { await Promise.all(environments.map((e) => e.cleanup())); }, LONG);

  async function savedAnswer(label) {
    const env = await Environment.create();
    environments.push(env);
    const server = await env.start();
    const org = await createOrg(env, server, label);
    const { invite } = await createInvitation(org);
    const recorded = await recordAnswer(server, invite.token, media);
    recorded.candidate.close();
    const answer = (await org.api.get(`/api/v1/answers/${recorded.answer}`)).json;
    assert.equal(answer.status, 'saved', JSON.stringify(answer));
    assert.deepEqual((await server.stop('SIGTERM')).code, 0);
    await forgetSave(env, answer);
    return { env, org, answer, token: invite.token };
  }

  it('with no page connected, the restarted server verifies the segments and records the same save', LONG, async () => {
    const { env, org, answer, token } = await savedAnswer('reconcile');
    assert.ok(fs.existsSync(manifestOf(env, org, answer)), 'finish.json lies next to the segments');
    const server = await env.start();
    const api = new Api(server.url, org.token);
    const again = await waitFor(async () => {
      const a = (await api.get(`/api/v1/answers/${answer.id}`)).json;
      return a.status === 'saved' && a;
    }, { what: 'the answer to be saved again' });
    const strip = (a) => ({ ...a, finishedAt: null, media: null });
    assert.deepEqual(strip(again), strip(answer), 'chunks, bytes, duration and every segment hash as before');
    assert.match(server.log(), new RegExp(`answer ${answer.id} was finished but not recorded as saved`));
    const recording = await api.get(`/api/v1/answers/${answer.id}/segments/0`);
    assert.ok(recording.body.equals(media), 'the stored audio is what was sent');
    // The candidate's page, back later, finds the answer saved and the interview where it left off.
    const candidate = await Candidate.join(server, token);
    assert.equal(candidate.state.phase, 'review', JSON.stringify(candidate.state));
    candidate.close();
  });

  it('segments that do not match their finish.json are not saved: the answer waits for the page', LONG, async () => {
    const { env, org, answer } = await savedAnswer('reconcile-bad');
    const file = manifestOf(env, org, answer);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    manifest.segments[0].sha256 = 'f'.repeat(64);
    fs.writeFileSync(file, JSON.stringify(manifest));
    const server = await env.start();
    await waitFor(() => /differs from what the page recorded/.test(server.log()), { what: 'the mismatch to be logged' });
    const api = new Api(server.url, org.token);
    assert.equal((await api.get(`/api/v1/answers/${answer.id}`)).json.status, 'closing');
    // Nothing is thrown away while no page is there to send it again.
    const stored = fs.statSync(path.join(path.dirname(file), '0.seg')).size;
    assert.ok(stored > media.length, `segment 0 keeps its ${stored} bytes`);
  });
});
