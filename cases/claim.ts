/**
 * What CMS says, read from the documents a case holds, so that nobody types CMS's figures in again: the balance
 * the latest CMS statement's summary prints (CMS's claim, part by part, on its last day), the payment plan of
 * the latest payment schedule (the arrears part of each instalment), the balance the earliest statement brings
 * forward, and which statements give no balance. A CMS document that prints another case's reference (a parent with
 * two cases) is never read for any of these: its lines are that case's (cases/inputs.ts), and so are its figures.
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import { normaliseReference } from '../calc/ledger/entries.ts';
import type { CmsClaimInput } from '../calc/reconcile/types.ts';
import type { PaymentPlanInput } from '../calc/schedule/types.ts';
import type { CmsBalances, StatementMetadata } from '../statements/types.ts';
import { decisionInput } from '../store/decision-input.ts';
import type { CaseRecords, DocumentSummary } from '../store/types.ts';
import { cmsCaseOf } from './same-rows.ts';

/** A claim and the document it was read from. */
export interface ClaimFromDocument {
  readonly claim: CmsClaimInput;
  readonly documentId: string;
}

const metadataOf = (d: DocumentSummary): StatementMetadata => d.parsed.metadata as unknown as StatementMetadata;

/**
 * The case reference a CMS document prints, where it is not the case's own (spaces and the like ignored): the
 * document is another case's. Undefined where it prints none, the case has none, or they are the same (journey probe,
 * story 3: case …002's statement imported into case …001 gave "CMS charged £173.33 maintenance twice" six times, and
 * CMS's figure and date were read from it).
 */
export function anotherCaseOf(d: DocumentSummary, caseReference: string | undefined | null): string | undefined {
  const own = normaliseReference(caseReference ?? '');
  const printed = normaliseReference(cmsCaseOf(d));
  return own !== '' && printed !== '' && printed !== own ? printed : undefined;
}

/** What of a case's records says which documents are its own: its reference and its documents. */
export type CaseDocuments = Pick<CaseRecords, 'case' | 'documents'>;

/** The case's documents less the CMS documents that print another case's reference ({@link anotherCaseOf}). */
export function documentsOfCase(records: CaseDocuments): DocumentSummary[] {
  return records.documents.filter((d) => anotherCaseOf(d, records.case.reference) === undefined);
}

/** Newest first by the document's own last day, then by when it was imported. */
function newest(documents: readonly DocumentSummary[], kind: string): DocumentSummary[] {
  return documents
    .filter((d) => d.kind === kind)
    .sort((a, b) => {
      const ea = metadataOf(a).periodEnd ?? '';
      const eb = metadataOf(b).periodEnd ?? '';
      return ea !== eb ? (eb > ea ? 1 : -1) : b.importedAt.localeCompare(a.importedAt);
    });
}

/** CMS's claim as one statement prints it, on its last day; undefined when it has no last day or prints no balance. */
function claimOf(d: DocumentSummary): CmsClaimInput | undefined {
  const m = metadataOf(d);
  if (!m.periodEnd) return undefined;
  const b: CmsBalances = m.balances ?? {};
  const parts = {
    ...(b.maintenanceArrears !== undefined ? { maintenance: b.maintenanceArrears } : {}),
    ...(b.collectionFees !== undefined ? { collectionFees: b.collectionFees } : {}),
    ...(b.enforcementCharges !== undefined ? { enforcementCharges: b.enforcementCharges } : {}),
  };
  const total = b.total ?? m.closingBalance;
  if (Object.keys(parts).length === 0 && total === undefined) return undefined;
  // The parts when the summary prints them (the bridge then works part by part); the total only otherwise.
  return Object.keys(parts).length > 0 ? { date: m.periodEnd, ...parts } : { date: m.periodEnd, balance: total! };
}

/**
 * CMS's claim as the latest CMS statement prints it: the parts its summary gives (arrears, fees, enforcement
 * charges), or else its total or closing balance, on the statement's last day. Undefined when no CMS statement
 * with a last day and a balance has been imported.
 */
export function claimFromDocuments(records: CaseDocuments): ClaimFromDocument | undefined {
  for (const d of newest(documentsOfCase(records), 'cms_statement')) {
    const claim = claimOf(d);
    if (claim) return { claim, documentId: d.id };
  }
  return undefined;
}

/**
 * A CMS statement in words, after "the CMS statement": its file's name in quotes where it had one, else the period it
 * prints, else the day it was imported.
 */
export function statementWords(d: DocumentSummary): string {
  if (d.filename) return `“${d.filename}”`;
  const m = metadataOf(d);
  return m.periodStart && m.periodEnd ? `for ${m.periodStart} to ${m.periodEnd}` : `imported on ${d.importedAt.slice(0, 10)}`;
}

/** A CMS statement as the case holds it: its id, its name in words ({@link statementWords}) and its last day. */
export interface StatementHeld {
  readonly documentId: string;
  readonly name: string;
  readonly lastDay?: CivilDate;
}

const heldOf = (d: DocumentSummary): StatementHeld => ({
  documentId: d.id,
  name: statementWords(d),
  ...(metadataOf(d).periodEnd ? { lastDay: metadataOf(d).periodEnd! } : {}),
});

/**
 * What the case's CMS statements say of CMS's figure, for the reconciliation to say where its claim and its date came
 * from: the latest statement (by its last day), and the statements newer than the one the claim is read from (all of
 * them, with no claim) that give no balance, newest first. A statement that gives none leaves CMS's figure unknown:
 * nothing may stand in for it (journey probe, story 1: "CMS's entries add up to £1,610.00", a figure CMS never
 * stated, on a day it never spoke of).
 */
export function statementsOfCase(records: CaseDocuments): {
  readonly latest?: StatementHeld;
  readonly withoutBalance: readonly StatementHeld[];
} {
  const statements = newest(documentsOfCase(records), 'cms_statement');
  const withoutBalance: StatementHeld[] = [];
  for (const d of statements) {
    if (claimOf(d)) break;
    withoutBalance.push(heldOf(d));
  }
  const latest = statements.find((d) => metadataOf(d).periodEnd !== undefined);
  return { ...(latest ? { latest: heldOf(latest) } : {}), withoutBalance };
}

/** The payment plan as the latest CMS payment schedule prints it, when one has been imported. */
export function planFromDocuments(records: CaseDocuments): { plan: PaymentPlanInput; documentId: string } | undefined {
  for (const d of newest(documentsOfCase(records), 'cms_payment_schedule')) {
    const plan = metadataOf(d).paymentPlan;
    if (plan && plan.catchUp.length > 0) return { plan: { catchUp: plan.catchUp.map((c) => ({ ...c })) }, documentId: d.id };
  }
  return undefined;
}

/** The balance a CMS statement brings forward (its opening balance), as the case holds it. */
export interface BroughtForward {
  readonly document: DocumentSummary;
  /** The statement's first day: the balance is CMS's before its first line. */
  readonly date: CivilDate;
  readonly amount: string;
  /**
   * The first day of the case's decisions. On or after the balance's day, it is arrears carried in from before them;
   * before it, CMS's whole account for the time the decisions cover before that day, in one figure (calc compares it
   * with what the decisions and the evidence make owed the day before: calc/reconcile/brought-forward.ts). Either way
   * it is CMS's entry `opening_balance` on that day.
   */
  readonly decisionsFrom: CivilDate;
}

/**
 * The balance brought forward by the case's earliest CMS statement (a later statement's is the earlier one's closing
 * balance, whose lines the case already holds), unless it is nil arrears carried in or the case has an opening
 * balance of CMS's typed in (from a CSA closure or a CMS letter). Before, it was kept only as the statement's
 * metadata, so CMS's figure was compared with entries that left it out: a difference "the entries do not explain" of
 * about its size.
 */
export function broughtForward(records: CaseRecords): BroughtForward | undefined {
  if (records.decisions.length === 0 || records.cmsEntries.some((e) => e.type === 'opening_balance')) return undefined;
  const meta = (d: DocumentSummary) => d.parsed.metadata as { periodStart?: CivilDate; openingBalance?: string };
  const earliest = documentsOfCase(records)
    .filter((d) => d.kind === 'cms_statement' && meta(d).periodStart !== undefined && meta(d).openingBalance !== undefined)
    .sort((a, b) => (meta(a).periodStart! < meta(b).periodStart! ? -1 : meta(a).periodStart! > meta(b).periodStart! ? 1 : 0))[0];
  if (!earliest) return undefined;
  const { periodStart, openingBalance } = meta(earliest);
  const decisionsFrom = records.decisions.map((d) => decisionInput(d).effectiveDate).sort()[0]!;
  // Nil arrears carried in are nothing; but nil brought forward from inside the history is CMS's whole account before
  // its day, and says something: that nothing was owed then.
  if (decisionsFrom >= periodStart! && /^-?0+(?:\.0+)?$/.test(openingBalance!)) return undefined;
  return { document: earliest, date: periodStart!, amount: openingBalance!, decisionsFrom };
}
