/**
 * Field-level encryption (store/seal.ts): with RECKONER_ENCRYPTION_KEY the private fields never reach the
 * database in the clear, read back whole through the store, travel in the export, and a missing or wrong
 * key is named rather than giving garbage. On PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { InputError } from '../../calc/errors.ts';
import { StoreError } from '../../store/errors.ts';
import { openStore, storeOptionsFromEnv } from '../../store/open.ts';
import { createSealer, parseKey } from '../../store/seal.ts';
import type { CaseStore } from '../../store/types.ts';
import { bankStatement, cleanup, documentInfo, DRIVERS, rawQuery } from './helpers.ts';

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
      title: 'Sealed',
      side: 'receiving',
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
    await store.recordEvent(caseId, {
      type: 'call',
      date: '2024-03-01',
      summary: 'Hollowbrook said the arrears were wrong',
      details: { who: 'Hollowbrook said' },
    });
    await store.saveLetter(caseId, { type: 'subject_access_request', content: { markdown: 'NI number QQ123456C' } });
    await store.importParsed(caseId, documentInfo(original, { keep: true }), bankStatement({ count: 3 }));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('keeps every private field out of the database in the clear', async () => {
    await store.close(); // PGlite is read directly below; one process at a time
    const tables = ['parties', 'children', 'events', 'letters', 'documents'];
    const dump = JSON.stringify(
      await Promise.all(tables.map((table) => rawQuery(options, `select * from ${table} where case_id = '${caseId}'`))),
      (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v),
    );
    for (const secret of [...SECRETS, 'BRACKENBURY REF']) expect(dump, secret).not.toContain(secret);
    expect(dump).toContain('enc:v1:');
    store = await openStore({ ...options, encryptionKey: KEY });
  });

  it('reads them back whole, and exports them for the parent', async () => {
    const detail = await store.getCase(caseId);
    expect(detail.parties.map((p) => p.name)).toEqual(['Zanzibar Q', 'Ottoline Brackenbury']);
    expect(detail.parties[1]).not.toHaveProperty('address'); // withheld: never shown, only exported
    expect(detail.children[0]!.name).toBe('Perpetua');
    expect(detail.events[0]).toMatchObject({ summary: 'Hollowbrook said the arrears were wrong', details: { who: 'Hollowbrook said' } });
    const exported = await store.exportCase(caseId);
    expect(exported.parties[1]).toMatchObject({ address: '7 Hiddenmoor Lane', email: 'ottoline@example.org' });
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

  it('without the key, or with another, says which key the data needs', async () => {
    await store.close();
    for (const key of [undefined, OTHER]) {
      const wrong = await openStore({ ...options, ...(key ? { encryptionKey: key } : {}) });
      try {
        await expect(wrong.getCase(caseId)).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', code: 'unsupported' });
        // What needs no key still works: the case list has no private fields.
        expect((await wrong.listCases()).cases.map((c) => c.id)).toContain(caseId);
      } finally {
        await wrong.close();
      }
    }
    store = await openStore({ ...options, encryptionKey: KEY });
  });
});
