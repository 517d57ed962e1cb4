/**
 * The case store, on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set: the same tests for both.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileFromRecords, scheduleFromRecords } from '../../cases/inputs.ts';
import { reconcile } from '../../calc/reconcile/reconcile.ts';
import { buildSchedule } from '../../calc/schedule/build.ts';
import { InputError } from '../../calc/errors.ts';
import { isDiskFull, StoreError, StoreFailure } from '../../store/errors.ts';
import { openStore } from '../../store/open.ts';
import { LOCAL_PRINCIPAL, type CaseExport, type CaseStore, type Deadline } from '../../store/types.ts';
import { bankStatement, cleanup, cmsStatement, documentInfo, DRIVERS, rawQuery, rawTransaction, REPO, sampleCase } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Runs test/store/child.ts in a new node process. */
function child(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
}

afterAll(cleanup);

/** A deadline in calc's shape (calc/deadlines Deadline): 1 August 2024 + 30 days = 31 August 2024. */
const MR_LAST_DAY: Deadline = {
  id: 'mr_last_day',
  label: 'Last day to ask for a mandatory reconsideration',
  date: '2024-08-31',
  basis: '30 days after the date of the decision letter, 1 August 2024.',
  citation: 'Child Support Maintenance Calculation Regulations 2012 reg 14(1)(a)',
  kind: 'last_day',
};

describe.each(DRIVERS)('case store on $name', (driver) => {
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

  it('creates a case and reads it back, never showing a withheld address', async () => {
    const created = await sampleCase(store);
    expect(created).toMatchObject({
      title: 'Test case',
      side: 'paying',
      reference: '123456789012',
      scheme: '2012',
      service: 'direct_pay',
      frequency: 'weekly',
      firstDueDate: '2024-01-01',
      children: [{ name: 'Kim', dateOfBirth: '2015-05-01' }],
      decisions: [
        { label: 'initial', effectiveDate: '2024-01-01', weeklyAmount: '100.00' },
        { label: 'review 2024', effectiveDate: '2024-07-01', letterDate: '2024-06-10', weeklyAmount: '110.00' },
      ],
      counts: { parties: 2, children: 1, decisions: 2, documents: 0, transactions: 0, cmsEntries: 0 },
    });
    expect(created.parties[0]).toMatchObject({
      role: 'paying_parent',
      name: 'Alex Example',
      email: 'alex@example.org',
      addressWithheld: false,
    });
    expect(created.parties[1]).toEqual({
      id: created.parties[1]!.id,
      role: 'receiving_parent',
      name: 'Sam Example',
      addressWithheld: true,
    });
    expect(JSON.stringify(await store.getCase(created.id))).not.toContain('Secret Street');
    const listed = await store.listCases();
    expect(listed.cases.map((c) => c.id)).toContain(created.id);
    expect((await store.auditLog(created.id)).map((a) => a.action)).toEqual(['case_created']);
  });

  it('adds a party and changes one after the case is made, keeping what is not changed, in the audit log without its data', async () => {
    const created = await sampleCase(store, 'Parties changed');
    const [payer, receiver] = created.parties;
    // Spaces dropped and upper case: as a letter prints a National Insurance number.
    const changed = await store.updateParty(created.id, payer!.id, { dateOfBirth: '1984-06-02', nationalInsuranceNumber: 'qq 12 34 56 c' });
    expect(changed).toEqual({
      id: payer!.id,
      role: 'paying_parent',
      name: 'Alex Example',
      email: 'alex@example.org',
      addressWithheld: false,
      dateOfBirth: '1984-06-02',
      nationalInsuranceNumber: 'QQ123456C',
    });
    // null removes a field; the withheld address stays kept, and still unshown.
    const withheld = await store.updateParty(created.id, receiver!.id, { phone: '07700 900123', email: null });
    expect(withheld).toEqual({
      id: receiver!.id,
      role: 'receiving_parent',
      name: 'Sam Example',
      phone: '07700 900123',
      addressWithheld: true,
    });
    expect((await store.exportCase(created.id)).parties[1]).toMatchObject({ address: '1 Secret Street', addressWithheld: true });
    const removed = await store.updateParty(created.id, payer!.id, { email: null, nationalInsuranceNumber: null });
    expect(removed).not.toHaveProperty('email');
    expect(removed).not.toHaveProperty('nationalInsuranceNumber');
    expect(removed.dateOfBirth).toBe('1984-06-02');

    const added = await store.addParty(created.id, { role: 'representative', name: 'Robin Adviser', email: 'robin@advice.example' });
    const detail = await store.getCase(created.id);
    expect(detail.parties.map((p) => [p.role, p.name])).toEqual([
      ['paying_parent', 'Alex Example'],
      ['receiving_parent', 'Sam Example'],
      ['representative', 'Robin Adviser'],
    ]);
    expect(detail.parties[2]).toEqual(added);
    // Three changes of a party by the same principal are one entry, counted (a change adds no row).
    expect((await store.auditLog(created.id)).map((a) => [a.action, a.times ?? 1])).toEqual([
      ['case_created', 1],
      ['party_changed', 3],
      ['case_exported', 1],
      ['party_added', 1],
    ]);
    expect(JSON.stringify(await store.auditLog(created.id))).not.toMatch(/QQ123456C|1984-06-02|Robin/);
  });

  it('refuses a change to a party naming the field, and changes nothing', async () => {
    const created = await sampleCase(store, 'Parties refused');
    const payer = created.parties[0]!;
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (e instanceof InputError ? `${e.code} ${e.problems.map((x) => `${x.field}: ${x.message}`).join('; ')}` : String(e)),
      );
    expect(await refusal(store.updateParty(created.id, payer.id, { nationalInsuranceNumber: 'QQ12345C' }))).toBe(
      'invalid_input nationalInsuranceNumber: must be a National Insurance number: two letters, six digits, a letter A–D (e.g. QQ123456C)',
    );
    expect(await refusal(store.updateParty(created.id, payer.id, { dateOfBirth: '1984-02-30' }))).toMatch(/^invalid_input dateOfBirth: /);
    expect(await refusal(store.updateParty(created.id, payer.id, { name: null as never }))).toBe(
      'invalid_input name: cannot be removed; give the new name',
    );
    expect(await refusal(store.updateParty(created.id, payer.id, { nickname: 'A' } as never))).toMatch(
      /^invalid_input nickname: is not a field of a party; change one of role, name, addressWithheld, email/,
    );
    expect(await refusal(store.updateParty(created.id, payer.id, {}))).toBe('invalid_input changes: give at least one field to change');
    expect(await refusal(store.updateParty(created.id, created.id, { name: 'X' }))).toBe(
      'not_found partyId: is not a party of this case; get_case lists the case’s parties with their ids',
    );
    expect(await refusal(store.updateParty(created.id, 'nope', { name: 'X' }))).toMatch(/^invalid_input partyId: is not an id/);
    expect(await refusal(store.addParty(created.id, { role: 'other' } as never))).toBe('invalid_input name: must not be empty');
    expect((await store.getCase(created.id)).parties[0]).toEqual(payer);
    // Twenty at most, as a new case may have.
    for (let i = created.parties.length; i < 20; i++) await store.addParty(created.id, { role: 'other', name: `Person ${i}` });
    expect(await refusal(store.addParty(created.id, { role: 'other', name: 'One too many' }))).toBe(
      'invalid_input party: the case already has 20 parties, the most it may have; change one with its partyId',
    );
  });

  it('refuses bad input naming the field, and a case that is not there with not_found', async () => {
    await expect(store.createCase({ title: 'x', side: 'paying', reference: '12345' })).rejects.toThrow(/^reference: must be the 12-digit/);
    await expect(store.createCase({ title: '', side: 'paying' })).rejects.toThrow(/^title: must not be empty/);
    await expect(
      store.createCase({ title: 'x', side: 'paying', decisions: [{ effectiveDate: '1993-04-04', weeklyAmount: 5 }] }),
    ).rejects.toThrow(/^decisions\[0\]\.effectiveDate: .*before the Child Support Agency began \(1993-04-05\)/);
    // A CSA decision is taken at its stated weekly amount; the 1993 and 2003 schemes are never calculated.
    await expect(
      store.createCase({
        title: 'x',
        side: 'paying',
        scheme: '2003',
        decisions: [
          {
            effectiveDate: '2010-01-01',
            calculation: { payingParent: { grossWeeklyIncome: '500' }, receivingParents: [{ children: [{}] }] },
          },
        ],
      }),
    ).rejects.toThrow(/^decisions\[0\]\.calculation: .*give weeklyAmount instead, the weekly amount the CSA decision letter states/);
    const missing = await store.getCase('0f8fad5b-d9cb-469f-a165-70867728950e').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StoreError);
    expect((missing as StoreError).code).toBe('not_found');
    await expect(store.getCase('not-an-id')).rejects.toThrow(/^caseId: is not a case id/);
  });

  it('imports a statement once: a re-import adds nothing, an overlapping one only what is new', async () => {
    const c = await sampleCase(store);
    const first = await store.importParsed(c.id, documentInfo('statement 1', { filename: 'jan.csv' }), bankStatement({ count: 500 }));
    expect(first).toMatchObject({ documentAlreadyImported: false, new: 500, alreadyThere: 0, transactions: { new: 500, alreadyThere: 0 } });
    const again = await store.importParsed(c.id, documentInfo('statement 1', { filename: 'jan.csv' }), bankStatement({ count: 500 }));
    expect(again).toMatchObject({ documentId: first.documentId, documentAlreadyImported: true, new: 0, alreadyThere: 500 });
    // The next statement repeats the last 200 rows of the first.
    const overlap = await store.importParsed(c.id, documentInfo('statement 2'), bankStatement({ count: 400, offset: 300 }));
    expect(overlap).toMatchObject({ documentAlreadyImported: false, new: 200, alreadyThere: 200 });
    const cms = await store.importParsed(c.id, documentInfo('cms statement'), cmsStatement({ weeks: 10 }));
    expect(cms).toMatchObject({ new: 20, cmsEntries: { new: 20, alreadyThere: 0 } });
    const detail = await store.getCase(c.id);
    expect(detail.counts).toMatchObject({ documents: 3, transactions: 700, cmsEntries: 20 });
    expect(detail.documents.map((d) => d.parsed.rows)).toEqual([
      { transactions: 500, cmsEntries: 0 },
      { transactions: 400, cmsEntries: 0 },
      { transactions: 0, cmsEntries: 20 },
    ]);
    const rows = await store.transactions(c.id);
    expect(rows).toHaveLength(700);
    expect(new Set(rows.map((r) => r.fingerprint)).size).toBe(700);
    // Exactly what was put in, money as two-decimal strings.
    const truth = new Map(
      [...bankStatement({ count: 500 }).transactions, ...bankStatement({ count: 400, offset: 300 }).transactions].map((r) => [
        r.fingerprint,
        r,
      ]),
    );
    for (const r of rows) {
      const want = truth.get(r.fingerprint)!;
      expect({ date: r.date, amount: r.amount, direction: r.direction, description: r.description, balance: r.balance }).toEqual({
        date: want.date,
        amount: want.amount,
        direction: want.direction,
        description: want.description,
        balance: want.balance,
      });
    }
  });

  it('keeps what the reader said of each CMS entry: dated outside its period, and a schedule’s status', async () => {
    const c = await sampleCase(store);
    // Three weeks of a statement (six entries): the first week's two marked outside the period, the liabilities of
    // weeks 2 and 3 marked by the schedule's Status column as missed and part paid.
    const parsed = cmsStatement({ weeks: 3 });
    const marked = parsed.cmsEntries.map((e, i) =>
      i < 2
        ? { ...e, outsidePeriod: true as const }
        : i === 2
          ? { ...e, status: 'missed' as const }
          : i === 4
            ? { ...e, status: 'part_paid' as const }
            : e,
    );
    await store.importParsed(c.id, documentInfo('marked cms statement'), { ...parsed, cmsEntries: marked });
    const shown = (entries: readonly { fingerprint: string; outsidePeriod?: true; status?: string }[]) =>
      entries.map((e) => [e.fingerprint, e.outsidePeriod ?? null, e.status ?? null]);
    const want = [
      ['cms:liability:0', true, null],
      ['cms:payment:0', true, null],
      ['cms:liability:1', null, 'missed'],
      ['cms:payment:1', null, null],
      ['cms:liability:2', null, 'part_paid'],
      ['cms:payment:2', null, null],
    ];
    expect(shown(await store.cmsEntries(c.id))).toEqual(want);
    // An export carries them, and a case imported from it has them again.
    const exported = JSON.parse(JSON.stringify(await store.exportCase(c.id))) as CaseExport;
    expect(shown(exported.cmsEntries)).toEqual(want);
    await store.deleteCase(c.id);
    await store.importCaseExport(exported);
    expect(shown(await store.cmsEntries(c.id))).toEqual(want);
    // A status the reader never gives is refused, naming the row and the field.
    const bad = parsed.cmsEntries.map((e, i) => (i === 1 ? { ...e, status: 'maybe' } : e)) as typeof parsed.cmsEntries;
    const other = await sampleCase(store);
    await expect(store.importParsed(other.id, documentInfo('bad status'), { ...parsed, cmsEntries: bad })).rejects.toThrow(
      /^parsed\.cmsEntries\[1\]\.status: /,
    );
  });

  it('reconciles a payment schedule beside the statement of account without reading its lines as charges made twice', async () => {
    const c = await sampleCase(store);
    // Ten weeks of the statement of account (£100.00 due each Monday from 1 January 2024), then a payment schedule
    // listing the same ten instalments: the schedule says what falls due, the statement what CMS charged.
    const statement = cmsStatement({ weeks: 10 });
    await store.importParsed(c.id, documentInfo('account'), statement);
    const due = statement.cmsEntries.filter((e) => e.type === 'liability');
    // The schedule marks the first eight paid and the last two due: the marks go to the reconciliation with its lines.
    const statuses = due.map((_, i) => (i < 8 ? ('paid' as const) : ('due' as const)));
    const lines = due.map((e, i) => ({ ...e, description: 'Payment due', fingerprint: `schedule:${i}`, status: statuses[i] }));
    await store.importParsed(c.id, documentInfo('schedule'), { ...statement, kind: 'cms_payment_schedule', cmsEntries: lines });
    const input = reconcileFromRecords(await store.caseRecords(c.id), { asOf: '2024-03-10' });
    expect(input.cmsEntries!.filter((e) => e.fromSchedule).map((e) => [e.date, e.status])).toEqual(
      due.map((e, i) => [e.date, statuses[i]]),
    );
    const r = reconcile(input);
    expect(r.findings.filter((f) => f.kind === 'duplicate_liability')).toEqual([]);
    expect(r.ignored.filter((i) => i.reason === 'schedule_line_already_charged')).toHaveLength(10);
  });

  it('counts a payment once when a PDF statement and a CSV export of the same account both show it', async () => {
    const c = await sampleCase(store);
    // Ten weeks of the CMS statement (cmsStatement: £100.00 due and a £100.00 Direct Pay payment recorded each Monday
    // from 1 January 2024), and the bank's record of the payments: a PDF for weeks 0–9 naming the account, and a CSV
    // export for weeks 6–9 that names none and words each payment otherwise.
    await store.importParsed(c.id, documentInfo('cms'), cmsStatement({ weeks: 10 }));
    const dates = cmsStatement({ weeks: 10 })
      .cmsEntries.filter((e) => e.type === 'direct_payment')
      .map((e) => e.date);
    const bank = (name: string, weeks: number[], description: string, account?: string) => ({
      ...bankStatement({ count: 0 }),
      metadata: { layout: name, issuer: 'Test Bank', ...(account ? { accountNumberMasked: account } : {}) },
      transactions: weeks.map((w) => ({
        date: dates[w]!,
        description,
        amount: '100.00',
        direction: 'out' as const,
        fingerprint: `${name}:${w}`,
      })),
    });
    await store.importParsed(c.id, documentInfo('pdf'), bank('pdf', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'CMS DIRECT PAY', '****1234'));
    await store.importParsed(c.id, documentInfo('csv'), bank('csv', [6, 7, 8, 9], 'CHILD MAINT SERVICE DP REF 1234'));
    expect((await store.getCase(c.id)).counts).toMatchObject({ transactions: 14, cmsEntries: 20 });
    const input = reconcileFromRecords(await store.caseRecords(c.id), { asOf: '2024-03-10', bankFilter: { includeAll: true } });
    const r = reconcile(input);
    // Before, the CSV's four copies were four payments "missing from CMS", £400.00 the parent never paid twice.
    expect(r.findings).toEqual([]);
    expect(r.ignored.filter((i) => i.reason === 'shown_in_another_document')).toHaveLength(4);
  });

  it('refuses a statement with a bad row before writing any of it, without quoting the row', async () => {
    const c = await sampleCase(store);
    const statement = bankStatement({ count: 50 });
    const rows = [...statement.transactions];
    rows[49] = { ...rows[49]!, description: 'PRIVATE CLINIC VISIT', amount: '12.345' };
    const error = await store.importParsed(c.id, documentInfo('bad'), { ...statement, transactions: rows }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe('parsed.transactions[49].amount: must be whole pence (two decimals at most)');
    expect((error as Error).message).not.toContain('CLINIC');
    expect((await store.getCase(c.id)).counts).toMatchObject({ documents: 0, transactions: 0 });
  });

  it('turns a database refusal into a failure that quotes nothing of the case', async () => {
    const c = await sampleCase(store);
    await store.importParsed(c.id, documentInfo('for a broken export'), bankStatement({ count: 3 }));
    const exported = JSON.parse(JSON.stringify(await store.exportCase(c.id))) as CaseExport;
    // Two rows with one fingerprint: the database's unique index refuses the second.
    const broken = {
      ...exported,
      transactions: [
        ...exported.transactions,
        { ...exported.transactions[0]!, id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', description: 'PRIVATE PHARMACY' },
      ],
    };
    const error = await store.importCaseExport(broken, { asNew: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFailure);
    expect((error as StoreFailure).sqlState).toBe('23505');
    expect((error as Error).message).toBe('Importing the case export failed in the database (SQLSTATE 23505); nothing was saved.');
    expect((await store.listCases({ limit: 500 })).cases.filter((x) => x.title === c.title).length).toBeGreaterThan(0);
    expect(JSON.stringify(await store.listCases({ limit: 500 }))).not.toContain('PRIVATE PHARMACY');
    await expect(
      store.importParsed('0f8fad5b-d9cb-469f-a165-70867728950e', documentInfo('x'), bankStatement({ count: 1 })),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('keeps everything across a restart', async () => {
    const c = await sampleCase(store);
    await store.importParsed(c.id, documentInfo('restart', { keep: true }), bankStatement({ count: 100 }));
    await store.recordEvent(c.id, {
      type: 'decision_letter_received',
      date: '2024-08-01',
      summary: 'Decision letter',
      deadlines: [MR_LAST_DAY],
    });
    const before = await store.getCase(c.id);
    const exportBefore = await store.exportCase(c.id);
    await store.close();
    store = await openStore(options);
    expect(await store.getCase(c.id)).toEqual(before);
    const exportAfter = await store.exportCase(c.id);
    expect({ ...exportAfter, exportedAt: '' }).toEqual({ ...exportBefore, exportedAt: '' });
    expect(exportAfter.documents[0]!.originalBase64).toBe(Buffer.from('restart').toString('base64'));
  });

  it('loses nothing and duplicates nothing with 20 imports into one case at once', async () => {
    const c = await sampleCase(store);
    // 20 statements of 150 rows, each overlapping the next by 50: 2,050 distinct rows; two of them sent twice.
    const statements = Array.from({ length: 20 }, (_, i) => ({
      info: documentInfo(`concurrent ${i}`),
      parsed: bankStatement({ count: 150, offset: i * 100 }),
    }));
    const results = await Promise.all(
      [...statements, statements[3]!, statements[11]!].map((s) => store.importParsed(c.id, s.info, s.parsed)),
    );
    const added = results.reduce((n, r) => n + r.new, 0);
    expect(added).toBe(19 * 100 + 150);
    expect(results.reduce((n, r) => n + r.new + r.alreadyThere, 0)).toBe(22 * 150);
    expect(results.filter((r) => r.documentAlreadyImported)).toHaveLength(2);
    const detail = await store.getCase(c.id);
    expect(detail.counts).toMatchObject({ documents: 20, transactions: 2050 });
  });

  it('assembles the schedule and the reconciliation from what the case holds', async () => {
    const c = await sampleCase(store);
    await store.importParsed(c.id, documentInfo('bank for reconcile'), bankStatement({ count: 60 }));
    await store.importParsed(c.id, documentInfo('cms for reconcile'), cmsStatement({ weeks: 3 }));
    const added = await store.addDecision(c.id, { effectiveDate: '2024-09-02', weeklyAmount: '120' });
    expect(added).toMatchObject({ label: 'decision_3', weeklyAmount: '120.00' });
    await expect(store.addDecision(c.id, { label: 'initial', effectiveDate: '2024-10-01', weeklyAmount: 1 })).rejects.toThrow(
      /^decision\.label: "initial" is already/,
    );
    await expect(store.addDecision(c.id, { effectiveDate: '2024-09-02', weeklyAmount: 5 })).rejects.toThrow(
      /both take effect on 2024-09-02/,
    );
    const scheduleInput = { ...scheduleFromRecords(await store.caseRecords(c.id)), asOf: '2024-12-31' };
    expect(scheduleInput).toMatchObject({ frequency: 'weekly', firstDueDate: '2024-01-01', service: 'direct_pay', asOf: '2024-12-31' });
    expect(scheduleInput.decisions.map((d) => [d.id, d.effectiveDate, d.weeklyAmount])).toEqual([
      ['initial', '2024-01-01', '100.00'],
      ['review 2024', '2024-07-01', '110.00'],
      ['decision_3', '2024-09-02', '120.00'],
    ]);
    const schedule = buildSchedule(scheduleInput);
    expect(schedule.lines.length).toBeGreaterThan(50);
    const input = reconcileFromRecords(await store.caseRecords(c.id), { asOf: '2024-01-21', bankFilter: { descriptionContains: ['CMS'] } });
    expect(input.side).toBe('paying');
    expect(input.bankTransactions).toHaveLength(60);
    expect(input.cmsEntries).toHaveLength(6);
    const r = reconcile(input);
    expect(r.asOf).toBe('2024-01-21');
  });

  it('exports a case, deletes it completely, and gets the same case back from the export', async () => {
    const c = await sampleCase(store);
    await store.importParsed(c.id, documentInfo('bank export', { filename: 'bank.csv', keep: true }), bankStatement({ count: 300 }));
    await store.importParsed(c.id, documentInfo('cms export'), cmsStatement({ weeks: 5 }));
    await store.recordEvent(c.id, { type: 'call', date: '2024-03-01', summary: 'Called CMS', details: { minutes: 40 } });
    await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS' } });
    await store.saveLetter(c.id, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS, again' } });
    await store.saveReconciliation(c.id, { inputsHash: 'abc', result: { balance: { recomputed: '10.00' } } });
    const before = await store.getCase(c.id);
    const exported: CaseExport = JSON.parse(JSON.stringify(await store.exportCase(c.id)));
    expect(exported).toMatchObject({ format: 'reckoner-case-export', version: 2, case: { id: c.id } });
    expect(exported.parties[1]!.address).toBe('1 Secret Street');
    expect(exported.letters.map((l) => l.version)).toEqual([1, 2]);
    expect(exported.transactions).toHaveLength(300);

    // Without a key, PostgreSQL's answer says plainly that leftovers stay readable.
    expect(await store.deleteCase(c.id)).toEqual({
      deleted: true,
      erasure:
        driver.name === 'pglite'
          ? expect.stringMatching(/Within about a minute the case store's tables that held them are rewritten/)
          : expect.stringMatching(/no RECKONER_ENCRYPTION_KEY, so they stay readable/),
    });
    expect(await store.deleteCase(c.id)).toEqual({ deleted: false });
    await expect(store.getCase(c.id)).rejects.toThrow(/there is no case/);
    expect((await store.listCases({ limit: 500 })).cases.map((x) => x.id)).not.toContain(c.id);
    const audit = await store.auditLog(c.id);
    expect(audit.map((a) => a.action)).toEqual(['case_deleted']);
    expect(await store.transactions(c.id).catch((e: StoreError) => e.code)).toBe('not_found');

    const back = await store.importCaseExport(exported);
    expect(back).toEqual({ ...before, updatedAt: back.updatedAt });
    const again = await store.exportCase(c.id);
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' });
    // Importing it again while it is there is a conflict; as a new case it gets new ids.
    await expect(store.importCaseExport(exported)).rejects.toMatchObject({ code: 'conflict' });
    const copy = await store.importCaseExport(exported, { asNew: true });
    expect(copy.id).not.toBe(c.id);
    expect(copy.counts).toEqual(before.counts);
    // A broken export is refused naming the field.
    await expect(store.importCaseExport({ ...exported, version: 3 })).rejects.toThrow(/^version: must be 2 \(or 1, which is upgraded/);
  });

  it('keeps the audit log append-only and free of case content', async () => {
    const c = await sampleCase(store, 'Private title');
    await store.recordEvent(c.id, { type: 'note', date: '2024-01-02', summary: 'private note' });
    const entries = await store.auditLog(c.id);
    expect(entries.map((e) => e.action)).toEqual(['case_created', 'event_recorded']);
    expect(JSON.stringify(entries)).not.toMatch(/Private|private|Alex|Secret/);
    expect(entries.every((e) => e.actor === 'local')).toBe(true);
    // The database itself refuses to change or remove an entry.
    await store.close();
    try {
      await expect(rawQuery(options, `update audit_log set action = 'x' where case_id = '${c.id}'`)).rejects.toThrow(/append-only/);
      await expect(rawQuery(options, `delete from audit_log where case_id = '${c.id}'`)).rejects.toThrow(/append-only/);
      await expect(rawQuery(options, 'truncate audit_log')).rejects.toThrow(/append-only/);
    } finally {
      store = await openStore(options);
    }
    expect(await store.auditLog(c.id)).toEqual(entries);
  });

  it('counts a repeated action that adds nothing on one entry, so a loop cannot grow the audit log', async () => {
    const c = await sampleCase(store, 'Repeats');
    const party = c.parties[0]!.id;
    for (let i = 0; i < 3; i++) await store.exportCase(c.id);
    await store.updateParty(c.id, party, { phone: '01632 960000' });
    await store.updateParty(c.id, party, { phone: '01632 960001' });
    await store.recordEvent(c.id, { type: 'note', date: '2024-01-02', summary: 'one' });
    await store.recordEvent(c.id, { type: 'note', date: '2024-01-03', summary: 'two' });
    await store.as({ id: 'bob', organisation: LOCAL_PRINCIPAL.organisation }).exportCase(c.id);
    await store.exportCase(c.id);
    const entries = await store.auditLog(c.id);
    // Three exports by local, then the two party changes, two events (each its own entry: each adds a row),
    // bob's export, and local's fourth export counted on local's entry.
    expect(entries.map((e) => [e.action, e.actor, e.times ?? 1])).toEqual([
      ['case_created', 'local', 1],
      ['case_exported', 'local', 4],
      ['party_changed', 'local', 2],
      ['event_recorded', 'local', 1],
      ['event_recorded', 'local', 1],
      ['case_exported', 'bob', 1],
    ]);
    const exported = entries[1]!;
    expect(exported.lastAt! >= exported.at).toBe(true);
    expect(entries[0]!.lastAt).toBeUndefined();
    // The database allows that count to go up by one and nothing else: not by two, not on an action that adds a row,
    // not a change of who did it.
    await store.close();
    try {
      const where = (action: string) => `where case_id = '${c.id}' and action = '${action}'`;
      await expect(rawQuery(options, `update audit_log set times = times + 2, last_at = now() ${where('case_exported')}`)).rejects.toThrow(
        /append-only/,
      );
      await expect(rawQuery(options, `update audit_log set times = times + 1, last_at = now() ${where('event_recorded')}`)).rejects.toThrow(
        /append-only/,
      );
      await expect(
        rawQuery(options, `update audit_log set times = times + 1, last_at = now(), actor = 'mallory' ${where('party_changed')}`),
      ).rejects.toThrow(/append-only/);
      await expect(rawQuery(options, `update audit_log set times = times - 1 ${where('party_changed')}`)).rejects.toThrow(/append-only/);
    } finally {
      store = await openStore(options);
    }
    expect(await store.auditLog(c.id)).toEqual(entries);
  });

  it('refuses a NUL character or half a surrogate pair in any text, naming the field and quoting nothing', async () => {
    await expect(store.createCase({ title: 'Private\u0000title', side: 'paying' })).rejects.toThrow(
      /^title: contains a NUL character \(\\u0000\); remove it$/,
    );
    await expect(
      store.createCase({ title: 'ok', side: 'paying', parties: [{ role: 'paying_parent', name: 'Alex\ud800' }] }),
    ).rejects.toThrow(/^parties\[0\]\.name: contains a broken character \(half of a UTF-16 surrogate pair\)/);
    await expect(store.createCase({ title: 'ok', side: 'paying', children: [{ name: '\udc00Kim' }] })).rejects.toThrow(
      /^children\[0\]\.name: /,
    );
    const c = await sampleCase(store, 'Hygiene');
    await expect(
      store.recordEvent(c.id, { type: 'note', date: '2024-01-01', details: { notes: ['fine', 'not\u0000fine'] } }),
    ).rejects.toThrow(/^details\.notes\[1\]: contains a NUL/);
    await expect(store.saveLetter(c.id, { type: 'l', content: { body: 'Dear\ud83d' } })).rejects.toThrow(
      /^content\.body: contains a broken/,
    );
    const statement = bankStatement({ count: 5 });
    const rows = statement.transactions.map((r, i) => (i === 3 ? { ...r, description: 'PRIVATE\u0000SHOP' } : r));
    const bad = await store.importParsed(c.id, documentInfo('nul row'), { ...statement, transactions: rows }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as Error).message).toBe('parsed.transactions[3].description: contains a NUL character (\\u0000); remove it');
    await expect(
      store.importParsed(c.id, documentInfo('bad metadata'), {
        ...statement,
        metadata: { ...statement.metadata, accountHolder: 'A\udc00' },
      }),
    ).rejects.toThrow(/^parsed\.metadata\.accountHolder: contains a broken/);
    await expect(store.importParsed(c.id, documentInfo('bad name', { filename: 'a\u0000.csv' }), statement)).rejects.toThrow(
      /^document\.filename: contains a NUL/,
    );
    expect((await store.getCase(c.id)).counts).toMatchObject({ documents: 0, transactions: 0, events: 0, letters: 0 });
    // An export with one bad row is refused as a whole, naming the row.
    await store.importParsed(c.id, documentInfo('good'), bankStatement({ count: 2 }));
    const exported = JSON.parse(JSON.stringify(await store.exportCase(c.id))) as CaseExport;
    const broken = { ...exported, transactions: exported.transactions.map((r, i) => (i === 1 ? { ...r, description: 'x\u0000' } : r)) };
    await expect(store.importCaseExport(broken, { asNew: true })).rejects.toThrow(/^transactions\[1\]\.description: contains a NUL/);
  });

  it('says the disk is full, naming where the store is, and keeps nothing of the change', async () => {
    const c = await sampleCase(store);
    await store.close();
    // The database refuses as it does when it cannot extend a file (SQLSTATE 53100, disk_full).
    await rawTransaction(options, [
      `create function test_disk_full() returns trigger language plpgsql as $$ begin raise exception 'simulated' using errcode = 'disk_full'; end $$`,
      'create trigger test_disk_full before insert on events for each row execute function test_disk_full()',
    ]);
    store = await openStore(options);
    try {
      const error = await store.recordEvent(c.id, { type: 'note', date: '2024-01-01', summary: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({
        code: 'unsupported',
        reason: 'disk_full',
        field: driver.name === 'pglite' ? 'RECKONER_DATA_DIR' : 'DATABASE_URL',
      });
      expect((error as Error).message).toMatch(
        /: Recording the event stopped because the disk that holds the case store \(.+\) is full; nothing was saved\./,
      );
      expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual(['case_created']);
    } finally {
      await store.close();
      await rawTransaction(options, ['drop trigger test_disk_full on events', 'drop function test_disk_full()']);
      store = await openStore(options);
    }
  });

  it('leaves nothing behind when an import is killed mid-transaction, and opens again', async () => {
    const c = await sampleCase(store);
    await store.close();
    const proc = child(['import', JSON.stringify(options), c.id, '20000']);
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('writing')) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`the import finished (${code}) before it could be killed: ${out} ${err}`)));
    });
    proc.kill('SIGKILL');
    await once(proc, 'exit');
    store = await openStore(options);
    const detail = await store.getCase(c.id);
    expect(detail.counts).toMatchObject({ documents: 0, transactions: 0 });
    expect((await store.auditLog(c.id)).map((a) => a.action)).toEqual(['case_created']);
    // And the store works as before.
    const ok = await store.importParsed(c.id, documentInfo('after the kill'), bankStatement({ count: 10 }));
    expect(ok.new).toBe(10);
  }, 60_000);
});

// The embedded database is rewritten on delete (a shared PostgreSQL is left to its operator's vacuum).
describe('erasure on PGlite', () => {
  let options: { dataDir?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;
  beforeAll(async () => {
    ({ options, drop } = await DRIVERS[0]!.fresh());
    store = await openStore(options);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('erases a deleted case from the database files (tables and write-ahead log), not only from view', async () => {
    const marks = ['Wilhelmina Erasure', '42 Erasureton Road', 'ERASURE-PAYMENT-REF'];
    const c = await store.createCase({
      title: 'To erase',
      side: 'receiving',
      parties: [{ role: 'paying_parent', name: marks[0]!, address: marks[1]!, addressWithheld: true }],
    });
    const statement = bankStatement({ count: 5 });
    const rows = statement.transactions.map((r, i) => (i === 0 ? { ...r, description: marks[2]! } : r));
    await store.importParsed(c.id, documentInfo('erase me'), { ...statement, transactions: rows });
    const databaseFiles = async () => {
      await store.close(); // flushed to the files, and free to read
      const found = new Set<string>();
      for (const entry of readdirSync(join(options.dataDir!, 'pglite'), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        for (const m of marks) if (bytes.includes(m)) found.add(m);
      }
      store = await openStore(options);
      return [...found].sort();
    };
    expect(await databaseFiles()).toEqual([...marks].sort()); // the search can see them while the case exists
    expect(await store.deleteCase(c.id)).toMatchObject({ deleted: true });
    expect(await databaseFiles()).toEqual([]);
  });
});

describe('the embedded database’s files', () => {
  it.runIf(process.platform !== 'win32')(
    'are private to the user whatever the umask: folders 0700, files 0600',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-umask-'));
      chmodSync(dir, 0o755); // a directory that was there before, open to everyone
      writeFileSync(join(dir, 'notes.txt'), 'the user’s own file', { mode: 0o644 });
      const umask = process.umask(0);
      const modes = () => {
        const wrong: string[] = [];
        const walk = (path: string) => {
          const st = statSync(path);
          const want = st.isDirectory() ? 0o700 : 0o600;
          if ((st.mode & 0o777) !== want) wrong.push(`${path.slice(dir.length)} ${(st.mode & 0o777).toString(8)}`);
          if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
        };
        walk(dir);
        return wrong.filter((w) => !w.startsWith('/notes.txt '));
      };
      try {
        const store = await openStore({ dataDir: dir });
        try {
          expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
          expect((statSync(join(dir, 'pglite')).mode & 0o777).toString(8)).toBe('700');
          await sampleCase(store);
        } finally {
          await store.close();
        }
        expect(modes()).toEqual([]);
        // What the user keeps there is theirs: left as it was.
        expect((statSync(join(dir, 'notes.txt')).mode & 0o777).toString(8)).toBe('644');
      } finally {
        process.umask(umask);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe('a full disk', () => {
  it('is recognised by SQLSTATE 53100 or ENOSPC, along the causes', () => {
    expect(isDiskFull({ code: '53100' })).toBe(true);
    expect(isDiskFull(Object.assign(new Error('write failed'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFull(new Error('query failed', { cause: Object.assign(new Error('x'), { code: '53100' }) }))).toBe(true);
    expect(isDiskFull(new Error('could not extend file "base/1/2": No space left on device'))).toBe(true);
    expect(isDiskFull({ code: '23505' })).toBe(false);
  });
});

describe('the schema', () => {
  it('allows exactly the values the calculator knows', async () => {
    const schema = await import('../../store/schema.ts');
    const { COLLECTION_SERVICES } = await import('../../calc/scheme-2012/calculate.ts');
    const { SIDES } = await import('../../calc/reconcile/reconcile.ts');
    const { PAYMENT_FREQUENCIES } = await import('../../calc/schedule/build.ts');
    const { CMS_ENTRY_TYPES, DIRECTIONS } = await import('../../calc/ledger/entries.ts');
    const types = await import('../../store/types.ts');
    expect(schema.SERVICE_VALUES).toEqual(COLLECTION_SERVICES);
    expect(schema.SIDE_VALUES).toEqual(SIDES);
    expect(schema.FREQUENCY_VALUES).toEqual(PAYMENT_FREQUENCIES);
    expect(schema.CMS_ENTRY_TYPE_VALUES).toEqual(CMS_ENTRY_TYPES);
    expect(schema.DIRECTION_VALUES).toEqual(DIRECTIONS);
    expect(schema.SCHEME_VALUES).toEqual(types.SCHEMES);
    expect(schema.PARTY_ROLE_VALUES).toEqual(types.PARTY_ROLES);
    expect(schema.EVENT_TYPE_VALUES).toEqual(types.EVENT_TYPES);
  });
});
