/**
 * calculate_maintenance over the JSON API (POST /api/v1/calculate-maintenance, the route the advice-line page
 * calls): the cap warning in `warnings`, nights given a week with their band, the monthly figure and the read-out
 * (issue 15, item 1). The figures are worked by hand in test/calc/scheme-2012/advice-line.test.ts; here they must
 * arrive as JSON, and the tool's text must carry the read-out too.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { calculateMaintenanceTool } from '../../tools/calculate-maintenance.ts';
import { DATE, startHttp, type RunningHttp } from './helpers.ts';

const CAP_CITATION = 'Child Support Act 1991 Sch 1 para 10(3); SI 2012/2677 reg 2 ("capped amount")';

let http: RunningHttp;
beforeAll(async () => {
  http = await startHttp();
});
afterAll(async () => {
  await http?.close();
});

async function post(body: unknown): Promise<{ status: number; json: Record<string, any> }> {
  const response = await fetch(`${http.origin}/api/v1/calculate-maintenance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe('POST /api/v1/calculate-maintenance', () => {
  test('£32,000 "a week": capped, with the warning in `warnings`', async () => {
    const { status, json } = await post({
      date: DATE,
      payingParent: { income: { amount: '32000', period: 'week' } },
      receivingParents: [{ children: [{}] }],
    });
    expect(status).toBe(200);
    // Sch 1 para 10(3) cap; one child: 800 × 12% + 2,200 × 9% = £294; monthly 294 × 52 ÷ 12 = £1,274.00.
    expect({ gross: json.grossWeeklyIncome, weekly: json.weeklyAmount, monthly: json.perFrequency.monthly }).toEqual({
      gross: '3000.00',
      weekly: '294.00',
      monthly: '1274.00',
    });
    expect(json.warnings).toEqual([
      `Gross income of £32,000.00 a week is above the £3,000.00 a week cap (${CAP_CITATION}), so the calculation uses £3,000.00 a week. ` +
        "A weekly income that high is rare: check the period (is £32,000.00 a year's income?).",
    ]);
  });

  test('£32,000 a year, child 2 two nights a week: £84.00 a week, £364.00 a month, the band and the read-out', async () => {
    const body = {
      date: DATE,
      payingParent: { income: { amount: '32000', period: 'year' } },
      receivingParents: [{ children: [{}, { nights: { count: 2, period: 'week' } }] }],
    };
    const { status, json } = await post(body);
    expect(status).toBe(200);
    // 613.70 × 16% = 98.192 → £98; × (1 − 1/7) = £84.00; 84 × 52 ÷ 12 = £364.00 (worked in advice-line.test.ts).
    expect(json.weeklyAmount).toBe('84.00');
    expect(json.perFrequency.monthly).toBe('364.00');
    expect(json.receivingParents[0].children[1]).toEqual({
      id: 'child_2',
      nightsPerYear: 104,
      nightsPerWeek: 2,
      band: { fromNights: 104, toNights: 155 },
      sharedCareFraction: '2/7',
    });
    expect(json.warnings).toEqual([]);
    const readOut =
      'On gross income of £32,000.00 a year (£613.70 a week), with two children, child 2 staying two nights a week (104 nights a year) ' +
      'with the paying parent, the paying parent should pay £84.00 a week, which is £364.00 a month (basic rate).';
    expect(json.readOut).toBe(readOut);
    // The tool's text (what an MCP client that forwards only text sees) carries it too.
    const out = calculateMaintenanceTool.handler(body as never, { today: DATE } as never) as { readOut: string };
    expect(calculateMaintenanceTool.summarize!(out as never)).toContain(`To say aloud: ${readOut}`);
  });

  test('8 nights a week is refused, naming the field', async () => {
    const { status, json } = await post({
      date: DATE,
      payingParent: { grossWeeklyIncome: '500' },
      receivingParents: [{ children: [{ nights: { count: 8, period: 'week' } }] }],
    });
    expect(status).toBe(400);
    expect(json.error.details).toEqual([
      {
        field: 'receivingParents[0].children[0].nights.count',
        message: 'a week has 7 nights (got 8); for nights a year, give the period "year"',
      },
    ]);
  });
});
