/**
 * The bundle's words for the case's data: events, ways of sending, kinds of document, whom a correction helps,
 * and where a row is printed. Each is a table from the data's values, so no identifier is ever printed.
 * @module
 */
import { MONTH_NAMES } from '../../calc/dates.ts';
import { MET_BY, type EventType } from '../../calc/deadlines/index.ts';
import type { EvidenceType } from '../../calc/ledger/entries.ts';
import type { Favours } from '../../calc/reconcile/types.ts';
import type { CollectionService } from '../../calc/scheme-2012/calculate.ts';
import type { LetterMethod } from '../../store/types.ts';
import type { BundleDocument, BundleDocumentKind, BundleEvent } from './types.ts';

export type Way = 'sent' | 'received' | 'happened';

/** Each event in a few words, and whether the parent sent something, received something, or it happened. */
export const EVENT_WORDS: Readonly<Record<EventType, { readonly what: string; readonly way: Way }>> = {
  decision_letter_received: { what: 'CMS decision letter', way: 'received' },
  mr_sent: { what: 'Request for a mandatory reconsideration', way: 'sent' },
  mr_notice_received: { what: 'Mandatory reconsideration notice', way: 'received' },
  breakdown_requested: { what: 'Request for a full account breakdown', way: 'sent' },
  payments_disputed: { what: 'Letter disputing payments on the account', way: 'sent' },
  complaint_sent: { what: 'Complaint to CMS', way: 'sent' },
  complaint_escalated: { what: 'Complaint escalated to the next stage', way: 'sent' },
  ice_eligible: { what: 'Final complaint response (the case can go to the Independent Case Examiner)', way: 'received' },
  grievance_noticed: { what: 'The problem first came to light', way: 'happened' },
  sar_sent: { what: 'Subject access request to DWP', way: 'sent' },
  sar_chased: { what: 'Subject access request chased', way: 'sent' },
  rectification_requested: { what: 'Request to correct inaccurate records', way: 'sent' },
  enforcement_pause_requested: { what: 'Request to pause enforcement during the dispute', way: 'sent' },
  refund_requested: { what: 'Request to refund or adjust for an overpayment', way: 'sent' },
  deo_served: { what: 'Deduction from earnings order', way: 'received' },
  lsdo_served: { what: 'Interim lump sum deduction order served', way: 'received' },
  magistrates_decision: { what: 'Magistrates’ court decision', way: 'happened' },
  address_changed: { what: 'Change of address', way: 'happened' },
  appeal_lodged: { what: 'Appeal received by the tribunal', way: 'sent' },
  breakdown_received: { what: 'Account breakdown from CMS', way: 'received' },
  dispute_reply_received: { what: 'CMS’s reply to the payment dispute', way: 'received' },
  complaint_reply_received: { what: 'CMS’s reply to the complaint', way: 'received' },
  ice_referred: { what: 'Referral to the Independent Case Examiner', way: 'sent' },
  phso_referred: { what: 'Referral to the Parliamentary and Health Service Ombudsman', way: 'sent' },
  sar_reply_received: { what: 'DWP’s reply to the subject access request', way: 'received' },
  ico_complaint_sent: { what: 'Complaint to the Information Commissioner’s Office', way: 'sent' },
  rectification_reply_received: { what: 'DWP’s reply to the request to correct records', way: 'received' },
  enforcement_pause_reply_received: { what: 'CMS’s reply to the request to pause enforcement', way: 'received' },
  refund_reply_received: { what: 'CMS’s reply to the refund request', way: 'received' },
  deo_appeal_lodged: { what: 'Appeal against the deduction from earnings order', way: 'sent' },
  lsdo_representations_sent: { what: 'Representations on the lump sum deduction order', way: 'sent' },
  magistrates_appeal_lodged: { what: 'Appeal against the magistrates’ decision', way: 'sent' },
  address_change_reported: { what: 'New address reported to CMS', way: 'sent' },
  letter_sent: { what: 'Letter or message sent', way: 'sent' },
  letter_received: { what: 'Letter or message received', way: 'received' },
  call: { what: 'Phone call', way: 'happened' },
  note: { what: 'Note', way: 'happened' },
  payment: { what: 'Payment outside the statements', way: 'happened' },
  enforcement: { what: 'Enforcement step', way: 'received' },
  other: { what: 'Event', way: 'happened' },
};

/**
 * The events that are replies: received, and meeting a deadline the parent's own request or complaint started
 * (calc/deadlines MET_BY: a breakdown, CMS's reply to a dispute or complaint, the final response, the reconsideration
 * notice, DWP's reply). A decision letter, an order served or a letter received is not one unless it is recorded as
 * answering something of hers (`BundleEvent.recordedAsReply`).
 */
export const REPLY_EVENTS: ReadonlySet<EventType> = new Set(
  Object.values(MET_BY)
    .flat()
    .filter((t) => EVENT_WORDS[t].way === 'received'),
);

/** Whether an event is a reply to something the parent sent: one of {@link REPLY_EVENTS}, or received and recorded as one. */
export const isReply = (e: BundleEvent): boolean =>
  EVENT_WORDS[e.type].way === 'received' && (REPLY_EVENTS.has(e.type) || e.recordedAsReply === true);

export const WAY_WORDS: Readonly<Record<Way, string>> = { sent: 'Sent', received: 'Received', happened: 'Event' };

export const METHOD_WORDS: Readonly<Record<LetterMethod, string>> = {
  post: 'by post',
  recorded_delivery: 'by recorded delivery',
  email: 'by email',
  online_account: 'through the online account',
  online_form: 'with the online form',
  hand: 'by hand',
  phone_then_post: 'by phone, then confirmed by post',
};

export const DOCUMENT_KIND_WORDS: Readonly<Record<BundleDocumentKind, string>> = {
  bank_statement: 'Bank statement',
  cms_statement: 'CMS statement',
  cms_payment_schedule: 'CMS payment schedule',
  cms_letter: 'CMS letter',
  payslip: 'Payslip',
  benefit_statement: 'Benefit statement',
  receipt: 'Receipt',
  other: 'Document',
};

export { SERVICE_NAMES } from '../format.ts';

export const SERVICE_WORDS: Readonly<Record<CollectionService, string>> = {
  direct_pay: 'Direct Pay (the parents pay each other; CMS keeps no record of payments)',
  collect_and_pay: 'Collect and Pay (payments go through CMS)',
};

export const FAVOUR_WORDS: Readonly<Record<Favours, string>> = {
  paying_parent: 'in the paying parent’s favour',
  receiving_parent: 'in the receiving parent’s favour',
  neither: 'no effect on the balance',
};

export const SIDE_WORDS = { paying: 'the paying parent', receiving: 'the receiving parent' } as const;

/** "Bank statement barclays-2024.pdf". */
export function documentName(d: BundleDocument): string {
  return `${DOCUMENT_KIND_WORDS[d.kind]} ${d.filename ?? '(no file name)'}`;
}

/** "Document 2 (Bank statement barclays-2024.pdf)": a document as the enclosure list numbers it. */
export function documentLabel(number: number, d: BundleDocument): string {
  return `Document ${number} (${documentName(d)})`;
}

/** "page 3, line 12", or "line 12" for a file without pages. */
export function placeWords(source: { readonly page?: number; readonly line: number }): string {
  return source.page === undefined ? `line ${source.line}` : `page ${source.page}, line ${source.line}`;
}

/** "1 Jan 2024": dates in a narrow table column. */
export function shortDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]!.slice(0, 3)} ${date.slice(0, 4)}`;
}

/** A CMS entry's type in words, for the enclosure list: the same words the letters' statement uses. */
export { CMS_ENTRY_WORDS } from '../figures.ts';

/** A piece of evidence's type in words, for the enclosure list. */
export const EVIDENCE_WORDS: Readonly<Record<EvidenceType, string>> = {
  payslip_deduction: 'Deducted from pay',
  benefit_deduction: 'Deducted from benefit',
  declared_payment: 'Payment',
};
