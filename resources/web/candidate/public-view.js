// window.intervox: the read-only view of this page for tests and support tooling.

import { deepFreeze, page } from './page-state.js';
import { currentOpenAnswerId, isSynced, lastState } from './session.js';
import { recorderMime } from './connection.js';
import { currentScreen, reportedProblems } from './screens.js';

// ---- read-only view for tests and support tooling ----------------------------------------------------------

export function answerProgress(answer) {
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
  get phase() { return lastState() ? lastState().phase : null; },
  get screen() { return currentScreen(); },
  get state() { return lastState(); },
  get mime() { return recorderMime(); },
  get connected() { return isSynced(); },
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
  get problems() { return deepFreeze(reportedProblems()); },
});
Object.defineProperty(window, 'intervox', { value: publicView, writable: false, configurable: false, enumerable: true });
