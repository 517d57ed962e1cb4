/**
 * The facts letters are drafted from, as zod schemas with a description on every field (so that
 * `list_letter_types` can say what each one is, and a refusal can say what is missing).
 *
 * Two rules hold for every fact a parent writes in words:
 * - **No money.** Every amount in a letter comes from a calculation or a reconciliation, with the rule or the
 *   evidence behind it; a fact that states an amount is refused and the parent is pointed to the computation.
 * - **No one else's address.** A postcode in a written fact may be another person's address, which a letter
 *   must never carry without their permission (dispute-process.md §7; CSMCR 2012 reg 25(3) for CMS notices).
 *   Only the sender's own address, and the addresses of organisations (an employer, a court), are taken.
 * @module
 */
import * as z from 'zod';
import { isCivilDate } from '../calc/dates.ts';
import { NI_NUMBER_RULE, normalNiNumber } from '../calc/identity.ts';

/** An object that refuses unknown fields, saying what to do (a misspelt fact must not vanish silently). */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown fact${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling (list_letter_types lists every fact)`
        : undefined,
  });
}

const MONEY = /£|€|\$|\bGBP\b|\bpounds?\b|\bpence\b|\bquid\b|\b\d{1,3}(,\d{3})+(\.\d+)?\b|\b\d+\.\d{2}\b(?!\s*(am|pm|a\.m|p\.m))|\b\d+p\b/i;
const POSTCODE = /\b(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i;
const PLACEHOLDER = /\{\{|\}\}|\bTODO\b|\bTBC\b|\[insert|<insert|\bXXX\b|\bN\/A\b|\bundefined\b|\bNaN\b|\[object/i;

/** Why a written fact is refused, or undefined when it is fine. */
export function narrativeProblem(value: string, options: { allowPostcode?: boolean } = {}): string | undefined {
  if (MONEY.test(value)) {
    return (
      'must not state an amount of money: every figure in a letter comes from a computed result, with its rule or evidence. ' +
      'Describe it in words here, and give `calculation` (a calculate_maintenance input) or `reconciliation` (a reconcile_ledger input) so the letter can quote the figure'
    );
  }
  if (!options.allowPostcode && POSTCODE.test(value)) {
    return (
      'looks like it holds a postcode. A letter must never carry another person’s address without their permission; ' +
      'put your own address in sender.address only, and leave addresses out of written facts'
    );
  }
  if (PLACEHOLDER.test(value)) return 'still holds a placeholder (such as "TODO", "[insert …]" or "{{…}}"); write the real words';
  return undefined;
}

/** Words the parent writes: trimmed, not empty, no money, no addresses, no placeholders. */
export function words(what: string, max = 2000, options: { allowPostcode?: boolean } = {}) {
  return z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = narrativeProblem(value, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A list of things in words. */
export function wordList(what: string, max = 20, itemMax = 1000) {
  return z.array(words(what, itemMax)).min(1, `give at least one ${what}`).max(max, `give at most ${max} of ${what}`);
}

export const civilDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' });

/** What a 2012-scheme CMS case reference is, as a refusal says it. */
export const CMS_REFERENCE_RULE = 'must be the 12-digit CMS case reference starting 121 (it is at the top of every CMS letter)';

/**
 * A 2012-scheme CMS case reference: 12 digits beginning 121 (nidirect/NI Business Info, "How to tell which CMS scheme
 * applies": "a 12 digit reference number beginning with 121"); spaces and dashes are dropped.
 */
export function isCmsReference(text: string): boolean {
  return /^121\d{9}$/.test(text.replace(/[\s-]/g, ''));
}

/** The CMS case reference: 12 digits beginning 121 (spaces are dropped). */
export const caseReference = z
  .string({ error: 'must be the 12-digit CMS case reference, starting 121' })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^121\d{9}$/, CMS_REFERENCE_RULE))
  .describe('Your 12-digit CMS case reference, starting 121 (at the top of every CMS letter)');

export const niNumber = z
  .string({ error: 'must be a National Insurance number such as QQ123456C' })
  .transform((s) => s.replace(/\s/g, '').toUpperCase())
  .refine((s) => normalNiNumber(s) !== undefined, NI_NUMBER_RULE);

const personName = z
  .string({ error: 'must be text' })
  .trim()
  .min(2, 'must be a full name')
  .max(100, 'must be at most 100 characters')
  .superRefine((value, ctx) => {
    const problem = narrativeProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const addressLine = z.string({ error: 'must be text' }).trim().min(1, 'an address line must not be empty').max(100);

/**
 * The sender. The address is the sender's own, or withheld: a parent who must keep their address from the
 * other parent sets `addressWithheld` and the letter says CMS holds it.
 */
export function senderFacts(options: { identity?: boolean } = {}) {
  // One schema for each kind, shared by every letter that asks for it (zod schemas never change once made): the
  // catalogue's letters are all built as the server starts, and each building its own was a few ms of that start.
  const key = options.identity ? 'identity' : 'plain';
  return (senders[key] ??= makeSenderFacts(options));
}
const senders: { identity?: ReturnType<typeof makeSenderFacts>; plain?: ReturnType<typeof makeSenderFacts> } = {};

function makeSenderFacts(options: { identity?: boolean }) {
  const dob = civilDate.describe('Your date of birth, YYYY-MM-DD (CMS and DWP use it to find your records)');
  const ni = niNumber.describe('Your National Insurance number, e.g. QQ123456C');
  return strictObject({
    name: personName.describe('Your full name, as the CMS has it'),
    address: z
      .array(addressLine, {
        error: 'give the address as a list of lines, one per item ending with the postcode, e.g. ["14 Elm Row","Leeds","LS6 2AB"]',
      })
      .min(2, 'give at least two address lines, ending with the postcode')
      .max(7, 'give at most 7 address lines')
      .optional()
      .describe(
        'Your own postal address, one line per item, ending with the postcode. Leave it out and set addressWithheld if it must stay private',
      ),
    addressWithheld: z
      .literal(true, { error: 'addressWithheld is either true or left out' })
      .optional()
      .describe(
        'Set to true if your address must not appear on the letter (for example for your safety); the letter says CMS already holds it',
      ),
    dateOfBirth: options.identity ? dob : dob.optional(),
    nationalInsuranceNumber: options.identity ? ni : ni.optional(),
    phone: z.string().trim().min(5).max(30).optional().describe('A phone number for replies, if you want to give one'),
    email: z.email('must be an email address').max(200).optional().describe('An email address for replies, if you want to give one'),
  }).describe('You, the person sending the letter');
}

export const SENDER_ROLES = ['paying', 'receiving'] as const;
export const senderRole = z
  .enum(SENDER_ROLES, { error: 'must be "paying" or "receiving"' })
  .describe('Whether you are the paying parent or the receiving parent in this case');

export const DECISION_TYPES = [
  'maintenance_calculation',
  'annual_review',
  'supersession',
  'revision',
  'variation_decision',
  'default_maintenance_decision',
  'interim_maintenance_decision',
  'refusal_to_supersede',
  'refusal_to_revise',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const DECISION_WORDS: Record<DecisionType, string> = {
  maintenance_calculation: 'maintenance calculation',
  annual_review: 'annual review decision',
  supersession: 'decision changing the calculation (supersession)',
  revision: 'revised decision',
  variation_decision: 'variation decision',
  default_maintenance_decision: 'default maintenance decision',
  interim_maintenance_decision: 'interim maintenance decision',
  refusal_to_supersede: 'decision not to change the calculation',
  refusal_to_revise: 'decision not to revise the calculation',
};

/** A CMS decision, named exactly: an unspecific challenge is linked by CMS to the latest decision. */
export const decisionFacts = strictObject({
  type: z.enum(DECISION_TYPES, { error: `must be one of ${DECISION_TYPES.join(', ')}` }).describe('What kind of decision it is'),
  letterDate: civilDate.describe('The date printed on the decision letter, YYYY-MM-DD'),
  effectiveDate: civilDate.optional().describe('The effective date the letter gives for the decision, YYYY-MM-DD, if it gives one'),
}).describe('The CMS decision, exactly as its letter names it');

/** Something that happened, on a date. */
export const datedEvent = strictObject({
  date: civilDate.describe('When it happened, YYYY-MM-DD'),
  what: words('what happened', 1000).describe('What happened, in a sentence or two'),
});

export const chronology = z
  .array(datedEvent)
  .min(1, 'give at least one dated event')
  .max(40, 'give at most 40 events')
  .describe('What happened, in date order: each with its date and a sentence or two');

/** A letter already sent, to show what has been tried. */
export const LETTER_SENT_KINDS = [
  'subject_access_request',
  'account_breakdown_request',
  'mandatory_reconsideration',
  'payment_dispute',
  'complaint',
  'complaint_escalation',
  'ice_referral',
  'phone_call',
  'other',
] as const;

export const priorContact = strictObject({
  date: civilDate.describe('When, YYYY-MM-DD'),
  kind: z.enum(LETTER_SENT_KINDS, { error: `must be one of ${LETTER_SENT_KINDS.join(', ')}` }).describe('What it was'),
  reference: words('a reference', 100).optional().describe('Any reference CMS gave it'),
  outcome: words('the outcome', 1000).optional().describe('What came of it, if anything'),
});

export const priorContacts = z
  .array(priorContact)
  .max(40, 'give at most 40 earlier contacts')
  .describe('Earlier letters and calls about this, each with its date and what came of it');

export const copyToMp = strictObject({
  name: personName.describe('Your MP’s name, e.g. "Jane Doe"'),
  constituency: words('the constituency', 100).describe('Your MP’s constituency'),
})
  .optional()
  .describe('Your MP, to send a copy to (advisers recommend copying your MP once a dispute has dragged on)');

export const extraEnclosures = z
  .array(words('an enclosure', 200))
  .max(20, 'give at most 20 extra enclosures')
  .optional()
  .describe('Anything else you are enclosing, one line each (for example "Letter from my employer dated 3 March 2026")');

export const CONTACT_CHANNELS = ['post', 'email', 'phone', 'online_account'] as const;
export const contactPreference = z
  .enum(CONTACT_CHANNELS, { error: `must be one of ${CONTACT_CHANNELS.join(', ')}` })
  .optional()
  .describe('How you would like the reply: post (default), email, phone or online_account');

/** The shared head of every letter's facts. */
export function commonFacts(options: { identity?: boolean; caseReference?: 'required' | 'optional'; mp?: boolean } = {}) {
  return {
    sender: senderFacts(options),
    caseReference: options.caseReference === 'optional' ? caseReference.optional() : caseReference,
    contactPreference,
    extraEnclosures,
    ...(options.mp ? { copyToMp } : {}),
  };
}
