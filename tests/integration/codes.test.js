'use strict';
// One table of error codes and close codes: the server's (`intervoxd codes`) is the source; the candidate page's
// mirror and the tables in docs/api.md and docs/protocol.md must say the same.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it, before } = require('node:test');

const { BINARY, REPO, run } = require('./lib/server');

/** Rows of the first markdown table after `heading` whose first cell matches `firstCell`. */
function tableRows(file, firstCell) {
  return fs.readFileSync(path.join(REPO, file), 'utf8').split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')))
    .filter((cells) => firstCell.test(cells[0]));
}

describe('error and close code tables', () => {
  let tables;
  before(async () => { tables = JSON.parse((await run(BINARY, ['codes'])).stdout); });

  it('the server lists every error code with one HTTP status, and docs/api.md shows the same table', () => {
    assert.ok(tables.errors.length >= 13, JSON.stringify(tables.errors));
    const documented = tableRows('docs/api.md', /^[a-z_]+$/).filter((cells) => /^\d{3}$/.test(cells[1]))
      .map(([code, http]) => ({ code, http: Number(http) }));
    assert.deepEqual(documented, tables.errors);
  });

  it('docs/protocol.md lists every close code with its name and finality', () => {
    const documented = tableRows('docs/protocol.md', /^\d{4}$/).filter((cells) => /^(yes|no)$/.test(cells[2]))
      .map(([code, name, final]) => ({ code: Number(code), name, final: final === 'yes' }));
    assert.deepEqual(documented, tables.closeCodes.map(({ code, name, final }) => ({ code, name, final })));
  });

  it('the candidate page stops on exactly the final close codes, and knows no code the server does not use', () => {
    // Read as text: the page is an ES module for browsers, which Debian's Node 18 cannot import from CommonJS.
    const source = fs.readFileSync(path.join(REPO, 'resources/web/candidate/protocol.js'), 'utf8');
    const table = /FINAL_CLOSE_CODES = new Map\(\[([\s\S]*?)\]\);/.exec(source);
    assert.ok(table, 'FINAL_CLOSE_CODES not found in protocol.js');
    const pageFinal = [...table[1].matchAll(/\[(\d{4}), '[a-z_]+'\]/g)].map((m) => Number(m[1])).sort();
    assert.ok(pageFinal.length > 0, 'no entries read from FINAL_CLOSE_CODES');
    const serverFinal = tables.closeCodes.filter((c) => c.final).map((c) => c.code).sort();
    assert.deepEqual(pageFinal, serverFinal);
  });
});
