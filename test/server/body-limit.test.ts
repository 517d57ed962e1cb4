/**
 * The body limit over a real socket (@hono/node-server, as `bin/reckoner serve` runs), for bodies sent the two ways
 * HTTP/1.1 clients send them: with a Content-Length (checked without reading the body) and chunked, with no length
 * (counted as it arrives). server/body-limit.ts.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHttp, validInput, type RunningHttp } from './helpers.ts';

const LIMIT = 2048;
let http: RunningHttp;

beforeAll(async () => {
  http = await startHttp({ maxBodyBytes: LIMIT });
});
afterAll(async () => {
  await http.close();
});

/** POSTs the body in the given pieces: with its Content-Length, or chunked (Node sends a body of unknown length so). */
function post(
  pieces: readonly string[],
  how: 'length' | 'chunked',
  route = '/api/v1/calculate-maintenance',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const whole = pieces.join('');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (how === 'length') headers['content-length'] = String(Buffer.byteLength(whole));
  return new Promise((resolve, reject) => {
    const req = request(`${http.origin}${route}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Record<string, unknown> }));
    });
    // A refused body may be answered before it is all sent; the answer is what is checked.
    req.on('error', reject);
    for (const piece of pieces) req.write(piece);
    req.end();
  });
}

/** The example input (£1,000 a week, two children) with a padding field that makes it exactly `bytes` long. */
function paddedTo(bytes: number): string {
  const withPadding = (padding: string) => JSON.stringify({ ...validInput(), payingParent: { grossWeeklyIncome: 1000, padding } });
  return withPadding('x'.repeat(bytes - Buffer.byteLength(withPadding(''))));
}

describe(`a ${LIMIT}-byte limit over a real socket`, () => {
  test.each(['length', 'chunked'] as const)('a body within it is calculated (%s)', async (how) => {
    const body = JSON.stringify(validInput());
    const { status, body: out } = await post([body.slice(0, 20), body.slice(20)], how);
    // CSA 1991 Sch 1 para 2(1): 800 × 16% + 200 × 12% = 128 + 24 = £152.
    expect(status, JSON.stringify(out)).toBe(200);
    expect(out).toMatchObject({ rate: 'basic_plus', weeklyAmount: '152.00' });
  });

  test.each(['length', 'chunked'] as const)('a body over it is refused as too_large, naming the limit (%s)', async (how) => {
    const body = paddedTo(LIMIT + 500);
    expect(Buffer.byteLength(body)).toBeGreaterThan(LIMIT);
    const { status, body: out } = await post([body.slice(0, 1000), body.slice(1000)], how);
    expect(status).toBe(413);
    expect(out).toMatchObject({ error: { code: 'too_large', message: expect.stringContaining(`${LIMIT} bytes`) } });
  });

  test('a body exactly at the limit is read, and refused only for what it says (padding is not a field)', async () => {
    const body = paddedTo(LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const { status, body: out } = await post([body], 'length');
    expect(status).toBe(400);
    expect(out).toMatchObject({ error: { code: 'invalid_input', details: [expect.objectContaining({ field: 'payingParent.padding' })] } });
  });

  test('a long dispute’s lines over it are refused saying what to do: several calls, or the rows kept in a case', async () => {
    // A probe sent 9,000 CMS lines in one add-cms-entries call (its schema takes 10,000) and was told only the limit.
    const line = { date: '2024-01-01', type: 'liability', amount: '100.00' };
    const body = JSON.stringify({ caseId: '00000000-0000-4000-8000-000000000000', entries: Array.from({ length: 60 }, () => line) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(LIMIT);
    const lines = await post([body], 'length', '/api/v1/add-cms-entries');
    expect(lines.status).toBe(413);
    expect(lines.body).toMatchObject({
      error: { code: 'too_large', message: expect.stringContaining(`${LIMIT} bytes this server accepts: send the lines in several calls`) },
    });
    const ledger = await post([body], 'length', '/api/v1/reconcile-ledger');
    expect(ledger.body).toMatchObject({
      error: { code: 'too_large', message: expect.stringContaining('keep the rows in a case instead') },
    });
  });
});
