/**
 * Letters about how maintenance is collected and enforced: moving from Direct Pay to Collect and Pay (L12),
 * asking for a deduction from earnings order (L14), appealing a deduction from earnings order (L22), and
 * representations or a review for a bank deduction order (L23).
 * @module
 */
import * as z from 'zod';
import { compareDates, type CivilDate } from '../../calc/dates.ts';
import { valueOn } from '../../calc/parameters.ts';
import { collectionFeePayingPercent, collectionFeeReceivingPercent, enforcementCharges } from '../../calc/scheme-2012/parameters.ts';
import { DEADLINE, deadlineOf } from '../../calc/deadlines/index.ts';
import { deoAppealLastDay } from '../deadlines.ts';
import { civilDate, commonFacts, strictObject, words, wordList } from '../facts.ts';
import {
  monthlyAmount,
  receivingFeePercent,
  recomputedBalance,
  shortPeriods,
  STATEMENT_FIGURES,
  weeklyAmount,
  weeklyWithFee,
} from '../figures.ts';
import { afterColon, sentence } from '../format.ts';
import type { Block } from '../types.ts';
import { balanceSentences, statementSentences } from './balance.ts';
import { BASIS, CMS_ADDRESS, SEND_TO_CMS, defineLetter, paragraphs } from './common.ts';

export const directPayToCollectAndPay = defineLetter({
  id: 'L12',
  type: 'direct_pay_to_collect_and_pay',
  title: 'Request to move from Direct Pay to Collect and Pay',
  whenToUse:
    'For a receiving parent on Direct Pay whose payments are missed, late or short (or who is unsafe dealing with the other parent): CMS cannot act while the case is on Direct Pay. Collect and Pay carries collection fees.',
  sender: 'receiving',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaCollection, BASIS.directPayNotice],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    collectArrears: z.boolean().optional().describe('Ask CMS to collect the arrears that built up under Direct Pay as well (default true)'),
    safetyConcerns: words('the safety concerns', 1500)
      .optional()
      .describe('Any concerns for your safety in dealing with the other parent, in words (never their address)'),
  }),
  inputs: {
    reconciliation: {
      use: 'required',
      why: 'the payments missed or short under Direct Pay, from the decisions and your bank statement',
    },
  },
  reconciliationNeeds: {
    side: 'receiving',
    position: 'arrears',
    service: {
      is: 'direct_pay',
      otherwise:
        'The case is already on Collect and Pay, so there is nothing to move: for money CMS collected and did not pass on, or an entry it got wrong, use payment_dispute; for how CMS has handled it, complaint',
    },
  },
  figures: ['shortfall_total', 'recomputed_balance'],
  enclosures: ['Bank statement extracts for the period, showing the maintenance that arrived (other transactions blacked out)'],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const short = shortPeriods(r);
    const shortfall = ctx.quote(short.total);
    const table: Block = {
      kind: 'table',
      caption: 'Payments missed or short',
      columns: ['Instalment due on', 'Amount', 'Received for it', 'Short by'],
      widths: [4, 1.6, 1.6, 1.6],
      rows: short.rows,
    };
    const collect = f.collectArrears ?? true;
    return {
      subject: 'Request to move my case from Direct Pay to Collect and Pay',
      body: [
        ...paragraphs(
          'I am the receiving parent. My case is on Direct Pay, and the paying parent has not paid what the decisions on the case require. My bank statements show these payments missed or short:',
        ),
        table,
        ...paragraphs(
          `In all, ${shortfall} of the instalments above has not been paid.`,
          ...balanceSentences(ctx, r),
          'You cannot take action on missed payments while the case is on Direct Pay. Please move it to Collect and Pay, so that the Child Maintenance Service collects the maintenance and passes it on to me (Child Support Act 1991 s.29). I understand that collection fees then apply.',
          f.safetyConcerns &&
            `I also have concerns for my safety in dealing with the other parent directly: ${afterColon(f.safetyConcerns)}`,
        ),
      ],
      asks: [
        'Move my case to Collect and Pay.',
        ...(collect
          ? [
              `Collect the arrears that built up under Direct Pay, ${ctx.quote(recomputedBalance(r))} up to ${ctx.date(r.result.asOf)}, ` +
                // Whether the receiving parent's fee is taken from arrears from Direct Pay is not settled (docs/legal-notes.md).
                `and tell me whether you will take your ${receivingFeePercent(r)}% collection fee from them.`,
            ]
          : []),
        'Tell me when collection will start and what the payment schedule will be.',
      ],
    };
  },
});

export const PAY_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
const PAY_WORDS: Record<(typeof PAY_FREQUENCIES)[number], string> = {
  weekly: 'weekly',
  fortnightly: 'every two weeks',
  four_weekly: 'every four weeks',
  monthly: 'monthly',
};

const employer = strictObject({
  name: words('the employer’s name', 200).describe('Your employer’s name'),
  address: z
    .array(z.string().trim().min(1).max(100))
    .min(2, 'give at least two address lines')
    .max(7)
    .describe('Your employer’s payroll address, one line each, ending with the postcode'),
  payrollNumber: words('the payroll number', 40).optional().describe('Your payroll or staff number'),
}).describe('Your employer, which would make the deductions');

export const deoRequest = defineLetter({
  id: 'L14',
  type: 'deo_request',
  title: 'Request for a deduction from earnings order (paying parent)',
  whenToUse:
    'For an employed paying parent who wants maintenance taken through payroll, so that each payment is on the payslip and the employer’s remittance, which settles “payment never arrived” disputes.',
  sender: 'paying',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaCollection, BASIS.csaDeo, BASIS.deoMethod],
  facts: strictObject({
    ...commonFacts(),
    employer,
    payFrequency: z.enum(PAY_FREQUENCIES, { error: `must be one of ${PAY_FREQUENCIES.join(', ')}` }).describe('How often you are paid'),
    startFrom: civilDate.describe('When you would like deductions to start, YYYY-MM-DD'),
  }),
  inputs: {
    calculation: { use: 'optional', why: 'the weekly and monthly maintenance the deductions should cover' },
  },
  figures: ['weekly_amount', 'monthly_amount', 'weekly_with_collection_fee'],
  enclosures: ['A recent payslip'],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  check: (f, sentOn) =>
    compareDates(f.startFrom, sentOn) < 0 ? [{ field: 'facts.startFrom', message: 'is before the date of this letter' }] : [],
  compose: (ctx) => {
    const f = ctx.facts;
    const c = ctx.computed.calculation;
    const fee = c ? weeklyWithFee(c) : undefined;
    return {
      subject: 'Request for a deduction from earnings order',
      body: [
        ...paragraphs(
          'I am the paying parent. I ask you to collect my child maintenance by a deduction from earnings order sent to my employer. I am asking for this of my own accord: I want each payment taken through payroll, so that there is an independent record of every one.',
          'My employer is:',
        ),
        {
          kind: 'list',
          items: [
            f.employer.name,
            f.employer.address.join(', '),
            ...(f.employer.payrollNumber ? [`My payroll number: ${f.employer.payrollNumber}`] : []),
          ],
        },
        ...paragraphs(
          `I am paid ${PAY_WORDS[f.payFrequency]}. Please start the order from ${ctx.date(f.startFrom)}, or as soon as possible after that.`,
          c &&
            `The maintenance worked out under the 2012 scheme is ${ctx.quote(weeklyAmount(c))} a week (${ctx.quote(monthlyAmount(c))} a month)${fee ? `; on Collect and Pay, ${ctx.quote(fee)} a week with the collection fee` : ''}.`,
          'I understand that my employer may take a small administration charge for each deduction and must show each deduction on my payslip, and that maintenance paid by deduction from earnings is collected through Collect and Pay, with its collection fees.',
        ),
      ],
      asks: [
        `Set up a deduction from earnings order with my employer, starting from ${ctx.date(f.startFrom)}.`,
        'Send me a copy of the order and the payment schedule.',
        'Until the first deduction is made, tell me how to pay so that no payment is missed.',
      ],
      notes: [
        'Keep every payslip: each shows a deduction, and together with your employer’s remittance they prove each payment.',
        deoFeesNote(ctx.sentOn, fee?.value),
      ],
    };
  },
});

/**
 * What a deduction from earnings order costs, for the sender before they ask for one: it is collection by CMS, so
 * Collect and Pay's fees come with it, and CMS's charge for making such an order (cms-rules.md §9.2–9.3), each from
 * the rules in force on the day (calc's parameters, with their regulations).
 */
function deoFeesNote(on: CivilDate, weeklyWithFee: string | undefined): string {
  const paying = valueOn(collectionFeePayingPercent, on);
  const receiving = valueOn(collectionFeeReceivingPercent, on);
  const charge = valueOn(enforcementCharges, on);
  const deo = charge.value.deduction_from_earnings_order;
  return (
    `Before you send it: a deduction from earnings order moves your case to Collect and Pay. You pay CMS’s ${paying.value}% collection fee on top of the maintenance${weeklyWithFee ? ` (${weeklyWithFee} a week with it)` : ''}, ` +
    `and the receiving parent has ${receiving.value}% taken off what reaches them (${paying.reference.title}).` +
    (deo
      ? ` CMS charges £${deo} for making a deduction from earnings order as enforcement (${charge.reference.title}); ask whether it charges it on an order you asked for.`
      : '') +
    ' If the record is what you want, a standing order on Direct Pay and your bank statements are evidence of every payment too, without the fees.'
  );
}

export const DEO_GROUNDS = ['order_defective', 'not_earnings', 'exclusion_decision'] as const;
const DEO_GROUND_WORDS: Record<(typeof DEO_GROUNDS)[number], string> = {
  order_defective: 'the order is defective',
  not_earnings: 'the payments the order deducts from are not earnings',
  exclusion_decision:
    'there is good reason not to use a deduction from earnings order in my case, and the decision that there is not was wrong',
};

const court = strictObject({
  name: words('the court’s name', 200).describe(
    'The court’s name (a magistrates’ court in England and Wales; the sheriff court in Scotland)',
  ),
  address: z
    .array(z.string().trim().min(1).max(100))
    .min(2, 'give at least two address lines')
    .max(7)
    .describe('The court’s address, one line each, ending with the postcode'),
}).describe('The court the appeal goes to');

export const deductionOrderAppeal = defineLetter({
  id: 'L22',
  type: 'deduction_order_appeal',
  title: 'Appeal against a deduction from earnings order (magistrates’ court; sheriff court in Scotland)',
  whenToUse:
    'Within 28 days of the order when it is defective, or takes from payments that are not earnings (56 days if you live outside the UK). The court cannot look at whether the calculation is right: dispute the amount with CMS instead.',
  sender: 'paying',
  recipient: ['The Clerk to the Court'],
  legalBasis: [BASIS.deoAppeal, BASIS.csaDeo],
  facts: strictObject({
    ...commonFacts(),
    court,
    orderDate: civilDate.describe('The date of the deduction from earnings order, YYYY-MM-DD'),
    orderReference: words('the reference', 60).optional().describe('The reference on the order, if any'),
    matterArose: civilDate.optional().describe('When the matter you appeal against arose, YYYY-MM-DD, if not the order date'),
    employerName: words('the employer’s name', 200).describe('The employer the order was sent to'),
    ground: z.enum(DEO_GROUNDS, { error: `must be one of ${DEO_GROUNDS.join(', ')}` }).describe('The ground of appeal'),
    details: wordList('point').describe('The facts behind the ground, one point each'),
    livesOutsideUk: z.boolean().optional().describe('True if you do not live in the UK (the time limit is then 56 days)'),
  }),
  inputs: {},
  figures: [],
  enclosures: ['A copy of the deduction from earnings order', 'My payslips since the order took effect'],
  sendBy: {
    method: 'Hand it in at the court office (ask for a date-stamped copy) or send it by Royal Mail Special Delivery',
    notes: [
      'Send a copy to the Child Maintenance Service as well.',
      'If an appeal is not on one of the grounds the regulations allow, you may have to pay costs: take advice first if you can.',
    ],
  },
  copyToMp: false,
  recipientHoldsAddress: false,
  clockFrom: (f) => f.matterArose ?? f.orderDate,
  // Reg 22(2): 28 days for someone resident in the United Kingdom, 56 for someone who is not.
  clockFacts: (f) => ({ livesOutsideUk: f.livesOutsideUk === true }),
  check: (f, sentOn, _inputs, nation) => {
    const problems: { field: string; message: string }[] = [];
    const from = f.matterArose ?? f.orderDate;
    if (compareDates(f.orderDate, sentOn) > 0) problems.push({ field: 'facts.orderDate', message: 'is after the date of this letter' });
    if (f.matterArose && compareDates(f.matterArose, sentOn) > 0) {
      problems.push({ field: 'facts.matterArose', message: 'is after the date of this letter' });
    } else if (f.matterArose && compareDates(f.matterArose, f.orderDate) < 0) {
      problems.push({
        field: 'facts.matterArose',
        message: 'is before the order date: what is appealed against arises with the order or after it',
      });
    }
    const limit = deoAppealLastDay(from, nation, f.livesOutsideUk === true);
    if (compareDates(sentOn, limit.date) > 0) {
      problems.push({
        field: f.matterArose ? 'facts.matterArose' : 'facts.orderDate',
        message: `the time for this appeal ended on ${limit.date}: ${limit.basis} The court cannot hear it late; ask CMS to review the order instead (the request to hold enforcement, or a complaint)`,
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const scotland = ctx.nation === 'scotland';
    const limit = deadlineOf(ctx.deadlines, DEADLINE.deoAppealLastDay);
    return {
      subject: 'Appeal against a deduction from earnings order (regulation 22)',
      to: [f.court.name, ...f.court.address],
      body: [
        ...paragraphs(
          `I appeal under regulation 22 of the Child Support (Collection and Enforcement) Regulations 1992 against the deduction from earnings order made by the Secretary of State for Work and Pensions (Child Maintenance Service) on ${ctx.date(f.orderDate)}${f.orderReference ? `, reference ${f.orderReference}` : ''}, and sent to my employer, ${f.employerName}. I am the paying parent named in the order.`,
          `My ground of appeal is that ${DEO_GROUND_WORDS[f.ground]}. The facts are these:`,
        ),
        { kind: 'list', ordered: true, items: f.details.map(sentence) },
        ...paragraphs(
          limit &&
            `I make this appeal within the ${f.livesOutsideUk ? '56 days regulation 22(2)(c) allows, as I do not live in the United Kingdom' : '28 days regulation 22(2)(b) allows'}; the last day is ${ctx.date(limit.date)}.`,
          'I understand that on this appeal the court cannot question the maintenance calculation itself; my appeal is on the ground above only.',
        ),
      ],
      asks: [
        `List my appeal for hearing before the ${scotland ? 'sheriff' : 'magistrates'}.`,
        'Quash the order, or direct that it be put right.',
      ],
      salutation: 'Dear Sir or Madam',
    };
  },
});

export const DEDUCTION_ORDER_TYPES = ['lump_sum_deduction_order', 'regular_deduction_order'] as const;
export const DEDUCTION_ORDER_GROUNDS = [
  'amounts_already_paid',
  'official_error',
  'change_in_calculation',
  'not_my_money',
  'joint_account',
  'hardship',
  'order_not_compliant',
] as const;
type OrderGround = (typeof DEDUCTION_ORDER_GROUNDS)[number];
const ORDER_GROUND_WORDS: Record<OrderGround, string> = {
  amounts_already_paid: 'the amount the order is for includes maintenance I have already paid',
  official_error: 'the amount of the order is wrong because of an official error',
  change_in_calculation: 'the calculation has changed since the order was made',
  not_my_money: 'the money in the account does not belong to me',
  joint_account: 'the account is held jointly and the money in it is not mine alone',
  hardship: 'the deductions would cause hardship to me and the children in my care',
  order_not_compliant: 'the order does not comply with the regulations',
};
const NEEDS_RECONCILIATION: readonly OrderGround[] = ['amounts_already_paid', 'official_error'];

export const deductionOrderRepresentations = defineLetter({
  id: 'L23',
  type: 'deduction_order_representations',
  title: 'Bank deduction order: representations (lump sum) or review (regular)',
  whenToUse:
    'When a lump sum deduction order is served on your bank account (representations within 14 days of service, regulation 25M), or a regular deduction order is wrong (a review under regulation 25G at any time, including for official error or amounts already paid).',
  sender: 'paying',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.lsdoReps, BASIS.rdoReview, BASIS.csaWelfare],
  facts: strictObject({
    ...commonFacts(),
    orderType: z.enum(DEDUCTION_ORDER_TYPES, { error: `must be one of ${DEDUCTION_ORDER_TYPES.join(', ')}` }).describe('Which order it is'),
    orderDate: civilDate.describe('The date of the order, YYYY-MM-DD'),
    servedOn: civilDate.describe('When the copy of the order reached you, YYYY-MM-DD'),
    orderReference: words('the reference', 60).optional().describe('The reference on the order, if any'),
    bank: words('the bank', 100).describe('The bank or building society holding the account (no account number needed)'),
    grounds: z
      .array(z.enum(DEDUCTION_ORDER_GROUNDS, { error: `must be one of ${DEDUCTION_ORDER_GROUNDS.join(', ')}` }))
      .min(1, 'give at least one ground')
      .max(DEDUCTION_ORDER_GROUNDS.length)
      .describe(`The grounds: ${DEDUCTION_ORDER_GROUNDS.join(', ')}`),
    details: wordList('point').describe('The facts behind the grounds, one point each (whose money it is, what it is for)'),
  }),
  inputs: {
    reconciliation: {
      use: 'optional',
      why: 'the balance CMS claims against the true one, and the entries CMS got wrong',
      requiredWhen: (f) =>
        (f['grounds'] as OrderGround[] | undefined)?.some((g) => NEEDS_RECONCILIATION.includes(g))
          ? 'the amounts already paid, or the official error in the amount, which must come from reconciling CMS’s record with your bank statement'
          : undefined,
    },
  },
  // A ground that the order takes what was paid, or rests on an official error, needs CMS's figure to be too high.
  reconciliationNeeds: {
    side: 'paying',
    disputedBalance: {
      when: (f) => (f['grounds'] as OrderGround[]).some((g) => NEEDS_RECONCILIATION.includes(g)),
      otherwise:
        'so the order takes nothing already paid and no official error in your favour: leave out the grounds amounts_already_paid and official_error, and keep those that still apply (hardship, not_my_money, joint_account …)',
    },
  },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: ['A copy of the order', 'Statements for the account the order is on'],
  sendBy: {
    ...SEND_TO_CMS,
    notes: [
      ...SEND_TO_CMS.notes,
      'For a lump sum deduction order the 14 days run from the day the order was served: send it by Special Delivery, and phone CMS to say it is coming.',
    ],
  },
  copyToMp: false,
  recipientHoldsAddress: true,
  clockFrom: (f) => (f.orderType === 'lump_sum_deduction_order' ? f.servedOn : undefined),
  check: (f, sentOn) => {
    const problems: { field: string; message: string }[] = [];
    if (compareDates(f.orderDate, sentOn) > 0) problems.push({ field: 'facts.orderDate', message: 'is after the date of this letter' });
    if (compareDates(f.servedOn, f.orderDate) < 0) problems.push({ field: 'facts.servedOn', message: 'is before the order date' });
    else if (compareDates(f.servedOn, sentOn) > 0) problems.push({ field: 'facts.servedOn', message: 'is after the date of this letter' });
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const lump = f.orderType === 'lump_sum_deduction_order';
    const last = lump ? deadlineOf(ctx.deadlines, DEADLINE.lsdoRepresentationsLastDay) : undefined;
    if (last && compareDates(ctx.sentOn, last.date) > 0) {
      ctx.warn(`The 14 days for representations ended on ${ctx.date(last.date)}. Send this at once and ask CMS to consider it anyway.`);
    }
    const r = ctx.computed.reconciliation;
    const ref = f.orderReference ? `, reference ${f.orderReference},` : '';
    const body: Block[] = [
      ...paragraphs(
        lump
          ? `I make these representations under regulation 25M of the Child Support (Collection and Enforcement) Regulations 1992 about the lump sum deduction order dated ${ctx.date(f.orderDate)}${ref} on my account with ${f.bank}, which was served on me on ${ctx.date(f.servedOn)}.`
          : `I apply under regulation 25G of the Child Support (Collection and Enforcement) Regulations 1992 for a review of the regular deduction order dated ${ctx.date(f.orderDate)}${ref} on my account with ${f.bank}.`,
        'My grounds are these:',
      ),
      { kind: 'list', items: f.grounds.map((g) => sentence(ORDER_GROUND_WORDS[g].replace(/^./, (ch) => ch.toUpperCase()))) },
      ...paragraphs('The facts are these:'),
      { kind: 'list', ordered: true, items: f.details.map(sentence) },
    ];
    if (r && r.result.counts.bankTransactions + r.result.counts.evidence > 0) {
      body.push(...paragraphs(...balanceSentences(ctx, r), statementSentences(ctx, r).join(' ')));
    }
    body.push(
      ...paragraphs(
        'In making your decision, please have regard to the welfare of the children affected, as section 2 of the Child Support Act 1991 requires.',
      ),
    );
    return {
      subject: lump
        ? 'Representations about a lump sum deduction order (regulation 25M)'
        : 'Application to review a regular deduction order (regulation 25G)',
      body,
      asks: lump
        ? ['Do not make the order final.', 'Release the money that is not owed or is not mine.', 'Tell me your decision in writing.']
        : [
            'Review the order and revoke it, or reduce it to the right amount.',
            'Refund anything deducted that was not owed.',
            'Tell me your decision in writing.',
          ],
    };
  },
});
