/**
 * The chart of a real reconciliation (calc/reconcile `reconcile()` on the bundle tests' case): every value in
 * whole pence, the places on the axes, and the totals, each computed by hand with the arithmetic beside it.
 * The case (test/letters/bundle/fixture.ts): £312.00 due each month of January–April 2024; the bank shows
 * £312.00 paid in January, February and March and £200.00 in April; CMS has no record of the March payment and
 * records a £100.00 payment on 15 April that never happened.
 */
import { describe, expect, test } from 'vitest';
import { chartModel, reconciliationChart } from '../../../calc/chart/index.ts';
import { money } from '../../../calc/money.ts';
import type { PeriodRow } from '../../../calc/reconcile/types.ts';
import { reconcile } from '../../../calc/reconcile/reconcile.ts';
import { MOVED_RECEIVING_INPUT, RESULT } from '../../letters/bundle/fixture.ts';

describe('the chart of a reconciliation', () => {
  const chart = reconciliationChart(RESULT);

  test('per period, in pence: due, paid per the evidence, recorded by CMS, and both running balances', () => {
    // Balance from the evidence: January 312 − 312 = 0; February 0; March 0; April 0 + 312 − 200 = 112.
    // Balance per CMS: January 0; February 0; March 0 + 312 − 0 = 312; April 312 + 312 − (200 + 100) = 324.
    expect(chart.points.map((p) => [p.periodEnd, p.values])).toEqual([
      ['2024-01-31', { due: 31200, paid: 31200, recorded_by_cms: 31200, balance: 0, balance_per_cms: 0 }],
      ['2024-02-29', { due: 31200, paid: 31200, recorded_by_cms: 31200, balance: 0, balance_per_cms: 0 }],
      ['2024-03-31', { due: 31200, paid: 31200, recorded_by_cms: 0, balance: 0, balance_per_cms: 31200 }],
      ['2024-04-30', { due: 31200, paid: 20000, recorded_by_cms: 30000, balance: 11200, balance_per_cms: 32400 }],
    ]);
  });

  test('the axes: £0 to £400 in both panels, a tick a month', () => {
    // Per-period amounts reach 31,200p and the balances 32,400p: both ⌈… ÷ 10,000⌉ = 4 steps of £100 (see ticks.test.ts).
    expect(chart.axes.amounts.ticks.map((t) => t.label)).toEqual(['£0', '£100', '£200', '£300', '£400']);
    expect(chart.axes.balances.ticks.map((t) => t.label)).toEqual(['£0', '£100', '£200', '£300', '£400']);
    expect(chart.dates.ticks.map((t) => t.label)).toEqual(['Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024']);
  });

  test('each point’s place: across by its period’s first day, up by its value', () => {
    // The date axis runs from the first period's start to the last one's: 1 January to 1 April 2024, 31 + 29 + 31 = 91
    // days. 1 January is day 0: 0; 1 February day 31: 31 ÷ 91; 1 March day 31 + 29 = 60: 60 ÷ 91; 1 April day 91: 1.
    expect(chart.points.map((p) => p.x)).toEqual([0, 31 / 91, 60 / 91, 1]);
    // So each point sits on its month's tick.
    expect(chart.dates.ticks.map((t) => t.at)).toEqual(chart.points.map((p) => p.x));
    // April: due 31,200 ÷ 40,000 = 0.78; paid 20,000 ÷ 40,000 = 0.5; recorded 30,000 ÷ 40,000 = 0.75;
    // balance 11,200 ÷ 40,000 = 0.28; per CMS 32,400 ÷ 40,000 = 0.81.
    expect(chart.points[3]!.y).toEqual({ due: 0.78, paid: 0.5, recorded_by_cms: 0.75, balance: 0.28, balance_per_cms: 0.81 });
  });

  test('the totals and where the balances end', () => {
    expect(chart.summary).toEqual({
      from: '2024-01-01',
      to: '2024-04-30',
      periods: 4,
      // 4 × 31,200 = 124,800.
      due: 124800,
      // 3 × 31,200 + 20,000 = 113,600.
      paid: 113600,
      // 31,200 + 31,200 + 0 + 30,000 = 92,400.
      recordedByCms: 92400,
      // 113,600 − 92,400 = 21,200: the evidence shows £212.00 more paid than CMS recorded.
      paidMinusRecorded: 21200,
      paidMinusRecordedSize: 21200,
      balance: 11200,
      balancePosition: 'arrears',
      balanceSize: 11200,
      balancePerCms: 32400,
      balancePerCmsPosition: 'arrears',
      balancePerCmsSize: 32400,
      // 32,400 − 11,200 = 21,200.
      gap: 21200,
      gapSize: 21200,
      // March: 31,200 − 0 = 31,200, wider than April's 21,200.
      widestGap: { amount: 31200, size: 31200, date: '2024-03-31' },
    });
  });

  test('the chart’s end agrees with the reconciliation’s balances', () => {
    // The recomputed balance and the bridge's start are both £112.00 and £324.00 as the fixture works out.
    expect(chart.summary!.balance).toBe(11200);
    expect(RESULT.balance.recomputed.toFixed(2)).toBe('112.00');
    expect(chart.summary!.balancePerCms).toBe(32400);
    expect(RESULT.bridge.from.toFixed(2)).toBe('324.00');
  });
});

describe('a case moved from Direct Pay to Collect and Pay', () => {
  // fixture.ts MOVED_RECEIVING_INPUT, worked out there: £260.00 due in January and February on Direct Pay, £249.60 in
  // March and April on Collect and Pay; received £260.00, £260.00, £249.60, £0.00; CMS records £249.60 passed on in
  // March and in April. On Direct Pay CMS records no payments: the period rows' recorded figure there is what CMS's
  // figure takes as paid (the instalment, no missed payment being reported), and is not counted as CMS's record.
  const chart = reconciliationChart(reconcile(MOVED_RECEIVING_INPUT));

  test('the Direct Pay periods are marked as ones in which CMS records no payments', () => {
    expect(chart.points.map((p) => [p.periodStart, p.cmsRecordsPayments])).toEqual([
      ['2024-01-01', false],
      ['2024-02-01', false],
      ['2024-03-01', true],
      ['2024-04-01', true],
    ]);
  });

  test('what CMS recorded is totalled over the Collect and Pay periods only, and compared with what arrived in them', () => {
    expect(chart.summary).toMatchObject({
      periods: 4,
      // 26,000 + 26,000 + 24,960 + 24,960 = 101,920.
      due: 101920,
      // 26,000 + 26,000 + 24,960 + 0 = 76,960.
      paid: 76960,
      // March and April only: 24,960 + 24,960 = 49,920 (not 26,000 + 26,000 more for the Direct Pay months).
      recordedByCms: 49920,
      // 2 periods on Direct Pay, 2 not; received in those 2: 24,960 + 0 = 24,960.
      directPay: { periods: 2, otherPeriods: 2, paidInOthers: 24960 },
      // 24,960 − 49,920 = −24,960: CMS records £249.60 more passed on than arrived.
      paidMinusRecorded: -24960,
      balance: 24960,
      balancePerCms: 0,
    });
  });

  test('a case all on Collect and Pay has no Direct Pay periods', () => {
    expect(reconciliationChart(RESULT).summary!.directPay).toBeUndefined();
    expect(reconciliationChart(RESULT).points.every((p) => p.cmsRecordsPayments)).toBe(true);
  });
});

const row = (start: string, end: string, due: string, paid: string, recorded: string, balance: string, perCms: string): PeriodRow => ({
  periodStart: start,
  periodEnd: end,
  accrued: money(due),
  due: money(due),
  paid: money(paid),
  recordedByCms: money(recorded),
  adjustments: money(0),
  charges: money(0),
  shortfall: money(0),
  runningBalance: money(balance),
  runningBalancePerCms: money(perCms),
});

describe('chart models from period rows', () => {
  test('an overpayment: negative balances, positions and sizes', () => {
    // Receiving side, one period: £216.67 due, £300.00 received, CMS recorded £216.67. Balance 216.67 − 300.00 =
    // −83.33 (an overpayment of £83.33); per CMS 216.67 − 216.67 = 0. Gap 0 − (−8,333) = 8,333.
    const m = chartModel([row('2024-01-01', '2024-01-31', '216.67', '300.00', '216.67', '-83.33', '0')], 'receiving');
    expect(m.summary).toMatchObject({
      balance: -8333,
      balancePosition: 'overpaid',
      balanceSize: 8333,
      balancePerCmsPosition: 'settled',
      gap: 8333,
      // 30,000 − 21,667 = 8,333 more received than CMS recorded.
      paidMinusRecorded: 8333,
    });
    // One period: a one-day axis (1 January to 1 January), the point in the middle.
    expect(m.points[0]!.x).toBe(0.5);
    expect(m.axes.balances.min).toBeLessThan(0);
  });

  test('no periods: no summary, an axis at the date given', () => {
    const m = chartModel([], 'paying', { asOf: '2024-05-01' });
    expect(m.summary).toBeUndefined();
    expect(m.points).toEqual([]);
    expect(m.dates.from).toBe('2024-05-01');
  });

  test('periods out of date order are refused', () => {
    const a = row('2024-02-01', '2024-02-29', '1', '1', '1', '0', '0');
    const b = row('2024-01-01', '2024-01-31', '1', '1', '1', '0', '0');
    expect(() => chartModel([a, b], 'paying')).toThrow(RangeError);
  });
});
