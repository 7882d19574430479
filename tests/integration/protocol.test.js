'use strict';
// The candidate WebSocket protocol (docs/protocol.md) under bad input: every refusal is clear (error code,
// nack code, close code) and the server keeps serving a second, healthy client afterwards.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Client, crc32, split, chunkFrame } = require('./lib/ws');
const {
  WEBM_MIME, waitFor, createOrg, createInvitation, createInvite, Candidate, recordAnswer, makeWebm,
  assertServerHealthy,
} = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 60_000 };

describe(`candidate protocol under bad input (${engine})`, () => {
  let env, server, org, media, pieces;

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    org = await createOrg(env, server, 'protocol');
    media = await makeWebm(2);
    pieces = split(media, 4096);
    assert.ok(pieces.length >= 3, 'the test media should span at least 3 chunks');
  }, SETUP);

  after(async () => { if (env) await env.cleanup(); }, SETUP);

  const healthy = () => assertServerHealthy(server, org);

  /** A session in the answering phase: { candidate, answer }. */
  async function answering() {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    await candidate.consent(true);
    await candidate.begin();
    const { answer } = await candidate.startAnswer();
    return { candidate, answer, invite };
  }

  async function segmentBytes(answer) {
    const res = await org.api.get(`/api/v1/answers/${answer}/segments/0`);
    assert.equal(res.status, 200, String(res));
    return res.body;
  }

  it('a question\'s text is sent only once it is reached: none before begin, then only the current and earlier ones', T, async () => {
    const questions = [
      { text: 'First question', thinkSeconds: 30, answerSeconds: 60, retakes: 0 },
      { text: 'Second question', thinkSeconds: 30, answerSeconds: 60, retakes: 0 },
    ];
    const { invite } = await createInvitation(org, { interview: { questions } });
    const candidate = await Candidate.join(server, invite.token);
    try {
      const texts = (state) => state.questions.map((q) => q.text);
      assert.deepEqual(texts(candidate.state), [undefined, undefined], 'consent');
      assert.deepEqual(candidate.state.questions.map((q) => q.answerSeconds), [60, 60], 'time limits are known from the start');
      assert.deepEqual(texts(await candidate.consent(true)), [undefined, undefined], 'intro');
      assert.deepEqual(texts(await candidate.begin()), ['First question', undefined], 'thinking on question 1');
    } finally { candidate.close(); }
  });

  /** hello with `token` → the error code and the close code. */
  async function refusal(token, hello = {}) {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    client.send({ type: 'hello', protocol: 1, token, mime: WEBM_MIME, ...hello });
    // Either the refusal closes the socket, or the server (wrongly) answers with a state: fail at once then.
    const outcome = await Promise.race([
      client.waitClosed(),
      client.next('state', 10_000).then((state) => ({ state }), () => new Promise(() => {})),
    ]);
    client.terminate();
    assert.ok(!outcome.state, `the hello was accepted instead of refused, state: ${JSON.stringify(outcome.state)}`);
    const closed = outcome;
    const error = client.history.find((m) => m.type === 'error');
    return { code: error && error.code, message: error && error.message, close: closed.code };
  }

  // ------------------------------------------------------------------------------------- authentication

  it('an unknown invite token is refused with invite_invalid and close 4401', T, async () => {
    const r = await refusal('A'.repeat(43));
    assert.deepEqual([r.code, r.close], ['invite_invalid', 4401]);
    assert.ok(r.message, 'the error has no message');
    await healthy();
  });

  it('a malformed invite token (path and SQL characters) is refused with invite_invalid and close 4401', T, async () => {
    const r = await refusal("../../etc/passwd' OR '1'='1");
    assert.deepEqual([r.code, r.close], ['invite_invalid', 4401]);
    await healthy();
  });

  it('a revoked invite is refused with invite_revoked and close 4403', T, async () => {
    const { invite } = await createInvitation(org);
    const res = await org.api.post(`/api/v1/invites/${invite.id}/revoke`);
    assert.equal(res.status, 204, String(res));
    const r = await refusal(invite.token);
    assert.deepEqual([r.code, r.close], ['invite_revoked', 4403]);
    await healthy();
  });

  it('an expired invite is refused with invite_expired and close 4410', T, async () => {
    const { interview, candidate } = await createInvitation(org);
    const expiresAt = new Date(Math.ceil((Date.now() + 2000) / 1000) * 1000);
    const invite = await createInvite(org, interview.id, candidate.id, { expiresAt: expiresAt.toISOString() });
    await waitFor(() => Date.now() > expiresAt.getTime() + 250, { timeout: 5000, what: 'the invite expiry to pass' });
    const r = await refusal(invite.token);
    assert.deepEqual([r.code, r.close], ['invite_expired', 4410]);
    await healthy();
  });

  it('reopening a finished single-use invite shows its finished session and starts no new one', T, async () => {
    const { invite } = await createInvitation(org);
    const done = await recordAnswer(server, invite.token, media, { finishSession: true });
    assert.equal(done.candidate.state.phase, 'finished');
    const sessionId = done.candidate.state.session;
    done.candidate.close();
    await done.candidate.client.waitClosed();
    const again = await Candidate.join(server, invite.token);
    assert.equal(again.state.phase, 'finished', JSON.stringify(again.state));
    assert.equal(again.state.session, sessionId);
    again.client.send({ type: 'begin' });
    const refused = await again.client.next('error');
    assert.equal(refused.code, 'wrong_phase', JSON.stringify(refused));
    again.close();
    const invites = await org.api.get('/api/v1/invites');
    assert.equal(invites.json.items.find((i) => i.id === invite.id).uses, 1, JSON.stringify(invites.json));
    await healthy();
  });

  it('a two-use invite starts a second session after the first finished, then shows that one', T, async () => {
    const { invite } = await createInvitation(org, { invite: { maxUses: 2 } });
    const first = await recordAnswer(server, invite.token, media, { finishSession: true });
    first.candidate.close();
    await first.candidate.client.waitClosed();
    const second = await Candidate.join(server, invite.token);
    assert.equal(second.state.phase, 'consent', JSON.stringify(second.state));
    assert.notEqual(second.state.session, first.candidate.state.session);
    await second.consent(false);
    second.close();
    await second.client.waitClosed();
    const third = await Candidate.join(server, invite.token);
    assert.equal(third.state.phase, 'refused', JSON.stringify(third.state));
    assert.equal(third.state.session, second.state.session);
    third.close();
    await healthy();
  });

  it('a first frame that is not JSON is refused with protocol and close 4400', T, async () => {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    client.sendText('hello, this is not json {');
    const error = await client.next('error');
    assert.equal(error.code, 'protocol', JSON.stringify(error));
    assert.equal((await client.waitClosed()).code, 4400);
    await healthy();
  });

  it('a first frame that is not a hello is refused with protocol and close 4400', T, async () => {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    client.send({ type: 'begin' });
    const error = await client.next('error');
    assert.equal(error.code, 'protocol', JSON.stringify(error));
    assert.equal((await client.waitClosed()).code, 4400);
    await healthy();
  });

  it('a hello with an unknown protocol version is refused with protocol and close 4400', T, async () => {
    const { invite } = await createInvitation(org);
    const r = await refusal(invite.token, { protocol: 99 });
    assert.deepEqual([r.code, r.close], ['protocol', 4400]);
    await healthy();
  });

  it('a hello with a recorder type outside the list is refused with protocol and close 4400', T, async () => {
    const { invite } = await createInvitation(org);
    const r = await refusal(invite.token, { mime: 'video/x-msvideo' });
    assert.deepEqual([r.code, r.close], ['protocol', 4400]);
    await healthy();
  });

  it('a binary first frame is refused with protocol and close 4400', T, async () => {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    client.send(chunkFrame({ answer: 1, seq: 0, payload: Buffer.from('audio') }));
    assert.equal((await client.waitClosed()).code, 4400);
    await healthy();
  });

  it('a socket that sends no hello within 10 s is closed with 4408', { timeout: 30_000 }, async () => {
    const client = await Client.open(`${server.wsUrl}/ws/session`);
    const started = Date.now();
    const closed = await client.waitClosed(20_000);
    assert.equal(closed.code, 4408);
    assert.ok(Date.now() - started >= 9000, `closed after ${Date.now() - started} ms, before 10 s`);
    await healthy();
  });

  // ------------------------------------------------------------------------------------------ text frames

  it('malformed JSON after hello gets an error frame and the socket stays open', T, async () => {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    candidate.client.sendText('{"type": "consent", "accepted": tru');
    const error = await candidate.client.next('error');
    assert.equal(typeof error.code, 'string', JSON.stringify(error));
    await candidate.ping();
    assert.ok(candidate.client.isOpen);
    candidate.close();
    await healthy();
  });

  it('the notice the page showed is kept with the consent, in its language; a malformed one is refused and changes nothing', T, async () => {
    const { interview, invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    for (const [notice, field] of [
      [{ language: 'en', text: '' }, 'notice.text'], [{ language: 'en', text: 'x'.repeat(6001) }, 'notice.text'],
      [{ language: 'english', text: 'Consent' }, 'notice.language'], ['Consent', 'notice.text'],
    ]) {
      candidate.client.send({ type: 'consent', accepted: true, notice });
      const error = await candidate.client.next('error');
      assert.equal(error.code, 'validation', JSON.stringify(error));
      assert.match(error.message, new RegExp(`^${field.replace('.', '\\.')}:`));
    }
    await candidate.ping();
    const text = 'Before we start\n\nYour spoken answers are recorded … Ünïcode kept.';
    candidate.client.send({ type: 'consent', accepted: true, notice: { language: 'de', text } });
    await candidate.waitState('intro');
    candidate.close();
    const sessions = (await org.api.get(`/api/v1/sessions?interviewId=${interview.id}`)).json.items;
    assert.equal(sessions.length, 1);
    assert.deepEqual(sessions[0].consentNotice, { language: 'de', text });
    await healthy();
  });

  it('a text frame over 8 KiB gets error too_large and the socket stays open', T, async () => {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    candidate.client.send({ type: 'ping', padding: 'x'.repeat(9 * 1024) });
    const error = await candidate.client.next('error');
    assert.equal(error.code, 'too_large', JSON.stringify(error));
    await candidate.ping();
    candidate.close();
    await healthy();
  });

  it('a frame over 256 KiB + 16 bytes closes the socket with 1009', T, async () => {
    const { candidate, answer } = await answering();
    candidate.client.send(chunkFrame({ answer, seq: 0, payload: Buffer.alloc(300 * 1024, 7) }));
    assert.equal((await candidate.client.waitClosed()).code, 1009);
    await healthy();
  });

  it('a chunk with the largest allowed payload (256 KiB) is acked', T, async () => {
    const { candidate, answer } = await answering();
    const payload = Buffer.alloc(256 * 1024, 9);
    candidate.client.sendChunk({ answer, seq: 0, payload });
    await candidate.client.next((m) => m.type === 'ack' && m.answer === answer && m.seq === 0);
    candidate.close();
  });

  it('twenty refused text frames close the socket with 4400', T, async () => {
    const { invite } = await createInvitation(org);
    const candidate = await Candidate.join(server, invite.token);
    for (let i = 0; i < 19; i++) candidate.client.sendText('{not json');
    await candidate.ping(); // 19 refusals: still open
    candidate.client.sendText('{not json');
    assert.equal((await candidate.client.waitClosed()).code, 4400);
    await healthy();
  });

  // ---------------------------------------------------------------------------------------------- chunks

  it('a chunk ahead of the stored count is nacked out_of_order with expected and nothing is stored', T, async () => {
    const { candidate, answer } = await answering();
    await candidate.upload(answer, [pieces[0]]);
    candidate.client.sendChunk({ answer, seq: 2, payload: pieces[2] });
    const nack = await candidate.client.next('nack');
    assert.equal(nack.code, 'out_of_order', JSON.stringify(nack));
    assert.equal(nack.answer, answer);
    assert.equal(nack.seq, 2);
    assert.equal(nack.expected, 1);
    // The answer holds only chunk 0: finishing with one chunk saves exactly its bytes.
    const saved = await candidate.finish(answer, [[pieces[0]]]);
    assert.equal(saved.chunks, 1, JSON.stringify(saved));
    assert.equal(saved.bytes, pieces[0].length, JSON.stringify(saved));
    assert.ok((await segmentBytes(answer)).equals(pieces[0]), 'stored bytes differ from chunk 0');
    candidate.close();
    await healthy();
  });

  it('a replayed chunk is re-acked with the highest stored seq and its bytes are stored once', T, async () => {
    const { candidate, answer } = await answering();
    const first = pieces.slice(0, 3);
    await candidate.upload(answer, first);
    for (const seq of [1, 0]) {
      candidate.client.sendChunk({ answer, seq, payload: first[seq] });
      const ack = await candidate.client.next((m) => m.type === 'ack' || m.type === 'nack');
      assert.equal(ack.type, 'ack', `replay of seq ${seq}: ${JSON.stringify(ack)}`);
      assert.equal(ack.seq, 2, `replay of seq ${seq} must ack the highest stored seq: ${JSON.stringify(ack)}`);
    }
    const saved = await candidate.finish(answer, [first]);
    assert.equal(saved.chunks, 3, JSON.stringify(saved));
    assert.ok((await segmentBytes(answer)).equals(Buffer.concat(first)), 'replayed bytes were stored twice');
    candidate.close();
    await healthy();
  });

  it('a chunk with a bad CRC is nacked checksum and nothing is stored', T, async () => {
    const { candidate, answer } = await answering();
    candidate.client.sendChunk({ answer, seq: 0, payload: pieces[0], crc: (crc32(pieces[0]) ^ 1) >>> 0 });
    const nack = await candidate.client.next('nack');
    assert.equal(nack.code, 'checksum', JSON.stringify(nack));
    assert.equal(nack.seq, 0);
    assert.equal(nack.expected, 0);
    const good = pieces.slice(0, 2);
    await candidate.upload(answer, good);
    await candidate.finish(answer, [good]);
    assert.ok((await segmentBytes(answer)).equals(Buffer.concat(good)), 'the corrupt chunk was stored');
    candidate.close();
    await healthy();
  });

  it('a chunk for an answer that is already saved is nacked answer_closed', T, async () => {
    const { candidate, answer } = await answering();
    const all = pieces.slice(0, 2);
    await candidate.upload(answer, all);
    await candidate.finish(answer, [all]);
    candidate.client.sendChunk({ answer, seq: 2, payload: pieces[2] });
    const nack = await candidate.client.next('nack');
    assert.equal(nack.code, 'answer_closed', JSON.stringify(nack));
    assert.ok((await segmentBytes(answer)).equals(Buffer.concat(all)), 'bytes were added to a saved answer');
    candidate.close();
    await healthy();
  });

  it('a chunk for an unknown answer is nacked unknown_answer', T, async () => {
    const { candidate, answer } = await answering();
    candidate.client.sendChunk({ answer: answer + 100000, seq: 0, payload: pieces[0] });
    const nack = await candidate.client.next('nack');
    assert.equal(nack.code, 'unknown_answer', JSON.stringify(nack));
    candidate.close();
    await healthy();
  });

  it('a chunk for another session\'s answer is nacked unknown_answer and nothing is stored there', T, async () => {
    const victim = await answering();
    await victim.candidate.upload(victim.answer, [pieces[0]]);
    const attacker = await answering();
    attacker.candidate.client.sendChunk({ answer: victim.answer, seq: 1, payload: Buffer.from('injected') });
    const nack = await attacker.candidate.client.next('nack');
    assert.equal(nack.code, 'unknown_answer', JSON.stringify(nack));
    // The victim's answer still holds exactly its own chunk.
    const saved = await victim.candidate.finish(victim.answer, [[pieces[0]]]);
    assert.equal(saved.bytes, pieces[0].length);
    assert.ok((await segmentBytes(victim.answer)).equals(pieces[0]));
    victim.candidate.close();
    attacker.candidate.close();
    await healthy();
  });

  it('a binary frame shorter than 17 bytes gets error bad_chunk and the socket stays open', T, async () => {
    const { candidate } = await answering();
    candidate.client.send(Buffer.alloc(10, 1));
    const error = await candidate.client.next('error');
    assert.equal(error.code, 'bad_chunk', JSON.stringify(error));
    await candidate.ping();
    candidate.close();
    await healthy();
  });

  it('a chunk with an unknown header version gets error bad_chunk and nothing is stored', T, async () => {
    const { candidate, answer } = await answering();
    candidate.client.send(chunkFrame({ answer, seq: 0, payload: pieces[0], version: 2 }));
    const error = await candidate.client.next('error');
    assert.equal(error.code, 'bad_chunk', JSON.stringify(error));
    await candidate.upload(answer, [pieces[0]]); // seq 0 is still the one expected
    candidate.close();
    await healthy();
  });

  // --------------------------------------------------------------------------------------------- resume

  it('a candidate who reconnects resumes the answer from the stored chunk count', T, async () => {
    const { candidate, answer, invite } = await answering();
    const firstTwo = pieces.slice(0, 2);
    await candidate.upload(answer, firstTwo);
    candidate.client.terminate(); // a network cut: no close handshake
    const again = await Candidate.join(server, invite.token);
    assert.equal(again.state.phase, 'answering', JSON.stringify(again.state));
    const entry = again.state.answers.find((a) => a.answer === answer);
    assert.ok(entry, `the state lists no answer ${answer}: ${JSON.stringify(again.state)}`);
    assert.equal(entry.segments[0].chunks, 2, JSON.stringify(entry));
    assert.equal(entry.segments[0].bytes, Buffer.concat(firstTwo).length, JSON.stringify(entry));
    await again.upload(answer, pieces.slice(2), { from: 2 });
    const saved = await again.finish(answer, [pieces]);
    assert.equal(saved.bytes, media.length);
    assert.ok((await segmentBytes(answer)).equals(media), 'the resumed answer differs from the recording');
    again.close();
  });
});
