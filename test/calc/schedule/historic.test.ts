/**
 * Historic schedules (issue 16, item 1): stated weekly amounts back to the CSA's start (5 April 1993), the arrears a
 * CSA case carried to CMS when it closed, write-offs (1991 Act s.41E and the write-off exercise) and the Secretary of
 * State's part of the arrears. Every expected figure is computed here, with its arithmetic; none is from a CMS
 * document.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../calc/errors.ts';
import { formatMoney, type Dec } from '../../../calc/money.ts';
import { buildSchedule, SCHEDULE_STEP, type ScheduleInput } from '../../../calc/schedule/build.ts';
import { TRANSFER } from './transfer.ts';

const m = (d: Dec): string => formatMoney(d);

function inputErrorOf(input: unknown): InputError {
  try {
    buildSchedule(input as ScheduleInput);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('stated weekly amounts from the CSA’s start', () => {
  it('1993 scheme, £20.00 a week from Monday 5 April 1993, weekly to 25 April: 3 × £20.00 = £60.00, no fee on collection', () => {
    const s = buildSchedule({
      decisions: [{ id: 'csa_1993', effectiveDate: '1993-04-05', weeklyAmount: '20.00' }],
      frequency: 'weekly',
      service: 'collect_and_pay',
      asOf: '1993-04-25',
    });
    expect(s.lines.map((l) => [l.dueDate, m(l.maintenance), m(l.collectionFee)])).toEqual([
      ['1993-04-05', '20.00', '0.00'],
      ['1993-04-12', '20.00', '0.00'],
      ['1993-04-19', '20.00', '0.00'],
    ]);
    // The CSA charged no percentage collection fee: none before the 2012 scheme's dated fees.
    expect(m(s.totals.totalDue)).toBe('60.00');
    expect(m(s.totals.collectionFees)).toBe('0.00');
    const step = s.trace.find((t) => t.step === SCHEDULE_STEP.decision)!;
    expect(step.description).toContain('(CSA scheme, as stated)');
    expect(step.citation).toMatch(/1993 and 2003 schemes are taken at the weekly amount the decision states/);
  });

  it('2003 scheme into the 2012 scheme: £43.27 a week from 1 October 2012, monthly to 31 December 2012 = 3 × £187.50 = £562.50', () => {
    // 43.27 × 52 ÷ 12 = 187.5033… → £187.50 a month.
    const s = buildSchedule({
      decisions: [{ effectiveDate: '2012-10-01', weeklyAmount: '43.27' }],
      asOf: '2012-12-31',
    });
    expect(s.lines.map((l) => m(l.maintenance))).toEqual(['187.50', '187.50', '187.50']);
    expect(m(s.totals.totalDue)).toBe('562.50');
  });

  it('a CSA decision collected after the 2012 scheme’s fees began still carries none; a CMS decision does (20% of £130.00 = £26.00)', () => {
    // 2003 scheme, £30.00 a week from 1 June 2012 on Collect and Pay, still in force in 2015; CMS decision from 1 June 2015.
    const s = buildSchedule({
      decisions: [
        { id: 'csa', effectiveDate: '2012-06-01', weeklyAmount: '30.00' },
        { id: 'cms', effectiveDate: '2015-06-01', weeklyAmount: '30.00' },
      ],
      service: 'collect_and_pay',
      asOf: '2015-07-31',
    });
    const fee = (due: string) => m(s.lines.find((l) => l.dueDate === due)!.collectionFee);
    expect([fee('2015-04-01'), fee('2015-05-01'), fee('2015-06-01'), fee('2015-07-01')]).toEqual(['0.00', '0.00', '26.00', '26.00']);
  });

  it('refuses a calculation before the 2012 scheme, naming the field and asking for the stated weekly amount', () => {
    const e = inputErrorOf({
      decisions: [
        {
          effectiveDate: '2008-05-01',
          calculation: { payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: [{}] }] },
        },
      ],
      asOf: '2008-06-30',
    });
    expect(e.field).toBe('decisions[0].calculation');
    expect(e.message).toMatch(
      /a schedule works amounts out under the 2012 scheme only \(the 1993 scheme is never calculated; calculate_maintenance with scheme "2003" checks a 2003-scheme amount\); give weeklyAmount instead, the weekly amount the CSA decision letter states/,
    );
  });

  it('refuses a date before the CSA began', () => {
    const e = inputErrorOf({ decisions: [{ effectiveDate: '1993-04-04', weeklyAmount: '10' }], asOf: '1993-05-01' });
    expect(e.field).toBe('decisions[0].effectiveDate');
    expect(e.message).toMatch(/before the Child Support Agency began \(1993-04-05\)/);
  });
});

describe('a CSA case transferred to CMS: the opening balance, a write-off, the Secretary of State’s part', () => {
  const s = buildSchedule({ ...TRANSFER, asOf: '2019-03-31' });

  it('what the decisions make due is unchanged: 9 × (£130.00 + £26.00) = £1,404.00', () => {
    expect(s.lines).toHaveLength(9);
    expect(m(s.totals.maintenance)).toBe('1170.00');
    expect(m(s.totals.collectionFees)).toBe('234.00');
    expect(m(s.totals.totalDue)).toBe('1404.00');
  });

  it('the arrears carried over and written off are their own figures: 3,000.00 + 1,404.00 − 1,000.00 = £3,404.00 owed', () => {
    const h = s.historic!;
    expect(h.openingBalance).toMatchObject({ date: '2018-06-30', source: 'CSA closure letter of 2 July 2018' });
    expect(m(h.openingBalance!.amount)).toBe('3000.00');
    expect(m(h.openingBalance!.secretaryOfState)).toBe('500.00');
    expect(h.writeOffs.map((x) => [x.date, m(x.amount), x.reason, x.creditor])).toEqual([
      ['2019-02-21', '1000.00', 's41e', 'receiving_parent'],
    ]);
    expect(m(h.writtenOff)).toBe('1000.00');
    expect(m(h.secretaryOfState)).toBe('500.00');
    expect(m(h.owed)).toBe('3404.00');
  });

  it('each has a trace step citing its law', () => {
    const step = (id: string) => s.trace.filter((t) => t.step === id);
    expect(step(SCHEDULE_STEP.openingBalance)[0]).toMatchObject({ value: '3000.00' });
    expect(step(SCHEDULE_STEP.openingBalance)[0]!.citation).toMatch(/SI 2014\/1386/);
    expect(step(SCHEDULE_STEP.writeOff)[0]).toMatchObject({ value: '-1000.00' });
    expect(step(SCHEDULE_STEP.writeOff)[0]!.citation).toMatch(/s\.41E.*SI 2009\/3151 Part 4B/);
    expect(step(SCHEDULE_STEP.writeOff)[0]!.description).toMatch(/not a payment/);
    expect(step(SCHEDULE_STEP.secretaryOfState)[0]).toMatchObject({ value: '500.00' });
    expect(step(SCHEDULE_STEP.secretaryOfState)[0]!.citation).toMatch(/reg 13F/);
  });

  it('the write-off exercise on the Secretary of State’s part: 500.00 − 500.00 = £0.00 owed to it; owed 3,404.00 − 500.00 = £2,904.00', () => {
    const t = buildSchedule({
      ...TRANSFER,
      writeOffs: [
        ...TRANSFER.writeOffs!,
        { date: '2019-01-10', amount: '500.00', reason: 'write_off_exercise', creditor: 'secretary_of_state' },
      ],
      asOf: '2019-03-31',
    });
    expect(m(t.historic!.secretaryOfState)).toBe('0.00');
    expect(m(t.historic!.writtenOff)).toBe('1500.00');
    expect(m(t.historic!.owed)).toBe('2904.00');
    expect(t.trace.find((x) => x.step === SCHEDULE_STEP.writeOff)!.citation).toMatch(/write-off exercise/);
  });

  it('a write-off after asOf is not counted', () => {
    const t = buildSchedule({ ...TRANSFER, asOf: '2019-02-20' });
    expect(t.historic!.writeOffs).toEqual([]);
    expect(m(t.historic!.writtenOff)).toBe('0.00');
  });

  it('without an opening balance or write-offs there is no historic part', () => {
    expect(buildSchedule({ decisions: TRANSFER.decisions, asOf: '2019-03-31' }).historic).toBeUndefined();
  });
});

describe('bad historic input names the field', () => {
  const base = { ...TRANSFER, asOf: '2019-03-31' };
  it.each([
    [
      'a decision before the opening balance',
      { ...base, decisions: [{ effectiveDate: '2018-06-01', weeklyAmount: '30' }] },
      'decisions[0].effectiveDate',
    ],
    ['an opening balance before the CSA', { ...base, openingBalance: { date: '1990-01-01', amount: '1' } }, 'openingBalance.date'],
    [
      'an opening balance after asOf',
      {
        ...base,
        decisions: [{ effectiveDate: '2019-04-01', weeklyAmount: '1' }],
        openingBalance: { date: '2019-04-01', amount: '1' },
        asOf: '2019-03-31',
      },
      'openingBalance.date',
    ],
    [
      'a Secretary of State part larger than the balance',
      { ...base, openingBalance: { date: '2018-06-30', amount: '100', secretaryOfState: '200' } },
      'openingBalance.secretaryOfState',
    ],
    ['an opening amount that is not money', { ...base, openingBalance: { date: '2018-06-30', amount: 'lots' } }, 'openingBalance.amount'],
    ['a write-off of £0', { ...base, writeOffs: [{ date: '2019-01-01', amount: '0' }] }, 'writeOffs[0].amount'],
    ['a negative write-off', { ...base, writeOffs: [{ date: '2019-01-01', amount: '-5' }] }, 'writeOffs[0].amount'],
    ['an unknown reason', { ...base, writeOffs: [{ date: '2019-01-01', amount: '5', reason: 'amnesty' }] }, 'writeOffs[0].reason'],
    ['an unknown creditor', { ...base, writeOffs: [{ date: '2019-01-01', amount: '5', creditor: 'court' }] }, 'writeOffs[0].creditor'],
    ['a bad write-off date', { ...base, writeOffs: [{ date: '2019-02-30', amount: '5' }] }, 'writeOffs[0].date'],
    [
      'more of the Secretary of State’s arrears written off than owed',
      { ...base, writeOffs: [{ date: '2019-01-01', amount: '600', creditor: 'secretary_of_state' }] },
      'writeOffs',
    ],
  ])('%s', (_name, input, field) => {
    expect(inputErrorOf(input).field).toBe(field);
  });
});
