/**
 * One small case for the bundle tests, written out by hand, and the real reconciliation of it (calc/reconcile).
 *
 * The paying parent owes £60 a week from 1 January 2024 on Collect and Pay, monthly. Computed by hand:
 *   60 × 52 ÷ 12 = 3,120 ÷ 12 = £260.00 maintenance a month (Collection and Enforcement Regs 1992 reg 4),
 *   20% collection fee: 260.00 × 0.2 = £52.00 (Fees Regs 2014 reg 7), so 260.00 + 52.00 = £312.00 due each month.
 * The bank shows £312.00 paid on 1 January, 1 February and 1 March 2024, and £200.00 on 1 April 2024.
 * CMS's ledger records the January, February and April payments, has no record of the March one, and records a
 * £100.00 payment on 15 April 2024 that never left the bank. CMS says £324.00 is owed on 30 April 2024:
 *   due 4 × 312.00 = 1,248.00; CMS's payments 312.00 + 312.00 + 200.00 + 100.00 = 924.00; 1,248.00 − 924.00 = 324.00.
 * Worked out from the bank: paid 3 × 312.00 + 200.00 = 1,136.00; 1,248.00 − 1,136.00 = £112.00 owed.
 * The bridge, from CMS's £324.00 to the records' £112.00, one line per finding, each its effect on CMS's figure:
 *   line 1, the March payment CMS has no record of: +312.00 (CMS's figure is that much too high);
 *   line 2, the £100.00 CMS recorded on 15 April that never left the bank: −100.00 (that much too low);
 *   net +312.00 − 100.00 = +212.00, and 324.00 − 212.00 = 112.00.
 */
import { timeline } from '../../../calc/deadlines/index.ts';
import { reconcile, type ReconcileInput } from '../../../calc/reconcile/reconcile.ts';
import type { BundlePurpose, EvidenceBundleInput } from '../../../letters/bundle/index.ts';

const month = (m: string) => [
  { id: `cms-due-2024-${m}-01`, date: `2024-${m}-01`, type: 'liability' as const, amount: '260.00' },
  { id: `cms-fee-2024-${m}-01`, date: `2024-${m}-01`, type: 'collection_fee' as const, amount: '52.00' },
];

export const RECONCILE_INPUT: ReconcileInput = {
  schedule: {
    decisions: [{ id: 'd1', effectiveDate: '2024-01-01', weeklyAmount: '60' }],
    frequency: 'monthly',
    service: 'collect_and_pay',
    asOf: '2024-04-30',
  },
  side: 'paying',
  cmsEntries: [
    ...['01', '02', '03', '04'].flatMap(month),
    { id: 'cms-pay-2024-01-01', date: '2024-01-01', type: 'payment_received', amount: '312.00' },
    { id: 'cms-pay-2024-02-01', date: '2024-02-01', type: 'payment_received', amount: '312.00' },
    { id: 'cms-pay-2024-04-01', date: '2024-04-01', type: 'payment_received', amount: '200.00' },
    { id: 'cms-pay-2024-04-15', date: '2024-04-15', type: 'payment_received', amount: '100.00' },
  ],
  bankTransactions: [
    { id: 'bank-2024-01-01', date: '2024-01-01', amount: '312.00', direction: 'out', description: 'DWP CMS' },
    { id: 'bank-2024-02-01', date: '2024-02-01', amount: '312.00', direction: 'out', description: 'DWP CMS' },
    { id: 'bank-2024-03-01', date: '2024-03-01', amount: '312.00', direction: 'out', description: 'DWP CMS' },
    { id: 'bank-2024-04-01', date: '2024-04-01', amount: '200.00', direction: 'out', description: 'DWP CMS' },
  ],
  bankFilter: { includeAll: true },
  cmsClaim: { date: '2024-04-30', balance: '324.00' },
};

export const RESULT = reconcile(RECONCILE_INPUT);

/**
 * A receiving parent's case moved from Direct Pay to Collect and Pay, with a payment CMS records passing on that never
 * arrived. £60 a week (60 × 52 ÷ 12 = £260.00 a month), due on the 1st. January and February on Direct Pay: the paying
 * parent paid her £260.00 on 1 January and 1 February, and CMS records no payments. From 1 March on Collect and Pay:
 * CMS passes on £260.00 less its 4% (260.00 × 0.96 = £249.60). CMS records passing on £249.60 on 12 March and on
 * 12 April; her bank shows March's (13 March) and nothing in April. CMS says nothing is owed (net).
 *   Due 260.00 + 260.00 + 249.60 + 249.60 = 1,019.20; received 260.00 + 260.00 + 249.60 = 769.60;
 *   1,019.20 − 769.60 = £249.60 owed to her: the April payment CMS records passing on (the bridge's only line, −£249.60).
 *   CMS recorded as paid, Collect and Pay only: 249.60 + 249.60 = 499.20, against 249.60 her bank shows then.
 */
export const MOVED_RECEIVING_INPUT: ReconcileInput = {
  schedule: {
    decisions: [
      { id: 'd1', effectiveDate: '2024-01-01', weeklyAmount: '60', service: 'direct_pay' },
      { id: 'd2', effectiveDate: '2024-03-01', weeklyAmount: '60', service: 'collect_and_pay' },
    ],
    frequency: 'monthly',
    asOf: '2024-04-30',
  },
  side: 'receiving',
  cmsEntries: [
    { id: 'cms-passed-03', date: '2024-03-12', type: 'payment_passed_on', amount: '249.60' },
    { id: 'cms-passed-04', date: '2024-04-12', type: 'payment_passed_on', amount: '249.60' },
  ],
  bankTransactions: [
    { id: 'bank-01', date: '2024-01-01', amount: '260.00', direction: 'in', description: 'A TAYLOR MAINT' },
    { id: 'bank-02', date: '2024-02-01', amount: '260.00', direction: 'in', description: 'A TAYLOR MAINT' },
    { id: 'bank-03', date: '2024-03-13', amount: '249.60', direction: 'in', description: 'DWP CMS' },
  ],
  bankFilter: { includeAll: true },
  cmsClaim: { date: '2024-04-30', balance: '0', basis: 'net' },
};

/** Strings that must never be printed: the parent's address, as a stored case might carry it. */
export const ADDRESS = { line1: '14 Larkspur Close', town: 'Bramwell Heath', postcode: 'BH7 2QX' };

/** Events on the case; the deadlines come from calc/deadlines `timeline`, as the case service computes them. */
const EVENTS = [
  { type: 'payments_disputed' as const, date: '2024-05-10' },
  { type: 'dispute_reply_received' as const, date: '2024-06-03', summary: 'CMS said it would look into the March payment.' },
  { type: 'complaint_sent' as const, date: '2024-07-01' },
];
export const GENERATED_ON = '2024-09-02';
export const DEADLINES = timeline(
  EVENTS.map(({ type, date }) => ({ type, date })),
  GENERATED_ON,
  'england_and_wales',
);

export function bundleInput(purpose: BundlePurpose): EvidenceBundleInput {
  // A stored case carries more than the bundle takes (an address among it): passed whole, as a caller might.
  const storedCase = {
    reference: '1234 5678 9012',
    side: 'paying' as const,
    service: 'collect_and_pay' as const,
    parentName: 'Sam Taylor',
    otherParentNames: ['Alex Taylor'],
    appealReference: 'SC123/24/00456',
    address: [ADDRESS.line1, ADDRESS.town, ADDRESS.postcode],
    postcode: ADDRESS.postcode,
  };
  return {
    purpose,
    generatedOn: GENERATED_ON,
    case: storedCase,
    reconciliation: { input: RECONCILE_INPUT, result: RESULT },
    deadlines: DEADLINES,
    letters: [
      {
        type: 'payment_dispute',
        title: 'Letter disputing the payments on my account',
        sentOn: '2024-05-10',
        method: 'recorded_delivery',
        event: 'payments_disputed',
      },
    ],
    events: EVENTS,
    documents: [
      { id: 'doc-bank', kind: 'bank_statement', filename: 'barclays-jan-apr-2024.pdf' },
      { id: 'doc-cms', kind: 'cms_statement', filename: 'cms-statement-2024-04.pdf' },
    ],
    rows: [
      { ledger: 'bank', id: 'bank-2024-01-01', documentId: 'doc-bank', source: { page: 1, line: 9 } },
      { ledger: 'bank', id: 'bank-2024-02-01', documentId: 'doc-bank', source: { page: 2, line: 4 } },
      { ledger: 'bank', id: 'bank-2024-03-01', documentId: 'doc-bank', source: { page: 3, line: 12 } },
      { ledger: 'bank', id: 'bank-2024-04-01', documentId: 'doc-bank', source: { page: 4, line: 6 } },
      { ledger: 'cms', id: 'cms-pay-2024-04-15', documentId: 'doc-cms', source: { page: 2, line: 17 } },
      { ledger: 'cms', id: 'cms-pay-2024-04-01', documentId: 'doc-cms', source: { page: 2, line: 15 } },
    ],
  };
}
