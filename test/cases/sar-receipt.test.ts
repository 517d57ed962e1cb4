/**
 * A case's subject access request is counted from the day DWP is taken to receive it (cases/events.ts with calc's
 * `requestReceipt`), also for an event kept before its clock said how it went: the way mark_letter_sent keeps it
 * (`details.method`) is read, and an event that says nothing is taken as posted, as the chase letter takes it.
 *
 * Sent Monday 30 December 2024. By email: received that day; one month on is Thursday 30 January 2025. By post or
 * not said: Tuesday 31 December is working day 1, Wednesday 1 January 2025 New Year's Day, Thursday 2 January working
 * day 2, received then; one month on is Sunday 2 February 2025 → Monday 3 February (computed by hand; the bank
 * holidays are checked in test/calc/deadlines/sar-receipt.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTimeline, eventReceipt, eventWithDeadlines, recordCaseEvent } from '../../cases/index.ts';
import { openStore } from '../../store/open.ts';
import type { CaseStore } from '../../store/types.ts';
import { cleanup, freshDataDir } from '../store/helpers.ts';

let store: CaseStore;

beforeAll(async () => {
  store = await openStore({ dataDir: await freshDataDir() });
});
afterAll(async () => {
  await store.close();
  cleanup();
});

const newCase = async () => (await store.createCase({ title: 'SAR', side: 'receiving' })).id;
const replyDue = (t: ReturnType<typeof caseTimeline>) => [...t.next, ...t.overdue].find((d) => d.id === 'sar_reply_due');

describe('a subject access request on a stored case', () => {
  it('recorded with nothing said of how it went: taken as posted, due Monday 3 February 2025, kept so', async () => {
    const caseId = await newCase();
    const event = await recordCaseEvent(store, caseId, { type: 'sar_sent', date: '2024-12-30' });
    expect(event.deadlines.find((d) => d.id === 'sar_reply_due')?.date).toBe('2025-02-03');
    expect(eventReceipt(event)).toEqual({ date: '2025-01-02', how: 'assumed_posted' });
    const t = caseTimeline(await store.events(caseId), '2025-01-31');
    expect(t.overdue).toEqual([]);
    expect(replyDue(t)?.date).toBe('2025-02-03');
  });

  it('the method in its details is kept with its clock: by email, due Thursday 30 January 2025', () => {
    const kept = eventWithDeadlines({ type: 'sar_sent', date: '2024-12-30', details: { method: 'email' } });
    expect(kept.details?.['clock']).toEqual({ nation: 'england_and_wales', facts: { method: 'email' } });
    expect(kept.deadlines?.find((d) => d.id === 'sar_reply_due')?.date).toBe('2025-01-30');
  });

  it('an event kept before its clock carried the method is read the same way', async () => {
    const caseId = await newCase();
    // As mark_letter_sent kept an emailed request, and as record_event kept one it was told nothing about.
    await store.recordEvent(caseId, {
      type: 'sar_sent',
      date: '2024-12-30',
      details: { method: 'email', clock: { nation: 'england_and_wales' } },
    });
    expect(replyDue(caseTimeline(await store.events(caseId), '2025-01-31'))?.date).toBe('2025-01-30');
    const other = await newCase();
    await store.recordEvent(other, { type: 'sar_sent', date: '2024-12-30', details: { clock: { nation: 'england_and_wales' } } });
    const t = caseTimeline(await store.events(other), '2025-01-31');
    expect(t.overdue).toEqual([]);
    expect(replyDue(t)?.date).toBe('2025-02-03');
  });

  it('a method it does not know is refused', () => {
    expect(() => eventWithDeadlines({ type: 'rectification_requested', date: '2024-12-30', details: { method: 'fax' } })).toThrow(
      /details\.method/,
    );
    // Other events keep whatever details they are given.
    expect(() => eventWithDeadlines({ type: 'call', date: '2024-12-30', details: { method: 'fax' } })).not.toThrow();
  });
});
