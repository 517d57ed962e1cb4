/**
 * A stored case as calc's inputs: the schedule from its decisions and settings, and the reconciliation from its
 * decisions, CMS entries (imported and typed), bank transactions and evidence. The store gives rows in calc's
 * shapes; this adds what calc wants besides (a row's place as words it can cite, the run's options).
 * @module
 */
import type { CivilDate } from '../calc/dates.ts';
import type { BankTransactionInput, CmsEntryInput, EvidenceInput } from '../calc/ledger/entries.ts';
import type { ReconcileInput } from '../calc/reconcile/reconcile.ts';
import type { ScheduleInput } from '../calc/schedule/types.ts';
import { placeWords } from '../letters/bundle/words.ts';
import { decisionInput } from '../store/decision-input.ts';
import { missedPaymentReportOf } from './events.ts';
import { anotherCaseOf, broughtForward } from './claim.ts';
import { bankAccountOf, cmsCaseOf, repeatsAcrossDocuments } from './same-rows.ts';
import type { CaseRecords, DocumentSummary, ReconcileOptions, SourceLocation } from '../store/types.ts';

const opt = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** The schedule of what was due, from the case's decisions and settings, up to `asOf` when given. */
export function scheduleFromRecords(records: CaseRecords, asOf?: CivilDate): Omit<ScheduleInput, 'asOf'> & { asOf?: CivilDate } {
  const c = records.case;
  return {
    decisions: records.decisions.map(decisionInput),
    ...opt('frequency', c.frequency),
    ...opt('firstDueDate', c.firstDueDate),
    ...opt('caseEndDate', c.endDate),
    ...opt('asOf', asOf),
    service: c.service,
  };
}

/**
 * "bank statement.pdf, page 2, line 14": a row's place in words, for calc's `source` and so a letter can cite it. A
 * row with no document of the case was typed in; a bank line never is (it came in an export without its document),
 * so it is "a bank statement".
 */
export function placeOf(
  document: DocumentSummary | undefined,
  source: SourceLocation | undefined,
  withoutDocument = 'typed in',
): string | undefined {
  if (!document && !source) return undefined;
  const name = document ? (document.filename ?? document.kind.replace(/_/g, ' ')) : withoutDocument;
  if (!source) return name;
  return `${name}, ${placeWords(source)}`;
}

/**
 * The reconciliation input from the case: every decision, every CMS entry and bank transaction (from
 * `options.from` on) with the balance CMS's earliest statement brings forward ({@link broughtForward}),
 * the case's evidence and any given with the options, and the options themselves.
 */
export function reconcileFromRecords(records: CaseRecords, options: ReconcileOptions = {}): ReconcileInput {
  const documents = new Map(records.documents.map((d) => [d.id, d]));
  const docOf = (id: string | undefined) => (id === undefined ? undefined : documents.get(id));
  const from = options.from;
  const { asOf, ...schedule } = scheduleFromRecords(records, options.asOf);
  // The same line in two documents of one account or case counts once (cases/same-rows.ts); a payment schedule's
  // lines are not the account's, and are left to calc's own rule (fromSchedule).
  const isSchedule = (id: string | undefined) => docOf(id)?.kind === 'cms_payment_schedule';
  const cmsRepeats = repeatsAcrossDocuments(
    records.cmsEntries.filter((e) => !isSchedule(e.documentId)).map((e) => ({ ...e, key: `${e.date}|${e.type}|${e.amount}` })),
    records.documents,
    cmsCaseOf,
  );
  const bankRepeats = repeatsAcrossDocuments(
    records.transactions.map((x) => ({ ...x, key: `${x.date}|${x.direction}|${x.amount}` })),
    records.documents,
    bankAccountOf,
  );
  // A CMS document that prints another case's reference holds that case's lines: each is tagged with it, as a line
  // typed with add_cms_entries and its caseReference is, so calc reads it as another case's (a payment CMS put there
  // that the bank shows paid for this case is one recorded on the wrong case), not as a charge of this one.
  const otherCase = new Map(
    records.documents.flatMap((d) => {
      const printed = anotherCaseOf(d, records.case.reference);
      return printed === undefined ? [] : [[d.id, printed] as const];
    }),
  );
  const cmsEntries: CmsEntryInput[] = records.cmsEntries
    .filter((e) => from === undefined || e.date >= from)
    .map((e) => ({
      id: e.id,
      date: e.date,
      type: e.type,
      amount: e.amount,
      ...opt('reference', e.reference),
      ...(e.description ? { description: e.description } : {}),
      ...opt('caseReference', e.caseReference ?? (e.documentId === undefined ? undefined : otherCase.get(e.documentId))),
      ...opt('chargeType', e.chargeType),
      ...opt('creditor', e.creditor),
      ...opt('source', placeOf(docOf(e.documentId), e.source)),
      // What a payment schedule lists falls due; calc sets it aside where the statement of account already charges.
      ...(isSchedule(e.documentId) ? { fromSchedule: true, ...opt('status', e.status) } : {}),
      ...opt('repeats', cmsRepeats.get(e.id)),
    }));
  // CMS's balance brought forward, as its entry on the statement's first day: arrears carried in where the decisions
  // start on or after it, else its whole account before that day in one figure (calc/reconcile/brought-forward.ts).
  const carried = broughtForward(records);
  if (carried && (from === undefined || carried.date >= from)) {
    cmsEntries.push({
      id: `brought-forward-${carried.document.id}`,
      date: carried.date,
      type: 'opening_balance',
      amount: carried.amount,
      description: 'Balance brought forward',
      source: `${placeOf(carried.document, undefined)}, the balance brought forward`,
    });
  }
  const bankTransactions: BankTransactionInput[] = records.transactions
    .filter((x) => from === undefined || x.date >= from)
    .map((x) => ({
      id: x.id,
      date: x.date,
      amount: x.amount,
      direction: x.direction,
      ...(x.description ? { description: x.description } : {}),
      ...opt('reference', x.reference),
      ...opt('source', placeOf(docOf(x.documentId), x.source, 'a bank statement')),
      ...opt('repeats', bankRepeats.get(x.id)),
    }));
  const evidence: EvidenceInput[] = [
    ...records.evidence.map((v) => ({
      id: v.id,
      type: v.type,
      date: v.date,
      amount: v.amount,
      ...opt('from', v.from),
      ...opt('description', v.description),
      ...opt('reference', v.reference),
      ...opt('source', v.source),
    })),
    ...(options.evidence ?? []),
  ];
  // The parent's own reports of missed Direct Pay payments (a call, a letter the case records): calc checks them
  // against CMS's record of reports, and one CMS did not record is its error (calc/reconcile/parent-reports.ts).
  const missedPaymentReports = (records.events ?? []).flatMap((e) => {
    const report = missedPaymentReportOf(e);
    return report && (from === undefined || e.date >= from) ? [report] : [];
  });
  // The other parent's names as the case holds them: a bank payment whose description names them is maintenance
  // without a bankFilter (calc/reconcile/payees.ts), as a weekly payer's "C SMITH CM" to Cat Smith is.
  const otherRole = records.case.side === 'paying' ? 'receiving_parent' : 'paying_parent';
  const otherParentNames = records.parties.filter((p) => p.role === otherRole && p.name.trim() !== '').map((p) => p.name);
  return {
    schedule: {
      ...schedule,
      ...opt('asOf', asOf),
      ...opt('paymentPlan', options.paymentPlan),
      ...opt('openingBalance', options.openingBalance),
      ...opt('writeOffs', options.writeOffs),
    },
    side: records.case.side,
    ...opt('receivingParentId', options.receivingParentId),
    ...opt('caseReference', records.case.reference),
    cmsEntries,
    bankTransactions,
    ...(evidence.length > 0 ? { evidence } : {}),
    ...opt('bankFilter', options.bankFilter),
    ...(otherParentNames.length > 0 ? { otherParentNames } : {}),
    ...opt('cmsClaim', options.cmsClaim),
    ...(missedPaymentReports.length > 0 ? { missedPaymentReports } : {}),
    ...opt('windowDays', options.windowDays),
    ...opt('maxDateDifferenceDays', options.maxDateDifferenceDays),
  };
}
