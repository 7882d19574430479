// window.intervox: the read-only view of this page for tests and support tooling.

import { deepFreeze } from './helpers.js';
import { recordingNow } from './answer-recording.js';
import { answerProgress, finishPayloadList, localBufferFailed, savedAnswerIds } from './answer-upload.js';
import { currentOpenAnswerId, isSynced, lastState } from './session.js';
import { recorderMime } from './connection.js';
import { currentScreen, reportedProblems } from './screens.js';

const publicView = Object.freeze({
  get phase() { return lastState() ? lastState().phase : null; },
  get screen() { return currentScreen(); },
  get state() { return lastState(); },
  get mime() { return recorderMime(); },
  get connected() { return isSynced(); },
  get recording() {
    const r = recordingNow();
    const answer = r ? r.answer : currentOpenAnswerId();
    return deepFreeze({
      answer,
      segment: r ? r.segment : null,
      active: !!(r && r.active),
      ...answerProgress(answer),
    });
  },
  /** Every finish_answer this page computed, by answer id (what the server must have stored). */
  get finishes() { return deepFreeze(finishPayloadList()); },
  get savedAnswers() { return deepFreeze(savedAnswerIds()); },
  get storageFailed() { return localBufferFailed(); },
  get problems() { return deepFreeze(reportedProblems()); },
});
Object.defineProperty(window, 'intervox', { value: publicView, writable: false, configurable: false, enumerable: true });
