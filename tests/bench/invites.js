#!/usr/bin/env node
'use strict';
/*
 * Recruiter-side setup for one benchmark step (docs/api.md): log in, create an interview with one
 * question (answerSeconds 1800 so no answer times out during a step, thinkSeconds 0), batch-create
 * N candidates + invites, and write the invite tokens one per line to OUT.
 *
 *   BENCH_EMAIL=... BENCH_PASSWORD=... node invites.js http://127.0.0.1:PORT N OUT
 *
 * Credentials come from the environment so they never show up in `ps`. Loopback only.
 */
const fs = require('fs');

const BATCH_MAX = 5000; // POST /invites/batch limit

async function main() {
  const [base, nArg, out] = process.argv.slice(2);
  const n = Number(nArg);
  if (!base || !out || !Number.isInteger(n) || n < 1 || n > 20000) {
    console.error('usage: BENCH_EMAIL=.. BENCH_PASSWORD=.. node invites.js http://127.0.0.1:PORT N OUT'); process.exit(2);
  }
  if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(new URL(base).hostname)) { console.error('loopback only'); process.exit(2); }

  let token = null;
  const call = async (method, p, body) => {
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}/api/v1${p}`, { method, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(120000) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} -> HTTP ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };

  token = (await call('POST', '/auth/login', { email: process.env.BENCH_EMAIL, password: process.env.BENCH_PASSWORD })).accessToken;
  const interview = await call('POST', '/interviews', {
    title: 'Load benchmark', intro: 'Synthetic candidates streaming audio.', language: 'en',
    questions: [{ text: 'Tell us about yourself', thinkSeconds: 0, answerSeconds: 1800, retakes: 0 }],
  });
  const tokens = [];
  for (let i = 0; i < n; i += BATCH_MAX) {
    const candidates = [];
    for (let k = i; k < Math.min(n, i + BATCH_MAX); k++) candidates.push({ name: `Candidate ${k}`, email: `candidate${k}@example.com` });
    const r = await call('POST', '/invites/batch', { interviewId: interview.id, candidates });
    for (const it of r.items) tokens.push(it.token);
  }
  if (tokens.length !== n || tokens.some((t) => typeof t !== 'string' || !t)) throw new Error(`expected ${n} tokens, got ${tokens.length}`);
  fs.writeFileSync(out, tokens.join('\n') + '\n', { mode: 0o600 });
}

main().catch((e) => { console.error(`invites.js: ${e.message}`); process.exit(1); });
