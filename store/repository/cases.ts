/**
 * Cases: making one (with its people and decisions), reading one whole (with its counts), listing them (with
 * the counts a list shows), everything the case service needs in one consistent read, and the audit log.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { asc, count, desc, eq, inArray, max, min } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { InputError } from '../../calc/errors.ts';
import { SIDES } from '../../calc/reconcile/reconcile.ts';
import { PAYMENT_FREQUENCIES } from '../../calc/schedule/build.ts';
import { COLLECTION_SERVICES } from '../../calc/scheme-2012/calculate.ts';
import * as t from '../schema.ts';
import type { Sealer } from '../seal.ts';
import {
  SCHEMES,
  type AuditEntry,
  type CaseCounts,
  type CaseDetail,
  type CaseSettings,
  type CaseStore,
  type CaseSummary,
} from '../types.ts';
import { caseReference, checkCaseId, oneOf, optionalDate, requireText } from './check.ts';
import { SNAPSHOT, wrappedKey, type Context } from './context.ts';
import { checkNewDecisions, insertDecisions, readDecisions } from './decisions.ts';
import { readCmsEntries, readDocuments, readTransactions } from './documents.ts';
import { readEvidence } from './evidence.ts';
import { readEvents } from './events.ts';
import { latestRun, readLetters } from './letters.ts';
import { makeRoomForCase } from './limits.ts';
import { checkChildren, checkParties, insertChildren, insertParties, readChildren, readParties } from './parties.ts';
import { caseOf, caseRow, iso, opt, shownChild, shownDecision, shownParty, type CaseValues } from './rows.ts';
import type { Database } from './sql.ts';

/** The tables a list of cases counts, by the name of the count. */
const LISTED = {
  documents: t.documents,
  transactions: t.transactions,
  cmsEntries: t.cmsEntries,
  evidence: t.evidence,
  letters: t.letters,
} as const;
type Listed = keyof typeof LISTED;

/** A table of a case's rows: any with a `case_id`. */
type CaseTable = PgTable & { readonly caseId: AnyPgColumn<{ data: string; notNull: true }> };

/**
 * How many rows each of the cases has in a table. A grouped count over the case ids, not a subquery per case:
 * a correlated subquery once counted nothing because its `id` bound to the counted table rather than `cases`.
 */
async function countsBy(ex: Database, table: CaseTable, caseIds: readonly string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await ex
    .select({ caseId: table.caseId, n: count() })
    .from(table)
    .where(inArray(table.caseId, [...caseIds]))
    .groupBy(table.caseId);
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]));
}

async function countOf(ex: Database, table: CaseTable, caseId: string): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
  return Number(row?.n ?? 0);
}

/** The case as get_case shows it: a withheld address is not in it. */
export async function readCase(ex: Database, cx: Context, caseId: string): Promise<CaseDetail> {
  const { case: c, s } = await cx.findCase(ex, caseId);
  const [parties, children, decisions, documents, events, txRange, cmsRange, transactions, cmsEntries, evidence, letters, runs, latest] =
    await Promise.all([
      readParties(ex, caseId, s),
      readChildren(ex, caseId, s),
      readDecisions(ex, caseId, s),
      readDocuments(ex, caseId, s),
      readEvents(ex, caseId, s),
      ex
        .select({ from: min(t.transactions.date), to: max(t.transactions.date) })
        .from(t.transactions)
        .where(eq(t.transactions.caseId, caseId)),
      ex
        .select({ from: min(t.cmsEntries.date), to: max(t.cmsEntries.date) })
        .from(t.cmsEntries)
        .where(eq(t.cmsEntries.caseId, caseId)),
      countOf(ex, t.transactions, caseId),
      countOf(ex, t.cmsEntries, caseId),
      countOf(ex, t.evidence, caseId),
      countOf(ex, t.letters, caseId),
      countOf(ex, t.reconciliationRuns, caseId),
      ex
        .select({ id: t.reconciliationRuns.id, inputsHash: t.reconciliationRuns.inputsHash, createdAt: t.reconciliationRuns.createdAt })
        .from(t.reconciliationRuns)
        .where(eq(t.reconciliationRuns.caseId, caseId))
        .orderBy(desc(t.reconciliationRuns.createdAt), desc(t.reconciliationRuns.id))
        .limit(1),
    ]);
  const tx = txRange[0];
  const cms = cmsRange[0];
  const counts: CaseCounts = {
    parties: parties.length,
    children: children.length,
    decisions: decisions.length,
    documents: documents.length,
    transactions,
    cmsEntries,
    evidence,
    events: events.length,
    letters,
    reconciliationRuns: runs,
  };
  const run = latest[0];
  return {
    ...c,
    parties: parties.map(shownParty),
    children: children.map(shownChild),
    decisions: decisions.map(shownDecision),
    documents,
    events,
    counts,
    ranges: {
      ...(tx?.from && tx.to ? { transactions: { from: tx.from, to: tx.to } } : {}),
      ...(cms?.from && cms.to ? { cmsEntries: { from: cms.from, to: cms.to } } : {}),
    },
    ...(run ? { latestReconciliation: { id: run.id, inputsHash: run.inputsHash, createdAt: iso(run.createdAt) } } : {}),
  };
}

function summaryOf(c: CaseSettings): CaseSummary {
  const { frequency: _frequency, firstDueDate: _firstDueDate, endDate: _endDate, ...summary } = c;
  return summary;
}

export function caseOperations(cx: Context): Pick<CaseStore, 'createCase' | 'getCase' | 'listCases' | 'caseRecords' | 'auditLog'> {
  return {
    createCase: (input) =>
      cx.run('Creating the case', async () => {
        if (input === null || typeof input !== 'object') throw new InputError('(body)', 'must be the case: { title, side, … }');
        const title = requireText('title', input.title, 200);
        const side = oneOf('side', input.side, SIDES);
        const reference = caseReference('reference', input.reference);
        const firstDueDate = optionalDate('firstDueDate', input.firstDueDate);
        const endDate = optionalDate('endDate', input.endDate);
        const values: Omit<CaseValues, 'id'> = {
          title,
          side,
          ...opt('reference', reference),
          scheme: input.scheme === undefined ? '2012' : oneOf('scheme', input.scheme, SCHEMES),
          service: input.service === undefined ? 'direct_pay' : oneOf('service', input.service, COLLECTION_SERVICES),
          ...(input.frequency === undefined ? {} : { frequency: oneOf('frequency', input.frequency, PAYMENT_FREQUENCIES) }),
          ...opt('firstDueDate', firstDueDate),
          ...opt('endDate', endDate),
        };
        const decisions = checkNewDecisions('decisions', input.decisions, values.service);
        const parties = checkParties('parties', input.parties);
        const children = checkChildren('children', input.children);
        return cx.scoped('store', async (tx) => {
          await makeRoomForCase(tx, cx.principal.organisation, '(organisation)', cx.options.maxCasesPerOrganisation);
          // The id is made here, not by the database: the case's key is wrapped for it before the row is written.
          const id = randomUUID();
          const key = cx.keyring.sealing ? cx.keyring.newCaseKey(id) : undefined;
          const s: Sealer = key?.sealer ?? cx.sealerOf(id, null);
          await tx.insert(t.cases).values(caseRow({ ...values, id }, s));
          if (key) await tx.insert(t.caseKeys).values({ caseId: id, wrapped: key.wrapped });
          await insertParties(tx, id, parties, s);
          await insertChildren(tx, id, children, s);
          await insertDecisions(tx, id, decisions, s);
          await cx.audit(tx, id, 'case_created');
          return readCase(tx, cx, id);
        });
      }),

    getCase: (caseId) =>
      cx.run('Reading the case', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped('case', (tx) => readCase(tx, cx, id));
      }),

    listCases: (o = {}) =>
      cx.run('Listing cases', async () => {
        const limit = Math.min(Math.max(Math.trunc(o.limit ?? 50), 1), 500);
        const offset = Math.max(Math.trunc(o.offset ?? 0), 0);
        return cx.scoped('store', async (tx) => {
          const [rows, total] = await Promise.all([
            tx
              .select({ row: t.cases, wrapped: wrappedKey })
              .from(t.cases)
              .orderBy(desc(t.cases.createdAt), asc(t.cases.id))
              .limit(limit)
              .offset(offset),
            tx.select({ n: count() }).from(t.cases),
          ]);
          const ids = rows.map((r) => r.row.id);
          const names = Object.keys(LISTED) as Listed[];
          const counted = await Promise.all(names.map((name) => countsBy(tx, LISTED[name], ids)));
          return {
            cases: rows.map((r) => ({
              ...summaryOf(caseOf(r.row, cx.sealerOf(r.row.id, r.wrapped))),
              counts: Object.fromEntries(names.map((name, i) => [name, counted[i]!.get(r.row.id) ?? 0])) as Pick<CaseCounts, Listed>,
            })),
            total: Number(total[0]!.n),
          };
        });
      }),

    caseRecords: (caseId) =>
      cx.run('Reading the case', async () => {
        const id = checkCaseId(caseId);
        return cx.scoped(
          'case',
          async (tx) => {
            const { case: c, s } = await cx.findCase(tx, id);
            const [parties, children, decisions, documents, transactions, cmsEntries, evidence, events, letters, latest] =
              await Promise.all([
                readParties(tx, id, s),
                readChildren(tx, id, s),
                readDecisions(tx, id, s),
                readDocuments(tx, id, s),
                readTransactions(tx, id, s),
                readCmsEntries(tx, id, s),
                readEvidence(tx, id, s),
                readEvents(tx, id, s),
                readLetters(tx, id, s, false),
                latestRun(tx, id, s),
              ]);
            return {
              case: c,
              parties: parties.map(shownParty),
              children: children.map(shownChild),
              decisions: decisions.map(shownDecision),
              documents,
              transactions,
              cmsEntries,
              evidence,
              events,
              letters,
              ...opt('latestReconciliation', latest),
            };
          },
          SNAPSHOT,
        );
      }),

    auditLog: (caseId) =>
      cx.run('Reading the audit log', async () => {
        const id = caseId === undefined ? undefined : checkCaseId(caseId);
        return cx.scoped('store', async (tx) => {
          const rows = await tx
            .select()
            .from(t.auditLog)
            .where(id === undefined ? undefined : eq(t.auditLog.caseId, id))
            .orderBy(asc(t.auditLog.id));
          return rows.map((r): AuditEntry => ({
            id: r.id,
            ...opt('caseId', r.caseId),
            action: r.action,
            at: iso(r.at),
            actor: r.actor,
            ...(r.times > 1 ? { times: r.times } : {}),
            ...(r.lastAt ? { lastAt: iso(r.lastAt) } : {}),
          }));
        });
      }),
  };
}
