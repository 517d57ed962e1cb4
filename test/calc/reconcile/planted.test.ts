/**
 * The property the bridge rests on: for generated accounts — either side, Direct Pay (CMS keeping no payment
 * record, or a full one) or Collect and Pay, weekly or monthly — with errors of every kind planted in them, each
 * planted error is found once, as its kind, with the effect it has on CMS's figure; and the bridge's lines add up
 * exactly to CMS's figure minus the recomputed one, whatever else the account holds.
 *
 * The ground truth is built here, not by the engine: the instalments come from story.ts's own schedule (weekly ×
 * 52 ÷ 12 a month, 20% and 4% fees), every payment is made on its due date unless an error says otherwise, and each
 * error's effect is worked out from the amounts the generator chose. Errors sit more than 62 days apart (the
 * furthest two records of one amount are paired as a wrong date) so that each has one right reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import { formatMoney, fromPence } from '../../../calc/money.ts';
import { FINDING_KINDS, reconcile, type FindingKind, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import type { MissedPaymentReportInput } from '../../../calc/reconcile/parent-reports.ts';
import { cmsLines, type Story } from './story.ts';

type Service = 'direct_pay_reports' | 'direct_pay_records' | 'collect_and_pay';

interface Account {
  readonly input: ReconcileInput;
  /** Per kind: how many were planted and their total effect in pence. */
  readonly planted: Partial<Record<FindingKind, { count: number; effect: number }>>;
  /** The unexplained difference planted in CMS's claim, in pence. */
  readonly unexplained: number;
}

const KINDS_BY_SERVICE: Record<Service, readonly string[]> = {
  collect_and_pay: [
    'phantom',
    'missing',
    'duplicate',
    'amount',
    'date',
    'liability',
    'liability_twice',
    'fee',
    'charge_not_allowed',
    'deduction',
    'wrong_case',
    'other_case',
    'offset',
    'fee_twice',
    'charge_twice',
    'in_transit',
    'paid_in_transit',
  ],
  direct_pay_records: ['phantom', 'missing', 'duplicate', 'amount', 'date', 'liability', 'liability_twice', 'offset'],
  direct_pay_reports: ['false_report', 'short_report', 'catch_up', 'unreported', 'reported_not_recorded'],
};

const accountArb: fc.Arbitrary<Account> = fc
  .record({
    side: fc.constantFrom('paying' as const, 'receiving' as const),
    service: fc.constantFrom<Service>('direct_pay_reports', 'direct_pay_records', 'collect_and_pay'),
    frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
    start: fc.integer({ min: 0, max: 400 }).map((d) => addDays('2023-01-02', d)),
    weekly: fc.integer({ min: 2000, max: 15000 }),
    picks: fc.array(fc.nat(100), { minLength: 6, maxLength: 6 }),
    unexplained: fc.oneof(fc.constant(0), fc.integer({ min: -5000, max: 5000 })),
    charges: fc.boolean(),
    // Arrears carried over from the CSA (CMS's figure £100.00 above the one stated) and a write-off CMS never applied.
    historic: fc.constantFrom('none' as const, 'opening' as const, 'both' as const),
  })
  .map((a): Account => {
    const service = a.service;
    const collect = service === 'collect_and_pay';
    const side = a.side;
    const weekly = fromPence(a.weekly).toFixed(2);
    // Errors sit further apart than the 62 days within which the same amount on another date is a wrong date.
    const spacing = a.frequency === 'weekly' ? 10 : 3;
    const count = 4 + spacing * 6 + 2;
    const story: Story = {
      side,
      decisions: [{ id: 'd', effectiveDate: a.start, weeklyAmount: weekly, service: collect ? 'collect_and_pay' : 'direct_pay' }],
      frequency: a.frequency,
      service: collect ? 'collect_and_pay' : 'direct_pay',
      asOf: addDays(a.start, a.frequency === 'weekly' ? 7 * count - 1 : 31 * count),
      payments: [],
      cms: { paymentType: 'direct_payment' },
    };
    const lines = cmsLines(story, [{ effectiveDate: a.start, weeklyAmount: weekly, service: story.service! }]).slice(0, count);
    const asOf = addDays(lines.at(-1)!.dueDate, 1);
    // What one instalment moves through the bank: the paying parent pays the fee on top; the receiving parent gets it less 4%.
    const moved = (k: number) => lines[k]!.maintenancePence + (side === 'paying' ? lines[k]!.feePence : -lines[k]!.feePence);
    const recordType = collect ? (side === 'paying' ? 'payment_received' : 'payment_passed_on') : 'direct_payment';
    const keepsRecords = service !== 'direct_pay_reports';
    const p = (n: number) => fromPence(n).toFixed(2);

    // Choose up to six errors, `spacing` instalments apart from the fourth on.
    const paysOnly = ['deduction', 'wrong_case', 'other_case', 'charge_twice', 'in_transit', 'paid_in_transit'];
    const kinds = KINDS_BY_SERVICE[service].filter((k) => side === 'paying' || !paysOnly.includes(k));
    const chosen = a.picks.map((pick) => kinds[pick % kinds.length]!).filter((k, i, all) => all.indexOf(k) === i);
    // On Direct Pay without records a catch-up pays in advance whatever falls short after it, and makes good an
    // unreported shortfall before it: keep the catch-up last, and never with an unreported shortfall.
    // (The same for a shortfall the parent reported that CMS did not record.)
    const errors = chosen.includes('catch_up')
      ? [...chosen.filter((k) => k !== 'unreported' && k !== 'reported_not_recorded' && k !== 'catch_up'), 'catch_up']
      : chosen;
    // A deduction still in transit is the last instalment's: its employer has until the 19th of the next month. So is a
    // payment CMS recorded after the date (the day after the last due date): one of the two, the deduction first.
    const last = ['in_transit', 'paid_in_transit'];
    const at = new Map<number, string>(errors.filter((k) => !last.includes(k)).map((k, i) => [4 + spacing * i, k]));
    const atLast = errors.find((k) => last.includes(k));
    if (atLast) at.set(count - 1, atLast);

    const bank: BankTransactionInput[] = [];
    const cms: CmsEntryInput[] = [];
    const evidence: EvidenceInput[] = [];
    const reports: MissedPaymentReportInput[] = [];
    const planted: Account['planted'] = {};
    /** The instalments the parent reported missed and CMS's record lacks, planted once CMS's entries are known. */
    const reportedNotRecorded: number[] = [];
    const plant = (kind: FindingKind, effect: number) => {
      const held = planted[kind] ?? { count: 0, effect: 0 };
      planted[kind] = { count: held.count + 1, effect: held.effect + effect };
    };
    const payment = (k: number, pence: number, day = 0, id = `bank-${k}`) =>
      bank.push({
        id,
        date: addDays(lines[k]!.dueDate, day),
        amount: p(pence),
        direction: side === 'paying' ? 'out' : 'in',
        description: 'CHILD MAINTENANCE',
      });
    const record = (k: number, pence: number, day = 0, id = `cms-${k}`, extra: Partial<CmsEntryInput> = {}) =>
      cms.push({ id, date: addDays(lines[k]!.dueDate, day), type: recordType, amount: p(pence), ...extra });
    // CMS's own figure, from its entries, worked out here.
    let cmsFigure = 0;

    for (let k = 0; k < count; k++) {
      const line = lines[k]!;
      const kind = at.get(k);
      const due = moved(k);
      // CMS's liability and fee lines where it keeps a record; fees on Collect and Pay.
      if (keepsRecords) {
        const extra = kind === 'liability' ? 500 : 0;
        cms.push({ id: `due-${k}`, date: line.dueDate, type: 'liability', amount: p(line.maintenancePence + extra) });
        cmsFigure += line.maintenancePence + extra;
        if (kind === 'liability') plant('liability_mismatch', 500);
        if (kind === 'liability_twice') {
          cms.push({ id: `due-${k}-again`, date: line.dueDate, type: 'liability', amount: p(line.maintenancePence) });
          cmsFigure += line.maintenancePence;
          plant('duplicate_liability', line.maintenancePence);
        }
        if (collect) {
          const fee = line.feePence + (kind === 'fee' ? 100 : 0);
          cms.push({ id: `fee-${k}`, date: line.dueDate, type: 'collection_fee', amount: p(fee) });
          // The paying parent's fee adds to what they owe; the receiving parent's 4% lowers what they are owed (net).
          cmsFigure += side === 'paying' ? fee : -fee;
          if (kind === 'fee') plant('collection_fee_mismatch', side === 'paying' ? 100 : -100);
        }
      } else {
        cmsFigure += 0;
      }

      switch (kind) {
        case 'phantom': {
          // Paid on time and recorded; and a record of 70% of it halfway to the next due date that no payment stands
          // behind (not the same amount: that within three days of a record would be a copy of it).
          const phantom = Math.round(due * 0.7);
          payment(k, due);
          record(k, due);
          record(k, phantom, a.frequency === 'weekly' ? 3 : 14, `cms-${k}-phantom`);
          cmsFigure -= due + phantom;
          plant('cms_payment_without_evidence', -phantom);
          break;
        }
        case 'missing':
          payment(k, due);
          plant('payment_missing_from_cms', due);
          break;
        case 'duplicate':
          payment(k, due);
          record(k, due);
          record(k, due, 1, `cms-${k}-copy`);
          cmsFigure -= 2 * due;
          plant('duplicate_payment_record', -due);
          break;
        case 'amount': {
          // Recorded as 60% of what was paid (never the fee ratio).
          const recorded = Math.round(due * 0.6);
          payment(k, due);
          record(k, recorded);
          cmsFigure -= recorded;
          plant('amount_mismatch', due - recorded);
          break;
        }
        case 'date':
          if (a.frequency === 'monthly') {
            payment(k, due);
            record(k, due, 20);
            cmsFigure -= due;
            plant('date_mismatch', 0);
          } else {
            payment(k, due);
            record(k, due);
            cmsFigure -= due;
          }
          break;
        case 'deduction':
          // Taken from pay on the due date; the employer's payment to CMS never recorded.
          evidence.push({ id: `slip-${k}`, type: 'payslip_deduction', date: line.dueDate, amount: p(due), from: 'ACME LTD' });
          plant('deduction_not_credited', due);
          break;
        case 'wrong_case':
          payment(k, due);
          record(k, due, 1, `other-${k}`, { caseReference: '987654321098' });
          plant('payment_on_wrong_case', due);
          break;
        case 'in_transit':
          evidence.push({ id: `slip-${k}`, type: 'payslip_deduction', date: line.dueDate, amount: p(due), from: 'ACME LTD' });
          plant('deduction_in_transit', due);
          break;
        case 'paid_in_transit':
          // Paid on the last due date, the day before the reconciliation's; CMS recorded it two days later, after it.
          payment(k, due);
          record(k, due, 2);
          plant('payment_in_transit', due);
          break;
        case 'other_case':
          // Paid and recorded; and £55.55 paid to case 987654321098 two days later, which CMS put on this case. Case B's
          // statement line for an earlier payment makes its reference known.
          payment(k, due);
          record(k, due);
          bank.push({
            id: `bank-${k}-b`,
            date: addDays(line.dueDate, 2),
            amount: '55.55',
            direction: 'out',
            description: 'CHILD MAINTENANCE',
            reference: 'CMS 987654321098',
          });
          record(k, 5555, 2, `cms-${k}-b`);
          cms.push({ id: `b-line-${k}`, date: lines[0]!.dueDate, type: recordType, amount: '10.00', caseReference: '987654321098' });
          cmsFigure -= due + 5555;
          // £55.55 paid with the fee on top is 46.29 + 9.26 of fee; either way the whole £55.55 is credited wrongly.
          plant('payment_from_other_case', -5555);
          break;
        case 'fee_twice':
          payment(k, due);
          record(k, due);
          cms.push({ id: `fee-${k}-again`, date: line.dueDate, type: 'collection_fee', amount: p(line.feePence) });
          cmsFigure += (side === 'paying' ? line.feePence : -line.feePence) - due;
          plant('duplicate_collection_fee', side === 'paying' ? line.feePence : -line.feePence);
          break;
        case 'charge_twice':
          // Missed (no payment, no record: CMS and the evidence agree, and arrears stand from now on); CMS then charged
          // for a deduction from earnings order, and charged it again four days later.
          cms.push({
            id: `deo-${k}`,
            date: addDays(line.dueDate, 1),
            type: 'enforcement_charge',
            amount: '50.00',
            chargeType: 'deduction_from_earnings_order',
          });
          cms.push({
            id: `deo-${k}-again`,
            date: addDays(line.dueDate, 5),
            type: 'enforcement_charge',
            amount: '50.00',
            chargeType: 'deduction_from_earnings_order',
          });
          cmsFigure += 10000;
          plant('duplicate_enforcement_charge', 5000);
          break;
        case 'offset':
          payment(k, due);
          record(k, due);
          cms.push({ id: `offset-${k}`, date: line.dueDate, type: 'offset', amount: '12.34' });
          cmsFigure -= due + 1234;
          plant('overpayment_offset', -1234);
          break;
        case 'false_report':
          payment(k, due);
          cms.push({ id: `report-${k}`, date: line.dueDate, type: 'missed_payment_reported', amount: p(due) });
          cmsFigure += due;
          plant('reported_missed_but_paid', due);
          break;
        case 'short_report': {
          // A third paid, the whole reported missed: the report is a third too large.
          const part = Math.floor(due / 3);
          payment(k, part);
          cms.push({ id: `report-${k}`, date: line.dueDate, type: 'missed_payment_reported', amount: p(due) });
          cmsFigure += due;
          plant('reported_missed_but_paid', part);
          break;
        }
        case 'catch_up':
          // Missed and rightly reported; paid twice over at the next instalment, which CMS never hears of.
          cms.push({ id: `report-${k}`, date: line.dueDate, type: 'missed_payment_reported', amount: p(due) });
          cmsFigure += due;
          at.set(k + 1, 'double');
          plant('extra_payment_not_credited', moved(k + 1));
          break;
        case 'double':
          payment(k, 2 * due);
          break;
        case 'unreported':
          plant('missed_payment_not_reported', -due);
          break;
        case 'reported_not_recorded':
          // Missed, and the parent reported it three days later (parent-reports.ts); CMS's record does not hold it.
          reports.push({ id: `parent-report-${k}`, date: addDays(line.dueDate, 3), reference: 'call ref 1' });
          reportedNotRecorded.push(due);
          break;
        default:
          payment(k, due);
          if (keepsRecords) {
            record(k, due);
            cmsFigure -= due;
          }
      }
    }
    // Collect and Pay: an enforcement charge of an amount never allowed (75.00), and a liability order charged when
    // everything due had been paid, both before any error: nothing to enforce, unless arrears were carried over from
    // the CSA (below), which it may enforce.
    if (collect && side === 'paying' && a.charges) {
      cms.push({ id: 'charge-75', date: addDays(lines[2]!.dueDate, 2), type: 'enforcement_charge', amount: '75.00' });
      cms.push({
        id: 'charge-lo',
        date: addDays(lines[1]!.dueDate, 2),
        type: 'enforcement_charge',
        amount: '300.00',
        chargeType: 'liability_order',
      });
      cmsFigure += 37500;
      plant('enforcement_charge_not_allowed', 7500);
      if (a.historic === 'none') plant('enforcement_without_arrears', 30000);
    }
    const historic: Partial<ReconcileInput['schedule']> = {};
    if (a.historic !== 'none') {
      const opening = 123456;
      Object.assign(historic, { openingBalance: { date: addDays(a.start, -1), amount: p(opening) } });
      cms.push({ id: 'opening', date: addDays(a.start, -1), type: 'opening_balance', amount: p(opening + 10000) });
      cmsFigure += opening + 10000;
      plant('opening_balance_mismatch', 10000);
    }
    if (a.historic === 'both') {
      Object.assign(historic, { writeOffs: [{ date: addDays(lines[2]!.dueDate, 1), amount: '200.00', reason: 's41e' }] });
      plant('write_off_not_applied', 20000);
    }
    // With none of CMS's entries given, nothing shows whether CMS recorded her report: it is a shortfall nobody is known
    // to have reported (direct-pay.ts), not CMS's error.
    for (const due of reportedNotRecorded)
      plant(cms.length === 0 ? 'missed_payment_not_reported' : 'missed_payment_report_not_recorded', -due);
    const claim = cmsFigure + a.unexplained;
    const basis = side === 'receiving' && collect ? { basis: 'net' as const } : {};
    return {
      input: {
        schedule: {
          ...story,
          decisions: story.decisions,
          frequency: a.frequency,
          service: story.service!,
          asOf,
          ...historic,
        } as ReconcileInput['schedule'],
        side,
        ...(errors.includes('wrong_case') || errors.includes('other_case') ? { caseReference: '123456789012' } : {}),
        cmsEntries: cms,
        bankTransactions: bank,
        evidence,
        ...(reports.length > 0 ? { missedPaymentReports: reports } : {}),
        bankFilter: { includeAll: true },
        cmsClaim: { date: asOf, balance: p(claim), ...basis },
      },
      planted,
      unexplained: a.unexplained,
    };
  });

describe('planted errors', () => {
  it('each planted error is found once, as its kind and with its effect; the bridge adds up to CMS’s figure less the recomputed one', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(accountArb, (account) => {
        for (const k of Object.keys(account.planted)) seen.add(k);
        const r = reconcile(account.input);
        // An unexplained difference of exactly minus the fees in CMS's entries makes its figure, to the penny, the
        // maintenance part of its entries, which is read as that part (claim-parts.ts; its own tests): another story
        // than the one planted. A CI run met it (seed -1293515880: £46.29 claimed, £66.40 of entries, £20.11 of fees).
        fc.pre(r.bridge.claimReadAsParts === undefined);
        const found = Object.fromEntries(
          FINDING_KINDS.map((k) => {
            const of = r.findings.filter((f) => f.kind === k);
            return [k, { count: of.length, effect: of.reduce((a, f) => a + Math.round(f.effect.toNumber() * 100), 0) }];
          }).filter(([, v]) => (v as { count: number }).count > 0),
        );
        expect(found).toEqual(account.planted);
        // The bridge: from CMS's claim, each line, to the recomputed balance, exactly.
        const lines = r.bridge.lines.reduce((a, l) => a.plus(l.amount), fromPence(0));
        expect(formatMoney(r.bridge.from)).toBe(account.input.cmsClaim!.balance);
        expect(formatMoney(lines)).toBe(formatMoney(r.bridge.from.minus(r.bridge.to)));
        expect(formatMoney(r.bridge.to)).toBe(formatMoney(r.balance.recomputed));
        // What no entry explains is exactly what was planted in the claim, and no more.
        const unexplained = r.bridge.lines.filter((l) => l.kind === 'unexplained');
        expect(unexplained.map((l) => formatMoney(l.amount))).toEqual(
          account.unexplained === 0 ? [] : [formatMoney(fromPence(account.unexplained))],
        );
      }),
      { numRuns: 300 },
    );
    // Every kind of finding was planted in some account.
    expect(FINDING_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  });
});
