/**
 * What deleting a case guarantees, said to the person who asked for it: it depends on where the store is and
 * whether it has a key, and a promise of erasure the store cannot keep would be worse than none. On PGlite the
 * rewrite that takes the bytes out of the files runs shortly after the delete, not during it
 * (store/repository/erasure.ts says when, and why).
 * @module
 */
import type { Driver } from './types.ts';

export function erasureOf(driver: Driver, sealed: boolean): string {
  if (driver === 'pglite') {
    return (
      "Its rows are gone now. Within about a minute the case store's tables that held them are rewritten and its log moved past them " +
      '(if Reckoner stops first, when it stops or next starts), so that nothing of the case is left in the case store on this ' +
      'computer. Copies made before — exports, backups, synced folders — are not touched.'
    );
  }
  if (sealed) {
    return (
      'Its rows and its own encryption key are gone, so what PostgreSQL keeps of them until its space is reused, and any backup, can ' +
      'no longer be opened: names, contact details, notes, letters and documents were sealed with that key. Dates and amounts were not, ' +
      'and stay in such leftovers until the database reuses the space and the backups expire.'
    );
  }
  return (
    'Its rows are gone. PostgreSQL keeps old row versions until it reuses their space, and backups keep them until they expire; ' +
    "this store has no RECKONER_ENCRYPTION_KEY, so they stay readable there. With a key, deleting a case also destroys the case's own key."
  );
}
