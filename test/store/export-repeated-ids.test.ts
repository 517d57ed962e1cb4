/**
 * A crafted case export whose rows repeat an id (a security probe's): refused naming both rows, and nothing kept.
 * Before, a repeated CMS entry id was refused as "an id of a row in the export ... is already taken in this store"
 * (it was taken only by the export's own earlier row), and two events of one id were kept as one, without a word.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, DRIVERS, sampleCase } from './helpers.ts';

afterAll(cleanup);

describe.each(DRIVERS)('an export whose rows repeat an id, on $name', (driver) => {
  let store: CaseStore;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const fresh = await driver.fresh();
    drop = fresh.drop;
    store = await openStore(fresh.options);
  }, 60_000);

  afterEach(async () => {
    await store?.close();
    await drop?.();
  });

  /** An export of a case with two CMS entries and two events, with fresh ids (as another Reckoner's would be). */
  async function exported() {
    const made = await sampleCase(store);
    await store.addCmsEntries(made.id, [
      { date: '2024-01-05', type: 'payment_received', amount: '100.00' },
      { date: '2024-02-05', type: 'payment_received', amount: '100.00' },
    ]);
    await store.recordEvent(made.id, { type: 'letter_received', date: '2024-03-01' });
    await store.recordEvent(made.id, { type: 'letter_received', date: '2024-04-01' });
    const doc = structuredClone(await store.exportCase(made.id)) as unknown as Record<string, any>;
    await store.deleteCase(made.id);
    return doc;
  }

  it('refuses two CMS entries of one id, naming both, and keeps nothing', async () => {
    const doc = await exported();
    doc.cmsEntries[1].id = doc.cmsEntries[0].id;
    const before = (await store.listCases({})).total;
    const refused = await store.importCaseExport(doc).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input' });
    expect((refused as Error).message).toBe(
      'cmsEntries[1].id: repeats the id of cmsEntries[0]; each row of an export has an id of its own',
    );
    expect((await store.listCases({})).total).toBe(before);
  });

  it('refuses two events of one id rather than keeping one of them', async () => {
    const doc = await exported();
    doc.events[1].id = doc.events[0].id;
    await expect(store.importCaseExport(doc)).rejects.toThrow('events[1].id: repeats the id of events[0]');
    // As a new case too: the repeat is in the export, whatever ids it is given.
    await expect(store.importCaseExport(doc, { asNew: true })).rejects.toThrow('events[1].id: repeats the id of events[0]');
  });
});
