/**
 * The tests' wait for a line on a server's stderr sees every line since the server was spawned, so two waits in a row
 * cannot miss a line that came in the same chunk as the first (CI timed out on shared.test.ts so, 5 December 2026).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { spawnReckoner, stopAll, waitForStderr } from './helpers.ts';

afterEach(stopAll);

test('a wait begun after a line was printed still finds it', async () => {
  const child = spawnReckoner(['serve', '--port', '0'], {
    env: { ...process.env, RECKONER_API_TOKENS: '', RECKONER_DATA_DIR: mkdtempSync(join(tmpdir(), 'reckoner-wait-')) },
  });
  const [, port] = (await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/))!;
  // The same line again, asked for only after it arrived: before the fix this waited for a line that never came.
  const [again] = await waitForStderr(child, /listening on http:\/\/127\.0\.0\.1:\d+/);
  expect(again).toBe(`listening on http://127.0.0.1:${port}`);
});
