/**
 * What a case holds besides imported statements, and what is counted of it: typed-in CMS entries and evidence,
 * letters from draft to sent, events in calc's vocabulary with calc's deadlines, the counts a list of cases
 * shows, and the export (version 2, and version 1 upgraded). On PGlite always, on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileFromRecords } from '../../cases/inputs.ts';
import { InputError } from '../../calc/errors.ts';
import { StoreError } from '../../store/errors.ts';
import { openStore } from '../../store/open.ts';
import type { CaseExport, CaseStore, Deadline, TypedCmsEntryInput } from '../../store/types.ts';
import { bankDocument, cleanup, documentInfo, DRIVERS, earlierMigrations, migrateWith, rawTransaction, sampleCase } from './helpers.ts';

afterAll(cleanup);

/** A deadline in calc's shape: a decision letter of 1 August 2024 + 30 days = 31 August 2024. */
const MR_LAST_DAY: Deadline = {
  id: 'mr_last_day',
  label: 'Last day to ask for a mandatory reconsideration',
  date: '2024-08-31',
  basis: '30 days after the date of the decision letter, 1 August 2024.',
  citation: 'Child Support Maintenance Calculation Regulations 2012 reg 14(1)(a)',
  href: 'https://www.legislation.gov.uk/uksi/2012/2677/regulation/14',
  kind: 'last_day',
};

/** A reply CMS owes: 2 September 2024 + 28 days = 30 September 2024. */
const MR_CHASE: Deadline = {
  id: 'mr_chase',
  label: 'Chase CMS if there is no mandatory reconsideration notice',
  date: '2024-09-30',
  basis: '28 days after the request was sent, 2 September 2024.',
  citation: 'Reckoner rule: follow up a month after a request',
  kind: 'chase',
};

/** Three lines typed from a CMS letter: a liability, a payment CMS recorded, and a fee. */
const TYPED: TypedCmsEntryInput[] = [
  { date: '2024-02-01', type: 'liability', amount: '100.00', description: 'Maintenance due' },
  { date: '2024-02-03', type: 'direct_payment', amount: '60.00', reference: 'DP-1' },
  { date: '2024-02-05', type: 'collection_fee', amount: '4.00', creditor: 'secretary_of_state', caseReference: '1234 5678 9012' },
];

describe.each(DRIVERS)('case records on $name', (driver) => {
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

  it('counts exactly what the case holds, in list_cases and get_case', async () => {
    const c = await sampleCase(store, 'Counted');
    const other = await sampleCase(store, 'Not counted with it');
    // Document 1: 5 bank transactions; document 2: 3 CMS entries with their places in the PDF.
    const bank = await store.importRows(c.id, bankDocument('counted bank'), {
      transactions: [1, 2, 3, 4, 5].map((n) => ({
        fingerprint: `bank:${n}`,
        date: `2024-02-0${n}`,
        amount: `${n}0.00`,
        direction: 'out' as const,
        description: `SHOP ${n}`,
        source: { line: n + 1 },
      })),
    });
    expect(bank).toMatchObject({ new: 5, transactions: { new: 5, alreadyThere: 0 }, cmsEntries: { new: 0, alreadyThere: 0 } });
    const cms = await store.importRows(
      c.id,
      { ...documentInfo('counted cms'), kind: 'cms_statement', format: 'pdf' },
      {
        cmsEntries: [1, 2, 3].map((n) => ({
          fingerprint: `cms:${n}`,
          date: `2024-02-0${n}`,
          type: 'liability' as const,
          amount: '100.00',
          description: 'Maintenance due',
          source: { page: 2, line: 10 + n },
        })),
      },
    );
    expect(cms.cmsEntries).toEqual({ new: 3, alreadyThere: 0 });
    await store.addEvidence(c.id, [
      { type: 'payslip_deduction', date: '2024-02-28', amount: '50.00', from: 'Acme Ltd' },
      { type: 'benefit_deduction', date: '2024-02-14', amount: '8.00', from: 'Universal Credit' },
    ]);
    await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS' } });
    // The other case holds one document of 1 row: nothing of it is counted with the first.
    await store.importRows(other.id, bankDocument('other bank'), {
      transactions: [{ fingerprint: 'o:1', date: '2024-01-01', amount: '1.00', direction: 'in' }],
    });

    const listed = await store.listCases({ limit: 500 });
    expect(listed.cases.find((x) => x.id === c.id)!.counts).toEqual({
      documents: 2,
      transactions: 5,
      cmsEntries: 3,
      evidence: 2,
      letters: 1,
    });
    expect(listed.cases.find((x) => x.id === other.id)!.counts).toEqual({
      documents: 1,
      transactions: 1,
      cmsEntries: 0,
      evidence: 0,
      letters: 0,
    });
    const detail = await store.getCase(c.id);
    expect(detail.counts).toEqual({
      parties: 2,
      children: 1,
      decisions: 2,
      documents: 2,
      transactions: 5,
      cmsEntries: 3,
      evidence: 2,
      events: 0,
      letters: 1,
      reconciliationRuns: 0,
    });
    expect(detail.ranges).toEqual({
      transactions: { from: '2024-02-01', to: '2024-02-05' },
      cmsEntries: { from: '2024-02-01', to: '2024-02-03' },
    });
    // Where each row is printed comes back as it was given.
    expect((await store.transactions(c.id)).map((r) => r.source)).toEqual([2, 3, 4, 5, 6].map((line) => ({ line })));
    expect((await store.cmsEntries(c.id)).map((r) => [r.origin, r.source])).toEqual([
      ['document', { page: 2, line: 11 }],
      ['document', { page: 2, line: 12 }],
      ['document', { page: 2, line: 13 }],
    ]);
    // Everything the case service needs, in one read: the same rows, and no withheld address.
    const records = await store.caseRecords(c.id);
    expect({
      parties: records.parties.length,
      documents: records.documents.length,
      transactions: records.transactions.length,
      cmsEntries: records.cmsEntries.length,
      evidence: records.evidence.length,
      letters: records.letters.length,
    }).toEqual({ parties: 2, documents: 2, transactions: 5, cmsEntries: 3, evidence: 2, letters: 1 });
    expect(records.case).toMatchObject({ id: c.id, title: 'Counted', reference: '123456789012', frequency: 'weekly' });
    expect(records.decisions.map((d) => d.label)).toEqual(['initial', 'review 2024']);
    expect(await store.decisions(c.id)).toEqual(records.decisions);
    expect(records.letters[0]).not.toHaveProperty('content');
    expect(JSON.stringify(records)).not.toContain('Secret Street');
    expect(records.latestReconciliation).toBeUndefined();
    // Typed CMS entries are CMS entries: 3 from the PDF + 3 typed = 6.
    await store.addCmsEntries(c.id, TYPED);
    expect((await store.listCases({ limit: 500 })).cases.find((x) => x.id === c.id)!.counts.cmsEntries).toBe(6);
  });

  it('refuses a bad row of importRows naming it, and writes none of the document', async () => {
    const c = await sampleCase(store, 'Bad rows');
    const error = await store
      .importRows(c.id, bankDocument('bad rows'), {
        transactions: [
          { fingerprint: 'a', date: '2024-01-01', amount: '1.00', direction: 'out' },
          { fingerprint: 'b', date: '2024-01-02', amount: '1.00', direction: 'out', source: { page: 0, line: 3 } },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('transactions[1].source.page: must be a whole number from 1 to 100,000');
    await expect(store.importRows(c.id, { ...bankDocument('no kind'), kind: '' }, {})).rejects.toThrow(
      /^document\.kind: must not be empty/,
    );
    expect((await store.getCase(c.id)).counts).toMatchObject({ documents: 0, transactions: 0 });
  });

  it('adds typed CMS entries once by their content, audited, and hands them to reconciliation', async () => {
    const c = await sampleCase(store, 'Typed entries');
    const before = await store.getCase(c.id);
    const first = await store.addCmsEntries(c.id, TYPED);
    expect(first).toMatchObject({ new: 3, alreadyThere: 0 });
    expect(first.rows.map((r) => [r.origin, r.date, r.type, r.amount, r.documentId, r.source])).toEqual([
      ['typed', '2024-02-01', 'liability', '100.00', undefined, undefined],
      ['typed', '2024-02-03', 'direct_payment', '60.00', undefined, undefined],
      ['typed', '2024-02-05', 'collection_fee', '4.00', undefined, undefined],
    ]);
    // The case reference is kept as its 12 digits, and the creditor as given.
    expect(first.rows[2]).toMatchObject({ creditor: 'secretary_of_state', caseReference: '123456789012' });
    // The same call again adds nothing and gives back the rows as they were stored.
    const again = await store.addCmsEntries(c.id, TYPED);
    expect(again).toMatchObject({ new: 0, alreadyThere: 3 });
    expect(again.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    // One new line with two already there: 1 new, 2 already there.
    const more = await store.addCmsEntries(c.id, [TYPED[0]!, { ...TYPED[0]!, occurrence: 2 }, TYPED[1]!]);
    expect(more).toMatchObject({ new: 1, alreadyThere: 2 });
    expect(more.rows[1]!.id).not.toBe(more.rows[0]!.id);

    const stored = await store.cmsEntries(c.id);
    expect(stored).toHaveLength(4); // 3 + the second occurrence
    expect(stored.every((e) => e.origin === 'typed')).toBe(true);
    const input = reconcileFromRecords(await store.caseRecords(c.id), { asOf: '2024-02-29' });
    expect(input.cmsEntries?.map((e) => [e.date, e.type, e.amount])).toEqual([
      ['2024-02-01', 'liability', '100.00'],
      ['2024-02-01', 'liability', '100.00'],
      ['2024-02-03', 'direct_payment', '60.00'],
      ['2024-02-05', 'collection_fee', '4.00'],
    ]);
    expect(input.cmsEntries?.[3]).toMatchObject({ creditor: 'secretary_of_state', caseReference: '123456789012' });

    const after = await store.getCase(c.id);
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual([
      'case_created',
      'cms_entries_added',
      'cms_entries_readded',
      'cms_entries_added',
    ]);
  });

  it('keeps arrears carried from the CSA (by creditor, a credit balance negative) and write-offs, and a CSA decision at its stated amount', async () => {
    const c = await sampleCase(store, 'CSA arrears');
    const added = await store.addCmsEntries(c.id, [
      { date: '2018-06-30', type: 'opening_balance', amount: '2500.00', creditor: 'receiving_parent' },
      { date: '2018-06-30', type: 'opening_balance', amount: '500.00', creditor: 'secretary_of_state' },
      { date: '2018-07-31', type: 'opening_balance', amount: '-12.50', description: 'credit carried from CSA' },
      { date: '2019-02-21', type: 'write_off', amount: '1000.00' },
    ]);
    expect(added.rows.map((r) => [r.type, r.amount, r.creditor])).toEqual([
      ['opening_balance', '2500.00', 'receiving_parent'],
      ['opening_balance', '500.00', 'secretary_of_state'],
      ['opening_balance', '-12.50', undefined],
      ['write_off', '1000.00', undefined],
    ]);
    await expect(store.addCmsEntries(c.id, [{ date: '2019-02-21', type: 'write_off', amount: '-1.00' }])).rejects.toThrow(
      /^entries\[0\]\.amount: /,
    );
    const d = await store.addDecision(c.id, { label: 'csa_1999', effectiveDate: '1999-04-05', weeklyAmount: '27.15' });
    expect(d).toMatchObject({ effectiveDate: '1999-04-05', weeklyAmount: '27.15' });
  });

  it('refuses typed CMS entries that cannot be right, naming the line and the field, quoting nothing', async () => {
    const c = await sampleCase(store, 'Typed refusals');
    const twice = await store.addCmsEntries(c.id, [TYPED[0]!, TYPED[1]!, { ...TYPED[0]! }]).catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(InputError);
    expect((twice as InputError).field).toBe('entries[2]');
    expect((twice as Error).message).toMatch(/^entries\[2\]: is the same line as entries\[0\] .*give the second "occurrence": 2/);
    await expect(store.addCmsEntries(c.id, [{ ...TYPED[0]!, amount: 'PRIVATE 12' }])).rejects.toThrow(
      /^entries\[0\]\.amount: must be an amount of money in pounds, such as "62\.86"$/,
    );
    await expect(store.addCmsEntries(c.id, [TYPED[1]!, { ...TYPED[1]!, type: 'payment' as never }])).rejects.toThrow(
      /^entries\[1\]\.type: must be one of liability, /,
    );
    await expect(store.addCmsEntries(c.id, [{ ...TYPED[1]!, chargeType: 'liability_order' }])).rejects.toThrow(
      /^entries\[0\]\.chargeType: is only for an enforcement_charge/,
    );
    await expect(store.addCmsEntries(c.id, [{ ...TYPED[0]!, amout: '1.00' } as TypedCmsEntryInput])).rejects.toThrow(
      /^entries\[0\]\.amout: is not a field of a CMS entry; remove it or check the spelling/,
    );
    await expect(store.addCmsEntries(c.id, [])).rejects.toThrow(/^entries: give at least one CMS entry/);
    // Nothing of any refused call was kept.
    expect((await store.getCase(c.id)).counts.cmsEntries).toBe(0);
    expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual(['case_created']);
  });

  it('adds evidence once by its content and hands it, with any given, to reconciliation', async () => {
    const c = await sampleCase(store, 'Evidence');
    const items = [
      { type: 'payslip_deduction' as const, date: '2024-03-28', amount: '50.00', from: 'Acme Ltd', source: 'payslip of 28 March 2024' },
      { type: 'declared_payment' as const, date: '2024-03-02', amount: 20, description: 'cash, receipt kept' },
    ];
    const first = await store.addEvidence(c.id, items);
    expect(first).toMatchObject({ new: 2, alreadyThere: 0 });
    expect(first.rows[0]).toMatchObject({
      type: 'payslip_deduction',
      date: '2024-03-28',
      amount: '50.00',
      from: 'Acme Ltd',
      source: 'payslip of 28 March 2024',
    });
    expect(first.rows[1]).toMatchObject({ amount: '20.00', description: 'cash, receipt kept' });
    // Where it is shown is a note, not part of the item: the same deduction from another copy is already there.
    const again = await store.addEvidence(c.id, [{ ...items[0]!, source: 'second copy of the payslip' }]);
    expect(again).toMatchObject({ new: 0, alreadyThere: 1 });
    expect(again.rows[0]!.id).toBe(first.rows[0]!.id);
    // In date order: 2 March before 28 March.
    expect((await store.evidence(c.id)).map((e) => e.date)).toEqual(['2024-03-02', '2024-03-28']);
    // 2 kept with the case + 1 given with the request = 3.
    const input = reconcileFromRecords(await store.caseRecords(c.id), {
      asOf: '2024-03-31',
      evidence: [{ id: 'given-1', type: 'benefit_deduction', date: '2024-03-15', amount: '8.00' }],
    });
    expect(input.evidence?.map((e) => [e.type, e.date, e.amount])).toEqual([
      ['declared_payment', '2024-03-02', '20.00'],
      ['payslip_deduction', '2024-03-28', '50.00'],
      ['benefit_deduction', '2024-03-15', '8.00'],
    ]);
    await expect(store.addEvidence(c.id, [{ ...items[0]!, type: 'payslip' as never }])).rejects.toThrow(
      /^evidence\[0\]\.type: must be one of payslip_deduction, benefit_deduction, declared_payment$/,
    );
    await expect(store.addEvidence(c.id, [items[1]!, items[1]!])).rejects.toThrow(/^evidence\[1\]: is the same item as evidence\[0\]/);
    await expect(store.addEvidence(c.id, [{ ...items[1]!, amount: '-1.00' }])).rejects.toThrow(
      /^evidence\[0\]\.amount: must not be negative: give the amount as a positive number \(the type or direction says which way it went\)$/,
    );
    expect((await store.getCase(c.id)).counts.evidence).toBe(2);
    expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual(['case_created', 'evidence_added', 'evidence_readded']);
  });

  it('keeps a letter as a draft until it is marked sent, once, with the event of its sending', async () => {
    const c = await sampleCase(store, 'Letters');
    const v1 = await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'first draft' } });
    const v2 = await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'second draft' } });
    expect([v1.version, v1.status, v2.version, v2.status]).toEqual([1, 'draft', 2, 'draft']);
    const sent = await store.markLetterSent(
      c.id,
      v2.id,
      { sentOn: '2024-09-02', method: 'recorded_delivery' },
      { type: 'mr_sent', date: '2024-09-02', summary: 'Sent the MR request', deadlines: [MR_CHASE] },
    );
    expect(sent.letter).toEqual({ ...v2, status: 'sent', sentOn: '2024-09-02', method: 'recorded_delivery', content: undefined });
    expect(sent.event).toMatchObject({ type: 'mr_sent', date: '2024-09-02', letterId: v2.id, deadlines: [MR_CHASE] });

    const twice = await store
      .markLetterSent(c.id, v2.id, { sentOn: '2024-09-03' }, { type: 'letter_sent', date: '2024-09-03' })
      .catch((e: unknown) => e);
    expect(twice).toBeInstanceOf(StoreError);
    expect(twice).toMatchObject({ code: 'conflict', field: 'letterId' });
    expect((twice as Error).message).toContain(v2.id);
    const unknown = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const missing = await store
      .markLetterSent(c.id, unknown, { sentOn: '2024-09-03' }, { type: 'letter_sent', date: '2024-09-03' })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found', field: 'letterId' });
    expect((missing as Error).message).toContain(unknown);
    await expect(store.letter(c.id, unknown)).rejects.toMatchObject({ code: 'not_found', field: 'letterId' });
    await expect(store.markLetterSent(c.id, v1.id, { sentOn: '2024-13-01' }, { type: 'letter_sent', date: '2024-09-03' })).rejects.toThrow(
      /^sending\.sentOn: must be a real date/,
    );
    // Neither refusal changed anything: one event, one letter sent.
    expect((await store.events(c.id)).map((e) => e.type)).toEqual(['mr_sent']);

    const summaries = await store.letters(c.id);
    expect(summaries.map((l) => [l.version, l.status, l.sentOn ?? null])).toEqual([
      [1, 'draft', null],
      [2, 'sent', '2024-09-02'],
    ]);
    expect(summaries[0]).not.toHaveProperty('content');
    expect((await store.letters(c.id, { content: true })).map((l) => l.content)).toEqual([
      { body: 'first draft' },
      { body: 'second draft' },
    ]);
    expect(await store.letter(c.id, v2.id)).toMatchObject({
      status: 'sent',
      method: 'recorded_delivery',
      content: { body: 'second draft' },
    });
    expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual(['case_created', 'letter_saved', 'letter_saved', 'letter_sent']);
  });

  it('keeps events in calc’s vocabulary with calc’s deadlines, and links only within the case', async () => {
    const c = await sampleCase(store, 'Events');
    const other = await sampleCase(store, 'Another case');
    const decision = await store.recordEvent(c.id, {
      type: 'decision_letter_received',
      date: '2024-08-01',
      summary: 'Annual review decision',
      deadlines: [MR_LAST_DAY],
    });
    expect(decision.deadlines).toEqual([MR_LAST_DAY]);
    const reply = await store.recordEvent(c.id, { type: 'mr_notice_received', date: '2024-10-01', answers: decision.id });
    expect(reply).toMatchObject({ answers: decision.id, deadlines: [] });
    expect(await store.events(c.id)).toEqual([decision, reply]);
    expect((await store.getCase(c.id)).events).toEqual([decision, reply]);

    const elsewhere = await store.recordEvent(other.id, { type: 'note', date: '2024-01-01' });
    const otherLetter = await store.saveLetter(other.id, { type: 'complaint', content: {} });
    await expect(store.recordEvent(c.id, { type: 'note', date: '2024-10-02', answers: elsewhere.id })).rejects.toThrow(
      /^answers: is not an event of this case/,
    );
    await expect(store.recordEvent(c.id, { type: 'letter_sent', date: '2024-10-02', letterId: otherLetter.id })).rejects.toThrow(
      /^letterId: is not a letter of this case/,
    );
    await expect(store.recordEvent(c.id, { type: 'note', date: '2024-10-02', answers: 'nope' })).rejects.toThrow(/^answers: is not an id/);
    // The earlier vocabulary and deadline shape are refused, naming what to give.
    await expect(store.recordEvent(c.id, { type: 'decision' as never, date: '2024-10-02' })).rejects.toThrow(
      /^type: must be one of decision_letter_received, /,
    );
    const old = await store
      .recordEvent(c.id, { type: 'note', date: '2024-10-02', deadlines: [{ name: 'mr', date: '2024-10-31' } as unknown as Deadline] })
      .catch((e: unknown) => e);
    expect((old as Error).message).toMatch(/^deadlines\[0\]\.name: is not a field of a deadline as compute_deadlines gives it/);
    await expect(
      store.recordEvent(c.id, { type: 'note', date: '2024-10-02', deadlines: [{ ...MR_LAST_DAY, kind: 'soon' as never }] }),
    ).rejects.toThrow(/^deadlines\[0\]\.kind: must be one of reply_due, chase, escalate, last_day, review$/);
    expect((await store.events(c.id)).length).toBe(2);
  });

  it('exports version 2 with everything, and gets the same case back, as itself or as a new case', async () => {
    const c = await sampleCase(store, 'Round trip');
    await store.importRows(c.id, bankDocument('round trip bank'), {
      transactions: [
        { fingerprint: 'rt:1', date: '2024-02-01', amount: '100.00', direction: 'out', description: 'CMS', source: { line: 2 } },
      ],
    });
    await store.addCmsEntries(c.id, TYPED);
    await store.addEvidence(c.id, [{ type: 'payslip_deduction', date: '2024-02-28', amount: '50.00', from: 'Acme Ltd' }]);
    const decision = await store.recordEvent(c.id, { type: 'decision_letter_received', date: '2024-08-01', deadlines: [MR_LAST_DAY] });
    const letter = await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS' } });
    await store.markLetterSent(
      c.id,
      letter.id,
      { sentOn: '2024-09-02', method: 'post' },
      { type: 'mr_sent', date: '2024-09-02', answers: decision.id, deadlines: [MR_CHASE] },
    );
    const before = await store.getCase(c.id);
    const exported = JSON.parse(JSON.stringify(await store.exportCase(c.id))) as CaseExport;
    expect(exported.version).toBe(2);
    expect(exported.evidence).toEqual([expect.objectContaining({ type: 'payslip_deduction', amount: '50.00', from: 'Acme Ltd' })]);
    expect(exported.cmsEntries.map((e) => e.origin)).toEqual(['typed', 'typed', 'typed']);
    expect(exported.transactions[0]!.source).toEqual({ line: 2 });
    expect(exported.letters[0]).toMatchObject({ status: 'sent', sentOn: '2024-09-02', method: 'post' });
    expect(exported.events[1]).toMatchObject({ type: 'mr_sent', answers: decision.id, letterId: letter.id, deadlines: [MR_CHASE] });

    await store.deleteCase(c.id);
    const back = await store.importCaseExport(exported);
    expect(back).toEqual({ ...before, updatedAt: back.updatedAt });
    expect({ ...(await store.exportCase(c.id)), exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    // Typed again after the round trip: still the same lines (fingerprints travel with the export).
    expect(await store.addCmsEntries(c.id, TYPED)).toMatchObject({ new: 0, alreadyThere: 3 });

    const copy = await store.importCaseExport(exported, { asNew: true });
    expect(copy.counts).toEqual(before.counts);
    const [d, sent] = copy.events;
    expect(d!.id).not.toBe(decision.id);
    expect(sent).toMatchObject({ answers: d!.id });
    expect(sent!.letterId).toBe((await store.letters(copy.id))[0]!.id);

    // A reference out of the export is refused naming it.
    const broken = {
      ...exported,
      events: exported.events.map((e, i) => (i === 1 ? { ...e, letterId: '0f8fad5b-d9cb-469f-a165-70867728950e' } : e)),
    };
    await expect(store.importCaseExport(broken, { asNew: true })).rejects.toThrow(
      /^events\[1\]\.letterId: names a letter that is not in the export/,
    );
  });

  it('reads an export of version 1, bringing its events, deadlines and letters into today’s shapes', async () => {
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const at = '2024-05-01T10:00:00.000Z';
    const v1 = {
      format: 'reckoner-case-export',
      version: 1,
      exportedAt: at,
      case: { id: id(1), title: 'From version 1', scheme: '2012', service: 'direct_pay', side: 'paying', createdAt: at, updatedAt: at },
      parties: [],
      children: [],
      decisions: [],
      documents: [],
      transactions: [],
      cmsEntries: [],
      reconciliationRuns: [],
      letters: [
        { id: id(2), type: 'mandatory_reconsideration', version: 1, content: { body: 'MR' }, createdAt: at },
        // Saved late in the evening of 30 June in London (22:30 UTC in summer is 23:30 BST): sent on 30 June.
        { id: id(3), type: 'complaint', version: 1, content: { body: 'complaint' }, createdAt: '2024-06-30T22:30:00.000Z' },
      ],
      events: [
        {
          id: id(10),
          type: 'decision',
          date: '2024-04-01',
          deadlines: [{ name: 'mandatory reconsideration', date: '2024-05-01', source: 'SI 2012/2677 reg 14' }],
          createdAt: at,
        },
        { id: id(11), type: 'mandatory_reconsideration', date: '2024-04-20', deadlines: [], createdAt: at },
        { id: id(12), type: 'appeal', date: '2024-06-01', deadlines: [], createdAt: at },
        { id: id(13), type: 'complaint', date: '2024-06-02', deadlines: [{ name: 'reply', date: '2024-07-02' }], createdAt: at },
        { id: id(14), type: 'letter_sent', date: '2024-04-21', details: { letterId: id(2) }, deadlines: [], createdAt: at },
        { id: id(15), type: 'call', date: '2024-04-22', summary: 'called', deadlines: [], createdAt: at },
      ],
    };
    const imported = await store.importCaseExport(v1);
    expect(imported.events.map((e) => [e.date, e.type])).toEqual([
      ['2024-04-01', 'decision_letter_received'],
      ['2024-04-20', 'mr_sent'],
      ['2024-04-21', 'letter_sent'],
      ['2024-04-22', 'call'],
      ['2024-06-01', 'appeal_lodged'],
      ['2024-06-02', 'complaint_sent'],
    ]);
    const basis = 'Recorded by an earlier Reckoner, which kept only what falls due, its date and its rule; look at it again.';
    expect(imported.events[0]!.deadlines).toEqual([
      { id: 'custom', label: 'mandatory reconsideration', date: '2024-05-01', basis, citation: 'SI 2012/2677 reg 14', kind: 'review' },
    ]);
    expect(imported.events[5]!.deadlines).toEqual([
      { id: 'custom', label: 'reply', date: '2024-07-02', basis, citation: '', kind: 'review' },
    ]);
    expect(imported.events[2]).toMatchObject({ letterId: id(2), details: { letterId: id(2) } });
    // Every letter of version 1 was sent: on the day of the event naming it, else the day it was saved (London).
    expect((await store.letters(id(1))).map((l) => [l.type, l.status, l.sentOn])).toEqual([
      ['complaint', 'sent', '2024-06-30'],
      ['mandatory_reconsideration', 'sent', '2024-04-21'],
    ]);
    expect((await store.exportCase(id(1))).version).toBe(2);
  });
});

// Migration 0006 does to the rows of a database what store/export.ts does to a version-1 export.
describe.each(DRIVERS)('a store from before calc’s events, on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  const caseId = '7a1d1c9e-8a34-4b8e-9f51-2a7b3c4d5e6f';
  const letterId = '7a1d1c9e-8a34-4b8e-9f51-2a7b3c4d5e70';

  beforeAll(async () => {
    if (driver.name === 'postgres') ({ options, drop } = await driver.fresh());
    else {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-before-0006-'));
      options = { dataDir: dir };
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    // Migrated up to 0005, the last before calc's events.
    const folder = earlierMigrations(6);
    try {
      await migrateWith(options, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const deadlines = JSON.stringify([{ name: 'mandatory reconsideration', date: '2024-05-01', source: 'SI 2012/2677 reg 14' }]);
    await rawTransaction(options, [
      `select set_config('reckoner.organisation', 'local', true)`,
      `insert into cases (id, title, side) values ('${caseId}', 'Before 0006', 'paying')`,
      `insert into letters (id, case_id, type, version, content, created_at) values
        ('${letterId}', '${caseId}', 'mandatory_reconsideration', 1, '{"body":"MR"}', '2024-04-20T09:00:00Z')`,
      `insert into events (case_id, type, date, deadlines) values
        ('${caseId}', 'decision', '2024-04-01', '${deadlines}'),
        ('${caseId}', 'mandatory_reconsideration', '2024-04-20', '[]'),
        ('${caseId}', 'letter_sent', '2024-04-21', '[]'),
        ('${caseId}', 'appeal', '2024-06-01', '[]'),
        ('${caseId}', 'complaint', '2024-06-02', '[]'),
        ('${caseId}', 'note', '2024-06-03', '[]')`,
      `update events set details = '{"letterId":"${letterId}"}' where type = 'letter_sent'`,
    ]);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('renames the event types, reshapes the deadlines, and marks the letters sent', async () => {
    const store = await openStore(options);
    try {
      const detail = await store.getCase(caseId);
      expect(detail.events.map((e) => e.type)).toEqual([
        'decision_letter_received',
        'mr_sent',
        'letter_sent',
        'appeal_lodged',
        'complaint_sent',
        'note',
      ]);
      expect(detail.events[0]!.deadlines).toEqual([
        {
          id: 'custom',
          label: 'mandatory reconsideration',
          date: '2024-05-01',
          basis: 'Recorded by an earlier Reckoner, which kept only what falls due, its date and its rule; look at it again.',
          citation: 'SI 2012/2677 reg 14',
          kind: 'review',
        },
      ]);
      expect(detail.events[2]!.letterId).toBe(letterId);
      // Sent on the day of the letter_sent event that names it.
      expect(await store.letters(caseId)).toEqual([expect.objectContaining({ id: letterId, status: 'sent', sentOn: '2024-04-21' })]);
    } finally {
      await store.close();
    }
  }, 60_000);
});

// Migration 0011 counts a repeated action on one entry; a store from before it holds one entry a time.
describe.each(DRIVERS)('a store from before repeats were counted, on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  const caseId = '0b3c5d7e-9f11-4a22-8b33-4c44d55e6f70';

  beforeAll(async () => {
    if (driver.name === 'postgres') ({ options, drop } = await driver.fresh());
    else {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-before-0011-'));
      options = { dataDir: dir };
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    const folder = earlierMigrations(11); // up to 0010
    try {
      await migrateWith(options, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await rawTransaction(options, [
      `select set_config('reckoner.organisation', 'local', true)`,
      `insert into cases (id, title, side) values ('${caseId}', 'Before 0011', 'paying')`,
      `insert into audit_log (case_id, action, actor, at) values
        ('${caseId}', 'case_created', 'local', '2024-01-01T09:00:00Z'),
        ('${caseId}', 'case_exported', 'local', '2024-01-02T09:00:00Z'),
        ('${caseId}', 'case_exported', 'local', '2024-01-03T09:00:00Z')`,
    ]);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('keeps the earlier entries as they were and counts the next repeat on the latest', async () => {
    const store = await openStore(options);
    try {
      await store.exportCase(caseId);
      await store.exportCase(caseId);
      const entries = await store.auditLog(caseId);
      expect(entries.map((e) => [e.action, e.at.slice(0, 10), e.times ?? 1])).toEqual([
        ['case_created', '2024-01-01', 1],
        ['case_exported', '2024-01-02', 1],
        ['case_exported', '2024-01-03', 3],
      ]);
      expect(entries[2]!.lastAt! > entries[2]!.at).toBe(true);
    } finally {
      await store.close();
    }
  });
});
