'use strict';
// The one CRC-32 of the test suites (IEEE 802.3, as zlib's crc32), written independently of the candidate
// page's (resources/web/candidate/crc32.js), so a wrong checksum in the page cannot hide behind the same mistake
// here. zlib.crc32 exists from Node 20.15/22.2; older Node (Debian 12 has 18) gets the table version.

const zlib = require('node:zlib');

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function tableCrc32(buffer) {
  let crc = 0xffffffff;
  for (let i = 0; i < buffer.length; i++) crc = TABLE[(crc ^ buffer[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-32 of a Buffer or Uint8Array, as an unsigned 32-bit number. */
const crc32 = zlib.crc32 ? (buffer) => zlib.crc32(buffer) >>> 0 : tableCrc32;

module.exports = { crc32, tableCrc32 };
