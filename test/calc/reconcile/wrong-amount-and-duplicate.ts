/**
 * Two cases in which CMS made two mistakes with payments the bank shows: it keyed one payment with the wrong amount,
 * and recorded another, some weeks from it and of the amount actually paid, twice. The reconciliation tests and the
 * letter test share them. Every figure is computed (arithmetic beside it), none is from a document.
 *
 * - `juneAndJuly` (the audit's P3 pattern): £110.00 a week on Collect and Pay from 10 April 2023, monthly:
 *   110 × 52 ÷ 12 = £476.67 a month, plus the paying parent's 20% collection fee, £95.33 (Fees Regulations 2014
 *   reg 7): £572.00 paid from the bank on 10 April, 10 May, 9 June and 10 July 2023. CMS keyed the 9 June payment as
 *   £752.00 and recorded the 10 July payment twice. The duplicate comes 31 days after the wrong amount.
 * - `februaryTwice` (the pattern the other way round, other amounts, a 20-day gap): £45.00 a week on Collect and Pay
 *   from 1 January 2024, monthly: 45 × 52 ÷ 12 = £195.00, plus 20%, £39.00: £234.00 paid on 1 January, 1 February,
 *   21 February (March's, early) and 1 April 2024. CMS recorded the 1 February payment twice and keyed the
 *   21 February one as £204.00, less than was paid, dated the day after. The duplicate comes 20 days before the
 *   payment keyed wrongly.
 */
import type { CmsEntryInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

interface Pattern {
  readonly effectiveDate: string;
  readonly weekly: string;
  /** CMS's monthly charge and collection fee, each due date. */
  readonly due: readonly string[];
  readonly liability: string;
  readonly fee: string;
  /** What left the bank: [date, amount]. */
  readonly paid: readonly (readonly [string, string])[];
  /** CMS's payment records: [id, date, amount]. */
  readonly recorded: readonly (readonly [string, string, string])[];
  readonly asOf: string;
  readonly claim: string;
}

const build = (p: Pattern): ReconcileInput => ({
  schedule: {
    decisions: [{ effectiveDate: p.effectiveDate, weeklyAmount: p.weekly }],
    frequency: 'monthly',
    firstDueDate: p.effectiveDate,
    service: 'collect_and_pay',
    asOf: p.asOf,
  },
  side: 'paying',
  cmsEntries: [
    ...p.due.flatMap((date): CmsEntryInput[] => [
      { id: `cms-due-${date}`, date, type: 'liability', amount: p.liability },
      { id: `cms-fee-${date}`, date, type: 'collection_fee', amount: p.fee },
    ]),
    ...p.recorded.map(([id, date, amount]): CmsEntryInput => ({ id, date, type: 'payment_received', amount })),
  ],
  bankTransactions: p.paid.map(([date, amount]) => ({ id: `bank-${date}`, date, amount, direction: 'out', description: 'CMS PAYMENT' })),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: p.asOf, balance: p.claim },
});

const JUNE_AND_JULY_DUE = ['2023-04-10', '2023-05-10', '2023-06-10', '2023-07-10'];

/**
 * Due: 4 × £572.00 = £2,288.00; paid (bank): 4 × £572.00 = £2,288.00; correct balance £0.00. CMS's entries:
 * £2,288.00 − (572.00 + 572.00 + 752.00 + 572.00 + 572.00 = £3,040.00) = −£752.00, an overpayment of £752.00.
 */
export const juneAndJuly = (only?: 'wrong_amount' | 'duplicate'): ReconcileInput =>
  build({
    effectiveDate: '2023-04-10',
    weekly: '110.00',
    due: JUNE_AND_JULY_DUE,
    liability: '476.67',
    fee: '95.33',
    paid: JUNE_AND_JULY_DUE.map((d) => [d === '2023-06-10' ? '2023-06-09' : d, '572.00']),
    recorded: [
      ['cms-pay-2023-04-10', '2023-04-10', '572.00'],
      ['cms-pay-2023-05-10', '2023-05-10', '572.00'],
      ['cms-pay-2023-06-09', '2023-06-09', only === 'duplicate' ? '572.00' : '752.00'],
      ['cms-pay-2023-07-10', '2023-07-10', '572.00'],
      ...(only === 'wrong_amount' ? [] : [['cms-pay-2023-07-10-again', '2023-07-10', '572.00'] as const]),
    ],
    asOf: '2023-07-31',
    // Each mistake alone: the wrong amount −£180.00; the duplicate −£572.00; both −£752.00.
    claim: only === 'wrong_amount' ? '-180.00' : only === 'duplicate' ? '-572.00' : '-752.00',
  });

const FEBRUARY_DUE = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];

/**
 * Due: 4 × £234.00 = £936.00; paid (bank): 4 × £234.00 = £936.00; correct balance £0.00. CMS's entries:
 * £936.00 − (234.00 + 234.00 + 234.00 + 204.00 + 234.00 = £1,140.00) = −£204.00, an overpayment of £204.00.
 */
export const februaryTwice = (): ReconcileInput =>
  build({
    effectiveDate: '2024-01-01',
    weekly: '45.00',
    due: FEBRUARY_DUE,
    liability: '195.00',
    fee: '39.00',
    paid: [
      ['2024-01-01', '234.00'],
      ['2024-02-01', '234.00'],
      ['2024-02-21', '234.00'],
      ['2024-04-01', '234.00'],
    ],
    recorded: [
      ['cms-pay-2024-01-01', '2024-01-01', '234.00'],
      ['cms-pay-2024-02-01', '2024-02-01', '234.00'],
      ['cms-pay-2024-02-01-again', '2024-02-01', '234.00'],
      ['cms-pay-2024-02-22', '2024-02-22', '204.00'],
      ['cms-pay-2024-04-01', '2024-04-01', '234.00'],
    ],
    asOf: '2024-04-30',
    claim: '-204.00',
  });
