/**
 * A shared server runs on one thread: work on a large case takes turns of the event loop between its long steps
 * (cases/turns.ts), so that another organisation's request waits for one step, not the whole call (a security probe
 * measured a 99,000-line case holding every request 3.5–5.2 s). Nothing here is timed: the tests watch the order in
 * which the event loop runs things. A callback queued with setImmediate the moment the case's records are read runs
 * before the reconciliation is kept, and before the chart is drawn; before, both were done in the same turn as the
 * reading, ahead of it. And the hash written in turns is the hash written at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseChart, inputHash, reconcileCase } from '../../cases/index.ts';
import { inputHashInTurns } from '../../cases/hash.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

let store: CaseStore;
let caseId: string;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
  const created = await store.createCase({
    title: 'Turns',
    side: 'paying',
    scheme: '2012',
    service: 'direct_pay',
    frequency: 'monthly',
    decisions: [{ label: 'd1', effectiveDate: '2024-01-04', weeklyAmount: '100.00' }],
  });
  caseId = created.id;
  await store.addCmsEntries(caseId, [{ date: '2024-01-04', type: 'payment_received', amount: '433.33' }]);
});
afterAll(async () => {
  await store.close();
  cleanup();
});

/** The real store, telling `log` when a case's records have been read (and queuing `queued` then) and when a run is kept. */
function watched(log: string[]): CaseStore {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'caseRecords') {
        return async (id: string) => {
          const records = await target.caseRecords(id);
          setImmediate(() => log.push('another request'));
          return records;
        };
      }
      if (key === 'saveReconciliation') {
        return (...args: Parameters<CaseStore['saveReconciliation']>) => {
          log.push('run kept');
          return target.saveReconciliation(...args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('work on a case takes turns of the event loop', () => {
  it('reconcile_case: what was queued when the records were read runs before the run is kept', async () => {
    const log: string[] = [];
    const r = await reconcileCase(watched(log), caseId, { asOf: '2024-02-29' }, '2024-03-01', () => ({ kept: true }));
    expect(r.saved).toBe(true);
    expect(log).toEqual(['another request', 'run kept']);
  });

  it('the chart: what was queued when the records were read runs before the chart is drawn', async () => {
    const log: string[] = [];
    const chart = await caseChart(watched(log), caseId, '2024-03-01');
    log.push('chart drawn');
    expect(chart?.svg).toContain('<svg');
    expect(log).toEqual(['another request', 'chart drawn']);
  });
});

describe('inputHashInTurns', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `row-${i}`,
      date: '2024-01-04',
      amount: `${i}.25`,
      direction: i % 2 ? 'in' : 'out',
      // A pair (😀) and a lone surrogate, so the text handed to the hash in pieces must still be whole characters.
      description: i % 3 ? `SHOP ${i} 😀` : `ODD \ud800 ${i}`,
      ...(i % 5 ? { source: 'statement.pdf, page 2' } : { source: undefined }),
    }));

  it('is the hash written at once, whatever the key order, with a turn every 5,000 items of a list', async () => {
    let turns = 0;
    const count = async () => void turns++;
    const small = { side: 'paying', schedule: { asOf: '2024-02-29', decisions: [{ weeklyAmount: '100.00' }] }, page: { size: 5 } };
    expect(await inputHashInTurns(small, count)).toBe(inputHash(small));
    expect(await inputHashInTurns({ schedule: small.schedule, side: 'paying' }, count)).toBe(inputHash(small));
    expect(turns).toBe(0);

    // 12,001 bank lines, 3 CMS entries and 1 decision: 12,005 list items, so two turns (at the 5,000th and 10,000th).
    const big = { side: 'paying', bankTransactions: rows(12_001), cmsEntries: rows(3), schedule: small.schedule };
    expect(await inputHashInTurns(big, count)).toBe(inputHash(big));
    expect(turns).toBe(2);
    expect(inputHash({ ...big, bankTransactions: rows(12_000) })).not.toBe(inputHash(big));
  });
});
