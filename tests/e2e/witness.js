'use strict';
// An independent record of what the browser's MediaRecorders produced, taken beside the candidate page: an init
// script wraps MediaRecorder and hands every blob to the test process the moment it is emitted, before the page's
// own store sees it. The stored audio is then compared with these bytes, not with the page's hash of its own copy.
// Blobs cross page reloads and tabs (the binding belongs to the browser context).

const assert = require('node:assert/strict');

/** Runs in the page before its scripts (serialised by Playwright: no closure over test code). */
function recorderWitnessScript() {
  if (!window.MediaRecorder || window.__intervoxWitnessInstalled) return;
  Object.defineProperty(window, '__intervoxWitnessInstalled', { value: true });
  const start = MediaRecorder.prototype.start;
  const documentId = Math.random().toString(36).slice(2);
  let recorders = 0;
  const toBase64 = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  // Slices in flight to the test process; each goes at once (not one round trip after another), so the record
  // keeps up with the page's own store under load, and reloadWitnessed() can reload when nothing is in flight.
  let pending = 0;
  // Each slice is handed on this much later than the page gets it (less than a slice's 400 ms, so the witness
  // is idle between slices): a reload that did not wait for the witness then loses a slice every time, not
  // once in ten runs.
  const DELIVERY_LAG_MS = 350;
  Object.defineProperty(window, '__intervoxWitnessIdle', { value: () => pending === 0 });
  // Pauses every recorder of this document: a paused recorder emits no slice, so none can reach the page (and
  // through it the server) after the witness has gone quiet. A reload ends the recording there anyway.
  const started = new Set();
  Object.defineProperty(window, '__intervoxWitnessFreeze', {
    value: () => { for (const r of started) if (r.state === 'recording') r.pause(); },
  });
  MediaRecorder.prototype.start = function startWitnessed(...args) {
    if (!this.__witnessId) {
      const id = `${documentId}-${recorders++}`;
      Object.defineProperty(this, '__witnessId', { value: id });
      let delivered = Promise.resolve();
      let seq = 0;
      const deliver = (promise) => {
        pending += 1;
        const done = promise.catch(() => {}).finally(() => { pending -= 1; });
        delivered = Promise.all([delivered, done]);
      };
      this.addEventListener('dataavailable', (event) => {
        const n = seq++;
        deliver(event.data.arrayBuffer()
          .then((buffer) => new Promise((resolve) => setTimeout(() => resolve(buffer), DELIVERY_LAG_MS)))
          .then((buffer) => window.__intervoxWitness(id, n, toBase64(buffer))));
      });
      this.addEventListener('stop', () => {
        deliver(delivered.then(() => window.__intervoxWitness(id, -1, '')));
      });
    }
    started.add(this);
    return start.apply(this, args);
  };
}

/**
 * Reloads `page` so that every slice the page could store or send has reached the witness first. The recorders
 * are paused, then the reload waits until no slice is on its way to the witness. Checking and reloading in one
 * task is not enough: the old document keeps running until the new one commits, and a slice emitted in that
 * window reaches the server through the page while the witness's call is dropped with the old document (one
 * run in ten stored one slice more than the witness had seen).
 */
async function reloadWitnessed(page, { timeout = 10000, commitDelayMs = 1000 } = {}) {
  // The new document's response is held back (longer than a slice, 400 ms), so the old document always runs on
  // past the reload call for a while, as it does by chance on a slow network: the window is tested every time.
  const documentUrl = page.url();
  const hold = async (route) => {
    if (route.request().isNavigationRequest()) await new Promise((resolve) => setTimeout(resolve, commitDelayMs));
    return route.fallback();
  };
  if (commitDelayMs > 0) await page.route(documentUrl, hold);
  const loaded = page.waitForEvent('load', { timeout: timeout + commitDelayMs });
  await page.evaluate(() => {
    if (window.__intervoxWitnessFreeze) window.__intervoxWitnessFreeze();
    const poll = () => (!window.__intervoxWitnessIdle || window.__intervoxWitnessIdle() ? window.location.reload() : setTimeout(poll, 5));
    setTimeout(poll, 0); // after this evaluate has returned
  });
  await loaded;
  if (commitDelayMs > 0) await page.unroute(documentUrl, hold);
}

class RecorderWitness {
  constructor() {
    this.recorders = new Map(); // id -> {blobs: Buffer[] by seq, stopped: boolean}
  }

  /** Installs the binding and the init script in a Playwright browser context. */
  async install(context) {
    await context.exposeBinding('__intervoxWitness', (source, id, seq, base64) => this.add(id, seq, base64));
    await context.addInitScript(recorderWitnessScript);
  }

  add(id, seq, base64) {
    let recorder = this.recorders.get(id);
    if (!recorder) {
      recorder = { blobs: [], stopped: false };
      this.recorders.set(id, recorder);
    }
    if (seq < 0) recorder.stopped = true;
    else recorder.blobs[seq] = Buffer.from(base64, 'base64');
  }

  /** Every recorder's output so far: {id, bytes, stopped}. */
  recordings() {
    return [...this.recorders].map(([id, r]) => ({ id, bytes: Buffer.concat(r.blobs.filter(Boolean)), stopped: r.stopped }));
  }

  /**
   * Asserts that `stored` (a segment's bytes as the server keeps them) is what one recorder produced: all of it
   * when that recorder was stopped (and `truncated` is not set), else its beginning (a reload or a take-over cut
   * the page off before its last slices were stored).
   */
  async assertRecorded(stored, label, { truncated = false, timeoutMs = 10000 } = {}) {
    const check = () => {
      const matches = this.recordings().filter((r) => r.bytes.length >= stored.length && r.bytes.subarray(0, stored.length).equals(stored));
      if (matches.length === 0) {
        return `${label}: no recorder produced these ${stored.length} bytes (recorders: ${
          this.recordings().map((r) => `${r.id} ${r.bytes.length} B${r.stopped ? ' stopped' : ''}`).join(', ')})`;
      }
      if (!truncated && !matches.some((r) => r.bytes.length === stored.length || !r.stopped)) {
        return `${label}: the recorder produced ${matches[0].bytes.length} bytes, the server stores ${stored.length}`;
      }
      return null;
    };
    // The witness's copy of the last blob may still be on its way: wait for it (bounded), not for a fixed time.
    const deadline = Date.now() + timeoutMs;
    let problem = check();
    while (problem && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      problem = check();
    }
    assert.equal(problem, null, problem);
  }
}

module.exports = { RecorderWitness, reloadWitnessed };
