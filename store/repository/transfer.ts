/**
 * Export and import of a whole case (store/export.ts has the document's schema). Both go through the row
 * mappers (rows.ts), so a field is named, sealed and opened the same way here as everywhere else. An import is
 * one transaction: the case keeps its ids (or gets new ones, `asNew`), every reference inside it is checked to
 * point inside it, and it is sealed with a new key of its own. An export holding more rows of a kind than a case may
 * (limits.ts) is refused before anything is written.
 * @module
 */
import { eq } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import { constraintOf, sqlStateOf, StoreError } from '../errors.ts';
import { readCaseExport, type ParsedCaseExport } from '../export.ts';
import * as t from '../schema.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type CaseExport, type CaseStore } from '../types.ts';
import { checkCaseId, cleanJson } from './check.ts';
import { SNAPSHOT, type Context } from './context.ts';
import { readCase } from './cases.ts';
import { readDecisions } from './decisions.ts';
import { readCmsEntries, readTransactions } from './documents.ts';
import { readEvidence } from './evidence.ts';
import { readEvents } from './events.ts';
import { readLetters, readRuns } from './letters.ts';
import { readChildren, readParties } from './parties.ts';
import {
  caseRow,
  childRow,
  cmsEntryValues,
  decisionRow,
  documentOf,
  documentRow,
  eventRow,
  evidenceRow,
  letterRow,
  opt,
  partyRow,
  runRow,
  transactionValues,
} from './rows.ts';
import { CASE_LIMITS, makeRoomForCase, refuseKeptFile, refuseOversizedExport, type RowKind } from './limits.ts';
import { batches } from './sql.ts';

/** zod's path as the store names fields: `transactions[3].amount`. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** The same export with a new id for the case and every row in it (references between rows kept). */
function withNewIds(x: ParsedCaseExport): ParsedCaseExport {
  const ids = new Map<string, string>();
  const fresh = (old: string): string => {
    let id = ids.get(old);
    if (!id) ids.set(old, (id = crypto.randomUUID()));
    return id;
  };
  const re = <R extends { id: string }>(rows: readonly R[]): R[] => rows.map((r) => ({ ...r, id: fresh(r.id) }));
  const doc = <R extends { documentId?: string }>(r: R): R => (r.documentId ? { ...r, documentId: fresh(r.documentId) } : r);
  return {
    ...x,
    case: { ...x.case, id: fresh(x.case.id) },
    parties: re(x.parties),
    children: re(x.children),
    decisions: re(x.decisions),
    documents: re(x.documents),
    transactions: re(x.transactions).map(doc),
    cmsEntries: re(x.cmsEntries).map(doc),
    evidence: re(x.evidence),
    reconciliationRuns: re(x.reconciliationRuns),
    letters: re(x.letters),
    events: re(x.events).map((e) => ({
      ...e,
      ...(e.answers ? { answers: fresh(e.answers) } : {}),
      ...(e.letterId ? { letterId: fresh(e.letterId) } : {}),
    })),
  };
}

/**
 * Checks that every reference inside the export points inside it (a document, a letter, an earlier-written
 * event), and orders the events so that an event comes after the one it answers (the foreign key is checked
 * as each batch is written).
 */
/** The kinds of row an export holds, each with its own ids. */
const ROW_KINDS = [
  'parties',
  'children',
  'decisions',
  'documents',
  'transactions',
  'cmsEntries',
  'evidence',
  'reconciliationRuns',
  'letters',
  'events',
] as const satisfies readonly (keyof ParsedCaseExport)[];

/**
 * Refuses an export in which two rows of a kind share an id, naming both. Before, such an export was refused as if
 * the id were "already taken in this store" (it was taken by the export itself), and two events of one id were kept
 * as one without a word.
 */
function refuseRepeatedIds(x: ParsedCaseExport): void {
  for (const kind of ROW_KINDS) {
    const first = new Map<string, number>();
    (x[kind] as readonly { readonly id: string }[]).forEach((row, i) => {
      const at = first.get(row.id);
      if (at !== undefined) {
        throw new InputError(`${kind}[${i}].id`, `repeats the id of ${kind}[${at}]; each row of an export has an id of its own`);
      }
      first.set(row.id, i);
    });
  }
}

function checkReferences(x: ParsedCaseExport): ParsedCaseExport['events'] {
  refuseRepeatedIds(x);
  const documents = new Set(x.documents.map((d) => d.id));
  const letters = new Set(x.letters.map((l) => l.id));
  const events = new Map(x.events.map((e) => [e.id, e]));
  const inside = (field: string, ref: string | undefined, ids: { has(id: string): boolean }, what: string) => {
    if (ref !== undefined && !ids.has(ref)) throw new InputError(field, `names ${what} that is not in the export`);
  };
  x.transactions.forEach((r, i) => inside(`transactions[${i}].documentId`, r.documentId, documents, 'a document'));
  x.cmsEntries.forEach((r, i) => inside(`cmsEntries[${i}].documentId`, r.documentId, documents, 'a document'));
  x.events.forEach((e, i) => {
    inside(`events[${i}].letterId`, e.letterId, letters, 'a letter');
    inside(`events[${i}].answers`, e.answers, events, 'an event');
  });
  const ordered: ParsedCaseExport['events'] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (e: ParsedCaseExport['events'][number], i: number): void => {
    if (state.get(e.id) === 'done') return;
    if (state.get(e.id) === 'visiting') throw new InputError(`events[${i}].answers`, 'makes a loop of events answering each other');
    state.set(e.id, 'visiting');
    if (e.answers !== undefined) visit(events.get(e.answers)!, i);
    state.set(e.id, 'done');
    ordered.push(e);
  };
  x.events.forEach(visit);
  return ordered;
}

/** Writes rows in batches (each batch one INSERT). */
async function put<R>(rows: readonly R[], insert: (batch: R[]) => Promise<unknown>): Promise<void> {
  for (const batch of batches(rows)) await insert(batch);
}

export function transferOperations(cx: Context): Pick<CaseStore, 'exportCase' | 'importCaseExport'> {
  return {
    exportCase: (caseId) =>
      cx.run('Exporting the case', async () => {
        const id = checkCaseId(caseId);
        // Not read only: the export is audited.
        return cx.scoped(
          'case',
          async (tx): Promise<CaseExport> => {
            const { case: c, s } = await cx.findCase(tx, id);
            const [parties, children, decisions, documentRows, transactions, cmsEntries, evidence, runs, letters, events] =
              await Promise.all([
                readParties(tx, id, s),
                readChildren(tx, id, s),
                readDecisions(tx, id, s, 'created'),
                tx.select().from(t.documents).where(eq(t.documents.caseId, id)).orderBy(t.documents.importedAt, t.documents.id),
                readTransactions(tx, id, s),
                readCmsEntries(tx, id, s),
                readEvidence(tx, id, s),
                readRuns(tx, id, s),
                readLetters(tx, id, s, true),
                readEvents(tx, id, s),
              ]);
            await cx.audit(tx, id, 'case_exported');
            return {
              format: EXPORT_FORMAT,
              version: EXPORT_VERSION,
              exportedAt: new Date().toISOString(),
              case: c,
              parties,
              children,
              decisions,
              documents: documentRows.map((r) => {
                const { originalKept: _kept, ...d } = documentOf({ ...r, originalKept: r.original !== null }, s);
                return {
                  ...d,
                  ...(r.original ? { originalBase64: Buffer.from(s.openBytes(r.original)).toString('base64') } : {}),
                };
              }),
              transactions,
              cmsEntries,
              evidence,
              reconciliationRuns: runs.map(({ caseId: _caseId, ...r }) => r),
              letters,
              events,
            };
          },
          { isolationLevel: SNAPSHOT.isolationLevel! },
        );
      }),

    importCaseExport: (document, o = {}) =>
      cx.run('Importing the case export', async () => {
        const read = readCaseExport(document);
        if (!read.ok) throw new InputError(fieldOf(read.issue.path) || '(export)', read.issue.message);
        cleanJson('', read.value);
        const x = o.asNew ? withNewIds(read.value) : read.value;
        const events = checkReferences(x);
        const caseId = x.case.id;
        return cx.scoped('store', async (tx) => {
          // The case is new, so what it will hold is what the export holds.
          for (const kind of Object.keys(CASE_LIMITS) as RowKind[]) refuseOversizedExport(kind, x[kind].length);
          // Base64 holds 3 bytes in 4 characters: the files' bytes, counted before any is decoded.
          refuseKeptFile(
            'documents',
            0,
            x.documents.reduce((n, d) => n + Math.floor(((d.originalBase64?.length ?? 0) * 3) / 4), 0),
            cx.options.maxKeptFileBytes,
          );
          const [already] = await tx.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.id, caseId));
          if (!already) await makeRoomForCase(tx, cx.principal.organisation, '(organisation)', cx.options.maxCasesPerOrganisation);
          if (already) {
            throw new StoreError(
              'conflict',
              'case.id',
              `case ${caseId} is already in this store; delete it first, or import the export as a new case (asNew)`,
            );
          }
          const key = cx.keyring.sealing ? cx.keyring.newCaseKey(caseId) : undefined;
          const s = key?.sealer ?? cx.sealerOf(caseId, null);
          const [made] = await tx
            .insert(t.cases)
            .values(caseRow(x.case, s))
            .onConflictDoNothing({ target: t.cases.id })
            .returning({ id: t.cases.id });
          if (!made) {
            // The id is taken by a case this organisation cannot see. Said the same way whatever holds it.
            throw new StoreError(
              'conflict',
              'case.id',
              `the id ${caseId} is already taken in this store; import the export as a new case (asNew)`,
            );
          }
          if (key) await tx.insert(t.caseKeys).values({ caseId, wrapped: key.wrapped });
          try {
            await putRows();
          } catch (error) {
            // A row's id is taken by a row this organisation cannot see (or another case's): said the same way
            // whatever holds it, and nothing is kept (the transaction rolls back).
            // Only a row's own id (a primary key); another unique rule broken inside the export stays a failure.
            if (sqlStateOf(error) !== '23505' || !constraintOf(error)?.endsWith('_pkey')) throw error;
            throw new StoreError(
              'conflict',
              '(export)',
              'an id of a row in the export (a document, letter, event, decision or entry) is already taken in this store; import the export as a new case (asNew)',
            );
          }
          await cx.audit(tx, caseId, 'case_imported');
          return readCase(tx, cx, caseId);

          async function putRows(): Promise<void> {
            await put(x.parties, (b) => tx.insert(t.parties).values(b.map((p) => partyRow(caseId, x.parties.indexOf(p), p, s))));
            await put(x.children, (b) => tx.insert(t.children).values(b.map((c) => childRow(caseId, x.children.indexOf(c), c, s))));
            await put(x.decisions, (b) => tx.insert(t.decisions).values(b.map((d) => decisionRow(caseId, d, s))));
            // One document at a time: each may carry a file of up to 20 MB.
            for (const d of x.documents) {
              const { originalBase64, ...rest } = d;
              const original = originalBase64 === undefined ? undefined : new Uint8Array(Buffer.from(originalBase64, 'base64'));
              await tx.insert(t.documents).values(documentRow(caseId, { ...rest, ...opt('original', original) }, s));
            }
            const withDocument = <R extends { id: string; documentId?: string }>(r: R) => ({
              id: r.id,
              caseId,
              documentId: r.documentId ?? null,
            });
            await put(x.transactions, (b) =>
              tx.insert(t.transactions).values(b.map((r) => ({ ...withDocument(r), ...transactionValues(r, s) }))),
            );
            await put(x.cmsEntries, (b) => tx.insert(t.cmsEntries).values(b.map((r) => ({ ...withDocument(r), ...cmsEntryValues(r, s) }))));
            await put(x.evidence, (b) => tx.insert(t.evidence).values(b.map((e) => evidenceRow(caseId, e, s))));
            await put(x.reconciliationRuns, (b) => tx.insert(t.reconciliationRuns).values(b.map((r) => runRow(caseId, r, s))));
            await put(x.letters, (b) => tx.insert(t.letters).values(b.map((l) => letterRow(caseId, l, s))));
            await put(events, (b) => tx.insert(t.events).values(b.map((e) => eventRow(caseId, e, s))));
          }
        });
      }),
  };
}
