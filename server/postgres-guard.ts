/**
 * Keeps `reckoner serve` and `reckoner mcp` (stdio) up when PostgreSQL drops a connection under a write. postgres.js
 * 3.4.9 (and 3.4.10) can schedule a write (setImmediate) that runs after the connection has closed and its socket is
 * gone; the write then throws `TypeError: Cannot read properties of null (reading 'write')` from `nextWrite` in its
 * connection.js, outside any query, so no caller can catch it and the whole process exits (over stdio, the client's
 * whole session with it) (porsager/postgres issues #1066, #1154, #1208;
 * fixes proposed in pull requests #1168 and #1209, not released). A probe terminated the backend of an import
 * (pg_terminate_backend, as a restart or a failover does) and took the server down for every organisation.
 *
 * Only that error, thrown from there, is caught: the request it belonged to has already been answered with a
 * failure (its query was rejected when the connection closed), and the connection it ran on is left unable to
 * write again (the write it dropped stays buffered), so the pool is replaced (`reopen`): the next case call opens
 * a fresh one. Any other uncaught error still ends the process, as Node would. The line logged names the fault,
 * never the error's text or anything a query carried (case data).
 * @module
 */

/** Whether `error` is postgres.js's write to a connection that has closed (nothing else). */
export function isPostgresWriteAfterClose(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (error.message !== "Cannot read properties of null (reading 'write')") return false;
  // The frame that threw: nextWrite, in postgres.js's connection module (ESM src/ or its CommonJS build cjs/src/).
  const top = (error.stack ?? '').split('\n').find((line) => line.trimStart().startsWith('at '));
  return top !== undefined && /\bnextWrite\b/.test(top) && /[\\/]postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js:/.test(top);
}

/** The line `serve` logs when it keeps going after {@link isPostgresWriteAfterClose}. */
export const POSTGRES_WRITE_AFTER_CLOSE =
  'reckoner: a PostgreSQL connection closed while a write was queued on it (a known postgres.js fault); ' +
  'the request on it failed and nothing of it was saved; the case store reconnects on the next call';

/**
 * Installs the handler for the life of the process: {@link isPostgresWriteAfterClose} is logged and `reopen` called;
 * any other uncaught error (or unhandled rejection) is printed and ends the process with code 1, as without it.
 */
export function keepServingAfterPostgresWriteAfterClose(
  reopen: () => void,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): void {
  process.on('uncaughtException', (error, origin) => {
    if (origin === 'uncaughtException' && isPostgresWriteAfterClose(error)) {
      log(POSTGRES_WRITE_AFTER_CLOSE);
      reopen();
      return;
    }
    // What Node prints for an uncaught error, then its exit code.
    process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n\nNode.js ${process.version}\n`);
    process.exit(1);
  });
}
