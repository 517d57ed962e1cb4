/**
 * CMS statement lines and summaries: the column decides which way a line moves the balance and the wording
 * decides its type within that direction (issue 10); the summary's balances by component; the printed figures
 * checked against the entries; and the new fields through parse_statement's output schema.
 */
import { describe, expect, test } from 'vitest';
import type { CmsEntryType } from '../../calc/ledger/entries.ts';
import type { PaymentPlanInput } from '../../calc/schedule/build.ts';
import { Dec } from '../../calc/money.ts';
import type { Event } from '../../statements/pdf/bank.ts';
import { cmsEntryType, cmsStatementEntries, type CmsColumn } from '../../statements/pdf/cms.ts';
import { balancesJson, readBalances, readSummary, type SummaryFigure } from '../../statements/pdf/metadata.ts';
import { parseAmountToken } from '../../statements/pdf/tokens.ts';
import { parseStatementOutput, parseStatementTool } from '../../tools/parse-statement.ts';
import { renderTruth } from '../fixtures/pdf/generate.ts';
import { loadTruths, type CmsScheduleTruth, type CmsStatementTruth } from '../fixtures/pdf/truth.ts';

/** Lines that raise what the paying parent owes, and lines that lower it; an adjustment may do either. */
const DEBITS: ReadonlySet<CmsEntryType> = new Set([
  'liability',
  'collection_fee',
  'enforcement_charge',
  'refund',
  'missed_payment_reported',
]);
const CREDITS: ReadonlySet<CmsEntryType> = new Set([
  'payment_received',
  'deo_receipt',
  'benefit_deduction_receipt',
  'direct_payment',
  'voluntary_payment',
  'payment_passed_on',
  'offset',
  'write_off',
]);

type Reading = ReturnType<typeof cmsEntryType>;
const ok = (type: CmsEntryType, chargeType?: string): Reading =>
  ({ type, recognised: true, ...(chargeType ? { chargeType } : {}) }) as Reading;
/** The wording names a line of the other column: read from the column, flagged. */
const against = (type: CmsEntryType, contradicts: CmsEntryType): Reading => ({ type, recognised: false, contradicts });
const unknown = (type: CmsEntryType): Reading => ({ type, recognised: false });

// [wording, reading in the due column, reading in the paid column]
const WORDINGS: [string, Reading, Reading][] = [
  ['Payment due', ok('liability'), against('adjustment', 'liability')],
  ['Ongoing maintenance', ok('liability'), against('adjustment', 'liability')],
  // In the paid column, the receiving parent's 4% taken from what she is passed (cms-receiving-parent.test.ts): a fee
  // wherever it is printed; with nothing to say whose statement it is, warned of.
  [
    'Collection fee',
    ok('collection_fee'),
    { type: 'collection_fee', recognised: false, doubt: expect.stringMatching(/whose it is/) as unknown as string },
  ],
  [
    'Deduction from earnings order charge',
    ok('enforcement_charge', 'deduction_from_earnings_order'),
    against('adjustment', 'enforcement_charge'),
  ],
  [
    'Liability order charge Magistrates court order LO/2024/0042',
    ok('enforcement_charge', 'liability_order'),
    against('adjustment', 'enforcement_charge'),
  ],
  ['Lump sum deduction order charge', ok('enforcement_charge', 'lump_sum_deduction_order'), against('adjustment', 'enforcement_charge')],
  ['Regular deduction order', ok('enforcement_charge', 'regular_deduction_order'), ok('payment_received')],
  // Issue 10: the employer's payment, wherever "deduction from earnings" appears in it.
  ['Deduction from earnings order payment', against('adjustment', 'deo_receipt'), ok('deo_receipt')],
  ['Deduction from earnings order payment - Example Trading Ltd', against('adjustment', 'deo_receipt'), ok('deo_receipt')],
  ['DEO payment', against('adjustment', 'deo_receipt'), ok('deo_receipt')],
  ['DEO payment received', against('adjustment', 'deo_receipt'), ok('deo_receipt')],
  ['Payment from employer', against('adjustment', 'deo_receipt'), ok('deo_receipt')],
  // Named without "charge" or "payment": the column says which.
  ['Deduction from earnings order', ok('enforcement_charge', 'deduction_from_earnings_order'), ok('deo_receipt')],
  ['Deduction from earnings request', ok('enforcement_charge', 'deduction_from_earnings_request'), ok('deo_receipt')],
  ['Deduction from benefit', against('adjustment', 'benefit_deduction_receipt'), ok('benefit_deduction_receipt')],
  ['DWP deduction', against('adjustment', 'benefit_deduction_receipt'), ok('benefit_deduction_receipt')],
  ['Payment passed on to you', against('adjustment', 'payment_passed_on'), ok('payment_passed_on')],
  ['Direct Pay payment recorded', against('adjustment', 'direct_payment'), ok('direct_payment')],
  ['Voluntary payment', against('adjustment', 'voluntary_payment'), ok('voluntary_payment')],
  // "DEO" in a bank reference does not make a payment a deduction from earnings.
  ['Payment received - thank you Bank ref DEO 001230', against('adjustment', 'payment_received'), ok('payment_received')],
  ['Overpayment offset', against('adjustment', 'offset'), ok('offset')],
  ['Offset', against('adjustment', 'offset'), ok('offset')],
  ['Arrears written off', against('adjustment', 'write_off'), ok('write_off')],
  ['Write-off', against('adjustment', 'write_off'), ok('write_off')],
  ['Missed payment reported', ok('missed_payment_reported'), against('adjustment', 'missed_payment_reported')],
  ['Reported missed payment Direct Pay - May', ok('missed_payment_reported'), against('adjustment', 'missed_payment_reported')],
  ['Refund of overpayment', ok('refund'), against('payment_received', 'refund')],
  ['Adjustment - arrears reduced after mandatory reconsideration', ok('adjustment'), ok('adjustment')],
  ['Deduction from earnings order charge waived', ok('adjustment'), ok('adjustment')],
  ['Payment reversed - cheque returned unpaid', ok('adjustment'), ok('adjustment')],
  ['Something else', unknown('adjustment'), unknown('payment_received')],
];

describe('cmsEntryType: the column decides the direction, the wording the type within it', () => {
  describe.each(WORDINGS)('%s', (wording, due, paid) => {
    test.each([
      ['due', due],
      ['paid', paid],
    ] as const)('in the %s column', (column: CmsColumn, expected) => {
      const reading = cmsEntryType(wording, column);
      expect(reading).toEqual(expected);
      // Never a credit in the due column, never a debit in the paid column: the keyword never flips the column. A
      // collection fee in the paid column is the receiving parent's, which lowers what she is owed.
      const debitHere =
        column === 'paid' && reading.type === 'collection_fee' ? false : (column === 'due' ? CREDITS : DEBITS).has(reading.type);
      expect(debitHere).toBe(false);
    });
  });

  test('issue 10: a DEO payment in the paid column is money the employer paid, not an enforcement charge', () => {
    expect(cmsEntryType('Deduction from earnings order payment', 'paid')).toEqual({ type: 'deo_receipt', recognised: true });
    expect(cmsEntryType('Deduction from earnings order charge', 'due')).toEqual({
      type: 'enforcement_charge',
      recognised: true,
      chargeType: 'deduction_from_earnings_order',
    });
  });

  test('case, extra spaces and line breaks in the wording do not matter', () => {
    expect(cmsEntryType('  DEDUCTION FROM EARNINGS ORDER\n  PAYMENT ', 'paid')).toEqual({ type: 'deo_receipt', recognised: true });
  });

  test('an enforcement charge whose wording names no action has no chargeType', () => {
    expect(cmsEntryType('Enforcement charge', 'due')).toEqual({ type: 'enforcement_charge', recognised: true });
  });
});

describe('the summary: balances by component, and which figure is which', () => {
  test('arrears, fees and charges with who each is owed to; a total owed', () => {
    const warnings: string[] = [];
    const b = readBalances(
      [
        'What you owe at 30 September 2024',
        'Maintenance arrears (owed to the receiving parent) £955.00',
        'Collection fees owed (to the Secretary of State) £100.00',
        'Enforcement charges outstanding £50.00',
        'Total owed £1,105.00',
      ],
      warnings,
    );
    expect(balancesJson(b)).toEqual({
      maintenanceArrears: '955.00',
      collectionFees: '100.00',
      enforcementCharges: '50.00',
      total: '1105.00',
      byCreditor: [
        { balance: 'maintenance_arrears', creditor: 'receiving_parent', amount: '955.00' },
        { balance: 'collection_fees', creditor: 'secretary_of_state', amount: '100.00' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  test('arrears printed once per creditor are the sum of the parts; a credit is negative', () => {
    const warnings: string[] = [];
    const b = readBalances(
      [
        'Maintenance arrears owed to the receiving parent: £1,200.00',
        'Maintenance arrears owed to the Secretary of State: £300.00',
        'Collection fees outstanding £25.00 CR',
      ],
      warnings,
    );
    // 1,200.00 + 300.00 = 1,500.00 (computed).
    expect(balancesJson(b)).toEqual({
      maintenanceArrears: '1500.00',
      collectionFees: '-25.00',
      byCreditor: [
        { balance: 'maintenance_arrears', creditor: 'receiving_parent', amount: '1200.00' },
        { balance: 'maintenance_arrears', creditor: 'secretary_of_state', amount: '300.00' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  test('a figure in all and parts that do not add up to it: the figure in all, and a warning', () => {
    const warnings: string[] = [];
    const b = readBalances(
      [
        'Maintenance arrears £1,000.00',
        'Maintenance arrears owed to the receiving parent £700.00',
        'Maintenance arrears owed to DWP £200.00',
      ],
      warnings,
    );
    expect(balancesJson(b)?.maintenanceArrears).toBe('1000.00');
    expect(warnings).toEqual([
      "The summary's maintenance arrears is £1,000.00, but the amounts it shows owed to each (£700.00 to the receiving parent, £200.00 to DWP) add up to £900.00.",
    ]);
  });

  test('owed to someone named: the amount is read, the creditor is not guessed', () => {
    const b = readBalances(['Maintenance arrears owed to Ms Example £80.00'], []);
    expect(balancesJson(b)).toEqual({ maintenanceArrears: '80.00' });
  });

  test('the same balance printed twice with different figures: the first, and a warning', () => {
    const warnings: string[] = [];
    const b = readBalances(['Total owed £500.00', 'Total owed £450.00'], warnings);
    expect(balancesJson(b)).toEqual({ total: '500.00' });
    expect(warnings).toEqual(['The summary prints the total owed more than once (£500.00, £450.00); the first, £500.00, was read.']);
  });

  test('no balances printed: none returned', () => {
    expect(balancesJson(readBalances(['Opening balance £640.00', 'Collection fees £336.00'], []))).toBeUndefined();
  });

  test.each([
    [['Collection fees £240.00', 'Collection fees owed £100.00']],
    [['Collection fees owed £100.00', 'Collection fees £240.00']],
    [['Outstanding collection fees £100.00', 'Collection fees £240.00']],
  ])('a fees balance is never read as the period’s collection fees (%j)', (lines) => {
    expect(readSummary(lines, 'cms').fees?.toFixed(2)).toBe('240.00');
    expect(
      readSummary(['Enforcement charges outstanding £50.00', 'Outstanding enforcement charges £50.00'], 'cms').enforcement,
    ).toBeUndefined();
  });
});

describe('cmsStatementEntries: the printed figures against the entries', () => {
  /** Each row printed on the next line of page 2, from line 14. */
  let nextLine = 14;
  const row = (date: string, text: string, column: CmsColumn, amount: string, balance?: string): Event => ({
    kind: 'row',
    row: {
      date,
      desc: [text],
      type: [],
      money: { [column]: parseAmountToken(amount)!, ...(balance ? { balance: parseAmountToken(balance)! } : {}) },
      page: 2,
      line: nextLine++,
    },
  });
  const events = [
    row('2024-01-05', 'Missed payment reported', 'due', '300.00', '800.00'),
    row('2024-01-20', 'Overpayment offset', 'paid', '45.00', '755.00'),
    row('2024-02-01', 'Arrears written off', 'paid', '100.00', '655.00'),
    row('2024-02-10', 'Deduction from benefit', 'paid', '30.00', '625.00'),
    row('2024-02-15', 'Deduction from earnings order payment', 'paid', '125.00', '500.00'),
  ];
  const summary = (figures: Partial<Record<SummaryFigure, string>>) =>
    Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, new Dec(v)])) as Partial<Record<SummaryFigure, Dec>>;

  test('offsets, write-offs and missed payments with figures of their own', () => {
    const warnings: string[] = [];
    const out = cmsStatementEntries(
      events,
      summary({
        opening: '500.00',
        received: '155.00',
        missed: '300.00',
        offsets: '45.00',
        writeOffs: '-100.00',
        adjustments: '0.00',
        closing: '500.00',
      }),
      warnings,
    );
    expect(out.entries.map((e) => [e.type, e.amount])).toEqual([
      ['missed_payment_reported', '300.00'],
      ['offset', '45.00'],
      ['write_off', '100.00'],
      ['benefit_deduction_receipt', '30.00'],
      ['deo_receipt', '125.00'],
    ]);
    // Each entry keeps the page and line its row was printed on.
    expect(out.entries.map((e) => e.source)).toEqual([14, 15, 16, 17, 18].map((line) => ({ page: 2, line })));
    expect(out.checks).toMatchObject({ runningBalance: 'ok', totals: 'ok' });
    expect(out.received.toFixed(2)).toBe('155.00');
    expect(warnings).toEqual([]);
  });

  test('without figures of their own they are counted in the adjustments', () => {
    // 300.00 − 45.00 − 100.00 = 155.00 (computed).
    const out = cmsStatementEntries(events, summary({ opening: '500.00', adjustments: '155.00', closing: '500.00' }), []);
    expect(out.checks.totals).toBe('ok');
    expect(out.checks.totalsDetail).toContain('adjustments (with the missed payments reported, offsets and amounts written off) £155.00');
  });

  test('components that do not add up to the total owed fail the totals check', () => {
    const out = cmsStatementEntries(events, summary({ opening: '500.00', closing: '500.00' }), [], {
      maintenanceArrears: new Dec('400.00'),
      collectionFees: new Dec('60.00'),
      enforcementCharges: new Dec('50.00'),
      total: new Dec('500.00'),
    });
    expect(out.checks.totals).toBe('failed');
    expect(out.checks.totalsDetail).toBe('The printed total owed is £500.00 but the entries give £510.00.');
  });
});

describe('through parse_statement', () => {
  const truths = loadTruths();
  const byName = <T>(name: string) => truths.find((t) => t.name === name) as T;

  test('chargeType and the balances by component reach the output', async () => {
    const truth = byName<CmsStatementTruth>('cms-deductions-and-components');
    const bytes = await renderTruth(truth);
    const out = parseStatementOutput.parse(
      await parseStatementTool.handler({ contentBase64: Buffer.from(bytes).toString('base64') }, { today: '2024-10-01' }),
    );
    expect(out.metadata.balances).toEqual(truth.expected.metadata.balances);
    expect(out.cmsEntries.filter((e) => e.chargeType).map((e) => [e.date, e.type, e.chargeType])).toEqual([
      ['2024-06-10', 'enforcement_charge', 'deduction_from_earnings_order'],
    ]);
    expect(out.cmsEntries.filter((e) => e.type === 'deo_receipt').map((e) => e.amount)).toEqual(['360.00', '360.00', '180.00']);
    expect(parseStatementTool.summarize(out)).toContain(
      "CMS's balances by component: maintenance arrears £955.00, collection fees £100.00, enforcement charges £50.00, total £1,105.00.",
    );
  });

  test('the payment plan reaches the output, in the shape the liability schedule takes', async () => {
    const truth = byName<CmsScheduleTruth>('cms-payment-schedule');
    const bytes = await renderTruth(truth);
    const out = parseStatementOutput.parse(
      await parseStatementTool.handler({ contentBase64: Buffer.from(bytes).toString('base64') }, { today: '2024-10-01' }),
    );
    const plan: PaymentPlanInput = out.metadata.paymentPlan!;
    expect(plan).toEqual(truth.expected.metadata.paymentPlan);
    expect(parseStatementTool.summarize(out)).toContain(
      'Payment plan: £400.00 of arrears collected in 10 instalments, 2024-04-05 to 2025-01-05 (metadata.paymentPlan).',
    );
  });
});
