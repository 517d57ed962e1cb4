/**
 * `bin/reckoner rekey` changes the master key of a real PGlite case store: the case reads back with the new key
 * and is refused with the old one; a missing or malformed key is named and nothing changes. (The re-key itself —
 * both drivers, the old-format values, a running server — is tested in test/store/tenancy.test.ts.)
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.ts';
import { cleanup, freshDataDir, sampleCase } from '../store/helpers.ts';
import { RECKONER } from './helpers.ts';

afterAll(cleanup);

const run = promisify(execFile);
const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('hex');

async function rekey(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(RECKONER, ['rekey'], { env: { PATH: process.env.PATH!, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('reckoner rekey', () => {
  it('re-wraps every case key, names each missing or malformed key, and never prints a key', async () => {
    const dir = await freshDataDir();
    const store = await openStore({ dataDir: dir, encryptionKey: Buffer.from(OLD, 'base64') });
    const made = await sampleCase(store, 'Rekey me');
    await store.close();

    const missingNew = await rekey({ RECKONER_DATA_DIR: dir, RECKONER_ENCRYPTION_KEY: OLD });
    expect(missingNew.code).toBe(1);
    expect(missingNew.stderr).toMatch(/^reckoner: RECKONER_NEW_ENCRYPTION_KEY: is not set/);
    const badNew = await rekey({ RECKONER_DATA_DIR: dir, RECKONER_ENCRYPTION_KEY: OLD, RECKONER_NEW_ENCRYPTION_KEY: 'short' });
    expect(badNew).toMatchObject({ code: 1, stderr: expect.stringMatching(/^reckoner: RECKONER_NEW_ENCRYPTION_KEY: must be a 32-byte key/) });
    const wrongOld = await rekey({
      RECKONER_DATA_DIR: dir,
      RECKONER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      RECKONER_NEW_ENCRYPTION_KEY: NEW,
    });
    expect(wrongOld).toMatchObject({ code: 1, stderr: expect.stringMatching(/^reckoner: RECKONER_ENCRYPTION_KEY: /) });

    const done = await rekey({ RECKONER_DATA_DIR: dir, RECKONER_ENCRYPTION_KEY: OLD, RECKONER_NEW_ENCRYPTION_KEY: NEW });
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^Re-keyed 1 case key\.\nThe store now opens only with the new key \(fingerprint [0-9a-f]{12}\)\./);
    for (const output of [missingNew, badNew, wrongOld, done]) {
      expect(output.stdout + output.stderr).not.toContain(OLD);
      expect(output.stdout + output.stderr).not.toContain(NEW);
    }

    const reopened = await openStore({ dataDir: dir, encryptionKey: Buffer.from(NEW, 'hex') });
    try {
      expect((await reopened.getCase(made.id)).title).toBe('Rekey me');
    } finally {
      await reopened.close();
    }
    const old = await openStore({ dataDir: dir, encryptionKey: Buffer.from(OLD, 'base64') });
    try {
      await expect(old.getCase(made.id)).rejects.toMatchObject({ field: 'RECKONER_ENCRYPTION_KEY', reason: 'wrong_key' });
    } finally {
      await old.close();
    }
  }, 60_000);
});
