/**
 * The case export: one JSON document with everything about a case (for the parent to keep, or to move to
 * another Reckoner), and the schemas it is read back with. Versioned: `format` and `version` say what it is.
 *
 * Version 2 (types.ts EXPORT_VERSION) is what is written. Version 1 is still read, and upgraded as migration
 * 0006 upgraded the database: event types into calc's vocabulary, deadlines into calc's shape, every letter sent
 * (before drafts, saving a letter was sending it), no evidence, every CMS entry from a document.
 * @module
 */
import * as z from 'zod';
import { DEADLINE_KINDS, type Deadline, type EventType } from '../calc/deadlines/events.ts';
import { isCivilDate, type CivilDate } from '../calc/dates.ts';
import { NI_NUMBER_RULE, normalNiNumber } from '../calc/identity.ts';
import { ukDayOf } from '../calc/uk-time.ts';
import {
  CMS_ENTRY_TYPE_VALUES,
  CMS_ENTRY_ORIGIN_VALUES,
  CHARGE_TYPE_VALUES,
  CREDITOR_VALUES,
  DIRECTION_VALUES,
  EVIDENCE_TYPE_VALUES,
  FREQUENCY_VALUES,
  LETTER_METHOD_VALUES,
  LETTER_STATUS_VALUES,
  PARTY_ROLE_VALUES,
  SCHEME_VALUES,
  SERVICE_VALUES,
  SIDE_VALUES,
} from './schema.ts';
import { SCHEDULE_STATUSES } from '../statements/types.ts';
import { longArrayProblems } from './bounded-parse.ts';
import { EVENT_TYPES, EXPORT_FORMAT, EXPORT_VERSION } from './types.ts';

const civil = z.string().refine(isCivilDate, { message: 'must be a real date written YYYY-MM-DD' });
const moment = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time' });
/** As a letter prints it: the export is read back into the store, which keeps only this form. */
const niNumber = z.string().refine((n) => normalNiNumber(n) === n, { message: NI_NUMBER_RULE });
const moneyText = z.string().regex(/^-?\d{1,12}\.\d{2}$/, 'must be money with two decimals, e.g. "62.86"');
const uuid = z.uuid({ message: 'must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e' });
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const json = z.record(z.string(), z.unknown());
const opt = <T extends z.ZodType>(t: T) => t.optional();
const source = z.strictObject({ page: opt(z.int().min(1)), line: z.int().min(1) });

const format = z.literal(EXPORT_FORMAT, { message: `must be "${EXPORT_FORMAT}": this is not a Reckoner case export` });

const parsed = z.object({
  kind: text(100),
  format: text(20),
  metadata: json,
  checks: json,
  warnings: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  rows: z.object({ transactions: z.int().min(0), cmsEntries: z.int().min(0) }),
});

// What both versions share.
const common = {
  format,
  exportedAt: moment,
  case: z.strictObject({
    id: uuid,
    reference: opt(z.string().regex(/^\d{12}$/, 'must be the 12-digit CMS case reference')),
    title: text(200).min(1),
    scheme: z.enum(SCHEME_VALUES),
    service: z.enum(SERVICE_VALUES),
    side: z.enum(SIDE_VALUES),
    frequency: opt(z.enum(FREQUENCY_VALUES)),
    firstDueDate: opt(civil),
    endDate: opt(civil),
    createdAt: moment,
    updatedAt: moment,
  }),
  parties: z.array(
    z.strictObject({
      id: uuid,
      role: z.enum(PARTY_ROLE_VALUES),
      name: text(200).min(1),
      email: opt(text(320)),
      phone: opt(text(50)),
      address: opt(text(1000)),
      addressWithheld: z.boolean(),
      dateOfBirth: opt(civil),
      nationalInsuranceNumber: opt(niNumber),
      createdAt: moment,
    }),
  ),
  children: z.array(z.strictObject({ id: uuid, name: text(200).min(1), dateOfBirth: opt(civil), createdAt: moment })),
  decisions: z.array(
    z.strictObject({
      id: uuid,
      label: text(100).min(1),
      effectiveDate: civil,
      letterDate: opt(civil),
      weeklyAmount: opt(moneyText),
      calculation: opt(json),
      service: opt(z.enum(SERVICE_VALUES)),
      receivingParentId: opt(text(100)),
      createdAt: moment,
    }),
  ),
  documents: z.array(
    z.strictObject({
      id: uuid,
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
      kind: text(100).min(1),
      format: text(20).min(1),
      filename: opt(text(255)),
      size: z.int().min(0),
      parsed,
      originalBase64: opt(z.base64({ message: 'must be base64' })),
      importedAt: moment,
    }),
  ),
  reconciliationRuns: z.array(z.strictObject({ id: uuid, inputsHash: text(200), result: json, createdAt: moment })),
};

const transaction = {
  id: uuid,
  documentId: opt(uuid),
  fingerprint: text(200).min(1),
  date: civil,
  amount: moneyText,
  direction: z.enum(DIRECTION_VALUES),
  description: text(1000),
  balance: opt(moneyText),
  reference: opt(text(200)),
};

const cmsEntry = {
  id: uuid,
  documentId: opt(uuid),
  fingerprint: text(200).min(1),
  date: civil,
  type: z.enum(CMS_ENTRY_TYPE_VALUES),
  amount: moneyText,
  description: text(1000),
  reference: opt(text(200)),
  chargeType: opt(z.enum(CHARGE_TYPE_VALUES)),
};

/** calc/deadlines' Deadline. */
const deadline = z.strictObject({
  id: text(100).min(1),
  label: text(200).min(1),
  date: civil,
  basis: text(2000).min(1),
  citation: text(500),
  href: opt(text(500)),
  kind: z.enum(DEADLINE_KINDS),
});

/** The export as written now (version 2). */
export const caseExportSchema = z.strictObject({
  ...common,
  version: z.literal(EXPORT_VERSION, {
    message: `must be ${EXPORT_VERSION} (or 1, which is upgraded as it is read): this export was made by a different version of Reckoner; export it again from there`,
  }),
  transactions: z.array(z.strictObject({ ...transaction, source: opt(source) })),
  cmsEntries: z.array(
    z.strictObject({
      ...cmsEntry,
      origin: z.enum(CMS_ENTRY_ORIGIN_VALUES),
      creditor: opt(z.enum(CREDITOR_VALUES)),
      caseReference: opt(text(200)),
      source: opt(source),
      outsidePeriod: opt(z.literal(true)),
      status: opt(z.enum(SCHEDULE_STATUSES)),
    }),
  ),
  evidence: z.array(
    z.strictObject({
      id: uuid,
      fingerprint: text(200).min(1),
      type: z.enum(EVIDENCE_TYPE_VALUES),
      date: civil,
      amount: moneyText,
      from: opt(text(200)),
      description: opt(text(1000)),
      reference: opt(text(200)),
      source: opt(text(500)),
      createdAt: moment,
    }),
  ),
  letters: z.array(
    z.strictObject({
      id: uuid,
      type: text(100).min(1),
      version: z.int().min(1),
      status: z.enum(LETTER_STATUS_VALUES),
      sentOn: opt(civil),
      method: opt(z.enum(LETTER_METHOD_VALUES)),
      content: json,
      createdAt: moment,
    }),
  ),
  events: z.array(
    z.strictObject({
      id: uuid,
      type: z.enum(EVENT_TYPES),
      date: civil,
      summary: opt(text(2000)),
      details: opt(json),
      deadlines: z.array(deadline),
      answers: opt(uuid),
      letterId: opt(uuid),
      createdAt: moment,
    }),
  ),
});

export type ParsedCaseExport = z.infer<typeof caseExportSchema>;

/** Version 1's event types, and the deadline shape it kept ({ name, date, source? }). */
const V1_EVENT_TYPES = [
  'letter_sent',
  'letter_received',
  'call',
  'decision',
  'mandatory_reconsideration',
  'appeal',
  'complaint',
  'payment',
  'enforcement',
  'note',
  'other',
] as const;

/** The export as an earlier Reckoner wrote it (version 1). */
export const caseExportV1Schema = z.strictObject({
  ...common,
  version: z.literal(1),
  transactions: z.array(z.strictObject(transaction)),
  cmsEntries: z.array(z.strictObject(cmsEntry)),
  letters: z.array(z.strictObject({ id: uuid, type: text(100).min(1), version: z.int().min(1), content: json, createdAt: moment })),
  events: z.array(
    z.strictObject({
      id: uuid,
      type: z.enum(V1_EVENT_TYPES),
      date: civil,
      summary: opt(text(2000)),
      details: opt(json),
      deadlines: z.array(z.strictObject({ name: text(200).min(1), date: civil, source: opt(text(500)) })),
      createdAt: moment,
    }),
  ),
});

type V1 = z.infer<typeof caseExportV1Schema>;

/** Version 1's event types that became calc's; the others (letters, calls, notes …) kept their names. */
export const V1_EVENT_TYPE_MAP: Readonly<Record<string, EventType>> = {
  decision: 'decision_letter_received',
  mandatory_reconsideration: 'mr_sent',
  appeal: 'appeal_lodged',
  complaint: 'complaint_sent',
};

/**
 * A version-1 deadline kept only what falls due, its date and its rule: it becomes a reminder to look at again,
 * with a basis that says what was not kept (the same words as migration 0006).
 */
export function upgradeDeadline(d: { readonly name: string; readonly date: CivilDate; readonly source?: string }): Deadline {
  return {
    id: 'custom',
    label: d.name,
    date: d.date,
    basis: 'Recorded by an earlier Reckoner, which kept only what falls due, its date and its rule; look at it again.',
    citation: d.source ?? '',
    kind: 'review',
  };
}

/** The civil day in London of a moment (the day a letter was saved, as migration 0006 takes it). */
function londonDay(at: string): CivilDate {
  return ukDayOf(new Date(at));
}

/** A version-1 export as version 2, as migration 0006 upgraded the database. */
export function upgradeV1(x: V1): ParsedCaseExport {
  /** The letter a "letter_sent" event names in its details (how version 1 linked them). */
  const letterIds = new Set(x.letters.map((l) => l.id));
  const namedLetter = (e: V1['events'][number]): string | undefined => {
    const id = e.type === 'letter_sent' ? e.details?.letterId : undefined;
    return typeof id === 'string' && letterIds.has(id) ? id : undefined;
  };
  const sentOn = new Map<string, CivilDate>();
  for (const e of x.events) {
    const id = namedLetter(e);
    if (id !== undefined && (!sentOn.has(id) || e.date < sentOn.get(id)!)) sentOn.set(id, e.date);
  }
  return {
    ...x,
    version: EXPORT_VERSION,
    cmsEntries: x.cmsEntries.map((e) => ({ ...e, origin: 'document' as const })),
    evidence: [],
    letters: x.letters.map((l) => ({ ...l, status: 'sent' as const, sentOn: sentOn.get(l.id) ?? londonDay(l.createdAt) })),
    events: x.events.map((e) => {
      const letterId = namedLetter(e);
      return {
        ...e,
        type: V1_EVENT_TYPE_MAP[e.type] ?? (e.type as EventType),
        deadlines: e.deadlines.map(upgradeDeadline),
        ...(letterId === undefined ? {} : { letterId }),
      };
    }),
  };
}

/**
 * Reads an export of either version, giving version 2; a refusal is zod's first issue, with its path as the
 * field (`transactions[3].amount`).
 */
export function readCaseExport(document: unknown): { ok: true; value: ParsedCaseExport } | { ok: false; issue: z.core.$ZodIssue } {
  const v1 = (document as { version?: unknown } | null)?.version === 1;
  // A long list of bad rows is refused at its first, before zod makes an issue for every one (store/bounded-parse.ts).
  const early = longArrayProblems(v1 ? caseExportV1Schema : caseExportSchema, document);
  if (early) return { ok: false, issue: early.issues[0]! };
  let result: ReturnType<typeof caseExportSchema.safeParse> | ReturnType<typeof caseExportV1Schema.safeParse>;
  try {
    result = v1 ? caseExportV1Schema.safeParse(document) : caseExportSchema.safeParse(document);
  } catch (error) {
    // zod follows nesting by recursion: a free-form value thousands of levels deep exhausts the stack.
    if (!(error instanceof RangeError)) throw error;
    return { ok: false, issue: { code: 'custom', path: [], message: 'is nested too deeply to read', input: undefined } };
  }
  if (!result.success) return { ok: false, issue: result.error.issues[0]! };
  return { ok: true, value: v1 ? upgradeV1(result.data as V1) : (result.data as ParsedCaseExport) };
}
