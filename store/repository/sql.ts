/**
 * The database as the repository sees it: drizzle's PostgreSQL type (PGlite's and postgres.js's databases are
 * both this), the few things the two drivers do differently, bulk inserts as one JSON parameter, and errors that
 * quote nothing they were given.
 * @module
 */
import { DrizzleError, DrizzleQueryError, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { InputError } from '../../calc/errors.ts';
import { diskFull, isDiskFull, sqlStateOf, StoreFailure } from '../errors.ts';
import type * as t from '../schema.ts';

/** The drizzle database both drivers give. */
export type Database = PgDatabase<PgQueryResultHKT, typeof t.schema>;

/** Rows written per INSERT: well under PostgreSQL's 65,535 parameters, big enough to keep round trips few. */
export const BATCH = 1000;
/** Rows sent per statement when they go as one JSON parameter (imports): no parameter limit applies. */
export const JSON_BATCH = 5000;

/** The rows of a raw query: postgres.js gives an array, PGlite `{ rows }`. The one place that knows it. */
export function rowsOf<R>(result: unknown): R[] {
  return (Array.isArray(result) ? result : (result as { rows: R[] }).rows) as R[];
}

export function* batches<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Inserts rows, skipping those whose `conflict` key is taken, and says how many were new. The rows go as one
 * JSON parameter per statement (read back with jsonb_to_recordset), so a batch of thousands is one round trip
 * with no parameter limit; `constants` are the same for every row (the case, the document) and go once.
 * Every row must have the same keys (drizzle's property names); values are text, numbers or null (no bytes).
 */
export async function insertNew<T extends PgTable>(
  ex: Database,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  options: { readonly conflict: readonly AnyPgColumn[]; readonly constants?: Partial<T['$inferInsert']> },
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = getTableColumns(table) as Record<string, AnyPgColumn>;
  const constants = Object.entries(options.constants ?? {}) as [string, unknown][];
  const varying = Object.keys(rows[0]!);
  const name = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`insertNew: ${key} is not a column`);
    return column;
  };
  const json = JSON.stringify(
    rows.map((r) => Object.fromEntries(varying.map((k) => [name(k).name, (r as Record<string, unknown>)[k] ?? null]))),
  );
  const target = sql.join(
    [...constants.map(([k]) => name(k)), ...varying.map(name)].map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const values = sql.join(
    [
      ...constants.map(([k, v]) => sql`${v}::${sql.raw(name(k).getSQLType())}`),
      ...varying.map((k) => sql`x.${sql.identifier(name(k).name)}`),
    ],
    sql`, `,
  );
  const shape = sql.join(
    varying.map((k) => sql`${sql.identifier(name(k).name)} ${sql.raw(name(k).getSQLType())}`),
    sql`, `,
  );
  const conflict = sql.join(
    options.conflict.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const result = await ex.execute(
    sql`with ins as (
      insert into ${table} (${target})
      select ${values} from jsonb_to_recordset(${json}::jsonb) as x(${shape})
      on conflict (${conflict}) do nothing
      returning 1)
    select count(*)::int as n from ins`,
  );
  return Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
}

/** Errors from drizzle or a driver: these may quote the values of a query, so they are never passed on. */
function isDatabaseError(error: unknown): boolean {
  if (error instanceof InputError || error instanceof StoreFailure) return false;
  return (
    error instanceof DrizzleQueryError ||
    error instanceof DrizzleError ||
    sqlStateOf(error) !== undefined ||
    (error instanceof Error && /^(PostgresError|DatabaseError)$/.test(error.name))
  );
}

/**
 * Runs `work`, turning any database error into one that quotes nothing it was given: a full disk is a
 * StoreError naming where the store is kept; anything else a {@link StoreFailure} with the SQLSTATE.
 */
export async function guarded<T>(
  what: string,
  where: { readonly field: string; readonly location: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputError || error instanceof StoreFailure) throw error;
    if (isDiskFull(error)) throw diskFull(what, where);
    if (!isDatabaseError(error)) throw error;
    const sqlState = sqlStateOf(error);
    if (sqlState === '40P01' || sqlState === '40001') {
      throw new StoreFailure(
        `${what} clashed with another change to the same case and was undone; nothing was saved. Try again.`,
        sqlState,
      );
    }
    throw new StoreFailure(`${what} failed in the database${sqlState ? ` (SQLSTATE ${sqlState})` : ''}; nothing was saved.`, sqlState);
  }
}

/** A SQL fragment, typed: re-exported so modules need not import drizzle for it. */
export type { SQL };
