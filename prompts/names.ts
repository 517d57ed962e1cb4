/**
 * The names a prompt may mention, taken from the code rather than typed: each tool by its name in the catalogue (its
 * type, ToolName, lists only the tools the server offers), each letter from the catalogue, each event type from `record_event`'s
 * schema. A tool or letter renamed or withdrawn breaks the build, or the server at start-up, not a conversation.
 *
 * Writing conventions every prompt keeps (test/prompts checks them): a tool name appears only in backticks;
 * a letter as its id and its quoted type, e.g. L03 "mandatory_reconsideration"; other snake_case values in
 * double quotes.
 * @module
 */
import type * as z from 'zod';
import { LETTERS } from '../letters/catalogue/index.ts';
import type { LetterId, LetterSpec } from '../letters/index.ts';
import type { recordEventInput } from '../tools/case-record-event.ts';
import { TOOL_CATALOGUE, type ToolName } from '../tools/catalogue.ts';

/**
 * A tool's name in backticks, once it is known to be one the server offers. By name from the catalogue, not from the
 * tool's definition: the prompts are listed as the server starts, and a tool's code loads only on its first use.
 */
function named(name: ToolName): string {
  if (!TOOL_CATALOGUE.some((t) => t.name === name)) throw new Error(`prompts: tool ${name} is not in tools/catalogue.ts`);
  return `\`${name}\``;
}

/** Every tool the prompts mention, as written in their text. */
export const tool = {
  calculateMaintenance: named('calculate_maintenance'),
  listLetterTypes: named('list_letter_types'),
  draftLetter: named('draft_letter'),
  createCase: named('create_case'),
  getCase: named('get_case'),
  listCases: named('list_cases'),
  addDecision: named('add_decision'),
  importDocument: named('import_document'),
  recordEvent: named('record_event'),
  saveLetter: named('save_letter'),
  markLetterSent: named('mark_letter_sent'),
  exportCalendar: named('export_calendar'),
  buildEvidenceBundle: named('build_evidence_bundle'),
  addCmsEntries: named('add_cms_entries'),
  addEvidence: named('add_evidence'),
  buildCaseSchedule: named('build_case_schedule'),
  reconcileCase: named('reconcile_case'),
  exportCase: named('export_case'),
} as const;

/** A letter of the catalogue, as the prompts use it. */
export interface LetterRef {
  readonly id: LetterId;
  readonly type: string;
  readonly title: string;
  readonly whenToUse: string;
  readonly sender: LetterSpec['sender'];
  /** `L03 "mandatory_reconsideration" (Mandatory reconsideration of a decision)`. */
  readonly ref: string;
}

/** The catalogue entry for a letter type; throws at load time if the catalogue has no such type. */
export function letter(type: string): LetterRef {
  const spec = LETTERS.find((l) => l.type === type);
  if (!spec) throw new Error(`prompts: letter type ${type} is not in the letter catalogue`);
  const id = spec.id as LetterId;
  return {
    id,
    type: spec.type,
    title: spec.title,
    whenToUse: spec.whenToUse,
    sender: spec.sender,
    ref: `${id} "${spec.type}" (${spec.title})`,
  };
}

/** The letters the prompts name. */
export const letters = {
  subjectAccess: letter('subject_access_request'),
  accountBreakdown: letter('account_breakdown_request'),
  reconsideration: letter('mandatory_reconsideration'),
  paymentDispute: letter('payment_dispute'),
  complaint: letter('complaint'),
  variation: letter('variation_application'),
  enforcementPause: letter('enforcement_pause_request'),
  directPayToCollectAndPay: letter('direct_pay_to_collect_and_pay'),
  changeOfCircumstances: letter('change_of_circumstances'),
  incomeChallenge: letter('income_challenge'),
  tribunalAppeal: letter('tribunal_appeal'),
  lateReconsideration: letter('late_mandatory_reconsideration'),
  overpaymentRefund: letter('overpayment_refund'),
} as const;

/** An event type `record_event` takes, quoted (the type checks it against the tool's schema). */
export const caseEvent = (type: z.infer<typeof recordEventInput>['type']): string => `"${type}"`;
