/**
 * Records added to a case by mistake, removed by id: a decision, a document (with the rows read from it), a bank
 * transaction, a CMS entry, an item of evidence or an event. Before (a journey probe of 6 December 2026), nothing a
 * client could call took one out: a decision typed twice, or a CMS line typed with the wrong amount, stayed, and the
 * only way round was an invented adjustment that letters would then quote as CMS's own entry.
 *
 * All or nothing: an id that is none of this case's records is refused, naming it, and nothing is removed. An event
 * that records a letter's sending, or that another event answers, is refused (the letter stays sent; the answer
 * would point at nothing). The audit log says that records were removed, never which or what they held.
 * @module
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { InputError } from '../../calc/errors.ts';
import * as t from '../schema.ts';
import type { CaseStore, RemovedRecord, RemovedRecordKind } from '../types.ts';
import { checkCaseId, UUID } from './check.ts';
import type { Context } from './context.ts';
import type { Database } from './sql.ts';

/** Most ids one call removes. */
export const MAX_REMOVED = 100;

/** The tables a removable record may be in, by its kind. */
const TABLES = {
  decision: t.decisions,
  document: t.documents,
  transaction: t.transactions,
  cms_entry: t.cmsEntries,
  evidence: t.evidence,
  event: t.events,
} as const satisfies Record<RemovedRecordKind, unknown>;

/** The ids given: each a record id, once; errors name `ids[i]`. */
export function checkRemovedIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.length === 0) throw new InputError('ids', 'give the ids of the records to remove (get_case lists them)');
  if (ids.length > MAX_REMOVED) throw new InputError('ids', `give at most ${MAX_REMOVED} ids at a time`);
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new InputError(`ids[${i}]`, 'is not a record id (ids look like 0f8fad5b-d9cb-469f-a165-70867728950e)');
    }
    const lower = id.toLowerCase();
    const earlier = seen.get(lower);
    if (earlier !== undefined) throw new InputError(`ids[${i}]`, `is ids[${earlier}] again; give each id once`);
    seen.set(lower, i);
    return lower;
  });
}

/** Which of `ids` are records of the case, and of which kind. */
async function kindsOf(tx: Database, caseId: string, ids: readonly string[]): Promise<Map<string, RemovedRecordKind>> {
  const kinds = new Map<string, RemovedRecordKind>();
  for (const [kind, table] of Object.entries(TABLES) as [RemovedRecordKind, (typeof TABLES)[RemovedRecordKind]][]) {
    const rows = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.caseId, caseId), inArray(table.id, [...ids])));
    for (const r of rows) kinds.set(r.id, kind);
  }
  return kinds;
}

/** Refuses an event that records a letter's sending, or that an event not being removed answers. */
async function refuseTiedEvents(tx: Database, caseId: string, ids: readonly string[], kinds: ReadonlyMap<string, RemovedRecordKind>) {
  const events = ids.filter((id) => kinds.get(id) === 'event');
  if (events.length === 0) return;
  const sent = await tx
    .select({ id: t.events.id })
    .from(t.events)
    .where(and(eq(t.events.caseId, caseId), inArray(t.events.id, events), isNotNull(t.events.letterId)));
  if (sent[0]) {
    throw new InputError(
      `ids[${ids.indexOf(sent[0].id)}]`,
      'records the sending of a letter, which stays sent; to record that it went on another day, record_event a note of it',
    );
  }
  const answering = await tx
    .select({ id: t.events.id, answers: t.events.answers })
    .from(t.events)
    .where(and(eq(t.events.caseId, caseId), inArray(t.events.answers, events)));
  const kept = answering.find((a) => !ids.includes(a.id));
  if (kept) {
    throw new InputError(
      `ids[${ids.indexOf(kept.answers!)}]`,
      `is answered by the event ${kept.id}; remove that one too (give both ids), or keep this one`,
    );
  }
}

export function removalOperations(cx: Context): Pick<CaseStore, 'removeRecords'> {
  return {
    removeRecords: (caseId, ids) =>
      cx.run('Removing the records', async () => {
        const id = checkCaseId(caseId);
        const wanted = checkRemovedIds(ids);
        return cx.scoped('case', async (tx) => {
          await cx.lockCase(tx, id);
          const kinds = await kindsOf(tx, id, wanted);
          const unknown = wanted.findIndex((x) => !kinds.has(x));
          if (unknown >= 0) {
            throw new InputError(
              `ids[${unknown}]`,
              'is no decision, document, bank transaction, CMS entry, evidence item or event of this case (already removed, or another case’s); the tool that added a record gave its id',
            );
          }
          await refuseTiedEvents(tx, id, wanted, kinds);
          const removed: RemovedRecord[] = [];
          const of = (kind: RemovedRecordKind) => wanted.filter((x) => kinds.get(x) === kind);
          // A document's rows go with it (its foreign key would only unlink them); answers between removed events first.
          const documents = of('document');
          for (const documentId of documents) {
            const tx1 = await tx
              .delete(t.transactions)
              .where(and(eq(t.transactions.caseId, id), eq(t.transactions.documentId, documentId)))
              .returning({ id: t.transactions.id });
            const cms = await tx
              .delete(t.cmsEntries)
              .where(and(eq(t.cmsEntries.caseId, id), eq(t.cmsEntries.documentId, documentId)))
              .returning({ id: t.cmsEntries.id });
            removed.push({ id: documentId, kind: 'document', rows: tx1.length + cms.length });
          }
          const events = of('event');
          if (events.length)
            await tx
              .update(t.events)
              .set({ answers: null })
              .where(and(eq(t.events.caseId, id), inArray(t.events.id, events)));
          for (const [kind, table] of Object.entries(TABLES) as [RemovedRecordKind, (typeof TABLES)[RemovedRecordKind]][]) {
            const these = of(kind);
            if (these.length === 0) continue;
            // A row a removed document took with it is gone already; deleting it again removes nothing.
            const gone = await tx
              .delete(table)
              .where(and(eq(table.caseId, id), inArray(table.id, these)))
              .returning({ id: table.id });
            if (kind !== 'document') for (const g of gone) removed.push({ id: g.id, kind });
          }
          await cx.audit(tx, id, 'records_removed');
          // In the order given.
          const order = new Map(wanted.map((x, i) => [x, i]));
          return removed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
        });
      }),
  };
}
