/**
 * Journey probe F11 (story S7), over MCP in process on a PGlite store: one paying parent, two receiving parents (the
 * decisions' calculation calls them "amy" and "bea"), the case on Bea's side. calc cannot guess whose evidence the
 * case holds (calc/reconcile/read.ts), and the case's parties carry no link to the decisions' ids, so the first
 * reconcile_case must name it; before, every later one had to name it again. Now the case takes it from its latest
 * reconciliation, and the refusal says the id is the decisions', naming the case's receiving-parent parties.
 */
import { describe, expect, test } from 'vitest';
import { textOf } from './helpers.ts';
import { ok, storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2025-01-12');
const { call } = mcp;

const circ = {
  payingParent: { grossWeeklyIncome: 700 },
  receivingParents: [
    { id: 'amy', children: [{ id: 'W', nightsPerYear: 0 }] },
    { id: 'bea', children: [{ id: 'X', nightsPerYear: 0 }] },
  ],
};

describe('F11: whose evidence a receiving parent’s case holds', () => {
  test('named once, then taken from the case; the refusal says it is the decisions’ id', { timeout: 60_000 }, async () => {
    const created = ok(
      await call('create_case', {
        title: 'Bea: two receiving parents',
        side: 'receiving',
        service: 'direct_pay',
        frequency: 'monthly',
        firstDueDate: '2024-04-01',
        parties: [
          { role: 'receiving_parent', name: 'Bea Probe' },
          { role: 'paying_parent', name: 'Vic Probe' },
        ],
        decisions: [{ label: 'initial', effectiveDate: '2024-04-01', letterDate: '2024-03-15', calculation: circ }],
      }),
    );
    const caseId = created.id as string;
    const bea = (created.parties as { id: string; name: string }[]).find((p) => p.name === 'Bea Probe')!.id;
    const claim = { date: '2024-12-31', balance: '0.00' };

    const refused = await call('reconcile_case', { caseId, cmsClaim: claim });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('(amy or bea)');
    expect(textOf(refused)).toContain(`not a party id: the case's receiving parent is Bea Probe (party ${bea})`);

    const first = ok(await call('reconcile_case', { caseId, receivingParentId: 'bea', cmsClaim: claim }));
    expect(first.receivingParentId).toBe('bea');

    // Not given again: the latest run's. The same inputs, so the same run (its hash) is reused.
    const again = ok(await call('reconcile_case', { caseId, cmsClaim: claim }));
    expect(again.receivingParentId).toBe('bea');
    expect(again.balance).toEqual(first.balance);
    expect(again.run.inputsHash).toBe(first.run.inputsHash);
    expect(textOf(await call('reconcile_case', { caseId, cmsClaim: claim }))).not.toContain('give the id of the receiving parent');

    // Given, it wins.
    expect(ok(await call('reconcile_case', { caseId, receivingParentId: 'amy', cmsClaim: claim })).receivingParentId).toBe('amy');
  });
});
