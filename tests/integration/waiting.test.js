'use strict';
// An answer never sits in `closing` without the server knowing what for: after finish_answer the page gets a
// `state` (its view follows the server's), the log names the missing chunks, and the API says what the answer
// waits for — chunks from the page, the page itself (after a restart), or storage (disk-full.test.js).

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Api } = require('./lib/http');
const { sha256, split } = require('./lib/ws');
const { createOrg, startAnswering, Candidate, makeWebm, waitFor } = require('./lib/fixtures');

const T = { timeout: 60_000 };

describe(`what a finished answer waits for (${engine})`, () => {
  let env, server, org, media;
  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'waiting');
    media = await makeWebm(2);
  }, T);
  after(async () => { if (env) await env.cleanup(); }, T);

  /** A candidate who sends only the first `sent` chunks, then finish_answer for all of them; waits for the state that follows. */
  async function finishEarly(sent) {
    const { candidate, answer, invite } = await startAnswering(server, org);
    const pieces = split(media, 2048);
    await candidate.upload(answer, pieces.slice(0, sent));
    candidate.client.send({
      type: 'finish_answer', answer,
      segments: [{ chunks: pieces.length, bytes: media.length, sha256: sha256(media), durationMs: 2000 }],
    });
    const state = await candidate.waitState('uploading');
    return { candidate, answer, invite, pieces, state };
  }

  it('finish_answer before the last chunks: state follows, the API and the log name the missing chunks, the rest completes it', T, async () => {
    const { candidate, answer, invite, pieces, state } = await finishEarly(3);
    const open = state.answers.find((a) => a.answer === answer);
    assert.equal(open.status, 'closing', JSON.stringify(open));
    assert.deepEqual(open.segments.map((s) => s.chunks), [3]);
    const shown = (await org.api.get(`/api/v1/answers/${answer}`)).json;
    assert.equal(shown.status, 'closing');
    assert.deepEqual(shown.waitingFor, { what: 'chunks', segments: [{ segment: 0, stored: 3, announced: pieces.length }] });
    assert.match(server.log(), new RegExp(`answer ${answer} finished; waiting for chunks from the page: \\[\\{"announced":${pieces.length},"segment":0,"stored":3\\}\\]`));
    const session = (await org.api.get(`/api/v1/sessions?interviewId=${invite.interviewId}`)).json.items[0];
    const inSession = (await org.api.get(`/api/v1/sessions/${session.id}`)).json.answers.find((a) => a.id === answer);
    assert.deepEqual(inSession.waitingFor, shown.waitingFor, 'the session view says the same');

    await candidate.upload(answer, pieces.slice(3), { from: 3 });
    await candidate.client.next((m) => m.type === 'answer_saved' && m.answer === answer);
    const saved = (await org.api.get(`/api/v1/answers/${answer}`)).json;
    assert.equal(saved.status, 'saved');
    assert.equal(saved.waitingFor, undefined);
    candidate.close();
  });

  it('after a restart a finished answer with chunks missing waits for the page, and says so', T, async () => {
    const { candidate, answer, invite, pieces } = await finishEarly(2);
    candidate.close();
    await server.stop('SIGTERM');
    server = await env.start();
    org.api = new Api(server.url, org.token);
    assert.deepEqual((await org.api.get(`/api/v1/answers/${answer}`)).json.waitingFor, { what: 'page' });
    // The page comes back, re-sends what the server lacks and its stored finish: saved.
    const back = await Candidate.join(server, invite.token);
    const open = back.state.answers.find((a) => a.answer === answer);
    assert.deepEqual(open.segments.map((s) => s.chunks), [2]);
    await back.upload(answer, pieces.slice(2), { from: 2 });
    const saved = await back.finish(answer, [pieces]);
    assert.equal(saved.bytes, media.length);
    await waitFor(async () => (await org.api.get(`/api/v1/answers/${answer}`)).json.status === 'saved', { what: 'saved' });
    back.close();
  });
});
