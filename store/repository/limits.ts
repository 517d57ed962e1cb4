/**
 * How many rows of each kind one case may hold. Without a limit one organisation's user (or a language model
 * calling a tool in a loop) could grow one case without end, and every read of the case (a reconciliation, an
 * export, a bundle) with it.
 *
 * The limits are far above any real case, so that only a runaway reaches them. A real dispute over 10 years has
 * a few thousand CMS entries (a liability and a payment a week is about 1,000 a year at most) and bank lines:
 * a whole current account imported at 150 lines a month is 18,000 over 10 years, and a parent may import two or
 * three accounts, hence 100,000 bank lines. Evidence typed in (payslip and benefit deductions, declared payments)
 * is at most a line a week. A dispute has tens of events, decisions (an annual review and a few changes a year)
 * and letters (each save of a letter is a new version), and a reconciliation run is kept only when the case
 * changed since the last one. Parties and children keep their existing limits (parties.ts).
 *
 * Enforced in the transaction that writes the rows, after the case's row is locked (`lockCase`): changes to one
 * case queue behind each other there, so two adds at once cannot both count the rows as they were before either
 * and slip under the limit together. Rows that are already there (the same bank line imported again) do not
 * count. A document's rows are counted before any is written (those the case holds already looked up by their
 * fingerprints: {@link refuseNewOverLimit}); other rows are written, the new ones counted, and a batch that would take
 * the case over its limit is refused whole, the transaction undone (nothing of it is kept). Each count is by the case's id, on an index
 * that every one of these tables has beginning with `case_id`.
 * @module
 */
import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { groupedCount } from '../../calc/money.ts';
import { StoreError } from '../errors.ts';
import * as t from '../schema.ts';
import { MAX_CHILDREN, MAX_PARTIES } from './parties.ts';
import { batches, type Database } from './sql.ts';

const NEW_CASE = 'start a new case for the next period (create_case)';

/** Each kind of row: the most one case may hold, its table, what it is called, and what to do at the limit. */
export const CASE_LIMITS = {
  transactions: {
    max: 100_000,
    table: t.transactions,
    name: 'bank lines',
    advice: `${NEW_CASE}, or import only the accounts and periods the dispute needs`,
  },
  cmsEntries: {
    max: 20_000,
    table: t.cmsEntries,
    name: 'CMS entries',
    advice: `${NEW_CASE}, or import only the CMS statements the dispute needs`,
  },
  evidence: { max: 20_000, table: t.evidence, name: 'items of evidence', advice: `${NEW_CASE}, or give only the items the dispute needs` },
  documents: { max: 2_000, table: t.documents, name: 'documents', advice: `${NEW_CASE}, or import only the documents the dispute needs` },
  events: { max: 2_000, table: t.events, name: 'events', advice: `${NEW_CASE}` },
  letters: {
    max: 2_000,
    table: t.letters,
    name: 'letter versions',
    advice: `${NEW_CASE}; each save of a letter is a new version, so save it when it is ready`,
  },
  decisions: { max: 500, table: t.decisions, name: 'decisions', advice: `${NEW_CASE}` },
  reconciliationRuns: { max: 2_000, table: t.reconciliationRuns, name: 'reconciliation runs', advice: `${NEW_CASE}` },
  parties: { max: MAX_PARTIES, table: t.parties, name: 'parties', advice: 'keep the parties of this one dispute' },
  children: { max: MAX_CHILDREN, table: t.children, name: 'children', advice: 'keep the children of this one dispute' },
} as const satisfies Record<string, { max: number; table: PgTable & { caseId: AnyPgColumn }; name: string; advice: string }>;

export type RowKind = keyof typeof CASE_LIMITS;

/** How many rows of a kind the case holds now: a count by case id, on the table's `case_id` index. */
export async function heldRows(ex: Database, caseId: string, kind: RowKind): Promise<number> {
  const { table } = CASE_LIMITS[kind];
  const [row] = await ex.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
  return Number(row?.n ?? 0);
}

/**
 * Refuses rows that would take the case over its limit: `held` rows there before, `adding` new ones. Code
 * `too_large`, about `field` (the list that brought them), saying the limit, both figures and what to do.
 */
export function refuseOverLimit(kind: RowKind, field: string, held: number, adding: number): void {
  const { max, name, advice } = CASE_LIMITS[kind];
  if (held + adding <= max) return;
  throw new StoreError(
    'too_large',
    field,
    `would take the case over its limit of ${groupedCount(max)} ${name}: it holds ${groupedCount(held)} and this adds ` +
      `${groupedCount(adding)} new; nothing of it was saved. A case is one dispute: ${advice}`,
  );
}

/**
 * {@link refuseOverLimit} before writing rows that may be in the case already (a document's bank lines or CMS
 * entries, by fingerprint): refuses when the case's `held` rows and those of `fingerprints` it does not hold yet are
 * over the limit, so nothing is written first (a probe's 240,000-line statement was written whole before it was
 * refused, holding the embedded database for everyone for half a minute). The rows already there are counted only
 * when they could make the difference: all new, the rows fit, or are over whatever the case holds.
 */
export async function refuseNewOverLimit(
  ex: Database,
  caseId: string,
  kind: 'transactions' | 'cmsEntries',
  field: string,
  held: number,
  fingerprints: readonly string[],
): Promise<void> {
  const distinct = [...new Set(fingerprints)];
  const { max, table } = CASE_LIMITS[kind];
  if (held + distinct.length <= max) return;
  let there = 0;
  // At most `held` of them can be there already: more than the limit even then is refused without asking.
  if (held > 0 && distinct.length <= max) {
    for (const batch of batches(distinct)) {
      const [row] = await ex
        .select({ n: count() })
        .from(table)
        .where(and(eq(table.caseId, caseId), inArray(table.fingerprint, batch)));
      there += Number(row?.n ?? 0);
    }
  }
  refuseOverLimit(kind, field, held, distinct.length - there);
}

/** {@link refuseOverLimit} for rows all new (an event, a letter version): counted first, refused before writing. */
export async function makeRoom(ex: Database, caseId: string, kind: RowKind, field: string, adding = 1): Promise<void> {
  refuseOverLimit(kind, field, await heldRows(ex, caseId, kind), adding);
}

/** Refuses a case export that holds more rows of a kind than a case may: nothing of it is imported. */
export function refuseOversizedExport(kind: RowKind, given: number): void {
  const { max, name } = CASE_LIMITS[kind];
  if (given <= max) return;
  throw new StoreError(
    'too_large',
    kind,
    `the export holds ${groupedCount(given)} ${name}, over the limit of ${groupedCount(max)} one case may hold; nothing was imported. ` +
      `Remove the ${name} the dispute does not need from the export (or split it into cases by period) and import it again`,
  );
}

/**
 * The most bytes of kept original files (a document imported with `keepOriginal`) one case may hold: 1 GiB. Ten
 * years of monthly statements of three accounts, 360 files of about a megabyte, keep well under half of it; without
 * a limit, 2,000 documents of 20 MB could keep 40 GB in one case (found by a security audit).
 */
export const MAX_KEPT_FILE_BYTES = 1024 * 1024 * 1024;

/** The bytes of original files the case keeps now (their stored length, read without loading them). */
export async function keptFileBytes(ex: Database, caseId: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<string>`coalesce(sum(octet_length(${t.documents.original})), 0)` })
    .from(t.documents)
    .where(and(eq(t.documents.caseId, caseId), isNotNull(t.documents.original)));
  return Number(row?.n ?? 0);
}

/** Refuses a file to keep that would take the case's kept files over `max` ({@link MAX_KEPT_FILE_BYTES}). */
export function refuseKeptFile(field: string, held: number, adding: number, max = MAX_KEPT_FILE_BYTES): void {
  if (held + adding <= max) return;
  const mb = (n: number) => `${groupedCount(Math.ceil(n / (1024 * 1024)))} MB`;
  throw new StoreError(
    'too_large',
    field,
    `would take the original files this case keeps over their limit of ${mb(max)}: it keeps ${mb(held)} and this is ${mb(adding)}; ` +
      'nothing of it was saved. Import it without keeping the original (its rows are kept all the same), or start a new case for the next period (create_case)',
  );
}

/**
 * The most cases one organisation may keep: 20,000 (RECKONER_MAX_CASES to change it). Each case is limited
 * above, so without this one organisation (or a token, or a model creating cases in a loop) could still fill the
 * store's disk for every other organisation. An adviser who opens a case a working day for 40 years opens about
 * 10,000; an organisation that needs more sets its own.
 */
export const MAX_CASES_PER_ORGANISATION = 20_000;

/**
 * Advisory lock space for counting an organisation's cases: the two-key form, whose keys never meet the
 * one-key keyring lock (context.ts KEYRING_LOCK); the second key is a hash of the organisation.
 */
const CASES_LOCK = 728_319;

/**
 * Refuses a new case when the organisation keeps `max` already. Taken in the transaction that writes the case,
 * after a lock on the organisation's count, so two cases made at once cannot both be the last: the second waits,
 * then counts the first. The count is the organisation's own cases (row-level security shows no others).
 */
export async function makeRoomForCase(ex: Database, organisation: string, field: string, max = MAX_CASES_PER_ORGANISATION): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(${CASES_LOCK}::int, hashtext(${organisation}))`);
  const [row] = await ex.select({ n: count() }).from(t.cases);
  const held = Number(row?.n ?? 0);
  if (held < max) return;
  throw new StoreError(
    'too_large',
    field,
    `this organisation keeps ${groupedCount(held)} case${held === 1 ? '' : 's'}, the most one organisation may keep on this server (${groupedCount(max)}); ` +
      'nothing was saved. Delete the cases it no longer needs (delete_case, after export_case if they are to be kept elsewhere), ' +
      'or ask whoever runs this server to raise the limit (RECKONER_MAX_CASES)',
  );
}
