'use strict';
// WebSocket helpers: a client that queues every message so tests can wait for one that matches (with a
// deadline) and the candidate protocol's chunk framing (docs/protocol.md).

const crypto = require('node:crypto');
const WebSocket = require('ws');

const { crc32 } = require('../../lib/crc32');

const DEFAULT_WAIT_MS = 10_000;

function sha256(buffer) { return crypto.createHash('sha256').update(buffer).digest('hex'); }

/** One binary frame: 16-byte header (version, flags, segment, answer, seq, crc) + payload. */
function chunkFrame({ answer, segment = 0, seq, payload, crc, version = 1, flags = 0 }) {
  const header = Buffer.alloc(16);
  header.writeUInt8(version, 0);
  header.writeUInt8(flags, 1);
  header.writeUInt16BE(segment, 2);
  header.writeUInt32BE(answer, 4);
  header.writeUInt32BE(seq, 8);
  header.writeUInt32BE(crc === undefined ? crc32(payload) : crc, 12);
  return Buffer.concat([header, payload]);
}

/** Splits a buffer into pieces of at most `size` bytes. */
function split(buffer, size) {
  const pieces = [];
  for (let i = 0; i < buffer.length; i += size) pieces.push(buffer.subarray(i, Math.min(i + size, buffer.length)));
  return pieces;
}

class Client {
  /** Opens a socket; resolves once it is open. */
  static open(url, { timeout = DEFAULT_WAIT_MS, ...options } = {}) {
    return new Promise((resolve, reject) => {
      const client = new Client(url, options);
      const timer = setTimeout(() => {
        client.terminate();
        reject(new Error(`WebSocket ${url} did not open within ${timeout} ms`));
      }, timeout);
      client.ws.once('open', () => { clearTimeout(timer); resolve(client); });
      client.ws.once('error', (error) => { clearTimeout(timer); reject(new Error(`WebSocket ${url}: ${error.message}`)); });
      client.ws.once('unexpected-response', (req, res) => {
        clearTimeout(timer);
        reject(new Error(`WebSocket ${url}: upgrade refused with HTTP ${res.statusCode}`));
      });
    });
  }

  constructor(url, options) {
    this.url = url;
    this.ws = new WebSocket(url, { maxPayload: 64 << 20, ...options });
    this.queue = [];     // messages not consumed yet
    this.history = [];   // every message, for failure messages
    this.waiters = [];
    this.closeInfo = null;
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        for (const waiter of this.waiters.splice(0)) waiter.onClose();
      });
    });
    this.ws.on('error', () => { /* surfaced through close / waits */ });
    this.ws.on('message', (data, isBinary) => {
      let message;
      if (isBinary) {
        message = { binary: Buffer.from(data) };
      } else {
        const text = data.toString('utf8');
        try { message = JSON.parse(text); } catch { message = { unparsable: text }; }
      }
      this.history.push(message);
      const waiter = this.waiters.find((w) => w.predicate(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      } else {
        this.queue.push(message);
      }
    });
  }

  get isOpen() { return this.ws.readyState === WebSocket.OPEN; }

  send(value) {
    if (Buffer.isBuffer(value) || typeof value === 'string') this.ws.send(value);
    else this.ws.send(JSON.stringify(value));
  }

  sendText(text) { this.ws.send(text, { binary: false }); }

  sendChunk(fields) { this.ws.send(chunkFrame(fields), { binary: true }); }

  /**
   * Waits for (and consumes) the first message matching `predicate` — an object is matched field by field,
   * a string matches `type`. Rejects after `timeout` ms or when the socket closes first.
   */
  next(predicate, timeout = DEFAULT_WAIT_MS) {
    const test = toPredicate(predicate);
    const index = this.queue.findIndex(test);
    if (index >= 0) return Promise.resolve(this.queue.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const describeWait = () => `waiting for ${JSON.stringify(predicate) || predicate} on ${this.url}; received so far: ${
        JSON.stringify(this.history.map(shorten)).slice(-2000)}`;
      const waiter = {
        predicate: test,
        resolve: (message) => { clearTimeout(timer); resolve(message); },
        onClose: () => {
          clearTimeout(timer);
          reject(new Error(`socket closed (${JSON.stringify(this.closeInfo)}) while ${describeWait()}`));
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timeout after ${timeout} ms ${describeWait()}`));
      }, timeout);
      if (this.closeInfo) { waiter.onClose(); return; }
      this.waiters.push(waiter);
    });
  }

  /** Drops queued (unconsumed) messages matching `predicate`. */
  discard(predicate) {
    const test = toPredicate(predicate);
    this.queue = this.queue.filter((m) => !test(m));
  }

  /** Messages received and not consumed by next(). */
  pending() { return this.queue.slice(); }

  /** Resolves { code, reason } once the server closes the socket (rejects after `timeout` ms). */
  async waitClosed(timeout = DEFAULT_WAIT_MS) {
    let timer;
    const deadline = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`socket ${this.url} not closed within ${timeout} ms; received: ${
        JSON.stringify(this.history.map(shorten)).slice(-2000)}`)), timeout);
    });
    try { return await Promise.race([this.closed, deadline]); } finally { clearTimeout(timer); }
  }

  close(code = 1000) {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code);
  }

  terminate() { this.ws.terminate(); }
}

function shorten(message) {
  return message.binary ? { binary: message.binary.length } : message;
}

function toPredicate(predicate) {
  if (typeof predicate === 'function') return predicate;
  if (typeof predicate === 'string') return (m) => m.type === predicate;
  return (m) => Object.entries(predicate).every(([k, v]) => m[k] === v);
}

module.exports = { Client, crc32, sha256, chunkFrame, split };
