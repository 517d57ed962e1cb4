/**
 * Running Reckoner shared (issue 11), tried as an attacker would against real servers on loopback: tokens that
 * name a principal and its organisation, checked in constant time and refused when short or missing; no open server
 * on an address others can reach without saying so; the headers that keep case data out of caches; text no record
 * should hold; one money bound; errors that never grow with the input.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { authenticate, readTokens, TokenConfigError } from '../../server/auth.ts';
import { createApp, NO_AUTH_WARNING } from '../../server/http.ts';
import { exited, freePort, spawnReckoner, stopAll, validInput, waitForStderr } from './helpers.ts';

const SECRET_A = 'a-secret-for-acme-0123456789abcdefXYZ';
const SECRET_B = 'a-secret-for-bravo-0123456789abcdefXY';
const TOKENS = [`acme:alice:${SECRET_A}`, `bravo:bob:${SECRET_B}`];
const BASE = 'http://127.0.0.1:8787';

afterEach(stopAll);
afterAll(stopAll);

describe('tokens name a principal and an organisation', () => {
  test('each entry is organisation:principal:secret; only hashes are kept; a token finds its principal', () => {
    const entries = readTokens(TOKENS.join(','))!;
    expect(entries.map((e) => e.principal)).toEqual([
      { id: 'alice', organisation: 'acme' },
      { id: 'bob', organisation: 'bravo' },
    ]);
    // What is kept is a 32-byte hash, not the secret.
    expect(entries.every((e) => e.hash.length === 32 && !e.hash.toString('utf8').includes('secret'))).toBe(true);
    expect(authenticate(entries, TOKENS[1]!)).toEqual({ id: 'bob', organisation: 'bravo' });
    expect(authenticate(entries, SECRET_A)).toEqual({ id: 'alice', organisation: 'acme' });
    // The right secret under another name is refused: the token says who it is.
    expect(authenticate(entries, `bravo:alice:${SECRET_A}`)).toBeUndefined();
    expect(authenticate(entries, 'wrong')).toBeUndefined();
  });

  test.each([
    [' , ', /RECKONER_API_TOKENS is set but holds no token/],
    ['s3cret', /RECKONER_API_TOKENS entry 1 is not organisation:principal:secret/],
    ['acme:alice:tiny-s3cret', /entry 1 \(acme:alice\): the secret is shorter than 32 characters/],
    [`acme:alice:${SECRET_A},acme:ann:${SECRET_A}`, /entry 2 \(acme:ann\) repeats another entry's secret/],
    [`ac me:alice:${SECRET_A}`, /entry 1: the organisation must be/],
    [`acme:alice:${SECRET_A},LOCAL:eve:${SECRET_B}`, /entry 2: the organisation "LOCAL" is reserved for cases made without a token/],
  ])('%j is refused, naming the variable and the entry, never quoting a secret', (value, message) => {
    let error: unknown;
    try {
      readTokens(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TokenConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(SECRET_A);
    expect((error as Error).message).not.toContain('tiny-s3cret');
  });
});

describe('a server others can reach', () => {
  test('refuses to start on 0.0.0.0 without tokens, saying what to do', async () => {
    const child = spawnReckoner(['serve', '--host', '0.0.0.0', '--port', String(await freePort())], {
      env: { ...process.env, RECKONER_API_TOKENS: '', RECKONER_DATA_DIR: '/nonexistent-never-opened' },
    });
    const stderr = waitForStderr(child, /needs RECKONER_API_TOKENS[^\n]*--insecure-no-auth/);
    await expect(stderr).resolves.toBeTruthy();
    expect(await exited(child)).toBe(2);
  });

  test('RECKONER_API_TOKENS=" , " stops the server instead of turning authentication off', async () => {
    const child = spawnReckoner(['serve', '--port', String(await freePort())], { env: { ...process.env, RECKONER_API_TOKENS: ' , ' } });
    await waitForStderr(child, /RECKONER_API_TOKENS is set but holds no token/).catch(() => undefined);
    expect(await exited(child)).toBe(2);
  });

  test('with --insecure-no-auth it starts, warns at start and on every response', async () => {
    const port = await freePort();
    const child = spawnReckoner(['serve', '--host', '0.0.0.0', '--port', String(port), '--insecure-no-auth'], {
      env: { ...process.env, RECKONER_API_TOKENS: '' },
    });
    await waitForStderr(child, /WARNING — no authentication/);
    await waitForStderr(child, /listening on/);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-reckoner-warning')).toMatch(/^no authentication/);
  });
});

describe('every API and MCP response', () => {
  const app = createApp({ host: '127.0.0.1', port: 8787 });
  const post = (path: string, body: unknown) =>
    app.request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('carries no-store and nosniff, answers and errors alike', async () => {
    for (const response of [
      await post('/api/v1/calculate-maintenance', validInput()),
      await post('/api/v1/calculate-maintenance', {}),
      await post('/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      await app.request(`${BASE}/api/v1/nowhere`, { method: 'POST', body: '{}' }),
      // A tool route's answer is made with its headers; its refusals, by the Host guard, the body limit, the method
      // or the tool, get them afterwards.
      await app.request(`${BASE}/api/v1/calculate-maintenance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: 'evil.example' },
        body: JSON.stringify(validInput()),
      }),
      await app.request(`${BASE}/api/v1/calculate-maintenance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
        body: JSON.stringify(validInput()),
      }),
      await app.request(`${BASE}/api/v1/calculate-maintenance`, { method: 'GET' }),
      await post('/api/v1/calculate-maintenance', { ...validInput(), date: '2026-02-30' }),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test("a tool route's answer and its refusals carry the warning when the server is open to all", async () => {
    const open = createApp({ host: '127.0.0.1', port: 8787, insecureNoAuth: true });
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      open.request(`${BASE}/api/v1/calculate-maintenance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const answered = await send(validInput());
    const refused = await send({});
    const foreign = await send(validInput(), { host: 'evil.example' });
    expect([answered.status, refused.status, foreign.status]).toEqual([200, 400, 403]);
    for (const response of [answered, refused, foreign]) {
      expect(response.headers.get('x-reckoner-warning')).toBe(NO_AUTH_WARNING);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  test('a NUL character or half a surrogate pair is refused with the field, not a 500', async () => {
    const nul = await post('/api/v1/create-case', { title: 'Smith\u0000v Smith', side: 'paying' });
    expect(nul.status).toBe(400);
    expect(await nul.json()).toMatchObject({
      error: { code: 'invalid_input', details: [{ field: 'title', message: expect.stringMatching(/NUL/) }] },
    });
    const broken = await post('/api/v1/reconcile-ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 10 }], asOf: '2024-02-01' },
      side: 'paying',
      bankTransactions: [{ date: '2024-01-01', amount: '10.00', direction: 'out', description: 'CMS \ud800' }],
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      error: { details: [{ field: 'bankTransactions[0].description', message: expect.stringMatching(/surrogate/) }] },
    });
  });

  test('one money bound: 1e308 is refused by name, and 1e-7 is not called negative', async () => {
    const huge = await post('/api/v1/build-liability-schedule', {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 1e308 }],
      asOf: '2024-02-01',
    });
    expect(huge.status).toBe(400);
    const error = ((await huge.json()) as { error: { message: string } }).error;
    expect(error.message).toMatch(/^decisions\[0\]\.weeklyAmount: .*too large/);
    expect(error.message).not.toMatch(/e\+308\.00/);
    const tiny = await post('/api/v1/build-liability-schedule', {
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 1e-7 }],
      asOf: '2024-02-01',
    });
    // 0.0000001 a week rounds to £0.00: a schedule of nothing, not "must not be negative".
    expect(tiny.status).toBe(200);
  });

  test('an error never grows with the input: at most 20 problems, each at most 500 characters', async () => {
    const rows = Array.from({ length: 3000 }, () => ({ date: 'x'.repeat(200), amount: 'lots', direction: 'sideways' }));
    const response = await post('/api/v1/reconcile-ledger', {
      schedule: { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: 10 }], asOf: '2024-02-01' },
      side: 'paying',
      bankTransactions: rows,
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { error: { details: { message: string }[]; message: string } };
    expect(body.error.details.length).toBeLessThanOrEqual(20);
    expect(body.error.details.every((d) => d.message.length <= 500)).toBe(true);
    expect(text.length).toBeLessThan(30_000);
  });
});
