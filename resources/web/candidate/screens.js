// Which screen is shown: render() picks it from the server's phase and the page state, and lets each
// screen module fill in its own elements. Owns the shown screen, the final problem screen, whether the
// device check is done, and the problems reported for support.

import { t } from './i18n.js';
import { connectionStatus } from './connection.js';
import { $, setText } from './helpers.js';
import { renderDevice } from './screen-device.js';
import { renderConsent, renderIntro } from './screen-consent-intro.js';
import { renderQuestion } from './screen-question.js';
import { renderReview } from './screen-review.js';
import { isCommandPending, isSynced, lastState } from './session.js';
import { localBufferFailed, serverSaveFailing } from './answer-upload.js';

let screen = 'loading';
let problem = null;          // {title, text}: a final screen (invalid invite, unsupported browser …)
let deviceChecked = false;
const problems = [];

export const currentScreen = () => screen;
export const reportedProblems = () => [...problems];

export function reportProblem(message) {
  problems.push(message);
  console.warn(message);
}

/** Nothing more can happen on this page (see render); the caller renders. */
export function showProblem(title, text) {
  problem = { title, text };
}

export function markDeviceChecked() {
  deviceChecked = true;
}

// ---- rendering ---------------------------------------------------------------------------------------------

function showScreen(name) {
  if (screen === name) return;
  screen = name;
  for (const section of document.querySelectorAll('main > .screen')) section.hidden = section.id !== `screen-${name}`;
  // Move focus to the new screen's heading so keyboard and screen-reader users start there.
  const heading = document.querySelector(`#screen-${name} h1`);
  if (heading) heading.focus({ preventScroll: false });
}

export function render() {
  renderConnection();
  $('storage-warning').hidden = !localBufferFailed();
  $('server-storage-warning').hidden = !!problem || !serverSaveFailing();
  if (problem) {
    setText('problem-title', problem.title);
    setText('problem-text', problem.text);
    showScreen('problem');
    return;
  }
  const state = lastState();
  if (!state) {
    showScreen('loading');
    return;
  }
  if (state.interview && state.interview.title) setText('interview-title', state.interview.title);
  $('preview-banner').hidden = !(state.interview && state.interview.preview);
  const phase = state.phase;
  if ((phase === 'consent' || phase === 'intro') && !deviceChecked) {
    renderDevice();
    showScreen('device');
    return;
  }
  switch (phase) {
    case 'consent':
      renderConsent();
      for (const id of ['consent-accept', 'consent-refuse', 'consent-refuse-yes']) $(id).disabled = isCommandPending() || !isSynced();
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
  const status = isSynced() ? 'online' : connectionStatus() === 'closed' ? 'offline' : 'connecting';
  element.dataset.status = status;
  const state = lastState();
  const finalPhase = state && ['finished', 'refused'].includes(state.phase);
  const text = problem || finalPhase
    ? ''
    : t({ online: 'connectionOnline', offline: 'connectionOffline', connecting: 'connectionConnecting' }[status]);
  setText('connection-status', text);
}
