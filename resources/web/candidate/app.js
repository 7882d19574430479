// Candidate interview page. The server (docs/protocol.md) owns the phase and every timer; this page shows
// them, records the answers and makes sure every recorded byte reaches the server: each slice goes to the
// local buffer (IndexedDB) first, then to the socket, and stays local until the server saved the answer.

import { inviteTokenFromPath, splitPayload } from './protocol.js';
import { SessionConnection } from './connection.js';
import { ChunkStore } from './store.js';
import { Uploader } from './uploader.js';
import { SegmentRecorder, chooseRecorderMime, timesliceFor } from './recorder.js';
import { LevelMeter, isStreamLive, microphoneErrorMessage, requestMicrophone } from './microphone.js';
import { browserLanguage, currentLanguage, setLanguage, t } from './i18n.js';

const TICK_MS = 250;
const DEVICE_TEST_MS = 3000;
/** If the server's time_up does not arrive (connection down), stop this long after the shown deadline. */
const LOCAL_DEADLINE_GRACE_MS = 1500;
const ANNOUNCE_AT_SECONDS = [120, 60, 30, 10];
/** Recorders that fail one after another without a single slice: stop retrying on our own. */
const MAX_SILENT_RECORDER_FAILURES = 3;
/** localStorage: lengths of saved answers, so the review screen can show them after a reload too. */
const SAVED_DURATIONS_KEY = 'intervox-saved-durations';
const SAVED_DURATIONS_KEPT = 50;

const $ = (id) => document.getElementById(id);

// ---- page state -------------------------------------------------------------------------------------------

const page = {
  token: null,
  mime: null,
  store: null,
  connection: null,
  uploader: null,
  meter: new LevelMeter(),
  stream: null,
  serverState: null,        // last `state`, frozen
  synced: false,            // a `state` arrived on the current connection
  connectionStatus: 'connecting',
  problem: null,            // {title, text}: a final screen (invalid invite, unsupported browser …)
  deviceChecked: false,
  screen: 'loading',
  deadline: null,           // {phase, at: performance.now() based}
  announced: new Set(),
  recording: null,          // {answer, segment, recorder, record, writes, failed}
  starting: null,           // {answer, promise} while a recorder is being started
  micError: null,
  recorderFailures: 0,
  prepared: new Map(),      // answer -> Promise of its segments loaded from the local buffer
  finishing: new Map(),     // answer -> Promise: stopping and checksumming
  finishPayloads: new Map(),// answer -> finish_answer message (re-sent after a reconnect until saved)
  uploadWaiters: new Set(),  // checks re-run whenever the uploader makes progress (see whenUpload)
  savedAnswers: new Set(),
  savedDurations: new Map(),// answer -> {ms, partial}: length from answer_saved (partial: a segment's length was unknown)
  storageFailed: false,
  problems: [],
  pendingCommand: false,    // a button's command was sent; wait for the next state before allowing another
};

// ---- read-only view for tests and support tooling ----------------------------------------------------------

function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

function answerProgress(answer) {
  if (answer == null) return { recordedMs: 0, ackedMs: 0 };
  let recordedMs = 0;
  let ackedMs = 0;
  for (const segment of page.store ? page.store.listSegments(answer) : []) {
    const live = page.recording && page.recording.answer === answer && page.recording.segment === segment.segment;
    const duration = live ? page.recording.recorder.recordedMs : segment.durationMs ?? segment.lastChunkAt ?? 0;
    recordedMs += duration;
    ackedMs += page.uploader.answer === answer ? page.uploader.ackedMs(segment.segment, live ? null : duration) : 0;
  }
  // The live segment before its first slice is not in the store yet.
  if (page.recording && page.recording.answer === answer && page.recording.record.chunks === 0) {
    recordedMs += page.recording.recorder.recordedMs;
  }
  return { recordedMs, ackedMs: Math.min(ackedMs, recordedMs) };
}

const publicView = Object.freeze({
  get phase() { return page.serverState ? page.serverState.phase : null; },
  get screen() { return page.screen; },
  get state() { return page.serverState; },
  get mime() { return page.mime; },
  get connected() { return page.synced; },
  get recording() {
    const r = page.recording;
    const answer = r ? r.answer : currentOpenAnswerId();
    return deepFreeze({
      answer,
      segment: r ? r.segment : null,
      active: !!(r && r.recorder.active),
      ...answerProgress(answer),
    });
  },
  /** Every finish_answer this page computed, by answer id (what the server must have stored). */
  get finishes() { return deepFreeze(structuredClone([...page.finishPayloads.values()])); },
  get savedAnswers() { return deepFreeze([...page.savedAnswers]); },
  get storageFailed() { return page.storageFailed; },
  get problems() { return deepFreeze([...page.problems]); },
});
Object.defineProperty(window, 'intervox', { value: publicView, writable: false, configurable: false, enumerable: true });

function reportProblem(message) {
  page.problems.push(message);
  console.warn(message);
}

// ---- server state helpers ----------------------------------------------------------------------------------

function openAnswerOf(state) {
  if (!state || !Array.isArray(state.answers)) return null;
  return state.answers.find((a) => a.status === 'recording' || a.status === 'closing') || null;
}

function currentOpenAnswerId() {
  const open = openAnswerOf(page.serverState);
  return open ? open.answer : null;
}

function serverSegmentsOf(answer) {
  const entry = page.serverState && page.serverState.answers.find((a) => a.answer === answer);
  return entry && Array.isArray(entry.segments) ? entry.segments : [];
}

function currentQuestion() {
  const state = page.serverState;
  if (!state || !Array.isArray(state.questions)) return null;
  return state.questions.find((q) => q.index === state.question) || state.questions[state.question] || null;
}

// ---- connection --------------------------------------------------------------------------------------------

function onConnectionStatus(status) {
  page.connectionStatus = status;
  if (status !== 'open') {
    page.synced = false;
    page.uploader.connectionLost();
  }
  render();
}

function onFinal(reason) {
  const keys = {
    invite_invalid: 'Invalid',
    invite_revoked: 'Revoked',
    invite_expired: 'Expired',
    invite_used: 'Used',
  };
  const key = keys[reason] || 'Protocol';
  page.problem = { title: t(`problem${key}Title`), text: t(`problem${key}Text`) };
  if (page.recording) page.recording.recorder.stop().catch(() => {});
  render();
}

function onMessage(message) {
  switch (message.type) {
    case 'state':
      onState(message);
      break;
    case 'ack':
      page.uploader.handleAck(message);
      break;
    case 'nack':
      reportProblem(`nack ${message.code} answer ${message.answer} segment ${message.segment} seq ${message.seq}`);
      page.uploader.handleNack(message);
      break;
    case 'answer_started':
      setDeadline('answering', message.deadlineIn);
      ensureRecording(message.answer);
      break;
    case 'time_up':
      finishAnswer(message.answer);
      break;
    case 'answer_saved':
      onAnswerSaved(message);
      break;
    case 'error':
      reportProblem(`server error ${message.code}: ${message.message || ''}`);
      break;
    default:
      break;
  }
  render();
}

function onState(state) {
  const firstOnConnection = !page.synced;
  const previousPhase = page.serverState && page.serverState.phase;
  page.serverState = deepFreeze(structuredClone(state));
  page.synced = true;
  if (previousPhase !== state.phase) page.announced.clear();
  page.pendingCommand = false; // every command is answered by a state (or refused): buttons work again

  if (state.interview && state.interview.language) {
    setLanguage(state.interview.language).then((changed) => changed && render());
  }
  if (typeof state.deadlineIn === 'number') setDeadline(state.phase, state.deadlineIn);
  else page.deadline = null;

  const open = openAnswerOf(state);
  if (firstOnConnection) {
    if (open) page.uploader.setAnswer(open.answer);
    page.uploader.resync(open ? open.segments : []);
    if (open) {
      prepareAnswer(open.answer);
      const payload = page.finishPayloads.get(open.answer);
      if (payload) page.connection.send(payload); // the previous connection may have lost it
    }
    forgetSavedAnswers(state);
  }
  reconcileRecording(state);
  if (state.phase === 'finished' || state.phase === 'refused') {
    releaseMicrophone();
    page.connection.close();
  }
}

function setDeadline(phase, deadlineIn) {
  if (typeof deadlineIn !== 'number') return;
  page.deadline = { phase, at: performance.now() + deadlineIn };
}

/** Local data of answers the server has saved (e.g. while this tab was closed) is no longer needed. */
async function forgetSavedAnswers(state) {
  const saved = new Set(state.answers.filter((a) => a.status === 'saved').map((a) => a.answer));
  for (const answer of await page.store.bufferedAnswers()) {
    if (saved.has(answer)) await page.store.deleteAnswer(answer);
  }
}

// ---- recording ---------------------------------------------------------------------------------------------

/**
 * Loads what earlier page loads buffered for this answer and queues it for upload. A segment whose recorder
 * was cut off by a reload never got its stop time: its duration is the time of its last stored slice.
 */
function prepareAnswer(answer) {
  if (!page.prepared.has(answer)) {
    page.prepared.set(answer, (async () => {
      const segments = await page.store.loadAnswer(answer);
      for (const segment of segments) {
        const live = page.recording && page.recording.answer === answer && page.recording.segment === segment.segment;
        if (!live && segment.durationMs == null) {
          await page.store.updateSegment({ ...segment, durationMs: segment.lastChunkAt });
        }
        if (page.uploader.answer === answer) page.uploader.adoptStoredSegment(segment.segment, segment.chunks);
      }
      page.uploader.pump();
      return segments;
    })());
  }
  return page.prepared.get(answer);
}

function reconcileRecording(state) {
  const open = openAnswerOf(state);
  if (!open) return;
  if (page.finishing.has(open.answer)) return; // finished here already; waiting for the server
  if (open.status === 'closing' || state.phase === 'uploading') {
    finishAnswer(open.answer);
    return;
  }
  if (state.phase === 'answering' && open.status === 'recording') ensureRecording(open.answer);
}

async function ensureMicrophone() {
  if (isStreamLive(page.stream)) return page.stream;
  page.stream = await requestMicrophone();
  page.meter.attach(page.stream);
  for (const track of page.stream.getAudioTracks()) {
    track.addEventListener('ended', () => render());
  }
  return page.stream;
}

function releaseMicrophone() {
  if (page.stream) for (const track of page.stream.getTracks()) track.stop();
  page.stream = null;
  page.meter.detachStream();
}

/** Makes sure this answer is being recorded: after answer_started, a reload, or a recorder failure. */
function ensureRecording(answer) {
  if (page.recording && page.recording.answer === answer && !page.recording.failed) return page.starting?.promise;
  if (page.starting && page.starting.answer === answer) return page.starting.promise;
  if (page.finishing.has(answer) || page.savedAnswers.has(answer)) return null;
  const promise = startSegment(answer).finally(() => {
    if (page.starting && page.starting.promise === promise) page.starting = null;
    render();
  });
  page.starting = { answer, promise };
  return promise;
}

async function startSegment(answer) {
  page.uploader.setAnswer(answer);
  const stored = await prepareAnswer(answer);
  let stream;
  try {
    stream = await ensureMicrophone();
    page.micError = null;
  } catch (error) {
    page.micError = microphoneErrorMessage(error);
    reportProblem(`microphone: ${error.name || error.message}`);
    return;
  }
  if (page.finishing.has(answer)) return; // time ran out while waiting for the microphone

  // A new MediaRecorder's output does not continue the previous one's container: it is a new segment,
  // numbered after every segment that has data here or on the server.
  const used = [
    ...stored.filter((s) => s.chunks > 0).map((s) => s.segment),
    ...page.store.listSegments(answer).filter((s) => s.chunks > 0).map((s) => s.segment),
    ...serverSegmentsOf(answer).filter((s) => s.chunks > 0).map((s) => s.segment),
  ];
  const segment = used.length ? Math.max(...used) + 1 : 0;

  const recording = { answer, segment, recorder: null, record: null, writes: Promise.resolve(), failed: false };
  recording.recorder = new SegmentRecorder(stream, page.mime, {
    onSlice: (blob, atMs) => {
      recording.writes = recording.writes
        .then(() => storeSlice(recording, blob, atMs))
        .catch((error) => reportProblem(`could not store a slice: ${error.message}`));
    },
    onFailure: (error) => onRecorderFailure(recording, error),
  });
  recording.record = {
    answer, segment, mime: page.mime, startedAt: null, lastChunkAt: 0, durationMs: null, chunks: 0, bytes: 0,
  };
  page.recording = recording;
  try {
    await recording.recorder.start(timesliceFor(page.mime));
  } catch (error) {
    if (page.recording === recording) page.recording = null;
    page.micError = t('micOther', { error: error.name || error.message });
    reportProblem(`recorder did not start: ${error.message}`);
    return;
  }
  recording.record.startedAt = recording.recorder.startedAt;
}

/** One recorder slice: to the local buffer first, then to the upload queue. */
async function storeSlice(recording, blob, atMs) {
  const buffer = await blob.arrayBuffer();
  const first = recording.record.chunks;
  const pieces = splitPayload(buffer).map((data, i) => ({ seq: first + i, at: atMs, data }));
  recording.record = {
    ...recording.record,
    chunks: first + pieces.length,
    bytes: recording.record.bytes + buffer.byteLength,
    lastChunkAt: atMs,
  };
  await page.store.appendChunks(recording.record, pieces);
  if (page.uploader.answer === recording.answer) {
    for (const piece of pieces) page.uploader.chunkStored(recording.segment, piece.seq, piece.at, piece.data);
  }
}

async function onRecorderFailure(recording, error) {
  if (recording.failed) return;
  recording.failed = true;
  reportProblem(`recorder stopped: ${error.message}`);
  await recording.writes;
  if (recording.record.chunks > 0) {
    await page.store.updateSegment({ ...recording.record, durationMs: recording.recorder.recordedMs });
  }
  if (page.recording === recording) page.recording = null;
  // Keep recording the same answer in a new segment, as long as the server still wants this answer —
  // unless recorders keep failing without producing audio: then the candidate decides (Try again).
  page.recorderFailures = recording.record.chunks > 0 ? 1 : page.recorderFailures + 1;
  const open = openAnswerOf(page.serverState);
  if (open && open.answer === recording.answer && page.serverState.phase === 'answering') {
    if (!isStreamLive(page.stream)) page.micError = t('micLost');
    else if (page.recorderFailures >= MAX_SILENT_RECORDER_FAILURES) page.micError = t('micOther', { error: error.message });
    else ensureRecording(recording.answer);
  }
  render();
}

/**
 * Ends the answer: stops the recorder, waits for its last slice (the tail is lost otherwise), checksums every
 * segment from the local buffer and tells the server what it must have. Idempotent per answer.
 */
function finishAnswer(answer) {
  if (page.finishing.has(answer) || page.savedAnswers.has(answer)) return page.finishing.get(answer);
  const promise = (async () => {
    if (page.starting && page.starting.answer === answer) await page.starting.promise;
    const recording = page.recording;
    if (recording && recording.answer === answer) {
      const durationMs = await recording.recorder.stop();
      await recording.writes;
      if (recording.record.chunks > 0) {
        recording.record = { ...recording.record, durationMs };
        await page.store.updateSegment(recording.record);
      }
      if (page.recording === recording) page.recording = null;
    }
    await prepareAnswer(answer);
    const payload = await buildFinishPayload(answer);
    if (!payload) return;
    page.finishPayloads.set(answer, payload);
    if (page.synced) page.connection.send(payload);
    render();
  })().catch((error) => reportProblem(`could not finish answer ${answer}: ${error.message}`));
  page.finishing.set(answer, promise);
  render();
  return promise;
}

async function sha256Hex(parts) {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(new Uint8Array(part), offset);
    offset += part.byteLength;
  }
  const digest = await crypto.subtle.digest('SHA-256', joined);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The finish_answer of an answer: per segment (position = segment number) what this page recorded, with the
 * SHA-256 the server must find. A segment this browser no longer has (recorded in another browser, site data
 * cleared, IndexedDB evicted) is sent with `sha256: null` and exactly the server's stored counts: the server
 * keeps those bytes as they are and marks them unverified. Its length is not known here.
 */
async function buildFinishPayload(answer) {
  const local = page.store.listSegments(answer).filter((s) => s.chunks > 0 && !page.uploader.isRefused(s.segment));
  const remote = serverSegmentsOf(answer).filter((s) => s.chunks > 0);
  const last = Math.max(-1, ...local.map((s) => s.segment), ...remote.map((s) => s.segment));
  const segments = [];
  for (let segment = 0; segment <= last; segment++) {
    const record = page.store.segment(answer, segment);
    const stored = remote.find((s) => s.segment === segment) || null;
    const durationMs = record ? Math.max(0, Math.round(record.durationMs ?? record.lastChunkAt ?? 0)) : 0;
    // The server never has more of a segment than this page sent; if it does, the local copy lost its end.
    if (record && record.chunks > 0 && !(stored && stored.chunks > record.chunks)) {
      let chunks = null;
      try {
        chunks = await page.store.readSegment(answer, segment, record.chunks);
      } catch (error) {
        reportProblem(`segment ${segment} of answer ${answer} cannot be checksummed: ${error.message}`);
      }
      if (chunks) {
        segments.push({ chunks: record.chunks, bytes: record.bytes, sha256: await sha256Hex(chunks.map((c) => c.data)), durationMs });
        continue;
      }
      // Lost while this page was running: the server gets what the uploader still holds in memory. Claiming
      // more than it ends up with would leave the answer waiting, claiming less makes the server discard the
      // segment, so wait until its count is final (everything acked, or nothing more can be sent).
      const settled = await whenUpload(() => page.savedAnswers.has(answer) || (page.uploader.answer === answer && page.uploader.settledCount(segment)));
      if (settled === true) return null; // saved meanwhile (another tab finished it)
      const complete = settled.chunks === record.chunks;
      segments.push({
        chunks: settled.chunks,
        // The server does not compare bytes of an unverified segment; send the best count known here.
        bytes: settled.bytes ?? (complete ? record.bytes : stored && stored.chunks === settled.chunks ? stored.bytes : record.bytes),
        sha256: null,
        durationMs: complete ? durationMs : 0,
      });
      continue;
    }
    if (stored) {
      // Recorded in another browser, or this browser's copy was cleared (or lost its end) before this page
      // load. Nothing more of it can reach the server, so the stored counts from `state` are final; its length
      // is unknown (0), which the review screen shows as "at least".
      reportProblem(`segment ${segment} of answer ${answer} is on the server but not in the local buffer: finishing it unverified`);
      segments.push({ chunks: stored.chunks, bytes: stored.bytes, sha256: null, durationMs: 0 });
      continue;
    }
    // Neither here nor on the server: a refused trailing segment.
  }
  return { type: 'finish_answer', answer, segments };
}

/** Resolves with check()'s first truthy value, re-checked on every upload progress. */
function whenUpload(check) {
  return new Promise((resolve) => {
    const probe = () => {
      const value = check();
      if (!value) return;
      page.uploadWaiters.delete(probe);
      resolve(value);
    };
    page.uploadWaiters.add(probe);
    probe();
  });
}

function onUploadProgress() {
  for (const probe of [...page.uploadWaiters]) probe();
}

async function onAnswerSaved({ answer, durationMs }) {
  page.savedAnswers.add(answer);
  const segments = page.finishPayloads.get(answer)?.segments;
  // A repeated answer_saved (finish_answer re-sent after a reconnect) carries no length: use what was sent.
  const ms = typeof durationMs === 'number' ? durationMs : segments ? segments.reduce((sum, s) => sum + s.durationMs, 0) : null;
  if (ms !== null) {
    rememberSavedDuration(answer, { ms, partial: !!segments && segments.some((s) => s.sha256 === null) });
  }
  if (page.uploader.answer === answer) page.uploader.setAnswer(null);
  await page.store.deleteAnswer(answer);
  render();
}

function loadSavedDurations() {
  try {
    const stored = JSON.parse(localStorage.getItem(SAVED_DURATIONS_KEY) || '[]');
    if (Array.isArray(stored)) {
      for (const [answer, entry] of stored) {
        if (Number.isInteger(answer) && entry && typeof entry.ms === 'number') page.savedDurations.set(answer, entry);
      }
    }
  } catch {
    // Blocked or corrupt storage: the review screen then shows no length; nothing else depends on it.
  }
}

function rememberSavedDuration(answer, entry) {
  page.savedDurations.delete(answer);
  page.savedDurations.set(answer, entry);
  while (page.savedDurations.size > SAVED_DURATIONS_KEPT) page.savedDurations.delete(page.savedDurations.keys().next().value);
  try {
    localStorage.setItem(SAVED_DURATIONS_KEY, JSON.stringify([...page.savedDurations]));
  } catch {
    // Only the length shown after a reload is at stake.
  }
}

// ---- rendering ---------------------------------------------------------------------------------------------

function showScreen(name) {
  if (page.screen === name) return;
  page.screen = name;
  for (const section of document.querySelectorAll('main > .screen')) section.hidden = section.id !== `screen-${name}`;
  // Move focus to the new screen's heading so keyboard and screen-reader users start there.
  const heading = document.querySelector(`#screen-${name} h1`);
  if (heading) heading.focus({ preventScroll: false });
}

/** "42 seconds", "1 minute 5 seconds" in the page's language. */
function formatDuration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const unit = (unitName, value) => new Intl.NumberFormat(currentLanguage() || 'en', { style: 'unit', unit: unitName, unitDisplay: 'long' }).format(value);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return unit('second', seconds);
  return seconds === 0 ? unit('minute', minutes) : `${unit('minute', minutes)} ${unit('second', seconds)}`;
}

function formatClock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) element.textContent = text;
}

function render() {
  renderConnection();
  $('storage-warning').hidden = !page.storageFailed;
  if (page.problem) {
    setText('problem-title', page.problem.title);
    setText('problem-text', page.problem.text);
    showScreen('problem');
    return;
  }
  const state = page.serverState;
  if (!state) {
    showScreen('loading');
    return;
  }
  if (state.interview && state.interview.title) setText('interview-title', state.interview.title);
  const phase = state.phase;
  if ((phase === 'consent' || phase === 'intro') && !page.deviceChecked) {
    renderDevice();
    showScreen('device');
    return;
  }
  switch (phase) {
    case 'consent':
      renderConsent();
      for (const id of ['consent-accept', 'consent-refuse', 'consent-refuse-yes']) $(id).disabled = page.pendingCommand || !page.synced;
      showScreen('consent');
      break;
    case 'refused':
      showScreen('refused');
      break;
    case 'intro':
      renderIntro();
      showScreen('intro');
      break;
    case 'thinking':
    case 'answering':
    case 'uploading':
      renderQuestion();
      showScreen('question');
      break;
    case 'review':
      renderReview();
      showScreen('review');
      break;
    case 'finished':
      showScreen('finished');
      break;
    default:
      reportProblem(`unknown phase ${phase}`);
  }
}

function renderConnection() {
  const element = $('connection-status');
  const status = page.synced ? 'online' : page.connectionStatus === 'closed' ? 'offline' : 'connecting';
  element.dataset.status = status;
  const finalPhase = page.serverState && ['finished', 'refused'].includes(page.serverState.phase);
  const text = page.problem || finalPhase
    ? ''
    : t({ online: 'connectionOnline', offline: 'connectionOffline', connecting: 'connectionConnecting' }[status]);
  setText('connection-status', text);
}

function renderDevice() {
  const streamReady = isStreamLive(page.stream);
  $('mic-allow').hidden = streamReady;
  $('test-record').disabled = !streamReady || deviceTest.running;
  $('device-continue').disabled = !(streamReady && deviceTest.done && page.synced);
  setText('network-status', t(page.synced ? 'networkOk' : page.connectionStatus === 'closed' ? 'networkDown' : 'networkChecking'));
  if (streamReady) setText('level-hint', t(page.meter.hearing ? 'levelHeard' : 'levelSilent'));
}

function renderConsent() {
  const interview = page.serverState.interview || {};
  const organization = (typeof interview.organization === 'string' && interview.organization.trim()) || t('consentOrganizationUnknown');
  setText('consent-intro', t('consentIntro', { organization }));
  setText('consent-recording-text', t('consentRecordingText', { organization }));
  // Only an explicit true means AI is used; the candidate must never be told "no AI" when it is, so an
  // unknown value (an older server) falls back to the text that names AI and the way to refuse it.
  const noAi = interview.aiProcessing === false;
  setText('consent-ai-text', t(noAi ? 'consentAiNone' : 'consentAiUsed', { organization }));
  setText('consent-retention-text', t('consentRetentionText', { organization }));
}

function renderIntro() {
  const state = page.serverState;
  setText('intro-title', state.interview.title || t('appName'));
  setText('intro-greeting', t('introGreeting', { name: (state.candidate && state.candidate.name) || '' }));
  setText('intro-text', state.interview.intro || '');
  setText('intro-summary', t('introSummary', { count: state.questions.length }));
  $('intro-begin').disabled = page.pendingCommand || !page.synced;
}

function renderQuestion() {
  const state = page.serverState;
  const question = currentQuestion();
  setText('question-progress', t('questionProgress', { number: state.question + 1, count: state.questions.length }));
  setText('question-title', question ? question.text : '');

  const openId = currentOpenAnswerId() ?? (page.recording && page.recording.answer);
  const finishingHere = openId != null && page.finishing.has(openId);
  const thinking = state.phase === 'thinking';
  const answering = state.phase === 'answering' && !finishingHere;
  $('thinking-panel').hidden = !thinking;
  $('answering-panel').hidden = !answering;
  $('upload-panel').hidden = thinking;
  $('start-answer').disabled = page.pendingCommand || !page.synced;

  const recording = page.recording && page.recording.answer === openId ? page.recording : null;
  const live = !!(recording && recording.recorder.active && recording.recorder.startedAt !== null);
  $('finish-answer').disabled = !live;
  setText('recording-indicator', live ? t('recordingNow') : t('startingRecorder'));
  $('recording-indicator').dataset.live = live ? 'true' : 'false';

  $('recorder-error').hidden = !page.micError || !(state.phase === 'answering');
  if (page.micError) setText('recorder-error-text', page.micError);

  const timerShown = thinking || answering;
  $('timer').hidden = !timerShown;
  $('timer-label').hidden = !timerShown;
  if (timerShown) {
    setText('timer-label', t(thinking ? 'thinkTimeLabel' : 'answerTimeLabel'));
    renderTimer();
  }

  if (!thinking) renderUploadProgress(openId, answering);
}

function renderUploadProgress(answer, answering) {
  const { recordedMs, ackedMs } = answerProgress(answer);
  const progress = $('stored-progress');
  progress.max = Math.max(1, recordedMs);
  progress.value = Math.min(ackedMs, recordedMs);
  const recordedS = Math.floor(recordedMs / 1000);
  const storedS = Math.floor(ackedMs / 1000);
  let text;
  if (answering) {
    text = t('storedProgress', { stored: storedS, recorded: recordedS });
  } else {
    const pending = Math.ceil(Math.max(0, recordedMs - ackedMs) / 1000);
    // Never claim done here: only answer_saved (the review screen) means done.
    if (!page.synced) text = t('uploadingOffline', { seconds: pending });
    else if (pending > 0) text = t('uploadingPending', { seconds: pending });
    else text = t('uploadingVerifying');
    if (answer != null && !page.finishPayloads.has(answer)) text = `${t('finishing')} ${text}`;
  }
  setText('stored-text', text);
}

function renderTimer() {
  if (!page.deadline) {
    setText('timer', '');
    return;
  }
  const remaining = page.deadline.at - performance.now();
  setText('timer', formatClock(remaining));
  const seconds = Math.ceil(remaining / 1000);
  for (const mark of ANNOUNCE_AT_SECONDS) {
    if (seconds <= mark && seconds > mark - 2 && !page.announced.has(mark)) {
      page.announced.add(mark);
      setText('timer-announcer', mark >= 60 ? t('minutesLeftAnnouncement', { minutes: mark / 60 }) : t('timeLeftAnnouncement', { seconds: mark }));
    }
  }
}

function renderReview() {
  const state = page.serverState;
  // The answer under review is the latest saved take of the current question.
  const saved = state.answers.filter((a) => a.status === 'saved' && a.question === state.question);
  const latest = saved.length ? saved.reduce((a, b) => (b.answer > a.answer ? b : a)) : null;
  const length = latest && page.savedDurations.get(latest.answer);
  let text = t('reviewTextNoDuration');
  if (length && length.partial && length.ms >= 1000) text = t('reviewTextPartial', { duration: formatDuration(length.ms) });
  else if (length && !length.partial) text = t('reviewText', { duration: formatDuration(length.ms) });
  setText('review-text', text);
  const retakesLeft = state.retakesLeft || 0;
  const retake = $('review-retake');
  retake.hidden = retakesLeft <= 0;
  retake.textContent = t('reviewRetake', { count: retakesLeft });
  const last = state.question >= state.questions.length - 1;
  setText('review-next', t(last ? 'finishInterview' : 'nextQuestion'));
  retake.disabled = page.pendingCommand || !page.synced;
  $('review-next').disabled = page.pendingCommand || !page.synced;
}

/** Runs every TICK_MS: timers, level hints, upload progress, and the local fallback for a missed time_up. */
function tick() {
  const state = page.serverState;
  if (state && page.screen === 'question') renderQuestion();
  if (page.screen === 'device') renderDevice();
  const recording = page.recording;
  if (
    recording && page.deadline && page.deadline.phase === 'answering' && !page.synced &&
    performance.now() > page.deadline.at + LOCAL_DEADLINE_GRACE_MS
  ) {
    // Offline at the end of the answer time: stop here; the server's own time_up is waiting on reconnect.
    finishAnswer(recording.answer);
  }
}

// ---- user actions ------------------------------------------------------------------------------------------

function sendCommand(message) {
  if (page.pendingCommand) return;
  if (page.connection.send(message)) {
    page.pendingCommand = true;
    render();
  }
}

const deviceTest = { running: false, done: false, url: null };

async function allowMicrophone() {
  page.meter.resume();
  setText('mic-status', t('deviceRequesting'));
  $('mic-error').hidden = true;
  try {
    await ensureMicrophone();
    page.meter.resume();
    setText('mic-status', t('deviceGranted'));
    render();
    $('test-record').focus();
  } catch (error) {
    setText('mic-status', '');
    setText('mic-error-text', microphoneErrorMessage(error));
    $('mic-error').hidden = false;
    $('mic-retry').focus();
  }
}

async function recordDeviceTest() {
  if (deviceTest.running || !isStreamLive(page.stream)) return;
  deviceTest.running = true;
  render();
  const audio = $('test-playback');
  audio.hidden = true;
  try {
    const recorder = new MediaRecorder(page.stream, { mimeType: page.mime });
    const parts = [];
    recorder.addEventListener('dataavailable', (event) => event.data.size > 0 && parts.push(event.data));
    const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
    const startedAt = performance.now();
    recorder.start();
    const counter = setInterval(() => {
      setText('test-status', t('deviceTestRecording', { seconds: Math.max(0, Math.ceil((DEVICE_TEST_MS - (performance.now() - startedAt)) / 1000)) }));
    }, TICK_MS);
    setText('test-status', t('deviceTestRecording', { seconds: 3 }));
    await new Promise((resolve) => setTimeout(resolve, DEVICE_TEST_MS));
    recorder.stop();
    await stopped;
    clearInterval(counter);
    if (deviceTest.url) URL.revokeObjectURL(deviceTest.url);
    deviceTest.url = URL.createObjectURL(new Blob(parts, { type: page.mime }));
    audio.src = deviceTest.url;
    audio.hidden = false;
    deviceTest.done = true;
    setText('test-status', t('deviceTestDone'));
    audio.play().catch(() => {}); // autoplay may be refused; the controls are there
  } catch (error) {
    setText('test-status', t('deviceTestFailed', { error: error.message }));
  } finally {
    deviceTest.running = false;
    render();
  }
}

function wireActions() {
  $('mic-allow').addEventListener('click', allowMicrophone);
  $('mic-retry').addEventListener('click', allowMicrophone);
  $('test-record').addEventListener('click', recordDeviceTest);
  $('device-continue').addEventListener('click', () => {
    page.deviceChecked = true;
    $('test-playback').pause();
    render();
  });
  $('consent-accept').addEventListener('click', () => sendCommand({ type: 'consent', accepted: true }));
  $('consent-refuse').addEventListener('click', () => {
    $('consent-actions').hidden = true;
    $('consent-refuse-confirm').hidden = false;
    $('consent-refuse-back').focus();
  });
  $('consent-refuse-back').addEventListener('click', () => {
    $('consent-refuse-confirm').hidden = true;
    $('consent-actions').hidden = false;
    $('consent-refuse').focus();
  });
  $('consent-refuse-yes').addEventListener('click', () => sendCommand({ type: 'consent', accepted: false }));
  $('intro-begin').addEventListener('click', () => {
    page.meter.resume();
    sendCommand({ type: 'begin' });
  });
  $('start-answer').addEventListener('click', () => {
    page.meter.resume();
    sendCommand({ type: 'start_answer' });
  });
  $('finish-answer').addEventListener('click', () => {
    const recording = page.recording;
    if (recording) finishAnswer(recording.answer);
  });
  $('recorder-retry').addEventListener('click', () => {
    page.micError = null;
    page.recorderFailures = 0;
    const open = openAnswerOf(page.serverState);
    if (open && page.serverState.phase === 'answering') ensureRecording(open.answer);
    render();
  });
  $('review-retake').addEventListener('click', () => sendCommand({ type: 'retake' }));
  $('review-next').addEventListener('click', () => sendCommand({ type: 'next' }));

  window.addEventListener('beforeunload', (event) => {
    const open = currentOpenAnswerId();
    const unsaved = (page.recording && page.recording.recorder.active) || (open != null && !page.savedAnswers.has(open));
    if (unsaved) {
      event.preventDefault();
      event.returnValue = t('leaveWarning'); // older browsers need a value to show the prompt
    }
  });
}

// ---- start -------------------------------------------------------------------------------------------------

async function main() {
  await setLanguage(browserLanguage()).catch((error) => reportProblem(`strings: ${error.message}`));
  wireActions();
  loadSavedDurations();
  page.meter.show($('device-level'));
  page.meter.show($('answer-level'));
  page.token = inviteTokenFromPath();
  page.mime = chooseRecorderMime();
  if (!page.token) {
    page.problem = { title: t('problemNoTokenTitle'), text: t('problemNoTokenText') };
  } else if (!page.mime || !window.crypto || !crypto.subtle) {
    page.problem = { title: t('problemUnsupportedTitle'), text: t('problemUnsupportedText') };
  }
  if (page.problem) {
    render();
    return;
  }
  page.store = await ChunkStore.open((error) => {
    if (!page.storageFailed) reportProblem(`local buffer: ${error.name || ''} ${error.message}`);
    page.storageFailed = true;
    render();
  });
  page.connection = new SessionConnection({
    token: page.token,
    mime: page.mime,
    onMessage,
    onStatus: onConnectionStatus,
    onFinal,
  });
  page.uploader = new Uploader(page.store, page.connection, {
    onProgress: onUploadProgress,
    onProblem: reportProblem,
  });
  render();
  setInterval(tick, TICK_MS);
  page.connection.connect();
}

main();
