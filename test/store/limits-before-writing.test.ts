/**
 * A document that would take a case over its limit of rows is refused before any row of it is written
 * (store/repository/limits.ts refuseNewOverLimit): a probe's 240,000-line statement was written whole on PGlite, then
 * refused, holding the embedded database for everyone for half a minute. Whether a row was written is seen through
 * the import's progress, reported after each batch written: a refusal before writing reports none. Rows the case
 * holds already still do not count. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { bankStatement, cleanup, cmsStatement, documentInfo, DRIVERS, rawTransaction, refusalOf } from './helpers.ts';

afterAll(cleanup);

/** The error a call was refused with (its code and its one problem). */
async function refusal(call: Promise<unknown>): Promise<{ code: string; field: string; message: string }> {
  const error = await refusalOf(call);
  return { code: error.code, ...error.problems[0]! };
}

describe.each(DRIVERS)('a document over the limit on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;
  let empty: string;
  let full: string;

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
    store = await openStore(options);
    empty = (await store.createCase({ title: 'empty', side: 'paying' })).id;
    full = (await store.createCase({ title: 'nearly full', side: 'paying' })).id;
    await store.importParsed(full, documentInfo('first ten'), bankStatement({ count: 10, account: 'a' }));
    // 99,980 more bank lines by plain SQL: 99,990 in all.
    if (driver.name === 'pglite') await store.close();
    await rawTransaction(options, [
      `insert into transactions (case_id, organisation, fingerprint, date, amount, direction) select '${full}'::uuid, 'local', 'fill:' || g, date '2015-01-01' + (g % 3000), 1, 'out' from generate_series(1, 99980) as g`,
    ]);
    if (driver.name === 'pglite') store = await openStore(options);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('refuses a statement of more lines than a case may hold before writing any', async () => {
    const written: number[] = [];
    const big = bankStatement({ count: 100_001, account: 'big' });
    const refused = await refusal(store.importParsed(empty, documentInfo('big'), big, { onProgress: (n) => written.push(n) }));
    expect(refused).toEqual({
      code: 'too_large',
      field: 'parsed.transactions',
      message: expect.stringMatching(
        /^would take the case over its limit of 100,000 bank lines: it holds 0 and this adds 100,001 new; nothing of it was saved/,
      ),
    });
    expect(written).toEqual([]);
    expect((await store.getCase(empty)).counts).toMatchObject({ transactions: 0, documents: 0 });
  }, 120_000);

  it('counts the lines the case holds already: over the limit refused before writing, up to it taken', async () => {
    // The ten lines it holds, and fifteen new: 100,005.
    const written: number[] = [];
    const over = bankStatement({ count: 25, account: 'a' });
    const refused = await refusal(store.importParsed(full, documentInfo('over'), over, { onProgress: (n) => written.push(n) }));
    expect(refused).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^would take the case over its limit of 100,000 bank lines: it holds 99,990 and this adds 15 new;/),
    });
    expect(written).toEqual([]);
    expect((await store.getCase(full)).counts).toMatchObject({ transactions: 99_990, documents: 1 });

    // The ten it holds and ten new: exactly the limit.
    const upTo = bankStatement({ count: 20, account: 'a' });
    expect(await store.importParsed(full, documentInfo('up to'), upTo)).toMatchObject({ new: 10, alreadyThere: 10 });
    expect((await store.getCase(full)).counts).toMatchObject({ transactions: 100_000, documents: 2 });
  });

  it('refuses CMS entries over their limit before writing any', async () => {
    const written: number[] = [];
    // 10,001 weeks: 20,002 entries, over the 20,000 a case may hold.
    const refused = await refusal(
      store.importParsed(empty, documentInfo('cms'), cmsStatement({ weeks: 10_001 }), { onProgress: (n) => written.push(n) }),
    );
    expect(refused).toMatchObject({ code: 'too_large', field: 'parsed.cmsEntries' });
    expect(written).toEqual([]);
    expect((await store.getCase(empty)).counts).toMatchObject({ cmsEntries: 0, documents: 0 });
  });
});
