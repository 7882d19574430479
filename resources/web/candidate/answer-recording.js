// Recording an answer: the microphone, one SegmentRecorder per segment, and every slice to the local buffer
// (IndexedDB) first, then to the upload queue.

import { splitPayload } from './protocol.js';
import { SegmentRecorder, timesliceFor } from './recorder.js';
import { isStreamLive, microphoneErrorMessage, requestMicrophone } from './microphone.js';
import { t } from './i18n.js';
import { recorderMime } from './connection.js';
import { page } from './page-state.js';
import { lastState, openAnswerOf, serverSegmentsOf } from './session.js';
import { render, reportProblem } from './screens.js';

/** Recorders that fail one after another without a single slice: stop retrying on our own. */
const MAX_SILENT_RECORDER_FAILURES = 3;

/**
 * Loads what earlier page loads buffered for this answer and queues it for upload. A segment whose recorder
 * was cut off by a reload never got its stop time: its duration is the time of its last stored slice.
 */
export function prepareAnswer(answer) {
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

export async function ensureMicrophone() {
  if (isStreamLive(page.stream)) return page.stream;
  page.stream = await requestMicrophone();
  page.meter.attach(page.stream);
  for (const track of page.stream.getAudioTracks()) {
    track.addEventListener('ended', () => render());
  }
  return page.stream;
}

export function releaseMicrophone() {
  if (page.stream) for (const track of page.stream.getTracks()) track.stop();
  page.stream = null;
  page.meter.detachStream();
}

/** Makes sure this answer is being recorded: after answer_started, a reload, or a recorder failure. */
export function ensureRecording(answer) {
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
  recording.recorder = new SegmentRecorder(stream, recorderMime(), {
    onSlice: (blob, atMs) => {
      recording.writes = recording.writes
        .then(() => storeSlice(recording, blob, atMs))
        .catch((error) => reportProblem(`could not store a slice: ${error.message}`));
    },
    onFailure: (error) => onRecorderFailure(recording, error),
  });
  recording.record = {
    answer, segment, mime: recorderMime(), startedAt: null, lastChunkAt: 0, durationMs: null, chunks: 0, bytes: 0,
  };
  page.recording = recording;
  try {
    await recording.recorder.start(timesliceFor(recorderMime()));
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
  const state = lastState();
  const open = openAnswerOf(state);
  if (open && open.answer === recording.answer && state.phase === 'answering') {
    if (!isStreamLive(page.stream)) page.micError = t('micLost');
    else if (page.recorderFailures >= MAX_SILENT_RECORDER_FAILURES) page.micError = t('micOther', { error: error.message });
    else ensureRecording(recording.answer);
  }
  render();
}
