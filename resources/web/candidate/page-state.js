// Shared state of the candidate page and small helpers over it: the `page` object every module reads and
// updates, the last server `state` and what it says about the open answer, and DOM helpers.

export const TICK_MS = 250;

export const $ = (id) => document.getElementById(id);

// ---- page state -------------------------------------------------------------------------------------------

export const page = {
  store: null,
  uploader: null,
  prepared: new Map(),      // answer -> Promise of its segments loaded from the local buffer
  finishing: new Map(),     // answer -> Promise: stopping and checksumming
  finishPayloads: new Map(),// answer -> finish_answer message (re-sent after a reconnect until saved)
  uploadWaiters: new Set(),  // checks re-run whenever the uploader makes progress (see whenUpload)
  savedAnswers: new Set(),
  savedDurations: new Map(),// answer -> {ms, partial}: length from answer_saved (partial: a segment's length was unknown)
  storageFailed: false,
  serverSaveDelayed: false, // the server reported it cannot store or save audio right now (it retries)
};

export function deepFreeze(value) {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}

export function setText(id, text) {
  const element = $(id);
  if (element.textContent !== text) element.textContent = text;
}
