/**
 * Audit F8 over MCP, in process, on a PGlite store: a subject access request recorded as `sar_sent` on Monday
 * 30 December 2024 ("SAR posted first class", how it went not given). Its month runs from the day DWP receives it
 * (UK GDPR Art 12(3)); taken as posted, that is the second working day after posting (CPR r.6.26). record_event,
 * get_case's timeline, compute_deadlines and the chase letter (sar_chase_ico_complaint, L24) must give one reply date.
 *
 * Computed by hand, with the code's bank holiday tables (test/calc/deadlines/sar-receipt.test.ts checks them):
 * Tuesday 31 December 2024 is working day 1, Wednesday 1 January 2025 is New Year's Day, Thursday 2 January is
 * working day 2: taken to reach DWP then. One month on is Sunday 2 February 2025 → reply due Monday 3 February;
 * chase from the first working day after, Tuesday 4 February. Before the fix every tool but the letter counted from
 * 30 December: due Thursday 30 January, chase Friday 31 January, and on 31 January the reply was "overdue".
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { textOf } from './helpers.ts';
import { ok, storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2024-12-30');
const { call } = mcp;

interface Dated {
  readonly id: string;
  readonly date: string;
  readonly basis: string;
}
const dates = (list: readonly Dated[]) => list.map((d) => [d.id, d.date]);

async function sarCase(details?: Record<string, unknown>): Promise<{ caseId: string; recorded: CallToolResult }> {
  mcp.today = '2024-12-30';
  const created = ok(
    await call('create_case', {
      title: 'SAR test',
      side: 'receiving',
      reference: '121 444 555 666',
      parties: [{ role: 'receiving_parent', name: 'Priya Nair', address: '9 Orchard Close\nNorwich\nNR2 3JF' }],
    }),
  );
  const caseId = created['id'] as string;
  const recorded = await call('record_event', {
    caseId,
    type: 'sar_sent',
    date: '2024-12-30',
    summary: 'SAR posted first class',
    ...(details ? { details } : {}),
  });
  return { caseId, recorded };
}

const chase = (caseId: string) =>
  call('draft_letter', {
    caseId,
    type: 'L24',
    format: 'text',
    facts: { stage: 'chase', missing: ['my whole case file'], sender: { dateOfBirth: '1988-04-02', nationalInsuranceNumber: 'QQ123456C' } },
  });

describe('a subject access request recorded as sent on 30 December 2024, how not said', () => {
  it('record_event, get_case, compute_deadlines and the L24 chase all give Monday 3 February 2025, chase Tuesday 4 February', async () => {
    const { caseId, recorded } = await sarCase();
    const out = ok(recorded);
    expect(out['receipt']).toEqual({ date: '2025-01-02', how: 'assumed_posted' });
    const started = (out['event'] as { deadlines: Dated[] }).deadlines;
    expect(dates(started)).toEqual([
      ['sar_reply_due', '2025-02-03'],
      ['sar_chase', '2025-02-04'],
      ['sar_extended_reply_due', '2025-04-02'],
    ]);
    expect(textOf(recorded)).toContain(
      'How it went was not given (details.method), so it is taken as posted and to reach DWP on Thursday 2 January 2025',
    );
    expect(textOf(recorded)).toContain("DWP's reply to your subject access request due by 2025-02-03");

    // On 31 January 2025 nothing is overdue; the reply is next.
    mcp.today = '2025-01-31';
    const got = ok(await call('get_case', { caseId }));
    const t = got['timeline'] as { next: Dated[]; overdue: Dated[] };
    expect(t.overdue).toEqual([]);
    expect(dates(t.next).slice(0, 2)).toEqual([
      ['sar_reply_due', '2025-02-03'],
      ['sar_chase', '2025-02-04'],
    ]);

    const computed = ok(await call('compute_deadlines', { events: [{ type: 'sar_sent', date: '2024-12-30' }], asOf: '2025-01-31' }));
    const ct = computed['timeline'] as { next: Dated[]; overdue: Dated[] };
    expect(ct.overdue).toEqual([]);
    expect(dates(ct.next).slice(0, 2)).toEqual([
      ['sar_reply_due', '2025-02-03'],
      ['sar_chase', '2025-02-04'],
    ]);
    expect(ct.next[0]!.basis).toContain(
      '1 calendar month after Thursday 2 January 2025, the day DWP is taken to have received your subject access request (sent on Monday 30 December 2024',
    );

    // The chase letter agrees: refused on 31 January and on the day the reply is due; dated 4 February it goes.
    const early = await chase(caseId);
    expect(early.isError).toBe(true);
    expect(textOf(early)).toContain('is not due until 2025-02-03, so on 2025-01-31 the time limit has not passed');
    mcp.today = '2025-02-03';
    expect(textOf(await chase(caseId))).toContain('is not due until 2025-02-03, so on 2025-02-03 the time limit has not passed');
    mcp.today = '2025-02-04';
    expect(textOf(await chase(caseId))).toContain('has passed');
  });
});

describe('how it went, given in details.method', () => {
  it('by email: DWP had it that day, so the reply is due Thursday 30 January 2025 (30 December + 1 month)', async () => {
    const { recorded } = await sarCase({ method: 'email' });
    const out = ok(recorded);
    expect(out['receipt']).toEqual({ date: '2024-12-30', how: 'same_day' });
    expect(dates((out['event'] as { deadlines: Dated[] }).deadlines).slice(0, 2)).toEqual([
      ['sar_reply_due', '2025-01-30'],
      ['sar_chase', '2025-01-31'],
    ]);
  });

  it('by post: 2 January 2025, said as posted', async () => {
    const { recorded } = await sarCase({ method: 'post' });
    expect(ok(recorded)['receipt']).toEqual({ date: '2025-01-02', how: 'posted' });
    expect(textOf(recorded)).toContain('Posted, it is taken to reach DWP on Thursday 2 January 2025');
  });

  it('a way Reckoner does not know is refused, naming the field', async () => {
    const { recorded } = await sarCase({ method: 'pigeon' });
    expect(recorded.isError).toBe(true);
    expect(textOf(recorded)).toContain('details.method');
    expect(textOf(recorded)).toContain('post, recorded_delivery, email');
  });
});
