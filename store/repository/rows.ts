/**
 * One mapper per table, both ways: a stored row to the record the store gives back (opening what is sealed), and
 * a record to the values written (sealing what is private). Reading, exporting and importing an export all use
 * these, so a field is named, sealed and made optional in one place.
 *
 * Sealed with the case's key (store/seal.ts): titles and references, people's names and contact details, file
 * names and what was read from them, descriptions, references and case references of rows, who evidence is from
 * and where it is shown, decisions' circumstances, events' summaries and details, letters, reconciliations.
 * Dates, amounts, types and fingerprints stay as they are: the database compares, sorts and checks them.
 * @module
 */
import type { CivilDate } from '../../calc/dates.ts';
import type { Deadline, EventType } from '../../calc/deadlines/events.ts';
import type { CmsEntryType, Creditor, Direction, EvidenceType } from '../../calc/ledger/entries.ts';
import type { Side } from '../../calc/reconcile/reconcile.ts';
import type { PaymentFrequency } from '../../calc/schedule/build.ts';
import type { CollectionService } from '../../calc/scheme-2012/calculate.ts';
import type { EnforcementAction } from '../../calc/scheme-2012/parameters.ts';
import type { ScheduleStatus } from '../../statements/types.ts';
import type * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import type {
  CaseSettings,
  Child,
  CmsEntryOrigin,
  DecisionRecord,
  DocumentSummary,
  EventRecord,
  LetterMethod,
  LetterRecord,
  LetterStatus,
  LetterSummary,
  Party,
  ReconciliationRun,
  Scheme,
  SourceLocation,
  StoredCmsEntry,
  StoredEvidence,
  StoredParse,
  StoredTransaction,
} from '../types.ts';

export const iso = (d: Date): string => d.toISOString();
const moment = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

/** `{ [key]: value }` when the value is there, `{}` when it is null: optional fields stay absent in JSON. */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** `{ id }` when given: a record being written keeps its id (an import), or gets one from the database. */
const idOf = (id: string | undefined) => (id === undefined ? {} : { id });

/** Descriptions are sealed unless empty (nothing to hide, and most CMS lines have one). */
const sealDescription = (value: string, s: Sealer): string => (value === '' ? value : s.text(value));

const sourceOf = (page: number | null, line: number | null): { source?: SourceLocation } =>
  line === null ? {} : { source: { ...opt('page', page), line } };
const sourceValues = (source: SourceLocation | undefined) => ({ sourcePage: source?.page ?? null, sourceLine: source?.line ?? null });

// ---------------------------------------------------------------------------------------------------- cases

export type CaseRow = typeof t.cases.$inferSelect;
export type CaseValues = Omit<CaseSettings, 'createdAt' | 'updatedAt'> & { readonly createdAt?: string; readonly updatedAt?: string };

export function caseOf(r: CaseRow, s: Sealer): CaseSettings {
  return {
    id: r.id,
    ...opt('reference', s.openText(r.reference)),
    title: s.openText(r.title),
    scheme: r.scheme as Scheme,
    service: r.service as CollectionService,
    side: r.side as Side,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    ...opt('frequency', r.frequency as PaymentFrequency | null),
    ...opt('firstDueDate', r.firstDueDate),
    ...opt('endDate', r.endDate),
  };
}

export function caseRow(c: CaseValues, s: Sealer): typeof t.cases.$inferInsert {
  return {
    id: c.id,
    reference: s.text(c.reference ?? null),
    title: s.text(c.title),
    scheme: c.scheme,
    service: c.service,
    side: c.side,
    frequency: c.frequency ?? null,
    firstDueDate: c.firstDueDate ?? null,
    endDate: c.endDate ?? null,
    ...opt('createdAt', moment(c.createdAt)),
    ...opt('updatedAt', moment(c.updatedAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- parties

/** A party as kept: the address even when withheld (only an export shows that; see {@link shownParty}). */
export type PartyRecord = Omit<Party, 'address'> & { readonly address?: string; readonly createdAt: string };
export type PartyValues = Omit<PartyRecord, 'id' | 'createdAt'> & { readonly id?: string; readonly createdAt?: string };

export function partyOf(r: typeof t.parties.$inferSelect, s: Sealer): PartyRecord {
  return {
    id: r.id,
    role: r.role as Party['role'],
    name: s.openText(r.name),
    ...opt('email', s.openText(r.email)),
    ...opt('phone', s.openText(r.phone)),
    ...opt('address', s.openText(r.address)),
    addressWithheld: r.addressWithheld,
    ...opt('dateOfBirth', s.openText(r.dateOfBirth) as CivilDate | null),
    ...opt('nationalInsuranceNumber', s.openText(r.nationalInsuranceNumber)),
    createdAt: iso(r.createdAt),
  };
}

/** A party as shown: a withheld address is never shown. */
export function shownParty({ createdAt: _createdAt, address, ...p }: PartyRecord): Party {
  return { ...p, ...(p.addressWithheld ? {} : opt('address', address)) };
}

export function partyRow(caseId: string, position: number, p: PartyValues, s: Sealer): typeof t.parties.$inferInsert {
  return {
    ...idOf(p.id),
    caseId,
    position,
    role: p.role,
    name: s.text(p.name),
    email: s.text(p.email ?? null),
    phone: s.text(p.phone ?? null),
    address: s.text(p.address ?? null),
    addressWithheld: p.addressWithheld,
    dateOfBirth: s.text(p.dateOfBirth ?? null),
    nationalInsuranceNumber: s.text(p.nationalInsuranceNumber ?? null),
    ...opt('createdAt', moment(p.createdAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- children

export type ChildRecord = Child & { readonly createdAt: string };
export type ChildValues = Omit<Child, 'id'> & { readonly id?: string; readonly createdAt?: string };

export function childOf(r: typeof t.children.$inferSelect, s: Sealer): ChildRecord {
  return { id: r.id, name: s.openText(r.name), ...opt('dateOfBirth', r.dateOfBirth), createdAt: iso(r.createdAt) };
}

export const shownChild = ({ createdAt: _createdAt, ...c }: ChildRecord): Child => c;

export function childRow(caseId: string, position: number, c: ChildValues, s: Sealer): typeof t.children.$inferInsert {
  return {
    ...idOf(c.id),
    caseId,
    position,
    name: s.text(c.name),
    dateOfBirth: c.dateOfBirth ?? null,
    ...opt('createdAt', moment(c.createdAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- decisions

export type DecisionStored = DecisionRecord & { readonly createdAt: string };
export type DecisionValues = Omit<DecisionRecord, 'id'> & { readonly id?: string; readonly createdAt?: string };

export function decisionOf(r: typeof t.decisions.$inferSelect, s: Sealer): DecisionStored {
  return {
    id: r.id,
    label: r.label,
    effectiveDate: r.effectiveDate,
    ...opt('letterDate', r.letterDate),
    ...opt('weeklyAmount', r.weeklyAmount),
    ...opt('calculation', s.openJson(r.calculation) as Record<string, unknown> | null),
    ...opt('service', r.service as CollectionService | null),
    ...opt('receivingParentId', r.receivingParentId),
    createdAt: iso(r.createdAt),
  };
}

export const shownDecision = ({ createdAt: _createdAt, ...d }: DecisionStored): DecisionRecord => d;

export function decisionRow(caseId: string, d: DecisionValues, s: Sealer): typeof t.decisions.$inferInsert {
  return {
    ...idOf(d.id),
    caseId,
    label: d.label,
    effectiveDate: d.effectiveDate,
    letterDate: d.letterDate ?? null,
    weeklyAmount: d.weeklyAmount ?? null,
    calculation: d.calculation === undefined ? null : s.json(d.calculation),
    service: d.service ?? null,
    receivingParentId: d.receivingParentId ?? null,
    ...opt('createdAt', moment(d.createdAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- documents

/** A document's row without its file, and whether the file was kept. */
export type DocumentRow = Omit<typeof t.documents.$inferSelect, 'original'> & { readonly originalKept: boolean };
export interface DocumentValues {
  readonly id?: string;
  readonly sha256: string;
  readonly kind: string;
  readonly format: string;
  readonly filename?: string;
  readonly size: number;
  readonly parsed: StoredParse;
  readonly original?: Uint8Array;
  readonly importedAt?: string;
}

export function documentOf(r: DocumentRow, s: Sealer): DocumentSummary {
  return {
    id: r.id,
    sha256: r.sha256,
    kind: r.kind,
    format: r.format,
    ...opt('filename', s.openText(r.filename)),
    size: r.size,
    importedAt: iso(r.importedAt),
    originalKept: r.originalKept,
    parsed: s.openJson(r.parsed) as StoredParse,
  };
}

export function documentRow(caseId: string, d: DocumentValues, s: Sealer): typeof t.documents.$inferInsert {
  return {
    ...idOf(d.id),
    caseId,
    sha256: d.sha256,
    kind: d.kind,
    format: d.format,
    filename: s.text(d.filename ?? null),
    size: d.size,
    parsed: s.json(d.parsed),
    original: s.bytes(d.original ?? null),
    ...opt('importedAt', moment(d.importedAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- transactions

export type TransactionValues = Omit<StoredTransaction, 'id' | 'documentId'>;

export function transactionOf(r: typeof t.transactions.$inferSelect, s: Sealer): StoredTransaction {
  return {
    id: r.id,
    ...opt('documentId', r.documentId),
    fingerprint: r.fingerprint,
    date: r.date,
    amount: r.amount,
    direction: r.direction as Direction,
    description: s.openText(r.description),
    ...opt('balance', r.balance),
    ...opt('reference', s.openText(r.reference)),
    ...sourceOf(r.sourcePage, r.sourceLine),
  };
}

/** The values of a transaction's own fields (the caller adds the case, the document and an id). */
export function transactionValues(x: TransactionValues, s: Sealer) {
  return {
    fingerprint: x.fingerprint,
    date: x.date,
    amount: x.amount,
    direction: x.direction,
    description: sealDescription(x.description, s),
    balance: x.balance ?? null,
    reference: s.text(x.reference ?? null),
    ...sourceValues(x.source),
  };
}

// ---------------------------------------------------------------------------------------------------- CMS entries

export type CmsEntryValues = Omit<StoredCmsEntry, 'id' | 'documentId'>;

export function cmsEntryOf(r: typeof t.cmsEntries.$inferSelect, s: Sealer): StoredCmsEntry {
  return {
    id: r.id,
    ...opt('documentId', r.documentId),
    fingerprint: r.fingerprint,
    origin: r.origin as CmsEntryOrigin,
    date: r.date,
    type: r.type as CmsEntryType,
    amount: r.amount,
    description: s.openText(r.description),
    ...opt('reference', s.openText(r.reference)),
    ...opt('chargeType', r.chargeType as EnforcementAction | null),
    ...opt('creditor', r.creditor as Creditor | null),
    ...opt('caseReference', s.openText(r.caseReference)),
    ...sourceOf(r.sourcePage, r.sourceLine),
    ...(r.outsidePeriod ? { outsidePeriod: true as const } : {}),
    ...opt('status', r.scheduleStatus as ScheduleStatus | null),
  };
}

export function cmsEntryValues(e: CmsEntryValues, s: Sealer) {
  return {
    fingerprint: e.fingerprint,
    origin: e.origin,
    date: e.date,
    type: e.type,
    amount: e.amount,
    description: sealDescription(e.description, s),
    reference: s.text(e.reference ?? null),
    chargeType: e.chargeType ?? null,
    creditor: e.creditor ?? null,
    caseReference: s.text(e.caseReference ?? null),
    ...sourceValues(e.source),
    outsidePeriod: e.outsidePeriod === true,
    scheduleStatus: e.status ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------- evidence

export type EvidenceValues = Omit<StoredEvidence, 'id' | 'createdAt'> & { readonly id?: string; readonly createdAt?: string };

export function evidenceOf(r: typeof t.evidence.$inferSelect, s: Sealer): StoredEvidence {
  const description = s.openText(r.description);
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    type: r.type as EvidenceType,
    date: r.date,
    amount: r.amount,
    ...opt('from', s.openText(r.counterparty)),
    ...(description === '' ? {} : { description }),
    ...opt('reference', s.openText(r.reference)),
    ...opt('source', s.openText(r.shownIn)),
    createdAt: iso(r.createdAt),
  };
}

export function evidenceRow(caseId: string, e: EvidenceValues, s: Sealer): typeof t.evidence.$inferInsert {
  return {
    ...idOf(e.id),
    caseId,
    fingerprint: e.fingerprint,
    type: e.type,
    date: e.date,
    amount: e.amount,
    counterparty: s.text(e.from ?? null),
    description: sealDescription(e.description ?? '', s),
    reference: s.text(e.reference ?? null),
    shownIn: s.text(e.source ?? null),
    ...opt('createdAt', moment(e.createdAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- reconciliation runs

export function runOf(r: typeof t.reconciliationRuns.$inferSelect, s: Sealer): ReconciliationRun {
  return {
    id: r.id,
    caseId: r.caseId,
    inputsHash: r.inputsHash,
    result: s.openJson(r.result) as Record<string, unknown>,
    createdAt: iso(r.createdAt),
  };
}

export function runRow(
  caseId: string,
  r: Omit<ReconciliationRun, 'id' | 'caseId' | 'createdAt'> & { readonly id?: string; readonly createdAt?: string },
  s: Sealer,
): typeof t.reconciliationRuns.$inferInsert {
  return { ...idOf(r.id), caseId, inputsHash: r.inputsHash, result: s.json(r.result), ...opt('createdAt', moment(r.createdAt)) };
}

// ---------------------------------------------------------------------------------------------------- letters

export type LetterValues = Omit<LetterRecord, 'id' | 'createdAt'> & { readonly id?: string; readonly createdAt?: string };

export function letterSummaryOf(r: Omit<typeof t.letters.$inferSelect, 'content'>): LetterSummary {
  return {
    id: r.id,
    type: r.type,
    version: r.version,
    status: r.status as LetterStatus,
    ...opt('sentOn', r.sentOn),
    ...opt('method', r.method as LetterMethod | null),
    createdAt: iso(r.createdAt),
  };
}

export function letterOf(r: typeof t.letters.$inferSelect, s: Sealer): LetterRecord {
  return { ...letterSummaryOf(r), content: s.openJson(r.content) as Record<string, unknown> };
}

export function letterRow(caseId: string, l: LetterValues, s: Sealer): typeof t.letters.$inferInsert {
  return {
    ...idOf(l.id),
    caseId,
    type: l.type,
    version: l.version,
    content: s.json(l.content),
    status: l.status,
    sentOn: l.sentOn ?? null,
    method: l.method ?? null,
    ...opt('createdAt', moment(l.createdAt)),
  };
}

// ---------------------------------------------------------------------------------------------------- events

export type EventValues = Omit<EventRecord, 'id' | 'createdAt'> & { readonly id?: string; readonly createdAt?: string };

export function eventOf(r: typeof t.events.$inferSelect, s: Sealer): EventRecord {
  return {
    id: r.id,
    type: r.type as EventType,
    date: r.date,
    ...opt('summary', s.openText(r.summary)),
    ...opt('details', s.openJson(r.details) as Record<string, unknown> | null),
    deadlines: r.deadlines as Deadline[],
    ...opt('answers', r.answers),
    ...opt('letterId', r.letterId),
    createdAt: iso(r.createdAt),
  };
}

export function eventRow(caseId: string, e: EventValues, s: Sealer): typeof t.events.$inferInsert {
  return {
    ...idOf(e.id),
    caseId,
    type: e.type,
    date: e.date,
    summary: s.text(e.summary ?? null),
    details: e.details === undefined ? null : s.json(e.details),
    deadlines: e.deadlines,
    answers: e.answers ?? null,
    letterId: e.letterId ?? null,
    ...opt('createdAt', moment(e.createdAt)),
  };
}
