'use strict';
// Live events (/api/v1/events): what a recruiter's app sees while candidates take interviews, and that an
// organization never sees another's events.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');

const { Environment, engine } = require('./lib/server');
const { Client, split } = require('./lib/ws');
const { createOrg, createInvitation, Candidate, makeWebm } = require('./lib/fixtures');

const T = { timeout: 30_000 };
const SETUP = { timeout: 60_000 };

async function openEvents(server, token, after) {
  const client = await Client.open(`${server.wsUrl}/api/v1/events`);
  client.send({ type: 'auth', token, ...(after ? { after } : {}) });
  return client;
}

function eventOf(name, sessionId) {
  return (m) => m.type === 'event' && m.event === name && m.sessionId === sessionId;
}

function assertEventFields(event, { interview, candidate }, sessionId) {
  assert.equal(event.sessionId, sessionId, JSON.stringify(event));
  assert.equal(event.interviewId, interview.id, JSON.stringify(event));
  assert.equal(event.candidateId, candidate.id, JSON.stringify(event));
  assert.ok(!Number.isNaN(Date.parse(event.at)), `event time: ${JSON.stringify(event)}`);
}

describe(`live events (${engine})`, () => {
  let env, server, orgA, orgB, eventsA, eventsB, media;
  const sessionsOfA = new Set();
  const sessionsOfB = new Set();

  before(async () => {
    env = await Environment.create();
    server = await env.start();
    orgA = await createOrg(env, server, 'events-a');
    orgB = await createOrg(env, server, 'events-b');
    media = await makeWebm(2);
  }, SETUP);

  after(async () => {
    for (const socket of [eventsA, eventsB]) if (socket) socket.terminate();
    if (env) await env.cleanup();
  }, SETUP);

  it('an events socket authenticated with an access token answers ready', T, async () => {
    eventsA = await openEvents(server, orgA.token);
    await eventsA.next('ready');
    eventsB = await openEvents(server, orgB.token);
    await eventsB.next('ready');
  });

  it('an events socket is closed with 4401 when its token is signed out; another token\'s socket stays', T, async () => {
    const second = await createOrg(env, server, 'events-logout');
    const doomed = await openEvents(server, second.token);
    await doomed.next('ready');
    const logout = await second.api.post('/api/v1/auth/logout');
    assert.equal(logout.status, 204, String(logout));
    const closed = await doomed.waitClosed(10_000);
    assert.equal(closed.code, 4401, JSON.stringify(closed));
    assert.ok(eventsA.isOpen, 'the socket of another token was closed too');
    eventsA.send({ type: 'ping' });
    await eventsA.next('pong');
  });

  it('an events socket is closed with 4401 when its token expires', T, async () => {
    const account = await createOrg(env, server, 'events-expiry');
    // The newest token is this account's: make it expire in 1.5 s (instead of 12 h) before the socket signs in.
    await env.sql(`UPDATE access_tokens SET expires_at = ${Date.now() + 1500} WHERE id = (SELECT MAX(id) FROM access_tokens)`);
    const socket = await openEvents(server, account.token);
    await socket.next('ready');
    const closed = await socket.waitClosed(10_000);
    assert.equal(closed.code, 4401, JSON.stringify(closed));
    const expired = await account.api.get('/api/v1/me');
    assert.equal(expired.status, 401, `the token itself has expired too: ${expired}`);
  });

  it('an events socket with an invalid token is closed without ready', T, async () => {
    const socket = await openEvents(server, 'not-a-valid-token');
    await socket.waitClosed(15_000);
    assert.ok(!socket.history.some((m) => m.type === 'ready'), `got ready: ${JSON.stringify(socket.history)}`);
  });

  it('candidate_joined arrives when a candidate opens a session', T, async () => {
    const invitation = await createInvitation(orgA);
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfA.add(sessionId);
      const event = await eventsA.next(eventOf('candidate_joined', sessionId));
      assertEventFields(event, invitation, sessionId);
    } finally { candidate.close(); }
  });

  it('answer_started arrives when the candidate starts answering, answer_saved with the answerId when it is saved', T, async () => {
    const invitation = await createInvitation(orgA);
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfA.add(sessionId);
      await candidate.consent(true);
      await candidate.begin();
      const { answer } = await candidate.startAnswer();
      const started = await eventsA.next(eventOf('answer_started', sessionId));
      assertEventFields(started, invitation, sessionId);
      assert.deepEqual([started.answerId, started.question, started.take], [answer, 0, 1], JSON.stringify(started));
      const pieces = split(media, 8192);
      await candidate.upload(answer, pieces);
      await candidate.finish(answer, [pieces]);
      const event = await eventsA.next(eventOf('answer_saved', sessionId));
      assertEventFields(event, invitation, sessionId);
      assert.equal(event.answerId, answer, JSON.stringify(event));
    } finally { candidate.close(); }
  });

  it('question arrives each time the candidate reaches a question, with its index', T, async () => {
    const invitation = await createInvitation(orgA, { interview: { questions: [
      { text: 'One?', thinkSeconds: 30, answerSeconds: 60, retakes: 0 },
      { text: 'Two?', thinkSeconds: 30, answerSeconds: 60, retakes: 0 },
    ] } });
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfA.add(sessionId);
      await candidate.consent(true);
      await candidate.begin();
      const first = await eventsA.next((m) => m.event === 'question' && m.sessionId === sessionId);
      assertEventFields(first, invitation, sessionId);
      assert.equal(first.question, 0, JSON.stringify(first));
      const { answer } = await candidate.startAnswer();
      const pieces = split(media, 8192);
      await candidate.upload(answer, pieces);
      await candidate.finish(answer, [pieces]);
      const state = await candidate.next();
      assert.equal(state.phase, 'thinking');
      const second = await eventsA.next((m) => m.event === 'question' && m.sessionId === sessionId && m.question === 1);
      assertEventFields(second, invitation, sessionId);
    } finally { candidate.close(); }
  });

  it('finished arrives after the candidate completes the last question', T, async () => {
    const invitation = await createInvitation(orgA);
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfA.add(sessionId);
      await candidate.consent(true);
      await candidate.begin();
      const { answer } = await candidate.startAnswer();
      const pieces = split(media, 8192);
      await candidate.upload(answer, pieces);
      await candidate.finish(answer, [pieces]);
      const state = await candidate.next();
      assert.equal(state.phase, 'finished');
      const event = await eventsA.next(eventOf('finished', sessionId));
      assertEventFields(event, invitation, sessionId);
    } finally { candidate.close(); }
  });

  it('disconnected arrives when the candidate\'s socket closes', T, async () => {
    const invitation = await createInvitation(orgA);
    const candidate = await Candidate.join(server, invitation.invite.token);
    const sessionId = candidate.state.session;
    sessionsOfA.add(sessionId);
    await eventsA.next(eventOf('candidate_joined', sessionId));
    candidate.close();
    const event = await eventsA.next(eventOf('disconnected', sessionId));
    assertEventFields(event, invitation, sessionId);
    const session = await orgA.api.get(`/api/v1/sessions/${sessionId}`);
    assert.equal(session.json.connected, false, String(session));
  });

  it('consent_refused arrives when the candidate refuses consent', T, async () => {
    const invitation = await createInvitation(orgA);
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfA.add(sessionId);
      await candidate.consent(false);
      const event = await eventsA.next(eventOf('consent_refused', sessionId));
      assertEventFields(event, invitation, sessionId);
      const session = await orgA.api.get(`/api/v1/sessions/${sessionId}`);
      assert.equal(session.json.consent, 'refused', String(session));
      assert.equal(session.json.phase, 'refused', String(session));
    } finally { candidate.close(); }
  });

  it('every event has an id; a client that reconnects with the last id it saw gets what it missed, in order, and only its own', T, async () => {
    const live = await openEvents(server, orgA.token);
    const ready = await live.next('ready');
    assert.equal(ready.resumed, false, 'a first connection has nothing to resume');
    const first = await Candidate.join(server, (await createInvitation(orgA)).invite.token);
    sessionsOfA.add(first.state.session);
    const seen = await live.next(eventOf('candidate_joined', first.state.session));
    assert.match(seen.id, new RegExp(`^${ready.stream}-\\d+$`), JSON.stringify(seen));
    live.close();
    await live.waitClosed();

    // While it is away: A's candidate leaves and another joins; B has an event too.
    first.close();
    const second = await Candidate.join(server, (await createInvitation(orgA)).invite.token);
    sessionsOfA.add(second.state.session);
    const ofB = await Candidate.join(server, (await createInvitation(orgB)).invite.token);
    sessionsOfB.add(ofB.state.session);
    await eventsA.next(eventOf('candidate_joined', second.state.session));
    await eventsB.next(eventOf('candidate_joined', ofB.state.session));
    const fromSeen = eventsA.history.findIndex((m) => m.id === seen.id);
    const upTo = eventsA.history.findIndex((m) => m.event === 'candidate_joined' && m.sessionId === second.state.session);
    const missed = eventsA.history.slice(fromSeen + 1, upTo + 1);
    assert.ok(missed.some((m) => m.event === 'disconnected' && m.sessionId === first.state.session), JSON.stringify(missed));

    const back = await openEvents(server, orgA.token, seen.id);
    assert.deepEqual(await back.next('ready'), { type: 'ready', stream: ready.stream, resumed: true });
    const replayed = [];
    for (const expected of missed) replayed.push(await back.next((m) => m.type === 'event' && m.id === expected.id));
    assert.deepEqual(replayed, missed, 'the missed events, as they were sent live');
    assert.deepEqual(back.pending(), [], 'nothing else (no event of organization B, nothing twice)');
    const ids = replayed.map((m) => Number(m.id.split('-')[1]));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'in order');

    // An id of another server process (a restart) or a made-up one cannot be resumed: reload from the API.
    for (const after of ['0123456789ab-1', 'nonsense', `${ready.stream}-999999999`]) {
      const other = await openEvents(server, orgA.token, after);
      assert.equal((await other.next('ready')).resumed, false, after);
      other.close();
    }
    for (const socket of [second, ofB, back]) socket.close();
  });

  it('another organization\'s events socket receives none of these events', T, async () => {
    assert.ok(eventsB && sessionsOfA.size >= 5, 'the earlier tests of this file did not run');
    // Barrier: an event of B's own, emitted after all of A's. Once it arrives, anything of A's would have too.
    const invitation = await createInvitation(orgB);
    const candidate = await Candidate.join(server, invitation.invite.token);
    try {
      const sessionId = candidate.state.session;
      sessionsOfB.add(sessionId);
      await eventsB.next(eventOf('candidate_joined', sessionId));
      const leaked = eventsB.history.filter((m) => m.type === 'event' && (sessionsOfA.has(m.sessionId) || !sessionsOfB.has(m.sessionId)));
      assert.deepEqual(leaked, [], 'organization B received events of organization A');
    } finally { candidate.close(); }
  });
});
