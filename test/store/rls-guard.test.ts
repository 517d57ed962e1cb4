/**
 * Row-level security is what keeps organisations apart: the repository asks for a case by its id alone and leaves the
 * organisation to the database. So a store whose role could pass row-level security (a superuser, or BYPASSRLS), or
 * whose case tables have it off or not forced, must not open at all: with any of these every organisation would read
 * every case. A security review (6 December 2026) made each of them by hand and read another organisation's case
 * through the store; the store now refuses to open, naming what to put right. PGlite always; PostgreSQL when
 * TEST_DATABASE_URL is set, for the tables only (PostgreSQL's roles are shared by the whole server, and other test
 * runs on it use `reckoner_app` at the same time).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TENANT_TABLES } from '../../store/repository/context.ts';
import { openStore } from '../../store/open.ts';
import { cleanup, DRIVERS, rawQueries } from './helpers.ts';

afterAll(cleanup);

const ALICE = { id: 'alice', organisation: 'org-a' };
const BOB = { id: 'bob', organisation: 'org-b' };

describe.each(DRIVERS)('the store refuses to open where row-level security would not bind it, on $name', (driver) => {
  /** A fresh store holding one case of org-a; returns how to open it, the case id, and how to drop it. */
  async function withCase() {
    const fresh = await driver.fresh();
    const store = await openStore(fresh.options);
    const { id } = await store.as(ALICE).createCase({ title: 'Org A only', side: 'paying' });
    await store.close();
    return { ...fresh, caseId: id };
  }

  /** Opens the store and reads org-a's case as org-b: what a store that did open would show. */
  async function readAsBob(options: object, caseId: string) {
    const store = await openStore(options);
    try {
      return await store
        .as(BOB)
        .getCase(caseId)
        .then(
          (c) => c.title,
          (e: { code?: string }) => e.code,
        );
    } finally {
      await store.close();
    }
  }

  it('every case table is under tenancy, as the migrations made it', () => {
    expect([...TENANT_TABLES].sort()).toEqual(
      [
        'audit_log',
        'case_keys',
        'cases',
        'children',
        'cms_entries',
        'decisions',
        'documents',
        'events',
        'evidence',
        'letters',
        'parties',
        'reconciliation_runs',
        'transactions',
      ].sort(),
    );
  });

  for (const [what, off, on] of [
    ['turned off', 'disable row level security', 'enable row level security'],
    ['not forced', 'no force row level security', 'force row level security'],
  ] as const) {
    it(`a case table with row-level security ${what}: refused, naming the table; put right, it opens and org-b is refused it`, async () => {
      const { options, drop, caseId } = await withCase();
      try {
        await rawQueries(options, [`alter table cases ${off}`, `alter table parties ${off}`]);
        const refused = await openStore(options).catch((e: unknown) => e);
        expect(refused).toMatchObject({ code: 'unsupported', field: driver.name === 'pglite' ? 'RECKONER_DATA_DIR' : 'DATABASE_URL' });
        expect((refused as Error).message).toMatch(/row-level security is off or not forced on cases, parties/);
        expect((refused as Error).message).toMatch(/ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY/);
        await rawQueries(options, [`alter table cases ${on}`, `alter table parties ${on}`]);
        expect(await readAsBob(options, caseId)).toBe('forbidden');
      } finally {
        await drop();
      }
    }, 60_000);
  }

  it.runIf(driver.name === 'pglite')(
    'the store’s role with BYPASSRLS, or a superuser: refused, saying what to run; put right, it opens and org-b is refused it',
    async () => {
      const { options, drop, caseId } = await withCase();
      try {
        for (const [attribute, words] of [
          ['bypassrls', /the role reckoner_app has BYPASSRLS/],
          ['superuser', /the role reckoner_app is a superuser/],
        ] as const) {
          await rawQueries(options, [`alter role reckoner_app ${attribute}`]);
          const refused = await openStore(options).catch((e: unknown) => e);
          expect(refused, attribute).toMatchObject({ code: 'unsupported', field: 'RECKONER_DATA_DIR' });
          expect((refused as Error).message, attribute).toMatch(words);
          expect((refused as Error).message, attribute).toMatch(/ALTER ROLE reckoner_app NOSUPERUSER NOBYPASSRLS/);
          await rawQueries(options, [`alter role reckoner_app no${attribute}`]);
        }
        expect(await readAsBob(options, caseId)).toBe('forbidden');
      } finally {
        await drop();
      }
    },
    60_000,
  );
});
