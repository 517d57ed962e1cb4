/**
 * The limits on rows per case (store/repository/limits.ts), on PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL is set. Cases are filled close to a limit with plain SQL (bypassing the store, as fast as
 * the database allows); then the store's own calls are refused whole when they would cross it, naming the limit,
 * both figures and what to do, and nothing of what they brought is kept.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import type { CaseCounts, CaseExport, CaseStore } from '../../store/types.ts';
import { bankStatement, cleanup, cmsStatement, documentInfo, DRIVERS, rawTransaction, refusalOf } from './helpers.ts';

afterAll(cleanup);

/** Why a call was refused: its code and its one problem. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; field: string; message: string }> {
  const error = await refusalOf(call);
  expect(error.problems).toHaveLength(1);
  return { code: error.code, ...error.problems[0]! };
}

/** Plain SQL adding `n` rows of a kind to a case (as the organisation "local", which the store acts for). */
function fill(kind: keyof CaseCounts, caseId: string, n: number): string {
  const c = `'${caseId}'::uuid, 'local'`;
  const rows = `from generate_series(1, ${n}) as g`;
  switch (kind) {
    case 'transactions':
      return `insert into transactions (case_id, organisation, fingerprint, date, amount, direction) select ${c}, 'fill:' || g, date '2015-01-01' + (g % 3000), 1, 'out' ${rows}`;
    case 'cmsEntries':
      return `insert into cms_entries (case_id, organisation, fingerprint, date, type, amount, origin) select ${c}, 'fill:' || g, date '2015-01-01' + (g % 3000), 'liability', 1, 'typed' ${rows}`;
    case 'evidence':
      return `insert into evidence (case_id, organisation, fingerprint, type, date, amount) select ${c}, 'fill:' || g, 'payslip_deduction', date '2015-01-01' + (g % 3000), 1 ${rows}`;
    case 'events':
      return `insert into events (case_id, organisation, type, date) select ${c}, 'call', date '2015-01-01' + (g % 3000) ${rows}`;
    case 'letters':
      return `insert into letters (case_id, organisation, type, version, content) select ${c}, 'fill', g, '{}'::jsonb ${rows}`;
    case 'decisions':
      return `insert into decisions (case_id, organisation, label, effective_date, weekly_amount) select ${c}, 'fill ' || g, date '2015-01-01' + g, 10 ${rows}`;
    case 'reconciliationRuns':
      return `insert into reconciliation_runs (case_id, organisation, inputs_hash, result) select ${c}, 'fill', '{}'::jsonb ${rows}`;
    case 'documents':
      return (
        `insert into documents (case_id, organisation, sha256, kind, format, size, parsed) select ${c}, encode(sha256(g::text::bytea), 'hex'), ` +
        `'bank_statement', 'csv', 0, '{"kind":"bank_statement","format":"csv","metadata":{},"checks":{},"warnings":[],"confidence":1,"rows":{"transactions":0,"cmsEntries":0}}'::jsonb ${rows}`
      );
    default:
      throw new Error(`no fill for ${kind}`);
  }
}

describe.each(DRIVERS)('rows per case on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;
  /** Cases filled close to a limit, by what the test does with them. */
  const ids: Record<string, string> = {};

  const counts = async (id: string): Promise<CaseCounts> => (await store.getCase(id)).counts;

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
    store = await openStore(options);
    const made = async (name: string) => (ids[name] = (await store.createCase({ title: name, side: 'paying' })).id);
    for (const name of ['bank', 'cms', 'evidence', 'single', 'racing imports', 'racing events']) await made(name);
    const statements = [
      fill('transactions', ids.bank!, 99_990),
      fill('cmsEntries', ids.cms!, 19_990),
      fill('evidence', ids.evidence!, 19_999),
      fill('events', ids.single!, 2_000),
      fill('letters', ids.single!, 2_000),
      fill('decisions', ids.single!, 500),
      fill('reconciliationRuns', ids.single!, 2_000),
      fill('documents', ids.single!, 2_000),
      fill('cmsEntries', ids['racing imports']!, 19_900),
      fill('events', ids['racing events']!, 1_998),
    ];
    // PGlite: one process holds the directory, so the store is closed while the rows go in.
    if (driver.name === 'pglite') await store.close();
    await rawTransaction(options, statements);
    if (driver.name === 'pglite') store = await openStore(options);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('refuses a bank statement that would take a case over 100,000 bank lines, keeping nothing of it', async () => {
    const id = ids.bank!;
    expect(await counts(id)).toMatchObject({ transactions: 99_990, documents: 0 });
    const twenty = bankStatement({ count: 20, account: 'twenty' });
    expect(await refusal(store.importParsed(id, documentInfo('twenty'), twenty))).toEqual({
      code: 'too_large',
      field: 'parsed.transactions',
      message:
        'would take the case over its limit of 100,000 bank lines: it holds 99,990 and this adds 20 new; nothing of it was saved. ' +
        'A case is one dispute: start a new case for the next period (create_case), or import only the accounts and periods the dispute needs',
    });
    // Nothing of it: not the rows, not the document.
    expect(await counts(id)).toMatchObject({ transactions: 99_990, documents: 0 });

    // Up to the limit is taken; lines already there add nothing, so the same statement again is not refused.
    const ten = bankStatement({ count: 10, account: 'ten' });
    expect(await store.importParsed(id, documentInfo('ten'), ten)).toMatchObject({ new: 10 });
    expect(await store.importParsed(id, documentInfo('ten'), ten)).toMatchObject({ new: 0, alreadyThere: 10 });
    expect(await counts(id)).toMatchObject({ transactions: 100_000, documents: 1 });
    // The other way in (rows already read) names its own field.
    const one = bankStatement({ count: 1, account: 'one' });
    const info = { ...documentInfo('one'), kind: one.kind, format: one.format };
    expect(await refusal(store.importRows(id, info, { transactions: one.transactions }))).toMatchObject({
      code: 'too_large',
      field: 'transactions',
      message: expect.stringMatching(/^would take the case over its limit of 100,000 bank lines: it holds 100,000 and this adds 1 new;/),
    });
    expect(await counts(id)).toMatchObject({ transactions: 100_000, documents: 1 });
  });

  it('refuses CMS entries and evidence over 20,000 each, typed in or imported', async () => {
    const cms = ids.cms!;
    const typed = Array.from({ length: 20 }, (_, i) => ({
      date: '2024-01-01',
      type: 'liability' as const,
      amount: '10.00',
      reference: `T${i}`,
    }));
    expect(await refusal(store.addCmsEntries(cms, typed))).toMatchObject({
      code: 'too_large',
      field: 'entries',
      message: expect.stringMatching(
        /^would take the case over its limit of 20,000 CMS entries: it holds 19,990 and this adds 20 new; nothing/,
      ),
    });
    expect(await refusal(store.importParsed(cms, documentInfo('cms'), cmsStatement({ weeks: 6 })))).toMatchObject({
      code: 'too_large',
      field: 'parsed.cmsEntries',
      message: expect.stringContaining('it holds 19,990 and this adds 12 new'),
    });
    expect(await counts(cms)).toMatchObject({ cmsEntries: 19_990, documents: 0 });
    expect(await store.addCmsEntries(cms, typed.slice(0, 10))).toMatchObject({ new: 10 });
    expect(await counts(cms)).toMatchObject({ cmsEntries: 20_000 });

    const ev = ids.evidence!;
    const items = [1, 2].map((n) => ({ type: 'payslip_deduction' as const, date: '2024-02-01', amount: '50.00', reference: `P${n}` }));
    expect(await refusal(store.addEvidence(ev, items))).toMatchObject({
      code: 'too_large',
      field: 'evidence',
      message: expect.stringMatching(
        /^would take the case over its limit of 20,000 items of evidence: it holds 19,999 and this adds 2 new;/,
      ),
    });
    expect(await counts(ev)).toMatchObject({ evidence: 19_999 });
    expect(await store.addEvidence(ev, items.slice(0, 1))).toMatchObject({ new: 1 });
    expect(await store.addEvidence(ev, items.slice(0, 1))).toMatchObject({ new: 0, alreadyThere: 1 });
    expect(await counts(ev)).toMatchObject({ evidence: 20_000 });
  });

  it('refuses one more event, letter, decision, reconciliation run or document at its limit', async () => {
    const id = ids.single!;
    const before = await counts(id);
    expect(before).toMatchObject({ events: 2_000, letters: 2_000, decisions: 500, reconciliationRuns: 2_000, documents: 2_000 });
    const refusals = [
      await refusal(store.recordEvent(id, { type: 'call', date: '2024-03-01' })),
      await refusal(store.saveLetter(id, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS' } })),
      await refusal(store.addDecision(id, { effectiveDate: '2030-01-01', weeklyAmount: '10.00' })),
      await refusal(store.saveReconciliation(id, { inputsHash: 'one more', result: {} })),
      await refusal(store.importParsed(id, documentInfo('one more'), bankStatement({ count: 1 }))),
    ];
    expect(refusals.map((r) => [r.code, r.field, /^would take the case over its limit of ([\d,]+ [a-z ]+):/.exec(r.message)?.[1]])).toEqual(
      [
        ['too_large', 'event', '2,000 events'],
        ['too_large', 'letter', '2,000 letter versions'],
        ['too_large', 'decision', '500 decisions'],
        ['too_large', 'result', '2,000 reconciliation runs'],
        ['too_large', 'document', '2,000 documents'],
      ],
    );
    // Marking a letter sent records its event: with the events full, the letter stays a draft.
    const [draft] = await store.letters(id);
    expect(
      await refusal(store.markLetterSent(id, draft!.id, { sentOn: '2024-03-01' }, { type: 'letter_sent', date: '2024-03-01' })),
    ).toMatchObject({
      code: 'too_large',
      field: 'event',
    });
    expect((await store.letter(id, draft!.id)).status).toBe('draft');
    expect(await counts(id)).toEqual(before);
  });

  it('refuses a case export that holds more than a case may, importing nothing', async () => {
    const source = await store.createCase({ title: 'source', side: 'paying', parties: [{ role: 'paying_parent', name: 'Pat' }] });
    await store.recordEvent(source.id, { type: 'call', date: '2024-03-01' });
    const exported = JSON.parse(JSON.stringify(await store.exportCase(source.id))) as CaseExport;
    const total = (await store.listCases()).total;
    const event = exported.events[0]!;
    const tooMany = { ...exported, events: Array.from({ length: 2_001 }, () => ({ ...event, id: randomUUID() })) };
    expect(await refusal(store.importCaseExport(tooMany, { asNew: true }))).toEqual({
      code: 'too_large',
      field: 'events',
      message:
        'the export holds 2,001 events, over the limit of 2,000 one case may hold; nothing was imported. ' +
        'Remove the events the dispute does not need from the export (or split it into cases by period) and import it again',
    });
    const party = exported.parties[0]!;
    const crowd = { ...exported, parties: Array.from({ length: 21 }, () => ({ ...party, id: randomUUID() })) };
    expect(await refusal(store.importCaseExport(crowd, { asNew: true }))).toMatchObject({
      code: 'too_large',
      field: 'parties',
      message: expect.stringMatching(/^the export holds 21 parties, over the limit of 20 /),
    });
    expect((await store.listCases()).total).toBe(total);
    // At the limit it comes in.
    const atLimit = { ...exported, events: tooMany.events.slice(0, 2_000) };
    const imported = await store.importCaseExport(atLimit, { asNew: true });
    expect(imported.counts.events).toBe(2_000);
  });

  it('lets concurrent adds to one case reach the limit but never pass it', async () => {
    // Two imports at once, each of 60 new CMS entries, into a case with room for 100: one is refused whole.
    const id = ids['racing imports']!;
    const statement = (name: string) => {
      const s = cmsStatement({ weeks: 30, from: '2030-01-07' });
      return { ...s, cmsEntries: s.cmsEntries.map((e) => ({ ...e, fingerprint: `${name}:${e.fingerprint}` })) };
    };
    const results = await Promise.allSettled(['a', 'b'].map((n) => store.importParsed(id, documentInfo(`race ${n}`), statement(n))));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected')!.reason as { code: string; message: string };
    expect(refused).toMatchObject({ code: 'too_large', message: expect.stringContaining('it holds 19,960 and this adds 60 new') });
    expect(await counts(id)).toMatchObject({ cmsEntries: 19_960, documents: 1 });

    // Five events at once into a case with room for two: two are recorded, three refused.
    const events = ids['racing events']!;
    const recorded = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((d) => store.recordEvent(events, { type: 'call', date: `2024-04-0${d}` })),
    );
    expect(recorded.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(recorded.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual([
      'too_large',
      'too_large',
      'too_large',
    ]);
    expect(await counts(events)).toMatchObject({ events: 2_000 });
  });
});

describe.each(DRIVERS)('original files kept per case on $name', (driver) => {
  // A case may keep 1 GiB of original files (MAX_KEPT_FILE_BYTES; a security audit found 2,000 documents of 20 MB
  // could keep 40 GB in one). Here the limit is 3,000 bytes, so that files of 1,200 bytes reach it on the third.
  const file = (n: number) => new Uint8Array(1_200).fill(n);

  it('refuses a file that would take the case over it, keeping nothing of that import, and takes the rows without the file', async () => {
    const { options, drop } = await driver.fresh();
    const store = await openStore({ ...options, maxKeptFileBytes: 3_000 });
    try {
      const c = await store.createCase({ title: 'files', side: 'paying' });
      const statement = (n: number) => {
        const s = bankStatement({ count: 3, seed: n, account: `files ${n}` });
        return s;
      };
      await store.importParsed(c.id, documentInfo(file(1), { keep: true }), statement(1));
      await store.importParsed(c.id, documentInfo(file(2), { keep: true }), statement(2));
      const before = (await store.getCase(c.id)).counts;
      // 2 × 1,200 stored (each a little more sealed, never less) + 1,200 > 3,000.
      const refused = await refusal(store.importParsed(c.id, documentInfo(file(3), { keep: true }), statement(3)));
      expect(refused).toMatchObject({ code: 'too_large', field: 'document.original' });
      expect(refused.message).toMatch(
        /^would take the original files this case keeps over their limit of 1 MB: it keeps 1 MB and this is 1 MB; nothing of it was saved\. Import it without keeping the original/,
      );
      expect((await store.getCase(c.id)).counts).toEqual(before);
      // The same statement without its file comes in.
      const plain = await store.importParsed(c.id, documentInfo(file(3)), statement(3));
      expect(plain.new).toBe(3);

      // An export whose files come to more than the limit is refused before anything is imported.
      const exported = JSON.parse(JSON.stringify(await store.exportCase(c.id))) as CaseExport;
      const total = (await store.listCases()).total;
      const big = {
        ...exported,
        documents: exported.documents.map((d) => ({ ...d, originalBase64: Buffer.from(file(9)).toString('base64') })),
      };
      expect(await refusal(store.importCaseExport(big, { asNew: true }))).toMatchObject({ code: 'too_large', field: 'documents' });
      expect((await store.listCases()).total).toBe(total);
    } finally {
      await store.close();
      await drop();
    }
  }, 60_000);
});

describe.each(DRIVERS)('cases per organisation on $name', (driver) => {
  // Each case is limited above, so without this one organisation could still fill the store for every other one.
  // Here the limit is 2 (maxCasesPerOrganisation; the default is 20,000).
  const A = { id: 'alice@advice-a', organisation: 'org-a' };
  const B = { id: 'bob@advice-b', organisation: 'org-b' };

  it('refuses a third case of the same organisation, keeps nothing of it, and leaves other organisations their own', async () => {
    const { options, drop } = await driver.fresh();
    const store = await openStore({ ...options, maxCasesPerOrganisation: 2 });
    try {
      const a = store.as(A);
      const first = await a.createCase({ title: 'one', side: 'paying' });
      await a.createCase({ title: 'two', side: 'paying' });
      const refused = await refusal(a.createCase({ title: 'three', side: 'paying' }));
      expect(refused).toMatchObject({ code: 'too_large', field: '(organisation)' });
      expect(refused.message).toBe(
        'this organisation keeps 2 cases, the most one organisation may keep on this server (2); nothing was saved. ' +
          'Delete the cases it no longer needs (delete_case, after export_case if they are to be kept elsewhere), ' +
          'or ask whoever runs this server to raise the limit (RECKONER_MAX_CASES)',
      );
      expect((await a.listCases()).total).toBe(2);
      // An export imported as a new case counts the same way.
      const exported = await a.exportCase(first.id);
      expect(await refusal(a.importCaseExport(exported, { asNew: true }))).toMatchObject({ code: 'too_large', field: '(organisation)' });
      expect((await a.listCases()).total).toBe(2);
      // Another organisation's cases are its own count.
      const b = store.as(B);
      await b.createCase({ title: 'b one', side: 'receiving' });
      await b.createCase({ title: 'b two', side: 'receiving' });
      expect((await b.listCases()).total).toBe(2);
      // A deleted case makes room again.
      await a.deleteCase(first.id);
      await a.importCaseExport(exported, { asNew: true });
      expect((await a.listCases()).total).toBe(2);
    } finally {
      await store.close();
      await drop();
    }
  }, 60_000);

  it('with a limit of one, says "1 case"', async () => {
    const { options, drop } = await driver.fresh();
    const store = await openStore({ ...options, maxCasesPerOrganisation: 1 });
    try {
      await store.createCase({ title: 'one', side: 'paying' });
      expect((await refusal(store.createCase({ title: 'two', side: 'paying' }))).message).toMatch(
        /^this organisation keeps 1 case, the most one organisation may keep on this server \(1\); nothing was saved\./,
      );
    } finally {
      await store.close();
      await drop();
    }
  }, 60_000);

  it('of six cases asked for at once with room for one more, makes exactly one', async () => {
    const { options, drop } = await driver.fresh();
    const store = await openStore({ ...options, maxCasesPerOrganisation: 2 });
    try {
      const a = store.as(A);
      await a.createCase({ title: 'one', side: 'paying' });
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => a.createCase({ title: `at once ${i}`, side: 'paying' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((x) => x.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'too_large' });
      expect((await a.listCases()).total).toBe(2);
    } finally {
      await store.close();
      await drop();
    }
  }, 60_000);
});

describe('RECKONER_MAX_CASES', () => {
  it('sets the most cases one organisation may keep, or is refused naming itself', () => {
    expect(storeOptionsFromEnv({ RECKONER_MAX_CASES: ' 500 ', RECKONER_DATA_DIR: '/tmp/x' })).toEqual({
      dataDir: '/tmp/x',
      maxCasesPerOrganisation: 500,
    });
    expect(storeOptionsFromEnv({ RECKONER_DATA_DIR: '/tmp/x' })).toEqual({ dataDir: '/tmp/x' });
    for (const bad of ['0', '-3', '1e4', 'lots', '2.5'])
      expect(() => storeOptionsFromEnv({ RECKONER_MAX_CASES: bad, RECKONER_DATA_DIR: '/tmp/x' })).toThrow(
        `RECKONER_MAX_CASES: must be a whole number of cases from 1 to 999,999,999 (got "${bad}"); unset it for the default of 20,000 per organisation`,
      );
  });
});
