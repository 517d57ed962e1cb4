/**
 * Who is calling a shared server. `RECKONER_API_TOKENS` lists one token per principal, each written
 * `organisation:principal:secret` — the organisation whose cases the principal may see, a name for the audit log,
 * and a secret of at least 32 characters (e.g. `openssl rand -base64 32`). Only a SHA-256 hash of each secret is
 * kept in memory; a presented token is hashed and compared with every hash in constant time, so neither the
 * comparison nor the number of tokens tried leaks anything.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { LOCAL_PRINCIPAL, type Principal } from '../store/types.ts';

export { LOCAL_PRINCIPAL };
export type { Principal };

/** The environment variable the tokens come from, named in every message about them. */
export const TOKENS_VARIABLE = 'RECKONER_API_TOKENS';
/** Shortest secret accepted: 32 characters (a 24-byte random value in base64). */
export const MIN_SECRET_LENGTH = 32;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface TokenEntry {
  readonly hash: Buffer;
  readonly principal: Principal;
}

/** The token list is unusable; the message says which entry and what to do, never quoting a secret. */
export class TokenConfigError extends Error {
  override name = 'TokenConfigError';
}

const hashOf = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * Reads the token list. Undefined or empty: no tokens (local use). Set but holding no token (" , "): an error, not
 * silently no authentication.
 *
 * @throws {TokenConfigError} naming the variable and the entry.
 */
export function readTokens(value: string | undefined): TokenEntry[] | undefined {
  if (value === undefined || value === '') return undefined;
  const entries = value.split(',').map((s) => s.trim());
  if (entries.every((e) => e === '')) {
    throw new TokenConfigError(
      `${TOKENS_VARIABLE} is set but holds no token; give organisation:principal:secret entries separated by commas, or unset it`,
    );
  }
  const out: TokenEntry[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (entry === '') return;
    const where = `${TOKENS_VARIABLE} entry ${i + 1}`;
    const first = entry.indexOf(':');
    const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
    if (first < 0 || second < 0) {
      throw new TokenConfigError(`${where} is not organisation:principal:secret (e.g. gingerbread:alice:<32+ random characters>)`);
    }
    const organisation = entry.slice(0, first);
    const id = entry.slice(first + 1, second);
    const secret = entry.slice(second + 1);
    if (!NAME.test(organisation)) throw new TokenConfigError(`${where}: the organisation must be 1–64 letters, digits, ".", "_" or "-"`);
    if (!NAME.test(id)) throw new TokenConfigError(`${where}: the principal must be 1–64 letters, digits, ".", "_" or "-"`);
    // "local" owns the cases made without a token (stdio, a loopback server without tokens) in the same store.
    if (organisation.toLowerCase() === LOCAL_PRINCIPAL.organisation) {
      throw new TokenConfigError(`${where}: the organisation "${organisation}" is reserved for cases made without a token; choose another name`);
    }
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new TokenConfigError(
        `${where} (${organisation}:${id}): the secret is shorter than ${MIN_SECRET_LENGTH} characters; make one with openssl rand -base64 32`,
      );
    }
    const hash = hashOf(secret);
    const key = hash.toString('hex');
    if (seen.has(key)) throw new TokenConfigError(`${where} (${organisation}:${id}) repeats another entry's secret; give each principal its own`);
    seen.add(key);
    out.push({ hash, principal: { id, organisation } });
  });
  return out;
}

/**
 * The principal a presented token (the whole `organisation:principal:secret`, or the secret alone) stands for, or
 * undefined. Every entry is compared, in constant time each.
 */
export function authenticate(entries: readonly TokenEntry[], presented: string): Principal | undefined {
  // The whole token or just its secret: take what follows the second colon when there is one.
  const first = presented.indexOf(':');
  const second = first < 0 ? -1 : presented.indexOf(':', first + 1);
  const secret = second < 0 ? presented : presented.slice(second + 1);
  const hash = hashOf(secret);
  let found: Principal | undefined;
  for (const e of entries) if (timingSafeEqual(e.hash, hash)) found ??= e.principal;
  // A whole token must also name the right organisation and principal.
  if (found && second >= 0 && (presented.slice(0, first) !== found.organisation || presented.slice(first + 1, second) !== found.id)) {
    return undefined;
  }
  return found;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
