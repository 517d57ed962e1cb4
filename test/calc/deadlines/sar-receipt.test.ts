/**
 * A subject access (or rectification) request's month runs from the day DWP receives it (UK GDPR Art 12(3);
 * dispute-process.md §0.3), while the event `sar_sent` is dated the day it was sent. Sent by post, or when how it
 * went is not said, it is taken to arrive on the second working day after posting (CPR r.6.26), as mark_letter_sent
 * and the chase letter take it (audit F8: the event counted from the day sent and called the reply overdue on
 * 31 January 2025; the chase letter refused the same complaint until 3 February).
 *
 * Every date is computed by hand from the rule, with the bank holidays the code's tables hold (checked below):
 * sent Monday 30 December 2024 → working day 1 Tuesday 31 December; Wednesday 1 January 2025 is New Year's Day
 * (England and Wales) → working day 2 Thursday 2 January: taken to reach DWP then. One calendar month on is
 * Sunday 2 February 2025, not a working day → reply due Monday 3 February; the chase is the first working day after,
 * Tuesday 4 February. Three months on (an extension) is Wednesday 2 April 2025.
 */
import { describe, expect, test } from 'vitest';
import {
  bankHolidayOn,
  COUNTED_FROM_RECEIPT,
  deadlinesForEvent,
  deadlinesForLetter,
  LETTER_CLOCKS,
  LETTER_IDS,
  requestReceipt,
  timeline,
  type Deadline,
} from '../../../calc/deadlines/index.ts';

const EW = 'england_and_wales' as const;
const dates = (list: readonly Deadline[]) => list.map((d) => [d.id, d.date]);
const one = (list: readonly Deadline[], id: string) => list.find((d) => d.id === id)!;

describe('the bank holidays the example turns on are in the tables', () => {
  test('1 January 2025 in England and Wales; 1 and 2 January 2025 in Scotland', () => {
    expect(bankHolidayOn('2025-01-01', EW)?.name).toBe('New Year’s Day');
    expect(bankHolidayOn('2025-01-02', EW)).toBeUndefined();
    expect(bankHolidayOn('2025-01-02', 'scotland')).toBeDefined();
  });
});

describe('sar_sent counts from the day the request is taken to reach DWP', () => {
  test('sent Monday 30 December 2024, how not said: taken as posted, reaching DWP Thursday 2 January 2025', () => {
    expect(requestReceipt('2024-12-30', {}, EW)).toEqual({ date: '2025-01-02', how: 'assumed_posted' });
    const list = deadlinesForEvent('sar_sent', '2024-12-30', EW);
    expect(dates(list)).toEqual([
      ['sar_reply_due', '2025-02-03'],
      ['sar_chase', '2025-02-04'],
      ['sar_extended_reply_due', '2025-04-02'],
    ]);
    const due = one(list, 'sar_reply_due').basis;
    expect(due).toContain(
      '1 calendar month after Thursday 2 January 2025, the day DWP is taken to have received your subject access request (sent on Monday 30 December 2024; how it went was not recorded, so it is taken as posted',
    );
    expect(due).toContain('second working day after posting, CPR r.6.26)');
    expect(due).toContain('Sunday 2 February 2025; that is a weekend, so the next working day, Monday 3 February 2025.');
    expect(due).toContain('If it went by email, online or by hand, DWP had it on Monday 30 December 2024 and the reply is due sooner.');
    expect(one(list, 'sar_chase').basis).toBe('The first working day after the reply was due (Monday 3 February 2025).');
  });

  test('sent by post: the same day of receipt, said as posted', () => {
    expect(requestReceipt('2024-12-30', { method: 'post' }, EW)).toEqual({ date: '2025-01-02', how: 'posted' });
    const list = deadlinesForEvent('sar_sent', '2024-12-30', EW, { method: 'recorded_delivery' });
    expect(one(list, 'sar_reply_due').date).toBe('2025-02-03');
    expect(one(list, 'sar_reply_due').basis).toContain('(posted on Monday 30 December 2024; a first-class letter is taken to arrive');
    expect(one(list, 'sar_reply_due').basis).not.toContain('not recorded');
  });

  test('sent by email: DWP had it the day it went, 30 December 2024 → Thursday 30 January 2025, chase Friday 31 January', () => {
    expect(requestReceipt('2024-12-30', { method: 'email' }, EW)).toEqual({ date: '2024-12-30', how: 'same_day' });
    expect(dates(deadlinesForEvent('sar_sent', '2024-12-30', EW, { method: 'email' })).slice(0, 2)).toEqual([
      ['sar_reply_due', '2025-01-30'],
      ['sar_chase', '2025-01-31'],
    ]);
  });

  test('a day of receipt given wins over the method: received Friday 3 January 2025 → Monday 3 February', () => {
    // 3 January + 1 month = Monday 3 February 2025, a working day.
    expect(one(deadlinesForEvent('sar_sent', '2024-12-30', EW, { receivedOn: '2025-01-03', method: 'email' }), 'sar_reply_due').date).toBe(
      '2025-02-03',
    );
  });

  test('in Scotland 2 January is a bank holiday too: taken to arrive Friday 3 January 2025, reply due Monday 3 February', () => {
    // 31 December working day 1; 1 and 2 January bank holidays; Friday 3 January working day 2. 3 February 2025 is a Monday.
    expect(requestReceipt('2024-12-30', {}, 'scotland').date).toBe('2025-01-03');
    expect(one(deadlinesForEvent('sar_sent', '2024-12-30', 'scotland'), 'sar_reply_due').basis).toContain(
      '1 calendar month after Friday 3 January 2025',
    );
  });

  test('a rectification request is counted the same way (UK GDPR Art 12(3)): 30 December 2024 → Monday 3 February 2025', () => {
    expect(dates(deadlinesForEvent('rectification_requested', '2024-12-30', EW))).toEqual([
      ['rectification_reply_due', '2025-02-03'],
      ['rectification_extended_reply_due', '2025-04-02'],
    ]);
  });

  test('on 31 January 2025 a timeline of that event has nothing overdue: the reply is next, due 3 February', () => {
    const t = timeline([{ type: 'sar_sent', date: '2024-12-30' }], '2025-01-31', EW);
    expect(t.overdue).toEqual([]);
    expect(dates(t.next).slice(0, 2)).toEqual([
      ['sar_reply_due', '2025-02-03'],
      ['sar_chase', '2025-02-04'],
    ]);
  });
});

describe('letters keep their own date', () => {
  test('L01 is given with the day DWP receives it (LETTER_CLOCKS): received 2 January 2025 → 3 February', () => {
    expect(LETTER_CLOCKS.L01.date).toMatch(/^the day DWP receives the request/);
    expect(one(deadlinesForLetter('L01', '2025-01-02', EW), 'sar_reply_due').date).toBe('2025-02-03');
    // Sent on 30 December with how it went, the letter counts as the event does.
    expect(one(deadlinesForLetter('L01', '2024-12-30', EW, { method: 'post' }), 'sar_reply_due').date).toBe('2025-02-03');
  });

  test('the events counted from receipt are those of the letters counted from receipt', () => {
    const fromLetters = LETTER_IDS.filter((id) => LETTER_CLOCKS[id].countsFromReceipt).map((id) => LETTER_CLOCKS[id].event);
    expect([...fromLetters].sort()).toEqual([...COUNTED_FROM_RECEIPT].sort());
  });
});
