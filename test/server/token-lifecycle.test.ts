/**
 * Tokens an organisation can manage while the server runs (server/auth.ts): an optional expiry on each entry, and a
 * token file (RECKONER_API_TOKENS_FILE) read again when it changes and on SIGHUP, so that a token is added or revoked
 * without a restart. An expired token is refused with 401 saying so; a broken entry stops the server at start, naming
 * its place; a broken file met later leaves the last good tokens in use and says so on stderr; no secret is ever said.
 * Real HTTP on a real socket, real files, and a real `bin/reckoner serve` for the signal.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { authenticate, checkToken, readTokens, TOKENS_FILE_VARIABLE, TokenConfigError, TokenList } from '../../server/auth.ts';
import { exited, freePort, spawnReckoner, startHttp, stopAll, waitForStderr, type RunningHttp } from './helpers.ts';

const SECRET_A = 'alice-secret-0123456789abcdefghijklmnop';
const SECRET_B = 'bob-secret-0123456789abcdefghijklmnopqr';
const SECRET_C = 'carol-secret-0123456789abcdefghijklmno';
const SECRETS = [SECRET_A, SECRET_B, SECRET_C];
const ALICE = `acme:alice:${SECRET_A}`;
const BOB = `acme:bob:${SECRET_B}`;
const CAROL = `bravo:carol:${SECRET_C}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reckoner-tokens-'));
});
afterEach(stopAll);
afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

/** A token file holding these lines, readable by its owner alone. */
function tokenFile(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  chmodSync(path, 0o600);
  return path;
}

/** The error `f` throws. */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

const expectNoSecret = (text: string): void => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('an expiry on an entry', () => {
  test('a date is the last day the token works (UK time); a time with Z or an offset is the moment it stops', () => {
    const entries = readTokens(`${ALICE} expires=2027-03-31, ${BOB} expires=2027-03-31T17:00:00Z,${CAROL}`)!;
    expect(entries.map((e) => e.expires)).toEqual([
      { lastDay: '2027-03-31' },
      { at: Date.parse('2027-03-31T17:00:00Z'), written: '2027-03-31T17:00:00Z' },
      undefined,
    ]);
    // 23:30 on the last day in London (BST, UTC+1) is 22:30 UTC: still the last day.
    expect(authenticate(entries, ALICE, new Date('2027-03-31T22:30:00Z'))).toEqual({ id: 'alice', organisation: 'acme' });
    expect(checkToken(entries, ALICE, new Date('2027-03-31T23:30:00Z'))).toEqual({
      expired: expect.stringMatching(/^This token expired at the end of 2027-03-31 \(UK time\)/),
    });
    expect(authenticate(entries, BOB, new Date('2027-03-31T16:59:59Z'))).toEqual({ id: 'bob', organisation: 'acme' });
    expect(checkToken(entries, SECRET_B, new Date('2027-03-31T17:00:00Z'))).toEqual({
      expired: expect.stringMatching(/^This token expired at 2027-03-31T17:00:00Z/),
    });
    // No expiry: it works however late it is; an unknown token is nothing, expired or not.
    expect(authenticate(entries, CAROL, new Date('2099-01-01T00:00:00Z'))).toEqual({ id: 'carol', organisation: 'bravo' });
    expect(checkToken(entries, 'acme:alice:not-the-secret-0123456789abcdefghij', new Date('2099-01-01'))).toBeUndefined();
  });

  test.each([
    [`${ALICE} expires=2027-02-30`, /^RECKONER_API_TOKENS entry 1 \(acme:alice\): expires must be a real date/],
    [`${BOB},${ALICE} expires=soon`, /^RECKONER_API_TOKENS entry 2 \(acme:alice\): expires must be a real date/],
    [`${ALICE} expires=2027-03-31T17:00`, /entry 1 \(acme:alice\): expires must be/],
    [`${ALICE} expiry=2027-03-31`, /^RECKONER_API_TOKENS entry 1 \(acme:alice\): after the secret only "expires=YYYY-MM-DD" may follow/],
    [`${BOB}, ${ALICE} 2nd-half-of-a-secret`, /^RECKONER_API_TOKENS entry 2 \(acme:alice\): after the secret only/],
  ])('%j is refused, naming the entry by its place, never quoting the secret or what follows it', (value, message) => {
    const error = thrown(() => readTokens(value));
    expect(error).toBeInstanceOf(TokenConfigError);
    expect(error.message).toMatch(message);
    expectNoSecret(error.message);
    expect(error.message).not.toContain('2nd-half-of-a-secret');
  });

  test('over HTTP an expired token is 401 saying it has expired, and a current one is let in', async () => {
    const http = await startHttp({ apiTokens: [`${ALICE} expires=2020-01-31`, `${BOB} expires=2999-12-31`] });
    try {
      const as = (token: string) => fetch(`${http.origin}/openapi.json`, { headers: { authorization: `Bearer ${token}` } });
      const expired = await as(ALICE);
      expect(expired.status).toBe(401);
      const text = await expired.text();
      expect(JSON.parse(text)).toMatchObject({
        error: {
          code: 'unauthorized',
          message: expect.stringMatching(/^This token expired at the end of 2020-01-31 \(UK time\); ask whoever runs this server/),
          details: [{ field: '(request)' }],
        },
      });
      expectNoSecret(text);
      // The secret alone is the same token, as expired.
      expect((await as(SECRET_A)).status).toBe(401);
      expect((await as(BOB)).status).toBe(200);
      // The scheme's name is case-insensitive (RFC 9110 §11.1); another scheme is not a bearer token.
      for (const scheme of ['bearer', 'BEARER'])
        expect((await fetch(`${http.origin}/openapi.json`, { headers: { authorization: `${scheme} ${BOB}` } })).status, scheme).toBe(200);
      expect((await fetch(`${http.origin}/openapi.json`, { headers: { authorization: `Basic ${BOB}` } })).status).toBe(401);
      // An unknown token is still told only to send a valid one.
      const unknown = await as('acme:alice:not-the-secret-0123456789abcdefghij');
      expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/^Send a valid token/);
    } finally {
      await http.close();
    }
  });
});

describe('a token file', () => {
  let http: RunningHttp | undefined;
  afterEach(async () => {
    await http?.close();
    http = undefined;
  });

  test('a token added or removed in the file counts from the next request, without a restart', async () => {
    const path = tokenFile('live', ['# advisers of acme', ALICE, '', CAROL]);
    const logged: string[] = [];
    const tokens = TokenList.fromEnv({ [TOKENS_FILE_VARIABLE]: path }, (line) => logged.push(line))!;
    expect(tokens.size).toBe(2);
    http = await startHttp({ tokens });
    const status = async (token: string) =>
      (await fetch(`${http!.origin}/openapi.json`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect([await status(ALICE), await status(BOB), await status(CAROL)]).toEqual([200, 401, 200]);

    // Alice's token revoked, Bob's added.
    tokenFile('live', [BOB, CAROL]);
    expect([await status(ALICE), await status(BOB), await status(CAROL)]).toEqual([401, 200, 200]);

    // A broken line: the last good tokens stay in use, and stderr says which line, once, without a secret.
    tokenFile('live', [BOB, `${CAROL} expires=tomorrow`, 'acme:alice:short']);
    expect([await status(ALICE), await status(BOB), await status(CAROL)]).toEqual([401, 200, 200]);
    const broken = logged.filter((line) => /broken entry/.test(line));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(
      /RECKONER_API_TOKENS_FILE .* holds a broken entry: RECKONER_API_TOKENS_FILE line 2 \(bravo:carol\): expires must be/,
    );
    expect(broken[0]).toMatch(/the tokens read from it before are still in use/);

    // Gone altogether (a move half done): the same.
    rmSync(path);
    expect([await status(BOB), await status(CAROL)]).toEqual([200, 200]);
    expect(logged.filter((line) => /cannot be read \(ENOENT\)/.test(line))).toHaveLength(1);

    // Put right: read again, at once.
    tokenFile('live', [ALICE]);
    expect([await status(ALICE), await status(BOB), await status(CAROL)]).toEqual([200, 401, 401]);

    // Emptied: every token revoked (never authentication turned off).
    tokenFile('live', ['# nobody for now']);
    expect([await status(ALICE), await status('')]).toEqual([401, 401]);
    expect(logged.at(-1)).toMatch(/holds no token: every request is refused until one is added/);
    expectNoSecret(logged.join('\n'));
  });

  test("the variable's tokens stay beside the file's, and neither may repeat the other's secret", async () => {
    const path = tokenFile('both', [BOB]);
    const logged: string[] = [];
    const tokens = TokenList.fromEnv({ RECKONER_API_TOKENS: ALICE, [TOKENS_FILE_VARIABLE]: path }, (line) => logged.push(line))!;
    expect(await tokens.check(ALICE)).toEqual({ principal: { id: 'alice', organisation: 'acme' } });
    expect(await tokens.check(BOB)).toEqual({ principal: { id: 'bob', organisation: 'acme' } });
    tokenFile('both', [`acme:eve:${SECRET_A}`]);
    expect(await tokens.check(BOB)).toEqual({ principal: { id: 'bob', organisation: 'acme' } });
    expect(logged.join('\n')).toMatch(/line 1 \(acme:eve\) repeats another entry's secret/);
    expectNoSecret(logged.join('\n'));
  });

  test.each([
    [['# ok', ALICE, 'acme:bob'], /^RECKONER_API_TOKENS_FILE line 3 is not organisation:principal:secret/],
    [[ALICE, `${BOB},${CAROL}`], /^RECKONER_API_TOKENS_FILE line 2 holds a comma; write one entry a line/],
    [[ALICE, `acme:bob:${SECRET_A}`], /^RECKONER_API_TOKENS_FILE line 2 \(acme:bob\) repeats another entry's secret/],
    [['# nobody'], /^RECKONER_API_TOKENS_FILE .* holds no token/],
  ])('at start, %j is an error naming its line, never a secret', (lines, message) => {
    const path = tokenFile('start', lines);
    const error = thrown(() => TokenList.fromEnv({ [TOKENS_FILE_VARIABLE]: path }, () => undefined));
    expect(error).toBeInstanceOf(TokenConfigError);
    expect(error.message).toMatch(message);
    expectNoSecret(error.message);
  });

  test('at start, a file that cannot be read is an error naming the variable', () => {
    const error = thrown(() => TokenList.fromEnv({ [TOKENS_FILE_VARIABLE]: join(dir, 'nowhere') }, () => undefined));
    expect(error.message).toMatch(/^RECKONER_API_TOKENS_FILE .*nowhere cannot be read \(ENOENT\)/);
  });

  test('a file others may read is warned about', () => {
    const path = tokenFile('open', [ALICE]);
    chmodSync(path, 0o644);
    const logged: string[] = [];
    TokenList.fromEnv({ [TOKENS_FILE_VARIABLE]: path }, (line) => logged.push(line));
    expect(logged).toEqual([expect.stringMatching(/may be read by other users of this machine \(mode 644\); .*chmod 600/)]);
  });
});

describe('bin/reckoner serve with a token file', () => {
  test('a broken line stops it at start, naming the line', async () => {
    const path = tokenFile('serve-broken', [ALICE, `${BOB} expires=someday`]);
    const child = spawnReckoner(['serve', '--port', String(await freePort())], {
      env: { ...process.env, RECKONER_API_TOKENS: '', [TOKENS_FILE_VARIABLE]: path, RECKONER_DATA_DIR: '/nonexistent-never-opened' },
    });
    const [line] = await waitForStderr(child, /RECKONER_API_TOKENS_FILE line 2 \(acme:bob\): expires must be[^\n]*\n/);
    expect(await exited(child)).toBe(2);
    expectNoSecret(line);
  });

  test('SIGHUP reads the file again instead of ending the server, and stderr never holds a secret', async () => {
    const path = tokenFile('serve', [ALICE]);
    const port = await freePort();
    const child = spawnReckoner(['serve', '--port', String(port)], {
      env: { ...process.env, RECKONER_API_TOKENS: '', [TOKENS_FILE_VARIABLE]: path, RECKONER_DATA_DIR: '/nonexistent-never-opened' },
    });
    await waitForStderr(child, /listening on/);
    const status = async (token: string) =>
      (await fetch(`http://127.0.0.1:${port}/openapi.json`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await status(ALICE)).toBe(200);
    child.kill('SIGHUP');
    const [reread] = await waitForStderr(child, /RECKONER_API_TOKENS_FILE [^\n]* was read again[^\n]*/);
    expect(reread).toMatch(/its tokens are the ones in use/);
    expect(child.exitCode).toBeNull();
    expect(await status(ALICE)).toBe(200);
    // And a change needs no signal at all.
    tokenFile('serve', [BOB]);
    expect([await status(ALICE), await status(BOB)]).toEqual([401, 200]);
    const [all] = await waitForStderr(child, /[\s\S]*was read again[\s\S]*was read again[^\n]*/);
    expectNoSecret(all);
  });
});
