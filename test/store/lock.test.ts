/**
 * One process per PGlite directory: a second process fails at once with a clear message naming the process
 * that holds it; a lock left by a process that is gone is taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../store/lock.ts';
import { openStore } from '../../store/open.ts';
import { cleanup, freshDataDir, REPO } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Opens the store on `dir` from a second node process; its report and how long it took to say it. */
async function openFromAnotherProcess(
  dir: string,
): Promise<{ ok?: boolean; error?: string; code?: string; external: number; exit: number | null }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, 'open', JSON.stringify({ dataDir: dir })], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const [exit] = (await once(proc, 'exit')) as [number | null];
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as { ok?: boolean; error?: string; code?: string; external: number }), exit };
}

afterAll(cleanup);

describe('the PGlite directory lock', () => {
  it('makes a second process fail at once, naming the process that holds the directory', async () => {
    const dir = await freshDataDir();
    const store = await openStore({ dataDir: dir });
    try {
      const second = await openFromAnotherProcess(dir);
      expect(second.exit).toBe(3);
      expect(second.code).toBe('conflict');
      expect(second.error).toContain(`in use by another Reckoner process: pid ${process.pid}`);
      expect(second.error).toContain(dir);
      expect(second.error).toMatch(/^RECKONER_DATA_DIR: /);
      // At once: the database never started. A started PGlite holds hundreds of megabytes of WebAssembly memory
      // outside the JavaScript heap (660 MB in one run here); a process that never started it, a few (2.3 MB).
      expect(second.external).toBeLessThan(64 * 1024 * 1024);
      // The same process opening it twice is refused too.
      await expect(openStore({ dataDir: dir })).rejects.toThrow(`this process (pid ${process.pid})`);
    } finally {
      await store.close();
    }
    // Closing gives the directory back.
    const third = await openFromAnotherProcess(dir);
    expect(third).toMatchObject({ ok: true, exit: 0 });
    // The bound above tells the two apart: this one did start the database.
    expect(third.external).toBeGreaterThan(64 * 1024 * 1024);
  }, 60_000);

  it('takes over a lock whose process is gone', async () => {
    const dir = await freshDataDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2020-01-01T00:00:00.000Z', lockedAt: '2020-01-01T00:00:00.000Z' }),
    );
    const store = await openStore({ dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await store.close();
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'takes over a lock whose pid now belongs to another process',
    async () => {
      const dir = await freshDataDir();
      // Our parent is alive, but it did not start at the time the lock records.
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({
          pid: process.ppid,
          host: hostname(),
          startedAt: '2020-01-01T00:00:00.000Z',
          procStart: '1',
          lockedAt: '2020-01-01T00:00:00.000Z',
        }),
      );
      const store = await openStore({ dataDir: dir });
      await store.close();
    },
    60_000,
  );

  it('keeps a live lock of an unknown kind (another host) and says which', async () => {
    const dir = await freshDataDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 4242, host: 'elsewhere', startedAt: '2020-01-01T00:00:00.000Z', lockedAt: 'x' }),
    );
    await expect(openStore({ dataDir: dir })).rejects.toThrow(/pid 4242 on elsewhere/);
  });
});
