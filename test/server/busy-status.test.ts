/**
 * The document reader's "busy, try again" refusals (statements/worker/pool.ts) are answered 503 with Retry-After,
 * not 413 `too_large` as if the request were too large: a client should send the same request again later. They are
 * told by the mark the reader puts on them (ReaderBusyError), carried to the failure (server/errors.ts failureOf),
 * never by their words: a document that really is too large keeps its 413 whatever its message says. The refusals
 * here are a real pool's, made busy by a document it is still reading.
 */
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_RETRY_AFTER_SECONDS, errorResponse, failureOf, isBusy } from '../../server/errors.ts';
import { ParsePool, ReaderBusyError } from '../../statements/worker/pool.ts';
import { ParseError } from '../../statements/types.ts';
import { failure } from '../../tools/tool.ts';

const CSV = new TextEncoder().encode('Date,Description,Amount\n01/02/2024,CMS,-10.00\n');

async function answer(error: unknown): Promise<Response> {
  const app = new Hono();
  app.post('/x', (c) => errorResponse(c, failureOf(error)));
  return app.request('/x', { method: 'POST' });
}

/** What `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('it was not refused');
    },
    (error: unknown) => error,
  );
}

let pool: ParsePool | undefined;
/** Stops the document each busy pool is reading. */
let reading = new AbortController();
afterEach(async () => {
  reading.abort();
  reading = new AbortController();
  await pool?.close();
  pool = undefined;
});

/** A pool reading one document (its only worker busy with it), the document's promise kept from failing the test. */
function busyPool(maxQueue: number): ParsePool {
  pool = new ParsePool({ size: 1, maxQueue });
  void pool.parse({ bytes: CSV, filename: 'a.csv' }, {}, reading.signal, 'acme').catch(() => undefined);
  return pool;
}

describe('a busy document reader', () => {
  it('is 503 with Retry-After when its queue is full', async () => {
    const error = await rejection(busyPool(0).parse({ bytes: CSV, filename: 'b.csv' }));
    expect(error).toBeInstanceOf(ReaderBusyError);
    const response = await answer(error);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(await response.json()).toMatchObject({
      error: {
        code: 'too_large',
        details: [{ field: 'document', message: expect.stringMatching(/^Reckoner is already reading 1 document/) }],
      },
    });
  });

  it("is 503 when an organisation's share of the queue is full", async () => {
    const busy = busyPool(2);
    void busy.parse({ bytes: CSV, filename: 'b.csv' }, {}, reading.signal, 'acme').catch(() => undefined);
    const error = await rejection(busy.parse({ bytes: CSV, filename: 'c.csv' }, {}, undefined, 'acme'));
    const response = await answer(error);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { details: [{ message: expect.stringMatching(/^Your organisation already has 1 document waiting/) }] },
    });
  });

  it('keeps its mark when a caller rewrites the error for its own fields', async () => {
    const error = (await rejection(busyPool(0).parse({ bytes: CSV }))) as ReaderBusyError;
    const rewritten = error.withProblems((p) => ({ field: 'contentBase64', message: p.message }));
    expect(rewritten).not.toBeInstanceOf(ReaderBusyError);
    const failed = failureOf(rewritten);
    expect(isBusy(failed)).toBe(true);
    expect(failed.details).toEqual([{ field: 'contentBase64', message: error.message }]);
    expect((await answer(rewritten)).status).toBe(503);
  });
});

describe('not busy', () => {
  it("is 413 for a too_large error that has the reader's words but not its mark", async () => {
    for (const message of [
      'Reckoner is already reading 2 documents, the most it reads at once, and 8 more are waiting; try again in a minute.',
      'The spreadsheet says: "row 4 is too large; try again when they are done."',
    ]) {
      const response = await answer(new ParseError('too_large', message));
      expect(response.status, message).toBe(413);
      expect(response.headers.get('Retry-After')).toBeNull();
      expect(isBusy(failure('too_large', [{ field: 'document', message }]))).toBe(false);
    }
  });

  it('leaves a document that is too large at 413', async () => {
    const response = await answer(new ParseError('too_large', 'The document is 30 bytes; at most 20 bytes can be read. Split it.'));
    expect(response.status).toBe(413);
    expect(response.headers.get('Retry-After')).toBeNull();
  });
});
