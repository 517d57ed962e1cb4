/**
 * The standard security handler (ISO 32000-1 §7.6.3, ISO 32000-2 §7.6.4), so that the streams of an
 * encrypted PDF can be measured as pdf.js will read them: decrypted. Bank statements are often encrypted
 * with an empty user password (they open without asking, but cannot be edited), so a decompression bomb
 * inside one must be found like any other.
 *
 * The key is found as pdf.js finds it: from the password given, or the empty password when none is, tried
 * as the user password and then as the owner password. RC4 (40 to 128 bits, revisions 2 to 4), AES-128
 * (AESV2) and AES-256 (AESV3, revisions 5 and 6). When no key can be found, the file cannot be opened by
 * pdf.js either (it stops at the password), and there is nothing to decrypt.
 * @module
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { Dict, Name, PdfString, type PdfFile, type PdfValue } from './objects.ts';

/** How a file's streams are read. */
export type Encryption =
  | { readonly kind: 'none' }
  /** The key was found: `decrypt` gives a stream's data as pdf.js reads it. */
  | { readonly kind: 'open'; readonly decrypt: (num: number, gen: number, data: Uint8Array) => Uint8Array }
  /** Encrypted, and no key opens it with the password given (or none): pdf.js asks for the password. */
  | { readonly kind: 'locked' };

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e,
  0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const sha = (algorithm: 'sha256' | 'sha384' | 'sha512', ...parts: Uint8Array[]): Uint8Array => {
  const h = createHash(algorithm);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/** RC4 (not offered by every OpenSSL build, and short enough to write here). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** AES-CBC decryption as pdf.js does it: the first 16 bytes are the IV; PKCS#5 padding removed when valid. */
function aesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const decipher = createDecipheriv(key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc', key, data.subarray(0, 16));
  decipher.setAutoPadding(false);
  const out = new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  const pad = out[out.length - 1]!;
  if (pad >= 1 && pad <= 16 && out.subarray(out.length - pad).every((b) => b === pad)) return out.subarray(0, out.length - pad);
  return out;
}

function aesNoPadding(mode: 'encrypt' | 'decrypt', algorithm: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const c = mode === 'encrypt' ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

const bytesOf = (v: PdfValue | undefined): Uint8Array => (v instanceof PdfString ? v.bytes : new Uint8Array(0));
const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
/** A password as pdf.js turns it into bytes: the low byte of each character. */
const passwordBytes = (password: string): Uint8Array => Uint8Array.from([...password].map((c) => c.charCodeAt(0) & 0xff));

/** Algorithm 2 (revisions 2 to 4): the file key from a password, checked against /U (algorithms 4 and 5). */
function keyR2to4(p: Params, password: Uint8Array): Uint8Array | undefined {
  const padded = new Uint8Array(32);
  padded.set(password.subarray(0, 32));
  padded.set(PAD.subarray(0, 32 - Math.min(32, password.length)), Math.min(32, password.length));
  const flags = new Uint8Array(4);
  new DataView(flags.buffer).setInt32(0, p.flags, true);
  const parts = [padded, p.o.subarray(0, 32), flags, p.fileId];
  if (p.revision >= 4 && !p.encryptMetadata) parts.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff]));
  let hash = md5(...parts);
  const n = p.keyBits >> 3;
  if (p.revision >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, n));
  const key = hash.subarray(0, n);
  let check: Uint8Array;
  if (p.revision >= 3) {
    check = rc4(key, md5(PAD, p.fileId));
    for (let i = 1; i <= 19; i++)
      check = rc4(
        key.map((b) => b ^ i),
        check,
      );
    return equal(check, p.u.subarray(0, 16)) ? key : undefined;
  }
  check = rc4(key, PAD);
  return equal(check, p.u.subarray(0, 32)) ? key : undefined;
}

/** Algorithm 7: the user password hidden in /O, from the owner password. */
function userPasswordFromOwner(p: Params, owner: Uint8Array): Uint8Array {
  const padded = new Uint8Array(32);
  padded.set(owner.subarray(0, 32));
  padded.set(PAD.subarray(0, 32 - Math.min(32, owner.length)), Math.min(32, owner.length));
  let hash = md5(padded);
  const n = p.keyBits >> 3;
  if (p.revision >= 3) for (let i = 0; i < 50; i++) hash = md5(hash);
  if (p.revision < 3) return rc4(hash.subarray(0, n), p.o.subarray(0, 32));
  let user = p.o.subarray(0, 32);
  for (let i = 19; i >= 0; i--)
    user = rc4(
      hash.subarray(0, n).map((b) => b ^ i),
      user,
    );
  return user;
}

/** Algorithm 2.B (ISO 32000-2): the hash of revision 6. */
function hashR6(password: Uint8Array, salt: Uint8Array, userBytes: Uint8Array): Uint8Array {
  let k = sha('sha256', password, salt, userBytes);
  let e: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < 64 || e[e.length - 1]! > i - 32; i++) {
    const one = new Uint8Array(password.length + k.length + userBytes.length);
    one.set(password);
    one.set(k, password.length);
    one.set(userBytes, password.length + k.length);
    const k1 = new Uint8Array(one.length * 64);
    for (let r = 0; r < 64; r++) k1.set(one, r * one.length);
    e = aesNoPadding('encrypt', 'aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32), k1);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j]!;
    k = sum % 3 === 0 ? sha('sha256', e) : sum % 3 === 1 ? sha('sha384', e) : sha('sha512', e);
  }
  return k.subarray(0, 32);
}

/** Revisions 5 and 6: the file key, unwrapped from /UE (user password) or /OE (owner password). */
function keyR5or6(p: Params, password: Uint8Array): Uint8Array | undefined {
  const pw = password.subarray(0, 127);
  const hash = (salt: Uint8Array, udata: Uint8Array) => (p.revision === 6 ? hashR6(pw, salt, udata) : sha('sha256', pw, salt, udata));
  const u48 = p.u.subarray(0, 48);
  const none = new Uint8Array(0);
  const zeroIv = new Uint8Array(16);
  if (equal(hash(p.u.subarray(32, 40), none), p.u.subarray(0, 32))) {
    return aesNoPadding('decrypt', 'aes-256-cbc', hash(p.u.subarray(40, 48), none), zeroIv, p.ue.subarray(0, 32));
  }
  if (pw.length > 0 && equal(hash(p.o.subarray(32, 40), u48), p.o.subarray(0, 32))) {
    return aesNoPadding('decrypt', 'aes-256-cbc', hash(p.o.subarray(40, 48), u48), zeroIv, p.oe.subarray(0, 32));
  }
  return undefined;
}

interface Params {
  readonly v: number;
  readonly revision: number;
  readonly keyBits: number;
  readonly o: Uint8Array;
  readonly u: Uint8Array;
  readonly oe: Uint8Array;
  readonly ue: Uint8Array;
  readonly flags: number;
  readonly encryptMetadata: boolean;
  readonly fileId: Uint8Array;
}

/** The per-object key of revisions 2 to 4 (algorithm 1). */
function objectKey(key: Uint8Array, num: number, gen: number, aes: boolean): Uint8Array {
  const suffix = [num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff];
  if (aes) suffix.push(0x73, 0x41, 0x6c, 0x54);
  return md5(key, Uint8Array.from(suffix)).subarray(0, Math.min(key.length + 5, 16));
}

/** Finds how the file's streams are encrypted, and the key for `password` (or the empty password). */
export function openEncryption(file: PdfFile, password?: string): Encryption {
  const dict = file.resolve(file.trailerEntry('Encrypt'));
  if (!(dict instanceof Dict)) return { kind: 'none' };
  const get = (key: string) => file.resolve(dict.get(key));
  if (!(get('Filter') instanceof Name) || (get('Filter') as Name).name !== 'Standard') return { kind: 'locked' };
  const v = get('V');
  if (v !== 1 && v !== 2 && v !== 4 && v !== 5) return { kind: 'locked' };
  const cf = get('CF');
  const stmf = get('StmF');
  let keyBits = get('Length');
  if (typeof keyBits !== 'number' || keyBits === 0) {
    keyBits = 40;
    if (v >= 4 && cf instanceof Dict && stmf instanceof Name) {
      const handler = file.resolve(cf.get(stmf.name));
      const length = handler instanceof Dict ? file.resolve(handler.get('Length')) : undefined;
      keyBits = typeof length === 'number' && length > 0 ? (length < 40 ? length * 8 : length) : 128;
    }
  }
  if (!Number.isInteger(keyBits) || keyBits < 40 || keyBits % 8 !== 0) return { kind: 'locked' };
  // pdf.js reads a missing /R as below 3 (the revision 2 algorithm) and a missing /P as 0: so does this.
  const r = get('R');
  const p = get('P');
  const revision = typeof r === 'number' ? r : 0;
  const flags = typeof p === 'number' ? p : 0;
  const ids = file.resolve(file.trailerEntry('ID'));
  const params: Params = {
    v,
    revision,
    keyBits,
    o: bytesOf(get('O')),
    u: bytesOf(get('U')),
    oe: bytesOf(get('OE')),
    ue: bytesOf(get('UE')),
    flags: flags | 0,
    encryptMetadata: !((v === 4 || v === 5) && get('EncryptMetadata') === false),
    fileId: Array.isArray(ids) ? bytesOf(file.resolve(ids[0])) : new Uint8Array(0),
  };
  const given = password ? passwordBytes(password) : new Uint8Array(0);
  let key: Uint8Array | undefined;
  try {
    if (v === 5) key = keyR5or6(params, given);
    else {
      key = keyR2to4(params, given);
      if (!key && given.length > 0) key = keyR2to4(params, userPasswordFromOwner(params, given));
    }
  } catch {
    key = undefined;
  }
  if (!key) return { kind: 'locked' };
  if (v === 4 && key.length < 16) {
    const wide = new Uint8Array(16);
    wide.set(key);
    key = wide;
  }
  const fileKey = key;
  if (v < 4) return { kind: 'open', decrypt: (num, gen, data) => rc4(objectKey(fileKey, num, gen, false), data) };
  // Version 4 and 5: the crypt filter named by /StmF says how streams are encrypted (none, RC4 or AES).
  const method = (() => {
    if (!(stmf instanceof Name) || !(cf instanceof Dict)) return 'None';
    const filter = file.resolve(cf.get(stmf.name));
    const cfm = filter instanceof Dict ? file.resolve(filter.get('CFM')) : undefined;
    return cfm instanceof Name ? cfm.name : 'None';
  })();
  switch (method) {
    case 'V2':
      return { kind: 'open', decrypt: (num, gen, data) => rc4(objectKey(fileKey, num, gen, false), data) };
    case 'AESV2':
      return { kind: 'open', decrypt: (num, gen, data) => aesDecrypt(objectKey(fileKey, num, gen, true), data) };
    case 'AESV3':
      return { kind: 'open', decrypt: (_num, _gen, data) => aesDecrypt(fileKey, data) };
    default:
      return { kind: 'open', decrypt: (_num, _gen, data) => data };
  }
}

// ---------------------------------------------------------------- for test fixtures

/**
 * The /O and /U entries and the file key of revision 3 (RC4, 128 bits) for a user and an owner password:
 * what a writer puts in /Encrypt (algorithms 3 and 5). Used by the fixture generator for hand-made files.
 */
export function standardR3Entries(
  user: string,
  owner: string,
  flags: number,
  fileId: Uint8Array,
): { o: Uint8Array; u: Uint8Array; key: Uint8Array } {
  const pad = (pw: Uint8Array) => {
    const out = new Uint8Array(32);
    out.set(pw.subarray(0, 32));
    out.set(PAD.subarray(0, 32 - Math.min(32, pw.length)), Math.min(32, pw.length));
    return out;
  };
  let hash = md5(pad(passwordBytes(owner || user)));
  for (let i = 0; i < 50; i++) hash = md5(hash);
  let o: Uint8Array = pad(passwordBytes(user));
  for (let i = 0; i < 20; i++)
    o = rc4(
      hash.subarray(0, 16).map((b) => b ^ i),
      o,
    );
  const flagBytes = new Uint8Array(4);
  new DataView(flagBytes.buffer).setInt32(0, flags, true);
  let k = md5(pad(passwordBytes(user)), o, flagBytes, fileId);
  for (let i = 0; i < 50; i++) k = md5(k.subarray(0, 16));
  const key = k.subarray(0, 16);
  let u = rc4(key, md5(PAD, fileId));
  for (let i = 1; i <= 19; i++)
    u = rc4(
      key.map((b) => b ^ i),
      u,
    );
  const uFull = new Uint8Array(32);
  uFull.set(u);
  return { o, u: uFull, key };
}

/** RC4-encrypts a stream of object `num` as revision 3 does (for fixtures). */
export function encryptR3(key: Uint8Array, num: number, gen: number, data: Uint8Array): Uint8Array {
  return rc4(objectKey(key, num, gen, false), data);
}

/**
 * The /O, /U, /OE and /UE entries of revision 6 (AES-256, ISO 32000-2 algorithms 8 and 9) for a user and
 * an owner password and a file key, with fixed salts: what a writer puts in /Encrypt. For fixtures.
 */
export function standardR6Entries(
  user: string,
  owner: string,
  fileKey: Uint8Array,
): { o: Uint8Array; u: Uint8Array; oe: Uint8Array; ue: Uint8Array } {
  const salt = (seed: number) => Uint8Array.from({ length: 8 }, (_, i) => (seed * 31 + i * 7) & 0xff);
  const zeroIv = new Uint8Array(16);
  const none = new Uint8Array(0);
  const up = passwordBytes(user);
  const op = passwordBytes(owner);
  const [uvs, uks, ovs, oks] = [salt(1), salt(2), salt(3), salt(4)];
  const u = new Uint8Array([...hashR6(up, uvs, none), ...uvs, ...uks]);
  const ue = aesNoPadding('encrypt', 'aes-256-cbc', hashR6(up, uks, none), zeroIv, fileKey);
  const o = new Uint8Array([...hashR6(op, ovs, u), ...ovs, ...oks]);
  const oe = aesNoPadding('encrypt', 'aes-256-cbc', hashR6(op, oks, u), zeroIv, fileKey);
  return { o, u, oe, ue };
}

/** AES-256-encrypts a stream as revisions 5 and 6 do: a 16-byte IV, then CBC with PKCS#5 padding (for fixtures). */
export function encryptAes256(fileKey: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16).fill(7)): Uint8Array {
  const c = createCipheriv('aes-256-cbc', fileKey, iv);
  return new Uint8Array(Buffer.concat([iv, c.update(data), c.final()]));
}
