/**
 * On a shared PostgreSQL server, a database that every user may connect to (PUBLIC has CONNECT, the default) can be
 * read through Reckoner's shared roles by the users of another deployment (a security audit did). `serve` says so
 * at start, with what to run; once CONNECT is revoked from PUBLIC there is nothing to say. Real PostgreSQL
 * (TEST_DATABASE_URL), a real `bin/reckoner serve`.
 */
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { connectWarning } from '../../store/open.ts';
import { freshPostgresDatabase, TEST_DATABASE_URL } from '../store/helpers.ts';
import { freePort, spawnReckoner, stopAll, waitForStderr } from './helpers.ts';

afterAll(stopAll);

describe.skipIf(!TEST_DATABASE_URL)('who else may connect to the database', () => {
  it('is said at start, with the REVOKE to run, until CONNECT is revoked from PUBLIC', async () => {
    const db = await freshPostgresDatabase();
    const name = new URL(db.url).pathname.slice(1);
    try {
      const port = await freePort();
      const child = spawnReckoner(['serve', '--port', String(port)], {
        env: { ...process.env, DATABASE_URL: db.url, RECKONER_API_TOKENS: '', RECKONER_DATA_DIR: '' },
      });
      const [line] = await waitForStderr(child, /reckoner: WARNING[^\n]*\n/);
      expect(line).toContain('every user of this PostgreSQL server (PUBLIC has CONNECT)');
      expect(line).toContain(`REVOKE CONNECT ON DATABASE "${name}" FROM PUBLIC;`);
      await stopAll();

      const admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`revoke connect on database "${name}" from public`);
      } finally {
        await admin.end();
      }
      expect(await connectWarning(db.url)).toBeUndefined();
    } finally {
      await stopAll();
      await db.drop();
    }
  }, 60_000);
});
