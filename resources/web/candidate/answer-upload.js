// Getting every recorded byte to the server: the local buffer (IndexedDB), the uploader, finishing answers
// (checksums, finish_answer) and the saved answers with their lengths. Owns the local buffer and the uploader,
// what is prepared, finishing and saved per answer, and whether local or server storage is failing.

import { ChunkStore } from './store.js';
import { Uploader } from './uploader.js';
import { isSynced, openAnswerOf, serverSegmentsOf } from './session.js';
import { sendMessage } from './connection.js';
import { isRecordingSegment, recordingNow, stopRecording } from './answer-recording.js';
import { render, reportProblem } from './screens.js';

/** localStorage: lengths of saved answers, so the review screen can show them after a reload too. */
const SAVED_DURATIONS_KEY = 'intervox-saved-durations';
const SAVED_DURATIONS_KEPT = 50;

let store = null;
let uploader = null;
const prepared = new Map();       // answer -> Promise of its segments loaded from the local buffer
const finishing = new Map();      // answer -> Promise: stopping and checksumming
const finishPayloads = new Map(); // answer -> finish_answer message (re-sent after a reconnect until saved)
const uploadWaiters = new Set();  // checks re-run whenever the uploader makes progress (see whenUpload)
const savedAnswers = new Set();
const savedDurations = new Map(); // answer -> frozen {ms, partial}: length from answer_saved (partial: a segment's length was unknown)
let storageFailed = false;
let serverSaveDelayed = false;    // the server reported it cannot store or save audio right now (it retries)

// ---- reading -----------------------------------------------------------------------------------------------

export const isFinishing = (answer) => finishing.has(answer);
export const isSaved = (answer) => savedAnswers.has(answer);
export const hasFinishPayload = (answer) => finishPayloads.has(answer);
export const savedDurationOf = (answer) => savedDurations.get(answer);
export const savedAnswerIds = () => [...savedAnswers];
/** Every finish_answer computed here, as copies. */
export const finishPayloadList = () => structuredClone([...finishPayloads.values()]);
export const localBufferFailed = () => storageFailed;
/** The server cannot store or save audio right now (it retries by itself). */
export const serverSaveFailing = () => serverSaveDelayed || (!!uploader && uploader.serverStorageFailing);
export const storedSegments = (answer) => store.listSegments(answer);

// ---- setting up, and what the session hands on ------------------------------------------------------------

export async function openLocalBuffer() {
  store = await ChunkStore.open((error) => {
    if (!storageFailed) reportProblem(`local buffer: ${error.name || ''} ${error.message}`);
    storageFailed = true;
    render();
  });
}

/** @param {import('./connection.js').SessionConnection} connection */
export function startUploader(connection) {
  uploader = new Uploader(store, connection, { onProgress: onUploadProgress, onProblem: reportProblem });
}

export function uploadConnectionLost() {
  uploader.connectionLost();
}

export function handleAck(message) {
  uploader.handleAck(message);
}

export function handleNack(message) {
  uploader.handleNack(message);
}

export function noteServerSaveDelayed() {
  serverSaveDelayed = true;
}

export function clearServerSaveDelayed() {
  serverSaveDelayed = false;
}

/** Another tab took this session over and now records and uploads it from the same local buffer. */
export function detachLocalBuffer() {
  store.detach();
  uploader.detach();
}

/**
 * The first `state` on a connection: the server's counts say what to send again, and a finish_answer the
 * previous connection may have lost goes out again.
 */
export function resumeUploads(state) {
  const open = openAnswerOf(state);
  if (open) uploader.setAnswer(open.answer);
  uploader.resync(open ? open.segments : []);
  if (open) {
    prepareAnswer(open.answer);
    const payload = finishPayloads.get(open.answer);
    if (payload) sendMessage(payload); // the previous connection may have lost it
  }
  forgetSavedAnswers(state);
}

/** Local data of answers the server has saved (e.g. while this tab was closed) is no longer needed. */
async function forgetSavedAnswers(state) {
  const saved = new Set(state.answers.filter((a) => a.status === 'saved').map((a) => a.answer));
  for (const answer of await store.bufferedAnswers()) {
    if (saved.has(answer)) await store.deleteAnswer(answer);
  }
}

// ---- recording into the local buffer -----------------------------------------------------------------------

/**
 * Loads what earlier page loads buffered for this answer and queues it for upload. A segment whose recorder
 * was cut off by a reload never got its stop time: its duration is the time of its last stored slice.
 */
export function prepareAnswer(answer) {
  if (!prepared.has(answer)) {
    prepared.set(answer, (async () => {
      const segments = await store.loadAnswer(answer);
      for (const segment of segments) {
        if (!isRecordingSegment(answer, segment.segment) && segment.durationMs == null) {
          await store.updateSegment({ ...segment, durationMs: segment.lastChunkAt });
        }
        if (uploader.answer === answer) uploader.adoptStoredSegment(segment.segment, segment.chunks);
      }
      uploader.pump();
      return segments;
    })());
  }
  return prepared.get(answer);
}

/** How much of this answer was recorded and how much of it the server acknowledged. */
export function answerProgress(answer) {
  if (answer == null) return { recordedMs: 0, ackedMs: 0 };
  const now = recordingNow();
  const live = now && now.answer === answer ? now : null;
  let recordedMs = 0;
  let ackedMs = 0;
  for (const segment of store ? store.listSegments(answer) : []) {
    const isLive = !!live && live.segment === segment.segment;
    const duration = isLive ? live.recordedMs : segment.durationMs ?? segment.lastChunkAt ?? 0;
    recordedMs += duration;
    ackedMs += uploader.answer === answer ? uploader.ackedMs(segment.segment, isLive ? null : duration) : 0;
  }
  // The live segment before its first slice is not in the store yet.
  if (live && live.chunks === 0) recordedMs += live.recordedMs;
  return { recordedMs, ackedMs: Math.min(ackedMs, recordedMs) };
}

/** The answer whose chunks the uploader sends. */
export function setUploadAnswer(answer) {
  uploader.setAnswer(answer);
}

/** A recorder slice's pieces: into the local buffer, then queued if their answer is the one being uploaded. */
export async function storeChunks(record, pieces) {
  await store.appendChunks(record, pieces);
  if (uploader.answer === record.answer) {
    for (const piece of pieces) uploader.chunkStored(record.segment, piece.seq, piece.at, piece.data);
  }
}

/** A segment's record (its counts and length) into the local buffer. */
export function storeSegment(record) {
  return store.updateSegment(record);
}

// ---- finishing and saved answers --------------------------------------------------------------------------

/**
 * Ends the answer: stops the recorder, waits for its last slice (the tail is lost otherwise), checksums every
 * segment from the local buffer and tells the server what it must have. Idempotent per answer.
 */
export function finishAnswer(answer) {
  if (finishing.has(answer) || savedAnswers.has(answer)) return finishing.get(answer);
  const promise = (async () => {
    await stopRecording(answer);
    await prepareAnswer(answer);
    const payload = await buildFinishPayload(answer);
    if (!payload) return;
    finishPayloads.set(answer, payload);
    if (isSynced()) sendMessage(payload);
    render();
  })().catch((error) => reportProblem(`could not finish answer ${answer}: ${error.message}`));
  finishing.set(answer, promise);
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
  const local = store.listSegments(answer).filter((s) => s.chunks > 0 && !uploader.isRefused(s.segment));
  const remote = serverSegmentsOf(answer).filter((s) => s.chunks > 0);
  const last = Math.max(-1, ...local.map((s) => s.segment), ...remote.map((s) => s.segment));
  const segments = [];
  for (let segment = 0; segment <= last; segment++) {
    const record = store.segment(answer, segment);
    const stored = remote.find((s) => s.segment === segment) || null;
    const durationMs = record ? Math.max(0, Math.round(record.durationMs ?? record.lastChunkAt ?? 0)) : 0;
    // The server never has more of a segment than this page sent; if it does, the local copy lost its end.
    if (record && record.chunks > 0 && !(stored && stored.chunks > record.chunks)) {
      let chunks = null;
      try {
        chunks = await store.readSegment(answer, segment, record.chunks);
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
      const settled = await whenUpload(() => savedAnswers.has(answer) || (uploader.answer === answer && uploader.settledCount(segment)));
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
      uploadWaiters.delete(probe);
      resolve(value);
    };
    uploadWaiters.add(probe);
    probe();
  });
}

function onUploadProgress() {
  for (const probe of [...uploadWaiters]) probe();
}

export async function onAnswerSaved({ answer, durationMs }) {
  savedAnswers.add(answer);
  const segments = finishPayloads.get(answer)?.segments;
  // A repeated answer_saved (finish_answer re-sent after a reconnect) carries no length: use what was sent.
  const ms = typeof durationMs === 'number' ? durationMs : segments ? segments.reduce((sum, s) => sum + s.durationMs, 0) : null;
  if (ms !== null) {
    rememberSavedDuration(answer, { ms, partial: !!segments && segments.some((s) => s.sha256 === null) });
  }
  if (uploader.answer === answer) uploader.setAnswer(null);
  await store.deleteAnswer(answer);
  render();
}

export function loadSavedDurations() {
  try {
    const stored = JSON.parse(localStorage.getItem(SAVED_DURATIONS_KEY) || '[]');
    if (Array.isArray(stored)) {
      for (const [answer, entry] of stored) {
        if (Number.isInteger(answer) && entry && typeof entry.ms === 'number') savedDurations.set(answer, Object.freeze(entry));
      }
    }
  } catch {
    // Blocked or corrupt storage: the review screen then shows no length; nothing else depends on it.
  }
}

function rememberSavedDuration(answer, entry) {
  savedDurations.delete(answer);
  savedDurations.set(answer, Object.freeze(entry));
  while (savedDurations.size > SAVED_DURATIONS_KEPT) savedDurations.delete(savedDurations.keys().next().value);
  try {
    localStorage.setItem(SAVED_DURATIONS_KEY, JSON.stringify([...savedDurations]));
  } catch {
    // Only the length shown after a reload is at stake.
  }
}
