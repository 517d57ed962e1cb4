/**
 * The case repository, written once against drizzle's PostgreSQL type: the same code runs on PGlite and on
 * PostgreSQL. One module per aggregate, each giving its part of the {@link CaseStore} over a shared
 * {@link Context} (context.ts: the transaction, tenancy, sealing, the audit log); rows.ts maps each table's rows
 * both ways, check.ts checks what callers give, sql.ts holds what the two drivers do differently.
 *
 * Errors: bad input is an InputError naming the field; a missing case is a StoreError `not_found` (another
 * organisation's, `forbidden`); a full disk is a StoreError `unsupported` (reason `disk_full`); anything else the
 * database refuses for reasons the input does not explain is a StoreFailure carrying only the SQLSTATE (a
 * driver's message may quote the row it was given, and case data must not reach logs or clients that way).
 * @module
 */
import { createKeyring, type Keyring } from '../seal.ts';
import { LOCAL_PRINCIPAL, type CaseStore, type Principal } from '../types.ts';
import { caseOperations } from './cases.ts';
import { checkPrincipal } from './check.ts';
import { createContext, type RepositoryOptions } from './context.ts';
import { decisionOperations } from './decisions.ts';
import { documentOperations } from './documents.ts';
import { createEraser, erasureOperations, type Eraser } from './erasure.ts';
import { evidenceOperations } from './evidence.ts';
import { eventOperations } from './events.ts';
import { letterOperations } from './letters.ts';
import { partyOperations } from './parties.ts';
import { removalOperations } from './removal.ts';
import { transferOperations } from './transfer.ts';
import type { Database } from './sql.ts';

export { APP_ROLE, KEYRING_LOCK, KEYRING_ROLE, LOCATOR_ROLE, prepareStore, type RepositoryOptions } from './context.ts';
export { checkPrincipal } from './check.ts';
export { rowsOf, type Database } from './sql.ts';

interface Shared {
  readonly db: Database;
  readonly options: RepositoryOptions;
  readonly keyring: Keyring;
  /** The rewrites a delete leaves due on PGlite (erasure.ts): one for the database, whoever deleted. */
  readonly eraser: Eraser;
  closed: boolean;
}

export function createRepository(db: Database, options: RepositoryOptions): CaseStore {
  const shared: Shared = { db, options, keyring: options.keyring ?? createKeyring(), eraser: createEraser(db, options), closed: false };
  return storeFor(shared, checkPrincipal(options.principal ?? LOCAL_PRINCIPAL));
}

/** The store acting for one principal; {@link CaseStore.as} makes another over the same connection. */
function storeFor(shared: Shared, principal: Principal): CaseStore {
  const { db, options } = shared;
  const cx = createContext(db, options, shared.keyring, principal, shared.eraser);
  return {
    driver: options.driver,
    location: options.location,
    principal,
    as: (other) => storeFor(shared, checkPrincipal(other)),
    ...caseOperations(cx),
    ...partyOperations(cx),
    ...decisionOperations(cx),
    ...documentOperations(cx),
    ...evidenceOperations(cx),
    ...eventOperations(cx),
    ...letterOperations(cx),
    ...transferOperations(cx),
    ...removalOperations(cx),
    ...erasureOperations(cx, shared.eraser),
    close: async () => {
      if (shared.closed) return;
      shared.closed = true;
      try {
        await shared.eraser.close(); // what a delete left due is rewritten before the database closes
      } finally {
        await options.close();
      }
    },
  };
}
