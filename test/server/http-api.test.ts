/**
 * The JSON API in process, through Hono's `app.request`: the same JSON as the MCP tool, the public
 * error shape, and the guards (Host, Origin, body size, bearer tokens).
 */
import { describe, expect, test } from 'vitest';
import { createApp } from '../../server/http.ts';
import { calculateMaintenanceOutput } from '../../tools/calculate-maintenance.ts';
import { EXAMPLES, validInput } from './helpers.ts';

const BASE = 'http://127.0.0.1:8787';
const ROUTE = `${BASE}/api/v1/calculate-maintenance`;
const app = createApp({ host: '127.0.0.1', port: 8787 });

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function post(body: unknown, headers: Record<string, string> = {}, target = app): Promise<Response> {
  return Promise.resolve(
    target.request(ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function calculate(body: unknown) {
  const response = await post(body);
  const json = (await response.json()) as unknown;
  expect(response.status, JSON.stringify(json)).toBe(200);
  return calculateMaintenanceOutput.parse(json);
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody['error']> {
  const body = (await response.json()) as ErrorBody;
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

describe('POST /api/v1/calculate-maintenance: figures', () => {
  test('reduced rate: 2 children, 1 relevant other child, £173 a week', async () => {
    const out = await calculate(EXAMPLES.reducedRate);
    // GOV.UK calculator test "example on p23" of the CMS leaflet: 7 + 73 × 21.2% = 22.476 → £22.
    expect(out).toMatchObject({ rate: 'reduced', weeklyAmount: '22.00', date: '2026-04-06' });
  });

  test('basic plus: 2 children, £1,000 a week', async () => {
    const out = await calculate(EXAMPLES.basicPlus);
    // CSA 1991 Sch 1 para 2(1): 800 × 16% + 200 × 12% = 128 + 24 = £152.
    expect(out).toMatchObject({ rate: 'basic_plus', weeklyAmount: '152.00' });
  });

  test('annual income, with money sent as a string', async () => {
    const out = await calculate({ ...EXAMPLES.annualIncome, payingParent: { income: { amount: '30000.00', period: 'year' } } });
    // CSMCR reg 35(1)(c): 30,000 ÷ 365 × 7 = 575.342 → £575.34; × 16% = 92.05 → £92 (reg 6).
    expect(out).toMatchObject({ grossWeeklyIncome: '575.34', weeklyAmount: '92.00' });
  });

  test('two receiving parents with shared care', async () => {
    const out = await calculate(EXAMPLES.twoReceivingParents);
    // Basic 600 × 19% = £114; para 6 shares 76 / 38.
    // A: 76 × (1 − 1/4) = 57, less £7 for the child with 175+ nights (para 7(6)) = £50.
    // B: 38 × (1 − 2/7) = 27.142… → £27.14 (para 7(4)).
    expect(out.receivingParents.map((rp) => [rp.id, rp.weeklyAmount])).toEqual([
      ['A', '50.00'],
      ['B', '27.14'],
    ]);
    // 50 + 27.14.
    expect(out.weeklyAmount).toBe('77.14');
  });

  test('Collect and Pay fees', async () => {
    const out = await calculate(EXAMPLES.collectAndPay);
    // 500 × 12% = £60; 52 nights → 1/7: 60 × 6/7 = £51.43.
    expect(out.weeklyAmount).toBe('51.43');
    // Fees Regulations 2014 reg 7: 51.43 + 20% (10.29) = 61.72; 51.43 − 4% (2.06) = 49.37.
    expect(out.collectionCharges?.payingParent['weekly']).toMatchObject({ total: '61.72' });
    expect(out.collectionCharges?.receivingParents[0]?.perFrequency['weekly']).toMatchObject({ net: '49.37' });
  });
});

describe('POST /api/v1/calculate-maintenance: bad input', () => {
  const withPayer = (payingParent: Record<string, unknown>) => ({ ...validInput(), payingParent });
  const withChildren = (children: unknown[]) => ({ ...validInput(), receivingParents: [{ children }] });

  test.each([
    { name: 'negative income', body: withPayer({ grossWeeklyIncome: -5 }), field: 'payingParent.grossWeeklyIncome' },
    { name: '400 nights a year', body: withChildren([{ nightsPerYear: 400 }]), field: 'receivingParents[0].children[0].nightsPerYear' },
    { name: 'nights as a string', body: withChildren([{ nightsPerYear: '52' }]), field: 'receivingParents[0].children[0].nightsPerYear' },
    { name: 'no children', body: withChildren([]), field: 'receivingParents[0].children' },
    { name: 'no receiving parents', body: { ...validInput(), receivingParents: [] }, field: 'receivingParents' },
    { name: 'unknown top-level field', body: { ...validInput(), colour: 'blue' }, field: 'colour: colour is not a field here' },
    {
      name: 'unknown nested field',
      body: withPayer({ grossWeeklyIncome: 500, salary: 1 }),
      field: 'payingParent.salary: salary is not a field here',
    },
    { name: 'no income and no reason for none', body: withPayer({}), field: 'payingParent.income' },
  ])('$name → 400 invalid_input naming $field', async ({ body, field }) => {
    const error = await expectError(await post(body), 400, 'invalid_input');
    expect(error.message).toContain(field);
    expect(error.details).toBeDefined();
  });

  // Issue 13 item 5: an unknown field is named by its own path, with the fields known there (none is near "salary").
  test('an unknown nested field is named by its path, with the fields its parent has', async () => {
    const error = await expectError(await post(withPayer({ grossWeeklyIncome: 500, salary: 1 })), 400, 'invalid_input');
    expect(error.details).toEqual([
      {
        field: 'payingParent.salary',
        message:
          'salary is not a field here; remove it (the fields here are grossWeeklyIncome, income, pensionContributions, ' +
          'flatRateBenefit, nilRateReason, relevantOtherChildren, otherArrangementChildren, netWeeklyIncome)',
      },
    ]);
  });

  test('malformed JSON → 400 invalid_input', async () => {
    const error = await expectError(await post('{"date": "2026-04-06", '), 400, 'invalid_input');
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.details).toEqual([{ field: '(body)', message: expect.stringMatching(/not valid JSON/) }]);
  });

  test('GET on an API route → 405, saying to POST', async () => {
    const res = await app.request('http://127.0.0.1:8787/api/v1/calculate-maintenance');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/POST/);
  });

  test('zero additional income with a flat-rate benefit is no variation: flat £7', async () => {
    // Sch 1 para 4(1)(b): the flat rate; a variation of £0 changes nothing.
    const res = await post({
      date: '2026-04-06',
      payingParent: { flatRateBenefit: true },
      variations: { additionalIncomeWeekly: 0 },
      receivingParents: [{ children: [{}] }],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { weeklyAmount: string }).weeklyAmount).toBe('7.00');
  });

  test('a body that is not an object → 400 invalid_input', async () => {
    await expectError(await post([1, 2]), 400, 'invalid_input');
  });

  test('a date outside the coded law → 422 unsupported', async () => {
    const error = await expectError(await post({ ...validInput(), date: '2010-01-01' }), 422, 'unsupported');
    expect(error.message).toMatch(/^date: 2010-01-01 is outside/);
    expect(error.details).toEqual([{ field: 'date', message: expect.stringContaining('2010-01-01') }]);
  });
});

describe('guards and routes', () => {
  test('a Host header naming another site is refused', async () => {
    await expectError(await post(validInput(), { host: 'evil.example' }), 403, 'forbidden');
    await expectError(await app.request('http://evil.example/healthz'), 403, 'forbidden');
  });

  test('other loopback names for this port are accepted', async () => {
    expect((await post(validInput(), { host: 'localhost:8787' })).status).toBe(200);
  });

  test('an Origin of another site is refused; this server’s own origin is not', async () => {
    const error = await expectError(await post(validInput(), { origin: 'http://evil.example' }), 403, 'forbidden');
    expect(error.message).toContain('http://evil.example');
    expect((await post(validInput(), { origin: BASE })).status).toBe(200);
  });

  test('a body over 1 MiB → 413 too_large', async () => {
    const body = { ...validInput(), padding: 'x'.repeat(1024 * 1024) };
    await expectError(await post(body), 413, 'too_large');
  });

  test('an unknown route → 404 not_found', async () => {
    await expectError(await app.request(`${BASE}/api/v1/no-such-tool`, { method: 'POST', body: '{}' }), 404, 'not_found');
    await expectError(await app.request(`${BASE}/nowhere`), 404, 'not_found');
  });

  test('GET /healthz', async () => {
    const response = await app.request(`${BASE}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  test('GET /openapi.json describes the route', async () => {
    const response = await app.request(`${BASE}/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, { post?: unknown }> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.paths['/api/v1/calculate-maintenance']?.post).toBeDefined();
  });
});

describe('bearer tokens', () => {
  const secured = createApp({ host: '127.0.0.1', port: 8787, apiTokens: ['advice:alice:test-secret-0123456789abcdef0123'] });

  test('/api/* needs the token', async () => {
    await expectError(await post(validInput(), {}, secured), 401, 'unauthorized');
    await expectError(await post(validInput(), { authorization: 'Bearer wrong' }, secured), 401, 'unauthorized');
    const response = await post(validInput(), { authorization: 'Bearer advice:alice:test-secret-0123456789abcdef0123' }, secured);
    expect(response.status).toBe(200);
    // 800 × 16% + 200 × 12% = £152 (CSA 1991 Sch 1 para 2(1)).
    expect(await response.json()).toMatchObject({ weeklyAmount: '152.00' });
  });

  test('/healthz stays open', async () => {
    expect((await secured.request(`${BASE}/healthz`)).status).toBe(200);
  });
});

describe('an input nested far deeper than any Reckoner takes', () => {
  test('is refused as invalid input, naming the depth, not answered with an internal error', async () => {
    // 200,000 arrays deep with one escaped character (so the text check walks it): a security audit got a 500 and a
    // RangeError logged (the walk overflowed the stack).
    const deep = `${'['.repeat(200_000)}"\\u0041"${']'.repeat(200_000)}`;
    const error = await expectError(await post(deep), 400, 'invalid_input');
    expect(error.message).toMatch(/is nested more than 64 levels deep; no input Reckoner takes is$/);
  });
});
