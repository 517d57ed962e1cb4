/**
 * Tenancy: one organisation cannot see, change, export, delete or import over another's cases, through the
 * store or through the database itself (row-level security, with the store's role); the audit log names
 * principals; and the master key can be rotated. The same cases on PGlite always and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCaseResources } from '../../server/resources.ts';
import { StoreError } from '../../store/errors.ts';
import { openStore } from '../../store/open.ts';
import { rekeyStore } from '../../store/rekey.ts';
import { createSealer } from '../../store/seal.ts';
import { LOCAL_PRINCIPAL, type CaseExport, type CaseStore } from '../../store/types.ts';
import {
  bankStatement,
  cleanup,
  cmsStatement,
  documentInfo,
  DRIVERS,
  earlierMigrations,
  migrateWith,
  rawQuery,
  rawTransaction,
  sampleCase,
} from './helpers.ts';

afterAll(cleanup);

const ALICE = { id: 'alice@advice-a', organisation: 'org-a' };
const ANNE = { id: 'anne@advice-a', organisation: 'org-a' };
const BOB = { id: 'bob@advice-b', organisation: 'org-b' };
const MISSING = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Every table row-level security covers. */
const TABLES = [
  'cases',
  'case_keys',
  'parties',
  'children',
  'decisions',
  'documents',
  'transactions',
  'cms_entries',
  'evidence',
  'reconciliation_runs',
  'letters',
  'events',
  'audit_log',
];

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof StoreError ? e.code : String(e)),
  );

describe.each(DRIVERS)('tenancy on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;
  let a: CaseStore;
  let b: CaseStore;
  let caseA: string;
  let caseB: string;
  let exportA: CaseExport;
  let letterA: string;

  const reopen = async () => {
    store = await openStore(options);
    a = store.as(ALICE);
    b = store.as(BOB);
  };

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
    await reopen();
    caseA = (await sampleCase(a, 'Case of organisation A')).id;
    await a.importParsed(caseA, documentInfo('a bank', { filename: 'a.csv', keep: true }), bankStatement({ count: 30 }));
    await a.importParsed(caseA, documentInfo('a cms'), cmsStatement({ weeks: 4 }));
    await a.recordEvent(caseA, { type: 'call', date: '2024-03-01', summary: 'A called CMS' });
    letterA = (await a.saveLetter(caseA, { type: 'mandatory_reconsideration', content: { body: 'Dear CMS' } })).id;
    await a.addEvidence(caseA, [{ type: 'payslip_deduction', date: '2024-02-28', amount: '50.00', from: 'Employer of A' }]);
    await a.saveReconciliation(caseA, { inputsHash: 'h', result: { balance: '1.00' } });
    exportA = JSON.parse(JSON.stringify(await a.exportCase(caseA))) as CaseExport;
    caseB = (await sampleCase(b, 'Case of organisation B')).id;
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('acts for the principal it was given, and the store as opened for the local one', () => {
    expect(store.principal).toEqual(LOCAL_PRINCIPAL);
    expect(a.principal).toEqual(ALICE);
    expect(a.as(BOB).principal).toEqual(BOB);
    expect(() => store.as({ id: '', organisation: 'x' })).toThrow(/^principal\.id: must not be empty/);
    expect(() => store.as({ id: 'x', organisation: 'a\u0000b' })).toThrow(/^principal\.organisation: contains a NUL/);
  });

  it('lists and counts only the organisation’s own cases', async () => {
    const listA = await a.listCases({ limit: 500 });
    const listB = await b.listCases({ limit: 500 });
    expect(listA.cases.map((c) => c.id)).toEqual([caseA]);
    expect(listA.total).toBe(1);
    // 30 bank rows; a CMS statement of 4 weeks is 4 liabilities + 4 payments = 8 entries; one payslip; one letter.
    expect(listA.cases[0]!.counts).toEqual({ documents: 2, transactions: 30, cmsEntries: 8, evidence: 1, letters: 1 });
    expect(listB.cases.map((c) => c.id)).toEqual([caseB]);
    expect(listB.total).toBe(1);
    expect(JSON.stringify(listB)).not.toContain('organisation A');
    // The implicit local organisation has none of them.
    expect((await store.listCases()).total).toBe(0);
    // Another principal of the same organisation sees the same cases.
    expect((await a.as(ANNE).listCases()).cases.map((c) => c.id)).toEqual([caseA]);
  });

  it('refuses to read another organisation’s case (forbidden, as the issue asks), showing nothing of it', async () => {
    const reads = [
      b.getCase(caseA),
      b.transactions(caseA),
      b.cmsEntries(caseA),
      b.latestReconciliation(caseA),
      b.exportCase(caseA),
      b.caseRecords(caseA),
      b.decisions(caseA),
      b.evidence(caseA),
      b.events(caseA),
      b.letters(caseA),
      b.letter(caseA, letterA),
    ];
    expect(await Promise.all(reads.map(codeOf))).toEqual(Array(reads.length).fill('forbidden'));
    // The message says whose it is not, and nothing else; a case that does not exist is still not_found.
    const messageOf = (p: Promise<unknown>) =>
      p.then(
        () => '',
        (e: Error) => e.message,
      );
    const other = (await messageOf(b.getCase(caseA))).replace(caseA, 'ID');
    const missing = (await messageOf(b.getCase(MISSING))).replace(MISSING, 'ID');
    expect(other).toBe(
      "caseId: case ID belongs to another organisation; your token's organisation cannot see or change it (list_cases shows yours)",
    );
    expect(missing).toMatch(/^caseId: there is no case ID/);
    expect(await codeOf(b.getCase(MISSING))).toBe('not_found');
  });

  it('changes nothing in another organisation’s case', async () => {
    const before = await a.exportCase(caseA);
    const writes = [
      b.addParty(caseA, { role: 'other', name: 'Someone of B' }),
      b.updateParty(caseA, before.parties[0]!.id, { nationalInsuranceNumber: 'QQ123456C' }),
      b.addDecision(caseA, { effectiveDate: '2024-10-01', weeklyAmount: 1 }),
      b.recordEvent(caseA, { type: 'note', date: '2024-10-01', summary: 'from B' }),
      b.importParsed(caseA, documentInfo('b into a'), bankStatement({ count: 5, account: 'b' })),
      b.saveLetter(caseA, { type: 'x', content: { body: 'B' } }),
      b.saveReconciliation(caseA, { inputsHash: 'b', result: {} }),
      b.addCmsEntries(caseA, [{ date: '2024-10-01', type: 'liability', amount: '1.00' }]),
      b.addEvidence(caseA, [{ type: 'declared_payment', date: '2024-10-01', amount: '1.00' }]),
      b.markLetterSent(caseA, letterA, { sentOn: '2024-10-01' }, { type: 'letter_sent', date: '2024-10-01' }),
    ];
    expect(await Promise.all(writes.map(codeOf))).toEqual(Array(writes.length).fill('forbidden'));
    expect(await codeOf(b.deleteCase(caseA))).toBe('forbidden');
    expect(await b.deleteCase(MISSING)).toEqual({ deleted: false });
    const after = await a.exportCase(caseA);
    expect({ ...after, exportedAt: '', case: { ...after.case, updatedAt: '' } }).toEqual({
      ...before,
      exportedAt: '',
      case: { ...before.case, updatedAt: '' },
    });
  });

  it('cannot import over another organisation’s case; as a new case it gets its own copy', async () => {
    const over = await b.importCaseExport(exportA).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(StoreError);
    expect((over as StoreError).code).toBe('conflict');
    expect((over as StoreError).message).toMatch(
      /^case\.id: the id .* is already taken in this store; import the export as a new case \(asNew\)/,
    );
    const copy = await b.importCaseExport(exportA, { asNew: true });
    expect(copy.id).not.toBe(caseA);
    expect(copy.parties.map((p) => p.name)).toEqual(['Alex Example', 'Sam Example']);
    expect((await b.listCases()).cases.map((c) => c.id).sort()).toEqual([caseB, copy.id].sort());
    expect((await a.listCases()).cases.map((c) => c.id)).toEqual([caseA]);
    expect(await b.deleteCase(copy.id)).toMatchObject({ deleted: true });
    expect((await a.getCase(caseA)).counts.transactions).toBe(30);
  });

  it('cannot import rows whose ids another organisation’s case holds: a conflict, nothing kept, as for any taken id', async () => {
    // A's export under a fresh case id, with one letter's id left as A's: a security audit got 500 internal ("failed
    // in the database (SQLSTATE 23505)"), which also told B that the id exists.
    const fresh = JSON.parse(JSON.stringify(exportA)) as CaseExport & { case: { id: string } };
    fresh.case.id = '00000000-0000-4000-8000-00000000b0b0';
    const before = (await b.listCases()).cases.length;
    const over = await b.importCaseExport(fresh).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(StoreError);
    expect((over as StoreError).code).toBe('conflict');
    expect((over as StoreError).message).toBe(
      '(export): an id of a row in the export (a document, letter, event, decision or entry) is already taken in this store; import the export as a new case (asNew)',
    );
    expect((await b.listCases()).cases).toHaveLength(before);
    expect(letterA).toBeDefined();
  });

  it('shows the case resources of the organisation only', async () => {
    const server = new McpServer({ name: 'tenancy', version: '0' });
    registerCaseResources(server, async () => b, { today: () => '2024-12-31' });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    const client = new Client({ name: 'test', version: '0' });
    await client.connect(clientTransport);
    try {
      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri)).toEqual([`reckoner://cases/${caseB}`]);
      await expect(client.readResource({ uri: `reckoner://cases/${caseA}` })).rejects.toThrow(/belongs to another organisation/);
      await expect(client.readResource({ uri: `reckoner://cases/${caseA}/schedule` })).rejects.toThrow(/belongs to another organisation/);
      await expect(client.readResource({ uri: `reckoner://cases/${caseA}/reconciliation` })).rejects.toThrow(
        /belongs to another organisation/,
      );
      const own = await client.readResource({ uri: `reckoner://cases/${caseB}` });
      expect(JSON.parse((own.contents[0] as { text: string }).text)).toMatchObject({ id: caseB });
    } finally {
      await client.close();
    }
  });

  it('names the principal in the audit log, and shows each organisation only its own entries', async () => {
    const entries = await a.auditLog(caseA);
    // Alice's three exports are one entry, counted: an export adds nothing to the case.
    expect(entries.map((e) => [e.action, e.actor, e.times ?? 1])).toEqual([
      ['case_created', ALICE.id, 1],
      ['document_imported', ALICE.id, 1],
      ['document_imported', ALICE.id, 1],
      ['event_recorded', ALICE.id, 1],
      ['letter_saved', ALICE.id, 1],
      ['evidence_added', ALICE.id, 1],
      ['reconciliation_saved', ALICE.id, 1],
      ['case_exported', ALICE.id, 3],
    ]);
    expect(await b.auditLog(caseA)).toEqual([]);
    const all = await b.auditLog();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.actor === BOB.id)).toBe(true);
    expect(all.some((e) => e.caseId === caseA)).toBe(false);
    await a.as(ANNE).recordEvent(caseA, { type: 'note', date: '2024-11-01', summary: 'Anne' });
    expect((await a.auditLog(caseA)).at(-1)).toMatchObject({ action: 'event_recorded', actor: ANNE.id });
  });

  it('enforces it in the database: a query as the store’s role without the organisation set sees no rows', async () => {
    await store.close(); // PGlite: one process, one connection at a time
    try {
      // As the superuser the tests connect as, everything is there: row-level security binds the store's role.
      const [[everything]] = (await rawTransaction(options, ['select count(*)::int as n from cases'])) as [[{ n: number }]];
      expect(everything!.n).toBeGreaterThanOrEqual(2);
      const counts = TABLES.map((table) => `select '${table}' as t, count(*)::int as n from ${table}`).join(' union all ');
      const unset = await rawTransaction(options, ["select set_config('role', 'reckoner_app', true)", counts]);
      expect(unset[1]).toEqual(TABLES.map((table) => ({ t: table, n: 0 })));
      // Set, but to nothing: the same.
      const empty = await rawTransaction(options, [
        "select set_config('role', 'reckoner_app', true), set_config('reckoner.organisation', '', true)",
        counts,
      ]);
      expect((empty[1] as { n: number }[]).every((r) => r.n === 0)).toBe(true);
      // Set to org-a: A's rows only.
      const [, rows] = await rawTransaction(options, [
        "select set_config('role', 'reckoner_app', true), set_config('reckoner.organisation', 'org-a', true)",
        'select id, organisation from cases',
      ]);
      expect(rows).toEqual([{ id: caseA, organisation: 'org-a' }]);
      // Writing another organisation's row is refused by the policy, and a row into another organisation's case
      // by the foreign key (case id and organisation together).
      await expect(
        rawTransaction(options, [
          "select set_config('role', 'reckoner_app', true), set_config('reckoner.organisation', 'org-a', true)",
          `insert into events (case_id, organisation, type, date) values ('${caseB}', 'org-b', 'note', '2024-01-01')`,
        ]),
      ).rejects.toThrow(/row-level security/);
      await expect(
        rawTransaction(options, [
          "select set_config('role', 'reckoner_app', true), set_config('reckoner.organisation', 'org-a', true)",
          `insert into events (case_id, type, date) values ('${caseB}', 'note', '2024-01-01')`,
        ]),
      ).rejects.toThrow(/foreign key/);
      // Without any organisation, nothing can be written at all.
      await expect(
        rawTransaction(options, [
          "select set_config('role', 'reckoner_app', true)",
          "insert into cases (title, side) values ('x', 'paying')",
        ]),
      ).rejects.toThrow(/reckoner\.organisation|row-level security/);
      // A user who is a member of all three roles (as the store's database user is) but has not switched to one
      // sees nothing either: the locator and key-ring policies admit only the role itself, not its members.
      const member = await rawTransaction(options, [
        "do $$ begin if not exists (select from pg_roles where rolname = 'reckoner_test_member') then create role reckoner_test_member nologin; end if; end $$",
        'grant reckoner_app, reckoner_keyring, reckoner_locator to reckoner_test_member',
        `grant select on ${TABLES.join(', ')} to reckoner_test_member`,
        "select set_config('role', 'reckoner_test_member', true)",
        counts,
      ]);
      expect(member[4]).toEqual(TABLES.map((table) => ({ t: table, n: 0 })));
      // The locator role (which tells another organisation's case from none) reads case ids, and nothing else.
      const [, ids] = await rawTransaction(options, [
        "select set_config('role', 'reckoner_locator', true)",
        'select id from cases order by id',
      ]);
      expect((ids as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining([caseA, caseB]));
      for (const query of [
        'select title from cases',
        'select organisation from cases',
        'select name from parties',
        'select wrapped from case_keys',
      ]) {
        await expect(rawTransaction(options, ["select set_config('role', 'reckoner_locator', true)", query]), query).rejects.toThrow(
          /permission denied/,
        );
      }
      // Every case table has row-level security forced (so its owner obeys it too).
      const forced = await rawQuery(
        options,
        `select relname from pg_class where relrowsecurity and relforcerowsecurity and relname in (${TABLES.map((x) => `'${x}'`).join(', ')}) order by relname`,
      );
      expect((forced as { relname: string }[]).map((r) => r.relname)).toEqual([...TABLES].sort());
    } finally {
      await reopen();
    }
  }, 60_000);
});

describe.each(DRIVERS)('changing the master key on $name', (driver) => {
  const KEY = new Uint8Array(randomBytes(32));
  const NEW = new Uint8Array(randomBytes(32));
  const OTHER = new Uint8Array(randomBytes(32));
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('re-wraps every case key in one go: the new key opens everything, the old one nothing', async () => {
    let store = await openStore({ ...options, encryptionKey: KEY });
    const a = await sampleCase(store.as(ALICE), 'A sealed');
    const bCase = await sampleCase(store.as(BOB), 'B sealed');
    await store.as(BOB).importParsed(bCase.id, documentInfo('b', { keep: true, filename: 'bob.csv' }), bankStatement({ count: 20 }));
    const before = {
      a: await store.as(ALICE).exportCase(a.id),
      b: await store.as(BOB).exportCase(bCase.id),
    };
    await store.close();

    // The old key must be the store's; the new one must differ. Nothing changes otherwise.
    await expect(rekeyStore(options, OTHER, NEW)).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', reason: 'wrong_key' });
    await expect(rekeyStore(options, KEY, KEY)).rejects.toMatchObject({ field: 'RECKONER_NEW_ENCRYPTION_KEY' });
    const result = await rekeyStore(options, KEY, NEW);
    expect(result).toMatchObject({ cases: 2, resealed: 0 });
    expect(result.fingerprint).toMatch(/^fingerprint [0-9a-f]{12}$/);

    store = await openStore({ ...options, encryptionKey: NEW });
    try {
      const after = {
        a: await store.as(ALICE).exportCase(a.id),
        b: await store.as(BOB).exportCase(bCase.id),
      };
      expect({ ...after.a, exportedAt: '' }).toEqual({ ...before.a, exportedAt: '' });
      expect({ ...after.b, exportedAt: '' }).toEqual({ ...before.b, exportedAt: '' });
    } finally {
      await store.close();
    }
    for (const key of [KEY, undefined]) {
      const old = await openStore({ ...options, ...(key ? { encryptionKey: key } : {}) });
      try {
        await expect(old.as(ALICE).getCase(a.id)).rejects.toMatchObject({
          field: 'RECKONER_ENCRYPTION_KEY',
          reason: key ? 'wrong_key' : 'no_key',
        });
        await expect(old.as(ALICE).createCase({ title: 'x', side: 'paying' })).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY' });
      } finally {
        await old.close();
      }
    }
    // And back again.
    expect(await rekeyStore(options, NEW, KEY)).toMatchObject({ cases: 2 });
    store = await openStore({ ...options, encryptionKey: KEY });
    expect((await store.as(BOB).getCase(bCase.id)).documents[0]!.filename).toBe('bob.csv');
    await store.close();
  }, 60_000);

  it.runIf(driver.name === 'postgres')(
    'refuses a server still running with the old key once the key has changed',
    async () => {
      const running = await openStore({ ...options, encryptionKey: KEY });
      try {
        const c = await running.createCase({ title: 'running', side: 'paying' });
        await rekeyStore(options, KEY, NEW);
        await expect(running.getCase(c.id)).rejects.toMatchObject({ reason: 'wrong_key' });
        await expect(running.createCase({ title: 'after', side: 'paying' })).rejects.toMatchObject({ reason: 'wrong_key' });
      } finally {
        await running.close();
      }
      await rekeyStore(options, NEW, KEY);
    },
    60_000,
  );

  it('re-seals values an earlier Reckoner sealed with the master key itself, so the new key opens them too', async () => {
    // A case as the earlier format left it: no case key, its fields sealed directly with the master key.
    let store = await openStore({ ...options, encryptionKey: KEY });
    const legacy = await store.createCase({ title: 'legacy', side: 'paying', parties: [{ role: 'paying_parent', name: 'placeholder' }] });
    await store.recordEvent(legacy.id, { type: 'note', date: '2024-01-01', summary: 'placeholder' });
    await store.close();
    const old = createSealer(KEY);
    await rawTransaction(options, [
      `delete from case_keys where case_id = '${legacy.id}'`,
      `update cases set title = 'legacy' where id = '${legacy.id}'`,
      `update parties set name = '${old.text('Wilfreda Oldformat')}', address = '${old.text('3 Bygone Row')}' where case_id = '${legacy.id}'`,
      `update events set summary = '${old.text('an old note')}', details = '${JSON.stringify(old.json({ said: 'old' }))}' where case_id = '${legacy.id}'`,
    ]);
    store = await openStore({ ...options, encryptionKey: KEY });
    expect((await store.getCase(legacy.id)).parties[0]!.name).toBe('Wilfreda Oldformat');
    await store.close();

    expect(await rekeyStore(options, KEY, NEW)).toMatchObject({ resealed: 2 });
    store = await openStore({ ...options, encryptionKey: NEW });
    try {
      const detail = await store.getCase(legacy.id);
      expect(detail.parties[0]!.name).toBe('Wilfreda Oldformat');
      expect(detail.events[0]).toMatchObject({ summary: 'an old note', details: { said: 'old' } });
      expect((await store.exportCase(legacy.id)).parties[0]!.address).toBe('3 Bygone Row');
    } finally {
      await store.close();
    }
    await rekeyStore(options, NEW, KEY);
  }, 60_000);
});

describe.each(DRIVERS)('a store from before organisations and case keys, on $name', (driver) => {
  const KEY = new Uint8Array(randomBytes(32));
  const NEW = new Uint8Array(randomBytes(32));
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  const caseId = '6f1d1c9e-8a34-4b8e-9f51-2a7b3c4d5e6f';

  beforeAll(async () => {
    // An empty database or directory, migrated only as far as 0002 (the last migration before organisations).
    if (driver.name === 'postgres') ({ options, drop } = await driver.fresh());
    else {
      const dir = mkdtempSync(join(tmpdir(), 'reckoner-earlier-'));
      options = { dataDir: dir };
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    const folder = earlierMigrations(3);
    try {
      await migrateWith(options, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    // What the earlier Reckoner wrote with RECKONER_ENCRYPTION_KEY set: private fields sealed with the master key.
    const old = createSealer(KEY);
    const original = Buffer.from(old.bytes(new Uint8Array(Buffer.from('Date,Description\n01/02/2024,OLDFILE')))).toString('hex');
    await rawTransaction(options, [
      `insert into cases (id, title, side) values ('${caseId}', 'Earlier case', 'paying')`,
      `insert into parties (case_id, position, role, name, address, address_withheld) values
        ('${caseId}', 0, 'receiving_parent', '${old.text('Earlier Person')}', '${old.text('1 Earlier Lane')}', true)`,
      `insert into events (case_id, type, date, summary, details) values
        ('${caseId}', 'note', '2024-01-01', '${old.text('earlier note')}', '${JSON.stringify(old.json({ said: 'earlier' }))}')`,
      `insert into documents (case_id, sha256, kind, format, size, parsed, original) values
        ('${caseId}', '${'a'.repeat(64)}', 'bank_statement', 'csv', 10, '{"kind":"bank_statement"}', '\\x${original}')`,
      `insert into audit_log (case_id, action, actor) values ('${caseId}', 'case_created', 'local')`,
    ]);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('puts its cases in the local organisation, refuses to run without its key, and re-keys them', async () => {
    // The migration recorded which key sealed the values: without it nothing is read or written.
    const none = await openStore(options);
    try {
      await expect(none.listCases()).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', reason: 'no_key' });
      await expect(none.createCase({ title: 'x', side: 'paying' })).rejects.toMatchObject({ reason: 'no_key' });
    } finally {
      await none.close();
    }
    let store = await openStore({ ...options, encryptionKey: KEY });
    try {
      const detail = await store.getCase(caseId);
      expect(detail).toMatchObject({ title: 'Earlier case', parties: [{ name: 'Earlier Person' }], events: [{ summary: 'earlier note' }] });
      expect((await store.as(BOB).listCases()).total).toBe(0);
      await expect(store.as(BOB).getCase(caseId)).rejects.toMatchObject({ code: 'forbidden' });
      expect((await store.auditLog(caseId)).map((a) => a.action)).toEqual(['case_created']);
    } finally {
      await store.close();
    }
    expect(await rekeyStore(options, KEY, NEW)).toMatchObject({ cases: 1, resealed: 3 });
    store = await openStore({ ...options, encryptionKey: NEW });
    try {
      const exported = await store.exportCase(caseId);
      expect(exported.parties[0]).toMatchObject({ name: 'Earlier Person', address: '1 Earlier Lane' });
      expect(exported.events[0]).toMatchObject({ summary: 'earlier note', details: { said: 'earlier' } });
      expect(Buffer.from(exported.documents[0]!.originalBase64!, 'base64').toString()).toContain('OLDFILE');
    } finally {
      await store.close();
    }
  }, 60_000);
});
