'use strict';
// Starts the real intervoxd binary for integration tests.
//
//   INTERVOXD               path of the binary (default build/server/intervoxd, relative to the repository)
//   INTERVOX_TEST_DATABASE  postgres://user@host:port/db — when set, every environment gets a fresh PostgreSQL
//                           database (created through psql on that server); otherwise SQLite in the data folder.

const { spawn, execFile } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const BINARY = path.resolve(REPO, process.env.INTERVOXD || 'build/server/intervoxd');
const TEST_DATABASE = process.env.INTERVOX_TEST_DATABASE || '';
const START_DEADLINE_MS = 30_000;
const STOP_DEADLINE_MS = 15_000;
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
// The exit code the sanitizers suite gives AddressSanitizer/UBSan reports (scripts/test).
const SANITIZER_EXIT = 86;

const engine = TEST_DATABASE ? 'postgresql' : 'sqlite';

/** The runner's environment without INTERVOX_* settings, so only what a test passes reaches intervoxd. */
function serverEnvironment(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('INTERVOX_')) env[key] = value;
  return { ...env, ...extra };
}
const live = new Set(); // child processes still running, killed if this test process exits

process.on('exit', () => {
  for (const child of live) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

function run(file, args, { input, timeout = 30_000, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { timeout, env: env || process.env, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error) {
          error.message += `\n$ ${file} ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
          error.stdout = stdout;
          error.stderr = stderr;
          reject(error);
        } else {
          resolve({ stdout, stderr });
        }
      });
    if (input !== undefined) child.stdin.end(input);
  });
}

function psql(url, sql) {
  return run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql]);
}

let databaseCounter = 0;

async function createDatabase() {
  if (!TEST_DATABASE) return null;
  const base = new URL(TEST_DATABASE);
  const prefix = (base.pathname.replace(/^\//, '') || 'intervox').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const name = `${prefix}_t${process.pid}_${++databaseCounter}_${crypto.randomBytes(3).toString('hex')}`;
  await psql(TEST_DATABASE, `CREATE DATABASE "${name}"`);
  const url = new URL(TEST_DATABASE);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function dropDatabase(db) {
  if (!db) return;
  try {
    await psql(TEST_DATABASE, `DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`);
  } catch { /* best effort: the throwaway cluster goes away anyway */ }
}

// Last lines of a process's output, for failure messages.
class OutputTail {
  constructor(limit = 300) { this.limit = limit; this.lines = []; this.partial = { stdout: '', stderr: '' }; }
  push(stream, chunk, onLine) {
    const text = this.partial[stream] + chunk.toString('utf8');
    const parts = text.split('\n');
    this.partial[stream] = parts.pop();
    for (const line of parts) {
      this.lines.push(`[${stream}] ${line}`);
      if (this.lines.length > this.limit) this.lines.shift();
      if (onLine) onLine(line);
    }
  }
  toString() { return this.lines.join('\n'); }
}

class Server {
  constructor(env, child, port, output) {
    this.env = env;
    this.child = child;
    this.pid = child.pid;
    this.port = port;
    this.output = output;
    this.url = `http://127.0.0.1:${port}`;
    this.wsUrl = `ws://127.0.0.1:${port}`;
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      else child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  get running() { return this.child.exitCode === null && this.child.signalCode === null; }

  /** Resident set size of the server process in KiB (from /proc/PID/status). */
  rssKiB() {
    const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (!match) throw new Error(`no VmRSS in /proc/${this.pid}/status`);
    return Number(match[1]);
  }

  log() { return this.output.toString(); }

  async stop(signal = 'SIGTERM') {
    if (this.running) {
      this.child.kill(signal);
      // The deadline is cleared once the server exits: a pending timer would keep node's test process alive
      // for the whole deadline after the last test (15 s per test file).
      let timer;
      const deadline = new Promise((resolve) => { timer = setTimeout(resolve, STOP_DEADLINE_MS, 'timeout'); });
      const outcome = await Promise.race([this.exited, deadline]);
      clearTimeout(timer);
      if (outcome === 'timeout' && this.running) {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    live.delete(this.child);
    return this.exited;
  }
}

/**
 * A data folder plus (on PostgreSQL) a database of its own. Servers started from the same environment share
 * both, so a restart sees the previous data.
 */
class Environment {
  static async create() {
    const env = new Environment();
    env.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'intervox-it-'));
    env.database = await createDatabase();
    return env;
  }

  constructor() { this.servers = []; }

  databaseArgs() { return this.database ? ['--database', this.database.url] : []; }

  async start({ extraArgs = [], extraEnv = {} } = {}) {
    if (!fs.existsSync(BINARY)) {
      throw new Error(`intervoxd not found at ${BINARY} (build it with scripts/build, or set INTERVOXD)`);
    }
    const args = ['serve', '--data', this.dataDir, '--listen', '127.0.0.1:0', ...this.databaseArgs(), ...extraArgs];
    const child = spawn(BINARY, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: serverEnvironment(extraEnv),
    });
    live.add(child);
    const output = new OutputTail();
    const port = await new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error, value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) {
          try { child.kill('SIGKILL'); } catch { /* gone */ }
          live.delete(child);
          reject(new Error(`${error}\n$ ${BINARY} ${args.join(' ')}\n--- server output ---\n${output}`));
        } else {
          resolve(value);
        }
      };
      const timer = setTimeout(() => finish(`intervoxd did not print "listening on http://127.0.0.1:PORT" within ${START_DEADLINE_MS} ms`), START_DEADLINE_MS);
      const onLine = (line) => {
        const match = LISTENING.exec(line);
        if (match) finish(null, Number(match[1]));
      };
      child.stdout.on('data', (chunk) => output.push('stdout', chunk, onLine));
      child.stderr.on('data', (chunk) => output.push('stderr', chunk, onLine));
      child.once('error', (error) => finish(`could not start intervoxd: ${error.message}`));
      child.once('exit', (code, signal) => finish(`intervoxd exited before listening (code ${code}, signal ${signal})`));
    });
    const server = new Server(this, child, port, output);
    this.servers.push(server);
    return server;
  }

  /**
   * Runs one SQL statement on this environment's database, as an operator would with psql or sqlite3
   * (tests use it to set up states that only time would otherwise bring, e.g. a token about to expire).
   */
  async sql(statement) {
    if (this.database) return (await psql(this.database.url, statement)).stdout;
    const file = path.join(this.dataDir, 'intervox.db');
    return (await run('sqlite3', ['-cmd', '.timeout 10000', file, statement])).stdout;
  }

  /** `intervoxd admin create`: returns the JSON it prints. */
  async createAdmin({ organization, email, name, password }) {
    const args = ['admin', 'create', '--data', this.dataDir, ...this.databaseArgs(),
      '--organization', organization, '--email', email, '--name', name, '--password-stdin'];
    const { stdout } = await run(BINARY, args, { input: `${password}\n`, env: serverEnvironment() });
    const text = stdout.trim();
    const start = text.indexOf('{');
    if (start < 0) throw new Error(`intervoxd admin create printed no JSON: ${text}`);
    return JSON.parse(text.slice(start));
  }

  /**
   * Stops every server (SIGTERM) and removes the data. Fails if a server stopped here did not exit cleanly
   * (code 0), or if any server at any time ended with a sanitizer report: a crash or memory error that the
   * tests' own assertions did not notice still fails the suite.
   */
  async cleanup() {
    const problems = [];
    await Promise.all(this.servers.map(async (server) => {
      const wasRunning = server.running;
      const exit = await server.stop().catch((error) => ({ error }));
      if (exit.code === SANITIZER_EXIT || (wasRunning && exit.code !== 0)) {
        problems.push(`intervoxd (pid ${server.pid}) exited with ${JSON.stringify(exit)}:\n${server.log()}`);
      }
    }));
    await dropDatabase(this.database);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    if (problems.length) throw new Error(problems.join('\n\n'));
  }
}

module.exports = { Environment, BINARY, REPO, engine, run };
