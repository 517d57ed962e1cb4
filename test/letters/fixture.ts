/**
 * One synthetic case, used to draft every letter type. All names, references and addresses are invented:
 * the NI number uses the never-issued QQ prefix, the phone number is in Ofcom's drama range, the e-mail domain
 * is example.org and the postcodes use the unused "ZZ" area.
 *
 * The story. Jordan Ellis is the paying parent of two children who each stay 52 nights a year; the case is on
 * Collect and Pay. Since 7 April 2025 Jordan has paid £410.08 a month by standing order (the maintenance plus
 * the 20% fee), except in October 2025. CMS's record has a payment that never left Jordan's account (21
 * August 2025, "DEO"), misses one that did (9 June 2025), and on 9 March 2026 CMS claims arrears of
 * £1,640.32. A decision letter dated 2 March 2026 (effective 9 March 2026) used historic income of £42,000 a
 * year for 2024-25, when Jordan's current income is £30,000 a year.
 *
 * Figures (computed by hand, to check the engine against):
 * - correct weekly: £30,000 ÷ 365 × 7 = £575.34; basic rate 2 children 16% = £92.0544 → £92 (reg 6);
 *   52 nights each → 1/7 off: £92 × 6/7 = £78.857… → £78.86; monthly £78.86 × 52 ÷ 12 = £341.73;
 *   C&P fee 20% of £341.73 = £68.35, so £410.08 a month.
 * - CMS's weekly: £42,000 ÷ 365 × 7 = £805.48; £800 × 16% + £5.48 × 12% = £128.6576 → £129; × 6/7 = £110.57.
 * - income difference: (£805.48 − £575.34) ÷ £805.48 = 28.57…% → "28.5%" (rounded down).
 * - account to 9 March 2026: 12 monthly periods due × £410.08 = £4,920.96; paid per bank 11 × £410.08 =
 *   £4,510.88; true arrears £410.08; CMS claims £1,640.32, £1,230.24 too high.
 * - the bridge: CMS's own entries add up to £410.08 too (12 × £410.08 due − 11 recorded, the phantom counted and the
 *   June payment not), because the June payment it missed (+£410.08) and the phantom (−£410.08) cancel; so the whole
 *   £1,230.24 is a line of its own, what CMS's entries do not explain. Each way: £410.08 + £1,230.24 = £1,640.32
 *   too high, £410.08 too low.
 */
import type { ReconcileInput } from '../../calc/reconcile/reconcile.ts';
import type { CalculationInput } from '../../letters/figures.ts';

export const SENT_ON = '2026-03-20';
export const CASE_REFERENCE = '121000345678';

export const PAYING_PARENT = {
  name: 'Jordan Ellis',
  address: ['14 Larch Close', 'Testbury', 'ZZ1 4AB'],
  dateOfBirth: '1986-05-14',
  nationalInsuranceNumber: 'QQ123456C',
  email: 'jordan.ellis@example.org',
  phone: '07700 900123',
};

/** The receiving parent, whose address must stay private. */
export const RECEIVING_PARENT = {
  name: 'Alex Morgan',
  addressWithheld: true as const,
  email: 'alex.morgan@example.org',
};

const children = [{ nightsPerYear: 52 }, { nightsPerYear: 52 }];

/** The right circumstances: current income £30,000 a year. */
export const calculation: CalculationInput = {
  collection: 'collect_and_pay',
  payingParent: { income: { amount: 30000, period: 'year' } },
  receivingParents: [{ children }],
};

/** What the decision of 2 March 2026 used: historic income of £42,000 for 2024-25. */
export const cmsCalculation: CalculationInput = {
  collection: 'collect_and_pay',
  payingParent: { income: { amount: 42000, period: 'year' } },
  receivingParents: [{ children }],
};

export const DECISION = { type: 'annual_review', letterDate: '2026-03-02', effectiveDate: '2026-03-09' } as const;

const MONTHS = [
  '2025-04-07',
  '2025-05-07',
  '2025-06-09',
  '2025-07-07',
  '2025-08-07',
  '2025-09-08',
  '2025-11-07',
  '2025-12-08',
  '2026-01-07',
  '2026-02-09',
  '2026-03-09',
];
const STANDING_ORDER = { amount: '410.08', direction: 'out' as const, description: 'CMS CHILD MAINT', reference: CASE_REFERENCE };

const decisions = [
  {
    effectiveDate: '2025-04-07',
    letterDate: '2025-03-24',
    calculation: { ...calculation, date: '2025-04-07' },
  },
];

/** Paying side: a phantom payment, a payment CMS missed, and a balance CMS overstates. */
export const reconciliation: ReconcileInput = {
  schedule: { decisions, frequency: 'monthly', service: 'collect_and_pay' },
  side: 'paying',
  cmsEntries: [
    ...MONTHS.filter((d) => d !== '2025-06-09').map((date) => ({
      date,
      type: 'payment_received' as const,
      amount: '410.08',
      reference: CASE_REFERENCE,
    })),
    { date: '2025-08-21', type: 'payment_received', amount: '410.08', reference: 'DEO' },
  ],
  bankTransactions: MONTHS.map((date) => ({ date, ...STANDING_ORDER })),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2026-03-09', balance: '1640.32' },
};

/** Paying side: one payment too many (an accidental second payment in January), which CMS agrees. */
export const overpaidReconciliation: ReconcileInput = {
  schedule: { decisions, frequency: 'monthly', service: 'collect_and_pay' },
  side: 'paying',
  cmsEntries: [...MONTHS, '2025-10-07', '2026-01-20'].map((date) => ({
    date,
    type: 'payment_received' as const,
    amount: '410.08',
    reference: CASE_REFERENCE,
  })),
  bankTransactions: [...MONTHS, '2025-10-07', '2026-01-20'].map((date) => ({ date, ...STANDING_ORDER })),
  bankFilter: { descriptionContains: ['CMS'] },
  cmsClaim: { date: '2026-03-09', balance: '-410.08' },
};

/**
 * Paying side, Collect and Pay: CMS's full statement of account to 9 March 2026 (the breakdown the L02 letter asks
 * for), with the maintenance it charged month by month and four wrong entries that pull its balance both ways.
 * Ground truth by construction, every figure computed by hand:
 *
 * - What was due. Twelve monthly periods from 7 April 2025 (the twelfth instalment fell due on 7 March 2026), each
 *   £341.73 maintenance (£78.86 × 52 ÷ 12) + £68.35 collection fee (20%) = £410.08: 12 × £410.08 = £4,920.96.
 * - What was paid. The bank shows the standing order of £410.08 in 11 months (none in October 2025):
 *   11 × £410.08 = £4,510.88. Correct balance: £4,920.96 − £4,510.88 = arrears of £410.08.
 * - What CMS recorded. Maintenance of £341.73 a month, except the period from 7 February 2026, charged at
 *   £479.14 (£110.57 × 52 ÷ 12 = £479.136…: the rate of the decision of 2 March 2026, effective 9 March, applied a
 *   month early): 11 × £341.73 + £479.14 = £4,238.17. Collection fees: none listed, so the 12 × £68.35 = £820.20
 *   the rules make due. Receipts: the bank's payments except 9 June 2025 (10 × £410.08 = £4,100.80), a receipt of
 *   £94.63 marked "DEO" on 21 August 2025 that never happened (Jordan has no deduction from earnings order), and the
 *   payment of 7 January 2026 keyed again on 8 January without its reference (£410.08): £4,605.51 in all.
 *   CMS's balance: £4,238.17 + £820.20 − £4,605.51 = £452.86, which is what it claims.
 * - The four findings, each with its effect on CMS's figure (+ too high, − too low):
 *     1. 9 June 2025, payment CMS never recorded     +£410.08  (the paying parent's favour)
 *     2. 21 August 2025, phantom receipt              −£94.63   (the receiving parent's favour)
 *     3. 8 January 2026, the same receipt twice        −£410.08  (the receiving parent's favour)
 *     4. 7 February 2026, maintenance overcharged     +£137.41  (£479.14 − £341.73; the paying parent's favour)
 *   Too high: 2 lines, £410.08 + £137.41 = £547.49. Too low: 2 lines, £94.63 + £410.08 = £504.71.
 *   Net: £547.49 − £504.71 = £42.78 = £452.86 − £410.08. (The sizes added up, £1,052.20, are no difference at all.)
 * - By part of the balance: a receipt counts as maintenance and its 20% fee (£94.63 = £78.86 + £15.77), so the
 *   maintenance is +£341.73 − £78.86 − £341.73 + £137.41 = £58.55 too high and the collection fees
 *   +£68.35 − £15.77 − £68.35 = £15.77 too low; £58.55 − £15.77 = £42.78.
 */
const CHARGED: readonly { date: string; amount: string }[] = [
  '2025-04-07',
  '2025-05-07',
  '2025-06-07',
  '2025-07-07',
  '2025-08-07',
  '2025-09-07',
  '2025-10-07',
  '2025-11-07',
  '2025-12-07',
  '2026-01-07',
  '2026-02-07',
  '2026-03-07',
].map((date) => ({ date, amount: date === '2026-02-07' ? '479.14' : '341.73' }));

function statementOfAccount(paid: readonly string[], claim: string): ReconcileInput {
  return {
    schedule: { decisions, frequency: 'monthly', service: 'collect_and_pay' },
    side: 'paying',
    cmsEntries: [
      ...CHARGED.map(({ date, amount }) => ({
        date,
        type: 'liability' as const,
        amount,
        source: 'CMS statement of account of 11 March 2026',
      })),
      ...paid
        .filter((d) => d !== '2025-06-09')
        .map((date) => ({ date, type: 'payment_received' as const, amount: '410.08', reference: CASE_REFERENCE })),
      { date: '2025-08-21', type: 'payment_received', amount: '94.63', reference: 'DEO' },
      { date: '2026-01-08', type: 'payment_received', amount: '410.08' },
    ],
    bankTransactions: paid.map((date) => ({ date, ...STANDING_ORDER, source: 'Testbury Bank statement' })),
    bankFilter: { descriptionContains: ['CMS'] },
    cmsClaim: { date: '2026-03-09', balance: claim },
  };
}

/** The statement of account above: CMS claims £452.86, £42.78 too high net. */
export const twoWayReconciliation: ReconcileInput = statementOfAccount(MONTHS, '452.86');

/**
 * The same statement for a parent who paid October after all (7 October 2025) and January twice by mistake (a second
 * £410.08 on 20 January 2026): 13 × £410.08 = £5,331.04 paid, £5,331.04 − £4,920.96 = £410.08 overpaid. CMS, with
 * the same four wrong entries (and the two extra payments recorded), has receipts of 12 × £410.08 + £94.63 +
 * £410.08 = £5,425.67 against £4,238.17 + £820.20 = £5,058.37 charged: an overpayment of £367.30. Its figure is
 * −£367.30 − (−£410.08) = £42.78 too high, net, the same four lines as above.
 */
export const twoWayOverpaidReconciliation: ReconcileInput = statementOfAccount([...MONTHS, '2025-10-07', '2026-01-20'].sort(), '-367.30');

/**
 * Receiving side, Direct Pay (£78.86 a week, £341.73 a month): two short months and one missed, which the
 * paying parent reported to CMS as paid in full.
 */
const DP_PAID: Record<string, string> = {
  '2025-04-07': '341.73',
  '2025-05-07': '341.73',
  '2025-06-09': '200.00',
  '2025-07-07': '341.73',
  '2025-08-07': '150.00',
  '2025-09-08': '341.73',
  '2025-11-07': '341.73',
};
export const directPayReconciliation: ReconcileInput = {
  schedule: {
    decisions: [{ effectiveDate: '2025-04-07', calculation: { ...calculation, collection: 'direct_pay', date: '2025-04-07' } }],
    frequency: 'monthly',
    service: 'direct_pay',
    asOf: '2025-12-06',
  },
  side: 'receiving',
  cmsEntries: Object.keys(DP_PAID).map((date) => ({ date, type: 'direct_payment' as const, amount: '341.73' })),
  bankTransactions: Object.entries(DP_PAID).map(([date, amount]) => ({
    date,
    amount,
    direction: 'in' as const,
    description: 'J ELLIS MAINT',
  })),
  bankFilter: { descriptionContains: ['MAINT'] },
};

const paying = { sender: PAYING_PARENT, caseReference: CASE_REFERENCE };
const payingEither = { ...paying, senderRole: 'paying' };
const MP = { name: 'Priya Shah', constituency: 'Testbury and Riverside' };

/** A draft input for one letter type, and the dates (ISO) its letter must state. */
export interface LetterCase {
  readonly input: {
    readonly type: string;
    readonly facts: Record<string, unknown>;
    readonly sentOn: string;
    readonly calculation?: CalculationInput;
    readonly cmsCalculation?: CalculationInput;
    readonly reconciliation?: ReconcileInput;
    readonly nation?: 'england_and_wales' | 'scotland';
  };
  /** Dates the letter must state, besides the date it is sent and the reply-by date. */
  readonly dates: readonly string[];
}

const grounds = [
  'The decision uses historic income from the 2024-25 tax year, but my current income is more than 25% lower',
  'My payslips since January 2026 show my current income, and CMS has not looked at them',
];

export const CASES: Record<string, LetterCase> = {
  subject_access_request: {
    input: {
      type: 'subject_access_request',
      sentOn: SENT_ON,
      facts: { ...payingEither, periodFrom: '2025-04-07', previousReferences: ['CSA 44556677'] },
    },
    dates: ['2025-04-07', PAYING_PARENT.dateOfBirth],
  },
  account_breakdown_request: {
    input: {
      type: 'account_breakdown_request',
      sentOn: SENT_ON,
      facts: { ...payingEither, statedIn: 'letter', statedOn: '2026-03-11', granularity: 'monthly', copyToMp: MP },
      reconciliation,
    },
    dates: ['2026-03-11', '2026-03-09'],
  },
  mandatory_reconsideration: {
    input: {
      type: 'mandatory_reconsideration',
      sentOn: SENT_ON,
      facts: {
        ...payingEither,
        decision: DECISION,
        grounds,
        disputedItems: [{ item: 'other', cmsUsed: 'income for the 2024-25 tax year', correct: 'my current income from payslips' }],
      },
      calculation,
      cmsCalculation,
    },
    dates: [DECISION.letterDate, DECISION.effectiveDate, '2026-04-01'],
  },
  payment_dispute: {
    input: { type: 'payment_dispute', sentOn: SENT_ON, facts: { ...payingEither, copyToMp: MP }, reconciliation },
    dates: ['2025-08-21', '2025-06-09', '2026-03-09'],
  },
  complaint: {
    input: {
      type: 'complaint',
      sentOn: '2026-04-20',
      facts: {
        ...payingEither,
        chronology: [
          { date: '2026-03-20', what: 'I asked for a full breakdown of my account' },
          { date: '2026-04-14', what: 'I phoned and was told the breakdown had not been started' },
        ],
        whatWentWrong: ['My request for a breakdown has not been answered', 'My arrears figure has never been explained'],
        impact: 'I have lost sleep and time off work dealing with this, and I fear enforcement for money I do not owe',
        outcomes: ['apology', 'correct_the_error', 'explanation', 'hold_enforcement'],
        priorContacts: [{ date: '2026-03-20', kind: 'account_breakdown_request' }],
      },
      reconciliation,
    },
    dates: ['2026-03-20', '2026-04-14'],
  },
  complaint_escalation: {
    input: {
      type: 'complaint_escalation',
      sentOn: '2026-05-26',
      facts: {
        ...payingEither,
        complaintDate: '2026-04-20',
        complaintReference: 'CMP-2231',
        replyDate: '2026-05-11',
        unresolved: [
          'The reply does not explain the arrears figure',
          'The reply does not deal with the payment you recorded on 21 August 2025',
        ],
        outcomes: ['correct_the_error', 'explanation'],
      },
      reconciliation,
    },
    dates: ['2026-04-20', '2026-05-11'],
  },
  ice_referral: {
    input: {
      type: 'ice_referral',
      sentOn: '2026-07-01',
      facts: {
        ...payingEither,
        finalResponseDate: '2026-06-15',
        summary: 'CMS has recorded a payment I never made and missed one I did, and claims arrears I do not owe',
        unresolved: ['The balance is still wrong', 'My letters went unanswered for weeks'],
        outcomes: ['correct_the_error', 'apology', 'compensation'],
      },
      reconciliation,
    },
    dates: ['2026-06-15'],
  },
  mp_letter: {
    input: {
      type: 'mp_letter',
      sentOn: '2026-05-26',
      facts: {
        ...payingEither,
        mp: MP,
        summary: 'The Child Maintenance Service says I owe far more arrears than I do, and has not answered my letters',
        contacts: [
          { date: '2026-03-20', kind: 'account_breakdown_request' },
          { date: '2026-04-20', kind: 'complaint', reference: 'CMP-2231', outcome: 'No proper answer' },
        ],
        consent: true,
      },
      reconciliation,
    },
    dates: ['2026-03-20', '2026-04-20'],
  },
  ombudsman_referral: {
    input: {
      type: 'ombudsman_referral',
      sentOn: '2027-01-11',
      facts: {
        ...payingEither,
        mp: MP,
        firstAwareOn: '2026-03-11',
        iceReportDate: '2026-12-14',
        whyUnresolved: ['CMS has not corrected the balance the Independent Case Examiner said was wrong'],
        injustice: 'I have been chased for money I did not owe for most of a year',
        outcomes: ['correct_the_error', 'compensation'],
        consent: true,
      },
      reconciliation,
    },
    dates: ['2026-03-11', '2026-12-14'],
  },
  variation_application: {
    input: {
      type: 'variation_application',
      sentOn: SENT_ON,
      facts: {
        ...payingEither,
        ground: 'contact_costs',
        description: 'I drive a round trip of 180 miles every other weekend to collect and return the children',
        since: '2025-09-01',
      },
      calculation: { ...calculation, variations: { specialExpensesWeekly: '25.00' } },
    },
    dates: ['2025-09-01'],
  },
  enforcement_pause_request: {
    input: {
      type: 'enforcement_pause_request',
      sentOn: SENT_ON,
      facts: {
        ...paying,
        action: 'deduction_from_earnings_order',
        actionDate: '2026-03-16',
        actionReference: 'DEO-7781',
        pendingDisputes: [{ date: '2026-03-18', kind: 'payment_dispute' }],
        hardship: 'The deductions would leave me unable to pay my rent and to have the children to stay',
        copyToMp: MP,
      },
      reconciliation,
      calculation,
    },
    dates: ['2026-03-16', '2026-03-18', '2026-03-09'],
  },
  direct_pay_to_collect_and_pay: {
    input: {
      type: 'direct_pay_to_collect_and_pay',
      sentOn: '2025-12-08',
      facts: {
        sender: RECEIVING_PARENT,
        caseReference: CASE_REFERENCE,
        contactPreference: 'email',
        safetyConcerns: 'Contact with the other parent about money has led to threats, and I do not want to deal with them directly',
      },
      reconciliation: directPayReconciliation,
    },
    dates: ['2025-06-07', '2025-08-07', '2025-10-07', '2025-12-06'],
  },
  change_of_circumstances: {
    input: {
      type: 'change_of_circumstances',
      sentOn: '2026-01-19',
      facts: {
        ...payingEither,
        change: 'income',
        changedOn: '2026-01-05',
        details: 'I changed jobs and my salary fell by more than a quarter',
      },
      calculation: { ...calculation, date: '2026-01-05' },
    },
    dates: ['2026-01-05'],
  },
  deo_request: {
    input: {
      type: 'deo_request',
      sentOn: SENT_ON,
      facts: {
        ...paying,
        employer: {
          name: 'Northgate Widgets Ltd',
          address: ['Payroll Department', '1 Mill Lane', 'Testbury', 'ZZ2 9XY'],
          payrollNumber: 'NW-4471',
        },
        payFrequency: 'monthly',
        startFrom: '2026-04-01',
      },
      calculation,
    },
    dates: ['2026-04-01'],
  },
  income_challenge: {
    input: {
      type: 'income_challenge',
      sentOn: SENT_ON,
      facts: {
        ...payingEither,
        decision: DECISION,
        taxYear: '2024-25',
        currentIncomeFrom: '2025-12-01',
        currentIncomeTo: '2026-02-28',
        evidence: 'my payslips for December 2025, January 2026 and February 2026',
      },
      calculation,
      cmsCalculation,
    },
    dates: [DECISION.letterDate, '2025-12-01', '2026-02-28', '2026-04-01'],
  },
  arrears_payment_plan: {
    input: {
      type: 'arrears_payment_plan',
      sentOn: SENT_ON,
      facts: { ...paying, frequency: 'monthly', instalments: 3, firstPaymentOn: '2026-04-07' },
      reconciliation,
      calculation,
    },
    dates: ['2026-04-07', '2026-03-09'],
  },
  tribunal_appeal: {
    input: {
      type: 'tribunal_appeal',
      sentOn: '2026-05-12',
      facts: {
        ...payingEither,
        decision: DECISION,
        mrnDate: '2026-05-01',
        grounds,
        hearing: 'oral',
        confidentialAddress: true,
        tribunalAddress: ['HMCTS SSCS Appeals', 'PO Box 9999', 'Testbury', 'ZZ9 9ZZ'],
      },
      calculation,
      cmsCalculation,
    },
    dates: [DECISION.letterDate, '2026-05-01'],
  },
  late_mandatory_reconsideration: {
    input: {
      type: 'late_mandatory_reconsideration',
      sentOn: '2026-05-18',
      facts: {
        ...payingEither,
        decision: DECISION,
        grounds,
        lateReasons: ['I was in hospital and then recovering at home, and could not deal with post'],
        circumstancesFrom: '2026-03-04',
        circumstancesTo: '2026-05-08',
      },
      calculation,
      cmsCalculation,
    },
    dates: [DECISION.letterDate, '2026-03-04', '2026-05-08', '2026-04-01'],
  },
  overpayment_refund: {
    input: {
      type: 'overpayment_refund',
      sentOn: SENT_ON,
      facts: { ...paying, preference: 'either', cause: 'I paid January’s maintenance twice by mistake' },
      reconciliation: overpaidReconciliation,
    },
    dates: ['2026-03-09'],
  },
  special_payment_claim: {
    input: {
      type: 'special_payment_claim',
      sentOn: '2026-07-01',
      facts: {
        ...payingEither,
        events: [
          { date: '2025-08-21', what: 'CMS recorded a payment that never happened' },
          { date: '2026-03-16', what: 'CMS issued a deduction from earnings order on a wrong balance' },
        ],
        costs: ['postage', 'bank_charges'],
        distress: 'The threat of enforcement for money I did not owe caused me months of worry',
        complaintReference: 'CMP-2231',
      },
      reconciliation,
    },
    dates: ['2025-08-21', '2026-03-16'],
  },
  rectification_request: {
    input: {
      type: 'rectification_request',
      sentOn: '2026-05-04',
      facts: { ...payingEither, sarReceivedOn: '2026-04-27' },
      reconciliation,
    },
    dates: ['2026-04-27', '2025-08-21', '2025-06-09'],
  },
  deduction_order_appeal: {
    input: {
      type: 'deduction_order_appeal',
      sentOn: SENT_ON,
      facts: {
        ...paying,
        court: { name: 'Testbury Magistrates’ Court', address: ['Court House', 'Castle Street', 'Testbury', 'ZZ3 1CC'] },
        orderDate: '2026-03-10',
        orderReference: 'DEO-7781',
        employerName: 'Northgate Widgets Ltd',
        ground: 'not_earnings',
        details: ['The order takes deductions from my expenses reimbursements, which are not earnings'],
      },
    },
    dates: ['2026-03-10'],
  },
  deduction_order_representations: {
    input: {
      type: 'deduction_order_representations',
      sentOn: SENT_ON,
      facts: {
        ...paying,
        orderType: 'lump_sum_deduction_order',
        orderDate: '2026-03-12',
        servedOn: '2026-03-16',
        orderReference: 'LSDO-5512',
        bank: 'Testbury Building Society',
        grounds: ['amounts_already_paid', 'official_error'],
        details: ['The order rests on arrears that include a payment CMS failed to record'],
      },
      reconciliation,
    },
    dates: ['2026-03-12', '2026-03-16', '2026-03-09'],
  },
  sar_chase_ico_complaint: {
    input: {
      type: 'sar_chase_ico_complaint',
      sentOn: '2026-04-27',
      facts: {
        ...payingEither,
        stage: 'chase',
        sarSentOn: '2026-03-20',
        missing: ['The audit trail of changes to my case', 'Notes of my phone calls'],
      },
    },
    dates: ['2026-03-20'],
  },
};

/** A letter case drafted again on another reconciliation (the same facts). */
function on(type: string, reconciliation: ReconcileInput, dates: readonly string[] = []): LetterCase {
  const c = CASES[type]!;
  return { input: { ...c.input, reconciliation }, dates: [...c.dates, ...dates] };
}

/**
 * The letters that state a difference, drafted from the statement of account whose four wrong entries go both ways
 * (twoWayReconciliation; the refund from twoWayOverpaidReconciliation): each must give the net difference, the
 * lines each way, and the parts of the balance, never the sizes of the lines added up.
 */
export const TWO_WAY_CASES: Record<string, LetterCase> = {
  account_breakdown_request: on('account_breakdown_request', twoWayReconciliation, [
    '2025-06-09',
    '2025-08-21',
    '2026-01-08',
    '2026-02-07',
  ]),
  payment_dispute: on('payment_dispute', twoWayReconciliation, ['2025-06-09', '2025-08-21', '2026-01-08', '2026-02-07']),
  enforcement_pause_request: on('enforcement_pause_request', twoWayReconciliation, [
    '2025-06-09',
    '2025-08-21',
    '2026-01-08',
    '2026-02-07',
  ]),
  arrears_payment_plan: on('arrears_payment_plan', twoWayReconciliation, ['2025-06-09', '2025-08-21', '2026-01-08', '2026-02-07']),
  overpayment_refund: on('overpayment_refund', twoWayOverpaidReconciliation, ['2025-06-09', '2025-08-21', '2026-01-08', '2026-02-07']),
  deduction_order_representations: on('deduction_order_representations', twoWayReconciliation, [
    '2025-06-09',
    '2025-08-21',
    '2026-01-08',
    '2026-02-07',
  ]),
};
