// Candidate interview page. The server (docs/protocol.md) owns the phase and every timer; this page shows
// them, records the answers and makes sure every recorded byte reaches the server: each slice goes to the
// local buffer (IndexedDB) first, then to the socket, and stays local until the server saved the answer.
//
// This module wires the page up and owns no state. Each piece of state has one owner, which alone changes it;
// the others read it through the owner's functions. A server frame flows one way: connection.js → session.js
// (the server's state) → the owners' functions → screens.js render().
//   connection.js       the socket, its status, the invite token and the recorder mime
//   session.js          the last server state, synced, the pending command, the deadline, announced marks
//   answer-recording.js the microphone and level meter, the recorder of the open answer, the microphone error
//   answer-upload.js    the local buffer and uploader, preparing/finishing/saved answers, storage failures
//   screens.js          the shown screen, the problem screen, the device check, the reported problems
//   screen-*.js         each screen's elements and buttons; public-view.js: window.intervox (read-only)

import { connect, createConnection, identifyPage, inviteToken, recorderMime } from './connection.js';
import { browserLanguage, setLanguage, t } from './i18n.js';
import { $, TICK_MS } from './helpers.js';
import './public-view.js';
import {
  currentDeadline, currentOpenAnswerId, isSynced, lastState, onConnectionStatus, onFinal, onMessage,
} from './session.js';
import { recordingNow, showLevelOn } from './answer-recording.js';
import { finishAnswer, isSaved, loadSavedDurations, openLocalBuffer, startUploader } from './answer-upload.js';
import { currentScreen, render, reportProblem, showProblem } from './screens.js';
import { renderDevice, wireDeviceActions } from './screen-device.js';
import { wireConsentIntroActions } from './screen-consent-intro.js';
import { renderQuestion, wireQuestionActions } from './screen-question.js';
import { wireReviewActions } from './screen-review.js';

/** If the server's time_up does not arrive (connection down), stop this long after the shown deadline. */
const LOCAL_DEADLINE_GRACE_MS = 1500;

/** Runs every TICK_MS: timers, level hints, upload progress, and the local fallback for a missed time_up. */
function tick() {
  if (lastState() && currentScreen() === 'question') renderQuestion();
  if (currentScreen() === 'device') renderDevice();
  const recording = recordingNow();
  const deadline = currentDeadline();
  if (
    recording && deadline && deadline.phase === 'answering' && !isSynced() &&
    performance.now() > deadline.at + LOCAL_DEADLINE_GRACE_MS
  ) {
    // Offline at the end of the answer time: stop here; the server's own time_up is waiting on reconnect.
    finishAnswer(recording.answer);
  }
}

function wireActions() {
  wireDeviceActions();
  wireConsentIntroActions();
  wireQuestionActions();
  wireReviewActions();

  window.addEventListener('beforeunload', (event) => {
    const open = currentOpenAnswerId();
    const recording = recordingNow();
    const unsaved = (recording && recording.active) || (open != null && !isSaved(open));
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
  showLevelOn($('device-level'));
  showLevelOn($('answer-level'));
  identifyPage();
  if (!inviteToken()) {
    showProblem(t('problemNoTokenTitle'), t('problemNoTokenText'));
    render();
    return;
  }
  if (!recorderMime() || !window.crypto || !crypto.subtle) {
    showProblem(t('problemUnsupportedTitle'), t('problemUnsupportedText'));
    render();
    return;
  }
  await openLocalBuffer();
  startUploader(createConnection({ onMessage, onStatus: onConnectionStatus, onFinal }));
  render();
  setInterval(tick, TICK_MS);
  connect();
}

main();
