/**
 * Changing a case store's master key (RECKONER_ENCRYPTION_KEY), for `bin/reckoner rekey`: every case's data key
 * is unwrapped with the old key and wrapped with the new one, and the keyring's fingerprint changes to the new
 * key's, all in one transaction, so the store is never half under one key and half under the other. The cases'
 * sealed fields are not touched (they are sealed with their data keys), except values an earlier Reckoner sealed
 * directly with the master key, which are re-sealed under their case's data key first (otherwise the new key
 * could not open them).
 *
 * Running store transactions hold the keyring lock shared; the rekey holds it exclusively, so no case key is
 * wrapped under the old key meanwhile. A server still running with the old key is refused from then on (its
 * key no longer matches the fingerprint) and must be restarted with the new one. On PGlite the store must be
 * closed (one process per directory).
 * @module
 */
import { and, eq, like, or, sql } from 'drizzle-orm';
import { InputError } from '../calc/errors.ts';
import { diskFull, isDiskFull, sqlStateOf, StoreError, StoreFailure } from './errors.ts';
import { openDatabase, type StoreOptions } from './open.ts';
import { APP_ROLE, KEYRING_LOCK, KEYRING_ROLE, type Database } from './repository/index.ts';
import * as t from './schema.ts';
import { createKeyring, sealedKeyId, showFingerprint, type Keyring, type Sealer } from './seal.ts';

export interface RekeyResult {
  /** Case keys re-wrapped under the new key. */
  readonly cases: number;
  /** Values sealed directly by the old master key (an earlier format), re-sealed under their case's key. */
  readonly resealed: number;
  /** The new key's fingerprint as shown in messages (never the key). */
  readonly fingerprint: string;
}

export interface RekeyFields {
  /** Where the old key came from, for error messages (default RECKONER_ENCRYPTION_KEY). */
  readonly oldKey?: string;
  /** Where the new key came from (default RECKONER_NEW_ENCRYPTION_KEY). */
  readonly newKey?: string;
}

/** Case keys updated per statement. */
const BATCH = 1000;

/**
 * Re-wraps every case key of the store `options` points at from `oldKey` to `newKey`, in one transaction.
 * `options.encryptionKey` is not used.
 *
 * @throws {StoreError} `invalid_input` naming the old key's variable when it is not the store's key (reason
 *   `wrong_key`), or the new key's when it is the same key; `unsupported` when the store has no key yet (nothing
 *   to re-key), or the disk is full; `conflict` when another process has the PGlite directory.
 */
export async function rekeyStore(
  options: StoreOptions,
  oldKey: Uint8Array,
  newKey: Uint8Array,
  fields: RekeyFields = {},
): Promise<RekeyResult> {
  const oldField = fields.oldKey ?? 'RECKONER_ENCRYPTION_KEY';
  const newField = fields.newKey ?? 'RECKONER_NEW_ENCRYPTION_KEY';
  const from = createKeyring(oldKey);
  const to = createKeyring(newKey);
  if (from.fingerprint === to.fingerprint) {
    throw new StoreError('invalid_input', newField, `is the same key as ${oldField}; give the new key to change to`);
  }
  const opened = await openDatabase(options);
  try {
    return await opened.db.transaction(async (tx) => {
      // Exclusive: waits for every store transaction in progress, and holds new ones back until this commits.
      await tx.execute(sql`select pg_advisory_xact_lock(${KEYRING_LOCK}::bigint), set_config('role', ${KEYRING_ROLE}, true)`);
      const [recorded] = await tx.select().from(t.keyring);
      if (!recorded) {
        throw new StoreError(
          'unsupported',
          oldField,
          `this case store (${opened.location}) has no encryption key yet, so there is nothing to re-key; start Reckoner with ` +
            `${oldField} set to the key you want, and cases are sealed with it from then on`,
        );
      }
      if (!from.matches(recorded.fingerprint)) {
        throw new StoreError(
          'invalid_input',
          oldField,
          `is not the key this store's cases are encrypted with (the store has ${showFingerprint(recorded.fingerprint)}, this key ` +
            `${showFingerprint(from.fingerprint!)}); give the key the store was last used with. Nothing was changed.`,
          'wrong_key',
        );
      }
      const resealed = await resealLegacy(tx, from);

      await tx.execute(sql`select set_config('role', ${KEYRING_ROLE}, true)`);
      const keys = await tx.select({ caseId: t.caseKeys.caseId, wrapped: t.caseKeys.wrapped }).from(t.caseKeys);
      for (let i = 0; i < keys.length; i += BATCH) {
        const batch = keys.slice(i, i + BATCH).map((k) => ({
          case_id: k.caseId,
          wrapped: Buffer.from(to.wrap(k.caseId, from.unwrap(k.caseId, k.wrapped))).toString('base64'),
        }));
        await tx.execute(sql`update ${t.caseKeys} set wrapped = decode(x.wrapped, 'base64')
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(case_id uuid, wrapped text)
          where ${t.caseKeys.caseId} = x.case_id`);
      }
      await tx.update(t.keyring).set({ fingerprint: to.fingerprint!, changedAt: sql`now()` });
      return { cases: keys.length, resealed, fingerprint: showFingerprint(to.fingerprint!) };
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (isDiskFull(error)) throw diskFull('Changing the encryption key', opened);
    const state = sqlStateOf(error);
    throw new StoreFailure(
      `Changing the encryption key failed in the database${state ? ` (SQLSTATE ${state})` : ''}; nothing was changed.`,
      state,
    );
  } finally {
    await opened.close();
  }
}

/**
 * Values sealed directly by the master key, before cases had their own keys, re-sealed under their case's key
 * (made now if the case has none; it is wrapped by the old key and re-wrapped with the rest). They can only be
 * in the organisation "local": they were written before there were organisations.
 */
async function resealLegacy(tx: Database, from: Keyring): Promise<number> {
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('reckoner.organisation', 'local', true)`);
  const id = from.legacyFingerprint!.slice(3);
  const prefix = `enc:v1:${id}:%`;
  const sealers = new Map<string, Sealer>();
  const sealerOf = async (caseId: string): Promise<Sealer> => {
    let s = sealers.get(caseId);
    if (s) return s;
    const [row] = await tx.select({ wrapped: t.caseKeys.wrapped }).from(t.caseKeys).where(eq(t.caseKeys.caseId, caseId));
    if (row) s = from.caseSealer(caseId, row.wrapped);
    else {
      const key = from.newCaseKey(caseId);
      await tx.insert(t.caseKeys).values({ caseId, wrapped: key.wrapped });
      s = key.sealer;
    }
    sealers.set(caseId, s);
    return s;
  };
  const legacy = (value: string | null) => value !== null && sealedKeyId(value) === id;
  const text = (s: Sealer, value: string | null) => (legacy(value) ? s.text(s.openText(value)) : value);
  const json = (s: Sealer, value: unknown) => {
    const sealed = (value as { $sealed?: unknown } | null)?.$sealed;
    return typeof sealed === 'string' && legacy(sealed) ? s.json(s.openJson(value)) : value;
  };
  const sealedJson = (column: typeof t.events.details | typeof t.letters.content) => sql`${column}->>'$sealed' like ${prefix}`;
  let n = 0;

  for (const r of await tx
    .select()
    .from(t.parties)
    .where(
      or(like(t.parties.name, prefix), like(t.parties.email, prefix), like(t.parties.phone, prefix), like(t.parties.address, prefix)),
    )) {
    const s = await sealerOf(r.caseId);
    await tx
      .update(t.parties)
      .set({ name: text(s, r.name)!, email: text(s, r.email), phone: text(s, r.phone), address: text(s, r.address) })
      .where(eq(t.parties.id, r.id));
    n++;
  }
  for (const r of await tx.select().from(t.children).where(like(t.children.name, prefix))) {
    const s = await sealerOf(r.caseId);
    await tx
      .update(t.children)
      .set({ name: text(s, r.name)! })
      .where(eq(t.children.id, r.id));
    n++;
  }
  for (const r of await tx
    .select()
    .from(t.events)
    .where(or(like(t.events.summary, prefix), sealedJson(t.events.details)))) {
    const s = await sealerOf(r.caseId);
    await tx
      .update(t.events)
      .set({ summary: text(s, r.summary), details: json(s, r.details) })
      .where(eq(t.events.id, r.id));
    n++;
  }
  for (const r of await tx.select().from(t.letters).where(sealedJson(t.letters.content))) {
    const s = await sealerOf(r.caseId);
    await tx
      .update(t.letters)
      .set({ content: json(s, r.content) })
      .where(eq(t.letters.id, r.id));
    n++;
  }
  const magic = Buffer.concat([Buffer.from('RKSEAL1', 'latin1'), Buffer.from(id, 'hex')]);
  for (const r of await tx
    .select({ id: t.documents.id, caseId: t.documents.caseId, original: t.documents.original })
    .from(t.documents)
    .where(and(sql`${t.documents.original} is not null`, sql`substr(${t.documents.original}, 1, ${magic.length}) = ${magic}`))) {
    const s = await sealerOf(r.caseId);
    await tx
      .update(t.documents)
      .set({ original: s.bytes(s.openBytes(r.original!)) })
      .where(eq(t.documents.id, r.id));
    n++;
  }
  return n;
}
