/**
 * RECKONER_TODAY (server/today.ts serverDay): a fixed day for `mcp` and `serve`, so a past answer can be reproduced
 * and a scripted run (test/prompts/journeys.test.ts over stdio) gives the same deadlines every day; anything but a
 * real YYYY-MM-DD date is refused at start, naming the variable.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { serverDay, todayInUk } from '../../server/today.ts';
import { exited, freePort, spawnReckoner, stopAll, waitForStderr } from './helpers.ts';

afterEach(stopAll);

describe('serverDay', () => {
  test('unset or blank: today in the UK, read on each call', () => {
    expect(serverDay({})()).toBe(todayInUk());
    expect(serverDay({ RECKONER_TODAY: '  ' })()).toBe(todayInUk());
  });

  test('a real date: that day, whatever the clock says', () => {
    expect(serverDay({ RECKONER_TODAY: '2024-04-15' })()).toBe('2024-04-15');
    expect(serverDay({ RECKONER_TODAY: ' 2024-02-29 ' })()).toBe('2024-02-29'); // 2024 is a leap year
  });

  test.each(['2023-02-29', '15/04/2024', '2024-4-15', 'today'])('"%s" is refused, naming the variable and the form it needs', (value) => {
    expect(() => serverDay({ RECKONER_TODAY: value })).toThrow(
      `RECKONER_TODAY must be a real date written YYYY-MM-DD, e.g. 2024-04-15 (got "${value}"); unset it to use today's date`,
    );
  });
});

describe('bin/reckoner', () => {
  test('mcp with a bad RECKONER_TODAY stops at once with exit code 2 and says what to fix', async () => {
    const child = spawnReckoner(['mcp'], { env: { ...process.env, RECKONER_TODAY: '15/04/2024' } });
    const said = waitForStderr(child, /RECKONER_TODAY must be a real date written YYYY-MM-DD.*got "15\/04\/2024"/);
    await expect(said).resolves.toBeTruthy();
    expect(await exited(child)).toBe(2);
  }, 30_000);

  test('serve works on RECKONER_TODAY: a calculation with no date is made for that day', async () => {
    const port = await freePort();
    const child = spawnReckoner(['serve', '--port', String(port)], { env: { ...process.env, RECKONER_TODAY: '2024-04-15' } });
    await waitForStderr(child, /listening on/);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/calculate-maintenance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payingParent: { grossWeeklyIncome: 500 }, receivingParents: [{ children: [{ nightsPerYear: 0 }] }] }),
    });
    const body = (await response.json()) as { date: string; weeklyAmount: string };
    expect(response.status).toBe(200);
    expect(body.date).toBe('2024-04-15');
    // Basic rate, one child, 2024-25: 12% of £500.00 = £60.00 (SI 2012/2677 Sch 1 para 2(1)).
    expect(body.weeklyAmount).toBe('60.00');
  }, 30_000);
});
