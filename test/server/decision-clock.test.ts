/**
 * Journey probe F7, F4 and F10 over MCP, in process, on a PGlite store.
 *
 * F7 (story S8d): a decision stored in the case (create_case decisions[].letterDate, add_decision) started no
 * reconsideration clock: get_case said "No deadlines yet", export_calendar "0 open deadlines", even after the time
 * ran out; only record_event with the same date again started it. CSMCR 2012 reg 14(1)(a): 30 days from the date of
 * notification; calc/deadlines takes the earlier of 30 days and one calendar month after the date on the letter:
 * - letter of Monday 6 January 2025: + 30 days = Wednesday 5 February; + 1 month = 6 February → 5 February 2025;
 * - letter of Wednesday 15 January 2025: + 30 days = Friday 14 February; + 1 month = 15 February → 14 February 2025.
 *
 * F4 (story S8b): the tools' `date` hint sent a reconsideration notice to "the day it came".
 * F10: list_letter_types { type: "L03" } showed the last day "if counted from today".
 */
import { describe, expect, test } from 'vitest';
import { textOf } from './helpers.ts';
import { ok, storedCaseServer } from './stored-case-server.ts';

const mcp = storedCaseServer('2025-01-20');
const { call } = mcp;

interface Entry {
  readonly id: string;
  readonly date: string;
  readonly startedBy: { readonly type: string; readonly date: string; readonly decisionId?: string; readonly eventId?: string };
}
const mrLastDays = (list: readonly Entry[]) => list.filter((d) => d.id === 'mr_last_day').map((d) => d.date);

async function s8dCase(): Promise<{ caseId: string; first: string; second: string }> {
  mcp.today = '2025-01-20';
  const created = ok(
    await call('create_case', {
      title: 'Decision clock',
      side: 'paying',
      reference: '121000000808',
      service: 'direct_pay',
      frequency: 'monthly',
      firstDueDate: '2025-01-06',
      parties: [{ role: 'paying_parent', name: 'Dan Probe', address: '8 Probe Row\nTestby\nTE1 1AH' }],
      decisions: [{ effectiveDate: '2025-01-06', letterDate: '2025-01-06', weeklyAmount: '70.00' }],
    }),
  );
  const caseId = created.id as string;
  const added = ok(
    await call('add_decision', {
      caseId,
      decision: { label: 'annual review', effectiveDate: '2025-02-03', letterDate: '2025-01-15', weeklyAmount: '80.00' },
    }),
  );
  const first = (created.decisions as { id: string }[])[0]!.id;
  const second = added.decision.id as string;
  return { caseId, first, second };
}

describe('F7: a stored decision starts its reconsideration clock', () => {
  test('get_case and export_calendar give each decision’s last day, counted from its letter date', { timeout: 60_000 }, async () => {
    const { caseId, first, second } = await s8dCase();
    const got = await call('get_case', { caseId });
    const timeline = ok(got).timeline;
    expect(mrLastDays(timeline.next)).toEqual(['2025-02-05', '2025-02-14']);
    // Which decision started each (the calc rule's basis names the date it was counted from).
    const started = (timeline.next as Entry[]).filter((d) => d.id === 'mr_last_day').map((d) => d.startedBy);
    expect(started).toEqual([
      { type: 'decision_letter_received', date: '2025-01-06', decisionId: first },
      { type: 'decision_letter_received', date: '2025-01-15', decisionId: second },
    ]);
    expect(textOf(got)).toContain('2025-02-05 Last day for CMS to receive your request for a mandatory reconsideration');
    expect(textOf(got)).not.toContain('No deadlines yet');
    // Each decision starts three deadlines (the last day, the online change, the late-request outer limit): six open.
    const calendar = ok(await call('export_calendar', { caseId }));
    expect(calendar.deadlines).toBe(6);
    expect(calendar.ics).toContain('UID:mr_last_day-20250205-');
    expect(calendar.ics).toContain('UID:mr_last_day-20250214-');
  });

  test('the case read as a resource carries the same timeline as get_case (it had none)', async () => {
    const { caseId } = await s8dCase();
    const fromTool = ok(await call('get_case', { caseId })).timeline;
    const read = JSON.parse(await mcp.readText(`reckoner://cases/${caseId}`));
    // The decisions of 6 and 15 January 2025: 30 days from each letter's date, 5 and 14 February (as above).
    expect(mrLastDays(read.timeline.next)).toEqual(['2025-02-05', '2025-02-14']);
    expect(read.timeline).toEqual(fromTool);
  });

  test('an event dated after today is refused, naming the date and today, and nothing is recorded', async () => {
    const { caseId } = await s8dCase();
    // Today is 20 January 2025 (s8dCase). Before, 2030-01-01 was refused for "2031-02-01 is outside the bank holiday
    // tables", and 2025-03-01 was recorded with deadlines counted from a day not yet come.
    for (const date of ['2030-01-01', '2025-03-01']) {
      const refused = await call('record_event', { caseId, type: 'decision_letter_received', date });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toBe(
        `date: ${date} is after today (2025-01-20); record an event once it has happened, with the date printed on the letter or the day it happened`,
      );
    }
    expect(ok(await call('get_case', { caseId })).events).toEqual([]);
    // Today itself is allowed.
    expect(ok(await call('record_event', { caseId, type: 'decision_letter_received', date: '2025-01-20' })).event.date).toBe('2025-01-20');
  });

  test(
    'recording the same letter as an event does not count it twice; a request sent meets the latest decision’s',
    { timeout: 60_000 },
    async () => {
      const { caseId } = await s8dCase();
      ok(await call('record_event', { caseId, type: 'decision_letter_received', date: '2025-01-15' }));
      let timeline = ok(await call('get_case', { caseId })).timeline;
      expect(mrLastDays(timeline.next)).toEqual(['2025-02-05', '2025-02-14']);
      // The 14 February one is now the recorded event's.
      expect((timeline.next as Entry[]).find((d) => d.date === '2025-02-14')!.startedBy.eventId).toBeDefined();

      mcp.today = '2025-02-10';
      const sent = await call('record_event', { caseId, type: 'mr_sent', date: '2025-02-10' });
      // calc links a request to the latest decision on or before it (timeline.ts): the 15 January one's last day is met;
      // the 6 January one's ended on 5 February, before the request.
      expect(textOf(sent)).toContain('It meets: Last day for CMS to receive your request for a mandatory reconsideration (due 2025-02-14)');
      timeline = ok(await call('get_case', { caseId })).timeline;
      expect(mrLastDays(timeline.met)).toEqual(['2025-02-14']);
      expect(mrLastDays(timeline.overdue)).toEqual(['2025-02-05']);
    },
  );

  test('S8: on 10 March 2025 a decision of 6 January shows its last day as passed; a decision whose every limit passed is left out', async () => {
    mcp.today = '2025-03-10';
    const created = ok(
      await call('create_case', {
        title: 'Too late',
        side: 'paying',
        service: 'direct_pay',
        frequency: 'monthly',
        firstDueDate: '2023-01-16',
        parties: [{ role: 'paying_parent', name: 'Dan Probe' }],
        decisions: [
          // 10 January 2023: + 13 months = 10 February 2024, the last of its limits: all passed by 10 March 2025.
          { label: 'initial', effectiveDate: '2023-01-16', letterDate: '2023-01-10', weeklyAmount: '50.00' },
          { label: 'review', effectiveDate: '2025-01-06', letterDate: '2025-01-06', weeklyAmount: '70.00' },
        ],
      }),
    );
    const got = await call('get_case', { caseId: created.id });
    const timeline = ok(got).timeline;
    expect(mrLastDays(timeline.overdue)).toEqual(['2025-02-05']);
    expect([...timeline.overdue, ...timeline.next, ...timeline.met].map((d: Entry) => d.startedBy.date)).not.toContain('2023-01-10');
    expect(textOf(got)).toContain(
      'Overdue as of 2025-03-10: 2025-02-05 Last day for CMS to receive your request for a mandatory reconsideration',
    );
  });
});

describe('F4: the tools ask for the date printed on a notice', () => {
  test('record_event and compute_deadlines name each printed-date event in their date hint', async () => {
    const tools = await mcp.tools();
    const record = tools.find((t) => t.name === 'record_event')!.inputSchema as any;
    const compute = tools.find((t) => t.name === 'compute_deadlines')!.inputSchema as any;
    for (const hint of [record.properties.date.description, compute.properties.events.items.properties.date.description] as string[]) {
      // The events whose rule counts from the date printed on CMS's letter or order (test/calc/deadlines/event-dates.test.ts).
      for (const type of ['decision_letter_received', 'mr_notice_received', 'ice_eligible', 'deo_served']) expect(hint).toContain(type);
      expect(hint).toContain('the date printed on it, not the day it came');
    }
  });

  test('S8b: the notice recorded with its printed date, 27 February 2025, gives the appeal’s last day as 27 March 2025', async () => {
    const { caseId } = await s8dCase();
    mcp.today = '2025-03-05';
    const recorded = await call('record_event', { caseId, type: 'mr_notice_received', date: '2025-02-27' });
    // r.22(2)(d)(i): one month after 27 February 2025 = Thursday 27 March 2025.
    expect(textOf(recorded)).toContain('Last day for the tribunal to receive your appeal (form SSCS2) by 2025-03-27');
  });
});

describe('F10: list_letter_types gives no false date "if counted from today"', () => {
  test('L03 and L17 say what their clock counts from and give no date; L02 gives its dates if sent today', async () => {
    mcp.today = '2025-03-10';
    for (const type of ['L03', 'L17']) {
      const result = await call('list_letter_types', { type });
      const letter = ok(result).letter;
      expect(letter.clock.deadlines.length, type).toBeGreaterThan(0);
      expect(
        letter.clock.deadlines.every((d: { ifCountedFromToday?: string }) => d.ifCountedFromToday === undefined),
        type,
      ).toBe(true);
      expect(textOf(result), type).toContain('Deadlines it starts (no date here: they count from the date printed on');
      expect(textOf(result), type).not.toContain('if counted from today');
      // 10 March 2025 + 30 days = 9 April 2025 (L03), + 1 month and the next working day… none of them is shown.
      expect(textOf(result), type).not.toMatch(/2025-04-0\d/);
    }
    // L02: sent Monday 10 March 2025, 15 working days (no bank holiday until 18 April) → Monday 31 March 2025.
    const breakdown = await call('list_letter_types', { type: 'L02' });
    expect(textOf(breakdown)).toContain('Deadlines it starts (if sent today):');
    expect(textOf(breakdown)).toContain('- 2025-03-31 Target date for the account breakdown');
  });
});
