// Local buffer of recorded audio: every chunk of the current answer is written here before it is sent,
// and stays until the server reports the answer saved. It is what makes reconnects, reloads and server
// restarts lossless. IndexedDB can fail (quota, private mode, eviction, Firefox stuck read-only); then the
// chunk is kept in memory instead and the page warns the candidate — audio is never dropped silently.

const DB_NAME = 'intervox-candidate';
const DB_VERSION = 1;
const CHUNKS = 'chunks';     // {answer, segment, seq, at, data: ArrayBuffer}
const SEGMENTS = 'segments'; // {answer, segment, mime, startedAt, lastChunkAt, durationMs, chunks, bytes}

function requestToPromise(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function transactionDone(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error || new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    if (!('indexedDB' in window)) {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS, { keyPath: ['answer', 'segment', 'seq'] });
      if (!db.objectStoreNames.contains(SEGMENTS)) db.createObjectStore(SEGMENTS, { keyPath: ['answer', 'segment'] });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  });
}

const chunkKey = (answer, segment, seq) => `${answer}/${segment}/${seq}`;
const segmentKey = (answer, segment) => `${answer}/${segment}`;

export class ChunkStore {
  /** @param {(error: Error) => void} onWriteFailure called once per failed write */
  constructor(db, onWriteFailure) {
    this.db = db;
    this.onWriteFailure = onWriteFailure;
    this.memoryChunks = new Map();   // chunks whose IndexedDB write failed
    this.segments = new Map();       // segment metadata of answers this page has touched (authoritative)
    if (db) {
      // Another tab deleting or upgrading the database, or the browser clearing site data, closes it under us:
      // from then on new chunks are kept in memory (with the storage warning), as after a failed write.
      db.onversionchange = () => {
        db.close();
        this.databaseLost(db, new Error('the local buffer was deleted or upgraded elsewhere'));
      };
      db.onclose = () => this.databaseLost(db, new Error('the browser closed the local buffer (site data cleared?)'));
    }
  }

  /**
   * Another tab of the same session took over: from now on this page neither writes nor deletes anything in
   * the shared buffer (the other tab owns the same keys). Reads stay harmless.
   */
  detach() {
    this.detached = true;
  }

  databaseLost(db, error) {
    if (this.db !== db) return;
    this.db = null;
    this.onWriteFailure(error);
  }

  static async open(onWriteFailure) {
    let db = null;
    try {
      db = await openDatabase();
      // Ask the browser not to evict the buffer under storage pressure; refusal is fine, it is for minutes of outage.
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    } catch (error) {
      onWriteFailure(error);
    }
    return new ChunkStore(db, onWriteFailure);
  }

  get usingMemoryOnly() {
    return this.db === null;
  }

  /** Loads what an earlier page load stored for this answer (after a reload). */
  async loadAnswer(answer) {
    if (!this.db) return this.listSegments(answer);
    try {
      const tx = this.db.transaction(SEGMENTS, 'readonly');
      const range = IDBKeyRange.bound([answer, 0], [answer, Infinity]);
      const records = await requestToPromise(tx.objectStore(SEGMENTS).getAll(range));
      for (const record of records) {
        const key = segmentKey(answer, record.segment);
        if (!this.segments.has(key)) this.segments.set(key, record);
      }
    } catch (error) {
      this.onWriteFailure(error);
    }
    return this.listSegments(answer);
  }

  listSegments(answer) {
    return [...this.segments.values()].filter((s) => s.answer === answer).sort((a, b) => a.segment - b.segment);
  }

  segment(answer, segment) {
    return this.segments.get(segmentKey(answer, segment)) || null;
  }

  /**
   * Stores the pieces of one recorder slice and the updated segment record in one transaction, so the
   * segment's chunk count never runs ahead of the chunks actually stored.
   * @param {object} segmentRecord the segment's metadata after these pieces
   * @param {{seq:number, at:number, data:ArrayBuffer}[]} pieces
   */
  async appendChunks(segmentRecord, pieces) {
    if (this.detached) return false;
    const { answer, segment } = segmentRecord;
    this.segments.set(segmentKey(answer, segment), { ...segmentRecord });
    const records = pieces.map((piece) => ({ answer, segment, seq: piece.seq, at: piece.at, data: piece.data }));
    if (this.db) {
      try {
        const tx = this.db.transaction([CHUNKS, SEGMENTS], 'readwrite');
        for (const record of records) tx.objectStore(CHUNKS).put(record);
        tx.objectStore(SEGMENTS).put(segmentRecord);
        await transactionDone(tx);
        return true;
      } catch (error) {
        this.onWriteFailure(error);
      }
    }
    for (const record of records) this.memoryChunks.set(chunkKey(answer, segment, record.seq), record);
    return false;
  }

  /** Updates segment metadata (e.g. its final duration when the recorder stopped). */
  async updateSegment(segmentRecord) {
    if (this.detached) return;
    this.segments.set(segmentKey(segmentRecord.answer, segmentRecord.segment), { ...segmentRecord });
    if (!this.db) return;
    try {
      const tx = this.db.transaction(SEGMENTS, 'readwrite');
      tx.objectStore(SEGMENTS).put(segmentRecord);
      await transactionDone(tx);
    } catch (error) {
      this.onWriteFailure(error);
    }
  }

  /** @returns {Promise<{seq:number, at:number, data:ArrayBuffer}|null>} */
  async getChunk(answer, segment, seq) {
    const inMemory = this.memoryChunks.get(chunkKey(answer, segment, seq));
    if (inMemory) return inMemory;
    if (!this.db) return null;
    try {
      const tx = this.db.transaction(CHUNKS, 'readonly');
      const record = await requestToPromise(tx.objectStore(CHUNKS).get([answer, segment, seq]));
      return record || null;
    } catch (error) {
      if (!this.db || error.name === 'InvalidStateError') return null; // the database was closed under us: gone
      throw error;
    }
  }

  /** All chunks of one segment in seq order; throws if one is missing (the caller must not hash a gap). */
  async readSegment(answer, segment, count) {
    const bySeq = new Map();
    if (this.db) {
      const tx = this.db.transaction(CHUNKS, 'readonly');
      const range = IDBKeyRange.bound([answer, segment, 0], [answer, segment, Infinity]);
      const records = await requestToPromise(tx.objectStore(CHUNKS).getAll(range));
      for (const record of records) bySeq.set(record.seq, record);
    }
    const chunks = [];
    for (let seq = 0; seq < count; seq++) {
      const record = this.memoryChunks.get(chunkKey(answer, segment, seq)) || bySeq.get(seq);
      if (!record) throw new Error(`chunk ${seq} of segment ${segment} is missing from the local buffer`);
      chunks.push(record);
    }
    return chunks;
  }

  /** Forgets an answer once the server has saved it. */
  async deleteAnswer(answer) {
    if (this.detached) return;
    for (const key of [...this.segments.keys()]) if (key.startsWith(`${answer}/`)) this.segments.delete(key);
    for (const key of [...this.memoryChunks.keys()]) if (key.startsWith(`${answer}/`)) this.memoryChunks.delete(key);
    if (!this.db) return;
    try {
      const tx = this.db.transaction([CHUNKS, SEGMENTS], 'readwrite');
      tx.objectStore(CHUNKS).delete(IDBKeyRange.bound([answer, 0, 0], [answer, Infinity, Infinity]));
      tx.objectStore(SEGMENTS).delete(IDBKeyRange.bound([answer, 0], [answer, Infinity]));
      await transactionDone(tx);
    } catch (error) {
      // Only leftover space is at stake; the next saved answer retries the clean-up of its own data.
      console.warn('could not delete buffered audio of a saved answer', error);
    }
  }

  /** Answer ids with data buffered in IndexedDB (to clean up answers saved while this tab was closed). */
  async bufferedAnswers() {
    if (!this.db) return [];
    try {
      const tx = this.db.transaction(SEGMENTS, 'readonly');
      const keys = await requestToPromise(tx.objectStore(SEGMENTS).getAllKeys());
      return [...new Set(keys.map((key) => key[0]))];
    } catch {
      return [];
    }
  }
}
