/**
 * Deleting a case: its rows, its key and its own audit entries, leaving one entry that says it was deleted.
 *
 * Erasure means the bytes too. A deleted row stays in its table file (plain VACUUM only marks the space free)
 * and in the write-ahead log (the delete logs a full image of its page). So on the embedded database the case
 * tables are rewritten (VACUUM FULL), and the log moves to a new segment and checkpoints with recycling off, so
 * the old segments are removed rather than renamed for reuse. The embedded database is one user's and small, so
 * this runs at once; on a shared PostgreSQL the deleted case's key is gone (crypto-shredding, with a key set)
 * and the rest is left to its operator (autovacuum, backups). store/erasure.ts words what each guarantees.
 * @module
 */
import { eq, getTableName, sql } from 'drizzle-orm';
import { erasureOf } from '../erasure.ts';
import * as t from '../schema.ts';
import type { CaseStore } from '../types.ts';
import { checkCaseId } from './check.ts';
import type { Context } from './context.ts';

/** Every table that holds a case's data, its key included (the audit log keeps only ids and actions). */
const CASE_TABLES = [
  t.cases,
  t.caseKeys,
  t.parties,
  t.children,
  t.decisions,
  t.documents,
  t.transactions,
  t.cmsEntries,
  t.evidence,
  t.reconciliationRuns,
  t.letters,
  t.events,
]
  .map((table) => getTableName(table))
  .join(', ');

async function eraseLeftovers(cx: Context): Promise<void> {
  for (const statement of [`VACUUM FULL ${CASE_TABLES}`, 'SET wal_recycle = off', 'SELECT pg_switch_wal()', 'CHECKPOINT']) {
    await cx.db.execute(sql.raw(statement));
  }
}

export function erasureOperations(cx: Context): Pick<CaseStore, 'deleteCase'> {
  return {
    deleteCase: (caseId) =>
      cx.run('Deleting the case', async () => {
        const id = checkCaseId(caseId);
        const result = await cx.scoped('case', async (tx) => {
          // The case's key first: without it, whatever copies of the case's sealed rows remain cannot be opened.
          await tx.delete(t.caseKeys).where(eq(t.caseKeys.caseId, id));
          const gone = await tx.delete(t.cases).where(eq(t.cases.id, id)).returning({ id: t.cases.id });
          if (gone.length === 0) {
            const why = await cx.missingCase(tx, id);
            if (why.code === 'forbidden') throw why;
            return { deleted: false };
          }
          // The case's own audit entries go too (the trigger allows it for this case, in this transaction
          // only); one entry says that the case was deleted.
          await tx.execute(sql`select set_config('reckoner.erasure', ${id}, true)`);
          await tx.delete(t.auditLog).where(eq(t.auditLog.caseId, id));
          await tx.execute(sql`select set_config('reckoner.erasure', '', true)`);
          await cx.audit(tx, id, 'case_deleted');
          return { deleted: true };
        });
        if (!result.deleted) return result;
        if (cx.options.driver === 'pglite') await eraseLeftovers(cx);
        return { deleted: true, erasure: erasureOf(cx.options.driver, cx.keyring.sealing) };
      }),
  };
}
