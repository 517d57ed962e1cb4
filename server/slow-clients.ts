/**
 * Clients too slow to serve: the HTTP server's own time limits, and answers given in pieces so that a client that
 * stops reading is seen and let go.
 *
 * - A request's headers must all arrive within {@link HTTP_LIMITS}.headersMs of the connection (or of the request
 *   before it) and the whole request within `requestMs`; Node checks every `checkEveryMs`. Node's defaults were in
 *   force (60 s for headers, checked every 30 s): a security probe trickling a header line every 5 s held its
 *   connection 95 s.
 * - An answer a client accepts nothing of for `stallMs` is abandoned and its connection closed (as nginx's
 *   `send_timeout`), so the memory it holds is freed. Nothing bounded it: a probe's six clients that asked for a
 *   60 MB case export and never read held 1 GB of the server's memory for as long as they stayed connected.
 *   A large answer is written in pieces of {@link WRITE_PIECE_BYTES}, each written once the last was taken: written
 *   whole, a slow reader and one that never reads look alike (Node hears of a write only once all of it has gone).
 * @module
 */
import type { Context } from 'hono';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export const HTTP_LIMITS = {
  /** Every header of a request within this of its connection or the request before it (Node's default 60 s). */
  headersMs: 20_000,
  /** The whole request, its body too (Node's default, said here): a 64 MiB case export at 2 Mbit/s takes 270 s. */
  requestMs: 300_000,
  /** An idle connection between requests is closed after this (Node's default). */
  keepAliveMs: 5_000,
  /** How often Node looks for requests past their time, and this module for answers that stall. */
  checkEveryMs: 5_000,
  /** An answer of which the client takes nothing for this long is abandoned, its connection closed. */
  stallMs: 60_000,
} as const;

export type HttpLimits = { readonly [K in keyof typeof HTTP_LIMITS]: number };

/** The largest piece an answer is written in; a body larger than {@link PIECES_ABOVE_BYTES} goes in such pieces. */
export const WRITE_PIECE_BYTES = 64 * 1024;
/** Bodies up to this are written whole, as before (most answers are a few kilobytes). */
export const PIECES_ABOVE_BYTES = 1024 * 1024;

/** Node's HTTP server options for these limits (given to @hono/node-server's `serve` as `serverOptions`). */
export function serverOptions(limits: HttpLimits = HTTP_LIMITS) {
  return {
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    connectionsCheckingInterval: limits.checkEveryMs,
  };
}

/** Bytes as a stream of pieces of at most {@link WRITE_PIECE_BYTES} (views, not copies), each given when asked for. */
export function inPieces(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.byteLength) {
          controller.close();
          return;
        }
        const end = Math.min(at + WRITE_PIECE_BYTES, bytes.byteLength);
        controller.enqueue(bytes.subarray(at, end));
        at = end;
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A JSON answer (its text): written whole when it is small, in pieces when it is large ({@link inPieces}), with its
 * length said either way.
 */
export function jsonAnswer(c: Context, text: string): Response {
  if (text.length <= PIECES_ABOVE_BYTES) return c.body(text, 200, { 'Content-Type': 'application/json' });
  const bytes = Buffer.from(text, 'utf8');
  return c.body(inPieces(bytes), 200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.byteLength) });
}

/** A response of another's making (the MCP transport's) with its body cut into pieces ({@link cutIntoPieces}). */
export function answerInPieces(response: Response): Response {
  if (!response.body) return response;
  return new Response(cutIntoPieces(response.body), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** A stream with every chunk larger than {@link WRITE_PIECE_BYTES} cut into such pieces (an SSE event holding a whole result). */
export function cutIntoPieces(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        for (let at = 0; at < chunk.byteLength; at += WRITE_PIECE_BYTES) {
          controller.enqueue(chunk.subarray(at, Math.min(at + WRITE_PIECE_BYTES, chunk.byteLength)));
        }
      },
    }),
  );
}

/**
 * Closes every connection whose answer has stalled: data waits to be written and none of it has been taken for
 * `stallMs`. Returns the function that stops watching (the timer does not keep the process alive).
 */
export function closeStalledAnswers(server: Server, limits: Pick<HttpLimits, 'stallMs' | 'checkEveryMs'> = HTTP_LIMITS): () => void {
  const watched = new Map<Socket, { sent: number; since: number }>();
  server.on('connection', (socket: Socket) => {
    watched.set(socket, { sent: 0, since: Date.now() });
    socket.once('close', () => watched.delete(socket));
  });
  const timer = setInterval(
    () => {
      const now = Date.now();
      for (const [socket, seen] of watched) {
        // What has left for the network: written, less what still waits to be.
        const sent = socket.bytesWritten - socket.writableLength;
        if (socket.writableLength === 0 || sent !== seen.sent) {
          seen.sent = sent;
          seen.since = now;
        } else if (now - seen.since >= limits.stallMs) {
          watched.delete(socket);
          socket.destroy();
        }
      }
    },
    Math.min(limits.checkEveryMs, limits.stallMs),
  );
  timer.unref();
  return () => clearInterval(timer);
}
