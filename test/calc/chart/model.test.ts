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
import { collectAndPay } from '../reconcile/brought-forward.ts';

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

describe('a balance CMS brings forward from inside the periods (test/calc/reconcile/brought-forward.ts)', () => {
  // The shared account, worked out in brought-forward.test.ts: £260.00 a month due on the 6th from 6 January 2025 (8
  // periods, to 5 September), every month paid but March; CMS's statement starts on 1 June 2025 with a balance brought
  // forward, then charges £216.67 + £43.33 and records £260.00 paid on 6 June, 6 July and 6 August. Four periods end
  // before 1 June (5 February … 5 May): CMS's balance at their end is not known. Before, CMS's line had 8 points, the
  // first four at £0 (the calc rows keep 0 there), and the chart said the balances were furthest apart, £260.00, at
  // the end of the period to 5 April 2025 (Reckoner's £260.00 against a nil CMS never gave).
  const agreed = reconciliationChart(reconcile(collectAndPay('260.00', '260.00')));
  const higher = reconciliationChart(reconcile(collectAndPay('520.00', '520.00')));
  const line = (c: typeof agreed) => c.cmsBalance.points.map((p) => [p.kind, p.date, p.value]);

  test('CMS’s line starts on 1 June at the balance brought forward: no point before it', () => {
    // 4 points: 1 June, £260.00 brought forward; then each period that starts after it, 6 June, 6 July, 6 August:
    // 260.00 + 216.67 + 43.33 − 260.00 = £260.00 at each one's end. The period from 6 May starts before 1 June: no point.
    expect(line(agreed)).toEqual([
      ['brought_forward', '2025-06-01', 26000],
      ['period', '2025-06-06', 26000],
      ['period', '2025-07-06', 26000],
      ['period', '2025-08-06', 26000],
    ]);
    expect(agreed.cmsBalance.notKnownBefore).toBe('2025-06-01');
    // £520.00 brought forward: 520.00, then 520.00 + 260.00 − 260.00 = £520.00 at the end of each later period.
    expect(line(higher)).toEqual([
      ['brought_forward', '2025-06-01', 52000],
      ['period', '2025-06-06', 52000],
      ['period', '2025-07-06', 52000],
      ['period', '2025-08-06', 52000],
    ]);
  });

  test('the first point’s place: 1 June across the date axis, £260.00 up the balances axis', () => {
    // The date axis runs from 6 January to 6 August 2025: 25 + 28 + 31 + 30 + 31 + 30 + 31 + 6 = 212 days; 1 June is
    // day 25 + 28 + 31 + 30 + 31 + 1 = 146. The balances axis is £0 to £300 (26,000p in steps of 5,000p): 26,000 ÷ 30,000.
    const first = agreed.cmsBalance.points[0]!;
    expect(agreed.axes.balances.ticks.map((t) => t.label)).toEqual(['£0', '£50', '£100', '£150', '£200', '£250', '£300']);
    expect([first.x, first.y]).toEqual([146 / 212, 26000 / 30000]);
  });

  test('the periods that end before 1 June are marked: their CMS balance is not known', () => {
    expect(agreed.points.map((p) => [p.periodEnd, p.cmsBalanceKnown])).toEqual([
      ['2025-02-05', false],
      ['2025-03-05', false],
      ['2025-04-05', false],
      ['2025-05-05', false],
      ['2025-06-05', true],
      ['2025-07-05', true],
      ['2025-08-05', true],
      ['2025-09-05', true],
    ]);
  });

  test('what CMS recorded as paid: known only in the periods that start on or after 1 June', () => {
    // CMS's statement starts on 1 June 2025: the four periods from 6 January to 6 April end before it, and the period from
    // 6 May (to 5 June) starts before it, so its record of 6 to 31 May is not in the statement. Only the three periods
    // from 6 June, 6 July and 6 August, each with £260.00 received on its first day, are CMS's record. Before, every
    // period counted, the first five at £0, and CMS's £780.00 was set against all £1,820.00 paid (8 × £260.00, March
    // unpaid, 7 × 260.00 = 1,820.00): "£1,040.00 less".
    const recorded = agreed.points.filter((p) => p.cmsRecordKnown).map((p) => [p.periodStart, p.values.recorded_by_cms]);
    expect(recorded).toEqual([
      ['2025-06-06', 26000],
      ['2025-07-06', 26000],
      ['2025-08-06', 26000],
    ]);
    expect(agreed.points.map((p) => p.cmsRecordKnown)).toEqual([false, false, false, false, false, true, true, true]);
    // 3 × 260.00 = 780.00 recorded, against 3 × 260.00 = 780.00 paid in those periods: no difference (before: 182,000 − 78,000).
    expect(agreed.summary).toMatchObject({
      paid: 182000,
      recordedByCms: 78000,
      cmsRecord: { notKnownBefore: '2025-06-01', periods: 3, from: '2025-06-06', paid: 78000 },
      paidMinusRecorded: 0,
      paidMinusRecordedSize: 0,
    });
  });

  test('the two balances are compared only where CMS’s is known', () => {
    // £260.00 brought forward: Reckoner's and CMS's balances are £260.00 at the end of each period from 6 May: no gap.
    expect(agreed.summary).toMatchObject({ balance: 26000, balancePerCms: 26000, gap: 0, widestGap: undefined });
    // £520.00: 52,000 − 26,000 = 26,000 at the end of each period from 6 May, the first ending 5 June (not −26,000 on
    // 5 April, CMS's unknown balance taken as nil).
    expect(higher.summary).toMatchObject({ gap: 26000, widestGap: { amount: 26000, size: 26000, date: '2025-06-05' } });
  });

  test('the part of the gap that arose before CMS’s statement: its balance brought forward against what was owed the day before', () => {
    // Owed at the end of 31 May: January, February, April and May paid, March not: 5 × 260.00 due − 4 × 260.00 paid =
    // £260.00. CMS brings forward £260.00 (no difference) or £520.00 (520.00 − 260.00 = £260.00 higher: the whole gap).
    // Nothing else differs: the rest is 26,000 − 26,000 − 0 = 0.
    expect(agreed.summary?.broughtForward).toEqual({ date: '2025-06-01', cms: 26000, owed: 26000, difference: 0, rest: 0 });
    expect(higher.summary?.broughtForward).toEqual({ date: '2025-06-01', cms: 52000, owed: 26000, difference: 26000, rest: 0 });
    expect(higher.summary).toMatchObject({ gap: 26000, paidMinusRecorded: 0 });
  });

  test('without a balance brought forward every period is on CMS’s line, and nothing is said to be unknown', () => {
    expect(RESULT.bridge.broughtForward).toBeUndefined();
    const chart = reconciliationChart(RESULT);
    expect(chart.cmsBalance.points.map((p) => [p.kind, p.date, p.value])).toEqual([
      ['period', '2024-01-01', 0],
      ['period', '2024-02-01', 0],
      ['period', '2024-03-01', 31200],
      ['period', '2024-04-01', 32400],
    ]);
    expect(chart.cmsBalance.notKnownBefore).toBeUndefined();
    expect(chart.points.every((p) => p.cmsBalanceKnown)).toBe(true);
    expect(chart.points.every((p) => p.cmsRecordKnown)).toBe(true);
    expect(chart.summary?.cmsRecord).toBeUndefined();
  });
});

describe('CMS’s line from period rows', () => {
  const unknown = (r: PeriodRow): PeriodRow => ({ ...r, cmsUnknown: true });
  const rows = [
    unknown(row('2024-01-01', '2024-01-31', '100.00', '100.00', '0', '0', '0')),
    row('2024-02-01', '2024-02-29', '100.00', '100.00', '100.00', '0', '50.00'),
    row('2024-03-01', '2024-03-31', '100.00', '100.00', '100.00', '0', '50.00'),
  ];

  test('a balance brought forward on the day a period starts: that period’s point is the first', () => {
    // CMS brings £50.00 forward on 1 February: the period from 1 February is drawn at that day, so no second point there.
    const m = chartModel(rows, 'paying', { broughtForward: { date: '2024-02-01', cms: money('50.00') } });
    expect(m.cmsBalance.points.map((p) => [p.kind, p.date, p.value])).toEqual([
      ['period', '2024-02-01', 5000],
      ['period', '2024-03-01', 5000],
    ]);
    expect(m.cmsBalance.notKnownBefore).toBe('2024-02-01');
  });

  test('a balance brought forward inside the last period: the date axis runs to its day', () => {
    // Brought forward on 10 March (£50.00): the periods from 1 January and 1 February start before it; the axis runs
    // from 1 January to 10 March, 31 + 29 + 9 = 69 days, and the one point is at its end.
    const late = [unknown(rows[0]!), unknown(rows[1]!), rows[2]!];
    const m = chartModel(late, 'paying', { broughtForward: { date: '2024-03-10', cms: money('50.00') } });
    expect(m.dates.to).toBe('2024-03-10');
    expect(m.cmsBalance.points.map((p) => [p.kind, p.date, p.value, p.x])).toEqual([['brought_forward', '2024-03-10', 5000, 1]]);
    // 1 March is day 31 + 29 = 60 of 69.
    expect(m.points.map((p) => p.x)).toEqual([0, 31 / 69, 60 / 69]);
  });

  test('rows marked unknown and no balance brought forward given: the line starts at the first known period', () => {
    const m = chartModel(rows, 'paying');
    expect(m.cmsBalance.points.map((p) => p.date)).toEqual(['2024-02-01', '2024-03-01']);
    expect(m.cmsBalance.notKnownBefore).toBe('2024-02-01');
  });
});
