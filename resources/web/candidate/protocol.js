// Wire format of the candidate session protocol (docs/protocol.md, v1).

import { crc32 } from './crc32.js';

export const PROTOCOL_VERSION = 1;
export const CHUNK_HEADER_BYTES = 16;
/** Largest payload one binary frame may carry; bigger recorder slices are split. */
export const MAX_CHUNK_PAYLOAD = 256 * 1024;

/**
 * Close codes after which reconnecting cannot help: the invite itself is unusable, or another tab or window
 * continued this session (reconnecting would take it back from that tab, and the two would evict each other).
 * The mirror of the server's table (server/core/error.h, `intervoxd codes`; docs/protocol.md): the codes marked
 * final there, each with the reason this page shows. Any other close is followed by a reconnect.
 */
export const FINAL_CLOSE_CODES = new Map([
  [4000, 'taken_over'],
  [4401, 'invite_invalid'],
  [4403, 'invite_revoked'],
  [4410, 'invite_expired'],
  [4409, 'invite_used'],
  [4400, 'protocol'],
]);

/**
 * One audio chunk as a binary frame: version, flags, segment (u16), answer (u32), seq (u32),
 * CRC-32 of the payload (u32), all big-endian, then the payload.
 * @param {{answer:number, segment:number, seq:number, data:ArrayBuffer}} chunk
 * @returns {ArrayBuffer}
 */
export function encodeChunkFrame({ answer, segment, seq, data }) {
  const payload = new Uint8Array(data);
  const frame = new Uint8Array(CHUNK_HEADER_BYTES + payload.length);
  const view = new DataView(frame.buffer);
  view.setUint8(0, PROTOCOL_VERSION);
  view.setUint8(1, 0);
  view.setUint16(2, segment, false);
  view.setUint32(4, answer, false);
  view.setUint32(8, seq, false);
  view.setUint32(12, crc32(payload), false);
  frame.set(payload, CHUNK_HEADER_BYTES);
  return frame.buffer;
}

/** Splits one recorder slice into payloads the server accepts (1 … MAX_CHUNK_PAYLOAD bytes). */
export function splitPayload(buffer) {
  const pieces = [];
  for (let offset = 0; offset < buffer.byteLength; offset += MAX_CHUNK_PAYLOAD) {
    pieces.push(buffer.slice(offset, Math.min(offset + MAX_CHUNK_PAYLOAD, buffer.byteLength)));
  }
  return pieces;
}

/** Same-origin socket URL: wss on https pages, ws on http (tests on 127.0.0.1). */
export function sessionSocketUrl(loc = window.location) {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/ws/session`;
}

/** The invite token is the path segment after /i/ (the token never goes into the socket URL). */
export function inviteTokenFromPath(pathname = window.location.pathname) {
  const match = /^\/i\/([^/?#]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}
