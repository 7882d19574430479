#!/usr/bin/env node
'use strict';
/*
 * A TCP proxy that adds latency, to measure Intervox with a database that is far away:
 *
 *   node delayproxy.js LISTEN_PORT TARGET_PORT DELAY_MS
 *
 * Listens on 127.0.0.1:LISTEN_PORT and forwards every connection to 127.0.0.1:TARGET_PORT, holding each piece of
 * data DELAY_MS before passing it on, in both directions: a request/response round trip takes 2 × DELAY_MS longer
 * (DELAY_MS 10 = 20 ms per round trip, like a database in another data centre). Order is kept (timers of equal
 * delay fire in the order they were set). Prints "ready" once listening. Loopback only; at most 1000 connections.
 */
const net = require('net');

const [listenPort, targetPort, delayMs] = process.argv.slice(2).map(Number);
if (!(listenPort > 0 && targetPort > 0 && delayMs >= 0 && delayMs <= 1000)) {
  console.error('usage: node delayproxy.js LISTEN_PORT TARGET_PORT DELAY_MS (0..1000)');
  process.exit(2);
}

function delayed(from, to) {
  from.on('data', (data) => {
    setTimeout(() => { if (!to.destroyed) to.write(data); }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}

const server = net.createServer((client) => {
  const upstream = net.connect(targetPort, '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  delayed(client, upstream);
  delayed(upstream, client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', () => setTimeout(close, delayMs));
  upstream.on('close', () => setTimeout(close, delayMs));
});
server.maxConnections = 1000;
server.listen(listenPort, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => process.exit(0));
