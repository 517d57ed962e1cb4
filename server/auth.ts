/**
 * Who is calling a shared server. Tokens come from `RECKONER_API_TOKENS` (comma-separated entries, read at start), from
 * the file named by `RECKONER_API_TOKENS_FILE` (one entry a line; blank lines and lines starting with `#` are skipped;
 * read again whenever it changes, and on SIGHUP), or both. Each entry is
 *
 *     organisation:principal:secret [expires=YYYY-MM-DD | expires=YYYY-MM-DDTHH:MM[:SS]Z]
 *
 * — the organisation whose cases the principal may see, a name for the audit log, a secret of at least 32 characters
 * (e.g. `openssl rand -base64 32`; it holds no space or comma), and optionally when it stops working: a date is the
 * last day it works (UK time), a time with `Z` or an offset the moment it stops. An expired token is refused with 401
 * saying it has expired. Only a SHA-256 hash of each secret is kept in memory; a presented token is hashed and
 * compared with every hash in constant time, so neither the comparison nor the number of tokens tried leaks anything.
 *
 * A file that cannot be read again, or holds a broken entry, leaves the tokens read from it last in use, and stderr
 * says so once, naming the line (never a secret). Removing a line revokes its token at the next request; the
 * variable's entries change only with a restart. Nothing about a token is logged: not a secret, not which one a
 * request used.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync, type BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dayNumberOf } from '../calc/dates.ts';
import { LOCAL_PRINCIPAL, type Principal } from '../store/types.ts';
import { todayInUk } from './today.ts';

export { LOCAL_PRINCIPAL };
export type { Principal };

/** The environment variable the tokens come from, named in every message about them. */
export const TOKENS_VARIABLE = 'RECKONER_API_TOKENS';
/** The environment variable naming a file of tokens, read again when it changes. */
export const TOKENS_FILE_VARIABLE = 'RECKONER_API_TOKENS_FILE';
/** Shortest secret accepted: 32 characters (a 24-byte random value in base64). */
export const MIN_SECRET_LENGTH = 32;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** `expires=` as a moment: a date and time in UTC (`Z`) or with its offset. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** When a token stops working: after a day (UK time), or at a moment. */
export type Expiry = { readonly lastDay: string } | { readonly at: number; readonly written: string };

export interface TokenEntry {
  readonly hash: Buffer;
  readonly principal: Principal;
  readonly expires?: Expiry;
}

/** The token list is unusable; the message says which entry and what to do, never quoting a secret. */
export class TokenConfigError extends Error {
  override name = 'TokenConfigError';
}

const hashOf = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

const EXAMPLE = 'organisation:principal:secret, e.g. gingerbread:alice:<32+ random characters> expires=2027-03-31';

/** The expiry written after a secret (`expires=…`), or a refusal naming the entry. */
function expiryOf(settings: readonly string[], where: string): Expiry | undefined {
  if (settings.length === 0) return undefined;
  const [setting, ...more] = settings;
  const value = setting!.startsWith('expires=') ? setting!.slice('expires='.length) : undefined;
  // What follows the secret is never quoted: a secret mistakenly written with a space would be part of it.
  if (value === undefined || more.length > 0) {
    throw new TokenConfigError(
      `${where}: after the secret only "expires=YYYY-MM-DD" may follow (a secret holds no spaces); write ${EXAMPLE}`,
    );
  }
  if (dayNumberOf(value) !== undefined) return { lastDay: value };
  const at = MOMENT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at) || dayNumberOf(value.slice(0, 10)) === undefined) {
    throw new TokenConfigError(
      `${where}: expires must be a real date written YYYY-MM-DD (the last day the token works, UK time) or a time such as ` +
        `2027-03-31T17:00:00Z (got "${value.slice(0, 40)}")`,
    );
  }
  return { at, written: value };
}

/** One entry, `where` naming it (the variable's entry n, or the file's line n). */
function entryOf(entry: string, where: string): TokenEntry {
  const first = entry.indexOf(':');
  const second = first < 0 ? -1 : entry.indexOf(':', first + 1);
  if (first < 0 || second < 0) throw new TokenConfigError(`${where} is not ${EXAMPLE}`);
  const organisation = entry.slice(0, first);
  const id = entry.slice(first + 1, second);
  // The secret, then its settings (expires=…), separated by white space.
  const [secret = '', ...settings] = entry.slice(second + 1).split(/\s+/);
  if (!NAME.test(organisation)) throw new TokenConfigError(`${where}: the organisation must be 1–64 letters, digits, ".", "_" or "-"`);
  if (!NAME.test(id)) throw new TokenConfigError(`${where}: the principal must be 1–64 letters, digits, ".", "_" or "-"`);
  // "local" owns the cases made without a token (stdio, a loopback server without tokens) in the same store.
  if (organisation.toLowerCase() === LOCAL_PRINCIPAL.organisation) {
    throw new TokenConfigError(
      `${where}: the organisation "${organisation}" is reserved for cases made without a token; choose another name`,
    );
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new TokenConfigError(
      `${where} (${organisation}:${id}): the secret is shorter than ${MIN_SECRET_LENGTH} characters; make one with openssl rand -base64 32`,
    );
  }
  const expires = expiryOf(settings, `${where} (${organisation}:${id})`);
  return { hash: hashOf(secret), principal: { id, organisation }, ...(expires ? { expires } : {}) };
}

/** Adds entries to a list, refusing a secret that another entry (in `list` already) has. */
function addAll(list: TokenEntry[], entries: readonly (readonly [TokenEntry, string])[]): TokenEntry[] {
  const seen = new Set(list.map((e) => e.hash.toString('hex')));
  for (const [entry, where] of entries) {
    const key = entry.hash.toString('hex');
    const { organisation, id } = entry.principal;
    if (seen.has(key))
      throw new TokenConfigError(`${where} (${organisation}:${id}) repeats another entry's secret; give each principal its own`);
    seen.add(key);
    list.push(entry);
  }
  return list;
}

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
  const read: (readonly [TokenEntry, string])[] = [];
  entries.forEach((entry, i) => {
    if (entry === '') return;
    const where = `${TOKENS_VARIABLE} entry ${i + 1}`;
    read.push([entryOf(entry, where), where]);
  });
  return addAll([], read);
}

/**
 * Reads a token file's text: one entry a line, blank lines and `#` comments skipped; an entry that repeats a secret
 * of `others` (the variable's) is refused too. No entry at all is an empty list (the caller decides what that means).
 *
 * @throws {TokenConfigError} naming the file's variable and the line.
 */
export function readTokenFile(text: string, others: readonly TokenEntry[] = []): TokenEntry[] {
  const read: (readonly [TokenEntry, string])[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${TOKENS_FILE_VARIABLE} line ${i + 1}`;
    if (line.includes(',')) throw new TokenConfigError(`${where} holds a comma; write one entry a line (${EXAMPLE})`);
    read.push([entryOf(line, where), where]);
  });
  return addAll([...others], read).slice(others.length);
}

/** Whether a token has stopped working at `now`. */
function hasExpired(expires: Expiry | undefined, now: Date): boolean {
  if (!expires) return false;
  return 'lastDay' in expires ? todayInUk(now) > expires.lastDay : now.getTime() >= expires.at;
}

/** What a presented token is: its principal, an expired one (with the sentence to answer), or nothing known. */
export type TokenCheck = { readonly principal: Principal } | { readonly expired: string } | undefined;

/**
 * What a presented token (the whole `organisation:principal:secret`, or the secret alone) stands for. Every entry is
 * compared, in constant time each; an expired token is told so (the sentence names when, never the secret).
 */
export function checkToken(entries: readonly TokenEntry[], presented: string, now: Date = new Date()): TokenCheck {
  // The whole token or just its secret: take what follows the second colon when there is one.
  const first = presented.indexOf(':');
  const second = first < 0 ? -1 : presented.indexOf(':', first + 1);
  const secret = second < 0 ? presented : presented.slice(second + 1);
  const hash = hashOf(secret);
  let found: TokenEntry | undefined;
  for (const e of entries) if (timingSafeEqual(e.hash, hash)) found ??= e;
  if (!found) return undefined;
  // A whole token must also name the right organisation and principal.
  const { principal } = found;
  if (second >= 0 && (presented.slice(0, first) !== principal.organisation || presented.slice(first + 1, second) !== principal.id)) {
    return undefined;
  }
  if (hasExpired(found.expires, now)) {
    const when =
      found.expires && 'lastDay' in found.expires
        ? `at the end of ${found.expires.lastDay} (UK time)`
        : `at ${(found.expires as { written: string }).written}`;
    return {
      expired: `This token expired ${when}; ask whoever runs this server for a new one, and send it as Authorization: Bearer <token>`,
    };
  }
  return { principal };
}

/** The principal a presented token stands for, or undefined (unknown, or expired): {@link checkToken}. */
export function authenticate(entries: readonly TokenEntry[], presented: string, now: Date = new Date()): Principal | undefined {
  const check = checkToken(entries, presented, now);
  return check && 'principal' in check ? check.principal : undefined;
}

/** A file's identity and version: a change to any part (an edit, a rename over it, a copy keeping its time) is a change. */
const versionOf = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/**
 * The tokens a server checks requests against: the variable's (fixed) and the file's, read again when the file has
 * changed (looked at on each check: one stat, as Apache's password files are read per request) or when
 * {@link TokenList.reload} is called (SIGHUP). A file that cannot be read or holds a broken entry leaves the last
 * good list in use; `log` is told once for each version of the file, never a secret.
 */
export class TokenList {
  readonly #fixed: readonly TokenEntry[];
  readonly #file: string | undefined;
  readonly #log: (line: string) => void;
  #fromFile: readonly TokenEntry[] = [];
  /** The variable's and the file's, as checked. */
  #all: readonly TokenEntry[];
  /** The version of the file last looked at (read, or found broken), so that each version is read and told once. */
  #version: string | undefined;
  #looking: Promise<void> | undefined;

  private constructor(fixed: readonly TokenEntry[], file: string | undefined, log: (line: string) => void) {
    this.#fixed = fixed;
    this.#all = fixed;
    this.#file = file;
    this.#log = log;
  }

  /** A list that never changes (RECKONER_API_TOKENS alone, or tests). */
  static of(entries: readonly TokenEntry[]): TokenList {
    return new TokenList(entries, undefined, () => undefined);
  }

  /**
   * The list from the environment, or undefined when neither variable is set. Reads the file now: at start, a
   * broken entry, a file that cannot be read, or one that holds no token is an error.
   *
   * @throws {TokenConfigError} naming the variable and the entry or line.
   */
  static fromEnv(
    env: Readonly<Record<string, string | undefined>> = process.env,
    log: (line: string) => void = (line) => process.stderr.write(`reckoner: ${line}\n`),
  ): TokenList | undefined {
    const fixed = readTokens(env[TOKENS_VARIABLE]) ?? [];
    const file = env[TOKENS_FILE_VARIABLE]?.trim() || undefined;
    if (!file) return env[TOKENS_VARIABLE] ? new TokenList(fixed, undefined, log) : undefined;
    const list = new TokenList(fixed, file, log);
    let text: string;
    let version: string;
    try {
      const stats = statSync(file, { bigint: true });
      version = versionOf(stats);
      text = readFileSync(file, 'utf8');
      if ((Number(stats.mode) & 0o077) !== 0) {
        log(
          `WARNING — ${TOKENS_FILE_VARIABLE} ${file} may be read by other users of this machine (mode ${(Number(stats.mode) & 0o777).toString(8)}); ` +
            `make it readable by Reckoner's user alone: chmod 600 ${file}`,
        );
      }
    } catch (error) {
      throw new TokenConfigError(`${TOKENS_FILE_VARIABLE} ${file} cannot be read (${codeOf(error)}); check the path and its permissions`);
    }
    list.#use(readTokenFile(text, fixed));
    list.#version = version;
    if (list.size === 0) {
      throw new TokenConfigError(
        `${TOKENS_FILE_VARIABLE} ${file} holds no token; write one organisation:principal:secret entry a line, or unset it`,
      );
    }
    return list;
  }

  /** How many tokens it holds now. */
  get size(): number {
    return this.#fixed.length + this.#fromFile.length;
  }

  /** What a presented token stands for now ({@link checkToken}), after reading the file again if it has changed. */
  async check(presented: string, now: Date = new Date()): Promise<TokenCheck> {
    if (this.#file) await this.#lookAtFile(false);
    return checkToken(this.#all, presented, now);
  }

  #use(fromFile: readonly TokenEntry[]): void {
    this.#fromFile = fromFile;
    this.#all = fromFile.length === 0 ? this.#fixed : [...this.#fixed, ...fromFile];
  }

  /** Reads the file again whether or not it looks changed (SIGHUP); resolves once the list in use is the new one. */
  async reload(): Promise<void> {
    if (this.#file) await this.#lookAtFile(true);
  }

  /** One look at a time: checks that arrive meanwhile share it; a forced one looks again after it. */
  #lookAtFile(force: boolean): Promise<void> {
    if (this.#looking && !force) return this.#looking;
    const looking: Promise<void> = (this.#looking ?? Promise.resolve()).then(() => this.#look(force));
    const settled = looking.finally(() => {
      if (this.#looking === settled) this.#looking = undefined;
    });
    this.#looking = settled;
    return settled;
  }

  async #look(force: boolean): Promise<void> {
    const file = this.#file!;
    let version: string;
    try {
      version = versionOf(await stat(file, { bigint: true }));
    } catch (error) {
      this.#broken(`missing:${codeOf(error)}`, `cannot be read (${codeOf(error)})`, force);
      return;
    }
    if (!force && version === this.#version) return;
    let entries: TokenEntry[];
    try {
      entries = readTokenFile(await readFile(file, 'utf8'), this.#fixed);
    } catch (error) {
      this.#broken(
        version,
        error instanceof TokenConfigError ? `holds a broken entry: ${error.message}` : `cannot be read (${codeOf(error)})`,
        force,
      );
      return;
    }
    this.#version = version;
    this.#use(entries);
    this.#log(
      entries.length === 0 && this.#fixed.length === 0
        ? `${TOKENS_FILE_VARIABLE} ${file} was read again and holds no token: every request is refused until one is added`
        : `${TOKENS_FILE_VARIABLE} ${file} was read again; its tokens are the ones in use`,
    );
  }

  /** Keeps the list in use, and says so once for this version of the file. */
  #broken(version: string, why: string, force: boolean): void {
    if (version === this.#version && !force) return;
    this.#version = version;
    this.#log(`${TOKENS_FILE_VARIABLE} ${this.#file} ${why}; the tokens read from it before are still in use until it is put right`);
  }
}

/** An error's system code (ENOENT, EACCES, …) or its class name: never its message, which may quote a path's content. */
function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}
