/**
 * Letters about the account: a full breakdown of the balance (L02), a dispute of specific entries (L04), a
 * request to hold enforcement while a dispute is considered (L11), an arrears payment plan (L16), and a
 * request to repay or adjust for an overpayment (L19).
 * @module
 */
import * as z from 'zod';
import { compareDates } from '../../calc/dates.ts';
import { pounds } from '../../calc/money.ts';
import { arrearsBesideCharges, instalmentsDue, owedOnlyIn } from '../../calc/reconcile/explain.ts';
import { civilDate, commonFacts, priorContacts, senderRole, strictObject, words } from '../facts.ts';
import {
  balanceDifference,
  balanceParts,
  claimedBalance,
  claimReadAsParts,
  claimWords,
  componentName,
  directPayOnly,
  disputedAndUndisputed,
  instalmentFigures,
  monthlyAmount,
  evidenceEnclosures,
  evidenceSourceWords,
  allOverdue,
  inTransitCounts,
  inTransitFrom,
  inTransitPaymentsWords,
  leftOutWords,
  overdueList,
  reachByOf,
  notPassedOnFigure,
  onlyLinesOf,
  monthlyWithFee,
  netWay,
  overpaid,
  owedPartsNames,
  paidPerBank,
  STATEMENT_FIGURES,
  totalDue,
  paidAheadOfNext,
  totalAccrued,
  type ComputedCalculation,
  type ComputedReconciliation,
} from '../figures.ts';
import { count, countIs, joinAnd, sentence } from '../format.ts';
import { lsdoRepresentationsLastDay } from '../deadlines.ts';
import type { Block, ComposeContext, Figure } from '../types.ts';
import { balanceSentences, linesRef, outBy, statementSentences, notEntries, overdueAsk } from './balance.ts';
import { BASIS, CMS_ADDRESS, SEND_TO_CMS, caseEndedOn, defineLetter, keepPaying, paragraphs, roleWords } from './common.ts';

export const CLAIM_SOURCES = [
  'letter',
  'statement_of_account',
  'online_account',
  'phone_call',
  'arrears_notice',
  'payment_plan',
  'enforcement_notice',
] as const;
const CLAIM_SOURCE_WORDS: Record<(typeof CLAIM_SOURCES)[number], string> = {
  letter: 'your letter',
  statement_of_account: 'your statement of account',
  online_account: 'my online account',
  phone_call: 'a phone call with your staff',
  arrears_notice: 'your arrears notice',
  payment_plan: 'your payment plan',
  enforcement_notice: 'your enforcement notice',
};

const CONTACT_WORDS: Record<string, string> = {
  subject_access_request: 'subject access request',
  account_breakdown_request: 'request for a full breakdown of the account',
  mandatory_reconsideration: 'request for mandatory reconsideration',
  payment_dispute: 'letter disputing entries on the account',
  complaint: 'complaint',
  complaint_escalation: 'request to escalate my complaint',
  ice_referral: 'referral to the Independent Case Examiner',
  phone_call: 'phone call',
  other: 'letter',
};

/** "14 March 2026: my complaint (reference X)". */
export function contactLine(ctx: { date: (d: string) => string }, c: z.infer<typeof priorContacts>[number]): string {
  return `${ctx.date(c.date)}: my ${CONTACT_WORDS[c.kind]}${c.reference ? ` (reference ${c.reference})` : ''}${c.outcome ? `. ${sentence(c.outcome)}` : '.'}`;
}

export const accountBreakdownRequest = defineLetter({
  id: 'L02',
  type: 'account_breakdown_request',
  title: 'Request for a full breakdown of the account (statement of account)',
  whenToUse:
    'When you dispute an arrears, balance or overpayment figure and need CMS to show period by period how it got there. Send it with a subject access request; it has no legal time limit of its own.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaCollection, BASIS.arrearsRegs, BASIS.gdprAccuracy],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    senderRole,
    statedIn: z
      .enum(CLAIM_SOURCES, { error: `must be one of ${CLAIM_SOURCES.join(', ')}` })
      .describe('Where CMS gave the balance you dispute'),
    statedOn: civilDate.optional().describe('The date of the letter, notice or call that gave the balance, YYYY-MM-DD'),
    periodFrom: civilDate.optional().describe('The first day the breakdown should cover, YYYY-MM-DD; leave out for the start of the case'),
    granularity: z
      .enum(['weekly', 'monthly'], { error: 'must be "weekly" or "monthly"' })
      .optional()
      .describe('Whether you want the breakdown week by week or month by month (default monthly)'),
  }),
  inputs: {
    reconciliation: {
      use: 'required',
      why: 'the balance CMS claims (and, with your bank statement, the balance worked out from the decisions and your payments)',
    },
  },
  reconciliationNeeds: { cmsClaim: true },
  figures: ['cms_claimed_balance', 'recomputed_balance', 'not_passed_on', ...STATEMENT_FIGURES],
  enclosures: ['A copy of the letter or screen that gives the balance'],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis:
    'There is no legal time limit for a breakdown, so the date above is one I consider reasonable; if I do not have it by then I will make a formal complaint.',
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const claimed = ctx.quote(claimedBalance(r)!);
    // CMS's figure read as its maintenance arrears (or some other parts of its entries): called what it is, with the
    // parts its entries hold beside it, not "the balance" (calc's claimReadAsParts).
    const readAs = claimReadAsParts(r);
    const gave = readAs
      ? `you gave the ${readAs.what} on my account as ${ctx.quote(readAs.given)} on ${ctx.date(r.result.asOf)}; ${leftOutWords(readAs, ctx.quote, 'your')}: ${claimed} in all`
      : `you gave the balance on my account as ${claimed} on ${ctx.date(r.result.asOf)}`;
    const withBank = r.result.counts.bankTransactions + r.result.counts.evidence > 0;
    const where = `${CLAIM_SOURCE_WORDS[f.statedIn]}${f.statedOn ? ` of ${ctx.date(f.statedOn)}` : ''}`;
    // Enforcement is the paying parent's to fear, unless the evidence shows CMS's figure too low: a receiving parent
    // disputing the balance is owed more, and enforcement is how it reaches them.
    // With the evidence showing CMS's figure right, nothing is disputed: the breakdown is asked for to check it (a
    // meaning probe of 5 December 2026 found "I do not accept that figure" beside "Your figure agrees with it").
    // A difference of basis only (a credit CMS keeps for what was paid ahead of the plan) is agreement too.
    const agrees = withBank && (!balanceDifference(r) || onlyLinesOf(r, 'paid_ahead'));
    // Money CMS received and has not passed on: its figure is right as the paying parent's arrears, not as hers.
    const held = notPassedOnFigure(r);
    const hold = ctx.senderRole === 'paying' && netWay(r) !== 'too_low' && !agrees;
    const direct = directPayOnly(r);
    const body: Block[] = paragraphs(
      `I am ${roleWords(ctx)} in this case. In ${where} ${gave}. ${
        agrees
          ? 'I want to check how you arrived at it, and I cannot do that without a full breakdown.'
          : held && withBank
            ? 'It is not what I am owed, and I cannot check it without a full breakdown of how you arrived at it.'
            : 'I do not accept that figure, and I cannot check it without a full breakdown of how you arrived at it.'
      }`,
    );
    if (withBank) body.push(...paragraphs(...balanceSentences(ctx, r), statementSentences(ctx, r).join(' ')));
    body.push(
      ...paragraphs(
        `Please send me a full breakdown of the account ${f.periodFrom ? `from ${ctx.date(f.periodFrom)}` : 'from the start of my case'} to ${ctx.date(r.result.asOf)}, ${f.granularity === 'weekly' ? 'week by week' : 'month by month'}, showing for each period:`,
      ),
      { kind: 'list', items: breakdownItems(r) },
      ...paragraphs(
        hold
          ? direct
            ? 'I understand a breakdown is prepared by hand. My case is on Direct Pay; until I have the breakdown and have had the chance to respond, I ask that you do not move it to Collect and Pay, or take any other enforcement action, over the part of the balance I dispute.'
            : 'I understand a breakdown is prepared by hand. Until I have it and have had the chance to respond, I ask that no enforcement action be taken on the part of the balance I dispute.'
          : 'I understand a breakdown is prepared by hand.',
        keepPaying(ctx),
      ),
    );
    return {
      subject: 'Request for a full breakdown of the balance on my account',
      body,
      asks: [
        'Send me the full breakdown of the account described above.',
        'Tell me which decision set the amount due in each period.',
        ...(held && withBank
          ? [`Pass on to me the ${ctx.quote(held)} you received from the paying parent and have not passed on, or tell me where it is.`]
          : []),
        ...(hold
          ? [
              `${direct ? 'Do not move my case to Collect and Pay, or take any other enforcement action, over' : 'Take no enforcement action on'} the disputed part of the balance until I have the breakdown and you have answered my points.`,
            ]
          : []),
      ],
      enclosures: withBank ? evidenceEnclosures(r) : [],
    };
  },
});

/**
 * What a breakdown shows for each period, by the services the case was on: on Collect and Pay CMS records each
 * payment it receives and passes on, its fees and charges; on Direct Pay it records no payments, only the missed or
 * part payments reported to it (cms-accounts.md §1), so a Direct Pay breakdown asks for those.
 */
function breakdownItems(r: ComputedReconciliation): string[] {
  const services = new Set(r.result.schedule.lines.map((l) => l.service));
  const collected = services.has('collect_and_pay');
  const direct = services.has('direct_pay') || services.size === 0;
  return [
    'the amount due, and the decision (with its date) that set it;',
    ...(collected
      ? [
          `each payment received${direct ? ' while the case was on Collect and Pay' : ''}, with its date, amount, source and bank reference;`,
          'each payment passed on to the receiving parent;',
          'collection fees and enforcement charges;',
        ]
      : []),
    ...(direct
      ? [
          `each missed or part payment reported to you${collected ? ' while the case was on Direct Pay' : ''}, with the date it was reported, by whom, and the amount you recorded as unpaid;`,
        ]
      : []),
    'adjustments, offsets and write-offs, with the reason for each;',
    'the opening and closing balance.',
  ];
}

export const paymentDispute = defineLetter({
  id: 'L04',
  type: 'payment_dispute',
  title: 'Dispute of specific recorded payments and arrears entries',
  whenToUse:
    'After reconciling CMS’s record against your bank statement: it lists each entry CMS got wrong (a payment that never happened, a payment missing, a duplicate, a wrong amount or date, a wrong charge) with the evidence for each.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaCollection, BASIS.arrearsRegs, BASIS.mrReg14, BASIS.gdprAccuracy],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    senderRole,
    holdEnforcement: z
      .boolean()
      .optional()
      .describe(
        'Ask CMS to take no enforcement action on the disputed amount while it looks into this (default: yes when you are the paying parent and CMS’s figure is too high)',
      ),
  }),
  inputs: {
    reconciliation: { use: 'required', why: 'each disputed entry on your account, with the bank evidence against it' },
  },
  reconciliationNeeds: { discrepancies: true },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  // The extracts of the evidence the reconciliation was given (bank statements, payslips …): see compose.
  enclosures: [],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis:
    'There is no legal time limit for this, so the date above is one I consider reasonable; after it I will make a formal complaint.',
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const schedule = ctx.disputedSchedule()!;
    // Enforcement is the paying parent's to fear, and only on a figure that is too high.
    const hold = f.holdEnforcement ?? (ctx.senderRole === 'paying' && netWay(r) === 'too_high');
    // Direct Pay shortfalls nobody reported are set out too, but they are not entries CMS got wrong.
    const others = notEntries(ctx, r, schedule, 'reports');
    return {
      subject: 'Dispute of entries on my child maintenance account',
      body: paragraphs(
        `I am ${roleWords(ctx)} in this case. I have checked your record of my account against my ${evidenceSourceWords(r)} and against the decisions on my case. ${countIs(schedule.count, 'entry on your record', 'entries on your record')} wrong.` +
          others.text,
        ...(r.result.balance.cmsClaimed !== undefined ? balanceSentences(ctx, r) : []),
        statementSentences(ctx, r, 'cms', true).join(' '),
        'There is no appeal against an arrears figure as such, but you must collect the right amount (Child Support Act 1991 s.29 and the Child Support (Management of Payments and Arrears) Regulations 2009), and the UK GDPR requires the personal data you hold about me to be accurate (Article 5(1)(d)). If any of these errors comes from a wrong decision, please treat this letter as an application to revise that decision for official error under regulation 14(1)(e) of the Child Support Maintenance Calculation Regulations 2012.',
        keepPaying(ctx),
      ),
      asks: [
        `Correct ${others.correct}, or tell me, entry by entry, why you say it is right and what your evidence is (for a payment, where it came from and its bank reference).`,
        ...(others.unreported && ctx.senderRole === 'receiving'
          ? [`Record the missed payments on ${linesRef(schedule.unreportedLines)} of the schedule as reported to you by this letter.`]
          : []),
        ...(others.passedOn
          ? [
              `Trace each payment on ${linesRef(schedule.passedOnLines)} of the schedule: tell me the date, the amount and the account you sent it to, and pay me what did not arrive.`,
            ]
          : []),
        ...overdueAsk(r, schedule),
        'Send me a corrected statement of the balance.',
        ...(hold
          ? [
              directPayOnly(r)
                ? 'Do not move my case to Collect and Pay, or take any other enforcement action, over the disputed amount while you look into this.'
                : 'Take no enforcement action on the disputed amount while you look into this.',
            ]
          : []),
        'Confirm in writing what you have done.',
      ],
      enclosures: evidenceEnclosures(r),
    };
  },
});

export const ENFORCEMENT_ACTIONS = [
  'deduction_from_earnings_order',
  'regular_deduction_order',
  'lump_sum_deduction_order',
  'liability_order_application',
  'enforcement_agents',
  'other',
] as const;
const ACTION_WORDS: Record<(typeof ENFORCEMENT_ACTIONS)[number], string> = {
  deduction_from_earnings_order: 'deduction from earnings order',
  regular_deduction_order: 'regular deduction order',
  lump_sum_deduction_order: 'lump sum deduction order',
  liability_order_application: 'application for a liability order',
  enforcement_agents: 'referral to enforcement agents',
  other: 'enforcement action',
};

/** What CMS did, as the letter's opening says it: CMS issues its orders, but applies to a court for a liability order. */
const ACTION_TAKEN: Record<(typeof ENFORCEMENT_ACTIONS)[number], string> = {
  deduction_from_earnings_order: 'issued a deduction from earnings order against me',
  regular_deduction_order: 'issued a regular deduction order against me',
  lump_sum_deduction_order: 'issued a lump sum deduction order against me',
  liability_order_application: 'applied to the magistrates’ court for a liability order against me',
  enforcement_agents: 'referred my case to enforcement agents',
  other: 'took enforcement action against me',
};

/**
 * What the paying parent promises to keep paying, worded for the service the case is on. On Collect and Pay the
 * paying parent pays the maintenance and the collection fee on top (Fees Regulations 2014 reg 7), so the promise
 * quotes the instalment with the fee; only on Direct Pay is the maintenance alone what is paid.
 */
function ongoingPayment(ctx: ComposeContext<unknown>, calc: ComputedCalculation | undefined, r: ComputedReconciliation): string {
  const service = calc?.result.collection ?? r.result.schedule.decisions.at(-1)?.service ?? 'direct_pay';
  if (service === 'collect_and_pay') {
    const withFee = calc ? monthlyWithFee(calc) : undefined;
    return withFee
      ? `my ongoing maintenance with the collection fee, ${ctx.quote(withFee)} a month, through the Child Maintenance Service`
      : 'my ongoing maintenance with the collection fee, through the Child Maintenance Service';
  }
  return calc
    ? `my ongoing maintenance of ${ctx.quote(monthlyAmount(calc))} a month directly to the receiving parent`
    : 'my ongoing maintenance directly to the receiving parent';
}

export const enforcementPauseRequest = defineLetter({
  id: 'L11',
  type: 'enforcement_pause_request',
  title: 'Request to hold enforcement while a dispute is considered',
  whenToUse:
    'When enforcement (a deduction order, a liability order application, enforcement agents) is threatened or under way on a balance you dispute. There is no right to a pause; this asks CMS to use its discretion, and for a lump sum deduction order it is your representations within 14 days.',
  sender: 'paying',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaWelfare, BASIS.rdoReview, BASIS.lsdoReps],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    action: z.enum(ENFORCEMENT_ACTIONS, { error: `must be one of ${ENFORCEMENT_ACTIONS.join(', ')}` }).describe('The enforcement action'),
    actionDate: civilDate.describe('The date of the notice or order, YYYY-MM-DD'),
    actionReference: words('a reference', 60).optional().describe('The reference on the notice or order, if any'),
    pendingDisputes: priorContacts
      .min(1, 'give at least one letter that is waiting for an answer')
      .describe('The letters about the balance still waiting for an answer, each with its date and kind'),
    hardship: words('the hardship', 1500)
      .optional()
      .describe('How the enforcement would affect you and the children, in words (no amounts: the figures come from the reconciliation)'),
  }),
  inputs: {
    reconciliation: { use: 'required', why: 'the balance CMS claims, the part you accept and the part you dispute' },
    calculation: { use: 'optional', why: 'the ongoing maintenance you will keep paying' },
  },
  // Smaller arrears than CMS's, nothing owed, or an overpayment: any of them is a balance disputed.
  reconciliationNeeds: {
    cmsClaim: true,
    side: 'paying',
    disputedBalance: {
      otherwise:
        'so there is no disputed balance to ask CMS to hold enforcement on. If CMS is enforcing arrears you accept, arrears_payment_plan offers a plan for them',
      beyondInTransit: true,
    },
  },
  figures: [
    'cms_claimed_balance',
    'undisputed_arrears',
    'accepted_maintenance',
    'accepted_collection_fees',
    'accepted_enforcement_charges',
    'disputed_amount',
    'in_transit_amount',
    'overpaid_amount',
    'bridge_too_high_total',
    'bridge_too_low_total',
    'monthly_amount',
    'monthly_with_collection_fee',
  ],
  enclosures: ['Copies of my letters about the balance that are waiting for an answer'],
  sendBy: {
    ...SEND_TO_CMS,
    notes: [...SEND_TO_CMS.notes, 'This is urgent: phone CMS as well to say the letter is on its way, and note who you spoke to.'],
  },
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis: 'Because enforcement is under way, I need your written decision by then.',
  check: (f, sentOn) =>
    compareDates(f.actionDate, sentOn) > 0 ? [{ field: 'facts.actionDate', message: 'is after the date of this letter' }] : [],
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const { disputed, undisputed, inTransit } = disputedAndUndisputed(r);
    const claimed = ctx.quote(claimedBalance(r)!);
    // CMS's figure read as its maintenance arrears (calc's claimReadAsParts): named so, with what else its entries hold.
    const saidOwed = claimReadAsParts(r) ? claimWords(claimed, r, ctx.quote, 'your') : claimed;
    const action = ACTION_WORDS[f.action];
    if (directPayOnly(r)) {
      ctx.warn(
        'The reconciliation has your case on Direct Pay throughout, but CMS enforces only on Collect and Pay: it will have moved your case first, and its letter says from when. Add the move to the schedule (a decision with service "collect_and_pay" from that date) so the collection fees are counted, then draft this again.',
      );
    }
    const ongoing = ongoingPayment(ctx, ctx.computed.calculation, r);
    // The last day for representations on a lump sum deduction order (reg 25M), for the letter and the sender's notes.
    const lsdoLast = f.action === 'lump_sum_deduction_order' ? lsdoRepresentationsLastDay(f.actionDate, ctx.nation) : undefined;
    // Nothing accepted (nothing owed, or money overpaid): the whole of CMS's figure is disputed and no plan is offered.
    // (A figure quoted is listed in the schedule of figures, so the £0.00 accepted is quoted only when something is.)
    const owesSome = r.result.balance.recomputed.gt(0);
    const accepted = owesSome ? ctx.quote(undisputed) : '';
    const over = overpaid(r);
    // A deduction on its way to CMS is neither owed nor disputed: CMS's figure is right not to include it yet.
    const transit = inTransit && inTransitWords(ctx, r, inTransit);
    // Fees and charges beside the arrears are owed to the Secretary of State and are not arrears: named, part by part.
    const ours = owesSome
      ? `I owed ${accepted}.${partsWords(ctx, r)}${transit ? ` ${transit}` : ''}${disputed ? ` I dispute the other ${ctx.quote(disputed)} of your figure.` : ''}`
      : `I owed nothing${over ? `: I had paid ${ctx.quote(over)} more than was due` : ''}.${
          transit ? ` ${transit} I dispute the other ${ctx.quote(disputed!)} of your figure.` : ' I dispute the whole of your figure.'
        }`;
    const body: Block[] = paragraphs(
      `I am the paying parent. On ${ctx.date(f.actionDate)} you ${ACTION_TAKEN[f.action]}${f.actionReference ? ` (reference ${f.actionReference})` : ''}.`,
      `The balance it is based on is disputed. You say I owed ${saidOwed} on ${ctx.date(r.result.asOf)}. Worked out from the decisions on my case and my ${evidenceSourceWords(r)}, ${ours}`,
      statementSentences(ctx, r, 'cms', Boolean(transit)).join(' '),
      'My dispute is already with you, and has not yet been answered:',
    );
    body.push(
      { kind: 'list', items: f.pendingDisputes.map((c) => contactLine(ctx, c)) },
      ...paragraphs(
        'I know there is no automatic right to a pause. But you must have regard to the welfare of any child affected when you use your discretion (Child Support Act 1991 s.2), and money taken on a wrong balance is slow and hard to get back.',
        f.hardship && sentence(f.hardship),
        // On a case that has ended there is no ongoing maintenance to promise.
        caseEndedOn(ctx)
          ? owesSome && `I will pay the ${accepted} I accept I owe; I am willing to agree a plan for it.`
          : owesSome
            ? `I will keep paying ${ongoing}, and I will pay the ${accepted} I accept I owe; I am willing to agree a plan for it.`
            : `I will keep paying ${ongoing}.`,
        lsdoLast && lsdoSentence(ctx.date(lsdoLast.date), ctx.sentOn <= lsdoLast.date),
        f.action === 'regular_deduction_order' &&
          'Please also treat this letter as an application to review the regular deduction order under regulation 25G of the Child Support (Collection and Enforcement) Regulations 1992, because the amount it collects rests on a wrong balance.',
      ),
    );
    return {
      subject: `Urgent: please hold the ${action} while my dispute is considered`,
      body,
      asks: [
        ...(owesSome
          ? [
              `Hold the ${action} on the disputed part of the balance until my dispute has been answered.`,
              owedPartsNames(r.result.balance) !== undefined
                ? `Limit any collection to the ${accepted} I accept (${owedPartsNames(r.result.balance)}), by agreement with me.`
                : arrearsBesideCharges(r.result.balance)
                  ? `Limit any collection to the ${accepted} I accept (arrears and enforcement charges), by agreement with me.`
                  : `Limit any collection of arrears to the ${accepted} I accept, by agreement with me.`,
            ]
          : [`Hold the ${action} until my dispute has been answered.`]),
        ...inTransitAsks(ctx, r, inTransit),
        'Tell me your decision in writing.',
      ],
      enclosures: [`A copy of the ${action}${f.actionReference ? ` (${f.actionReference})` : ''}`],
      notes: [
        ...(lsdoLast
          ? [
              `Representations on a lump sum deduction order must be made within 14 days beginning with the day it was served: by ${ctx.date(lsdoLast.date)}, counting ${ctx.date(f.actionDate)}, the date given for the order, as that day. Send this letter so that it arrives by then.`,
            ]
          : []),
        'This letter does not stop any legal time limit. If the order can be challenged (a deduction from earnings order appeal within 28 days, or 56 if you do not live in the United Kingdom, or representations about a lump sum deduction order within 14 days of service), make that challenge as well.',
      ],
    };
  },
});

/**
 * The deductions from pay (or benefit) still in time to reach CMS, in the paying parent's words: taken from them,
 * on their way, not yet in CMS's figure and not to be collected again.
 */
function inTransitWords(ctx: ComposeContext<unknown>, r: ComputedReconciliation, inTransit: Figure): string {
  const lines = ctx.disputedSchedule()?.inTransitLines ?? [];
  const n = r.result.bridge.inTransit.count;
  // Payments made before the date and recorded by CMS after it are among them: on their way, already paid.
  const payments = inTransitPaymentsWords(r, 'you');
  if (payments) {
    return (
      `Of your figure, ${ctx.quote(inTransit)} is money on its way to you at that date${lines.length ? ` (${linesRef(lines)} of the statement)` : ''}: ${payments[0]!.toLowerCase()}${payments.slice(1)}. ` +
      `Your figure does not include ${n === 1 ? 'it' : 'them'}, but ${n === 1 ? 'it has' : 'they have'} been paid and must not be collected again.`
    );
  }
  const from = inTransitFrom(r);
  // Their time ran out before the letter's date: CMS's statement could not show them; it is asked to confirm them.
  if (allOverdue(r)) {
    const where = lines.length ? ` (${linesRef(lines)} of the statement)` : '';
    const f = r.overdue![0]!;
    return n === 1
      ? `Of your figure, ${ctx.quote(inTransit)} was deducted from my ${from} on ${ctx.date(f.citations[0]!.date)}${where} and had until ${ctx.date(reachByOf(f))} to reach you: ` +
          `your statement to ${ctx.date(r.result.asOf)} could not yet show it, but it has been taken from me and must not be collected again.`
      : `Of your figure, ${ctx.quote(inTransit)} is ${count(n, 'deduction')} from my ${from}${where}: ${overdueList(r, 'you')}. ` +
          `Your statement to ${ctx.date(r.result.asOf)} could not yet show them, but they have been taken from me and must not be collected again.`;
  }
  const payer =
    from === 'pay'
      ? 'my employer'
      : from === 'benefit'
        ? 'the Department for Work and Pensions'
        : 'my employer and the Department for Work and Pensions';
  return (
    `Of your figure, ${ctx.quote(inTransit)} ${n === 1 ? 'is a deduction' : `is ${count(n, 'deduction')}`} from my ${from}${lines.length ? ` (${linesRef(lines)} of the statement)` : ''} that ${payer} still ${from === 'pay and benefit' ? 'have' : 'has'} time to pay over to you: ` +
    `you have not received ${n === 1 ? 'it' : 'them'} yet, but ${n === 1 ? 'it has' : 'they have'} been taken from me and must not be collected again.`
  );
}

/** The ask for deductions on their way to CMS (none without them): credit them when they arrive, never collect them again. */
function inTransitAsks(ctx: ComposeContext<unknown>, r: ComputedReconciliation, inTransit: Figure | undefined): string[] {
  if (inTransit && inTransitCounts(r).payments > 0) {
    return [
      `Do not collect again the ${ctx.quote(inTransit)} I had already paid by ${ctx.date(r.result.asOf)}: it is on your record since, or will be.`,
    ];
  }
  if (inTransit && allOverdue(r)) {
    return [
      `Confirm that the ${ctx.quote(inTransit)} deducted from my ${inTransitFrom(r)} has been credited to my account, and do not collect it again.`,
    ];
  }
  return inTransit
    ? [`Do not collect again the ${ctx.quote(inTransit)} already deducted from my ${inTransitFrom(r)}: credit it when it reaches you.`]
    : [];
}

/** L11's representations on a lump sum deduction order: within the 14 days, or, drafted after them, asked for all the same. */
function lsdoSentence(lastDay: string, inTime: boolean): string {
  const asRepresentations =
    'Please treat this letter as my representations about the lump sum deduction order under regulation 25M of the Child Support (Collection and Enforcement) Regulations 1992';
  return inTime
    ? `${asRepresentations}, made within the 14 days it allows (by ${lastDay}).`
    : `${asRepresentations}. I know the 14 days it allows ended on ${lastDay}, and ask you to consider them all the same.`;
}

export const INSTALMENT_FREQUENCIES = ['weekly', 'fortnightly', 'four_weekly', 'monthly'] as const;
const FREQUENCY_WORDS: Record<(typeof INSTALMENT_FREQUENCIES)[number], string> = {
  weekly: 'week',
  fortnightly: 'fortnight',
  four_weekly: 'four weeks',
  monthly: 'month',
};

export const arrearsPaymentPlan = defineLetter({
  id: 'L16',
  type: 'arrears_payment_plan',
  title: 'Arrears payment-plan proposal',
  whenToUse:
    'When you accept that you owe some arrears but cannot pay them in one go. The offer covers only the arrears you accept (worked out from the decisions and your bank statement); any disputed part stays disputed.',
  sender: 'paying',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaWelfare, BASIS.csaPartPayment],
  facts: strictObject({
    ...commonFacts(),
    frequency: z
      .enum(INSTALMENT_FREQUENCIES, { error: `must be one of ${INSTALMENT_FREQUENCIES.join(', ')}` })
      .describe('How often you would pay an instalment'),
    instalments: z
      .int('instalments must be a whole number')
      .min(1, 'instalments must be at least 1')
      .max(120, 'instalments must be at most 120')
      .describe('How many instalments you offer; the amount of each is worked out from the arrears you accept'),
    firstPaymentOn: civilDate.describe('The date of the first instalment, YYYY-MM-DD'),
  }),
  inputs: {
    reconciliation: { use: 'required', why: 'the arrears you accept (and any part you dispute), from which each instalment is worked out' },
    calculation: { use: 'optional', why: 'the ongoing maintenance you will keep paying alongside the plan' },
  },
  reconciliationNeeds: { side: 'paying', position: 'arrears' },
  figures: [
    'undisputed_arrears',
    'accepted_maintenance',
    'accepted_collection_fees',
    'accepted_enforcement_charges',
    'instalment_amount',
    'last_instalment_amount',
    'disputed_amount',
    'in_transit_amount',
    'cms_claimed_balance',
    'bridge_too_high_total',
    'bridge_too_low_total',
    'monthly_amount',
    'monthly_with_collection_fee',
  ],
  enclosures: ['A statement of my income and outgoings', 'Evidence of my income (recent payslips or benefit letters)'],
  sendBy: SEND_TO_CMS,
  copyToMp: false,
  recipientHoldsAddress: true,
  replyBasis: 'I would like to know before the first payment is due whether you agree.',
  check: (f, sentOn) =>
    compareDates(f.firstPaymentOn, sentOn) < 0 ? [{ field: 'facts.firstPaymentOn', message: 'is before the date of this letter' }] : [],
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const { disputed, undisputed, inTransit } = disputedAndUndisputed(r);
    const { plan, each, last } = instalmentFigures(r, f.instalments);
    if (plan.count < plan.requested) {
      ctx.warn(
        `At ${each.value} an instalment (the arrears divided by ${plan.requested}, rounded up to the penny), ${plan.count} instalments clear the arrears; the plan below has ${plan.count}.`,
      );
    }
    const n = plan.count;
    const eachText = ctx.quote(each);
    const lastText = n > 1 && last.value !== each.value ? ctx.quote(last) : undefined;
    const accepted = ctx.quote(undisputed);
    // Fees and charges are not arrears of maintenance: a balance with them says what it is made of.
    const parts = partsWords(ctx, r);
    const claim = claimedBalance(r);
    const claimed = r.result.balance.cmsClaimed;
    if (claimed !== undefined && claimed.lt(r.result.balance.recomputed)) {
      // Offering more than CMS asks may be right, but the parent should know before signing it.
      ctx.warn(
        `${claimed.lt(0) ? `CMS says you have overpaid ${pounds(claimed.abs())}` : `CMS says you owe ${pounds(claimed)}`} on ${ctx.date(r.result.asOf)}; this letter accepts ${undisputed.value}, which is more than CMS asks. ` +
          'Check the reconciliation’s findings (a payment CMS recorded that your bank does not show, for one) before you send it.',
      );
    }
    const calc = ctx.computed.calculation;
    const offer =
      n === 1
        ? `I offer to pay the ${accepted} in one payment on ${ctx.date(f.firstPaymentOn)}.`
        : `I offer to pay ${eachText} every ${FREQUENCY_WORDS[f.frequency]}, ${n} payments starting on ${ctx.date(f.firstPaymentOn)}${lastText ? `, the last of them ${lastText}` : ''}. That clears the ${accepted} in full.`;
    // Owed only in fees or charges: they are not arrears of maintenance, and the letter does not call them so (MCP
    // meaning probe, 5 December 2026: "I accept that I owe £50.00 in arrears" of a DEO's charge alone).
    const only = owedOnlyIn(r.result.balance);
    const what = parts ? '' : only ? ` in ${only}, owed to the Secretary of State (there are no maintenance arrears),` : ' in arrears';
    return {
      // Fees and charges accepted beside the arrears are named, not called arrears (figures.ts owedPartsNames).
      subject: `Proposal to pay ${owedPartsNames(r.result.balance) ?? only ?? 'arrears'} by instalments`,
      body: paragraphs(
        `I am the paying parent. I accept that I owe ${accepted}${what} up to ${ctx.date(r.result.asOf)}, worked out from the decisions on my case and my ${evidenceSourceWords(r)}.${parts}`,
        (disputed || inTransit) &&
          claim &&
          `You say the account shows ${claimWords(ctx.quote(claim), r, ctx.quote, 'your')}.${inTransit ? ` ${inTransitWords(ctx, r, inTransit)}` : ''}${
            disputed
              ? ` I dispute the ${inTransit ? 'other' : 'remaining'} ${ctx.quote(disputed)} and have written to you about it separately. This offer covers only the amount I accept; it is not an agreement to the disputed part.`
              : ''
          }`,
        (disputed || inTransit) && claim && statementSentences(ctx, r, 'cms', Boolean(inTransit)).join(' '),
        `I cannot pay ${only ? 'it' : 'the arrears'} in one sum. ${offer}`,
        !caseEndedOn(ctx) && `As well as these instalments I will keep paying ${ongoingPayment(ctx, calc, r)}.`,
        'I enclose a statement of my income and outgoings, which shows this is what I can afford while still meeting the children’s needs in my home and my essential bills.',
        'I ask that no further enforcement action be taken while I keep to this plan. In deciding, please have regard to the welfare of the children, as section 2 of the Child Support Act 1991 requires.',
      ),
      asks: [
        'Agree this plan in writing.',
        'Take no further enforcement action while I keep to it.',
        ...(disputed ? ['Keep the disputed part of the balance separate until my dispute has been answered.'] : []),
        ...inTransitAsks(ctx, r, inTransit),
      ],
    };
  },
});

/**
 * What the accepted balance is made of, where it is more than maintenance arrears (cms-accounts.md §4: the statement
 * keeps maintenance arrears, collection fees and enforcement charges apart, and they are owed to different people):
 * " Of that, £705.46 is maintenance arrears, owed to the receiving parent, and £141.09 in collection fees and £50.00 in
 * enforcement charges are owed to the Secretary of State." Empty for maintenance arrears alone.
 */
function partsWords(ctx: ComposeContext<unknown>, r: ComputedReconciliation): string {
  const parts = balanceParts(r, 'owed');
  if (!parts) return '';
  const maintenance = parts.find((p) => p.component === 'maintenance');
  const state = parts.filter((p) => p.component !== 'maintenance').map((p) => `${ctx.quote(p.figure)} in ${componentName(p.component)}`);
  if (!maintenance) return ` It is ${joinAnd(state)}, owed to the Secretary of State.`;
  const rest = state.length ? `, and ${joinAnd(state)} ${state.length === 1 ? 'is' : 'are'} owed to the Secretary of State` : '';
  return ` Of that, ${ctx.quote(maintenance.figure)} is maintenance arrears, owed to the receiving parent${rest}.`;
}

/**
 * What an overpayment is made of, where it is more than maintenance: " Of that, £1,559.97 is maintenance and £312.03
 * is collection fees." Collection fees are the Secretary of State's, maintenance the receiving parent's
 * (cms-accounts.md §4): CMS deals with each on its own. Empty for maintenance alone.
 */
function overpaidParts(ctx: ComposeContext<unknown>, r: ComputedReconciliation): string {
  const parts = balanceParts(r, 'overpaid');
  if (!parts) return '';
  return ` Of that, ${joinAnd(parts.map((p, i) => `${ctx.quote(p.figure)} ${i === 0 ? 'is ' : ''}${p.component === 'maintenance' ? 'maintenance' : componentName(p.component)}`))}.`;
}

export const REFUND_PREFERENCES = ['refund', 'adjust_future_payments', 'either'] as const;

export const overpaymentRefund = defineLetter({
  id: 'L19',
  type: 'overpayment_refund',
  title: 'Request to repay, or adjust for, an overpayment',
  whenToUse:
    'When the decisions and your bank statement show you have paid more than was due (for example after a decision reduced your liability from an earlier date). CMS may adjust future payments or repay; both are discretionary.',
  sender: 'paying',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.csaReimbursement, BASIS.arrearsRegs],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    preference: z
      .enum(REFUND_PREFERENCES, { error: `must be one of ${REFUND_PREFERENCES.join(', ')}` })
      .describe('What you would like: a refund, future payments adjusted, or either'),
    cause: words('the cause', 1500)
      .optional()
      .describe(
        'How the overpayment came about, in words (for example "the revision dated 3 March 2026 reduced my liability from January")',
      ),
  }),
  inputs: {
    reconciliation: { use: 'required', why: 'what was due, what you paid and the overpayment' },
  },
  reconciliationNeeds: { side: 'paying', position: 'overpaid' },
  figures: [
    'total_due',
    'total_accrued',
    'paid_per_bank',
    'overpaid_amount',
    'overpaid_maintenance',
    'overpaid_collection_fees',
    'overpaid_enforcement_charges',
    'cms_claimed_balance',
    ...STATEMENT_FIGURES,
  ],
  // The extracts of the evidence the reconciliation was given (bank statements, payslips …): see compose.
  enclosures: [],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis: 'There is no legal time limit for this, so the date above is one I consider reasonable.',
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const over = ctx.quote(overpaid(r)!);
    const claim = claimedBalance(r);
    const b = r.result.balance;
    // CMS agrees only when its figure is the same overpayment; any other figure is set out line by line.
    const cmsAgrees = b.difference?.isZero() ?? false;
    const diff = balanceDifference(r);
    // "Therefore" only when the balance is what was due less what was paid, nothing else.
    const onlyDueAndPaid = b.adjustments.isZero() && b.writtenOff.isZero() && b.enforcementCharges.isZero() && b.openingBalance.isZero();
    // A balance carried in (a credit among them) is part of the sum too: "therefore" would not follow from the figures given.
    const others = b.openingBalance.isZero()
      ? 'With the adjustments and charges on the account taken into account, I have paid'
      : 'With the balance carried into the account, and its adjustments and charges, taken into account, I have paid';
    const ahead = b.paidAhead !== undefined;
    const early = paidAheadOfNext(r);
    const nextInstalments = instalmentsDue(b.paidAheadOfNext?.dueDates ?? [], (d) => ctx.date(d));
    const want = {
      refund: 'I would like the overpayment repaid to me.',
      adjust_future_payments: 'I would like the overpayment taken off my future payments.',
      either: 'I would like the overpayment repaid to me or taken off my future payments, whichever you decide is right.',
    }[f.preference];
    return {
      subject: 'Overpaid child maintenance: request for repayment or adjustment',
      body: paragraphs(
        `I am the paying parent. Up to ${ctx.date(r.result.asOf)}, the decisions on my case made ${ctx.quote(totalDue(r))} due, including any collection fees${
          // Paid ahead of the plan too: the overpayment is what was paid beyond all that had accrued, due or not.
          ahead ? `, and ${ctx.quote(totalAccrued(r))} had accrued in all, what the payment plan had not yet made due with it` : ''
        }${
          // And the instalments due just after the date, paid before they fell due: not part of the overpayment either.
          early ? `; I also paid ${ctx.quote(early)} before it fell due towards ${nextInstalments}` : ''
        }. My ${r.result.counts.evidence > 0 ? 'bank statements and other evidence of payment show' : 'bank statements show'} I paid ${ctx.quote(paidPerBank(r))}. ${onlyDueAndPaid ? 'I have therefore paid' : others} ${over} more than ${ahead ? 'all that had accrued' : 'was due'}${early ? ` and ${nextInstalments}` : ''}.${overpaidParts(ctx, r)}`,
        f.cause && sentence(f.cause),
        claim && cmsAgrees && `Your own record shows an overpayment of ${ctx.quote(claim)}.`,
        claim &&
          !cmsAgrees &&
          b.cmsClaimed !== undefined &&
          `Your record does not agree: you give the balance on ${ctx.date(r.result.asOf)} as ${claimWords(ctx.quote(claim), r, ctx.quote, 'your')}${diff ? `, which ${outBy(r, ctx.quote(diff), netWay(r)!)}` : ''}.`,
        claim && !cmsAgrees && statementSentences(ctx, r).join(' '),
        'Where a paying parent has paid more than was due, you can take the overpayment into account against future payments (Child Support (Management of Payments and Arrears) Regulations 2009, regulations 8 and 9), or repay it where that is not possible or not appropriate (Child Support Act 1991 s.41B).',
        want,
      ),
      asks: [
        f.preference === 'adjust_future_payments'
          ? `Reduce my future payments to take account of the ${over} I have overpaid, and send me the new payment schedule.`
          : `Repay the ${over} I have overpaid${f.preference === 'either' ? ', or take it into account against my future payments' : ''}.`,
        'If you decide not to, tell me why in writing.',
      ],
      enclosures: evidenceEnclosures(r),
    };
  },
});
