#!/usr/bin/env node
'use strict';
/*
 * A recruiter's client paging through everything as fast as it can, while candidates stream (docs/performance.md,
 * "Reads while candidates stream"): candidates page by page, sessions page by page, and each session with its
 * answers. Runs until STOP_FILE exists (or MAX_S seconds), then prints one JSON line: requests, items, errors and
 * the latency of its requests. With CANDIDATES it first adds that many candidates (and invites) so there are
 * many rows to page through.
 *
 *   BENCH_EMAIL=... BENCH_PASSWORD=... node pager.js http://127.0.0.1:PORT STOP_FILE [CANDIDATES] [MAX_S]
 *
 * Loopback only; one request at a time (a single client hammering, not a crowd).
 */
const fs = require('fs');

function percentile(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null; }

async function main() {
  const [base, stopFile, candidatesArg = '0', maxArg = '600'] = process.argv.slice(2);
  if (!base || !stopFile) { console.error('usage: BENCH_EMAIL=.. BENCH_PASSWORD=.. node pager.js URL STOP_FILE [CANDIDATES] [MAX_S]'); process.exit(2); }
  if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(base).hostname)) { console.error('loopback only'); process.exit(2); }
  let token = null;
  const latencies = [];
  let errors = 0;
  const call = async (method, p, body) => {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1${p}`, { method, headers, body: body && JSON.stringify(body), signal: AbortSignal.timeout(60000) });
    const text = await res.text();
    if (method === 'GET') latencies.push(performance.now() - t0);
    if (!res.ok) { errors += 1; throw new Error(`${method} ${p} -> HTTP ${res.status}: ${text.slice(0, 200)}`); }
    return text ? JSON.parse(text) : null;
  };
  token = (await call('POST', '/auth/login', { email: process.env.BENCH_EMAIL, password: process.env.BENCH_PASSWORD })).accessToken;

  const extra = Number(candidatesArg);
  if (extra > 0) {
    const interview = await call('POST', '/interviews', {
      title: 'Paging benchmark', intro: 'Rows to page through.', language: 'en',
      questions: [{ text: 'Tell us about yourself', thinkSeconds: 0, answerSeconds: 60, retakes: 0 }],
    });
    for (let i = 0; i < extra; i += 5000) {
      const batch = Array.from({ length: Math.min(5000, extra - i) }, (_, k) => ({ name: `Paged ${i + k}`, email: `paged-${i + k}@example.com` }));
      await call('POST', '/invites/batch', { interviewId: interview.id, candidates: batch });
    }
    latencies.length = 0;
  }

  // Every page of a list: follows `next` while the server gives one.
  async function* pages(path) {
    let cursor = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await call('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      yield page.items;
      cursor = page.next || null;
    } while (cursor);
  }

  const deadline = Date.now() + Number(maxArg) * 1000;
  const stopped = () => fs.existsSync(stopFile) || Date.now() > deadline;
  let items = 0, passes = 0;
  while (!stopped()) {
    try {
      for await (const list of pages('/candidates')) { items += list.length; if (stopped()) break; }
      for await (const list of pages('/sessions')) {
        items += list.length;
        for (const session of list) {
          if (stopped()) break;
          const full = await call('GET', `/sessions/${session.id}`);
          items += (full.answers || []).length;
        }
        if (stopped()) break;
      }
      passes += 1;
    } catch (error) {
      if (!stopped()) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  latencies.sort((a, b) => a - b);
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  console.log(JSON.stringify({ requests: latencies.length, items, passes, errors, p50_ms: round(percentile(latencies, 0.5)),
    p99_ms: round(percentile(latencies, 0.99)), max_ms: round(latencies.at(-1) ?? null) }));
}

main().catch((error) => { console.error(error.stack || String(error)); process.exit(1); });
