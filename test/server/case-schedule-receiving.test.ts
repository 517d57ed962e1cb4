/**
 * build_case_schedule from the receiving side (a journey probe): on a receiving parent's Collect and Pay case it said
 * "£3,432.00 (maintenance £2,860.00 + Collect and Pay fees £572.00)" — the paying parent’s total with the 20% fee — and
 * listed £312.00 "due" a month to her. What is due to her is the maintenance less the 4% CMS takes from it (Child
 * Support Fees Regulations 2014 reg 7; cms-accounts.md §1 and §4). Over MCP, in process, on a PGlite store.
 *
 * Invented case. £60 a week on Collect and Pay from 1 January 2025, monthly: £60 × 52 ÷ 12 = £260.00 of maintenance;
 * the paying parent's 20% fee £52.00 (£312.00 a month); the receiving parent's 4% fee £10.40, so £249.60 reaches her.
 * To 30 November 2025, 11 months: maintenance 11 × £260.00 = £2,860.00; his fees 11 × £52.00 = £572.00 (£3,432.00);
 * her fee 11 × £10.40 = £114.40, and 11 × £249.60 = £2,745.60 reaches her.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { textOf } from './helpers.ts';
import { storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2025-11-30');
const { call } = mcp;

async function schedule(side: 'paying' | 'receiving'): Promise<CallToolResult> {
  const created = await call('create_case', {
    title: `Schedule, ${side}`,
    side,
    service: 'collect_and_pay',
    decisions: [{ effectiveDate: '2025-01-01', weeklyAmount: 60, service: 'collect_and_pay' }],
  });
  if (created.isError) throw new Error(textOf(created));
  const result = await call('build_case_schedule', { caseId: (created.structuredContent as { id: string }).id, asOf: '2025-11-30' });
  if (result.isError) throw new Error(textOf(result));
  return result;
}

describe('build_case_schedule', () => {
  it('on a receiving parent’s case, says what reaches her: £2,745.60 in all, £249.60 a month', async () => {
    const result = await schedule('receiving');
    const text = textOf(result);
    expect(text).toContain(
      'Due to the receiving parent from 2025-01-01 to 2025-11-30 (11 monthly periods starting on or before 2025-11-30): ' +
        '£2,745.60 (maintenance £2,860.00 less CMS’s collection fee £114.40). ' +
        'The paying parent owes £3,432.00, including a 20% collection fee of £572.00, which goes to CMS.',
    );
    expect(text).toContain(
      '2025-01-01 to 2025-01-31, due 2025-01-01: to the receiving parent £249.60 (maintenance £260.00 less CMS’s collection fee £10.40)',
    );
    // Before: "£3,432.00 (maintenance £2,860.00 + Collect and Pay fees £572.00)" and each line "£312.00 (running total …)".
    expect(text).not.toContain('+ Collect and Pay fees');
    expect(text).not.toMatch(/due 2025-01-01: £312\.00/);
    const out = result.structuredContent as { side: string; totals: { receivingParents: { net: string; fee: string }[] } };
    expect(out.side).toBe('receiving');
    expect(out.totals.receivingParents).toEqual([expect.objectContaining({ fee: '114.40', net: '2745.60' })]);
  });

  it('on a paying parent’s case, as before: £3,432.00 with his fees, £312.00 a month', async () => {
    const text = textOf(await schedule('paying'));
    expect(text).toContain(
      'Due from 2025-01-01 to 2025-11-30 (11 monthly periods starting on or before 2025-11-30): £3,432.00 (maintenance £2,860.00 + Collect and Pay fees £572.00).',
    );
    expect(text).toContain('2025-01-01 to 2025-01-31, due 2025-01-01: £312.00 (running total £312.00)');
  });
});
