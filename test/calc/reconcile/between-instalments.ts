/**
 * A paying parent on Collect and Pay, paying by deduction from earnings, with CMS's figure dated between two
 * instalments of the payment plan that collects the initial amount (MCP audit 2, persona P1, without the £50 charge
 * for the deduction from earnings order, which is another finding's question). Every figure worked out by hand:
 *
 * - £80 a week from Monday 1 January 2024 (letter 12 February): 80 × 52 ÷ 12 = £346.67 a month, + the 20% collection
 *   fee £69.33 = £416.00 (C&E Regs 1992 reg 4; Fees Regs 2014 reg 7). The first payment is due on 28 March; periods
 *   run from the 28th. The part period 1–27 January: 27/31 × 346.67 = £301.94, fee £60.39, £362.33.
 * - The initial amount, what accrued before the first due date: 362.33 + 416.00 (from 28 Jan) + 416.00 (from 28 Feb)
 *   = £1,194.33 (maintenance 301.94 + 2 × 346.67 = 995.28, fees 60.39 + 2 × 69.33 = 199.05). CMS's payment schedule
 *   collects it in 5 × £199.06 (28 March to 28 July) + £199.03 (28 August): 995.30 + 199.03 = 1,194.33.
 * - Due by 20 August: 5 × 416.00 + 5 × 199.06 = 2,080.00 + 995.30 = £3,075.30. Accrued by then: 1,194.33 + 5 × 416.00
 *   = £3,274.33. Not yet due: 3,274.33 − 3,075.30 = £199.03 (the 28 August instalment).
 * - Paid: five payslip deductions of 416.00 + 199.06 = £615.06 (28 March, 26 April, 28 May, 28 June, 26 July — a
 *   Friday, paying the instalment due on Sunday 28 July): 5 × 615.06 = £3,075.30. So nothing is owed.
 * - CMS's entries: a liability and a fee line for each period as it accrued, 362.33 + 7 × 416.00 = £3,274.33, less its
 *   four receipts from the employer (4 April, 3 May, 5 June, 4 July), 4 × 615.06 = £2,460.24: £814.09. The July
 *   deduction had to reach CMS by 19 August (SI 1992/1989 reg 14(1)) and had not: money taken and not credited.
 * - CMS's figure on 20 August: £615.06, the July instalment. That is its entries less what has not yet fallen due
 *   under its own plan, 814.09 − 199.03 = 615.06: the arrears due under the plan, as it should be (cms-accounts.md §3).
 */
import type { CmsEntryInput, EvidenceInput } from '../../../calc/ledger/entries.ts';
import type { ReconcileInput } from '../../../calc/reconcile/reconcile.ts';

const PERIODS = ['01-28', '02-28', '03-28', '04-28', '05-28', '06-28', '07-28'] as const;
const PAYSLIPS = ['2024-03-28', '2024-04-26', '2024-05-28', '2024-06-28', '2024-07-26'] as const;
const RECEIPTS = ['2024-04-04', '2024-05-03', '2024-06-05', '2024-07-04'] as const;

export const cmsEntries: CmsEntryInput[] = [
  { id: 'liability-01-01', date: '2024-01-01', type: 'liability', amount: '301.94', source: 'page 1, line 1' },
  { id: 'fee-01-01', date: '2024-01-01', type: 'collection_fee', amount: '60.39', source: 'page 1, line 2' },
  ...PERIODS.flatMap((d, i): CmsEntryInput[] => [
    { id: `liability-${d}`, date: `2024-${d}`, type: 'liability', amount: '346.67', source: `page 1, line ${3 + 2 * i}` },
    { id: `fee-${d}`, date: `2024-${d}`, type: 'collection_fee', amount: '69.33', source: `page 1, line ${4 + 2 * i}` },
  ]),
  ...RECEIPTS.map((d, i): CmsEntryInput => ({
    id: `deo-${d}`,
    date: d,
    type: 'deo_receipt',
    amount: '615.06',
    description: 'DEO ACME LOGISTICS',
    source: `page 2, line ${i + 1}`,
  })),
];

export const payslips: EvidenceInput[] = PAYSLIPS.map((d) => ({
  id: `payslip-${d}`,
  type: 'payslip_deduction',
  date: d,
  amount: '615.06',
  from: 'ACME LOGISTICS LTD',
  source: `payslip ${d}`,
}));

/** The reconciliation, with CMS's figure as given (or another, to try the other basis). */
export function betweenInstalments(claim: ReconcileInput['cmsClaim'] = { date: '2024-08-20', balance: '615.06' }): ReconcileInput {
  return {
    schedule: {
      decisions: [{ effectiveDate: '2024-01-01', letterDate: '2024-02-12', weeklyAmount: 80, service: 'collect_and_pay' }],
      service: 'collect_and_pay',
      frequency: 'monthly',
      firstDueDate: '2024-03-28',
      paymentPlan: {
        catchUp: [
          ...['03', '04', '05', '06', '07'].map((m) => ({ dueDate: `2024-${m}-28`, amount: '199.06' })),
          { dueDate: '2024-08-28', amount: '199.03' },
        ],
      },
    },
    side: 'paying',
    cmsEntries,
    evidence: payslips,
    bankFilter: { descriptionContains: ['CMS'] },
    ...(claim ? { cmsClaim: claim } : {}),
  };
}
