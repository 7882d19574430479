'use strict';
// Shared harness of the browser end-to-end tests: a real intervoxd per test (SQLite by default, PostgreSQL
// when INTERVOX_TEST_DATABASE is set), the recruiter API, Debian's Chromium with a fake microphone playing
// an espeak-ng WAV, a loopback TCP proxy that can cut the network, and checks of what the server stored.
// Node 18 compatible (node:test, global fetch); no fixed sleeps for synchronisation, every wait has a deadline.

const assert = require('node:assert/strict');
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const { RecorderWitness, reloadWitnessed } = require('./witness');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const INTERVOXD = path.resolve(process.env.INTERVOXD || path.join(REPO_ROOT, 'build', 'server', 'intervoxd'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const OUT_ROOT = path.join(__dirname, 'out');
const KEEP_DATA = process.env.INTERVOX_E2E_KEEP === '1';
// Development only: serve the candidate page (index.html and its assets under /c/) from the source tree
// instead of the copies compiled into intervoxd, to try page changes without a rebuild.
const PAGE_FROM_DISK = process.env.INTERVOX_E2E_PAGE_FROM_DISK === '1';
const PAGE_DIR = path.join(REPO_ROOT, 'resources', 'web', 'candidate');
const CANDIDATE_CSP = "default-src 'self'; connect-src 'self'; media-src 'self' blob:; img-src 'self' data:; style-src 'self'; script-src 'self'";
const CONTENT_TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

const ADMIN = { organization: 'Acme Test Hiring', email: 'admin@example.com', name: 'Test Admin', password: 'correct horse battery staple' };

// ---- small utilities --------------------------------------------------------------------------------------

/** Polls `probe` until it returns a truthy value, or fails with `what` after `timeoutMs`. */
async function waitFor(what, probe, { timeoutMs = 15000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const sha256Hex = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

function which(program) {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

/** A folder for one test's logs, downloads and (deleted at the end) server data. */
function makeArtifactDir(name) {
  const dir = path.join(OUT_ROOT, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Speech for the fake microphone; Chromium loops the file. */
function makeSpeechWav(dir) {
  const wav = path.join(dir, 'speech.wav');
  const text = 'Hello, my name is Ada. I have five years of experience in customer support. '
    + 'I enjoy explaining technical problems clearly and calmly, and I like to learn new tools quickly.';
  const result = spawnSync('espeak-ng', ['-s', '150', '-w', wav, text], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`espeak-ng failed: ${result.stderr || result.error}`);
  return wav;
}

function checkPrerequisites() {
  const missing = [];
  if (!fs.existsSync(INTERVOXD)) missing.push(`intervoxd (${INTERVOXD}; set INTERVOXD)`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM}; set CHROMIUM)`);
  for (const program of ['espeak-ng', 'ffmpeg']) if (!which(program)) missing.push(program);
  return missing;
}

// ---- database --------------------------------------------------------------------------------------------

/**
 * With INTERVOX_TEST_DATABASE=postgres://… each test gets a fresh database created through psql next to the
 * given one (so runs never see each other's rows); without psql the given database is used as it is.
 */
function prepareDatabase(label) {
  const base = process.env.INTERVOX_TEST_DATABASE;
  if (!base) return { url: null, drop() {} };
  if (!which('psql')) {
    console.warn('psql not found: using INTERVOX_TEST_DATABASE as it is');
    return { url: base, drop() {} };
  }
  const name = `intervox_e2e_${label}_${process.pid}_${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const psql = (sql) => spawnSync('psql', [base, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { encoding: 'utf8' });
  const created = psql(`CREATE DATABASE "${name}"`);
  if (created.status !== 0) throw new Error(`could not create database ${name}: ${created.stderr}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop() {
      const dropped = psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      if (dropped.status !== 0) console.warn(`could not drop database ${name}: ${dropped.stderr}`);
    },
  };
}

// ---- intervoxd -------------------------------------------------------------------------------------------

class Intervoxd {
  /** @param {{dataDir:string, database:string|null, logFile:string}} options */
  constructor({ dataDir, database, logFile }) {
    this.dataDir = dataDir;
    this.database = database;
    this.logFile = logFile;
    this.port = 0;
    this.process = null;
    this.exited = null;
  }

  databaseArgs() {
    return this.database ? ['--database', this.database] : [];
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `serve`; the first start picks a free port, restarts reuse it. */
  async start({ timeoutMs = 20000 } = {}) {
    assert.equal(this.process, null, 'intervoxd is already running');
    const args = ['serve', '--listen', `127.0.0.1:${this.port}`, '--data', this.dataDir, ...this.databaseArgs()];
    const child = spawn(INTERVOXD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    log.write(`---- ${new Date().toISOString()} intervoxd ${args.join(' ')}\n`);
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      log.end(`---- exited code=${code} signal=${signal}\n`);
      resolve({ code, signal });
    }));
    const ready = new Promise((resolve, reject) => {
      let seen = '';
      const onData = (data) => {
        seen += data.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
        if (match) {
          child.stderr.off('data', onData);
          resolve(Number(match[1]));
        }
      };
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) => reject(new Error(`intervoxd exited before listening (code ${code}, signal ${signal}); see ${this.logFile}`)));
      setTimeout(() => reject(new Error(`intervoxd did not report listening within ${timeoutMs} ms`)), timeoutMs).unref();
    });
    this.port = await ready;
    return this;
  }

  /** SIGKILL: no chance to flush or say goodbye, like a crash or OOM kill. */
  async kill() {
    if (!this.process) return;
    this.process.kill('SIGKILL');
    await this.exited;
    this.process = null;
  }

  /** SIGTERM with a deadline, then SIGKILL. */
  async stop() {
    if (!this.process) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process && this.process.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
    this.process = null;
  }

  /** `intervoxd admin create`: returns the JSON it prints. */
  createAdmin({ organization, email, name, password }) {
    const result = spawnSync(INTERVOXD, ['admin', 'create', '--data', this.dataDir, ...this.databaseArgs(),
      '--organization', organization, '--email', email, '--name', name, '--password-stdin'],
    { input: `${password}\n`, encoding: 'utf8', timeout: 20000 });
    fs.appendFileSync(this.logFile, `---- admin create\n${result.stdout}${result.stderr}\n`);
    if (result.status !== 0) throw new Error(`admin create failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout);
  }
}

// ---- recruiter API ---------------------------------------------------------------------------------------

class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.token = null;
  }

  async request(method, route, body) {
    const headers = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + route, { method, headers, body: payload, signal: AbortSignal.timeout(15000) });
    const text = await response.text();
    if (!response.ok) {
      const error = new Error(`${method} ${route}: HTTP ${response.status} ${text}`);
      error.status = response.status;
      throw error;
    }
    return text ? JSON.parse(text) : null;
  }

  get(route) {
    return this.request('GET', route);
  }

  post(route, body) {
    return this.request('POST', route, body);
  }

  async download(route) {
    const response = await fetch(this.baseUrl + route, {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(30000),
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    return { status: response.status, contentType: response.headers.get('content-type'), buffer };
  }

  async login(email, password) {
    const reply = await this.post('/api/v1/auth/login', { email, password });
    this.token = reply.accessToken;
    return reply;
  }
}

// ---- network cut -----------------------------------------------------------------------------------------

/** Loopback TCP proxy in front of intervoxd: `cut(ms)` kills every connection and refuses new ones for ms. */
class TcpProxy {
  constructor(targetPort) {
    this.targetPort = targetPort;
    this.sockets = new Set();
    this.refuseUntil = 0;
    this.cuts = 0;
    this.server = net.createServer((client) => this.accept(client));
  }

  async start() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    return this;
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  accept(client) {
    if (Date.now() < this.refuseUntil) {
      client.resetAndDestroy ? client.resetAndDestroy() : client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** The network goes away for `ms`: established connections die, new ones are refused. */
  cut(ms) {
    this.cuts += 1;
    this.refuseUntil = Date.now() + ms;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  get isCut() {
    return Date.now() < this.refuseUntil;
  }

  async close() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// ---- browser ---------------------------------------------------------------------------------------------

async function launchBrowser(wavPath) {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30000,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wavPath}`,
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      ...(PAGE_FROM_DISK ? ['--disable-features=LocalNetworkAccessChecks'] : []),
    ],
  });
}

/**
 * Watches the page's WebSocket traffic: the finish_answer frames (what the page says it recorded) and every
 * audio chunk frame sent, by answer/segment/seq, to tell first sends from re-sends.
 */
/** Records the candidate socket traffic of `page`; pass `traffic` to add another tab's to the same record. */
function watchSocketTraffic(page, logLine, traffic = {
  sockets: 0,
  finishes: new Map(),   // answer id -> finish_answer message (the last one sent)
  chunkSends: new Map(), // "answer/segment/seq" -> times sent
  received: [],          // server -> page text frames (without acks)
}) {
  page.on('websocket', (socket) => {
    traffic.sockets += 1;
    logLine(`websocket #${traffic.sockets} opened ${socket.url()}`);
    socket.on('close', () => logLine(`websocket #${traffic.sockets} closed`));
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') {
        const message = JSON.parse(payload);
        if (message.type !== 'ping') logLine(`page -> ${payload.slice(0, 400)}`);
        if (message.type === 'finish_answer') traffic.finishes.set(message.answer, message);
        return;
      }
      const frame = Buffer.from(payload);
      const key = `${frame.readUInt32BE(4)}/${frame.readUInt16BE(2)}/${frame.readUInt32BE(8)}`;
      traffic.chunkSends.set(key, (traffic.chunkSends.get(key) || 0) + 1);
    });
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const message = JSON.parse(payload);
      if (message.type === 'ack' || message.type === 'pong') return;
      traffic.received.push(message);
      logLine(`server -> ${payload.slice(0, 400)}`);
    });
  });
  return traffic;
}

async function servePageFromDisk(context) {
  // The document is fetched from intervoxd (its headers, CSP included, are kept) and only its body replaced.
  // Chromium treats an intercepted document as public and its local network access checks would block the
  // socket to 127.0.0.1: launchBrowser turns those checks off in this mode.
  await context.route((url) => url.pathname.startsWith('/i/'), async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, body: fs.readFileSync(path.join(PAGE_DIR, 'index.html')) });
  });
  await context.route((url) => url.pathname.startsWith('/c/'), (route) => {
    const file = path.join(PAGE_DIR, new URL(route.request().url()).pathname.slice(3));
    if (!file.startsWith(PAGE_DIR + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      headers: { 'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream', 'content-security-policy': CANDIDATE_CSP },
      body: fs.readFileSync(file),
    });
  });
}

// ---- one scenario's environment ---------------------------------------------------------------------------

/**
 * Starts intervoxd, creates the organization and signs in, creates an interview with `questions`,
 * a candidate and an invite, launches Chromium and opens a page (not yet navigated). `initScript` runs in
 * the page before its own scripts.
 * Everything is torn down by `t.after`.
 */
async function startScenario(t, { name, questions, language = 'en', viaProxy = false, initScript = null, tmpfsMiB = 0 }) {
  const missing = checkPrerequisites();
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);

  const dir = makeArtifactDir(name);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `intervox-e2e-${name}-`));
  // A small filesystem of its own (root only), so a scenario can fill the server's disk.
  if (tmpfsMiB) execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${tmpfsMiB}m,mode=0700`, 'tmpfs', dataDir]);
  const database = prepareDatabase(name);
  const pageLog = fs.createWriteStream(path.join(dir, 'page.log'));
  const logLine = (line) => pageLog.write(`${new Date().toISOString()} ${line}\n`);
  const server = new Intervoxd({ dataDir, database: database.url, logFile: path.join(dir, 'intervoxd.log') });
  const env = { dir, dataDir, server, proxy: null, browser: null, page: null, logLine };

  t.after(async () => {
    if (env.browser) await env.browser.close().catch(() => {});
    if (env.proxy) await env.proxy.close().catch(() => {});
    await server.stop().catch(() => {});
    pageLog.end();
    database.drop();
    if (tmpfsMiB) execFileSync('umount', ['-l', dataDir]);
    if (!KEEP_DATA || tmpfsMiB) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  await server.start();
  server.createAdmin(ADMIN);
  const api = new Api(server.baseUrl);
  await api.login(ADMIN.email, ADMIN.password);
  const interview = await api.post('/api/v1/interviews', {
    title: 'Support engineer',
    intro: 'Welcome! This interview has three short questions.\nTake your time.',
    language,
    questions,
  });
  const candidate = await api.post('/api/v1/candidates', { name: 'Ada Lovelace', email: 'ada@example.com' });
  const invite = await api.post('/api/v1/invites', { interviewId: interview.id, candidateId: candidate.id });

  if (viaProxy) env.proxy = await new TcpProxy(server.port).start();
  const origin = viaProxy ? env.proxy.baseUrl : server.baseUrl;

  env.browser = await launchBrowser(makeSpeechWav(dir));
  const context = await env.browser.newContext({ locale: language === 'de' ? 'de-DE' : 'en-US' });
  if (PAGE_FROM_DISK) await servePageFromDisk(context);
  // What the recorders produced, recorded independently of the page (compared with the stored audio).
  const witness = new RecorderWitness();
  await witness.install(context);
  // Simulates a browser trait (no WebM, failing storage) before any page script runs.
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('console', (message) => logLine(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logLine(`pageerror: ${error.stack || error.message}`));
  // The page asks before unloading while an answer is unsaved; the reload scenario means it.
  page.on('dialog', (dialog) => dialog.accept().catch(() => {}));
  const traffic = watchSocketTraffic(page, logLine);

  Object.assign(env, { api, interview, candidate, invite, page, traffic, witness, inviteUrl: `${origin}/i/${invite.token}` });
  return env;
}

// ---- driving the candidate page ----------------------------------------------------------------------------

const screen = (name) => `#screen-${name}:not([hidden])`;

async function waitForScreen(page, name, timeout = 20000) {
  await page.waitForSelector(screen(name), { timeout });
}

async function passDeviceCheck(page) {
  await waitForScreen(page, 'device');
  await page.click('#mic-allow');
  await page.waitForSelector('#test-record:not([disabled])');
  await page.click('#test-record');
  try {
    await page.waitForSelector('#device-continue:not([disabled])', { timeout: 15000 });
  } catch (error) {
    // Say which of its three conditions (microphone, finished test recording, connection) was missing.
    const shown = await page.evaluate(() => Object.fromEntries(['mic-status', 'mic-error-text', 'test-status', 'network-status', 'level-hint']
      .map((id) => [id, document.getElementById(id)?.textContent || '']).concat([['micAllowShown', !document.getElementById('mic-allow').hidden]])));
    throw new Error(`${error.message}; the device screen showed ${JSON.stringify(shown)}`);
  }
  await page.click('#device-continue');
}

async function acceptConsentAndBegin(page) {
  await waitForScreen(page, 'consent');
  await page.click('#consent-accept');
  await waitForScreen(page, 'intro');
  await page.click('#intro-begin');
}

/** Waits until the page records the answer and the server confirmed some audio (the upload path works). */
async function waitForRecording(page, { recordedMs = 0, timeout = 20000 } = {}) {
  await page.waitForFunction((ms) => {
    const r = window.intervox.recording;
    return window.intervox.phase === 'answering' && r.active && r.recordedMs >= ms;
  }, recordedMs, { timeout });
}

async function startAnswer(page) {
  await waitForScreen(page, 'question');
  await page.waitForSelector('#start-answer:not([disabled])');
  await page.click('#start-answer');
  await waitForRecording(page);
}

async function finishAnswerNow(page) {
  await page.waitForSelector('#finish-answer:not([disabled])');
  await page.click('#finish-answer');
}

/** The review screen appears only after answer_saved. */
async function waitForReview(page, timeout = 60000) {
  await waitForScreen(page, 'review', timeout);
}

async function nextQuestion(page) {
  await page.waitForSelector('#review-next:not([disabled])');
  await page.click('#review-next');
}

module.exports = {
  ADMIN,
  INTERVOXD,
  checkPrerequisites,
  launchBrowser,
  makeArtifactDir,
  makeSpeechWav,
  reloadWitnessed,
  Api,
  Intervoxd,
  TcpProxy,
  acceptConsentAndBegin,
  finishAnswerNow,
  nextQuestion,
  passDeviceCheck,
  sha256Hex,
  startAnswer,
  startScenario,
  waitFor,
  waitForRecording,
  waitForReview,
  waitForScreen,
  watchSocketTraffic,
};

// Accessibility smoke checks live in their own module; re-exported for the scenarios.
const a11y = require('./a11y');

module.exports.accessibilityProblems = a11y.accessibilityProblems;
module.exports.tabTo = a11y.tabTo;

// Checks of what the server stored live in their own module too (it needs waitFor and sha256Hex from here).
const verify = require('./verify');

Object.assign(module.exports, verify);
