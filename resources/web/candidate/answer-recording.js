// Recording an answer: the microphone, one SegmentRecorder per segment, and every slice to the local buffer
// (IndexedDB) first, then to the upload queue. Owns the microphone stream and its level meter, the recorder
// of the open answer (and the one being started), and the microphone error shown to the candidate.

import { splitPayload } from './protocol.js';
import { SegmentRecorder, timesliceFor } from './recorder.js';
import { LevelMeter, isStreamLive, microphoneErrorMessage, requestMicrophone } from './microphone.js';
import { t } from './i18n.js';
import { recorderMime } from './connection.js';
import { lastState, openAnswerOf, serverSegmentsOf } from './session.js';
import { isFinishing, isSaved, prepareAnswer, setUploadAnswer, storeChunks, storeSegment, storedSegments } from './answer-upload.js';
import { render, reportProblem } from './screens.js';

/** Recorders that fail one after another without a single slice: stop retrying on our own. */
const MAX_SILENT_RECORDER_FAILURES = 3;

const meter = new LevelMeter();
let stream = null;
let recording = null;        // {answer, segment, recorder, record, writes, failed}
let starting = null;         // {answer, promise} while a recorder is being started
let micError = null;
let recorderFailures = 0;

// ---- reading ---------------------------------------------------------------------------------------------

export const microphoneStream = () => stream;
export const microphoneReady = () => isStreamLive(stream);
export const microphoneError = () => micError;
export const hearingSound = () => meter.hearing;

/** The recorder of the open answer as plain values, or null: for the screens and the public view. */
export function recordingNow() {
  if (!recording) return null;
  const { answer, segment, recorder, record } = recording;
  return {
    answer,
    segment,
    active: recorder.active,
    started: recorder.startedAt !== null,
    recordedMs: recorder.recordedMs,
    chunks: record.chunks,
  };
}

/** Whether this segment is still being written by the live recorder (its duration is not known yet). */
export function isRecordingSegment(answer, segment) {
  return !!recording && recording.answer === answer && recording.segment === segment;
}

// ---- microphone --------------------------------------------------------------------------------------------

export function showLevelOn(element) {
  meter.show(element);
}

/** Browsers start audio suspended until a user gesture: call from click handlers. */
export function resumeLevelMeter() {
  meter.resume();
}

export async function ensureMicrophone() {
  if (isStreamLive(stream)) return stream;
  stream = await requestMicrophone();
  meter.attach(stream);
  for (const track of stream.getAudioTracks()) {
    track.addEventListener('ended', () => render());
  }
  return stream;
}

export function releaseMicrophone() {
  if (stream) for (const track of stream.getTracks()) track.stop();
  stream = null;
  meter.detachStream();
}

// ---- recording ---------------------------------------------------------------------------------------------

/** Makes sure this answer is being recorded: after answer_started, a reload, or a recorder failure. */
export function ensureRecording(answer) {
  if (recording && recording.answer === answer && !recording.failed) return starting?.promise;
  if (starting && starting.answer === answer) return starting.promise;
  if (isFinishing(answer) || isSaved(answer)) return null;
  const promise = startSegment(answer).finally(() => {
    if (starting && starting.promise === promise) starting = null;
    render();
  });
  starting = { answer, promise };
  return promise;
}

/** The candidate's "Try again" after the microphone or the recorder failed. */
export function retryRecording() {
  micError = null;
  recorderFailures = 0;
  const state = lastState();
  const open = openAnswerOf(state);
  if (open && state.phase === 'answering') ensureRecording(open.answer);
  render();
}

/**
 * Stops this answer's recorder and waits for its last slice and its length to be stored (the tail is lost
 * otherwise). Waits for a recorder that is still starting first.
 */
export async function stopRecording(answer) {
  if (starting && starting.answer === answer) await starting.promise;
  const run = recording;
  if (run && run.answer === answer) {
    const durationMs = await run.recorder.stop();
    await run.writes;
    if (run.record.chunks > 0) {
      run.record = { ...run.record, durationMs };
      await storeSegment(run.record);
    }
    if (recording === run) recording = null;
  }
}

/** The session ended for good (final close): stop without finishing; nothing more reaches the server. */
export function abandonRecording() {
  if (recording) recording.recorder.stop().catch(() => {});
}

async function startSegment(answer) {
  setUploadAnswer(answer);
  const stored = await prepareAnswer(answer);
  let micStream;
  try {
    micStream = await ensureMicrophone();
    micError = null;
  } catch (error) {
    micError = microphoneErrorMessage(error);
    reportProblem(`microphone: ${error.name || error.message}`);
    return;
  }
  if (isFinishing(answer)) return; // time ran out while waiting for the microphone

  // A new MediaRecorder's output does not continue the previous one's container: it is a new segment,
  // numbered after every segment that has data here or on the server.
  const used = [
    ...stored.filter((s) => s.chunks > 0).map((s) => s.segment),
    ...storedSegments(answer).filter((s) => s.chunks > 0).map((s) => s.segment),
    ...serverSegmentsOf(answer).filter((s) => s.chunks > 0).map((s) => s.segment),
  ];
  const segment = used.length ? Math.max(...used) + 1 : 0;

  const mime = recorderMime();
  const run = { answer, segment, recorder: null, record: null, writes: Promise.resolve(), failed: false };
  run.recorder = new SegmentRecorder(micStream, mime, {
    onSlice: (blob, atMs) => {
      run.writes = run.writes
        .then(() => storeSlice(run, blob, atMs))
        .catch((error) => reportProblem(`could not store a slice: ${error.message}`));
    },
    onFailure: (error) => onRecorderFailure(run, error),
  });
  run.record = {
    answer, segment, mime, startedAt: null, lastChunkAt: 0, durationMs: null, chunks: 0, bytes: 0,
  };
  recording = run;
  try {
    await run.recorder.start(timesliceFor(mime));
  } catch (error) {
    if (recording === run) recording = null;
    micError = t('micOther', { error: error.name || error.message });
    reportProblem(`recorder did not start: ${error.message}`);
    return;
  }
  run.record.startedAt = run.recorder.startedAt;
}

/** One recorder slice: to the local buffer first, then to the upload queue. */
async function storeSlice(run, blob, atMs) {
  const buffer = await blob.arrayBuffer();
  const first = run.record.chunks;
  const pieces = splitPayload(buffer).map((data, i) => ({ seq: first + i, at: atMs, data }));
  run.record = {
    ...run.record,
    chunks: first + pieces.length,
    bytes: run.record.bytes + buffer.byteLength,
    lastChunkAt: atMs,
  };
  await storeChunks(run.record, pieces);
}

async function onRecorderFailure(run, error) {
  if (run.failed) return;
  run.failed = true;
  reportProblem(`recorder stopped: ${error.message}`);
  await run.writes;
  if (run.record.chunks > 0) {
    await storeSegment({ ...run.record, durationMs: run.recorder.recordedMs });
  }
  if (recording === run) recording = null;
  // Keep recording the same answer in a new segment, as long as the server still wants this answer —
  // unless recorders keep failing without producing audio: then the candidate decides (Try again).
  recorderFailures = run.record.chunks > 0 ? 1 : recorderFailures + 1;
  const state = lastState();
  const open = openAnswerOf(state);
  if (open && open.answer === run.answer && state.phase === 'answering') {
    if (!isStreamLive(stream)) micError = t('micLost');
    else if (recorderFailures >= MAX_SILENT_RECORDER_FAILURES) micError = t('micOther', { error: error.message });
    else ensureRecording(run.answer);
  }
  render();
}
