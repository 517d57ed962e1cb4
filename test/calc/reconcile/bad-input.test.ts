/**
 * What reconciliation does with untidy or impossible input: it sorts what can be sorted, and refuses the rest
 * with an InputError naming the field (cmsEntries[i].amount, bankTransactions[i].date …).
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../../calc/dates.ts';
import { InputError } from '../../../calc/errors.ts';
import type { BankTransactionInput, CmsEntryInput } from '../../../calc/ledger/entries.ts';
import { formatMoney } from '../../../calc/money.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import { balance, findings, ignored, matches } from './helpers.ts';

// £60 a week, Direct Pay, from 1 Jan 2024: 60 × 52 ÷ 12 = £260.00 due on the 1st of each month.
const schedule = { decisions: [{ effectiveDate: '2024-01-01', weeklyAmount: '60' }], asOf: '2024-03-31' };
const base: ReconcileInput = { schedule, side: 'paying', bankFilter: { includeAll: true } };

function inputErrorOf(input: unknown): InputError {
  try {
    reconcile(input as ReconcileInput);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('dates out of order', () => {
  const cms: CmsEntryInput[] = ['2024-03-01', '2024-01-01', '2024-02-01'].map((date) => ({
    id: `cms-${date}`,
    date,
    type: 'direct_payment',
    amount: '260.00',
  }));
  const bank: BankTransactionInput[] = ['2024-02-01', '2024-03-01', '2024-01-01'].map((date) => ({
    id: `bank-${date}`,
    date,
    amount: '260.00',
    direction: 'out',
  }));

  it('are put in order: each payment matches its own month', () => {
    const r = reconcile({ ...base, cmsEntries: cms, bankTransactions: bank });
    expect(matches(r)).toEqual(
      ['2024-01-01', '2024-02-01', '2024-03-01'].map((d) => ({ reason: 'exact_amount', cms: [`cms-${d}`], bank: [`bank-${d}`] })),
    );
    expect(findings(r)).toEqual([]);
    // 3 × 260.00 due − 3 × 260.00 paid = 0; each period paid in its own month.
    expect(r.periods.map((p) => formatMoney(p.paid))).toEqual(['260.00', '260.00', '260.00']);
    expect(balance(r).recomputed).toBe('0.00');
  });

  it('give the same result as the same entries in date order', () => {
    const sorted = reconcile({
      ...base,
      cmsEntries: [...cms].sort((a, b) => (a.date < b.date ? -1 : 1)),
      bankTransactions: [...bank].sort((a, b) => (a.date < b.date ? -1 : 1)),
    });
    expect(JSON.stringify(reconcile({ ...base, cmsEntries: cms, bankTransactions: bank }))).toBe(JSON.stringify(sorted));
  });

  it('payments dated before liability began count in the first period, and entries after asOf are set aside', () => {
    const r = reconcile({
      ...base,
      cmsEntries: [
        { id: 'early', date: '2023-12-29', type: 'direct_payment', amount: '260.00' },
        { id: 'late', date: '2024-04-02', type: 'direct_payment', amount: '260.00' },
      ],
      bankTransactions: [
        { id: 'b-early', date: '2023-12-29', amount: '260.00', direction: 'out' },
        { id: 'b-late', date: '2024-04-02', amount: '260.00', direction: 'out' },
      ],
    });
    expect(matches(r)).toEqual([{ reason: 'exact_amount', cms: ['early'], bank: ['b-early'] }]);
    expect(ignored(r)).toEqual(['b-late: after_as_of', 'late: after_as_of']);
    expect(formatMoney(r.periods[0]!.paid)).toBe('260.00');
    // 780.00 due − 260.00 paid = 520.00
    expect(balance(r).recomputed).toBe('520.00');
  });
});

describe('amounts', () => {
  it('a negative CMS payment is refused, naming cmsEntries[i].amount (the index as given)', () => {
    const e = inputErrorOf({
      ...base,
      cmsEntries: [
        { date: '2024-02-01', type: 'direct_payment', amount: '260.00' },
        { date: '2024-01-01', type: 'direct_payment', amount: '-260.00' },
      ],
    });
    expect(e.field).toBe('cmsEntries[1].amount');
    expect(e.message).toMatch(/must not be negative/);
  });

  it('a negative bank amount is refused, naming bankTransactions[i].amount (direction says which way money went)', () => {
    const e = inputErrorOf({
      ...base,
      bankTransactions: [
        { date: '2024-01-01', amount: '260.00', direction: 'out' },
        { date: '2024-01-02', amount: '5.00', direction: 'in' },
        { date: '2024-01-03', amount: '-5.00', direction: 'out' },
      ],
    });
    expect(e.field).toBe('bankTransactions[2].amount');
  });

  it('a negative adjustment is allowed: it reduces what is owed', () => {
    const r = reconcile({ ...base, cmsEntries: [{ id: 'adj', date: '2024-02-10', type: 'adjustment', amount: '-40.00' }] });
    // 3 × 260.00 due − 0 paid + (−40.00) = 740.00
    expect(balance(r)).toMatchObject({ due: '780.00', paid: '0.00', adjustments: '-40.00', recomputed: '740.00' });
    expect(matches(r)).toEqual([{ reason: 'accepted_as_recorded', cms: ['adj'], bank: [] }]);
  });

  it('"£1,234.50" is read as £1,234.50 and matches a bank "1234.50"', () => {
    const r = reconcile({
      ...base,
      cmsEntries: [{ id: 'c', date: '2024-01-05', type: 'direct_payment', amount: '£1,234.50' }],
      bankTransactions: [{ id: 'b', date: '2024-01-05', amount: '1234.50', direction: 'out' }],
    });
    expect(matches(r)).toEqual([{ reason: 'exact_amount', cms: ['c'], bank: ['b'] }]);
    expect(formatMoney(r.matches[0]!.amount)).toBe('1234.50');
    // 780.00 − 1,234.50 = −454.50
    expect(balance(r)).toMatchObject({ paid: '1234.50', recomputed: '-454.50', position: 'overpaid' });
  });

  it('"€5" is refused, naming the field and saying how to write money', () => {
    const e = inputErrorOf({ ...base, bankTransactions: [{ date: '2024-01-05', amount: '€5', direction: 'out' }] });
    expect(e.field).toBe('bankTransactions[0].amount');
    expect(e.message).toMatch(/1234\.56/);
    expect(inputErrorOf({ ...base, cmsEntries: [{ date: '2024-01-05', type: 'direct_payment', amount: '€5' }] }).field).toBe(
      'cmsEntries[0].amount',
    );
  });

  it('a comma that is not a thousands separator ("1,50", European for £1.50) is refused, not read as £150.00', () => {
    const e = inputErrorOf({ ...base, bankTransactions: [{ date: '2024-01-05', amount: '1,50', direction: 'out' }] });
    expect(e.field).toBe('bankTransactions[0].amount');
  });

  it.each([
    ['a string', '10.005'],
    ['a number', 10.005],
    ['a tiny fraction', '260.0000001'],
  ])('fractions of a penny (%s) are refused', (_what, amount) => {
    const e = inputErrorOf({ ...base, cmsEntries: [{ date: '2024-01-05', type: 'direct_payment', amount }] });
    expect(e.field).toBe('cmsEntries[0].amount');
    expect(e.message).toMatch(/whole pence/);
  });

  it('an amount too large to be maintenance is refused', () => {
    expect(inputErrorOf({ ...base, bankTransactions: [{ date: '2024-01-05', amount: '2000000000', direction: 'out' }] }).field).toBe(
      'bankTransactions[0].amount',
    );
  });

  it('a missing amount is refused with a message a person can act on', () => {
    const e = inputErrorOf({ ...base, cmsEntries: [{ date: '2024-01-05', type: 'direct_payment' }] });
    expect(e.field).toBe('cmsEntries[0].amount');
    expect(e.message).not.toMatch(/Cannot read properties/);
  });
});

describe('types, dates, ids and options', () => {
  it.each([
    ['an unknown entry type', { cmsEntries: [{ date: '2024-01-05', type: 'arrears', amount: '5' }] }, 'cmsEntries[0].type'],
    [
      'an unknown direction',
      { bankTransactions: [{ date: '2024-01-05', amount: '5', direction: 'sideways' }] },
      'bankTransactions[0].direction',
    ],
    ['30 February on a CMS entry', { cmsEntries: [{ date: '2024-02-30', type: 'direct_payment', amount: '5' }] }, 'cmsEntries[0].date'],
    [
      'a UK-style date on a bank line',
      { bankTransactions: [{ date: '05/01/2024', amount: '5', direction: 'out' }] },
      'bankTransactions[0].date',
    ],
    [
      'the same id twice',
      {
        cmsEntries: [
          { id: 'x', date: '2024-01-05', type: 'direct_payment', amount: '5' },
          { id: 'x', date: '2024-01-06', type: 'direct_payment', amount: '6' },
        ],
      },
      'cmsEntries',
    ],
    ['an unknown side', { side: 'both' }, 'side'],
    ['a receiving parent not in the decisions', { side: 'receiving', receivingParentId: 'nobody' }, 'receivingParentId'],
    ['a window that is not a whole number', { windowDays: 5.5 }, 'windowDays'],
    ['a window of more than 31 days', { windowDays: 40 }, 'windowDays'],
    ['a date-difference limit below the window', { windowDays: 10, maxDateDifferenceDays: 5 }, 'maxDateDifferenceDays'],
    ['both kinds of bank filter', { bankFilter: { includeAll: true, descriptionContains: ['CMS'] } }, 'bankFilter'],
    ['a CMS claim with a bad date', { cmsClaim: { date: '2024-13-01', balance: '5' } }, 'cmsClaim.date'],
    ['a CMS claim that is not money', { cmsClaim: { date: '2024-03-31', balance: 'lots' } }, 'cmsClaim.balance'],
    [
      'a bad decision, reported under schedule',
      { schedule: { ...schedule, decisions: [{ effectiveDate: '2024-02-30', weeklyAmount: '60' }] } },
      'schedule.decisions[0].effectiveDate',
    ],
  ])('%s', (_name, change, field) => {
    expect(inputErrorOf({ ...base, ...change }).field).toBe(field);
  });

  it('a receiving parent’s evidence with two receiving parents in the decisions: whose it is must be said, not guessed', () => {
    // £60.00 a week shared between two receiving parents (one child each, no shared care): each is owed half. Before, the
    // first was taken, so the second parent's evidence was set against the first's share.
    const two = {
      ...base,
      side: 'receiving' as const,
      schedule: {
        ...schedule,
        decisions: [
          {
            effectiveDate: '2024-01-01',
            calculation: {
              payingParent: { grossWeeklyIncome: '500.00' },
              receivingParents: [
                { id: 'rpA', children: [{}] },
                { id: 'rpB', children: [{}] },
              ],
            },
          },
        ],
      },
    };
    const e = inputErrorOf(two);
    expect(e.field).toBe('receivingParentId');
    expect(e.message).toBe(
      'receivingParentId: give the id of the receiving parent whose evidence this is (rpA or rpB): the decisions share the maintenance between 2 receiving parents, and each is owed only their own share',
    );
    expect(() => reconcile({ ...two, receivingParentId: 'rpB' } as ReconcileInput)).not.toThrow();
  });

  it('a row that says it repeats a row not given is refused, naming the field: nothing is set aside by a slip', () => {
    const pay = { date: '2024-01-08', amount: '60.00', direction: 'out' as const };
    const e = inputErrorOf({
      ...base,
      bankTransactions: [
        { ...pay, id: 'a' },
        { ...pay, id: 'b', repeats: 'c' },
      ],
    });
    expect(e.field).toBe('bankTransactions[1].repeats');
    expect(e.message).toMatch(/another bank transaction given here/);
    expect(
      inputErrorOf({ ...base, cmsEntries: [{ id: 'x', date: '2024-01-08', type: 'liability', amount: '60.00', repeats: 'x' }] }).field,
    ).toBe('cmsEntries[0].repeats');
    // Given rightly, the copy is set aside and the payment counts once.
    const r = reconcile({
      ...base,
      bankTransactions: [
        { ...pay, id: 'a' },
        { ...pay, id: 'b', repeats: 'a' },
      ],
    });
    expect(r.ignored).toEqual([{ bankTransactionId: 'b', reason: 'shown_in_another_document' }]);
  });

  it('an entry that is not an object is refused as input, not a crash', () => {
    expect(inputErrorOf({ ...base, cmsEntries: [null] }).field).toMatch(/^cmsEntries\[0\]/);
  });

  it('neither asOf nor a CMS claim: refused under schedule.asOf', () => {
    const e = inputErrorOf({ schedule: { decisions: schedule.decisions }, side: 'paying' });
    expect(e.field).toBe('schedule.asOf');
    expect(e.message).toMatch(/cmsClaim\.date/);
  });

  it('no asOf but a CMS claim: the claim date is the date reconciled to', () => {
    const r = reconcile({
      schedule: { decisions: schedule.decisions },
      side: 'paying',
      cmsClaim: { date: '2024-02-15', balance: '520.00' },
    });
    // Due 1 Jan and 1 Feb: 2 × 260.00 = 520.00, and no evidence of anything paid; CMS says the same.
    expect(r.asOf).toBe('2024-02-15');
    expect(balance(r)).toMatchObject({ due: '520.00', recomputed: '520.00', cmsClaimed: '520.00', difference: '0.00' });
    // On Direct Pay CMS's arrears are its missed-payment reports, and none were given: its figure is not explained by
    // its entries (+520.00), and the two unpaid instalments are not reported (−260.00 each). A warning says why.
    expect(findings(r).map((f) => `${f.kind} ${f.effect}`)).toEqual([
      'missed_payment_not_reported -260.00',
      'missed_payment_not_reported -260.00',
    ]);
    expect(r.bridge.lines.map((l) => `${l.kind} ${formatMoney(l.amount)}`)).toContain('unexplained 520.00');
    expect(r.warnings.join(' ')).toMatch(/No evidence of payment was given/);
  });

  it('a CMS claim dated before asOf is compared with the balance on its own date (or refused), not with a later one', () => {
    // Claim: £260.00 owed on 31 Jan 2024. On 31 Jan, one instalment (1 Jan, £260.00) was due and nothing paid: CMS is
    // right. By 31 Mar (asOf) three were due, £780.00; comparing the January claim with that would report CMS £520.00
    // too low, and say CMS gave that figure for 31 March.
    let r;
    try {
      r = reconcile({ schedule, side: 'paying', cmsClaim: { date: '2024-01-31', balance: '260.00' } });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toMatch(/cmsClaim\.date|schedule\.asOf/);
      return;
    }
    expect(findings(r)).toEqual([]);
  });

  it('no schedule at all: refused, naming schedule.decisions', () => {
    expect(inputErrorOf({ side: 'paying', cmsClaim: { date: '2024-02-15', balance: '0' } }).field).toBe('schedule.decisions');
  });

  it('no entries at all is fine: the balance is what was due', () => {
    const r = reconcile({ schedule, side: 'paying' });
    expect(balance(r)).toEqual({ due: '780.00', paid: '0.00', adjustments: '0.00', recomputed: '780.00', position: 'arrears' });
    expect(r.counts).toMatchObject({ cmsEntries: 0, bankTransactions: 0, matches: 0, ignored: 0 });
    // With nothing recorded and nothing shown, each of the three Direct Pay instalments is unpaid and unreported.
    expect(r.counts.byKind.missed_payment_not_reported.count).toBe(3);
  });
});

describe('100,000 bank transactions', () => {
  // Ten years of a whole bank statement: £260.00 to the other parent on the 1st of each month (120 payments), and
  // 99,880 other lines (shopping out, some money in) spread over the same days.
  const N = 100_000;
  const build = () => {
    const bank: BankTransactionInput[] = [];
    const cms: CmsEntryInput[] = [];
    for (let k = 0; k < 120; k++) {
      const date = addMonths('2015-01-01', k);
      bank.push({ id: `maint-${k}`, date, amount: '260.00', direction: 'out', description: 'J SMITH CMS MAINT' });
      cms.push({ id: `cms-${k}`, date, type: 'direct_payment', amount: '260.00' });
    }
    for (let i = bank.length; i < N; i++) {
      bank.push({
        id: `t-${i}`,
        date: addDays('2015-01-01', i % 3650),
        amount: (((i * 7919) % 50000) / 100 + 0.01).toFixed(2),
        direction: i % 10 ? 'out' : 'in',
        description: 'SHOP',
      });
    }
    return { bank, cms };
  };
  const input = (bankFilter: ReconcileInput['bankFilter']) => {
    const { bank, cms } = build();
    return {
      schedule: { decisions: [{ effectiveDate: '2015-01-01', weeklyAmount: '60' }], asOf: '2024-12-31' },
      side: 'paying' as const,
      cmsEntries: cms,
      bankTransactions: bank,
      ...(bankFilter ? { bankFilter } : {}),
    };
  };

  it(
    'with a description filter: the 120 payments match, the rest are set aside, and every line is accounted for',
    { timeout: 120_000 },
    () => {
      const r = reconcile(input({ descriptionContains: ['CMS'] }));
      expect(r.counts).toMatchObject({ cmsEntries: 120, bankTransactions: N, matches: 120, findings: 0, ignored: N - 120 });
      expect(r.ignored.every((i) => i.reason === 'not_a_maintenance_payment')).toBe(true);
      // 120 months × 260.00 = 31,200.00 due and paid.
      expect(balance(r)).toMatchObject({ due: '31200.00', paid: '31200.00', recomputed: '0.00' });
    },
  );

  it('with every line counted as maintenance: each line ends in a match, a finding or nothing else', { timeout: 120_000 }, () => {
    const r = reconcile(input({ includeAll: true }));
    const accounted =
      r.matches.reduce((n, m) => n + m.bankTransactionIds.length, 0) +
      r.findings.reduce((n, d) => n + d.bankTransactionIds.length, 0) +
      r.ignored.length;
    expect(accounted).toBe(N);
    expect(r.counts.bankTransactions).toBe(N);
    expect(r.counts.byKind.payment_missing_from_cms.count).toBe(N - 120);
  });
});

describe('a CMS figure given whole and in part, where the parts cannot make it up', () => {
  // An MCP audit: £100.00 with £50.00 of maintenance on this Direct Pay case read as "£50.00 more in collection fees",
  // fees Direct Pay never has. Each refusal names the part and says what to give.
  it('on Direct Pay throughout, there are no collection fees for the rest', () => {
    const e = inputErrorOf({ ...base, cmsClaim: { date: '2024-03-31', balance: '100.00', maintenance: '50.00' } });
    expect(e.problems).toEqual([
      {
        field: 'cmsClaim.maintenance',
        message:
          'is £50.00 but cmsClaim.balance is £100.00: the case is on Direct Pay throughout, with no collection fees to make up the rest; give the balance alone, or each part as CMS states it (enforcementCharges, if it charged any)',
      },
    ]);
  });

  it('a receiving parent is owed maintenance only, so the two are one figure', () => {
    const e = inputErrorOf({ ...base, side: 'receiving', cmsClaim: { date: '2024-03-31', balance: '100.00', maintenance: '50.00' } });
    expect(e.problems[0]).toEqual({
      field: 'cmsClaim.maintenance',
      message:
        'is £50.00 but cmsClaim.balance is £100.00: a receiving parent is owed maintenance only, so the two are one figure; give one of them',
    });
  });

  it('the same figure given both ways is taken', () => {
    // Three instalments of £260.00 due by 31 March, none shown paid: £780.00, as CMS says.
    const r = reconcile({ ...base, cmsClaim: { date: '2024-03-31', balance: '780.00', maintenance: '780.00' } });
    expect(balance(r)).toMatchObject({ recomputed: '780.00', cmsClaimed: '780.00', difference: '0.00' });
  });
});
