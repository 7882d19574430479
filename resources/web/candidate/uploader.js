// Sends the chunks of the open answer in order and tracks what the server acknowledged.
// Per segment: `stored` chunks are in the local buffer, `sent` went out on the current connection,
// `acked` the server confirmed as written. After every (re)connect the server's stored count resets
// `sent`, so everything it is missing is sent again and nothing twice on purpose.

import { encodeChunkFrame } from './protocol.js';

const HIGH_WATER_BYTES = 1024 * 1024; // stop queueing into the socket above this, so acks track the network
const DRAIN_POLL_MS = 50;
const MAX_CHECKSUM_RETRIES = 3;
const STORAGE_RETRY_MS = [1000, 2000, 4000, 8000, 15000]; // then every 15 s: the server's disk may come back

export class Uploader {
  /**
   * @param {import('./store.js').ChunkStore} store
   * @param {import('./connection.js').SessionConnection} connection
   * @param {{onProgress:()=>void, onProblem:(message:string)=>void}} handlers
   */
  constructor(store, connection, { onProgress, onProblem }) {
    this.store = store;
    this.connection = connection;
    this.onProgress = onProgress;
    this.onProblem = onProblem;
    this.answer = null;
    // segment -> {stored, sent, acked, ackedBytes (null: unknown), refused, lost, checksumRetries,
    //             at: number[] (time offset per seq), sizes: number[] (payload bytes per seq)}
    this.segments = new Map();
    this.cache = new Map();    // "segment/seq" -> ArrayBuffer not yet acked (saves IndexedDB reads)
    this.synced = false;       // the server's counts for this connection are known
    this.pumping = false;
    this.pumpAgain = false;
    this.detached = false;
    this.storageRetry = null;  // timer while the server's storage refuses chunks
    this.storageFailures = 0;
  }

  /** Another tab took this session over: send nothing more. */
  detach() {
    this.detached = true;
    clearTimeout(this.storageRetry);
  }

  /** The server refused chunks because its storage failed (`storage` nack); true until one is acked again. */
  get serverStorageFailing() {
    return this.storageFailures > 0;
  }

  /** Switches to another answer; the previous one is either saved or abandoned by the server. */
  setAnswer(answer) {
    if (this.answer === answer) return;
    this.answer = answer;
    this.segments.clear();
    this.cache.clear();
  }

  segmentState(segment) {
    let state = this.segments.get(segment);
    if (!state) {
      state = { stored: 0, sent: 0, acked: 0, ackedBytes: 0, refused: false, lost: false, checksumRetries: 0, at: [], sizes: [] };
      this.segments.set(segment, state);
    }
    return state;
  }

  /** Registers chunks that exist in the local buffer from an earlier page load. */
  adoptStoredSegment(segment, chunks) {
    const state = this.segmentState(segment);
    state.stored = Math.max(state.stored, chunks);
  }

  /** A new chunk is safely in the local buffer: queue it. */
  chunkStored(segment, seq, at, data) {
    const state = this.segmentState(segment);
    state.stored = Math.max(state.stored, seq + 1);
    state.at[seq] = at;
    state.sizes[seq] = data.byteLength;
    this.cache.set(`${segment}/${seq}`, data);
    this.pump();
  }

  /** The connection dropped: nothing is in flight any more. */
  connectionLost() {
    this.synced = false;
  }

  /**
   * First state after a (re)connect: the server's stored chunk counts of the open answer.
   * @param {{segment:number, chunks:number, bytes:number}[]} serverSegments
   */
  resync(serverSegments) {
    for (const state of this.segments.values()) {
      state.acked = 0;
      state.ackedBytes = 0;
      state.sent = 0;
    }
    for (const { segment, chunks, bytes } of serverSegments || []) {
      const state = this.segmentState(segment);
      state.acked = chunks;
      state.ackedBytes = typeof bytes === 'number' ? bytes : null;
      state.sent = chunks;
      for (let seq = 0; seq < chunks; seq++) this.cache.delete(`${segment}/${seq}`);
    }
    this.synced = true;
    this.onProgress();
    this.pump();
  }

  handleAck({ answer, segment, seq }) {
    if (answer !== this.answer) return;
    const state = this.segmentState(segment);
    this.storageFailures = 0;
    if (seq + 1 > state.acked) {
      for (let s = state.acked; s <= seq; s++) this.cache.delete(`${segment}/${s}`);
      this.advanceAcked(state, seq + 1);
      state.checksumRetries = 0;
      this.onProgress();
    }
  }

  handleNack({ answer, segment, seq, expected, code, message }) {
    if (answer !== this.answer) return;
    const state = this.segmentState(segment);
    switch (code) {
      case 'out_of_order':
        // The server wants `expected` next: it has everything before it.
        this.advanceAcked(state, Math.max(state.acked, Math.min(expected, state.stored)));
        state.sent = Math.min(expected, state.stored);
        break;
      case 'checksum':
        state.checksumRetries += 1;
        if (state.checksumRetries > MAX_CHECKSUM_RETRIES) {
          state.refused = true;
          this.onProblem(`chunk ${seq} of segment ${segment} keeps failing its checksum`);
        } else {
          state.sent = Math.min(state.sent, seq);
        }
        break;
      case 'segment_refused':
        state.refused = true;
        break;
      case 'storage':
        // The server's disk refused the write: nothing is lost (the chunk stays here); send it again later,
        // with backoff, instead of giving the segment up.
        state.sent = Math.min(state.sent, seq);
        this.storageFailures += 1;
        if (!this.storageRetry) {
          const delay = STORAGE_RETRY_MS[Math.min(this.storageFailures - 1, STORAGE_RETRY_MS.length - 1)];
          this.storageRetry = setTimeout(() => {
            this.storageRetry = null;
            this.pump();
          }, delay);
        }
        this.onProgress();
        return; // no pump now: wait for the retry

      default: // answer_closed, unknown_answer: the server will not take more chunks for this answer
        for (const other of this.segments.values()) other.refused = true;
        if (code !== 'answer_closed') this.onProblem(`${code}: ${message || ''}`);
    }
    this.onProgress();
    this.pump();
  }

  /** The server stores chunks [0, acked): keeps the byte count in step where the sizes are known. */
  advanceAcked(state, acked) {
    for (let seq = state.acked; seq < acked && state.ackedBytes !== null; seq++) {
      state.ackedBytes = state.sizes[seq] === undefined ? null : state.ackedBytes + state.sizes[seq];
    }
    state.acked = acked;
  }

  isRefused(segment) {
    const state = this.segments.get(segment);
    return !!state && state.refused;
  }

  /** Every stored chunk of every segment still wanted by the server is acknowledged. */
  get allAcked() {
    for (const state of this.segments.values()) if (!state.refused && state.acked < state.stored) return false;
    return true;
  }

  /**
   * The exact number of chunks (and bytes, null if unknown) the server stores of a segment once nothing more will reach it: everything
   * stored here is acknowledged, or the rest is lost locally and nothing is in flight. Null while that is
   * still changing (or unknown: offline). finish_answer for a segment without a local copy must name exactly
   * the server's count.
   */
  settledCount(segment) {
    const state = this.segments.get(segment);
    if (!this.synced || !state) return null;
    if (state.acked < state.stored && !(state.lost && state.sent <= state.acked)) return null;
    return { chunks: state.acked, bytes: state.ackedBytes };
  }

  /** Milliseconds of recording the server acknowledged, estimated from each chunk's time offset. */
  ackedMs(segment, durationMs) {
    const state = this.segments.get(segment);
    if (!state || state.acked === 0 || state.stored === 0) return 0;
    if (state.acked >= state.stored && durationMs != null) return durationMs;
    const at = state.at[state.acked - 1];
    if (at !== undefined) return at;
    return durationMs != null ? Math.round((durationMs * state.acked) / state.stored) : 0; // from an earlier page load
  }

  async pump() {
    if (this.detached || this.storageRetry) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        const order = [...this.segments.keys()].sort((a, b) => a - b);
        for (const segment of order) await this.sendSegment(segment);
      } while (this.pumpAgain);
    } catch (error) {
      this.onProblem(`upload stopped: ${error.message}`);
    } finally {
      this.pumping = false;
    }
  }

  async sendSegment(segment) {
    const state = this.segments.get(segment);
    const answer = this.answer;
    // Stop when the connection drops or the uploader moved on to another answer (its map was cleared).
    const current = () => this.synced && this.answer === answer && this.segments.get(segment) === state;
    while (state && current() && !state.refused && !state.lost && state.sent < state.stored) {
      if (this.connection.bufferedAmount > HIGH_WATER_BYTES) {
        await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
        continue;
      }
      const seq = state.sent;
      let data = this.cache.get(`${segment}/${seq}`);
      if (!data) {
        const record = await this.store.getChunk(answer, segment, seq);
        if (!record) {
          // Site data cleared or evicted under the running page: the rest of this segment cannot be sent.
          // The answer is finished with what the server has (see settledCount).
          if (!state.lost) this.onProblem(`chunk ${seq} of segment ${segment} is no longer in the local buffer`);
          state.lost = true;
          this.onProgress();
          return;
        }
        data = record.data;
      }
      // A reconnect or nack may have moved the cursor while we read from IndexedDB.
      if (!current() || state.sent !== seq) continue;
      state.sizes[seq] = data.byteLength;
      if (!this.connection.sendBinary(encodeChunkFrame({ answer, segment, seq, data }))) return;
      state.sent = seq + 1;
    }
  }
}
