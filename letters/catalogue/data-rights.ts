/**
 * Data-rights letters: the subject access request (L01), rectification of inaccurate records (L21), and the
 * chase and complaint when a subject access request goes unanswered (L24).
 * @module
 */
import * as z from 'zod';
import { compareDates } from '../../calc/dates.ts';
import { DEADLINE, deadlineOf } from '../../calc/deadlines/index.ts';
import { civilDate, commonFacts, senderRole, strictObject, words, wordList } from '../facts.ts';
import { claimedBalance, evidenceEnclosures, evidenceSourceWords, STATEMENT_FIGURES } from '../figures.ts';
import { sarReplyDue } from '../deadlines.ts';
import { countIs, joinAnd } from '../format.ts';
import type { Block } from '../types.ts';
import { balanceSentences, notEntries, statementSentences } from './balance.ts';
import { BASIS, DWP_DATA_ADDRESS, ICO_ADDRESS, SEND_TO_DWP_DATA, defineLetter, paragraphs, roleWords } from './common.ts';

const recipientAddress = z
  .array(z.string().trim().min(1, 'an address line must not be empty').max(100))
  .min(2, 'give at least two address lines')
  .max(8, 'give at most 8 address lines')
  .optional()
  .describe('The address to send it to, one line each, if not the one Reckoner gives (check GOV.UK for DWP’s current address)');

export const subjectAccessRequest = defineLetter({
  id: 'L01',
  type: 'subject_access_request',
  title: 'Subject access request (SAR) for the CMS case file',
  whenToUse:
    'The first step in any dispute about figures, ideally on the same day as the account breakdown request: it gets you CMS’s own records (the payment ledger, decisions and workings, income data, case notes and audit trail) with a legal time limit.',
  sender: 'either',
  recipient: DWP_DATA_ADDRESS,
  legalBasis: [BASIS.gdprAccess, BASIS.gdprTiming, BASIS.icoAccess],
  facts: strictObject({
    ...commonFacts({ identity: true }),
    senderRole,
    periodFrom: civilDate.optional().describe('The first day of the records you want, YYYY-MM-DD; leave out for the start of your case'),
    previousReferences: z
      .array(words('a reference', 60))
      .max(10)
      .optional()
      .describe('Any earlier case or Child Support Agency references, one each'),
    recipientAddress,
  }),
  inputs: {},
  figures: [],
  enclosures: ['A copy of a recent CMS letter showing my name and case reference'],
  sendBy: SEND_TO_DWP_DATA,
  copyToMp: false,
  recipientHoldsAddress: true,
  replyBasis:
    'The UK GDPR gives you one month from receiving a subject access request to respond (Article 12(3)). If you need longer because the request is complex, please tell me so, and why, within that month.',
  compose: (ctx) => {
    const f = ctx.facts;
    const from = f.periodFrom ? `from ${ctx.date(f.periodFrom)}` : 'from the start of my case';
    return {
      subject: 'Subject access request: my Child Maintenance Service records',
      body: [
        ...paragraphs(
          `I am making a subject access request under Article 15 of the UK GDPR for all the personal data the Department for Work and Pensions holds about me in connection with my child maintenance case. I am ${roleWords(ctx)} in this case.`,
          `Please include everything ${from} to the date of this letter${f.previousReferences?.length ? `, including records held under my earlier ${f.previousReferences.length === 1 ? 'reference' : 'references'} ${joinAnd(f.previousReferences)}` : ''}. In particular I ask for:`,
        ),
        {
          kind: 'list',
          ordered: true,
          items: [
            'The full financial account of my case: every amount charged, received, paid out, refunded, adjusted or written off, and for each receipt its source (employer, bank, Direct Pay report, enforcement), the date you received it, how it was allocated and the case it was allocated to.',
            'Every payment schedule and payment plan issued on my case.',
            'Every decision on my case, with the calculation behind it and the information each one was based on.',
            'The income information you received from HM Revenue and Customs or anyone else, and the dates it arrived.',
            'Case notes, free-text logs and the audit trail of changes made to my case on your systems, showing who made each change and when.',
            'Notes and recordings of phone calls, and all letters and messages to and from me.',
            'The enforcement history: notices, orders, charges and any action taken.',
            'Any balance carried over from the Child Support Agency, and how it was worked out.',
            'The information Article 15(1) entitles me to: why the data is held, who it has been shared with, how long it will be kept and where it came from.',
          ],
        },
        ...paragraphs(
          'I ask specifically for the audit trail and the case notes. Please do not leave them out on the ground that I did not ask for them.',
          'I understand that information about other people may have to be withheld. If you withhold or redact anything, please tell me what and on what ground.',
        ),
      ],
      asks: [
        'Send me a copy of all the personal data described above, in a form I can read.',
        'If you need proof of my identity or need to clarify anything, tell me straight away.',
      ],
    };
  },
});

const otherInaccuracy = strictObject({
  record: words('what the record says', 500).describe('What the inaccurate record says, in words'),
  correct: words('what is correct', 500).describe('What it should say'),
});

export const rectificationRequest = defineLetter({
  id: 'L21',
  type: 'rectification_request',
  title: 'Request to correct inaccurate records (UK GDPR Article 16)',
  whenToUse:
    'When your records (for example from a subject access request or your online account) show payments or entries that are wrong. It runs alongside a payment dispute and has a legal time limit, which a payment dispute does not.',
  sender: 'either',
  recipient: DWP_DATA_ADDRESS,
  legalBasis: [BASIS.gdprRectification, BASIS.gdprAccuracy, BASIS.gdprNotify, BASIS.gdprTiming],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    sarReceivedOn: civilDate
      .optional()
      .describe('When you received the records in answer to a subject access request, YYYY-MM-DD, if that is how you found the errors'),
    otherInaccuracies: z
      .array(otherInaccuracy)
      .max(20)
      .optional()
      .describe('Other inaccurate records that are not payments (a wrong date of birth, a wrong employer), each with what is correct'),
    recipientAddress,
  }),
  inputs: {
    reconciliation: {
      use: 'required',
      why: 'each inaccurate entry on your account, with the bank evidence against it',
    },
  },
  reconciliationNeeds: { discrepancies: true },
  figures: ['cms_claimed_balance', 'recomputed_balance', ...STATEMENT_FIGURES],
  // The extracts of the evidence the reconciliation was given (bank statements, payslips …): see compose.
  enclosures: [],
  sendBy: SEND_TO_DWP_DATA,
  copyToMp: false,
  recipientHoldsAddress: true,
  replyBasis: 'Article 12(3) of the UK GDPR gives you one month from receiving this request to act on it.',
  compose: (ctx) => {
    const f = ctx.facts;
    const r = ctx.computed.reconciliation!;
    const schedule = ctx.disputedSchedule()!;
    const claimed = claimedBalance(r);
    // Direct Pay shortfalls nobody reported are set out too, but they are not entries CMS holds wrongly.
    const others = notEntries(ctx, r, schedule, 'does_not_report');
    const body: Block[] = paragraphs(
      `I am ${roleWords(ctx)} in this case. I am asking you, under Article 16 of the UK GDPR, to correct inaccurate personal data about me held on my child maintenance case.`,
      f.sarReceivedOn &&
        `The records you sent me in answer to my subject access request, which I received on ${ctx.date(f.sarReceivedOn)}, contain entries that are wrong.`,
      `I have checked your record of my account against my ${evidenceSourceWords(r)} and the decisions on my case. ${countIs(schedule.count, 'entry', 'entries')} wrong.` +
        others.text,
      ...(claimed ? balanceSentences(ctx, r) : []),
      statementSentences(ctx, r, 'cms', true).join(' '),
    );
    if (f.otherInaccuracies?.length) {
      body.push(...paragraphs('These other records are also wrong:'), {
        kind: 'list',
        items: f.otherInaccuracies.map((o) => `Your record says: ${o.record}. It should say: ${o.correct}.`),
      });
    }
    body.push(
      ...paragraphs(
        'Accuracy matters here: the balance on my account is used to collect money and to decide on enforcement, and the UK GDPR requires personal data to be accurate and kept up to date (Article 5(1)(d)).',
      ),
    );
    return {
      subject: 'Request to correct inaccurate personal data (UK GDPR Article 16)',
      body,
      asks: [
        `Correct ${others.correct}, and the balance that depends on it.`,
        'Tell everyone you have shared the inaccurate data with about the correction, as Article 19 requires, and tell me who they are.',
        'Confirm to me in writing exactly what you have corrected.',
        'If you decide not to correct any entry, tell me why, and tell me about my right to complain to the Information Commissioner.',
      ],
      enclosures: [
        ...evidenceEnclosures(r),
        ...(f.sarReceivedOn ? ['Copies of the pages of your records that hold the wrong entries'] : []),
      ],
    };
  },
});

export const SAR_STAGES = ['chase', 'ico_complaint'] as const;

export const sarChaseIcoComplaint = defineLetter({
  id: 'L24',
  type: 'sar_chase_ico_complaint',
  title: 'Subject access request chase, or complaint to the Information Commissioner',
  whenToUse:
    'When DWP has not answered a subject access request within a month, or answered it only in part. First chase DWP (stage "chase", which is also a complaint to its data protection officer); if that fails, complain to the ICO (stage "ico_complaint") within three months of your last contact with DWP.',
  sender: 'either',
  recipient: DWP_DATA_ADDRESS,
  legalBasis: [BASIS.gdprAccess, BASIS.gdprTiming, BASIS.gdprComplaint, BASIS.icoComplaints],
  facts: strictObject({
    ...commonFacts(),
    senderRole,
    stage: z
      .enum(SAR_STAGES, { error: 'must be "chase" (to DWP) or "ico_complaint" (to the Information Commissioner)' })
      .describe('chase: a follow-up and complaint to DWP; ico_complaint: a complaint to the Information Commissioner’s Office'),
    sarSentOn: civilDate.describe('When you sent the subject access request, YYYY-MM-DD'),
    sarReceivedOn: civilDate
      .optional()
      .describe(
        'The day DWP received the request, if you know it (default: the second working day after sarSentOn, as for a letter posted)',
      ),
    replyReceivedOn: civilDate.optional().describe('When you received DWP’s reply, YYYY-MM-DD, if it sent one that was incomplete'),
    missing: wordList('missing item').describe(
      'What you have not received, one item each (for example "the audit trail of changes to my case")',
    ),
    chasedOn: z.array(civilDate).max(10).optional().describe('When you chased DWP before, YYYY-MM-DD each; needed for an ICO complaint'),
    dwpReference: words('a reference', 60).optional().describe('Any reference DWP gave your request'),
    recipientAddress,
  }),
  inputs: {},
  figures: [],
  enclosures: ['A copy of my subject access request'],
  sendBy: {
    method: 'For a chase: Royal Mail Signed For to DWP. For an ICO complaint: the ICO’s online form, or post',
    notes: [
      'The Information Commissioner expects you to have complained to DWP first and waited a month for a reply; complain to the ICO within three months of your last contact with DWP.',
    ],
  },
  copyToMp: false,
  recipientHoldsAddress: (f) => f.stage === 'chase',
  clockFrom: (f, sentOn) => (f.stage === 'chase' ? sentOn : [...(f.chasedOn ?? [])].sort().pop()),
  check: (f, sentOn, _input, nation) => {
    const problems: { field: string; message: string }[] = [];
    if (compareDates(f.sarSentOn, sentOn) > 0) problems.push({ field: 'facts.sarSentOn', message: 'is after the date of this letter' });
    (f.chasedOn ?? []).forEach((chased, i) => {
      if (compareDates(chased, sentOn) > 0) problems.push({ field: `facts.chasedOn[${i}]`, message: 'is after the date of this letter' });
      else if (compareDates(chased, f.sarSentOn) < 0) {
        problems.push({ field: `facts.chasedOn[${i}]`, message: 'is before sarSentOn: a chase follows the request it chases' });
      }
    });
    if (f.sarReceivedOn !== undefined && compareDates(f.sarReceivedOn, f.sarSentOn) < 0) {
      problems.push({
        field: 'facts.sarReceivedOn',
        message: 'is before sarSentOn: DWP cannot have received the request before it was sent',
      });
    } else if (f.stage === 'chase' && compareDates(f.sarSentOn, sentOn) <= 0) {
      // The chase says the one-month limit has passed: not before it has.
      const { due, chase } = sarReplyDue(f.sarSentOn, f.sarReceivedOn, nation);
      if (compareDates(sentOn, due.date) <= 0) {
        problems.push({
          field: 'facts.sarSentOn',
          message:
            `DWP’s reply to the request sent on ${f.sarSentOn} is not due until ${due.date}, so on ${sentOn} the time limit has not passed, as the chase says it has: ${due.basis} ` +
            `Date the chase ${chase.date} or later; give facts.sarReceivedOn if DWP received the request on another day`,
        });
      }
    }
    if (f.stage === 'ico_complaint' && !f.chasedOn?.length) {
      problems.push({
        field: 'facts.chasedOn',
        message:
          'is missing — the Information Commissioner expects you to have complained to DWP first: send this letter with stage "chase", then complain to the ICO if that fails',
      });
    }
    return problems;
  },
  compose: (ctx) => {
    const f = ctx.facts;
    // To DWP the reference is "your reference"; to the ICO it is DWP's, not the ICO's.
    const ref = f.dwpReference ? ` (${f.stage === 'chase' ? 'your' : 'DWP’s'} reference ${f.dwpReference})` : '';
    const history = paragraphs(
      `On ${ctx.date(f.sarSentOn)} I made a subject access request${ref} for my personal data held in connection with my child maintenance case, where I am ${roleWords(ctx)}.`,
      f.replyReceivedOn
        ? `On ${ctx.date(f.replyReceivedOn)} I received a reply, but it was incomplete.`
        : 'I have not received the information I asked for.',
      !!f.chasedOn?.length && `I chased the request on ${joinAnd(f.chasedOn.map(ctx.date))}.`,
    );
    const missing: Block = { kind: 'list', items: f.missing };
    const escalate = deadlineOf(ctx.deadlines, DEADLINE.icoEscalate);
    if (f.stage === 'chase') {
      return {
        subject: 'Overdue subject access request: complaint to your data protection officer',
        body: [
          ...history,
          ...paragraphs('The one-month time limit in Article 12(3) of the UK GDPR has passed. The following is still missing:'),
          missing,
          ...paragraphs(
            `Please treat this letter as a complaint to the Department’s data protection officer. If I do not have a full response${escalate ? ` by ${ctx.date(escalate.date)}` : ''}, I will complain to the Information Commissioner’s Office.`,
          ),
        ],
        asks: ['Send me everything that is still missing.', 'Explain why the request was not answered in full within the time limit.'],
        enclosures: f.replyReceivedOn ? [`A copy of your reply received on ${ctx.date(f.replyReceivedOn)}`] : [],
      };
    }
    return {
      subject: 'Complaint about the handling of my subject access request by the Department for Work and Pensions',
      to: f.recipientAddress ?? ICO_ADDRESS,
      body: [
        ...paragraphs(
          'I am complaining under Article 77 of the UK GDPR about how the Department for Work and Pensions (Child Maintenance Service) has handled my subject access request.',
        ),
        ...history,
        ...paragraphs('The Department has still not provided:'),
        missing,
        ...paragraphs(
          'I need these records to check the figures the Child Maintenance Service holds about me, which I dispute. Without them I cannot show where its account of my case goes wrong.',
        ),
      ],
      asks: [
        'Look into the Department’s handling of my request.',
        'Ask the Department to send me the missing information without further delay.',
        'Tell me what you decide and what action you will take.',
      ],
      enclosures: [
        ...(f.replyReceivedOn ? [`A copy of the Department’s reply received on ${ctx.date(f.replyReceivedOn)}`] : []),
        'Copies of my letters chasing the request',
      ],
    };
  },
});
