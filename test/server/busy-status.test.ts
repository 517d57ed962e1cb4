/**
 * The document reader's "busy, try again" refusals (statements/worker/pool.ts) are answered 503 with Retry-After,
 * not 413 `too_large` as if the request were too large: a client should send the same request again later. A
 * document that really is too large keeps its 413. The errors are the pool's own ParseErrors, with its words.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BUSY_RETRY_AFTER_SECONDS, errorResponse } from '../../server/errors.ts';
import { ParseError } from '../../statements/types.ts';
import { toFailure } from '../../tools/tool.ts';

const BUSY = [
  'Reckoner is already reading 2 documents, the most it reads at once, and 8 more are waiting; try again in a minute.',
  'Your organisation already has 4 documents waiting to be read, the most one organisation may have waiting on this server; try again when they are done.',
  'Reckoner was busy reading other documents for 60 seconds, the most a document may wait; try again in a minute.',
];

async function answer(error: unknown): Promise<Response> {
  const app = new Hono();
  app.post('/x', (c) => errorResponse(c, toFailure(error)));
  return app.request('/x', { method: 'POST' });
}

describe('a busy document reader', () => {
  it.each(BUSY)('is 503 with Retry-After: %s', async (message) => {
    const response = await answer(new ParseError('too_large', message));
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe(String(BUSY_RETRY_AFTER_SECONDS));
    expect(await response.json()).toMatchObject({ error: { code: 'too_large', details: [{ field: 'document', message }] } });
  });

  it('leaves a document that is too large at 413', async () => {
    const response = await answer(new ParseError('too_large', 'The document is 30 bytes; at most 20 bytes can be read. Split it.'));
    expect(response.status).toBe(413);
    expect(response.headers.get('Retry-After')).toBeNull();
  });
});
