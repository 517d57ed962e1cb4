/**
 * Field-level encryption of the most dangerous case data: names and contact details (an abuse survivor's
 * withheld address above all), children's names, event notes, letters (which carry addresses and National
 * Insurance numbers) and the original bytes of documents. With RECKONER_ENCRYPTION_KEY set, these are
 * sealed with AES-256-GCM before they reach the database, so a copied database or a leaked backup does
 * not give them away; everything else (dates, amounts, fingerprints) stays queryable.
 *
 * A sealed text is `enc:v1:<key id>:<base64 of iv, ciphertext, tag>`; sealed bytes start with "RKSEAL1",
 * then the key id. The key id (the first 4 bytes of the key's SHA-256) lets a wrong or missing key be
 * named instead of giving garbage. Values written before a key was set are read as they are.
 * @module
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
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
export function parseKey(text: string): Uint8Array {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/]{43}=$/.test(t) ? Buffer.from(t, 'base64') : undefined;
  if (!key || key.length !== 32) {
    throw new StoreError(
      'invalid_input',
      KEY_FIELD,
      'must be a 32-byte key written as 44 characters of base64 or 64 hex digits (make one with: openssl rand -base64 32)',
    );
  }
  return new Uint8Array(key);
}

const keyIdOf = (key: Uint8Array) => createHash('sha256').update(key).digest().subarray(0, 4).toString('hex');

function cannotOpen(id: string, keyId: string | undefined): StoreError {
  return new StoreError(
    'unsupported',
    KEY_FIELD,
    keyId === undefined
      ? `this case's private details are encrypted (key ${id}) and no key is set; start Reckoner with the ${KEY_FIELD} they were saved with`
      : `this case's private details were encrypted with another key (${id}, not ${keyId}); start Reckoner with the ${KEY_FIELD} they were saved with`,
  );
}

/** A sealer with `key`, or one that stores values as they are (and still refuses to misread sealed ones). */
export function createSealer(key?: Uint8Array): Sealer {
  const keyId = key ? keyIdOf(key) : undefined;
  const idBytes = keyId ? Buffer.from(keyId, 'hex') : undefined;

  const encrypt = (plain: Uint8Array): Buffer => {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', key!, iv);
    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const decrypt = (id: string, sealed: Uint8Array): Buffer => {
    if (id !== keyId) throw cannotOpen(id, keyId);
    const b = Buffer.from(sealed);
    if (b.length < IV + TAG) throw cannotOpen(id, keyId);
    const decipher = createDecipheriv('aes-256-gcm', key!, b.subarray(0, IV));
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
