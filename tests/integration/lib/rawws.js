'use strict';
// A WebSocket client on a bare TCP socket, for hostile tests: it writes exactly the bytes a test gives it
// (frames split anywhere, invalid UTF-8, bytes glued to the upgrade request) and reads the server's frames.

const crypto = require('node:crypto');
const net = require('node:net');

const DEFAULT_WAIT_MS = 10_000;

/** One client frame, masked as RFC 6455 requires (unless `masked` is false). */
function maskedFrame(opcode, payload = Buffer.alloc(0), { fin = true, masked = true, rsv = 0 } = {}) {
  const data = Buffer.from(payload);
  const n = data.length;
  const head = [((fin ? 0x80 : 0) | (rsv << 4) | opcode) & 0xff];
  const maskBit = masked ? 0x80 : 0;
  let length;
  if (n < 126) {
    head.push(maskBit | n);
    length = Buffer.alloc(0);
  } else if (n <= 0xffff) {
    head.push(maskBit | 126);
    length = Buffer.alloc(2);
    length.writeUInt16BE(n);
  } else {
    head.push(maskBit | 127);
    length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(n));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), length, data]);
  const key = crypto.randomBytes(4);
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i++) body[i] = data[i] ^ key[i % 4];
  return Buffer.concat([Buffer.from(head), length, key, body]);
}

function upgradeRequest(path) {
  return [
    `GET ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    '', ''].join('\r\n');
}

class RawWebSocket {
  /**
   * Connects and sends the upgrade request with `initial` bytes glued to it in the same write (so they arrive
   * in the server's first read). Resolves once the 101 response has arrived.
   */
  static open(port, path, { initial = Buffer.alloc(0), timeout = DEFAULT_WAIT_MS } = {}) {
    return new Promise((resolve, reject) => {
      const ws = new RawWebSocket(net.connect(port, '127.0.0.1'));
      const timer = setTimeout(() => { ws.destroy(); reject(new Error(`no 101 from ${path} within ${timeout} ms`)); }, timeout);
      ws.socket.once('connect', () => {
        ws.socket.setNoDelay(true);
        ws.socket.write(Buffer.concat([Buffer.from(upgradeRequest(path), 'latin1'), initial]));
      });
      ws.onUpgrade = (status) => {
        clearTimeout(timer);
        if (status === 101) resolve(ws);
        else reject(new Error(`upgrade of ${path} answered ${status}`));
      };
      ws.socket.once('close', () => {
        clearTimeout(timer);
        if (!ws.upgraded) reject(new Error(`connection to ${path} closed before the 101`));
      });
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.upgraded = false;
    this.frames = [];          // { opcode, payload } from the server
    this.closeFrame = null;    // { code, reason } of the server's close frame
    // Settles with the close frame, or with null when the connection ends without one.
    this.closeSeen = new Promise((resolve) => { this.settleClose = resolve; });
    socket.once('close', () => this.settleClose(this.closeFrame));
    socket.on('error', () => { /* seen as a close */ });
    socket.on('data', (chunk) => this.onData(chunk));
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.upgraded) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const status = Number(this.buffer.subarray(0, end).toString('latin1').split(' ')[1]);
      this.buffer = this.buffer.subarray(end + 4);
      this.upgraded = status === 101;
      if (this.onUpgrade) this.onUpgrade(status);
      if (!this.upgraded) return;
    }
    while (this.buffer.length >= 2) {
      let length = this.buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffer.length < offset + length) return;
      const opcode = this.buffer[0] & 0x0f;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      this.frames.push({ opcode, payload });
      if (opcode === 0x8 && !this.closeFrame) {
        this.closeFrame = {
          code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005,
          reason: payload.subarray(2).toString('utf8'),
        };
        this.settleClose(this.closeFrame);
      }
    }
  }

  write(bytes) {
    return new Promise((resolve, reject) => this.socket.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  /** The server's close frame { code, reason }; rejects if the connection ends without one or after `timeout`. */
  async closed(timeout = DEFAULT_WAIT_MS) {
    let timer;
    const deadline = new Promise((resolve) => { timer = setTimeout(resolve, timeout, 'timeout'); });
    const outcome = await Promise.race([this.closeSeen, deadline]);
    clearTimeout(timer);
    if (outcome && outcome !== 'timeout') return outcome;
    throw new Error(outcome === 'timeout'
      ? `no close frame within ${timeout} ms`
      : 'the connection ended without a close frame');
  }

  destroy() { this.socket.destroy(); }
}

module.exports = { RawWebSocket, maskedFrame, upgradeRequest };
