/**
 * Pieces every letter type shares: recipients' addresses, legal references, ways of sending, and the
 * sentences that recur (who I am, that I keep paying while this is looked at).
 * @module
 */
import type * as z from 'zod';
import type { CivilDate } from '../../calc/dates.ts';
import type { Parameter, Reference } from '../../calc/parameters.ts';
import { incomeChangeTolerancePercent } from '../../calc/scheme-2012/parameters.ts';
import type { ComposeContext, LetterSpec, SendBy } from '../types.ts';

export function defineLetter<S extends z.ZodObject>(spec: LetterSpec<S>): LetterSpec<S> {
  return spec;
}

/** CMS's address for case correspondence (Citizens Advice; OPFS, updated 10 April 2025). */
export const CMS_ADDRESS = ['Child Maintenance Service 21', 'Mail Handling Site A', 'Wolverhampton', 'WV98 2BU'] as const;
export const DWP_DATA_ADDRESS = [
  'Department for Work and Pensions',
  'For the attention of the Subject Access Request team',
  'Child Maintenance Service 21',
  'Mail Handling Site A',
  'Wolverhampton',
  'WV98 2BU',
] as const;
export const ICE_ADDRESS = ['The Independent Case Examiner', 'PO Box 209', 'Bootle', 'L20 7WA'] as const;
export const ICO_ADDRESS = [
  'Information Commissioner’s Office',
  'Wycliffe House',
  'Water Lane',
  'Wilmslow',
  'Cheshire',
  'SK9 5AF',
] as const;
export const mpAddress = (name: string): string[] => [`${name} MP`, 'House of Commons', 'London', 'SW1A 0AA'];

const leg = (title: string, href: string): Reference => ({ title, href });

/**
 * A percentage from calc's parameter tables as the letters' fixed words quote it ("25%"): the value in force now,
 * the latest in the table. A calculation for a date uses the value for that date; these words describe the rule.
 */
export function percentNow(parameter: Parameter<string>): string {
  return `${parameter.values[parameter.values.length - 1]!.value}%`;
}

/** The law and guidance letters rest on, each with where it can be read. */
export const BASIS = {
  gdprAccess: leg('UK GDPR Article 15 (right of access)', 'https://www.legislation.gov.uk/eur/2016/679/article/15'),
  gdprTiming: leg(
    'UK GDPR Article 12(3) (one month to respond, extendable by two in complex cases)',
    'https://www.legislation.gov.uk/eur/2016/679/article/12',
  ),
  gdprAccuracy: leg('UK GDPR Article 5(1)(d) (personal data must be accurate)', 'https://www.legislation.gov.uk/eur/2016/679/article/5'),
  gdprRectification: leg('UK GDPR Article 16 (right to rectification)', 'https://www.legislation.gov.uk/eur/2016/679/article/16'),
  gdprNotify: leg('UK GDPR Article 19 (telling recipients of a rectification)', 'https://www.legislation.gov.uk/eur/2016/679/article/19'),
  gdprComplaint: leg(
    'UK GDPR Article 77 (right to complain to the Information Commissioner)',
    'https://www.legislation.gov.uk/eur/2016/679/article/77',
  ),
  icoAccess: leg(
    'ICO guidance on the right of access',
    'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/individual-rights/right-of-access/',
  ),
  icoComplaints: leg(
    'ICO: how to raise a data protection complaint',
    'https://ico.org.uk/make-a-complaint/data-protection-complaints/what-to-expect/',
  ),
  csaWelfare: leg('Child Support Act 1991 s.2 (welfare of children affected)', 'https://www.legislation.gov.uk/ukpga/1991/48/section/2'),
  csaRevision: leg('Child Support Act 1991 s.16 (revision of decisions)', 'https://www.legislation.gov.uk/ukpga/1991/48/section/16'),
  csaSupersession: leg(
    'Child Support Act 1991 s.17 (decisions superseding earlier decisions)',
    'https://www.legislation.gov.uk/ukpga/1991/48/section/17',
  ),
  csaAppeal: leg(
    'Child Support Act 1991 s.20 (appeals to the First-tier Tribunal)',
    'https://www.legislation.gov.uk/ukpga/1991/48/section/20',
  ),
  csaVariation: leg('Child Support Act 1991 ss.28A and 28G (variations)', 'https://www.legislation.gov.uk/ukpga/1991/48/section/28A'),
  csaCollection: leg(
    'Child Support Act 1991 s.29 (collection of child support maintenance)',
    'https://www.legislation.gov.uk/ukpga/1991/48/section/29',
  ),
  csaDeo: leg('Child Support Act 1991 s.31 (deduction from earnings orders)', 'https://www.legislation.gov.uk/ukpga/1991/48/section/31'),
  csaReimbursement: leg(
    'Child Support Act 1991 s.41B (repayment of overpaid child support)',
    'https://www.legislation.gov.uk/ukpga/1991/48/section/41B',
  ),
  csaPartPayment: leg(
    'Child Support Act 1991 s.41D (part payment of arrears in full satisfaction, with the receiving parent’s consent)',
    'https://www.legislation.gov.uk/ukpga/1991/48/section/41D',
  ),
  mrReg14: leg(
    'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 14 (revision: 30 days; official error at any time)',
    'https://www.legislation.gov.uk/uksi/2012/2677/regulation/14',
  ),
  lateReg15: leg(
    'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 15 (longer time for a revision in special circumstances)',
    'https://www.legislation.gov.uk/uksi/2012/2677/regulation/15',
  ),
  incomeRules: leg(
    'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) regs 34(2) and 35 (current and historic income)',
    'https://www.legislation.gov.uk/uksi/2012/2677/regulation/34',
  ),
  incomeTolerance: leg(
    `Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) reg 23 (${percentNow(incomeChangeTolerancePercent)} tolerance for income changes)`,
    'https://www.legislation.gov.uk/uksi/2012/2677/regulation/23',
  ),
  variationRegs: leg(
    'Child Support Maintenance Calculation Regulations 2012 (SI 2012/2677) Part 5 (variations)',
    'https://www.legislation.gov.uk/uksi/2012/2677/part/5',
  ),
  arrearsRegs: leg(
    'Child Support (Management of Payments and Arrears) Regulations 2009 (SI 2009/3151) regs 8–9 (adjustment for overpayments and voluntary payments)',
    'https://www.legislation.gov.uk/uksi/2009/3151',
  ),
  directPayNotice: leg(
    'Child Support (Management of Payments and Arrears) Regulations 2009 reg 3A (notice before collection on a Direct Pay case)',
    'https://www.legislation.gov.uk/uksi/2014/1386/regulation/6',
  ),
  deoMethod: leg(
    'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 3 (method of payment)',
    'https://www.legislation.gov.uk/uksi/1992/1989/regulation/3',
  ),
  deoAppeal: leg(
    'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 22 (appeal against a deduction from earnings order)',
    'https://www.legislation.gov.uk/uksi/1992/1989/regulation/22',
  ),
  rdoReview: leg(
    'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 25G (review of a regular deduction order)',
    'https://www.legislation.gov.uk/uksi/1992/1989/regulation/25G',
  ),
  lsdoReps: leg(
    'Child Support (Collection and Enforcement) Regulations 1992 (SI 1992/1989) reg 25M (representations about a lump sum deduction order)',
    'https://www.legislation.gov.uk/uksi/1992/1989/part/PART3A/chapter/3',
  ),
  tribunalRules: leg(
    'Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008 (SI 2008/2685) r.22 (notice of appeal) and r.19 (confidential addresses)',
    'https://www.legislation.gov.uk/uksi/2008/2685/part/3/chapter/1',
  ),
  dwpComplaints: leg(
    'DWP complaints procedure (Child Maintenance Service)',
    'https://www.gov.uk/government/organisations/department-for-work-pensions/about/complaints-procedure',
  ),
  ice: leg('Independent Case Examiner: complaints procedure', 'https://www.gov.uk/complain-independent-case-examiner'),
  pca: leg(
    'Parliamentary Commissioner Act 1967 ss.5 and 6(3) (referral by an MP; complaint within 12 months)',
    'https://www.legislation.gov.uk/ukpga/1967/13/section/5',
  ),
  redress: leg(
    'DWP guide “Financial redress for maladministration” (special payments)',
    'https://www.gov.uk/government/publications/compensation-for-poor-service-a-guide-for-dwp-staff/financial-redress-for-maladministration-staff-guide',
  ),
  changes: leg(
    'GOV.UK: changes you need to report to the Child Maintenance Service',
    'https://www.gov.uk/manage-child-maintenance-case/changes-you-need-to-report',
  ),
} as const satisfies Record<string, Reference>;

type SendPreset = Omit<SendBy, 'to' | 'copies'>;

/** Signed-for post to CMS, or an upload to the online account. */
export const SEND_TO_CMS: SendPreset = {
  method: 'Royal Mail Signed For (or Special Delivery when a deadline is close); keep the proof of posting',
  notes: [
    'You can also upload a copy through your online account (My Child Maintenance Case); keep a screenshot of the upload confirmation.',
    'Post goes to a mail-handling site, not straight to your caseworker: allow a few days for it to reach your case.',
  ],
};

export const SEND_TO_DWP_DATA: SendPreset = {
  method: 'Royal Mail Signed For; keep the proof of posting',
  notes: [
    'DWP also takes requests for personal information by the route on GOV.UK (“Request your personal information from the Department for Work and Pensions”). Check the current postal address there before posting; if it differs, draft the letter again with that address as the recipient’s.',
    'There is no fee. If DWP asks for proof of identity, the one-month clock starts when it receives it.',
  ],
};

export const SEND_TO_ICE: SendPreset = {
  method: 'Post (Royal Mail Signed For) or the Independent Case Examiner’s online form; keep proof of sending',
  notes: ['Enclose a copy of the final response letter: ICE cannot take the complaint without it.'],
};

export const SEND_TO_MP: SendPreset = {
  method: 'Email or post to your MP’s office (the address is on your MP’s page at members.parliament.uk)',
  notes: ['MPs act only for their own constituents: make sure the letter shows you live in the constituency.'],
};

/** Who sends: the role named in the facts for letters either parent may send, else the letter's own. */
export function roleWords(ctx: Pick<ComposeContext<unknown>, 'senderRole'>): string {
  return ctx.senderRole === 'paying' ? 'the paying parent' : 'the receiving parent';
}

/**
 * The first day with nothing due on a case that has ended by the letter's date (the reconciliation's schedule ends
 * before or on it: calc/schedule `caseEndDate`); undefined while anything is still due, or with no reconciliation.
 */
export function caseEndedOn(ctx: Pick<ComposeContext<unknown>, 'computed' | 'sentOn'>): CivilDate | undefined {
  const end = ctx.computed.reconciliation?.result.schedule.liabilityEnd;
  return end !== undefined && end <= ctx.sentOn ? end : undefined;
}

/**
 * The decision stays in force while it is looked at: a paying parent says they will keep paying. On a case that has
 * ended there is nothing more to pay (a journey probe, story 6: a letter on a case closed in January promised to "keep
 * paying the amount you have told me to pay"), so the sentence says only that nothing here is a refusal to pay.
 */
export function keepPaying(ctx: Pick<ComposeContext<unknown>, 'senderRole' | 'computed' | 'sentOn' | 'date'>): string | undefined {
  if (ctx.senderRole !== 'paying') return undefined;
  const ended = caseEndedOn(ctx);
  return ended
    ? `My case has ended: nothing is due on it from ${ctx.date(ended)}, so there is no ongoing amount for me to keep paying. Nothing I write here is a refusal to pay what is owed.`
    : 'While you look at this I will keep paying the amount you have told me to pay, so that nothing I write here is mistaken for a refusal to pay.';
}

/** Optional paragraphs: those that are undefined are left out. */
export function paragraphs(...texts: (string | undefined | false)[]): { kind: 'paragraph'; text: string }[] {
  return texts.filter((t): t is string => typeof t === 'string' && t.length > 0).map((text) => ({ kind: 'paragraph' as const, text }));
}
