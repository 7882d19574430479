'use strict';
// Filling a (small, test-owned) filesystem, to see what the server does when its disk is full.

const fs = require('node:fs');
const path = require('node:path');

/** Writes a filler file in `dir` until the filesystem is full, down to the last byte; returns its path. */
function fillDisk(dir) {
  const file = path.join(dir, 'filler.bin');
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [1 << 20, 64 * 1024, 4096, 512, 1]) {
      const block = Buffer.alloc(size, 0x55);
      for (;;) {
        try { fs.writeSync(fd, block); } catch (error) {
          if (error.code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

module.exports = { fillDisk };
