'use strict';
// HTTP helpers: a small JSON client over fetch, and a raw client over TCP for requests fetch will not send
// (exact paths, a Content-Length that does not match the body, streaming).

const net = require('node:net');

const REQUEST_DEADLINE_MS = 20_000;

function describe(res) {
  const body = res.json !== undefined ? JSON.stringify(res.json) : res.text;
  return `${res.method} ${res.path} -> ${res.status} ${String(body).slice(0, 600)}`;
}

class Api {
  constructor(baseUrl, token = null) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  withToken(token) { return new Api(this.baseUrl, token); }

  /**
   * request('POST', '/api/v1/interviews', { json }) → { status, headers, body (Buffer), text, json }
   * Options: json (object, sent as application/json), body (Buffer/string) with contentType, headers, token
   * (overrides; null sends no Authorization header).
   */
  async request(method, path, options = {}) {
    const headers = { ...(options.headers || {}) };
    const token = options.token !== undefined ? options.token : this.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const res = await fetch(this.baseUrl + path, {
      method, headers, body, redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout || REQUEST_DEADLINE_MS),
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    const result = {
      method, path,
      status: res.status,
      headers: res.headers,
      body: buffer,
      text: buffer.toString('utf8'),
      json: undefined,
    };
    if ((res.headers.get('content-type') || '').includes('json') && buffer.length) {
      try { result.json = JSON.parse(result.text); } catch { /* left undefined; tests assert on it */ }
    }
    result.toString = () => describe(result);
    return result;
  }

  get(path, options) { return this.request('GET', path, options); }
  post(path, json, options = {}) { return this.request('POST', path, { ...options, json }); }
  put(path, json, options = {}) { return this.request('PUT', path, { ...options, json }); }
  delete(path, options) { return this.request('DELETE', path, options); }
}

/**
 * Sends bytes over a fresh TCP connection and reads one HTTP response.
 * `head` is the request line and headers (without the blank line); `write(socket)` may stream a body.
 * Resolves { status, headers, body, raw } when the response is complete (Content-Length) or the socket closes.
 */
function rawRequest(port, head, { body, timeout = REQUEST_DEADLINE_MS } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no complete response within ${timeout} ms to: ${head.split('\r\n')[0]}`)), timeout);
    function parse() {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const headers = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const bodyBytes = raw.subarray(end + 4);
      return { status, headers, body: bodyBytes, raw };
    }
    function finish(error) {
      if (done) return;
      const parsed = parse();
      if (!error && !parsed) error = new Error(`connection closed without a response to: ${head.split('\r\n')[0]}`);
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(withJson(parsed));
    }
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const parsed = parse();
      if (parsed && parsed.headers['content-length'] !== undefined
          && parsed.body.length >= Number(parsed.headers['content-length'])) finish(null);
    });
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (error) => (parse() ? finish(null) : finish(error)));
    socket.write(head + '\r\n\r\n');
    if (body !== undefined) socket.write(body);
  });
}

function withJson(res) {
  res.text = res.body.toString('utf8');
  try { res.json = JSON.parse(res.text); } catch { res.json = undefined; }
  res.toString = () => `-> ${res.status} ${res.text.slice(0, 600)}`;
  return res;
}

module.exports = { Api, rawRequest };
