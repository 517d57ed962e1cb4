/**
 * calculate_maintenance with `scheme: "2003"` (issue 16, item 2): routed to the 2003-scheme calculator, in the 2012
 * result's shape with netWeeklyIncome; gross income refused with a message that asks for net income; the 2003
 * scheme's own fields refused on the 2012 path. Figures are worked in test/calc/scheme-2003/golden.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { calculateMaintenanceTool } from '../../tools/calculate-maintenance.ts';
import { startHttp, type RunningHttp } from './helpers.ts';

const context = { today: '2026-04-06' as const };
const run = (input: unknown) => calculateMaintenanceTool.run(input, context);

describe('calculate_maintenance, scheme "2003"', () => {
  test('the JH v SSWP figure: £1,180 net, one child, 160 nights → £101.14, with netWeeklyIncome and a cited trace', async () => {
    const { output, summary } = await run({
      scheme: '2003',
      date: '2010-06-01',
      payingParent: { netWeeklyIncome: 1180 },
      receivingParents: [{ children: [{ nightsPerYear: 160 }] }],
    });
    expect(output).toMatchObject({
      scheme: '2003',
      rate: 'basic',
      grossWeeklyIncome: null,
      netWeeklyIncome: '1180.00',
      weeklyAmount: '101.14',
      receivingParents: [{ weeklyAmount: '101.14', sharedCareFraction: '3/7' }],
      // 101.14 × 52 ÷ 12 = 438.2733… → £438.27.
      perFrequency: { weekly: '101.14', monthly: '438.27' },
    });
    const trace = output['trace'] as { citation: string }[];
    expect(trace.every((s) => s.citation.length > 10)).toBe(true);
    expect(summary).toContain('2003 scheme, on net weekly income of £1,180.00');
  });

  test('gross income is refused, saying the 2003 scheme needs net weekly income', async () => {
    await expect(
      run({ scheme: '2003', date: '2010-06-01', payingParent: { grossWeeklyIncome: 500 }, receivingParents: [{ children: [{}] }] }),
    ).rejects.toThrow(/payingParent\.grossWeeklyIncome.*NET weekly income, not gross/s);
  });

  test('the date must be given: the 2003 scheme is closed, so it cannot default to today', async () => {
    await expect(run({ scheme: '2003', payingParent: { netWeeklyIncome: 300 }, receivingParents: [{ children: [{}] }] })).rejects.toThrow(
      /date.*cannot default to today/s,
    );
  });

  test("the 2012 path refuses the 2003 scheme's own fields, naming the scheme they belong to", async () => {
    await expect(run({ payingParent: { netWeeklyIncome: 300 }, receivingParents: [{ children: [{}] }] })).rejects.toThrow(/scheme "2003"/);
    await expect(
      run({ scheme: '2012', payingParent: { nilRateReason: 'student' }, receivingParents: [{ children: [{}] }] }),
    ).rejects.toThrow(/only under the 2003 scheme/);
  });

  test('a misspelt field is still refused (the 2003 fields extend the strict 2012 shape)', async () => {
    await expect(
      run({ scheme: '2003', date: '2010-06-01', payingParent: { netWeeklyIncom: 300 }, receivingParents: [{ children: [{}] }] }),
    ).rejects.toThrow(/netWeeklyIncom is not a field here; did you mean netWeeklyIncome/);
  });

  test('the 2012 path is unchanged: scheme absent or "2012" gives the 2012 result', async () => {
    const input = {
      date: '2026-04-06',
      payingParent: { grossWeeklyIncome: '500' },
      receivingParents: [{ children: [{ nightsPerYear: 52 }] }],
    };
    const a = await run(input);
    const b = await run({ ...input, scheme: '2012' });
    expect(a.output).toEqual(b.output);
    expect(a.output).toMatchObject({ scheme: '2012', weeklyAmount: '51.43', grossWeeklyIncome: '500.00' });
    expect(a.output).not.toHaveProperty('netWeeklyIncome');
  });
});

describe('POST /api/v1/calculate-maintenance, scheme "2003"', () => {
  let http: RunningHttp;
  beforeAll(async () => {
    http = await startHttp();
  });
  afterAll(async () => {
    await http?.close();
  });
  const post = async (body: unknown) => {
    const response = await fetch(`${http.origin}/api/v1/calculate-maintenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };

  test('a reduced rate with shared care, as JSON', async () => {
    // 5 + (150 − 100) × 25% = 17.50 → £18 (reg 3; reg 2(3)); 175 nights: 9.00 − £7 = 2.00 → the £5 minimum (para 7(7)).
    const { status, json } = await post({
      scheme: '2003',
      date: '2005-01-10',
      payingParent: { netWeeklyIncome: '150' },
      receivingParents: [{ children: [{ nightsPerYear: 175 }] }],
    });
    expect(status).toBe(200);
    expect({ rate: json.rate, weekly: json.weeklyAmount, net: json.netWeeklyIncome }).toEqual({
      rate: 'reduced',
      weekly: '5.00',
      net: '150.00',
    });
    expect(json.trace.map((s: { step: string }) => s.step)).toContain('shared_care_floor');
  });

  test('gross income: 400 with the net-income message on the field', async () => {
    const { status, json } = await post({
      scheme: '2003',
      date: '2005-01-10',
      payingParent: { income: { amount: 30000, period: 'year' } },
      receivingParents: [{ children: [{}] }],
    });
    expect(status).toBe(400);
    expect(json.error.code).toBe('invalid_input');
    expect(json.error.details[0].field).toBe('payingParent.income');
    expect(json.error.details[0].message).toContain('NET weekly income');
  });

  test('a date before the 2003 scheme: unsupported, saying when it began', async () => {
    const { status, json } = await post({
      scheme: '2003',
      date: '2003-03-02',
      payingParent: { netWeeklyIncome: '300' },
      receivingParents: [{ children: [{}] }],
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(json.error.message).toContain('3 March 2003');
  });
});
