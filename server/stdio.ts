/**
 * MCP over stdio. Stdout carries JSON-RPC only; anything else goes to stderr.
 *
 * Two things sit between stdin and the SDK's transport:
 * - a line limiter: a message longer than the SDK's limit (10 MiB) would make the transport close, and
 *   the server exit without a word. Here such a line is dropped as it streams in (never held whole), and
 *   the client gets a JSON-RPC error that names the limit and says to send the file by `path` instead;
 *   the session goes on.
 * - the folders tools may use for local files (tools/local-files.ts): those listed in
 *   RECKONER_FILES_DIR and, when the client supports MCP roots, the roots it shares (asked for when
 *   first needed, and again after the client says they changed).
 * @module
 */
import { Transform, type TransformCallback } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/sdk/shared/stdio.js';
import { RootsListChangedNotificationSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { lazyStore } from '../store/open.ts';
import { FILES_DIR_VARIABLE, filesDirsFromEnv } from '../tools/local-files.ts';
import type { ToolContext } from '../tools/tool.ts';
import { createMcpServer } from './mcp.ts';
import type { CivilDate } from '../calc/dates.ts';
import { todayInUk } from './today.ts';
import { groupedCount } from '../calc/money.ts';

/** The most one JSON-RPC message may be over stdio, newline included: the SDK's own limit. */
export const MAX_MESSAGE_BYTES = STDIO_DEFAULT_MAX_BUFFER_SIZE;

/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;

const KEEP = 1024;

/** The id of a JSON-RPC request from the first and last kilobyte of its line, when it can be found. */
export function idOf(head: string, tail: string): string | number | null | undefined {
  const value = (text: string) => (text.startsWith('"') ? (JSON.parse(text) as string) : Number(text));
  const ID = String.raw`"id"\s*:\s*(-?\d{1,16}|"(?:[^"\\]|\\.){0,256}")`;
  const first = new RegExp(String.raw`^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?${ID}`).exec(head);
  if (first) return value(first[1]!);
  const last = new RegExp(String.raw`${ID}\s*\}\s*$`).exec(tail);
  if (last) return value(last[1]!);
  // A request (it has a method) whose id cannot be found gets an error with a null id; a notification none.
  return /"method"\s*:/.test(head) && /"id"\s*:/.test(head + tail) ? null : undefined;
}

/**
 * Passes whole lines of at most `limit` bytes through; a longer line is dropped as it arrives, keeping only
 * its first and last kilobyte, and `onTooLarge` is told its size and the id of the request it held.
 */
export class LineLimiter extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private dropping = false;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  constructor(
    private readonly limit: number,
    private readonly onTooLarge: (size: number, id: string | number | null | undefined) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline + 1;
      const piece = chunk.subarray(start, end);
      if (!this.dropping && this.size + piece.length > this.limit) {
        const sofar = Buffer.concat([...this.parts, piece]);
        this.head = Buffer.from(sofar.subarray(0, KEEP));
        this.tail = Buffer.from(sofar.subarray(Math.max(0, sofar.length - KEEP)));
        this.parts = [];
        this.dropping = true;
      } else if (this.dropping) {
        const joined = Buffer.concat([this.tail, piece]);
        this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - KEEP)));
      } else this.parts.push(piece);
      this.size += piece.length;
      if (newline >= 0) {
        if (this.dropping) this.onTooLarge(this.size, idOf(this.head.toString('utf8'), this.tail.toString('utf8')));
        else this.push(Buffer.concat(this.parts));
        this.parts = [];
        this.size = 0;
        this.dropping = false;
        this.head = this.tail = Buffer.alloc(0);
      }
      start = end;
    }
    done();
  }
}

/** The message for a line over the limit: the limit, and what to send instead. */
export function tooLargeMessage(size: number, limit = MAX_MESSAGE_BYTES): string {
  return (
    `The message is ${groupedCount(size)} bytes, more than the ${groupedCount(limit)} bytes ` +
    `(${Math.round(limit / 1024 / 1024)} MiB) one message to Reckoner over stdio may be, so it was not read. Send large documents ` +
    `by "path" instead of "contentBase64": the file must be in a folder listed in ${FILES_DIR_VARIABLE} or shared with Reckoner as an MCP root.`
  );
}

/** The folders the client shares as MCP roots, asked once and again after `notifications/roots/list_changed`. */
function clientRoots(server: ReturnType<typeof createMcpServer>): () => Promise<string[]> {
  let roots: Promise<string[]> | undefined;
  server.server.setNotificationHandler(RootsListChangedNotificationSchema, () => {
    roots = undefined;
  });
  return () => {
    if (!server.server.getClientCapabilities()?.roots) return Promise.resolve([]);
    roots ??= server.server.listRoots(undefined, { timeout: 10_000 }).then(
      (result) =>
        result.roots.flatMap((root) => {
          try {
            return root.uri.startsWith('file:') ? [fileURLToPath(root.uri)] : [];
          } catch {
            return [];
          }
        }),
      () => {
        roots = undefined; // asked again next time
        return [];
      },
    );
    return roots;
  };
}

/** Runs MCP over stdio; `today` gives the day the tools work on (see {@link serverDay}). */
export async function runStdio(today: () => CivilDate = () => todayInUk()): Promise<void> {
  // The store opens on the first case tool call, so a calculation never waits for a database.
  const lazy = lazyStore();
  // A PostgreSQL connection closed under a write must not end the session (server/postgres-guard.ts): the call on it
  // fails, and the next case call opens a fresh pool. Loaded only with PostgreSQL (the embedded store has no sockets).
  if (process.env.DATABASE_URL?.trim()) (await import('./postgres-guard.ts')).keepServingAfterPostgresWriteAfterClose(lazy.reopen);
  let rootDirs: () => Promise<string[]> = async () => [];
  const allowedDirs = async (): Promise<string[]> => [...filesDirsFromEnv(), ...(await rootDirs())];
  // The client runs on this machine, so tools may read and write files by path, in the folders allowed.
  const context = (): ToolContext => ({ today: today(), localFiles: true, store: lazy.store, allowedDirs });
  const server = createMcpServer({ store: lazy.store, context });
  rootDirs = clientRoots(server);
  // The limiter keeps every line the SDK sees within its limit; the SDK's buffer gets a little room over it.
  const limiter = new LineLimiter(MAX_MESSAGE_BYTES, (size, id) => {
    if (id === undefined) {
      process.stderr.write(`reckoner: dropped a ${size}-byte notification, over the ${MAX_MESSAGE_BYTES}-byte limit\n`);
      return;
    }
    const error = { code: INVALID_REQUEST, message: tooLargeMessage(size), data: { limitBytes: MAX_MESSAGE_BYTES, messageBytes: size } };
    // JSON-RPC 2.0 §5: an error whose request's id cannot be read carries a null id.
    void transport.send({ jsonrpc: '2.0', id, error } as JSONRPCMessage);
  });
  const transport = new StdioServerTransport(limiter, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES + 64 * 1024 });
  process.stdin.pipe(limiter);
  await server.connect(transport);
  const stop = async (): Promise<void> => {
    await server.close();
    await lazy.close();
  };
  process.stdin.on('end', () => void stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop().finally(() => process.exit(0)));
}
