// The session state machine: every server frame (docs/protocol.md) arrives here and is handed to the module
// that owns what it changes, then the page renders. Owns the last server `state`, whether one arrived on the
// current connection, the pending command, the shown deadline and which "time left" marks were announced.

import { setLanguage, t } from './i18n.js';
import { deepFreeze } from './helpers.js';
import { abandonRecording, ensureRecording, releaseMicrophone } from './answer-recording.js';
import {
  clearServerSaveDelayed, detachLocalBuffer, finishAnswer, handleAck, handleNack, isFinishing, noteServerSaveDelayed,
  onAnswerSaved, resumeUploads, uploadConnectionLost,
} from './answer-upload.js';
import { render, reportProblem, showProblem } from './screens.js';
import { closeConnection, sendMessage } from './connection.js';

let serverState = null;     // last `state`, frozen
let synced = false;         // a `state` arrived on the current connection
let pendingCommand = false; // a button's command was sent; wait for the next state before allowing another
let deadline = null;        // {phase, at: performance.now() based}
const announced = new Set();

// ---- reading the server's state ----------------------------------------------------------------------------

export const lastState = () => serverState;
export const isSynced = () => synced;
export const isCommandPending = () => pendingCommand;
export const currentDeadline = () => deadline;

/** True the first time a "time left" mark comes up in this phase: a screen reader hears each mark once. */
export function claimAnnouncement(mark) {
  if (announced.has(mark)) return false;
  announced.add(mark);
  return true;
}

export function openAnswerOf(state) {
  if (!state || !Array.isArray(state.answers)) return null;
  return state.answers.find((a) => a.status === 'recording' || a.status === 'closing') || null;
}

export function currentOpenAnswerId() {
  const open = openAnswerOf(serverState);
  return open ? open.answer : null;
}

export function serverSegmentsOf(answer) {
  const entry = serverState && serverState.answers.find((a) => a.answer === answer);
  return entry && Array.isArray(entry.segments) ? entry.segments : [];
}

export function currentQuestion() {
  const state = serverState;
  if (!state || !Array.isArray(state.questions)) return null;
  return state.questions.find((q) => q.index === state.question) || state.questions[state.question] || null;
}

// ---- connection --------------------------------------------------------------------------------------------

export function onConnectionStatus(status) {
  if (status !== 'open') {
    synced = false;
    uploadConnectionLost();
  }
  render();
}

export function onFinal(reason) {
  const keys = {
    invite_invalid: 'Invalid',
    invite_revoked: 'Revoked',
    invite_expired: 'Expired',
    invite_used: 'Used',
    taken_over: 'TakenOver',
  };
  const key = keys[reason] || 'Protocol';
  showProblem(t(`problem${key}Title`), t(`problem${key}Text`));
  if (reason === 'taken_over') {
    // The other tab now records and uploads this session from the same local buffer: leave it alone.
    detachLocalBuffer();
  }
  abandonRecording();
  releaseMicrophone();
  render();
}

export function onMessage(message) {
  switch (message.type) {
    case 'state':
      onState(message);
      break;
    case 'ack':
      handleAck(message);
      break;
    case 'nack':
      reportProblem(`nack ${message.code} answer ${message.answer} segment ${message.segment} seq ${message.seq}`);
      handleNack(message);
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
      // The server could not save the answer yet (disk full …): it retries by itself; tell the candidate.
      if (message.code === 'storage') noteServerSaveDelayed();
      break;
    default:
      break;
  }
  render();
}

function onState(state) {
  const firstOnConnection = !synced;
  if (!openAnswerOf(state)) clearServerSaveDelayed();
  const previousPhase = serverState && serverState.phase;
  serverState = deepFreeze(structuredClone(state));
  synced = true;
  if (previousPhase !== state.phase) announced.clear();
  pendingCommand = false; // every command is answered by a state (or refused): buttons work again

  if (state.interview && state.interview.language) {
    setLanguage(state.interview.language).then((changed) => changed && render()).catch((error) => reportProblem(`strings for '${state.interview.language}' could not be loaded: ${error.message}`));
  }
  if (typeof state.deadlineIn === 'number') setDeadline(state.phase, state.deadlineIn);
  else deadline = null;

  if (firstOnConnection) resumeUploads(state);
  reconcileRecording(state);
  if (state.phase === 'finished' || state.phase === 'refused') {
    releaseMicrophone();
    closeConnection();
  }
}

function setDeadline(phase, deadlineIn) {
  if (typeof deadlineIn !== 'number') return;
  deadline = Object.freeze({ phase, at: performance.now() + deadlineIn }); // handed out to readers as is
}

function reconcileRecording(state) {
  const open = openAnswerOf(state);
  if (!open) return;
  if (isFinishing(open.answer)) return; // finished here already; waiting for the server
  if (open.status === 'closing' || state.phase === 'uploading') {
    finishAnswer(open.answer);
    return;
  }
  if (state.phase === 'answering' && open.status === 'recording') ensureRecording(open.answer);
}

export function sendCommand(message) {
  if (pendingCommand) return;
  if (sendMessage(message)) {
    pendingCommand = true;
    render();
  }
}
