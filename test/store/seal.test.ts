/**
 * Field-level encryption (store/seal.ts): with RECKONER_ENCRYPTION_KEY the private fields never reach the
 * database in the clear, read back whole through the store, travel in the export, and a missing or wrong
 * key is named rather than giving garbage. On PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { reconcileFromRecords } from '../../cases/inputs.ts';
import { InputError } from '../../calc/errors.ts';
import { StoreError } from '../../store/errors.ts';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import { createKeyring, createSealer, keyFingerprint, parseKey, sealedKeyId } from '../../store/seal.ts';
import type { CaseStore } from '../../store/types.ts';
import { bankStatement, cleanup, cmsStatement, documentInfo, DRIVERS, rawQueries, rawQuery, rawTransaction } from './helpers.ts';

afterAll(cleanup);

const KEY = new Uint8Array(randomBytes(32));
const OTHER = new Uint8Array(randomBytes(32));

describe('the key', () => {
  test('is 32 bytes as base64 or hex; anything else is refused, saying how to make one', () => {
    const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
    expect(parseKey(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    expect(parseKey(Buffer.from(bytes).toString('hex').toUpperCase())).toEqual(bytes);
    for (const bad of ['', 'secret', Buffer.alloc(16).toString('base64'), Buffer.alloc(33).toString('hex')]) {
      expect(() => parseKey(bad)).toThrow(/openssl rand -base64 32/);
    }
    try {
      parseKey('short');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).field).toBe('RECKONER_ENCRYPTION_KEY');
    }
  });

  test('comes from RECKONER_ENCRYPTION_KEY, for either database', () => {
    const text = Buffer.from(KEY).toString('base64');
    expect(storeOptionsFromEnv({ RECKONER_ENCRYPTION_KEY: text, RECKONER_DATA_DIR: '/tmp/x' })).toEqual({
      dataDir: '/tmp/x',
      encryptionKey: KEY,
    });
    expect(storeOptionsFromEnv({ RECKONER_ENCRYPTION_KEY: text, DATABASE_URL: 'postgres://h/d' })).toEqual({
      databaseUrl: 'postgres://h/d',
      encryptionKey: KEY,
    });
    expect(() => storeOptionsFromEnv({ RECKONER_ENCRYPTION_KEY: 'nope' })).toThrow(StoreError);
  });
});

describe('the sealer', () => {
  const s = createSealer(KEY);

  test('texts, bytes and JSON go in sealed and come out whole', () => {
    const address = '7 Hiddenmoor Lane, Nowhereton ZZ9 9QQ';
    const sealed = s.text(address);
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(sealed).not.toContain('Hiddenmoor');
    expect(s.text(address)).not.toBe(sealed); // a fresh nonce each time: equal values do not look equal
    expect(s.openText(sealed)).toBe(address);
    expect(s.openText(s.text('£ — é ✓'))).toBe('£ — é ✓');

    const file = new Uint8Array(Buffer.from('Date,Description\n01/02/2024,QUILL'));
    const sealedFile = s.bytes(file);
    expect(Buffer.from(sealedFile).includes('QUILL')).toBe(false);
    expect(s.openBytes(sealedFile)).toEqual(file);

    const letter = { markdown: 'National Insurance number QQ123456C', figures: [{ id: 'x', amount: '1.00' }] };
    const sealedLetter = s.json(letter);
    expect(JSON.stringify(sealedLetter)).not.toContain('QQ123456C');
    expect(s.openJson(sealedLetter)).toEqual(letter);
  });

  test('values stored before a key was set are read as they are', () => {
    expect(s.openText('1 Plain Street')).toBe('1 Plain Street');
    expect(s.openBytes(new Uint8Array([1, 2, 3]))).toEqual(new Uint8Array([1, 2, 3]));
    expect(s.openJson({ markdown: 'plain' })).toEqual({ markdown: 'plain' });
    expect(s.openText(null)).toBeNull();
  });

  test('without a key nothing is sealed, and a sealed value says a key is needed', () => {
    const plain = createSealer();
    expect(plain.sealing).toBe(false);
    expect(plain.text('1 Plain Street')).toBe('1 Plain Street');
    expect(() => plain.openText(s.text('x'))).toThrow(/encrypted .* and no key is set; start Reckoner with the RECKONER_ENCRYPTION_KEY/);
    expect(() => plain.openBytes(s.bytes(new Uint8Array([1])))).toThrow(/no key is set/);
  });

  test('a wrong key is named, and a changed value is refused', () => {
    expect(() => createSealer(OTHER).openText(s.text('x'))).toThrow(/encrypted with another key/);
    const sealed = s.text('7 Hiddenmoor Lane');
    const [head, body] = [sealed.slice(0, 16), Buffer.from(sealed.slice(16), 'base64')];
    body[body.length - 1]! ^= 1;
    expect(() => s.openText(`${head}${body.toString('base64')}`)).toThrow(/did not open .* changed or damaged/);
  });
});

const SECRETS = [
  'Ottoline Brackenbury',
  '7 Hiddenmoor Lane',
  'ottoline@example.org',
  '07700 900456',
  'Perpetua',
  'Hollowbrook said',
  'QQ123456C',
  // A party's identity, set after the case was made (updateParty): what a subject access request prints.
  'QQ654321A',
  '1979-11-23',
  // Sealed since the case keys: the title, the case reference, file names, what the parser read (the account
  // holder's name), descriptions and references of rows, a decision's circumstances, a reconciliation's result.
  'Brackenbury dispute',
  '987654321098',
  'brackenbury-bank.csv',
  'OTTOLINE Q BRACKENBURY',
  'HOLLOWMERE PHARMACY',
  'REF-QUILLFEATHER',
  'Overdue from Brackenbury',
  '612.34',
  'FINDING-WYCHWOOD',
  // Typed in: a CMS line's description and the case it is recorded on; evidence's employer, note and place.
  'Typed from the Thistlewood letter',
  '555566667777',
  'Marrowfield Foods Ltd',
  'deducted by Marrowfield',
  'payslip from Marrowfield',
];

/** Every table that holds case data. */
const CASE_TABLES = [
  'cases',
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
];

describe.each(DRIVERS)('a sealed case store on $name', (driver) => {
  let options: { dataDir?: string; databaseUrl?: string };
  let drop: () => Promise<void>;
  let store: CaseStore;
  let caseId: string;
  const original = new Uint8Array(Buffer.from('Date,Description,Amount\n01/02/2024,BRACKENBURY REF,-10.00\n'));

  beforeAll(async () => {
    ({ options, drop } = await driver.fresh());
    store = await openStore({ ...options, encryptionKey: KEY });
    const c = await store.createCase({
      title: 'Brackenbury dispute',
      reference: '9876 5432 1098',
      side: 'receiving',
      decisions: [
        {
          label: 'from the circumstances',
          effectiveDate: '2024-01-01',
          calculation: { payingParent: { grossWeeklyIncome: 612.34 }, receivingParents: [{ children: [{}] }] },
        },
      ],
      parties: [
        { role: 'paying_parent', name: 'Zanzibar Q', phone: '07700 900456' },
        {
          role: 'receiving_parent',
          name: 'Ottoline Brackenbury',
          address: '7 Hiddenmoor Lane',
          addressWithheld: true,
          email: 'ottoline@example.org',
        },
      ],
      children: [{ name: 'Perpetua', dateOfBirth: '2016-01-01' }],
    });
    caseId = c.id;
    await store.updateParty(caseId, c.parties[1]!.id, { dateOfBirth: '1979-11-23', nationalInsuranceNumber: 'qq 65 43 21 a' });
    await store.recordEvent(caseId, {
      type: 'call',
      date: '2024-03-01',
      summary: 'Hollowbrook said the arrears were wrong',
      details: { who: 'Hollowbrook said' },
    });
    await store.saveLetter(caseId, { type: 'subject_access_request', content: { markdown: 'NI number QQ123456C' } });
    const statement = bankStatement({ count: 3 });
    await store.importParsed(caseId, documentInfo(original, { keep: true, filename: 'brackenbury-bank.csv' }), {
      ...statement,
      metadata: { ...statement.metadata, accountHolder: 'OTTOLINE Q BRACKENBURY' },
      transactions: statement.transactions.map((r, i) =>
        i === 1 ? { ...r, description: 'HOLLOWMERE PHARMACY', reference: 'REF-QUILLFEATHER' } : r,
      ),
    });
    const cms = cmsStatement({ weeks: 1 });
    await store.importParsed(caseId, documentInfo('cms'), {
      ...cms,
      cmsEntries: cms.cmsEntries.map((e) => ({ ...e, description: 'Overdue from Brackenbury' })),
    });
    await store.saveReconciliation(caseId, { inputsHash: 'h', result: { findings: ['FINDING-WYCHWOOD'] } });
    await store.addCmsEntries(caseId, [
      {
        date: '2024-02-01',
        type: 'adjustment',
        amount: '-5.00',
        description: 'Typed from the Thistlewood letter',
        caseReference: '5555 6666 7777',
      },
    ]);
    await store.addEvidence(caseId, [
      {
        type: 'payslip_deduction',
        date: '2024-02-28',
        amount: '40.00',
        from: 'Marrowfield Foods Ltd',
        description: 'deducted by Marrowfield',
        source: 'payslip from Marrowfield',
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('keeps every private field out of the database in the clear', async () => {
    await store.close(); // PGlite is read directly below; one process at a time
    const dump = JSON.stringify(
      await rawQueries(
        options,
        CASE_TABLES.map((table) => `select * from ${table} where ${table === 'cases' ? 'id' : 'case_id'} = '${caseId}'`),
      ),
      (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v),
    );
    for (const secret of [...SECRETS, 'BRACKENBURY REF']) expect(dump, secret).not.toContain(secret);
    expect(dump).toContain('enc:v1:');
    // Sealed with the case's own key, not the master key; the store keeps the master key's fingerprint only.
    const [{ title }] = (await rawQuery(options, `select title from cases where id = '${caseId}'`)) as [{ title: string }];
    expect(sealedKeyId(title)).not.toBe(sealedKeyId(createSealer(KEY).text('x')));
    const keyring = await rawQuery(options, 'select * from keyring');
    expect(keyring).toEqual([expect.objectContaining({ id: 1, fingerprint: keyFingerprint(KEY) })]);
    const everything = JSON.stringify(await rawQuery(options, 'select * from keyring'));
    for (const form of [Buffer.from(KEY).toString('base64'), Buffer.from(KEY).toString('hex')]) expect(everything).not.toContain(form);
    store = await openStore({ ...options, encryptionKey: KEY });
  });

  it('reads them back whole, and exports them for the parent', async () => {
    const detail = await store.getCase(caseId);
    expect(detail.parties.map((p) => p.name)).toEqual(['Zanzibar Q', 'Ottoline Brackenbury']);
    expect(detail.parties[1]).not.toHaveProperty('address'); // withheld: never shown, only exported
    // As a letter prints it: no spaces, upper case.
    expect(detail.parties[1]).toMatchObject({ dateOfBirth: '1979-11-23', nationalInsuranceNumber: 'QQ654321A' });
    expect(detail.children[0]!.name).toBe('Perpetua');
    expect(detail).toMatchObject({ title: 'Brackenbury dispute', reference: '987654321098' });
    expect(detail.decisions[0]!.calculation).toMatchObject({ payingParent: { grossWeeklyIncome: 612.34 } });
    expect(detail.documents[0]).toMatchObject({
      filename: 'brackenbury-bank.csv',
      parsed: { metadata: { accountHolder: 'OTTOLINE Q BRACKENBURY' } },
    });
    expect((await store.transactions(caseId))[1]).toMatchObject({ description: 'HOLLOWMERE PHARMACY', reference: 'REF-QUILLFEATHER' });
    expect((await store.cmsEntries(caseId))[0]!.description).toBe('Overdue from Brackenbury');
    expect((await store.cmsEntries(caseId)).find((e) => e.origin === 'typed')).toMatchObject({
      description: 'Typed from the Thistlewood letter',
      caseReference: '555566667777',
    });
    expect(await store.evidence(caseId)).toEqual([
      expect.objectContaining({
        from: 'Marrowfield Foods Ltd',
        description: 'deducted by Marrowfield',
        source: 'payslip from Marrowfield',
      }),
    ]);
    expect((await store.latestReconciliation(caseId))!.result).toEqual({ findings: ['FINDING-WYCHWOOD'] });
    expect((await store.listCases()).cases.find((x) => x.id === caseId)).toMatchObject({ title: 'Brackenbury dispute' });
    const input = reconcileFromRecords(await store.caseRecords(caseId), { asOf: '2024-01-31' });
    expect(input.caseReference).toBe('987654321098');
    expect(input.bankTransactions?.map((x) => x.description)).toContain('HOLLOWMERE PHARMACY');
    expect(detail.events[0]).toMatchObject({ summary: 'Hollowbrook said the arrears were wrong', details: { who: 'Hollowbrook said' } });
    const exported = await store.exportCase(caseId);
    expect(exported.parties[1]).toMatchObject({
      address: '7 Hiddenmoor Lane',
      email: 'ottoline@example.org',
      dateOfBirth: '1979-11-23',
      nationalInsuranceNumber: 'QQ654321A',
    });
    expect(exported.letters[0]!.content).toEqual({ markdown: 'NI number QQ123456C' });
    expect(Buffer.from(exported.documents[0]!.originalBase64!, 'base64')).toEqual(Buffer.from(original));
  });

  it('export, delete, import gives the same case back, sealed again', async () => {
    const before = await store.exportCase(caseId);
    await store.deleteCase(caseId);
    await store.importCaseExport(before);
    const after = await store.exportCase(caseId);
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
    await store.close();
    const rows = await rawQuery(options, `select address from parties where case_id = '${caseId}' and address is not null`);
    expect(JSON.stringify(rows)).not.toContain('Hiddenmoor');
    store = await openStore({ ...options, encryptionKey: KEY });
  });

  it('without the key, or with another, reads nothing and writes nothing, naming the variable', async () => {
    const before = await store.exportCase(caseId);
    await store.close();
    for (const key of [undefined, OTHER]) {
      const wrong = await openStore({ ...options, ...(key ? { encryptionKey: key } : {}) });
      try {
        const reason = key ? 'wrong_key' : 'no_key';
        await expect(wrong.getCase(caseId)).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', code: 'unsupported', reason });
        await expect(wrong.getCase(caseId)).rejects.toThrow(
          key
            ? /^RECKONER_ENCRYPTION_KEY: this case's private details were encrypted with another key \(fingerprint [0-9a-f]{12}; /
            : /^RECKONER_ENCRYPTION_KEY: this case's private details are encrypted \(fingerprint [0-9a-f]{12}\) and no key is set/,
        );
        // The case list shows titles, which are sealed now: it needs the key too (it used not to).
        await expect(wrong.listCases()).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', reason });
        // Nothing is written under a key the store does not have: not a new case, not into this one.
        await expect(wrong.createCase({ title: 'written without the key', side: 'paying' })).rejects.toMatchObject({ reason });
        await expect(wrong.recordEvent(caseId, { type: 'note', date: '2024-05-01', summary: 'x' })).rejects.toMatchObject({ reason });
        await expect(wrong.importParsed(caseId, documentInfo('late'), bankStatement({ count: 2, account: 'late' }))).rejects.toMatchObject({
          reason,
        });
        await expect(wrong.importCaseExport(before, { asNew: true })).rejects.toMatchObject({ reason });
        await expect(wrong.deleteCase(caseId)).rejects.toMatchObject({ reason });
      } finally {
        await wrong.close();
      }
    }
    store = await openStore({ ...options, encryptionKey: KEY });
    const after = await store.exportCase(caseId);
    expect({ ...after, exportedAt: '' }).toEqual({ ...before, exportedAt: '' });
    expect((await store.listCases({ limit: 500 })).cases.map((c) => c.title)).not.toContain('written without the key');
  });

  it('deletes a case by destroying its key: its leftover rows cannot be opened, even with the master key', async () => {
    const c = await store.createCase({
      title: 'To shred',
      side: 'paying',
      parties: [{ role: 'receiving_parent', name: 'Shredded Person', address: '9 Shred Street', addressWithheld: true }],
    });
    await store.close();
    // What a copy of the database (a backup, a table file, the write-ahead log) holds of the case.
    const [[key], leftovers] = (await rawTransaction(options, [
      `select wrapped from case_keys where case_id = '${c.id}'`,
      `select name, address from parties where case_id = '${c.id}'`,
    ])) as [[{ wrapped: Uint8Array }], { name: string; address: string }[]];
    expect(key!.wrapped.length).toBeGreaterThan(32);
    store = await openStore({ ...options, encryptionKey: KEY });
    expect(await store.deleteCase(c.id)).toEqual({
      deleted: true,
      erasure:
        driver.name === 'pglite'
          ? expect.stringMatching(/Within about a minute the case store's tables that held them are rewritten/)
          : expect.stringMatching(/own encryption key are gone.*can no longer be opened/),
    });
    await store.close();
    expect(await rawQuery(options, `select * from case_keys where case_id = '${c.id}'`)).toEqual([]);
    // The master key alone opens none of it: each value names the case's own key, which is gone.
    const master = createKeyring(KEY).caseSealer(c.id, null);
    for (const value of [leftovers[0]!.name, leftovers[0]!.address]) {
      expect(value).toMatch(/^enc:v1:/);
      expect(() => master.openText(value)).toThrow(/encrypted with another key/);
    }
    store = await openStore({ ...options, encryptionKey: KEY });
  });

  it('refuses a store sealed by an earlier Reckoner without its key, and takes it with the key', async () => {
    // How the migration records a store whose values were sealed with the master key itself: by that key's id.
    await store.close();
    const legacy = `v1:${sealedKeyId(createSealer(KEY).text('x'))}`;
    await rawTransaction(options, [`update keyring set fingerprint = '${legacy}'`]);
    const none = await openStore(options);
    try {
      await expect(none.listCases()).rejects.toMatchObject({ reason: 'no_key' });
      await expect(none.listCases()).rejects.toThrow(`key id ${legacy.slice(3)}`);
    } finally {
      await none.close();
    }
    store = await openStore({ ...options, encryptionKey: KEY });
    expect((await store.getCase(caseId)).title).toBe('Brackenbury dispute');
    await store.close();
    // Opening with the key wrote down its fingerprint in the current form.
    expect(await rawQuery(options, 'select fingerprint from keyring')).toEqual([{ fingerprint: keyFingerprint(KEY) }]);
    store = await openStore({ ...options, encryptionKey: KEY });
  });

  it('starts sealing in a store that had no key, and still reads what was stored before', async () => {
    await store.close();
    const fresh = await driver.fresh();
    try {
      let plain = await openStore(fresh.options);
      const old = await plain.createCase({
        title: 'Before the key',
        side: 'paying',
        parties: [{ role: 'paying_parent', name: 'Plain Name' }],
      });
      await plain.close();
      expect(await rawQuery(fresh.options, 'select * from keyring')).toEqual([]);
      plain = await openStore({ ...fresh.options, encryptionKey: KEY });
      try {
        expect((await plain.getCase(old.id)).parties[0]!.name).toBe('Plain Name');
        await plain.recordEvent(old.id, { type: 'note', date: '2024-01-01', summary: 'Sealed note' });
        expect((await plain.getCase(old.id)).events[0]!.summary).toBe('Sealed note');
      } finally {
        await plain.close();
      }
      const rows = await rawQuery(fresh.options, `select summary from events where case_id = '${old.id}'`);
      expect(JSON.stringify(rows)).not.toContain('Sealed note');
      expect(await rawQuery(fresh.options, `select count(*)::int as n from case_keys where case_id = '${old.id}'`)).toEqual([{ n: 1 }]);
    } finally {
      await fresh.drop();
    }
    store = await openStore({ ...options, encryptionKey: KEY });
  });
});
