/**
 * Documents and the rows read from them, in calc/ledger's shapes: bank transactions and CMS ledger entries, each
 * once per case by its fingerprint, with the document that first brought it in and where it is printed there.
 * CMS entries may also be typed in (origin `typed`: from a CMS letter or the online account; no document).
 *
 * An import is one transaction: the document once per file (by SHA-256), then the rows in batches sent as one
 * JSON parameter each (sql.ts insertNew), so a statement of thousands of rows is a few round trips. Every row
 * is checked before anything is written; a refusal names the row and the field, never the row's content.
 * @module
 */
import { and, asc, eq, getTableColumns, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CivilDate } from '../../calc/dates.ts';
import { InputError } from '../../calc/errors.ts';
import { CMS_ENTRY_TYPES, CREDITORS, DIRECTIONS } from '../../calc/ledger/entries.ts';
import { ENFORCEMENT_ACTIONS } from '../../calc/scheme-2012/parameters.ts';
import { SCHEDULE_STATUSES, type ParseResult } from '../../statements/types.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import type {
  CaseStore,
  CmsEntryRowInput,
  DocumentInfo,
  DocumentRows,
  DocumentSummary,
  ImportedDocument,
  ImportOptions,
  ImportResult,
  SourceLocation,
  StoredCmsEntry,
  StoredParse,
  StoredTransaction,
  TransactionRowInput,
  TypedCmsEntryInput,
} from '../types.ts';
import {
  caseReference,
  checkCaseId,
  civilDate,
  cleanJson,
  cleanText,
  list,
  MAX_TEXT,
  moneyText,
  oneOf,
  optionalOneOf,
  optionalText,
  record,
  requireText,
  rowText,
  wholeNumber,
} from './check.ts';
import type { Context } from './context.ts';
import {
  cmsEntryOf,
  cmsEntryValues,
  documentOf,
  documentRow,
  opt,
  transactionOf,
  transactionValues,
  type CmsEntryValues,
  type DocumentValues,
  type TransactionValues,
} from './rows.ts';
import { heldRows, keptFileBytes, makeRoom, refuseKeptFile, refuseNewOverLimit, refuseOverLimit } from './limits.ts';
import { batches, insertNew, JSON_BATCH, type Database } from './sql.ts';
import { contentFingerprint, MAX_TYPED, occurrenceOf, refuseRepeats } from './typed.ts';

/** Most rows one document may bring. */
export const MAX_ROWS = 250_000;

type Range = { readonly from?: CivilDate; readonly to?: CivilDate };

// ---------------------------------------------------------------------------------------------------- reading

/** The documents, without their files (whether each was kept is said). */
export async function readDocuments(ex: Database, caseId: string, s: Sealer): Promise<DocumentSummary[]> {
  const { original: _original, ...columns } = getTableColumns(t.documents);
  const rows = await ex
    .select({ ...columns, originalKept: sql<boolean>`${t.documents.original} is not null` })
    .from(t.documents)
    .where(eq(t.documents.caseId, caseId))
    .orderBy(asc(t.documents.importedAt), asc(t.documents.id));
  return rows.map((r) => documentOf(r, s));
}

function inRange(date: AnyPgColumn, caseColumn: AnyPgColumn, caseId: string, range?: Range): SQL {
  const parts = [eq(caseColumn, caseId)];
  if (range?.from !== undefined) parts.push(gte(date, civilDate('from', range.from)));
  if (range?.to !== undefined) parts.push(lte(date, civilDate('to', range.to)));
  return and(...parts)!;
}

export async function readTransactions(ex: Database, caseId: string, s: Sealer, range?: Range): Promise<StoredTransaction[]> {
  const rows = await ex
    .select()
    .from(t.transactions)
    .where(inRange(t.transactions.date, t.transactions.caseId, caseId, range))
    .orderBy(asc(t.transactions.date), asc(t.transactions.fingerprint));
  return rows.map((r) => transactionOf(r, s));
}

export async function readCmsEntries(ex: Database, caseId: string, s: Sealer, range?: Range): Promise<StoredCmsEntry[]> {
  const rows = await ex
    .select()
    .from(t.cmsEntries)
    .where(inRange(t.cmsEntries.date, t.cmsEntries.caseId, caseId, range))
    .orderBy(asc(t.cmsEntries.date), asc(t.cmsEntries.fingerprint));
  return rows.map((r) => cmsEntryOf(r, s));
}

// ---------------------------------------------------------------------------------------------------- checking

/** A row's place in its document: a line from 1, and a page from 1 when the document has pages. */
function checkSource(field: string, value: unknown): SourceLocation | undefined {
  if (value === undefined || value === null) return undefined;
  const x = record(field, value, 'where the row is printed: { page?, line }', ['page', 'line']);
  const line = wholeNumber(`${field}.line`, x.line, 1, 10_000_000);
  return x.page === undefined || x.page === null ? { line } : { page: wholeNumber(`${field}.page`, x.page, 1, 100_000), line };
}

function checkFingerprint(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 200) {
    throw new InputError(field, 'must be the row’s fingerprint from the parser (1 to 200 characters)');
  }
  return cleanText(field, value);
}

function checkTransactions(field: string, rows: readonly TransactionRowInput[] | undefined): TransactionValues[] {
  return list(field, rows, MAX_ROWS).map((r, i) => {
    const f = `${field}[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(f, 'must be a transaction: { date, amount, direction, fingerprint, … }');
    const balance = r.balance === undefined || r.balance === null ? null : moneyText(`${f}.balance`, r.balance, { negative: true });
    const reference = optionalText(`${f}.reference`, r.reference, 200);
    const source = checkSource(`${f}.source`, r.source);
    return {
      fingerprint: checkFingerprint(`${f}.fingerprint`, r.fingerprint),
      date: civilDate(`${f}.date`, r.date),
      amount: moneyText(`${f}.amount`, r.amount, { negative: false }),
      direction: oneOf(`${f}.direction`, r.direction, DIRECTIONS),
      description: rowText(`${f}.description`, r.description, MAX_TEXT),
      ...opt('balance', balance),
      ...opt('reference', reference),
      ...opt('source', source),
    };
  });
}

/** The fields a CMS entry has, however it came: checked the same way. */
type CmsFields = {
  readonly [K in 'date' | 'type' | 'amount' | 'description' | 'reference' | 'chargeType' | 'creditor' | 'caseReference']?: unknown;
};

function checkCmsFields(f: string, r: CmsFields) {
  const type = oneOf(`${f}.type`, r.type, CMS_ENTRY_TYPES);
  const chargeType = optionalOneOf(`${f}.chargeType`, r.chargeType, ENFORCEMENT_ACTIONS);
  if (chargeType !== null && type !== 'enforcement_charge') {
    throw new InputError(`${f}.chargeType`, 'is only for an enforcement_charge; remove it or change the type');
  }
  return {
    date: civilDate(`${f}.date`, r.date),
    type,
    amount: moneyText(`${f}.amount`, r.amount, { negative: type === 'adjustment' || type === 'opening_balance' }),
    description: rowText(`${f}.description`, r.description, MAX_TEXT),
    reference: optionalText(`${f}.reference`, r.reference, 200),
    chargeType,
    creditor: optionalOneOf(`${f}.creditor`, r.creditor, CREDITORS),
    caseReference: caseReference(`${f}.caseReference`, r.caseReference),
  };
}

function cmsValues(x: ReturnType<typeof checkCmsFields>): Omit<CmsEntryValues, 'fingerprint' | 'origin'> {
  return {
    date: x.date,
    type: x.type,
    amount: x.amount,
    description: x.description,
    ...opt('reference', x.reference),
    ...opt('chargeType', x.chargeType),
    ...opt('creditor', x.creditor),
    ...opt('caseReference', x.caseReference),
  };
}

function checkCmsEntries(field: string, rows: readonly CmsEntryRowInput[] | undefined): CmsEntryValues[] {
  return list(field, rows, MAX_ROWS).map((r, i) => {
    const f = `${field}[${i}]`;
    if (r === null || typeof r !== 'object') throw new InputError(f, 'must be a CMS entry: { date, type, amount, fingerprint, … }');
    const source = checkSource(`${f}.source`, r.source);
    if (r.outsidePeriod !== undefined && r.outsidePeriod !== true) {
      throw new InputError(`${f}.outsidePeriod`, 'must be true (dated outside the document’s period) or left out');
    }
    const status = optionalOneOf(`${f}.status`, r.status, SCHEDULE_STATUSES);
    return {
      fingerprint: checkFingerprint(`${f}.fingerprint`, r.fingerprint),
      origin: 'document',
      ...cmsValues(checkCmsFields(f, r)),
      ...opt('source', source),
      ...(r.outsidePeriod ? { outsidePeriod: true as const } : {}),
      ...opt('status', status),
    };
  });
}

const TYPED_FIELDS = [
  'date',
  'type',
  'amount',
  'description',
  'reference',
  'chargeType',
  'creditor',
  'caseReference',
  'occurrence',
] as const;
const TYPED_SHAPE = 'a CMS entry';

/** CMS entries typed in, checked and fingerprinted by their content; errors name `entries[i].…`. */
export function checkTypedCmsEntries(entries: readonly TypedCmsEntryInput[]): CmsEntryValues[] {
  const rows = list('entries', entries, MAX_TYPED).map((entry, i): CmsEntryValues => {
    const f = `entries[${i}]`;
    const x = record(f, entry, TYPED_SHAPE, TYPED_FIELDS);
    const c = checkCmsFields(f, x);
    const occurrence = occurrenceOf(`${f}.occurrence`, x.occurrence);
    const fingerprint = contentFingerprint('cms', [
      c.date,
      c.type,
      c.amount,
      c.description,
      c.reference,
      c.chargeType,
      c.creditor,
      c.caseReference,
      occurrence,
    ]);
    return { fingerprint, origin: 'typed', ...cmsValues(c) };
  });
  refuseRepeats(
    'entries',
    rows.map((r) => r.fingerprint),
    'line',
    'date, type, amount, description, reference, charge type, creditor and case reference',
  );
  return rows;
}

/**
 * The document, checked: the file's fields are named `document.…`; what was read from it `document.…` for
 * importRows and `parsed.…` for importParsed (where they are the parser's fields).
 */
function checkDocument(
  info: DocumentInfo,
  read: Omit<ImportedDocument, keyof DocumentInfo>,
  readField: 'document' | 'parsed',
  rows: StoredParse['rows'],
): DocumentValues {
  if (info === null || typeof info !== 'object') throw new InputError('document', 'must say { sha256, size, filename }');
  if (typeof info.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(info.sha256)) {
    throw new InputError('document.sha256', 'must be the SHA-256 of the file, 64 hex digits');
  }
  if (!Number.isInteger(info.size) || info.size < 0) throw new InputError('document.size', 'must be the size of the file in bytes');
  if (info.original !== undefined && !(info.original instanceof Uint8Array))
    throw new InputError('document.original', 'must be the bytes of the file');
  const parsed: StoredParse = {
    kind: requireText(`${readField}.kind`, read.kind, 100),
    format: requireText(`${readField}.format`, read.format, 20),
    metadata: { ...read.metadata },
    checks: { ...read.checks },
    warnings: [...(read.warnings ?? [])],
    confidence: typeof read.confidence === 'number' && read.confidence >= 0 && read.confidence <= 1 ? read.confidence : 0,
    rows,
  };
  cleanJson(`${readField}.metadata`, parsed.metadata);
  cleanJson(`${readField}.checks`, parsed.checks);
  cleanJson(`${readField}.warnings`, parsed.warnings);
  const filename = optionalText('document.filename', info.filename, 255);
  return {
    sha256: info.sha256.toLowerCase(),
    kind: parsed.kind,
    format: parsed.format,
    ...opt('filename', filename),
    size: info.size,
    parsed,
    ...opt('original', info.original),
  };
}

// ---------------------------------------------------------------------------------------------------- writing

/** Writes rows in batches (`write` skips those already in the case), reporting progress; gives how many were new. */
async function writeRows<R>(
  rows: readonly R[],
  write: (batch: R[]) => Promise<number>,
  progress: (written: number) => void,
): Promise<number> {
  let added = 0;
  for (const batch of batches(rows, JSON_BATCH)) {
    added += await write(batch);
    progress(batch.length);
  }
  return added;
}

export function documentOperations(
  cx: Context,
): Pick<CaseStore, 'importRows' | 'importParsed' | 'transactions' | 'cmsEntries' | 'addCmsEntries'> {
  /** The import itself, once everything is checked; `fields` names the lists of rows as the caller gave them. */
  const importChecked = (
    caseId: string,
    doc: DocumentValues,
    txRows: readonly TransactionValues[],
    cmsRows: readonly CmsEntryValues[],
    o: ImportOptions,
    fields: { readonly transactions: string; readonly cmsEntries: string },
  ): Promise<ImportResult> =>
    cx.scoped('case', async (tx) => {
      const { s } = await cx.lockCase(tx, caseId);
      // Rows over the case's limits are refused before anything is written (limits.ts refuseNewOverLimit).
      const [heldTx, heldCms] = await Promise.all([heldRows(tx, caseId, 'transactions'), heldRows(tx, caseId, 'cmsEntries')]);
      const fingerprints = (rows: readonly { readonly fingerprint: string }[]) => rows.map((r) => r.fingerprint);
      await refuseNewOverLimit(tx, caseId, 'transactions', fields.transactions, heldTx, fingerprints(txRows));
      await refuseNewOverLimit(tx, caseId, 'cmsEntries', fields.cmsEntries, heldCms, fingerprints(cmsRows));
      const [found] = await tx
        .select({ id: t.documents.id })
        .from(t.documents)
        .where(and(eq(t.documents.caseId, caseId), eq(t.documents.sha256, doc.sha256)));
      let documentId = found?.id;
      if (documentId === undefined) {
        await makeRoom(tx, caseId, 'documents', 'document');
        if (doc.original) {
          refuseKeptFile('document.original', await keptFileBytes(tx, caseId), doc.original.length, cx.options.maxKeptFileBytes);
        }
        const [made] = await tx
          .insert(t.documents)
          .values(documentRow(caseId, doc, s))
          .returning({ id: t.documents.id });
        documentId = made!.id;
      }
      const total = txRows.length + cmsRows.length;
      let written = 0;
      const progress = (n: number) => {
        written += n;
        o.onProgress?.(written, total);
      };
      const constants = { caseId, documentId };
      const newTx = await writeRows(
        txRows,
        (batch) =>
          insertNew(
            tx,
            t.transactions,
            batch.map((r) => transactionValues(r, s)),
            { conflict: [t.transactions.caseId, t.transactions.fingerprint], constants },
          ),
        progress,
      );
      const newCms = await writeRows(
        cmsRows,
        (batch) =>
          insertNew(
            tx,
            t.cmsEntries,
            batch.map((r) => cmsEntryValues(r, s)),
            { conflict: [t.cmsEntries.caseId, t.cmsEntries.fingerprint], constants },
          ),
        progress,
      );
      // Counted again as written (the check above counted the rows before): nothing over the limit is ever kept.
      refuseOverLimit('transactions', fields.transactions, heldTx, newTx);
      refuseOverLimit('cmsEntries', fields.cmsEntries, heldCms, newCms);
      await cx.audit(tx, caseId, found ? 'document_reimported' : 'document_imported');
      return {
        caseId,
        documentId,
        documentAlreadyImported: found !== undefined,
        new: newTx + newCms,
        alreadyThere: total - newTx - newCms,
        transactions: { new: newTx, alreadyThere: txRows.length - newTx },
        cmsEntries: { new: newCms, alreadyThere: cmsRows.length - newCms },
      };
    });

  return {
    importRows: (caseId, document, rows, o = {}) =>
      cx.run('Importing the document', async () => {
        const id = checkCaseId(caseId);
        if (rows === null || typeof rows !== 'object') throw new InputError('rows', 'must be { transactions, cmsEntries }');
        const txRows = checkTransactions('transactions', rows.transactions);
        const cmsRows = checkCmsEntries('cmsEntries', rows.cmsEntries);
        // The document's file checked first (checkDocument refuses a missing one); then what was read from it.
        const doc = checkDocument(document, document ?? { kind: '', format: '' }, 'document', {
          transactions: txRows.length,
          cmsEntries: cmsRows.length,
        });
        return importChecked(id, doc, txRows, cmsRows, o, { transactions: 'transactions', cmsEntries: 'cmsEntries' });
      }),

    importParsed: (caseId, info, parsed: ParseResult, o = {}) =>
      cx.run('Importing the document', async () => {
        const id = checkCaseId(caseId);
        if (parsed === null || typeof parsed !== 'object') throw new InputError('parsed', 'must be a parse result');
        // The parser's rows are calc/ledger's rows (statements/types.ts), with whatever place it read them from.
        const rows: DocumentRows = { transactions: parsed.transactions ?? [], cmsEntries: parsed.cmsEntries ?? [] };
        const txRows = checkTransactions('parsed.transactions', rows.transactions);
        const cmsRows = checkCmsEntries('parsed.cmsEntries', rows.cmsEntries);
        const doc = checkDocument(
          info,
          {
            kind: parsed.kind,
            format: parsed.format,
            metadata: { ...parsed.metadata },
            checks: { ...parsed.checks },
            warnings: parsed.warnings,
            confidence: parsed.confidence,
          },
          'parsed',
          { transactions: txRows.length, cmsEntries: cmsRows.length },
        );
        return importChecked(id, doc, txRows, cmsRows, o, { transactions: 'parsed.transactions', cmsEntries: 'parsed.cmsEntries' });
      }),

    transactions: (caseId, o) =>
      cx.run('Reading the transactions', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => readTransactions(tx, id, (await cx.findCase(tx, id)).s, o));
      }),

    cmsEntries: (caseId, o) =>
      cx.run('Reading the CMS entries', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', async (tx) => readCmsEntries(tx, id, (await cx.findCase(tx, id)).s, o));
      }),

    addCmsEntries: (caseId, entries) =>
      cx.run('Adding the CMS entries', async () => {
        const id = checkCaseId(caseId);
        const values = checkTypedCmsEntries(entries);
        if (values.length === 0) throw new InputError('entries', 'give at least one CMS entry');
        return cx.scoped('case', async (tx) => {
          const { s } = await cx.lockCase(tx, id);
          const held = await heldRows(tx, id, 'cmsEntries');
          const added = await writeRows(
            values,
            (batch) =>
              insertNew(
                tx,
                t.cmsEntries,
                batch.map((r) => cmsEntryValues(r, s)),
                { conflict: [t.cmsEntries.caseId, t.cmsEntries.fingerprint], constants: { caseId: id } },
              ),
            () => undefined,
          );
          refuseOverLimit('cmsEntries', 'entries', held, added);
          const stored = new Map<string, StoredCmsEntry>();
          for (const batch of batches(values.map((v) => v.fingerprint))) {
            const rows = await tx
              .select()
              .from(t.cmsEntries)
              .where(and(eq(t.cmsEntries.caseId, id), inArray(t.cmsEntries.fingerprint, batch)));
            for (const r of rows) stored.set(r.fingerprint, cmsEntryOf(r, s));
          }
          // Audited either way (the audit log says who tried what); "re-added" when nothing was new.
          await cx.audit(tx, id, added > 0 ? 'cms_entries_added' : 'cms_entries_readded');
          return { new: added, alreadyThere: values.length - added, rows: values.map((v) => stored.get(v.fingerprint)!) };
        });
      }),
  };
}
