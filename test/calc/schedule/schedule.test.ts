/**
 * The liability schedule from a history of decisions, with every expected figure worked by hand here.
 *
 * Rules used (from calc/schedule/build.ts's header and the law it cites):
 * - an instalment is the weekly amount × 52 ÷ instalments a year (Collection and Enforcement Regs 1992 reg 4):
 *   weekly ÷ 1, fortnightly × 2, four-weekly × 4, monthly × 52 ÷ 12;
 * - a part period is the instalment × days in force ÷ days in the period, each part rounded to the penny half up
 *   (Reckoner's own rule; the regulations state none);
 * - Collect and Pay: the paying parent's fee is 20% and the receiving parent's 4% of the maintenance, from
 *   11 August 2014 (Child Support Fees Regulations 2014 reg 7); nothing on Direct Pay.
 * Every figure below is computed, not taken from a CMS document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { formatMoney, type Dec } from '../../../calc/money.ts';
import { buildSchedule, MAX_PERIODS, type DecisionInput, type Schedule, type ScheduleInput } from '../../../calc/schedule/build.ts';
import { OutOfCoverageError } from '../../../calc/parameters.ts';
import { spreadUpTo } from '../../../calc/schedule/plan.ts';

const m = (d: Dec): string => formatMoney(d);

/** Each line as [period start, due date, maintenance, collection fee, total due]. */
const rows = (s: Schedule) => s.lines.map((l) => [l.periodStart, l.dueDate, m(l.maintenance), m(l.collectionFee), m(l.totalDue)]);

function inputErrorOf(input: unknown): InputError {
  try {
    buildSchedule(input as ScheduleInput);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('instalments at each frequency (£60 a week from Monday 1 January 2024, to 31 January)', () => {
  const at = (frequency: ScheduleInput['frequency']) =>
    buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], frequency, asOf: '2024-01-31' });

  it('weekly: 60 × 52 ÷ 52 = £60.00, due every Monday (1, 8, 15, 22, 29 Jan), £300.00 in all', () => {
    const s = at('weekly');
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '60.00', '0.00', '60.00'],
      ['2024-01-08', '2024-01-08', '60.00', '0.00', '60.00'],
      ['2024-01-15', '2024-01-15', '60.00', '0.00', '60.00'],
      ['2024-01-22', '2024-01-22', '60.00', '0.00', '60.00'],
      ['2024-01-29', '2024-01-29', '60.00', '0.00', '60.00'],
    ]);
    expect(s.lines.map((l) => m(l.runningTotal))).toEqual(['60.00', '120.00', '180.00', '240.00', '300.00']);
    expect(m(s.totals.totalDue)).toBe('300.00');
  });

  it('fortnightly: 60 × 52 ÷ 26 = £120.00 on 1, 15 and 29 Jan, £360.00 in all', () => {
    const s = at('fortnightly');
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '120.00', '0.00', '120.00'],
      ['2024-01-15', '2024-01-15', '120.00', '0.00', '120.00'],
      ['2024-01-29', '2024-01-29', '120.00', '0.00', '120.00'],
    ]);
    expect(s.lines[0]!.periodEnd).toBe('2024-01-14');
    expect(m(s.totals.totalDue)).toBe('360.00');
  });

  it('four-weekly: 60 × 52 ÷ 13 = £240.00 on 1 and 29 Jan', () => {
    const s = at('four_weekly');
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '240.00', '0.00', '240.00'],
      ['2024-01-29', '2024-01-29', '240.00', '0.00', '240.00'],
    ]);
    expect(s.lines[0]!.periodEnd).toBe('2024-01-28');
  });

  it('monthly: 60 × 52 ÷ 12 = 3,120 ÷ 12 = £260.00, the same for a 31-day January and a 29-day February', () => {
    const s = buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], frequency: 'monthly', asOf: '2024-02-29' });
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
    ]);
    expect(s.lines.map((l) => l.periodEnd)).toEqual(['2024-01-31', '2024-02-29']);
  });

  it('monthly is the default frequency, and rounds to the penny: £45.50 × 52 ÷ 12 = 2,366 ÷ 12 = 197.1666… → £197.17', () => {
    const s = buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '45.50' }], asOf: '2024-01-01' });
    expect(s.frequency).toBe('monthly');
    expect(rows(s)).toEqual([['2024-01-01', '2024-01-01', '197.17', '0.00', '197.17']]);
  });

  it('a monthly anchor on the 31st falls back to the last day of shorter months (31 Jan, 29 Feb, 31 Mar, 30 Apr)', () => {
    const s = buildSchedule({ decisions: [{ effectiveDate: '2024-01-31', weeklyAmount: '60' }], asOf: '2024-04-30' });
    expect(s.lines.map((l) => [l.periodStart, l.periodEnd])).toEqual([
      ['2024-01-31', '2024-02-28'],
      ['2024-02-29', '2024-03-30'],
      ['2024-03-31', '2024-04-29'],
      ['2024-04-30', '2024-05-30'],
    ]);
    // Whole periods: £260.00 each, whatever their length (29, 31, 30, 31 days).
    expect(s.lines.map((l) => m(l.maintenance))).toEqual(['260.00', '260.00', '260.00', '260.00']);
  });
});

describe('part periods, pro rata by days', () => {
  it('a new decision in the middle of February makes two segments, each rounded to the penny', () => {
    const s = buildSchedule({
      decisions: [
        { id: 'd1', effectiveDate: '2024-01-01', weeklyAmount: '60' },
        { id: 'd2', effectiveDate: '2024-02-20', weeklyAmount: '45' },
      ],
      frequency: 'monthly',
      asOf: '2024-03-01',
    });
    const feb = s.lines[1]!;
    // February 2024 has 29 days: 1–19 Feb (19 days) at £60, 20–29 Feb (10 days) at £45.
    // 60 × 52 × 19 ÷ (12 × 29) = 59,280 ÷ 348 = 170.3448… → £170.34
    // 45 × 52 × 10 ÷ (12 × 29) = 23,400 ÷ 348 =  67.2413… → £67.24
    expect(feb.segments.map((x) => [x.from, x.to, x.days, x.decisionId, m(x.amount)])).toEqual([
      ['2024-02-01', '2024-02-19', 19, 'd1', '170.34'],
      ['2024-02-20', '2024-02-29', 10, 'd2', '67.24'],
    ]);
    // 170.34 + 67.24 = 237.58; March at £45: 45 × 52 ÷ 12 = £195.00.
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00'],
      ['2024-02-01', '2024-02-01', '237.58', '0.00', '237.58'],
      ['2024-03-01', '2024-03-01', '195.00', '0.00', '195.00'],
    ]);
    // 260.00 + 237.58 + 195.00 = 692.58
    expect(m(s.totals.totalDue)).toBe('692.58');
    expect(s.trace.some((t) => t.step === 'part_periods')).toBe(true);
  });

  it('liability that starts on 15 January, with payments due on the 1st, is due for 17 of January’s 31 days', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: '60' }],
      firstDueDate: '2024-02-01',
      asOf: '2024-02-29',
    });
    // The first period is the one containing 15 Jan (1–31 Jan); the first payment is due on the day liability starts.
    // 60 × 52 × 17 ÷ (12 × 31) = 53,040 ÷ 372 = 142.5806… → £142.58; then February whole, £260.00.
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-15', '142.58', '0.00', '142.58'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
    ]);
    expect(s.liabilityStart).toBe('2024-01-15');
    expect(m(s.totals.totalDue)).toBe('402.58');
  });

  it('a first payment day long before liability starts gives the same periods (anchor 1 June 2023, start 15 Jan 2024)', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-15', weeklyAmount: '60' }],
      firstDueDate: '2023-06-01',
      asOf: '2024-02-29',
    });
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-15', '142.58', '0.00', '142.58'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
    ]);
  });

  it('weekly, liability from Wednesday 10 January with payments due on Mondays: 5 of 7 days', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-10', weeklyAmount: '60' }],
      frequency: 'weekly',
      firstDueDate: '2024-01-08',
      asOf: '2024-01-20',
    });
    // 60 × 52 × 5 ÷ (52 × 7) = 300 ÷ 7 = 42.857… → £42.86; then Monday 15 Jan, a whole week, £60.00.
    expect(rows(s)).toEqual([
      ['2024-01-08', '2024-01-10', '42.86', '0.00', '42.86'],
      ['2024-01-15', '2024-01-15', '60.00', '0.00', '60.00'],
    ]);
  });

  it('a case end date of 10 March: 9 days of March are due (1–9 Mar), and nothing after', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
      caseEndDate: '2024-03-10',
      asOf: '2024-06-30',
    });
    // 60 × 52 × 9 ÷ (12 × 31) = 28,080 ÷ 372 = 75.4838… → £75.48
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
      ['2024-03-01', '2024-03-01', '75.48', '0.00', '75.48'],
    ]);
    expect(s.lines[2]!.segments.map((x) => [x.from, x.to, x.days])).toEqual([['2024-03-01', '2024-03-09', 9]]);
    expect(s.liabilityEnd).toBe('2024-03-10');
    // 260 + 260 + 75.48 = 595.48
    expect(m(s.totals.totalDue)).toBe('595.48');
  });

  it('a case end date on a due date: that period is not due at all', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
      caseEndDate: '2024-03-01',
      asOf: '2024-06-30',
    });
    expect(rows(s).map((r) => r[0])).toEqual(['2024-01-01', '2024-02-01']);
    expect(m(s.totals.totalDue)).toBe('520.00');
  });

  it('periods due after asOf are left out; one due on asOf is in', () => {
    const s = buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], asOf: '2024-03-01' });
    expect(s.lines.map((l) => l.dueDate)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    expect(buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], asOf: '2024-02-29' }).lines).toHaveLength(2);
    expect(buildSchedule({ decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], asOf: '2023-12-31' }).lines).toEqual([]);
  });
});

describe('the order and replacement of decisions', () => {
  const decisions: DecisionInput[] = [
    { id: 'first', effectiveDate: '2024-01-01', weeklyAmount: '60' },
    { id: 'second', effectiveDate: '2024-02-20', weeklyAmount: '45' },
    { id: 'third', effectiveDate: '2024-04-10', weeklyAmount: '80' },
  ];
  const build = (ds: readonly DecisionInput[]) => buildSchedule({ decisions: ds, asOf: '2024-05-31' });

  it('decisions given in any order give the same schedule', () => {
    const expected = JSON.stringify(build(decisions));
    for (const order of [
      [2, 1, 0],
      [1, 0, 2],
      [2, 0, 1],
    ]) {
      expect(JSON.stringify(build(order.map((i) => decisions[i]!)))).toBe(expected);
    }
    // April (30 days): 1–9 Apr (9 days) under the second decision, £45; 10–30 Apr (21 days) under the third, £80.
    // 45 × 52 × 9 ÷ (12 × 30) = 21,060 ÷ 360 = £58.50; 80 × 52 × 21 ÷ (12 × 30) = 87,360 ÷ 360 = 242.666… → £242.67
    const april = build(decisions).lines[3]!;
    expect(april.segments.map((x) => [x.decisionId, x.days, m(x.amount)])).toEqual([
      ['second', 9, '58.50'],
      ['third', 21, '242.67'],
    ]);
    expect(m(april.maintenance)).toBe('301.17');
  });

  it('without ids, the amounts and dates still do not depend on the order given', () => {
    const bare = decisions.map(({ id: _id, ...d }) => d);
    const money = (s: Schedule) => s.lines.map((l) => [l.periodStart, l.segments.map((x) => [x.from, x.days, m(x.amount)]), m(l.totalDue)]);
    expect(money(build([bare[2]!, bare[0]!, bare[1]!]))).toEqual(money(build(bare)));
  });

  it('two decisions with the same effective date: the later letter stands, whichever is given first', () => {
    const a: DecisionInput = { id: 'revised', effectiveDate: '2024-01-01', letterDate: '2024-03-05', weeklyAmount: '60' };
    const b: DecisionInput = { id: 'original', effectiveDate: '2024-01-01', letterDate: '2024-01-05', weeklyAmount: '70' };
    for (const ds of [
      [a, b],
      [b, a],
    ]) {
      const s = buildSchedule({ decisions: ds, asOf: '2024-01-31' });
      // The letter of 5 March (£60) replaces the letter of 5 January (£70): 60 × 52 ÷ 12 = £260.00, not 70 × 52 ÷ 12 = £303.33.
      expect(rows(s)).toEqual([['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00']]);
      expect(s.lines[0]!.segments[0]!.decisionId).toBe('revised');
      expect(s.decisions.map((d) => [d.id, d.superseded])).toEqual([
        ['original', true],
        ['revised', false],
      ]);
    }
  });

  it('a backdated reduction on Collect and Pay is credited with its parts: maintenance and the 20% fee', () => {
    // £120 a week from 1 June 2025 (120 × 52 ÷ 12 = £520.00 + 20% £104.00 = £624.00 a month), reduced to £75 a week
    // (£325.00 + £65.00 = £390.00) from 1 October 2025 by a letter of 16 February 2026: October to February, five months
    // already due, each £234.00 less: £1,170.00, of which 5 × £195.00 = £975.00 maintenance and 5 × £39.00 = £195.00 fees.
    const s = buildSchedule({
      decisions: [
        { id: 'first', effectiveDate: '2025-06-01', letterDate: '2025-06-01', weeklyAmount: '120' },
        { id: 'reduced', effectiveDate: '2025-10-01', letterDate: '2026-02-16', weeklyAmount: '75' },
      ],
      asOf: '2026-03-31',
      service: 'collect_and_pay',
    });
    const step = s.trace.find((t) => t.step === 'backdated_change')!;
    expect([step.value, step.description.split('; ')[1]]).toEqual([
      '-1170.00',
      'the reduction, £1,170.00 (maintenance £975.00 and collection fees £195.00), is credited on 2026-02-16 (an overpayment)',
    ]);
  });

  it('two decisions with the same effective date and the same letter date: an InputError naming the decision', () => {
    const e = inputErrorOf({
      decisions: [
        { id: 'a', effectiveDate: '2024-01-01', letterDate: '2024-01-05', weeklyAmount: '60' },
        { id: 'b', effectiveDate: '2024-01-01', letterDate: '2024-01-05', weeklyAmount: '70' },
      ],
      asOf: '2024-01-31',
    });
    expect(e.field).toMatch(/^decisions\[1\]/);
    expect(e.message).toMatch(/a and b both take effect on 2024-01-01/);
    expect(e.message).toMatch(/2024-01-05/);
  });

  it('and the same when neither gives a letter date', () => {
    const e = inputErrorOf({
      decisions: [
        { id: 'a', effectiveDate: '2024-01-01', weeklyAmount: '60' },
        { id: 'b', effectiveDate: '2024-01-01', weeklyAmount: '70' },
      ],
      asOf: '2024-01-31',
    });
    expect(e.field).toMatch(/^decisions\[1\]/);
    expect(e.message).toMatch(/letter dates/);
  });
});

describe('a decision given as a calculation', () => {
  it('gross weekly income £500, one child, no shared care: basic rate 12% × £500 = £60.00 a week (CSA 1991 Sch 1 para 2(1))', () => {
    const s = buildSchedule({
      decisions: [
        {
          effectiveDate: '2024-01-01',
          calculation: { payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: [{}] }] },
        },
      ],
      asOf: '2024-02-01',
    });
    expect(s.decisions[0]!.rate).toBe('basic');
    expect(m(s.decisions[0]!.weeklyAmount)).toBe('60.00');
    // 60 × 52 ÷ 12 = £260.00 a month
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
    ]);
  });

  it('a calculation error is reported under the decision’s field', () => {
    const e = inputErrorOf({
      decisions: [
        { effectiveDate: '2024-01-01', calculation: { payingParent: { grossWeeklyIncome: '-1' }, receivingParents: [{ children: [{}] }] } },
      ],
      asOf: '2024-02-01',
    });
    expect(e.field).toBe('decisions[0].calculation.payingParent.grossWeeklyIncome');
  });

  it('a calculation dated before the coded figures (pathfinder period) is out of coverage, not silently computed', () => {
    expect(() =>
      buildSchedule({
        decisions: [
          {
            effectiveDate: '2013-01-07',
            calculation: { payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: [{}] }] },
          },
        ],
        asOf: '2013-02-01',
      }),
    ).toThrow(OutOfCoverageError);
  });

  it('a calculation that says Collect and Pay is not silently scheduled as Direct Pay', () => {
    // The decision's calculation states collection: collect_and_pay and no service is given anywhere else.
    // Either the schedule uses it (fee 20% × £260.00 = £52.00) or it refuses the input; it must not drop the fee.
    let schedule: Schedule | undefined;
    try {
      schedule = buildSchedule({
        decisions: [
          {
            effectiveDate: '2024-01-01',
            calculation: {
              payingParent: { grossWeeklyIncome: '500' },
              receivingParents: [{ children: [{}] }],
              collection: 'collect_and_pay',
            },
          },
        ],
        asOf: '2024-01-31',
      });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return;
    }
    expect(rows(schedule)).toEqual([['2024-01-01', '2024-01-01', '260.00', '52.00', '312.00']]);
  });
});

describe('collection fees (Child Support Fees Regulations 2014 reg 7)', () => {
  it('Collect and Pay: 20% on each line for the paying parent, 4% off for the receiving parent', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
      service: 'collect_and_pay',
      asOf: '2024-02-01',
    });
    // 20% × 260.00 = 52.00; 260.00 + 52.00 = 312.00. Receiving: 4% × 260.00 = 10.40; 260.00 − 10.40 = 249.60.
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '52.00', '312.00'],
      ['2024-02-01', '2024-02-01', '260.00', '52.00', '312.00'],
    ]);
    expect(s.lines.map((l) => l.service)).toEqual(['collect_and_pay', 'collect_and_pay']);
    expect(s.lines[0]!.receivingParents.map((r) => [r.id, m(r.maintenance), m(r.fee), m(r.net)])).toEqual([
      ['receiving_parent_1', '260.00', '10.40', '249.60'],
    ]);
    expect([m(s.totals.maintenance), m(s.totals.collectionFees), m(s.totals.totalDue)]).toEqual(['520.00', '104.00', '624.00']);
    expect(s.totals.receivingParents.map((r) => [m(r.fee), m(r.net)])).toEqual([['20.80', '499.20']]);
  });

  it('fees are rounded to the penny on each line: £40 a week monthly = 173.333… → £173.33; 20% = 34.666 → £34.67; 4% = 6.9332 → £6.93', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '40' }],
      service: 'collect_and_pay',
      asOf: '2024-01-01',
    });
    expect(rows(s)).toEqual([['2024-01-01', '2024-01-01', '173.33', '34.67', '208.00']]);
    expect(s.lines[0]!.receivingParents.map((r) => [m(r.fee), m(r.net)])).toEqual([['6.93', '166.40']]);
  });

  it('Direct Pay carries no fee on either side', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }],
      service: 'direct_pay',
      asOf: '2024-02-01',
    });
    expect(rows(s)).toEqual([
      ['2024-01-01', '2024-01-01', '260.00', '0.00', '260.00'],
      ['2024-02-01', '2024-02-01', '260.00', '0.00', '260.00'],
    ]);
    expect(s.lines.every((l) => l.receivingParents.every((r) => r.fee.isZero()))).toBe(true);
    expect(s.trace.some((t) => t.step === 'collection_fees')).toBe(false);
  });

  it('no fee on payments due before 11 August 2014, a fee from then on', () => {
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2014-06-11', weeklyAmount: '60' }],
      service: 'collect_and_pay',
      asOf: '2014-09-11',
    });
    // Due 11 Jun and 11 Jul: before reg 7 came into force, no fee. Due 11 Aug and 11 Sep: 20% × 260.00 = 52.00.
    expect(rows(s)).toEqual([
      ['2014-06-11', '2014-06-11', '260.00', '0.00', '260.00'],
      ['2014-07-11', '2014-07-11', '260.00', '0.00', '260.00'],
      ['2014-08-11', '2014-08-11', '260.00', '52.00', '312.00'],
      ['2014-09-11', '2014-09-11', '260.00', '52.00', '312.00'],
    ]);
    expect(s.lines.map((l) => m(l.receivingParents[0]!.fee))).toEqual(['0.00', '0.00', '10.40', '10.40']);
  });

  it('a move from Direct Pay to Collect and Pay on 15 February: the Direct Pay part of February carries no fee', () => {
    const s = buildSchedule({
      decisions: [
        { id: 'dp', effectiveDate: '2024-01-01', weeklyAmount: '60', service: 'direct_pay' },
        { id: 'cp', effectiveDate: '2024-02-15', weeklyAmount: '60', service: 'collect_and_pay' },
      ],
      asOf: '2024-03-01',
    });
    const feb = s.lines[1]!;
    // February: 1–14 Feb on Direct Pay, 60 × 52 × 14 ÷ (12 × 29) = 43,680 ÷ 348 = 125.517… → £125.52;
    // 15–29 Feb on Collect and Pay, 60 × 52 × 15 ÷ (12 × 29) = 46,800 ÷ 348 = 134.482… → £134.48.
    expect(feb.segments.map((x) => [x.decisionId, m(x.amount)])).toEqual([
      ['dp', '125.52'],
      ['cp', '134.48'],
    ]);
    // Whichever reading of reg 7 is taken — the service on the due date (1 Feb, Direct Pay: no fee) or the fee on the
    // Collect and Pay part only (20% × 134.48 = 26.896 → £26.90) — the fee is less than 20% of all of February (£52.00).
    expect(['0.00', '26.90']).toContain(m(feb.collectionFee));
    // March is wholly Collect and Pay: £52.00.
    expect(m(s.lines[2]!.collectionFee)).toBe('52.00');
  });

  it('a decision that does not name its service is collected as the one before it, not as the case began', () => {
    // A probe (5 December 2026): a Direct Pay case moved to Collect and Pay by its 2020 decision, whose next reviews
    // did not say so again, went back to Direct Pay with them: every later payment "not reported", every fee "on
    // Direct Pay". add_decision's service reads "From this decision on". Listed out of date order, to show the order
    // that counts is the effective dates'.
    const s = buildSchedule({
      decisions: [
        { id: 'review', effectiveDate: '2024-03-01', weeklyAmount: '60' },
        { id: 'first', effectiveDate: '2024-01-01', weeklyAmount: '60' },
        { id: 'moved', effectiveDate: '2024-02-01', weeklyAmount: '60', service: 'collect_and_pay' },
      ],
      service: 'direct_pay',
      asOf: '2024-04-01',
    });
    expect(s.decisions.map((d) => [d.id, d.service])).toEqual([
      ['first', 'direct_pay'],
      ['moved', 'collect_and_pay'],
      ['review', 'collect_and_pay'],
    ]);
    // 60 × 52 ÷ 12 = £260.00 a month; 20% of it, £52.00, from February on, March and April under the review too.
    expect(s.lines.map((l) => [l.service, m(l.collectionFee)])).toEqual([
      ['direct_pay', '0.00'],
      ['collect_and_pay', '52.00'],
      ['collect_and_pay', '52.00'],
      ['collect_and_pay', '52.00'],
    ]);
  });

  it('a move from Collect and Pay to Direct Pay on 15 February: February’s instalment, collected by CMS, still carries a fee', () => {
    const s = buildSchedule({
      decisions: [
        { id: 'cp', effectiveDate: '2024-01-01', weeklyAmount: '60', service: 'collect_and_pay' },
        { id: 'dp', effectiveDate: '2024-02-15', weeklyAmount: '60', service: 'direct_pay' },
      ],
      asOf: '2024-03-01',
    });
    const feb = s.lines[1]!;
    // Due 1 Feb while on Collect and Pay: 20% × 260.00 = £52.00 (service on the due date), or 20% × 125.52 (1–14 Feb)
    // = 25.104 → £25.10 (fee on the Collect and Pay part). Either way not nothing.
    expect(['52.00', '25.10']).toContain(m(feb.collectionFee));
    expect(m(s.lines[2]!.collectionFee)).toBe('0.00');
  });
});

describe('several receiving parents', () => {
  const s = buildSchedule({
    decisions: [
      {
        effectiveDate: '2024-01-01',
        calculation: {
          payingParent: { grossWeeklyIncome: '500' },
          receivingParents: [
            { id: 'A', children: [{}] },
            { id: 'B', children: [{}, {}] },
          ],
        },
      },
      {
        effectiveDate: '2024-02-20',
        calculation: {
          payingParent: { grossWeeklyIncome: '700' },
          receivingParents: [
            { id: 'A', children: [{}] },
            { id: 'B', children: [{}, {}] },
          ],
        },
      },
    ],
    service: 'collect_and_pay',
    asOf: '2024-03-01',
  });

  it('the weekly amount is shared by number of children, and each share becomes its own instalment', () => {
    // 3 children: 19% × 500 = £95.00 a week; A 1/3 = 31.666… and B 2/3 = 63.333…, the odd penny to the larger
    // remainder: A £31.67, B £63.33. Monthly: A 31.67 × 52 ÷ 12 = 137.2366… → £137.24; B 63.33 × 52 ÷ 12 = £274.43.
    const jan = s.lines[0]!;
    expect(jan.receivingParents.map((r) => [r.id, m(r.maintenance), m(r.fee), m(r.net)])).toEqual([
      // 4% × 137.24 = 5.4896 → 5.49, net 131.75; 4% × 274.43 = 10.9772 → 10.98, net 263.45
      ['A', '137.24', '5.49', '131.75'],
      ['B', '274.43', '10.98', '263.45'],
    ]);
    // 137.24 + 274.43 = 411.67; fee 20% × 411.67 = 82.334 → 82.33; 411.67 + 82.33 = 494.00
    expect([m(jan.maintenance), m(jan.collectionFee), m(jan.totalDue)]).toEqual(['411.67', '82.33', '494.00']);
  });

  it('in a period with two decisions, the shares still add up to the line', () => {
    // From 20 Feb: 19% × 700 = £133.00; A 44.333… → £44.33, B 88.666… → £88.67 (odd penny to B's larger remainder).
    // A: 31.67 × 52 × 19 ÷ 348 = 89.9… (31,289.96 ÷ 348 = 89.9137…) → 89.91; 44.33 × 52 × 10 ÷ 348 = 23,051.6 ÷ 348 = 66.2402… → 66.24
    // B: 63.33 × 52 × 19 ÷ 348 = 62,570.04 ÷ 348 = 179.7989… → 179.80; 88.67 × 52 × 10 ÷ 348 = 46,108.4 ÷ 348 = 132.4954… → 132.50
    const feb = s.lines[1]!;
    expect(feb.receivingParents.map((r) => [r.id, m(r.maintenance)])).toEqual([
      ['A', '156.15'], // 89.91 + 66.24
      ['B', '312.30'], // 179.80 + 132.50
    ]);
    expect(m(feb.maintenance)).toBe('468.45'); // 156.15 + 312.30
    for (const line of s.lines) {
      const sum = line.receivingParents.reduce((a, r) => a.plus(r.maintenance), line.maintenance.minus(line.maintenance));
      expect(m(sum)).toBe(m(line.maintenance));
    }
  });

  it('for any decisions, each line is the sum of the shares, each net is maintenance less fee, and the totals add up', () => {
    const decision = fc.record({
      day: fc.integer({ min: 0, max: 400 }),
      income: fc.integer({ min: 0, max: 400_000 }).map((p) => (p / 100).toFixed(2)),
      kids: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      service: fc.constantFrom('direct_pay' as const, 'collect_and_pay' as const),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(decision, { minLength: 1, maxLength: 4, selector: (d) => d.day }),
        fc.constantFrom('weekly' as const, 'fortnightly' as const, 'four_weekly' as const, 'monthly' as const),
        (ds, frequency) => {
          const parents = ds[0]!.kids.map((_, i) => `rp${i}`);
          const decisions: DecisionInput[] = ds.map((d) => ({
            effectiveDate: new Date(Date.UTC(2024, 0, 1 + d.day)).toISOString().slice(0, 10),
            service: d.service,
            calculation: {
              payingParent: { grossWeeklyIncome: d.income },
              receivingParents: parents.map((id, i) => ({ id, children: Array.from({ length: d.kids[i] ?? 1 }, () => ({})) })),
            },
          }));
          const sched = buildSchedule({ decisions, frequency, asOf: '2025-03-31' });
          let running = '0.00';
          for (const l of sched.lines) {
            const shares = l.receivingParents.reduce((a, r) => a.plus(r.maintenance), l.maintenance.minus(l.maintenance));
            expect(m(shares)).toBe(m(l.maintenance));
            expect(m(l.segments.reduce((a, x) => a.plus(x.amount), l.maintenance.minus(l.maintenance)))).toBe(m(l.maintenance));
            for (const r of l.receivingParents) expect(m(r.maintenance.minus(r.fee))).toBe(m(r.net));
            expect(m(l.maintenance.plus(l.collectionFee))).toBe(m(l.totalDue));
            if (l.segments.every((x) => x.service === 'direct_pay')) expect(m(l.collectionFee)).toBe('0.00');
            running = m(l.totalDue.plus(running));
            expect(m(l.runningTotal)).toBe(running);
          }
          expect(m(sched.totals.totalDue)).toBe(running);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('bad input names the field', () => {
  const ok = { effectiveDate: '2024-01-01', weeklyAmount: '60' };
  const calc = { payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: [{}] }] };
  it.each([
    ['no decisions', { decisions: [], asOf: '2024-01-31' }, 'decisions'],
    ['decisions missing', { asOf: '2024-01-31' }, 'decisions'],
    ['both weeklyAmount and calculation', { decisions: [{ ...ok, calculation: calc }], asOf: '2024-01-31' }, 'decisions[0]'],
    ['neither weeklyAmount nor calculation', { decisions: [{ effectiveDate: '2024-01-01' }], asOf: '2024-01-31' }, 'decisions[0]'],
    [
      '30 February',
      { decisions: [ok, { effectiveDate: '2024-02-30', weeklyAmount: '50' }], asOf: '2024-03-31' },
      'decisions[1].effectiveDate',
    ],
    ['a date in another format', { decisions: [{ ...ok, effectiveDate: '01/01/2024' }], asOf: '2024-01-31' }, 'decisions[0].effectiveDate'],
    ['a bad letter date', { decisions: [{ ...ok, letterDate: '2024-13-01' }], asOf: '2024-01-31' }, 'decisions[0].letterDate'],
    [
      'before the CSA began (5 Apr 1993)',
      { decisions: [{ ...ok, effectiveDate: '1993-04-04' }], asOf: '1993-05-31' },
      'decisions[0].effectiveDate',
    ],
    [
      'a calculation before the 2012 scheme began (10 Dec 2012): the stated weekly amount is wanted',
      { decisions: [{ effectiveDate: '2012-12-09', calculation: calc }], asOf: '2013-01-31' },
      'decisions[0].calculation',
    ],
    ['a case end date before the start', { decisions: [ok], caseEndDate: '2023-12-31', asOf: '2024-01-31' }, 'caseEndDate'],
    ['a case end date on the start', { decisions: [ok], caseEndDate: '2024-01-01', asOf: '2024-01-31' }, 'caseEndDate'],
    ['a case end date that is not a date', { decisions: [ok], caseEndDate: '2024-02-30', asOf: '2024-01-31' }, 'caseEndDate'],
    ['asOf not a date', { decisions: [ok], asOf: '2024-02-30' }, 'asOf'],
    ['firstDueDate not a date', { decisions: [ok], firstDueDate: 'soon', asOf: '2024-01-31' }, 'firstDueDate'],
    ['a negative weekly amount', { decisions: [{ ...ok, weeklyAmount: '-60' }], asOf: '2024-01-31' }, 'decisions[0].weeklyAmount'],
    [
      'a weekly amount that is not money',
      { decisions: [{ ...ok, weeklyAmount: 'sixty' }], asOf: '2024-01-31' },
      'decisions[0].weeklyAmount',
    ],
    ['an unknown frequency', { decisions: [ok], frequency: 'daily', asOf: '2024-01-31' }, 'frequency'],
    ['an unknown service', { decisions: [{ ...ok, service: 'cash' }], asOf: '2024-01-31' }, 'decisions[0].service'],
    [
      'the same id twice',
      {
        decisions: [
          { ...ok, id: 'x' },
          { ...ok, id: 'x', effectiveDate: '2024-02-01' },
        ],
        asOf: '2024-01-31',
      },
      'decisions[1].id',
    ],
  ])('%s', (_name, input, field) => {
    expect(inputErrorOf(input).field).toBe(field);
  });

  it(`too many periods: ${MAX_PERIODS} weekly periods are allowed, one more is refused under asOf`, () => {
    // Weekly from 10 Dec 2012: period k starts 7k days later; period 2,100 (the 2,101st) starts 14,700 days
    // later, on 10 Mar 2053.
    const input = { decisions: [{ effectiveDate: '2012-12-10', weeklyAmount: '7' }], frequency: 'weekly' as const };
    expect(buildSchedule({ ...input, asOf: '2053-03-09' }).lines).toHaveLength(MAX_PERIODS);
    expect(inputErrorOf({ ...input, asOf: '2053-03-10' }).field).toBe('asOf');
  });
});

describe('CMS’s catch-up amounts (paymentPlan.catchUp)', () => {
  // £60.00 a week from Friday 5 April 2024, payments due on the 1st from 1 May, Direct Pay: April's 26 of 30 days,
  // 260.00 × 26 ÷ 30 = 225.333… → £225.33, accrued before the first payment date (the initial amount); then £260.00
  // a month (60 × 52 ÷ 12).
  const base = { decisions: [{ effectiveDate: '2024-04-05', weeklyAmount: '60' }], firstDueDate: '2024-05-01' } as const;
  const catchUpEvents = (s: Schedule) =>
    s.plan.events.filter((e) => e.kind === 'catch_up').map((e) => [e.date, (e.amounts.maintenance / 100).toFixed(2)]);
  const threeListed = { catchUp: ['05', '06', '07'].map((mm) => ({ dueDate: `2024-${mm}-01`, amount: '18.78' })) };

  it('a schedule that lists only the next three (3 × £18.78 of £225.33) asks £18.78 on each, and the rest after its last date', () => {
    const s = buildSchedule({ ...base, paymentPlan: threeListed, asOf: '2024-07-31' });
    // CMS asks 3 × 18.78 = 56.34 by 1 July; the other 225.33 − 56.34 = 168.99 is spread by Reckoner's rule over 12
    // equal instalments from the next due date, 1 Aug 2024: 168.99 ÷ 12 = 14.0825 → 14.08 each, to 1 July 2025 (the
    // last 168.99 − 11 × 14.08 = 14.11).
    const events = catchUpEvents(s);
    expect(events.slice(0, 5)).toEqual([
      ['2024-05-01', '18.78'],
      ['2024-06-01', '18.78'],
      ['2024-07-01', '18.78'],
      ['2024-08-01', '14.08'],
      ['2024-09-01', '14.08'],
    ]);
    expect(events.at(-1)![1]).toBe('14.11');
    expect(events).toHaveLength(15);
    expect(events.at(-1)![0]).toBe('2025-07-01');
    expect(s.plan.events.filter((e) => e.kind === 'catch_up').reduce((a, e) => a + e.amounts.maintenance, 0)).toBe(22533);
    // By 31 July: 3 × 260.00 + 56.34 = 836.34 of 225.33 + 3 × 260.00 = 1,005.33; 168.99 not yet due.
    expect(m(s.due.byAsOf)).toBe('836.34');
    expect(m(s.due.notYetDue)).toBe('168.99');
    expect(s.plan.rule).toBe('cms_schedule');
    expect(s.plan.cmsCatchUpRest).toMatchObject({
      listedTo: '2024-07-01',
      instalments: 12,
      firstDueDate: '2024-08-01',
      lastDueDate: '2025-07-01',
    });
    expect(s.plan.cmsCatchUpRest!.amounts.maintenance).toBe(16899);
    const step = s.trace.find((t) => t.step === 'initial_amount')!;
    expect(step.description).toContain(
      "collected on the dates of CMS's payment schedule, which lists £56.34 of it on 3 dates to 2024-07-01",
    );
    expect(step.description).toContain('the rest, £168.99, is spread over 12 instalments from 2024-08-01 to 2025-07-01');
  });

  it('two months on, the rest has begun: by 30 September 1,300.00 + 56.34 + 14.08 + 14.08 = 1,384.50 is due', () => {
    const s = buildSchedule({ ...base, paymentPlan: threeListed, asOf: '2024-09-30' });
    // 225.33 + 5 × 260.00 = 1,525.33 accrued; 1,525.33 − 1,384.50 = 140.83 not yet due (168.99 − 28.16).
    expect(m(s.due.byAsOf)).toBe('1384.50');
    expect(m(s.due.notYetDue)).toBe('140.83');
  });

  it('a schedule that lists the whole amount is CMS’s whole timetable: nothing is left over', () => {
    // 11 × 18.78 + 18.75 = 225.33.
    const catchUp = [
      ...['2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'].map(
        (mm) => ({ dueDate: `${mm}-01`, amount: '18.78' }),
      ),
      { dueDate: '2025-04-01', amount: '18.75' },
    ];
    const s = buildSchedule({ ...base, paymentPlan: { catchUp }, asOf: '2024-07-31' });
    expect(catchUpEvents(s)).toHaveLength(12);
    expect(catchUpEvents(s).at(-1)).toEqual(['2025-04-01', '18.75']);
    expect(s.plan.cmsCatchUpRest).toBeUndefined();
    expect(m(s.due.notYetDue)).toBe('168.99');
  });
});

describe('a break in liability', () => {
  it('a decision after the case end date is refused, naming it', () => {
    expect(() =>
      buildSchedule({
        decisions: [
          { effectiveDate: '2024-01-01', weeklyAmount: '60' },
          { effectiveDate: '2024-06-01', weeklyAmount: '70' },
        ],
        caseEndDate: '2024-03-01',
        asOf: '2024-12-31',
      }),
    ).toThrow(/decisions\[1\]\.effectiveDate: 2024-06-01 is on or after the case end date 2024-03-01/);
  });
  it('a £0 decision expresses a break: nothing is due while it is in force', () => {
    // £60 a week monthly from 1 Jan: 260.00 in January; £0 from 1 Feb; £60 again from 1 Mar: 260.00.
    const s = buildSchedule({
      decisions: [
        { effectiveDate: '2024-01-01', weeklyAmount: '60' },
        { effectiveDate: '2024-02-01', weeklyAmount: '0' },
        { effectiveDate: '2024-03-01', weeklyAmount: '60' },
      ],
      asOf: '2024-03-31',
    });
    expect(s.lines.map((l) => l.totalDue.toString())).toEqual(['260', '0', '260']);
  });
});

describe('spreadUpTo: an amount in equal instalments to the penny, the last taking what is left', () => {
  const parts = (x: number, n: number) => Array.from({ length: n }, (_, i) => spreadUpTo(x, i + 1, n) - spreadUpTo(x, i, n));

  it('£583.74 over 12: £48.65 eleven times (48.645, half a penny up) and £48.59, not £48.65 and £48.64 by turns', () => {
    // 583.74 − 11 × 48.65 = 583.74 − 535.15 = 48.59.
    expect(parts(58374, 12)).toEqual([...Array<number>(11).fill(4865), 4859]);
  });

  it('CMS’s own schedule for £225.33 over 12: 11 × £18.78 and £18.75', () => {
    expect(parts(22533, 12)).toEqual([...Array<number>(11).fill(1878), 1875]);
  });

  it('a few pence over many instalments stop when they are used up: a 4% fee of £5.60 over 52 weeks is £0.11 a week', () => {
    // 5.60 ÷ 52 = 0.1077 → 0.11; 50 × 0.11 = 5.50, the 51st the 0.10 left, the 52nd nothing.
    expect(parts(560, 52)).toEqual([...Array<number>(50).fill(11), 10, 0]);
  });

  it('always adds up to the amount, no part below nil, the parts before the last equal until the amount runs out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 60 }), (x, n) => {
        const p = parts(x, n);
        expect(p.reduce((a, b) => a + b, 0)).toBe(x);
        expect(p.every((v) => v >= 0)).toBe(true);
        expect(new Set(p.slice(0, -1).filter((v) => v !== 0)).size).toBeLessThanOrEqual(2);
      }),
    );
  });
});
