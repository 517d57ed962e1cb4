/**
 * Records added to a case by mistake, removed by id (store/repository/removal.ts). A journey probe (6 December 2026)
 * found nothing could take out a decision typed twice or a CMS line typed wrong. On PGlite always, on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { bankDocument, cleanup, DRIVERS, refusalOf, sampleCase } from './helpers.ts';

afterAll(cleanup);

describe.each(DRIVERS)('removing records on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
    store = await openStore(options);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('takes out a CMS line typed wrong, an item of evidence, a decision and a document with its rows; the rest stays', async () => {
    const c = await sampleCase(store, 'Corrected');
    const typed = await store.addCmsEntries(c.id, [
      { date: '2024-02-03', type: 'direct_payment', amount: '600.00' }, // meant 60.00
      { date: '2024-03-03', type: 'direct_payment', amount: '60.00' },
    ]);
    const evidence = await store.addEvidence(c.id, [{ type: 'payslip_deduction', date: '2024-02-28', amount: '50.00', from: 'Acme Ltd' }]);
    const bank = await store.importRows(c.id, bankDocument('wrong account'), {
      transactions: [1, 2, 3].map((n) => ({
        fingerprint: `bank:${n}`,
        date: `2024-02-0${n}`,
        amount: `${n}0.00`,
        direction: 'out' as const,
      })),
    });
    const decisions = await store.decisions(c.id);
    expect(decisions).toHaveLength(2);

    const wrong = typed.rows[0]!.id;
    const removed = await store.removeRecords(c.id, [wrong, evidence.rows[0]!.id, bank.documentId, decisions[1]!.id]);
    expect(removed).toEqual([
      { id: wrong, kind: 'cms_entry' },
      { id: evidence.rows[0]!.id, kind: 'evidence' },
      { id: bank.documentId, kind: 'document', rows: 3 },
      { id: decisions[1]!.id, kind: 'decision' },
    ]);
    const detail = await store.getCase(c.id);
    expect(detail.counts).toMatchObject({ decisions: 1, documents: 0, transactions: 0, cmsEntries: 1, evidence: 0 });
    expect((await store.cmsEntries(c.id)).map((e) => e.amount)).toEqual(['60.00']);
    // The line typed right can now be added; the audit log says records were removed, and nothing of what they held.
    expect((await store.addCmsEntries(c.id, [{ date: '2024-02-03', type: 'direct_payment', amount: '60.00' }])).new).toBe(1);
    const audit = await store.auditLog(c.id);
    expect(audit.map((a) => a.action)).toContain('records_removed');
    expect(JSON.stringify(audit)).not.toContain('600.00');
  });

  it('refuses an id that is not the case’s, naming it, and removes nothing', async () => {
    const c = await sampleCase(store, 'Mine');
    const other = await sampleCase(store, 'Another');
    const mine = (await store.addCmsEntries(c.id, [{ date: '2024-02-03', type: 'direct_payment', amount: '60.00' }])).rows[0]!.id;
    const theirs = (await store.addCmsEntries(other.id, [{ date: '2024-02-03', type: 'direct_payment', amount: '60.00' }])).rows[0]!.id;
    const refusal = await refusalOf(store.removeRecords(c.id, [mine, theirs]));
    expect(refusal).toMatchObject({ problems: [{ field: 'ids[1]' }] });
    expect(refusal.problems[0]!.message).toMatch(
      /is no decision, document, bank transaction, CMS entry, evidence item or event of this case/,
    );
    expect((await store.cmsEntries(c.id)).map((e) => e.id)).toEqual([mine]);
    expect((await store.cmsEntries(other.id)).map((e) => e.id)).toEqual([theirs]);
    expect(await refusalOf(store.removeRecords(c.id, [mine, mine.toUpperCase()]))).toMatchObject({ problems: [{ field: 'ids[1]' }] });
    expect(await refusalOf(store.removeRecords(c.id, []))).toMatchObject({ problems: [{ field: 'ids' }] });
  });

  it('keeps an event that records a letter’s sending, or that another event answers unless both go', async () => {
    const c = await sampleCase(store, 'Events');
    const asked = await store.recordEvent(c.id, { type: 'breakdown_requested', date: '2024-03-01' });
    const reply = await store.recordEvent(c.id, { type: 'breakdown_received', date: '2024-03-20', answers: asked.id });
    expect(await refusalOf(store.removeRecords(c.id, [asked.id]))).toMatchObject({ problems: [{ field: 'ids[0]' }] });
    const letter = await store.saveLetter(c.id, { type: 'account_breakdown_request', content: { body: 'Dear CMS' } });
    const { event: sending } = await store.markLetterSent(
      c.id,
      letter.id,
      { sentOn: '2024-03-02', method: 'post' },
      { type: 'letter_sent', date: '2024-03-02' },
    );
    expect(await refusalOf(store.removeRecords(c.id, [sending.id]))).toMatchObject({ problems: [{ field: 'ids[0]' }] });
    expect(await store.removeRecords(c.id, [asked.id, reply.id])).toEqual([
      { id: asked.id, kind: 'event' },
      { id: reply.id, kind: 'event' },
    ]);
    expect((await store.events(c.id)).map((e) => e.id)).toEqual([sending.id]);
  });
});
