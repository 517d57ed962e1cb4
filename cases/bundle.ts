/**
 * The evidence bundle of a stored case: what the ICE, an MP, a tribunal, a complaint or a reconsideration wants
 * in one ordered PDF, assembled from the case — the reconciliation (the latest run's options on the records as
 * they are), the deadline timeline, the letters sent and the events, and where each row is in the parent's
 * documents. Rendering is letters/bundle's; this only gathers.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { InputError } from '../calc/errors.ts';
import { renderEvidenceBundle } from '../letters/bundle/index.ts';
import {
  BUNDLE_DOCUMENT_KINDS,
  type BundleDocumentKind,
  type BundlePurpose,
  type EvidenceBundle,
  type EvidenceBundleInput,
  type RowLocation,
} from '../letters/bundle/types.ts';
import type { CaseRecords, CaseStore, LetterRecord } from '../store/types.ts';
import { caseTimeline } from './events.ts';
import { keptLetter } from './letters.ts';
import { currentReconciliation } from './reconcile.ts';
import { nextTurn } from './turns.ts';

const kindOf = (kind: string): BundleDocumentKind =>
  (BUNDLE_DOCUMENT_KINDS as readonly string[]).includes(kind) ? (kind as BundleDocumentKind) : 'other';

/** Where every row the reconciliation is given is printed, for the enclosure list. */
function rowLocations(records: CaseRecords): RowLocation[] {
  const rows: RowLocation[] = [];
  for (const x of records.transactions) {
    if (x.documentId) rows.push({ ledger: 'bank', id: x.id, documentId: x.documentId, ...(x.source ? { source: x.source } : {}) });
  }
  for (const e of records.cmsEntries) {
    if (e.documentId) rows.push({ ledger: 'cms', id: e.id, documentId: e.documentId, ...(e.source ? { source: e.source } : {}) });
  }
  return rows;
}

/** The bundle's input from the case's records, as of `today`. */
export function bundleInputFromRecords(
  records: CaseRecords,
  purpose: BundlePurpose,
  today: CivilDate,
  sentLetters: readonly LetterRecord[],
): EvidenceBundleInput {
  const reconciliation = currentReconciliation(records, today);
  if (!reconciliation) {
    throw new InputError(
      'caseId',
      'the case has no CMS decisions yet, so there is no reconciliation to put in a bundle; add them with add_decision, then reconcile_case',
    );
  }
  const t = caseTimeline(records.events, today, records.decisions);
  const own = records.parties.find((p) => p.role === (records.case.side === 'paying' ? 'paying_parent' : 'receiving_parent'));
  const others = records.parties.filter((p) => p.role === (records.case.side === 'paying' ? 'receiving_parent' : 'paying_parent'));
  return {
    purpose,
    generatedOn: today,
    case: {
      ...(records.case.reference ? { reference: records.case.reference } : {}),
      side: records.case.side,
      service: records.case.service,
      ...(own ? { parentName: own.name } : {}),
      ...(others.length ? { otherParentNames: others.map((p) => p.name) } : {}),
    },
    reconciliation: { input: reconciliation.input, result: reconciliation.result },
    deadlines: { overdue: t.overdue, next: t.next, met: t.met },
    letters: sentLetters
      .filter((l) => l.status === 'sent' && l.sentOn)
      .map((l) => ({ type: l.type, title: keptLetter(l).title, sentOn: l.sentOn!, ...(l.method ? { method: l.method } : {}) })),
    // A letter's sending is listed with the letters, not again as an event.
    events: records.events
      .filter((e) => e.date <= today && e.letterId === undefined)
      .map((e) => ({
        type: e.type,
        date: e.date,
        ...(e.summary ? { summary: e.summary } : {}),
        ...(e.answers !== undefined ? { recordedAsReply: true } : {}),
      })),
    documents: records.documents.map((d) => ({ id: d.id, kind: kindOf(d.kind), ...(d.filename ? { filename: d.filename } : {}) })),
    rows: rowLocations(records),
  };
}

/** Builds the evidence bundle of a stored case for a purpose. */
export async function buildCaseBundle(
  store: CaseStore,
  caseId: string,
  purpose: BundlePurpose,
  today: CivilDate,
  signal?: AbortSignal,
): Promise<EvidenceBundle> {
  const records = await store.caseRecords(caseId);
  const letters = await store.letters(caseId, { content: true });
  signal?.throwIfAborted();
  // Reading the case, reconciling it and rendering the bundle are each a long step on a large case: the event loop
  // turns between them.
  await nextTurn();
  const input = bundleInputFromRecords(records, purpose, today, letters);
  await nextTurn();
  return renderEvidenceBundle(input, signal);
}
