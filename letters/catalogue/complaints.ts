/**
 * Complaint letters: the stage-1 complaint (L05), its escalation for a final response (L06), the referral to
 * the Independent Case Examiner (L07), the letter to your MP (L08), the request that your MP refer the case
 * to the Parliamentary and Health Service Ombudsman (L09), and the claim for a special payment (L20).
 * @module
 */
import * as z from 'zod';
import { compareDates } from '../../calc/dates.ts';
import { DEADLINE, deadlineOf } from '../../calc/deadlines/index.ts';
import { complaintReplyDue, iceLastDay } from '../deadlines.ts';
import { chronology, civilDate, commonFacts, priorContacts, senderRole, strictObject, words, wordList } from '../facts.ts';
import { balanceDifference, type ComputedReconciliation, enforcementCharges, netWay, STATEMENT_FIGURES } from '../figures.ts';
import { afterColon, joinAnd, sentence } from '../format.ts';
import type { Block, ComposeContext } from '../types.ts';
import { contactLine } from './account.ts';
import { balanceSentences, statementSentences, type Addressee } from './balance.ts';
import {
  BASIS,
  CMS_ADDRESS,
  ICE_ADDRESS,
  SEND_TO_CMS,
  SEND_TO_ICE,
  SEND_TO_MP,
  defineLetter,
  mpAddress,
  paragraphs,
  roleWords,
} from './common.ts';

export const OUTCOMES = ['apology', 'correct_the_error', 'explanation', 'process_change', 'compensation', 'hold_enforcement'] as const;
type Outcome = (typeof OUTCOMES)[number];
/** What the parent wants, asked of CMS. */
const OUTCOME_WORDS: Record<Outcome, string> = {
  apology: 'Apologise for how my case has been handled.',
  correct_the_error: 'Correct the errors on my case, and confirm the corrected figures in writing.',
  explanation: 'Explain fully what went wrong and why.',
  process_change: 'Change how cases like mine are handled, so that this does not happen again.',
  compensation: 'Make a special payment for the financial loss and distress this has caused.',
  hold_enforcement: 'Take no enforcement action on the disputed amount until this is resolved.',
};
/** What the parent wants, told to someone reviewing CMS. */
const OUTCOME_NOUNS: Record<Outcome, string> = {
  apology: 'An apology.',
  correct_the_error: 'The errors on my case corrected, and the corrected figures confirmed in writing.',
  explanation: 'A full explanation of what went wrong and why.',
  process_change: 'A change to how cases like mine are handled, so that this does not happen again.',
  compensation: 'A special payment for the financial loss and distress this has caused.',
  hold_enforcement: 'No enforcement action on the disputed amount until this is resolved.',
};
const outcomes = z
  .array(z.enum(OUTCOMES, { error: `must be one of ${OUTCOMES.join(', ')}` }))
  .min(1, 'say at least one thing you want')
  .max(OUTCOMES.length)
  .describe(`What you want to happen: ${OUTCOMES.join(', ')}`);

/** The balance and the disputed entries, when a reconciliation backs the complaint. */
function accountBlocks(ctx: ComposeContext<unknown>, r: ComputedReconciliation | undefined, lead: string, to: Addressee = 'cms'): Block[] {
  if (!r || r.result.counts.bankTransactions + r.result.counts.evidence === 0) return [];
  return paragraphs(`${lead} ${balanceSentences(ctx, r, to).join(' ')}`, statementSentences(ctx, r, to).join(' '));
}

const reconciliationUse = {
  use: 'optional' as const,
  why: 'the balance CMS claims against the true one, and the disputed entries, when the complaint is about the account',
};

export const complaint = defineLetter({
  id: 'L05',
  type: 'complaint',
  title: 'Complaint (stage 1)',
  whenToUse:
    'For service failures — delay, mistakes, lost evidence, wrong advice, unexplained arrears, enforcement on a disputed balance — or when a breakdown request or payment dispute has gone unanswered. Not for disagreeing with a calculation (that is a mandatory reconsideration).',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.dwpComplaints],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    senderRole,
    chronology,
    whatWentWrong: wordList('point').describe('What went wrong, one point each (for example "my letter of 3 March was not answered")'),
    impact: words('the impact', 2000).describe(
      'How this has affected you and the children, in words (no amounts: losses come from the reconciliation)',
    ),
    outcomes,
    priorContacts: priorContacts.optional(),
  }),
  inputs: { reconciliation: reconciliationUse },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: ['Copies of my earlier letters and my notes of phone calls'],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis: 'This follows the Child Maintenance Service’s own standard for answering complaints.',
  compose: (ctx) => {
    const f = ctx.facts;
    const body: Block[] = [
      ...paragraphs(
        `I am making a formal complaint about how the Child Maintenance Service has handled my case. I am ${roleWords(ctx)} in this case.`,
      ),
      { kind: 'heading', text: 'What happened' },
      { kind: 'list', items: f.chronology.map((e) => `${ctx.date(e.date)}: ${sentence(e.what)}`) },
      { kind: 'heading', text: 'What went wrong' },
      { kind: 'list', items: f.whatWentWrong.map(sentence) },
      ...accountBlocks(ctx, ctx.computed.reconciliation, 'The balance on my account is wrong.'),
      { kind: 'heading', text: 'How this has affected me' },
      ...paragraphs(sentence(f.impact)),
    ];
    if (f.priorContacts?.length) {
      body.push(
        { kind: 'heading', text: 'What I have already done' },
        { kind: 'list', items: f.priorContacts.map((c) => contactLine(ctx, c)) },
      );
    }
    return {
      subject: 'Complaint',
      body,
      asks: [...f.outcomes.map((o) => OUTCOME_WORDS[o]), 'Acknowledge this complaint and tell me who is dealing with it.'],
    };
  },
});

export const complaintEscalation = defineLetter({
  id: 'L06',
  type: 'complaint_escalation',
  title: 'Complaint escalation (review and final response)',
  whenToUse:
    'When the reply to a complaint does not resolve it, or no reply came. It asks for a review by a senior manager and the DWP Complaints team and for a final response, which you need before going to the Independent Case Examiner.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.dwpComplaints],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    senderRole,
    complaintDate: civilDate.describe('When you made the complaint, YYYY-MM-DD'),
    complaintReference: words('a reference', 60).optional().describe('The complaint reference CMS gave, if any'),
    replyDate: civilDate.optional().describe('When CMS replied, YYYY-MM-DD; leave out if it has not'),
    unresolved: wordList('point').describe('Why the reply does not resolve the complaint, or what is still unanswered, one point each'),
    outcomes,
  }),
  inputs: { reconciliation: reconciliationUse },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: [],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis: 'This follows the Child Maintenance Service’s own standard for answering complaints.',
  check: (f, sentOn, _inputs, nation) => {
    const problems: { field: string; message: string }[] = [];
    if (compareDates(f.complaintDate, sentOn) > 0)
      problems.push({ field: 'facts.complaintDate', message: 'is after the date of this letter' });
    if (f.replyDate && compareDates(f.replyDate, f.complaintDate) < 0)
      problems.push({ field: 'facts.replyDate', message: 'is before the complaint' });
    else if (!f.replyDate && compareDates(f.complaintDate, sentOn) <= 0) {
      // "I have had no reply" escalates a complaint CMS has not answered: not before its time to answer has passed.
      const { due, escalate } = complaintReplyDue(f.complaintDate, nation);
      if (compareDates(sentOn, due.date) <= 0) {
        problems.push({
          field: 'facts.replyDate',
          message:
            `is missing, and CMS’s reply to the complaint of ${f.complaintDate} is not due until ${due.date}: ${due.basis} ` +
            `If CMS has replied, give replyDate; if it has not by then, escalate after ${due.date} (the case’s reminder to escalate is ${escalate.date})`,
        });
      }
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    return {
      subject: `Complaint${f.complaintReference ? ` ${f.complaintReference}` : ''}: request for review and a final response`,
      body: [
        ...paragraphs(
          `I am ${roleWords(ctx)} in this case. On ${ctx.date(f.complaintDate)} I made a complaint${f.complaintReference ? ` (reference ${f.complaintReference})` : ''} about how my case has been handled. ${
            f.replyDate ? `You replied on ${ctx.date(f.replyDate)}, but the reply does not resolve my complaint.` : 'I have had no reply.'
          }`,
          f.replyDate ? 'The reply falls short for these reasons:' : 'These points are still unanswered:',
        ),
        { kind: 'list', ordered: true, items: f.unresolved.map(sentence) },
        ...accountBlocks(ctx, ctx.computed.reconciliation, 'The figures are still wrong.'),
        ...paragraphs(
          'Please pass my complaint to a senior manager for review by the Department for Work and Pensions Complaints team, and send me a final response.',
        ),
      ],
      asks: [
        'Review my complaint at the next level.',
        ...f.outcomes.map((o) => OUTCOME_WORDS[o]),
        'Send me a final response that says it is the final response and tells me how to go to the Independent Case Examiner.',
      ],
      enclosures: [`My complaint of ${ctx.date(f.complaintDate)}`, ...(f.replyDate ? [`Your reply of ${ctx.date(f.replyDate)}`] : [])],
    };
  },
});

export const iceReferral = defineLetter({
  id: 'L07',
  type: 'ice_referral',
  title: 'Referral to the Independent Case Examiner',
  whenToUse:
    'After a final response to your complaint that tells you that you can go to the Independent Case Examiner; within 6 months of that final response. ICE looks at maladministration and service, not at the calculation itself (that goes to the tribunal).',
  sender: 'either',
  recipient: ICE_ADDRESS,
  legalBasis: [BASIS.ice],
  facts: strictObject({
    ...commonFacts({ identity: true, mp: true }),
    senderRole,
    finalResponseDate: civilDate.describe('The date of the final response letter, YYYY-MM-DD'),
    summary: words('the summary', 3000).describe('Your complaint in plain words: what went wrong'),
    unresolved: wordList('point').describe('What is still not put right, one point each'),
    outcomes,
    adjustments: words('the adjustments', 500).optional().describe('Any help you need in dealing with ICE (reasonable adjustments)'),
  }),
  inputs: { reconciliation: reconciliationUse },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: ['My complaint letters and the replies'],
  sendBy: SEND_TO_ICE,
  copyToMp: true,
  recipientHoldsAddress: false,
  clockFrom: (f) => f.finalResponseDate,
  check: (f, sentOn, _inputs, nation) => {
    const problems: { field: string; message: string }[] = [];
    if (compareDates(f.finalResponseDate, sentOn) > 0)
      problems.push({ field: 'facts.finalResponseDate', message: 'is after the date of this letter' });
    const limit = iceLastDay(f.finalResponseDate, nation);
    if (compareDates(sentOn, limit.date) > 0) {
      problems.push({
        field: 'facts.finalResponseDate',
        message: `was more than 6 months before this letter (the limit was ${limit.date}); ICE normally takes a complaint only within 6 months of the final response. Ask your MP for help instead (mp_letter)`,
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    return {
      subject: 'Complaint about the Child Maintenance Service: request for an independent review',
      body: [
        ...paragraphs(
          `I ask the Independent Case Examiner to look into my complaint about the Child Maintenance Service. I am ${roleWords(ctx)} in this case. I have been through the complaints process, and the final response, dated ${ctx.date(f.finalResponseDate)}, is enclosed.`,
        ),
        { kind: 'heading', text: 'My complaint' },
        ...paragraphs(sentence(f.summary)),
        ...accountBlocks(ctx, ctx.computed.reconciliation, 'The account is still wrong.', 'other'),
        { kind: 'heading', text: 'What is still not put right' },
        { kind: 'list', items: f.unresolved.map(sentence) },
        { kind: 'heading', text: 'What I would like to happen' },
        { kind: 'list', items: f.outcomes.map((o) => OUTCOME_NOUNS[o]) },
        ...paragraphs(f.adjustments && `To deal with you I need: ${afterColon(f.adjustments)}`),
      ],
      asks: ['Look into my complaint, and recommend that the Child Maintenance Service puts things right as set out above.'],
      enclosures: [`The final response dated ${ctx.date(f.finalResponseDate)}`],
    };
  },
});

const mp = strictObject({
  name: words('the MP’s name', 100).describe('Your MP’s name, e.g. "Jane Doe"'),
  constituency: words('the constituency', 100).describe('Your constituency'),
}).describe('Your MP');

export const MP_ASKS = ['contact_cms', 'refer_to_ombudsman'] as const;

/**
 * MPs take up a case only for their own constituents, and check the address to know one (House of Commons
 * convention): a letter that claims residence with the address withheld must be followed by the address.
 */
export const MP_NEEDS_ADDRESS =
  'Your address is left off this letter, but an MP acts only for people who live in the constituency and will ask for your address to check that you do before taking up your case. Give it to the MP’s office another way (by phone, or on a separate sheet marked confidential), and ask them not to pass it on to the Child Maintenance Service or anyone else without your permission.';

export const mpLetter = defineLetter({
  id: 'L08',
  type: 'mp_letter',
  title: 'Letter to your MP',
  whenToUse:
    'At any time, often alongside a complaint when the CMS has not answered: MPs can get replies from the CMS, and a referral to the Parliamentary Ombudsman has to come from an MP.',
  sender: 'either',
  recipient: ['Your MP', 'House of Commons', 'London', 'SW1A 0AA'],
  legalBasis: [BASIS.dwpComplaints, BASIS.pca],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    mp,
    summary: words('the summary', 2000).describe('What has gone wrong, in a paragraph'),
    contacts: priorContacts
      .min(1, 'give at least one letter or call you have already made')
      .describe('What you have already done, each with its date and kind (letters, complaints, calls)'),
    consent: z
      .literal(true, { error: 'must be true: your MP needs your consent to act for you and to see your case details' })
      .describe('Set to true to consent to your MP contacting CMS and DWP about your case and receiving information about it'),
  }),
  inputs: { reconciliation: reconciliationUse },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: ['Copies of my main letters to the Child Maintenance Service and its replies'],
  sendBy: SEND_TO_MP,
  copyToMp: false,
  recipientHoldsAddress: false,
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation;
    const withheld = f.sender.addressWithheld === true;
    if (withheld) ctx.warn(MP_NEEDS_ADDRESS);
    const asks = ['Ask the Child Maintenance Service to look at my case and to answer my letters.'];
    if (r && r.result.balance.cmsClaimed !== undefined && balanceDifference(r)) {
      // Enforcement is the paying parent's to fear, and only on a figure too high: a receiving parent is owed more.
      const hold = ctx.senderRole === 'paying' && netWay(r) === 'too_high';
      asks.push(
        hold
          ? 'Ask it to confirm the correct balance on my account and to hold enforcement on the disputed amount meanwhile.'
          : 'Ask it to confirm the correct balance on my account.',
      );
    }
    return {
      subject: `My Child Maintenance Service case (reference ${f.caseReference})`,
      to: mpAddress(f.mp.name),
      salutation: `Dear ${f.mp.name}`,
      body: [
        ...paragraphs(
          `I live in your constituency of ${f.mp.constituency}${withheld ? '; for my safety my address is not printed here, and I can confirm it to your office by phone' : ''}. I am asking for your help with my child maintenance case, where I am ${roleWords(ctx)}.`,
          sentence(f.summary),
        ),
        ...accountBlocks(ctx, r, 'The figures show the problem plainly.', 'other'),
        { kind: 'heading', text: 'What I have done so far' },
        { kind: 'list', items: f.contacts.map((c) => contactLine(ctx, c)) },
        ...paragraphs(
          'I consent to you and your staff contacting the Child Maintenance Service and the Department for Work and Pensions about my case, and to them sharing information about it with you.',
        ),
      ],
      asks,
    };
  },
});

export const ombudsmanReferral = defineLetter({
  id: 'L09',
  type: 'ombudsman_referral',
  title: 'Request to your MP to refer the case to the Parliamentary and Health Service Ombudsman',
  whenToUse:
    'After the Independent Case Examiner’s final report (or an unreasonable delay by ICE or CMS), when the problem is still not put right. The Ombudsman takes complaints about government departments only through an MP, normally within 12 months of your first becoming aware of the problem.',
  sender: 'either',
  recipient: ['Your MP', 'House of Commons', 'London', 'SW1A 0AA'],
  legalBasis: [BASIS.pca],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    mp,
    firstAwareOn: civilDate.describe('When you first became aware of the problem, YYYY-MM-DD'),
    iceReportDate: civilDate.optional().describe('The date of the Independent Case Examiner’s final report, YYYY-MM-DD, if there is one'),
    whyUnresolved: wordList('point').describe('Why the matter is still not put right after ICE, one point each'),
    injustice: words('the injustice', 2000).describe('The injustice you have suffered because of the maladministration, in words'),
    outcomes,
    consent: z
      .literal(true, { error: 'must be true: your MP needs your consent to act for you and to see your case details' })
      .describe('Set to true to consent to your MP referring your complaint and sharing your case details with the Ombudsman'),
  }),
  inputs: { reconciliation: reconciliationUse },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  enclosures: ['The Ombudsman’s complaint form, completed and signed', 'The Child Maintenance Service’s final response'],
  sendBy: {
    ...SEND_TO_MP,
    notes: [...SEND_TO_MP.notes, 'Fill in the Ombudsman’s own complaint form and send it with this letter; your MP forwards both.'],
  },
  copyToMp: false,
  recipientHoldsAddress: false,
  clockFrom: (f) => f.firstAwareOn,
  check: (f, sentOn) => {
    const problems: { field: string; message: string }[] = [];
    if (compareDates(f.firstAwareOn, sentOn) > 0)
      problems.push({ field: 'facts.firstAwareOn', message: 'is after the date of this letter' });
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    const withheld = f.sender.addressWithheld === true;
    if (withheld) ctx.warn(MP_NEEDS_ADDRESS);
    const last = deadlineOf(ctx.deadlines, DEADLINE.phsoLastDay);
    if (last && compareDates(ctx.sentOn, last.date) > 0) {
      ctx.warn(
        'It is more than 12 months since you first became aware of the problem. The Ombudsman can still accept the complaint if there are special reasons; say what they are.',
      );
    }
    return {
      subject: `Please refer my complaint about the Child Maintenance Service to the Ombudsman (reference ${f.caseReference})`,
      to: mpAddress(f.mp.name),
      salutation: `Dear ${f.mp.name}`,
      body: [
        ...paragraphs(
          `I live in your constituency of ${f.mp.constituency}${withheld ? '; for my safety my address is not printed here, and I can confirm it to your office by phone' : ''}. I ask you to refer my complaint about the Child Maintenance Service to the Parliamentary and Health Service Ombudsman. The Ombudsman can look into a complaint about a government department only when an MP refers it (Parliamentary Commissioner Act 1967 s.5). I am ${roleWords(ctx)} in this case.`,
          `I first became aware of the problem on ${ctx.date(f.firstAwareOn)}.${f.iceReportDate ? ` The Independent Case Examiner’s final report is dated ${ctx.date(f.iceReportDate)}; a copy is enclosed.` : ''}`,
          'The matter is still not put right:',
        ),
        { kind: 'list', items: f.whyUnresolved.map(sentence) },
        ...accountBlocks(ctx, ctx.computed.reconciliation, 'The account is still wrong.', 'other'),
        { kind: 'heading', text: 'The injustice I have suffered' },
        ...paragraphs(sentence(f.injustice)),
        { kind: 'heading', text: 'What I want the Ombudsman to achieve' },
        { kind: 'list', items: f.outcomes.map((o) => OUTCOME_NOUNS[o]) },
        ...paragraphs(
          'I consent to you referring my complaint and to my case details being shared with the Ombudsman, the Child Maintenance Service and the Department for Work and Pensions for this purpose.',
        ),
      ],
      asks: ['Refer my complaint to the Parliamentary and Health Service Ombudsman, with the enclosed form.'],
      enclosures: f.iceReportDate ? [`The Independent Case Examiner’s final report dated ${ctx.date(f.iceReportDate)}`] : [],
    };
  },
});

export const COST_KINDS = [
  'bank_charges',
  'overdraft_interest',
  'postage',
  'phone_calls',
  'travel',
  'advice_fees',
  'lost_earnings',
  'other',
] as const;
const COST_WORDS: Record<(typeof COST_KINDS)[number], string> = {
  bank_charges: 'bank charges',
  overdraft_interest: 'overdraft interest',
  postage: 'postage',
  phone_calls: 'phone calls',
  travel: 'travel',
  advice_fees: 'fees for advice',
  lost_earnings: 'lost earnings',
  other: 'other costs',
};

export const specialPaymentClaim = defineLetter({
  id: 'L20',
  type: 'special_payment_claim',
  title: 'Claim for a special payment (compensation for maladministration)',
  whenToUse:
    'When maladministration on your case has cost you money or caused serious distress, usually with or after a complaint. Payments are discretionary; there is no appeal, but a refusal can be looked at again with new evidence.',
  sender: 'either',
  recipient: CMS_ADDRESS,
  legalBasis: [BASIS.redress, BASIS.dwpComplaints],
  facts: strictObject({
    ...commonFacts({ mp: true }),
    senderRole,
    events: chronology.describe('The maladministration, in date order: each with its date and what went wrong'),
    costs: z
      .array(z.enum(COST_KINDS, { error: `must be one of ${COST_KINDS.join(', ')}` }))
      .max(COST_KINDS.length)
      .optional()
      .describe(`The kinds of cost you have receipts for (${COST_KINDS.join(', ')}); the amounts are on the receipts you enclose`),
    distress: words('the distress', 2000).describe('How the maladministration has affected you, in words'),
    complaintReference: words('a reference', 60).optional().describe('The reference of your complaint, if you have made one'),
  }),
  inputs: {
    reconciliation: {
      use: 'optional',
      why: 'the money at stake from the errors on the account (the overstated balance and any enforcement charges)',
    },
  },
  figures: ['enforcement_charges', ...STATEMENT_FIGURES],
  enclosures: ['Receipts and statements for each cost claimed'],
  sendBy: SEND_TO_CMS,
  copyToMp: true,
  recipientHoldsAddress: true,
  replyBasis: 'There is no legal time limit for this, so the date above is one I consider reasonable.',
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation;
    const body: Block[] = [
      ...paragraphs(
        `I am ${roleWords(ctx)} in this case. I ask for a special payment under the Department for Work and Pensions’ scheme of financial redress for maladministration, to put right the loss and distress that the handling of my case has caused${f.complaintReference ? ` (my complaint reference is ${f.complaintReference})` : ''}.`,
      ),
      { kind: 'heading', text: 'What went wrong' },
      { kind: 'list', items: f.events.map((e) => `${ctx.date(e.date)}: ${sentence(e.what)}`) },
    ];
    const moneyLines: string[] = [];
    if (r && r.result.counts.bankTransactions + r.result.counts.evidence > 0) {
      body.push(...accountBlocks(ctx, r, 'The errors on my account are these.'));
      const charges = enforcementCharges(r);
      if (charges && balanceDifference(r)) {
        moneyLines.push(
          `The enforcement charges of ${ctx.quote(charges)} that followed from the wrong balance should be cancelled or refunded.`,
        );
      }
    }
    if (f.costs?.length) {
      moneyLines.push(
        `Because of these errors I have had to pay ${joinAnd(f.costs.map((c) => COST_WORDS[c]))}; the enclosed receipts show each amount.`,
      );
    }
    if (moneyLines.length) body.push({ kind: 'heading', text: 'What it has cost me' }, ...paragraphs(...moneyLines));
    body.push({ kind: 'heading', text: 'How it has affected me' }, ...paragraphs(sentence(f.distress)));
    return {
      subject: 'Claim for a special payment for maladministration',
      body,
      asks: [
        ...(f.costs?.length ? ['Reimburse the costs shown on the enclosed receipts.'] : []),
        ...(moneyLines.length && r ? ['Cancel or refund any charges that arose from the errors on my account.'] : []),
        'Make a consolatory payment for the distress and inconvenience this has caused.',
        'Tell me your decision and the reasons for it in writing.',
      ],
    };
  },
});
