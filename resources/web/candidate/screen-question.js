// The question screen: thinking time, answering (recording, timer) and the upload of the finished answer.

import { t } from './i18n.js';
import { $, setText } from './helpers.js';
import { microphoneError, recordingNow, resumeLevelMeter, retryRecording } from './answer-recording.js';
import { answerProgress, finishAnswer, hasFinishPayload, isFinishing } from './answer-upload.js';
import {
  claimAnnouncement, currentDeadline, currentOpenAnswerId, currentQuestion, isCommandPending, isSynced, lastState,
  sendCommand,
} from './session.js';

const ANNOUNCE_AT_SECONDS = [120, 60, 30, 10];

function formatClock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function renderQuestion() {
  const state = lastState();
  const question = currentQuestion();
  setText('question-progress', t('questionProgress', { number: state.question + 1, count: state.questions.length }));
  setText('question-title', question ? question.text : '');

  const now = recordingNow();
  const openId = currentOpenAnswerId() ?? (now && now.answer);
  const finishingHere = openId != null && isFinishing(openId);
  const thinking = state.phase === 'thinking';
  const answering = state.phase === 'answering' && !finishingHere;
  $('thinking-panel').hidden = !thinking;
  $('answering-panel').hidden = !answering;
  $('upload-panel').hidden = thinking;
  $('start-answer').disabled = isCommandPending() || !isSynced();

  const recording = now && now.answer === openId ? now : null;
  const live = !!(recording && recording.active && recording.started);
  $('finish-answer').disabled = !live;
  setText('recording-indicator', live ? t('recordingNow') : t('startingRecorder'));
  $('recording-indicator').dataset.live = live ? 'true' : 'false';

  const micError = microphoneError();
  $('recorder-error').hidden = !micError || !(state.phase === 'answering');
  if (micError) setText('recorder-error-text', micError);

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
    if (!isSynced()) text = t('uploadingOffline', { seconds: pending });
    else if (pending > 0) text = t('uploadingPending', { seconds: pending });
    else text = t('uploadingVerifying');
    if (answer != null && !hasFinishPayload(answer)) text = `${t('finishing')} ${text}`;
  }
  setText('stored-text', text);
}

function renderTimer() {
  const deadline = currentDeadline();
  if (!deadline) {
    setText('timer', '');
    return;
  }
  const remaining = deadline.at - performance.now();
  setText('timer', formatClock(remaining));
  const seconds = Math.ceil(remaining / 1000);
  for (const mark of ANNOUNCE_AT_SECONDS) {
    if (seconds <= mark && seconds > mark - 2 && claimAnnouncement(mark)) {
      setText('timer-announcer', mark >= 60 ? t('minutesLeftAnnouncement', { minutes: mark / 60 }) : t('timeLeftAnnouncement', { seconds: mark }));
    }
  }
}

export function wireQuestionActions() {
  $('start-answer').addEventListener('click', () => {
    resumeLevelMeter();
    sendCommand({ type: 'start_answer' });
  });
  $('finish-answer').addEventListener('click', () => {
    const recording = recordingNow();
    if (recording) finishAnswer(recording.answer);
  });
  $('recorder-retry').addEventListener('click', retryRecording);
}
