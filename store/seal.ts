/**
 * Encryption of case data, with a key that cannot lock a user out.
 *
 * **Envelope.** RECKONER_ENCRYPTION_KEY is the master key. Each case has its own random data key, stored
 * wrapped by the master key (AES-256-GCM, the case id as associated data, so a wrapped key cannot be moved to
 * another case) in `case_keys`; the case's private fields are sealed with the data key. Deleting a case deletes
 * its key (crypto-shredding): copies of its rows left in write-ahead logs, backups or table files are ciphertext
 * whose key is gone from the database. Changing the master key re-wraps the data keys only (store/rekey.ts).
 *
 * **Fingerprint.** The store records an HMAC-SHA-256 of a fixed text under the master key (never the key
 * itself) in `keyring`. A process with no key or another key is refused before it reads or writes a case of
 * a store that has one, naming the variable and what to do: nothing is ever written under a key that the next
 * process will not have.
 *
 * **Formats.** A sealed text is `enc:v1:<key id>:<base64 of iv, ciphertext, tag>`; sealed bytes start with
 * "RKSEAL1", then the key id; sealed JSON is `{ "$sealed": <sealed text> }`. The key id (the first 4 bytes of
 * the key's SHA-256) names the data key, or, for values sealed before data keys existed, the master key itself:
 * those are still read with the master key (and re-sealed under the case's key by a rekey). Values stored
 * before any key was set are read as they are.
 * @module
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { StoreError } from './errors.ts';

export interface Sealer {
  /** Whether values are sealed (a key is set). */
  readonly sealing: boolean;
  text(value: string): string;
  text(value: string | null): string | null;
  openText(value: string): string;
  openText(value: string | null): string | null;
  bytes(value: Uint8Array): Uint8Array;
  bytes(value: Uint8Array | null): Uint8Array | null;
  openBytes(value: Uint8Array): Uint8Array;
  openBytes(value: Uint8Array | null): Uint8Array | null;
  json<T>(value: T): T | { readonly $sealed: string };
  openJson(value: unknown): unknown;
}

const TEXT = /^enc:v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;
const MAGIC = Buffer.from('RKSEAL1', 'latin1');
const IV = 12;
const TAG = 16;
const KEY_FIELD = 'RECKONER_ENCRYPTION_KEY';

/**
 * The 32-byte key from RECKONER_ENCRYPTION_KEY: 44 characters of base64 or 64 hex digits.
 * @throws {StoreError} naming the variable and how to make a key, for anything else.
 */
export function parseKey(text: string, field: string = KEY_FIELD): Uint8Array {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(t) ? Buffer.from(t, 'base64') : undefined;
  if (!key || key.length !== 32) {
    throw new StoreError(
      'invalid_input',
      field,
      'must be a 32-byte key written as 44 characters of base64 or 64 hex digits (make one with: openssl rand -base64 32)',
    );
  }
  return new Uint8Array(key);
}

/**
 * Nonces: 12 random bytes for every value sealed, taken from a pool filled from the system's random source 4 KiB
 * at a time (asking for 12 bytes at a time costs as much as the sealing itself; an import seals thousands).
 */
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function freshIv(): Buffer {
  if (ivAt + IV > ivPool.length) {
    ivPool = randomBytes(IV * 341);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + IV);
  ivAt += IV;
  return iv;
}

const keyIdOf = (key: Uint8Array) => createHash('sha256').update(key).digest().subarray(0, 4).toString('hex');

function cannotOpen(id: string, keyId: string | undefined, anyKey: boolean): StoreError {
  return new StoreError(
    'unsupported',
    KEY_FIELD,
    keyId === undefined && !anyKey
      ? `this case's private details are encrypted (key ${id}) and no key is set; start Reckoner with the ${KEY_FIELD} they were saved with`
      : `this case's private details were encrypted with another key (${id}, not ${keyId ?? 'one this store holds'}); start Reckoner with the ${KEY_FIELD} they were saved with`,
    keyId === undefined && !anyKey ? 'no_key' : 'wrong_key',
  );
}

/**
 * A sealer with `key`, or one that stores values as they are (and still refuses to misread sealed ones).
 * `alsoOpens` are further keys whose values it can open but never seals with (the master key, for values
 * sealed before data keys existed).
 */
export function createSealer(key?: Uint8Array, alsoOpens: readonly Uint8Array[] = []): Sealer {
  const keyId = key ? keyIdOf(key) : undefined;
  const idBytes = keyId ? Buffer.from(keyId, 'hex') : undefined;
  const openers = new Map<string, Uint8Array>();
  for (const k of alsoOpens) openers.set(keyIdOf(k), k);
  if (key) openers.set(keyId!, key);

  const encrypt = (plain: Uint8Array): Buffer => {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', key!, iv);
    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const decrypt = (id: string, sealed: Uint8Array): Buffer => {
    const k = openers.get(id);
    if (!k) throw cannotOpen(id, keyId, openers.size > 0);
    const b = Buffer.from(sealed);
    if (b.length < IV + TAG) throw cannotOpen(id, keyId, openers.size > 0);
    const decipher = createDecipheriv('aes-256-gcm', k, b.subarray(0, IV));
    decipher.setAuthTag(b.subarray(b.length - TAG));
    try {
      return Buffer.concat([decipher.update(b.subarray(IV, b.length - TAG)), decipher.final()]);
    } catch {
      throw new StoreError('unsupported', KEY_FIELD, `a sealed value did not open with key ${id}: the database was changed or damaged`);
    }
  };

  function text(value: string): string;
  function text(value: string | null): string | null;
  function text(value: string | null): string | null {
    if (value === null || !key) return value;
    return `enc:v1:${keyId}:${encrypt(Buffer.from(value, 'utf8')).toString('base64')}`;
  }
  function openText(value: string): string;
  function openText(value: string | null): string | null;
  function openText(value: string | null): string | null {
    const m = value === null ? null : TEXT.exec(value);
    if (!m) return value;
    return decrypt(m[1]!, Buffer.from(m[2]!, 'base64')).toString('utf8');
  }
  function bytes(value: Uint8Array): Uint8Array;
  function bytes(value: Uint8Array | null): Uint8Array | null;
  function bytes(value: Uint8Array | null): Uint8Array | null {
    if (value === null || !key) return value;
    return new Uint8Array(Buffer.concat([MAGIC, idBytes!, encrypt(value)]));
  }
  function openBytes(value: Uint8Array): Uint8Array;
  function openBytes(value: Uint8Array | null): Uint8Array | null;
  function openBytes(value: Uint8Array | null): Uint8Array | null {
    if (value === null || value.length < MAGIC.length + 4 || !MAGIC.equals(value.subarray(0, MAGIC.length))) return value;
    const id = Buffer.from(value.subarray(MAGIC.length, MAGIC.length + 4)).toString('hex');
    return new Uint8Array(decrypt(id, value.subarray(MAGIC.length + 4)));
  }
  return {
    sealing: key !== undefined,
    text,
    openText,
    bytes,
    openBytes,
    json: <T>(value: T) => (key ? { $sealed: text(JSON.stringify(value)) } : value),
    openJson: (value: unknown) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      const sealed = (value as { $sealed?: unknown }).$sealed;
      if (keys.length !== 1 || typeof sealed !== 'string' || !TEXT.test(sealed)) return value;
      return JSON.parse(openText(sealed)) as unknown;
    },
  };
}

/** Whether a stored text is sealed (by any key). */
export const isSealedText = (value: string | null): boolean => value !== null && TEXT.test(value);

/** The id a sealed text or sealed bytes name (`enc:v1:<id>:` / RKSEAL1<id>), if they are sealed. */
export function sealedKeyId(value: string | Uint8Array | null): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return TEXT.exec(value)?.[1];
  if (value.length < MAGIC.length + 4 || !MAGIC.equals(value.subarray(0, MAGIC.length))) return undefined;
  return Buffer.from(value.subarray(MAGIC.length, MAGIC.length + 4)).toString('hex');
}

// ---------------------------------------------------------------------------------------------------
// The master key: its fingerprint, and the wrapping of each case's data key.

const WRAP = Buffer.from('RKWRAP1', 'latin1');
const DATA_KEY = 32;

/** What the store records of a master key: an HMAC-SHA-256 under the key, 64 hex digits; never the key. */
export function keyFingerprint(key: Uint8Array): string {
  return createHmac('sha256', key).update('reckoner master key fingerprint v1').digest('hex');
}

/** How a recorded fingerprint is shown: its first 12 hex digits, or the key id of the earlier format. */
export const showFingerprint = (fingerprint: string): string =>
  fingerprint.startsWith('v1:') ? `key id ${fingerprint.slice(3)}` : `fingerprint ${fingerprint.slice(0, 12)}`;

/** The fingerprint the keyring records for values sealed directly by the master key (before data keys). */
export const legacyFingerprint = (key: Uint8Array): string => `v1:${keyIdOf(key)}`;

const aadOf = (caseId: string) => Buffer.from(`reckoner case key ${caseId.toLowerCase()}`, 'utf8');

export interface Keyring {
  /** Whether there is a master key (new values are sealed). */
  readonly sealing: boolean;
  /** The master key's fingerprint ({@link keyFingerprint}); undefined without a key. */
  readonly fingerprint: string | undefined;
  /** `v1:<key id>`: how the keyring records this key for values sealed by it directly (earlier format). */
  readonly legacyFingerprint: string | undefined;
  /** Whether a recorded fingerprint is this key's (either form). */
  matches(recorded: string): boolean;
  /** A new random data key for a case: wrapped for storing, and the sealer that uses it. */
  newCaseKey(caseId: string): { readonly wrapped: Uint8Array; readonly sealer: Sealer };
  /**
   * The sealer for a case: with its data key when it has one (opening values sealed by the master key too).
   * Without one, it seals nothing: the repository gives a case a key before it seals anything of it.
   */
  caseSealer(caseId: string, wrapped: Uint8Array | null): Sealer;
  /** The data key inside a wrapped key. @throws {StoreError} when it was not wrapped by this key for this case. */
  unwrap(caseId: string, wrapped: Uint8Array): Uint8Array;
  wrap(caseId: string, dataKey: Uint8Array): Uint8Array;
}

/** The keyring of a master key, or of none (values stored as they are; sealed ones refused with the variable named). */
export function createKeyring(master?: Uint8Array): Keyring {
  const plain = createSealer();
  const legacy = master ? [master] : [];
  const wrap = (caseId: string, dataKey: Uint8Array): Uint8Array => {
    if (!master) throw new StoreError('unsupported', KEY_FIELD, `is not set; a case key cannot be made without it`);
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', master, iv);
    cipher.setAAD(aadOf(caseId));
    return new Uint8Array(Buffer.concat([WRAP, iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]));
  };
  const unwrap = (caseId: string, wrapped: Uint8Array): Uint8Array => {
    const b = Buffer.from(wrapped);
    const damaged = () =>
      new StoreError(
        'unsupported',
        KEY_FIELD,
        master
          ? "this case's key does not open with this key: the database was changed or damaged, or restored beside another key"
          : `this case's private details are encrypted and no key is set; start Reckoner with the ${KEY_FIELD} they were saved with`,
        master ? undefined : 'no_key',
      );
    if (!master || b.length !== WRAP.length + IV + DATA_KEY + TAG || !WRAP.equals(b.subarray(0, WRAP.length))) throw damaged();
    const decipher = createDecipheriv('aes-256-gcm', master, b.subarray(WRAP.length, WRAP.length + IV));
    decipher.setAAD(aadOf(caseId));
    decipher.setAuthTag(b.subarray(b.length - TAG));
    try {
      return new Uint8Array(Buffer.concat([decipher.update(b.subarray(WRAP.length + IV, b.length - TAG)), decipher.final()]));
    } catch {
      throw damaged();
    }
  };
  const fingerprint = master ? keyFingerprint(master) : undefined;
  const legacyPrint = master ? legacyFingerprint(master) : undefined;
  return {
    sealing: master !== undefined,
    fingerprint,
    legacyFingerprint: legacyPrint,
    matches: (recorded) => recorded === fingerprint || recorded === legacyPrint,
    newCaseKey: (caseId) => {
      const dataKey = new Uint8Array(randomBytes(DATA_KEY));
      return { wrapped: wrap(caseId, dataKey), sealer: createSealer(dataKey, legacy) };
    },
    caseSealer: (caseId, wrapped) => {
      if (wrapped === null) return master ? createSealer(undefined, legacy) : plain;
      return createSealer(unwrap(caseId, wrapped), legacy);
    },
    unwrap,
    wrap,
  };
}

/**
 * The error for a process whose key is not the store's: no key, or another one. `scope` words it for one case
 * or for the whole store. Names the variable and what to do; never the key.
 */
export function keyRefused(recorded: string, keyring: Keyring, scope: 'case' | 'store'): StoreError {
  const what = scope === 'case' ? "this case's private details" : 'the cases in this store';
  const shown = showFingerprint(recorded);
  if (!keyring.sealing) {
    return new StoreError(
      'unsupported',
      KEY_FIELD,
      `${what} are encrypted (${shown}) and no key is set; start Reckoner with the ${KEY_FIELD} they were saved with. ` +
        'Nothing can be read or written without it, and nothing was changed.',
      'no_key',
    );
  }
  return new StoreError(
    'unsupported',
    KEY_FIELD,
    `${what} were encrypted with another key (${shown}; this ${KEY_FIELD} has ${showFingerprint(keyring.fingerprint!)}); ` +
      'start Reckoner with the key they were saved with (after `reckoner rekey`, the new key). Nothing was changed.',
    'wrong_key',
  );
}
