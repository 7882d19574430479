// The one WebSocket of this tab: hello on every (re)connect, reconnect with capped backoff (and at once
// when the browser comes back online), a heartbeat that also detects silently dead links (laptop sleep,
// NAT timeouts) which would otherwise keep a socket "open" for minutes.
// Owns this tab's connection, its last status, and what every hello carries: the invite token and the mime.

import { FINAL_CLOSE_CODES, PROTOCOL_VERSION, inviteTokenFromPath, sessionSocketUrl } from './protocol.js';
import { chooseRecorderMime } from './recorder.js';

const BACKOFF_START_MS = 250;
const BACKOFF_CAP_MS = 3000;
const PING_INTERVAL_MS = 25000;      // the server closes idle sockets after 90 s
const SILENCE_LIMIT_MS = 35000;      // no frame at all for this long: the link is dead, reconnect

export class SessionConnection {
  /**
   * @param {{token:string, mime:string,
   *          onMessage:(message:object)=>void,
   *          onStatus:(status:'connecting'|'open'|'closed', detail?:object)=>void,
   *          onFinal:(reason:string, message?:string)=>void}} options
   */
  constructor({ token, mime, onMessage, onStatus, onFinal }) {
    this.token = token;
    this.mime = mime;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.onFinal = onFinal;
    this.socket = null;
    this.attempt = 0;
    this.reconnectTimer = null;
    this.heartbeatTimer = null;
    this.lastFrameAt = 0;
    this.finalReason = null;
    this.lastError = null;
    window.addEventListener('online', () => this.reconnectNow());
  }

  get isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  get bufferedAmount() {
    return this.socket ? this.socket.bufferedAmount : 0;
  }

  connect() {
    if (this.finalReason || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.onStatus('connecting');
    let socket;
    try {
      socket = new WebSocket(sessionSocketUrl());
    } catch (error) {
      this.scheduleReconnect();
      return;
    }
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.lastError = null;
    socket.addEventListener('open', () => {
      this.lastFrameAt = Date.now();
      socket.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token: this.token, mime: this.mime }));
      this.startHeartbeat();
      this.onStatus('open');
    });
    socket.addEventListener('message', (event) => {
      this.lastFrameAt = Date.now();
      if (typeof event.data !== 'string') return; // the server sends no binary frames
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        console.warn('ignoring a frame that is not JSON');
        return;
      }
      if (message.type === 'state') this.attempt = 0; // a working session, not just an accepted TCP connection
      if (message.type === 'error') this.lastError = message;
      if (message.type === 'pong') return;
      this.onMessage(message);
    });
    socket.addEventListener('close', (event) => this.handleClose(socket, event.code));
    // 'error' is always followed by 'close'; nothing to do here.
  }

  handleClose(socket, code) {
    if (this.socket !== socket) return; // an abandoned socket closing late
    this.socket = null;
    this.stopHeartbeat();
    const reason = FINAL_CLOSE_CODES.get(code);
    if (reason) {
      this.finalReason = (this.lastError && this.lastError.code) || reason;
      this.onStatus('closed', { code, final: true });
      this.onFinal(this.finalReason, this.lastError && this.lastError.message);
      return;
    }
    this.onStatus('closed', { code, final: false });
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    if (this.finalReason || this.reconnectTimer) return;
    const base = Math.min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** this.attempt);
    const delay = base * (0.8 + Math.random() * 0.4); // jitter: many candidates after one server restart
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, Math.min(delay, BACKOFF_CAP_MS));
  }

  /** The browser says the network is back: do not wait for the backoff timer. */
  reconnectNow() {
    if (this.finalReason) return;
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return;
    this.attempt = 0;
    if (this.socket) this.abandonSocket();
    this.connect();
  }

  /** Drops a socket that is not closing by itself (dead link): a clean close handshake could take minutes. */
  abandonSocket() {
    const socket = this.socket;
    this.socket = null;
    this.stopHeartbeat();
    try {
      socket.close(4000, 'reconnecting');
    } catch {
      /* already closing */
    }
    this.onStatus('closed', { code: 4000, final: false });
  }

  startHeartbeat() {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      if (!this.isOpen) return;
      if (Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
        this.abandonSocket();
        this.scheduleReconnect();
        return;
      }
      this.send({ type: 'ping' });
    }, PING_INTERVAL_MS);
  }

  stopHeartbeat() {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  /** @returns {boolean} whether the frame was handed to the socket */
  send(message) {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  sendBinary(buffer) {
    if (!this.isOpen) return false;
    this.socket.send(buffer);
    return true;
  }

  /** The interview is over: no reconnects any more. */
  close() {
    this.finalReason = 'closed';
    clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    if (this.socket) this.socket.close(1000, 'done');
    this.socket = null;
  }
}

// ---- this tab's connection ---------------------------------------------------------------------------------

let token = null;
let mime = null;
let connection = null;
let status = 'connecting';

/** Reads the invite token from the address and picks the recording format; hello sends both. */
export function identifyPage() {
  token = inviteTokenFromPath();
  mime = chooseRecorderMime();
}

export const inviteToken = () => token;
export const recorderMime = () => mime;
/** 'connecting' | 'open' | 'closed' */
export const connectionStatus = () => status;

/** Creates the connection without connecting yet (see connect()); returns it for the uploader to send on. */
export function createConnection({ onMessage, onStatus, onFinal }) {
  connection = new SessionConnection({
    token,
    mime,
    onMessage,
    onStatus: (next) => {
      status = next; // before onStatus, which renders it
      onStatus(next);
    },
    onFinal,
  });
  return connection;
}

export function connect() {
  connection.connect();
}

/** @returns {boolean} whether the frame was handed to the socket */
export function sendMessage(message) {
  return connection.send(message);
}

export function closeConnection() {
  connection.close();
}
