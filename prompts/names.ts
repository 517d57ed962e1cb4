/**
 * The names a prompt may mention, taken from the code rather than typed: each tool from its definition (and
 * checked to be one the server lists), each letter from the catalogue, each event type from `record_event`'s
 * schema. A tool or letter renamed or withdrawn breaks the build, or the server at start-up, not a conversation.
 *
 * Writing conventions every prompt keeps (test/prompts checks them): a tool name appears only in backticks;
 * a letter as its id and its quoted type, e.g. L03 "mandatory_reconsideration"; other snake_case values in
 * double quotes.
 * @module
 */
import type * as z from 'zod';
import { LETTERS, type LetterId, type LetterSpec } from '../letters/index.ts';
import { calculateMaintenanceTool } from '../tools/calculate-maintenance.ts';
import { addDecisionTool } from '../tools/case-add-decision.ts';
import { createCaseTool } from '../tools/case-create.ts';
import { exportCaseTool } from '../tools/case-export.ts';
import { getCaseTool } from '../tools/case-get.ts';
import { importDocumentTool } from '../tools/case-import-document.ts';
import { listCasesTool } from '../tools/case-list.ts';
import { reconcileCaseTool } from '../tools/case-reconcile.ts';
import { recordEventTool, type recordEventInput } from '../tools/case-record-event.ts';
import { saveLetterTool } from '../tools/case-save-letter.ts';
import { markLetterSentTool } from '../tools/case-mark-letter-sent.ts';
import { exportCalendarTool } from '../tools/case-export-calendar.ts';
import { buildBundleTool } from '../tools/case-build-bundle.ts';
import { addCmsEntriesTool, addEvidenceTool } from '../tools/case-add-records.ts';
import { buildCaseScheduleTool } from '../tools/case-schedule.ts';
import { draftLetterTool } from '../tools/draft-letter.ts';
import { TOOLS } from '../tools/index.ts';
import { listLetterTypesTool } from '../tools/list-letter-types.ts';

/** A tool's name in backticks, once it is known to be one the server offers. */
function named(tool: { readonly name: string }): string {
  if (!TOOLS.some((t) => t.name === tool.name)) throw new Error(`prompts: tool ${tool.name} is not in tools/index.ts TOOLS`);
  return `\`${tool.name}\``;
}

/** Every tool the prompts mention, as written in their text. */
export const tool = {
  calculateMaintenance: named(calculateMaintenanceTool),
  listLetterTypes: named(listLetterTypesTool),
  draftLetter: named(draftLetterTool),
  createCase: named(createCaseTool),
  getCase: named(getCaseTool),
  listCases: named(listCasesTool),
  addDecision: named(addDecisionTool),
  importDocument: named(importDocumentTool),
  recordEvent: named(recordEventTool),
  saveLetter: named(saveLetterTool),
  markLetterSent: named(markLetterSentTool),
  exportCalendar: named(exportCalendarTool),
  buildEvidenceBundle: named(buildBundleTool),
  addCmsEntries: named(addCmsEntriesTool),
  addEvidence: named(addEvidenceTool),
  buildCaseSchedule: named(buildCaseScheduleTool),
  reconcileCase: named(reconcileCaseTool),
  exportCase: named(exportCaseTool),
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
