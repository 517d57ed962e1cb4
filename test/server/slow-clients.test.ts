/**
 * Slow clients over real sockets (server/slow-clients.ts). A security probe found Node's defaults in force (a client
 * trickling a header line every 5 s kept its connection 95 s) and nothing letting go of a client that asks for a large
 * answer and never reads it (six such clients held 1 GB of the server's memory for as long as they stayed connected).
 * Here the limits are made short, and the real app answers; the last test runs `bin/reckoner serve` with its own.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http.ts';
import { closeStalledAnswers, jsonAnswer, serverOptions, type HttpLimits } from '../../server/slow-clients.ts';
import { DATE, freePort, spawnReckoner, stopAll, waitForStderr } from './helpers.ts';

const LIMITS: HttpLimits = { headersMs: 1000, requestMs: 10_000, keepAliveMs: 1000, checkEveryMs: 250, stallMs: 1000 };

/** The real app on a real socket with short limits; the server's side of each connection is seen closing. */
async function startGuarded(limits: HttpLimits = LIMITS) {
  const port = await freePort();
  const app = createApp({ host: '127.0.0.1', port, today: () => DATE });
  // A large answer written as every tool's JSON answer is (jsonAnswer). No tool gives megabytes any more from a small
  // request (statement rows come back in pages of at most 500, a cell at most 4,000 characters), so the route is added
  // here; the server, its socket limits and the watcher are the real ones.
  app.get('/big/:size', (c) => jsonAnswer(c, JSON.stringify({ text: 'A'.repeat(Number(c.req.param('size'))) })));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port, serverOptions: serverOptions(limits) }) as Server;
  await once(server, 'listening');
  const stop = closeStalledAnswers(server, limits);
  const closed: number[] = [];
  server.on('connection', (socket: Socket) => socket.once('close', () => closed.push(Date.now())));
  return {
    port,
    closed,
    close: async () => {
      stop();
      server.close();
      server.closeAllConnections();
      await once(server, 'close');
    },
  };
}

/** A request for a JSON answer a little over `size` bytes. */
const bigAnswerRequest = (port: number, size: number): string => `GET /big/${size} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** When the socket closes (events.once would reject on the reset that comes first). */
const closeOf = (socket: Socket) => new Promise((resolve) => socket.once('close', resolve));

let running: Awaited<ReturnType<typeof startGuarded>> | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});
afterAll(stopAll);

describe('clients too slow to serve', () => {
  it('closes a connection whose headers trickle in past the header time limit', async () => {
    running = await startGuarded();
    const socket = connect(running.port, '127.0.0.1');
    await once(socket, 'connect');
    const started = Date.now();
    socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\n`);
    socket.on('error', () => undefined);
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
    await closeOf(socket);
    clearInterval(trickle);
    const after = Date.now() - started;
    expect(after).toBeGreaterThanOrEqual(LIMITS.headersMs - 50);
    // The upper bound leaves a loaded machine room; Node's default would have kept the connection 60 s or more.
    expect(after).toBeLessThan(LIMITS.headersMs + 3 * LIMITS.checkEveryMs + 8000);
  });

  it('abandons a large answer the client never reads, and closes its connection', async () => {
    running = await startGuarded();
    const socket = connect(running.port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    // 8 MB of answer, more than the sockets' buffers hold: the server's writes stop when the client stops reading.
    socket.write(bigAnswerRequest(running.port, 8_000_000));
    socket.pause();
    const started = Date.now();
    for (let i = 0; i < 200 && running.closed.length === 0; i++) await sleep(100);
    // Before, the server kept the connection, and the answer in memory, for as long as the client stayed.
    expect(running.closed).toHaveLength(1);
    expect(running.closed[0]! - started).toBeLessThan(LIMITS.stallMs + 3 * LIMITS.checkEveryMs + 15_000);
    socket.destroy();
  }, 45_000);

  it('gives a client that reads slowly but steadily the whole answer, however long it takes past the stall limit', async () => {
    // The connection is kept idle long enough for the client to read what the buffers hold after the last write; the
    // stall limit is 3 s here, fifty times the client's pause, so that a loaded machine does not make it look stalled.
    const limits = { ...LIMITS, keepAliveMs: 30_000, stallMs: 3000 };
    running = await startGuarded(limits);
    const socket = connect(running.port, '127.0.0.1');
    await once(socket, 'connect');
    // 12 MB of answer, read a socket read at a time with 60 ms between: about 8 s, against a stall limit of 3 s (the
    // sockets' buffers take the first few megabytes at once). Written whole, the answer made no progress the server
    // could see until the client had read all but what the buffers held, and was cut off.
    socket.write(bigAnswerRequest(running.port, 12_000_000));
    const started = Date.now();
    let head = '';
    let received = 0;
    let expected = Infinity;
    await new Promise<void>((resolve, reject) => {
      const slow = new Writable({
        write(chunk: Buffer, _encoding, next) {
          received += chunk.byteLength;
          if (expected === Infinity) {
            head += chunk.toString('latin1');
            const end = head.indexOf('\r\n\r\n');
            const length = /content-length: (\d+)/i.exec(head)?.[1];
            if (end >= 0 && length) expected = end + 4 + Number(length);
          }
          if (received >= expected) resolve();
          setTimeout(next, 60);
        },
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
      socket.pipe(slow);
    });
    expect(head).toMatch(/^HTTP\/1.1 200/);
    expect(received).toBe(expected);
    expect(expected).toBeGreaterThan(12_000_000);
    const finished = Date.now();
    expect(finished - started).toBeGreaterThan(2 * limits.stallMs);
    // Not cut off: the server closed nothing before the answer was all there.
    expect(running.closed.filter((at) => at < finished)).toEqual([]);
    socket.destroy();
  }, 60_000);

  it('logs no internal error for a client whose request body breaks off (it went away; nothing went wrong inside)', async () => {
    running = await startGuarded();
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      for (const body of ['zz\r\n{}', '2\r\n{']) {
        const socket = connect(running.port, '127.0.0.1');
        socket.on('error', () => undefined);
        await once(socket, 'connect');
        socket.write(
          `POST /api/v1/list-cases HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/json\r\n` +
            `Transfer-Encoding: chunked\r\n\r\n${body}`,
        );
        await sleep(300);
        socket.destroy();
        await sleep(300);
      }
    } finally {
      process.stderr.write = write;
    }
    // Before, each was "reckoner: internal error on POST /api/v1/list-cases: Error" (the body's read, aborted).
    expect(written.filter((line) => line.includes('internal error'))).toEqual([]);
  });

  it('bin/reckoner serve closes a connection whose headers trickle in within 20 s (Node’s default let it stay 60–90 s)', async () => {
    const port = await freePort();
    const child = spawnReckoner(['serve', '--port', String(port)], {
      env: { ...process.env, RECKONER_DATA_DIR: join(tmpdir(), 'reckoner-slow-clients-unused') },
    });
    await waitForStderr(child, /listening on/);
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    const started = Date.now();
    socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 2000);
    await Promise.race([closeOf(socket), sleep(40_000)]);
    clearInterval(trickle);
    const after = Date.now() - started;
    socket.destroy();
    expect(after).toBeGreaterThanOrEqual(19_000);
    expect(after).toBeLessThan(30_000);
  }, 60_000);
});
