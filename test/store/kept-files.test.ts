/**
 * A document's original file, kept in the embedded store (PGlite) and read back by an export, without the JavaScript
 * heap growing by many times its size. PGlite's own bytea handling made an array of one string per byte on the way
 * in (a 20 MB file grew the process to 1.9 GB and held it 18 s; a probe's 45 MB file, 4.2 GB and 63 s, with every
 * other request waiting): run in a process whose heap is capped at 256 MB, a 24 MB file ran that process out of
 * memory. Now the bytes go as hex made by Buffer, as PostgreSQL reads them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, freshDataDir, REPO } from './helpers.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

afterAll(cleanup);

describe('an original file kept in the embedded store', () => {
  it('goes in and comes back whole in a process whose heap is capped at 256 MB', async () => {
    const dir = await freshDataDir();
    const bytes = 24 * 1024 * 1024;
    const proc = spawn(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', CHILD, 'keep', JSON.stringify({ dataDir: dir }), String(bytes)],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const [exit] = (await once(proc, 'exit')) as [number | null];
    // Before, the child died here of "JavaScript heap out of memory".
    expect(err).not.toMatch(/heap out of memory/i);
    expect(exit).toBe(0);
    expect(JSON.parse(out.trim().split('\n').pop()!)).toMatchObject({ same: true });
  }, 120_000);
});
