/**
 * The dates each event and letter starts (dispute-process.md §0.3, §2.1, §3.2, §3.3). Every expected date is
 * counted by hand (labelled "computed") from the rule cited in the code; bank holidays skipped are GOV.UK's.
 */
import { describe, expect, test } from 'vitest';
import {
  deadlinesForEvent,
  deadlinesForLetter,
  EVENT_TYPES,
  LETTER_CLOCKS,
  LETTER_IDS,
  MET_BY,
  NATIONS,
  TRIGGER_EVENTS,
  type Deadline,
  type EventType,
  type Nation,
} from '../../../calc/deadlines/index.ts';
import { InputError } from '../../../calc/errors.ts';
import { OutOfCoverageError } from '../../../calc/parameters.ts';

const EW: Nation = 'england_and_wales';
const SCOT: Nation = 'scotland';

function one(list: readonly Deadline[], id: string): Deadline {
  const found = list.find((d) => d.id === id);
  if (!found) throw new Error(`no deadline ${id} in ${list.map((d) => d.id).join(', ')}`);
  return found;
}
const dateOf = (event: EventType, date: string, id: string, nation: Nation = EW) => one(deadlinesForEvent(event, date, nation), id).date;

describe('mandatory reconsideration: the stricter of 30 calendar days and one calendar month', () => {
  test('letter dated 31 January 2025: one month (28 February) is earlier than 30 days (2 March)', () => {
    const mr = one(deadlinesForEvent('decision_letter_received', '2025-01-31', EW), 'mr_last_day');
    // computed: 31 Jan + 30 days = 2 March 2025; + 1 month = 28 February (no 31 February); the earlier.
    expect(mr.date).toBe('2025-02-28');
    expect(mr.kind).toBe('last_day');
    expect(mr.basis).toContain('Sunday 2 March 2025');
    expect(mr.basis).toContain('Friday 28 February 2025');
    expect(mr.citation).toContain('reg 14(1)(a)');
    expect(mr.href).toBe('https://www.legislation.gov.uk/uksi/2012/2677/regulation/14');
  });

  test('letter dated 1 February 2025: one month is 1 March, a Saturday, and the date is not moved', () => {
    const mr = one(deadlinesForEvent('decision_letter_received', '2025-02-01', EW), 'mr_last_day');
    // computed: 1 Feb + 30 days = 3 March; + 1 month = 1 March (a Saturday); the earlier is 1 March.
    expect(mr.date).toBe('2025-03-01');
    expect(mr.basis).toMatch(/Saturday 1 March 2025 is a weekend; no extra time is assumed/);
    expect(mr.basis).toContain('arrives by Friday 28 February 2025');
  });

  test('leap year: letter dated 31 January 2024 → 29 February 2024 (30 days would be 1 March)', () => {
    expect(dateOf('decision_letter_received', '2024-01-31', 'mr_last_day')).toBe('2024-02-29');
  });

  test('30 days is stricter after a 31-day month: letter dated 1 March 2025 → 31 March (a month: 1 April)', () => {
    expect(dateOf('decision_letter_received', '2025-03-01', 'mr_last_day')).toBe('2025-03-31');
  });

  test('after a 30-day month both give the same day: 1 April 2025 → 1 May 2025', () => {
    const mr = one(deadlinesForEvent('decision_letter_received', '2025-04-01', EW), 'mr_last_day');
    expect(mr.date).toBe('2025-05-01');
    expect(mr.basis).toContain('are the same day');
  });

  test('the online-change window (32 days) and the unconfirmed late outer limit (13 months)', () => {
    const list = deadlinesForEvent('decision_letter_received', '2025-01-31', EW);
    expect(one(list, 'mr_online_change_last_day').date).toBe('2025-03-04'); // computed: 31 Jan + 32 days
    const late = one(list, 'late_mr_outer_limit');
    expect(late.date).toBe('2026-02-28'); // computed: 31 Jan 2025 + 13 months, no 31 February 2026
    expect(late.label).toContain('unconfirmed');
    expect(late.basis).toContain('Unconfirmed');
  });
});

describe('appeal to the tribunal: one calendar month from the date the notice was sent', () => {
  test('notice sent 31 January 2025: appeal received by 28 February 2025; absolute limit Monday 2 March 2026', () => {
    const list = deadlinesForEvent('mr_notice_received', '2025-01-31', EW);
    expect(one(list, 'appeal_last_day').date).toBe('2025-02-28');
    expect(one(list, 'appeal_last_day').citation).toContain('r.22(2)(d)(i)');
    // 28 February 2025 + 12 months = Saturday 28 February 2026. SEC Rules (SI 2008/2685) r.12(2): a time limit
    // ending on a day that is not a working day runs to the next working day, Monday 2 March 2026.
    const absolute = one(list, 'late_appeal_absolute_limit');
    expect(absolute.date).toBe('2026-03-02');
    expect(absolute.basis).toContain('rule 12(2)');
    expect(absolute.citation).toContain('r.22(8)');
  });

  test('the absolute limit runs 12 months from the end of the month, not 13 from the notice', () => {
    // computed: 30 Jan 2023 + 1 month = 28 Feb 2023; + 12 months = 28 Feb 2024 (13 months straight would be 29 Feb 2024).
    expect(dateOf('mr_notice_received', '2023-01-30', 'late_appeal_absolute_limit')).toBe('2024-02-28');
  });

  test('the 12 months run from the month’s end itself, not from the working day rule 12(2) moves the appeal to', () => {
    // Notice sent Friday 26 July 2024: the month ends Monday 26 August 2024, the summer bank holiday, so an appeal
    // arriving Tuesday 27 August is in time (r.12(2)); but r.22(8) counts 12 months from the end of the time r.22(2)
    // allows, 26 August 2024: Tuesday 26 August 2025, a working day. (The 31 January 2025 case above moves only its
    // own last day, Saturday 28 February 2026, to Monday 2 March 2026.)
    const list = deadlinesForEvent('mr_notice_received', '2024-07-26', EW);
    expect(one(list, 'appeal_last_day').date).toBe('2024-08-27');
    const absolute = one(list, 'late_appeal_absolute_limit');
    expect(absolute.date).toBe('2025-08-26');
    expect(absolute.basis).toBe(
      '12 calendar months after Monday 26 August 2024, the end of the time for appealing (rule 12(2) lets the appeal itself arrive on Tuesday 27 August 2024, but the time still ended on 26 August). ' +
        "A late appeal needs the tribunal's permission and cannot be admitted after this date.",
    );
  });
});

describe('subject access request: one month by the ICO rule, then the next working day', () => {
  // The month runs from the day DWP received the request; these give that day (facts.receivedOn, the day it was sent:
  // by email or by hand), so each counts from the date written. Sent by post, see 'the SAR month runs from receipt'.
  const receivedDateOf = (event: EventType, date: string, id: string, nation: Nation = EW) =>
    one(deadlinesForEvent(event, date, nation, { receivedOn: date }), id).date;

  test('received 31 January 2025: no 31 February, so the last day of February, 28 February (a Friday)', () => {
    const list = deadlinesForEvent('sar_sent', '2025-01-31', EW, { receivedOn: '2025-01-31' });
    const due = one(list, 'sar_reply_due');
    expect(due.date).toBe('2025-02-28');
    expect(due.basis).toContain('there is no corresponding date, so the last day of that month');
    expect(due.href).toMatch(/^https:\/\/ico\.org\.uk\//);
    // The chase is the first working day after: Monday 3 March 2025.
    expect(one(list, 'sar_chase').date).toBe('2025-03-03');
    // Extended (complex): 31 Jan + 3 months = 30 April 2025 (no 31 April), a Wednesday.
    expect(one(list, 'sar_extended_reply_due').date).toBe('2025-04-30');
  });

  test('received 31 January 2024 (leap year): 29 February 2024', () => {
    expect(receivedDateOf('sar_sent', '2024-01-31', 'sar_reply_due')).toBe('2024-02-29');
  });

  test('due on a bank holiday: received 5 April 2025 → 5 May 2025 is the early May bank holiday → Tuesday 6 May', () => {
    const due = one(deadlinesForEvent('sar_sent', '2025-04-05', EW, { receivedOn: '2025-04-05' }), 'sar_reply_due');
    expect(due.date).toBe('2025-05-06');
    expect(due.basis).toContain('a bank holiday in England and Wales (Early May bank holiday)');
  });

  test("due on a Saturday: received 30 October 2024 → 30 November → Monday 2 December; in Scotland St Andrew's substitute, so 3 December", () => {
    expect(receivedDateOf('sar_sent', '2024-10-30', 'sar_reply_due', EW)).toBe('2024-12-02');
    expect(receivedDateOf('sar_sent', '2024-10-30', 'sar_reply_due', SCOT)).toBe('2024-12-03');
  });

  test('due on Christmas Day 2025 (Thursday): → Boxing Day is a holiday too → Monday 29 December', () => {
    expect(receivedDateOf('sar_sent', '2025-11-25', 'sar_reply_due')).toBe('2025-12-29');
  });

  test('a rectification request follows the same rule (UK GDPR Art 12(3))', () => {
    const d = one(deadlinesForEvent('rectification_requested', '2025-01-31', EW, { method: 'email' }), 'rectification_reply_due');
    expect(d.date).toBe('2025-02-28');
    expect(d.citation).toContain('Art 16');
  });
});

describe('complaints: working-day reply targets in the nation’s working days', () => {
  test('sent Friday 20 December 2024, England and Wales', () => {
    const list = deadlinesForEvent('complaint_sent', '2024-12-20', EW);
    // computed: 23 (1), 24 (2) → acknowledgement Tuesday 24 December.
    expect(one(list, 'complaint_ack_due').date).toBe('2024-12-24');
    // computed: 23, 24, [25, 26], 27, 30, 31, [1 Jan], 2, 3, 6, 7, 8, 9, 10, 13, 14, 15 → 15th is 15 January 2025.
    expect(one(list, 'complaint_response_due').date).toBe('2025-01-15');
    // computed: + 5 working days' grace: 16, 17, 20, 21, 22 → 22 January.
    expect(one(list, 'complaint_escalate').date).toBe('2025-01-22');
    expect(one(list, 'complaint_response_due').citation).toContain('PQ 26617');
  });

  test('the same complaint in Scotland ends a day later (2 January 2025 is a Scottish bank holiday)', () => {
    const list = deadlinesForEvent('complaint_sent', '2024-12-20', SCOT);
    expect(one(list, 'complaint_response_due').date).toBe('2025-01-16');
    expect(one(list, 'complaint_escalate').date).toBe('2025-01-23');
    expect(one(list, 'complaint_response_due').basis).toContain('not counting Scotland bank holidays');
  });

  test('escalation: final response target and a chase asking for a final response letter', () => {
    const list = deadlinesForEvent('complaint_escalated', '2025-03-03', EW);
    expect(one(list, 'escalation_ack_due').date).toBe('2025-03-05');
    expect(one(list, 'escalation_response_due').date).toBe('2025-03-24'); // computed: 15 working days, no holidays
    expect(one(list, 'escalation_chase').kind).toBe('chase');
  });

  test('account breakdown and payment dispute: 15 working days target, escalate 5 later (Easter 2025 skipped)', () => {
    // computed: from Thursday 10 April 2025: 11, 14, 15, 16, 17 (5), [18 Good Friday], [21 Easter Monday], 22, 23, 24, 25,
    // 28 (10), 29, 30, 1 May, 2 May (14), [5 May early May holiday], 6 May (15); + 5: 7, 8, 9, 12, 13 → 13 May.
    expect(dateOf('breakdown_requested', '2025-04-10', 'breakdown_reply_due')).toBe('2025-05-06');
    expect(dateOf('breakdown_requested', '2025-04-10', 'breakdown_escalate')).toBe('2025-05-13');
    // In Scotland Easter Monday is a working day: 21 April is day 6 and the 15th is Friday 2 May.
    expect(dateOf('payments_disputed', '2025-04-10', 'dispute_reply_due', SCOT)).toBe('2025-05-02');
  });

  test('refund request (L19): a reply target 15 working days after it was sent, a complaint 5 working days later', () => {
    // computed: sent Monday 2 March 2026 (no bank holiday in March 2026): 3, 4, 5, 6, 9 (5), 10, 11, 12, 13, 16 (10),
    // 17, 18, 19, 20, 23 (15) → Monday 23 March; + 5: 24, 25, 26, 27, 30 → Monday 30 March.
    const list = deadlinesForEvent('refund_requested', '2026-03-02', EW);
    expect(list.map((d) => [d.id, d.kind, d.date])).toEqual([
      ['refund_reply_due', 'reply_due', '2026-03-23'],
      ['refund_escalate', 'escalate', '2026-03-30'],
    ]);
    expect(one(list, 'refund_reply_due').label).toBe('Target date for a reply to your refund request');
    expect(one(list, 'refund_reply_due').basis).toBe(
      '15 working days after Monday 2 March 2026, the day the request was sent (Monday to Friday, not counting England and' +
        " Wales bank holidays). There is no legal time limit; Reckoner uses CMS's 15-working-day complaint standard.",
    );
    // Reckoner's own target, not the law's: it says so, names the Act that makes a refund discretionary, and links nowhere.
    expect(one(list, 'refund_reply_due').citation).toBe(
      "Reckoner's own target: CMS's 15-working-day complaint-response standard (no legal time limit: a refund is discretionary, Child Support Act 1991 s.41B)",
    );
    expect(one(list, 'refund_reply_due').href).toBeUndefined();
    expect(one(list, 'refund_escalate').label).toBe('Make a stage-1 complaint if there is still no answer to your refund request');
    expect(one(list, 'refund_escalate').citation).toMatch(/^Reckoner's own rule: 5 working days' grace/);
    // Over Easter 2026 the nation's bank holidays count. computed: sent Monday 23 March 2026: 24, 25, 26, 27, 30 (5),
    // 31, 1 April, 2 April (8), [3 Good Friday], [6 Easter Monday], 7, 8, 9, 10, 13 (13), 14, 15 (15) → Wednesday 15 April;
    // + 5: 16, 17, 20, 21, 22 → Wednesday 22 April. In Scotland Easter Monday is a working day: day 15 is Tuesday 14 April.
    expect(dateOf('refund_requested', '2026-03-23', 'refund_reply_due')).toBe('2026-04-15');
    expect(dateOf('refund_requested', '2026-03-23', 'refund_escalate')).toBe('2026-04-22');
    expect(dateOf('refund_requested', '2026-03-23', 'refund_reply_due', SCOT)).toBe('2026-04-14');
    // L19 starts the same clock from the day it is sent, and asks for its reply by the target.
    expect(deadlinesForLetter('L19', '2026-03-02', EW)).toEqual(list);
    expect(LETTER_CLOCKS.L19).toMatchObject({ event: 'refund_requested', replyBy: 'refund_reply_due' });
    // CMS's answer, or a complaint made, meets both.
    expect(MET_BY['refund_reply_due']).toEqual(['refund_reply_received', 'complaint_sent']);
    expect(MET_BY['refund_escalate']).toEqual(['refund_reply_received', 'complaint_sent']);
  });

  test('each escalation names the letter it follows (a journey probe, 6 December 2026: two alike in one list)', () => {
    // A breakdown request and a payment dispute sent the same day gave "Make a stage-1 complaint if there is still no
    // answer" twice on one date, with nothing to say which letter each was for.
    expect(one(deadlinesForEvent('breakdown_requested', '2025-04-10', EW), 'breakdown_escalate').label).toBe(
      'Make a stage-1 complaint if there is still no answer to your request for the account breakdown',
    );
    expect(one(deadlinesForEvent('payments_disputed', '2025-04-10', EW), 'dispute_escalate').label).toBe(
      'Make a stage-1 complaint if there is still no answer to your payment dispute',
    );
  });
});

describe('months from a trigger: ICE, Ombudsman, ICO', () => {
  test('ICE: 6 months from a final response dated 31 August 2024 → 28 February 2025', () => {
    expect(dateOf('ice_eligible', '2024-08-31', 'ice_last_day')).toBe('2025-02-28');
  });
  test('Ombudsman: 12 months from first knowing of the problem on 29 February 2024 → 28 February 2025', () => {
    const list = deadlinesForEvent('grievance_noticed', '2024-02-29', EW);
    expect(one(list, 'phso_last_day').date).toBe('2025-02-28');
    expect(one(list, 'phso_last_day').citation).toContain('Parliamentary Commissioner Act 1967 s.6(3)');
    // 10 months: 29 December 2024, a Sunday → reminder moved to Monday 30 December.
    expect(one(list, 'phso_warning').date).toBe('2024-12-30');
  });
  test('ICO: 3 months from the last contact on 30 November 2024 → 28 February 2025; 2023 → 29 February 2024', () => {
    expect(dateOf('sar_chased', '2024-11-30', 'ico_last_day')).toBe('2025-02-28');
    expect(dateOf('sar_chased', '2023-11-30', 'ico_last_day')).toBe('2024-02-29');
    // 30 days after 30 November 2024 is 30 December, a Monday (a working day in both nations).
    expect(dateOf('sar_chased', '2024-11-30', 'ico_escalate')).toBe('2024-12-30');
  });
});

describe('enforcement windows in calendar days', () => {
  test('LSDO representations: 14 days beginning with the day of service, so the day of service is day 1', () => {
    const d = one(deadlinesForEvent('lsdo_served', '2025-03-03', EW), 'lsdo_representations_last_day');
    // computed: 3 March is day 1, 16 March (a Sunday) is day 14.
    expect(d.date).toBe('2025-03-16');
    expect(d.basis).toContain('arrives by Friday 14 March 2025');
  });
  test('DEO appeal 28 days; the sheriff in Scotland', () => {
    expect(dateOf('deo_served', '2025-01-31', 'deo_appeal_last_day')).toBe('2025-02-28');
    expect(one(deadlinesForEvent('deo_served', '2025-01-31', SCOT), 'deo_appeal_last_day').label).toContain('sheriff');
  });
  test("a last day on a bank holiday is pointed out: magistrates' decision 5 December 2024 + 21 days = Boxing Day", () => {
    const d = one(deadlinesForEvent('magistrates_decision', '2024-12-05', EW), 'magistrates_appeal_last_day');
    expect(d.date).toBe('2024-12-26');
    expect(d.basis).toContain('a bank holiday in England and Wales (Boxing Day)');
    expect(d.basis).toContain('arrives by Tuesday 24 December 2024');
  });
  test('address change: 7 days', () => {
    expect(dateOf('address_changed', '2025-06-02', 'address_change_last_day')).toBe('2025-06-09');
  });
});

describe('every rule', () => {
  test.each(TRIGGER_EVENTS.flatMap((e) => NATIONS.map((n) => [e, n] as const)))(
    '%s (%s): cited, explained, in order, unique',
    (event, nation) => {
      const list = deadlinesForEvent(event, '2025-01-31', nation);
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
      for (const d of list) {
        expect(d.citation, d.id).toBeTruthy();
        expect(d.basis, d.id).toMatch(/\d{4}/);
        expect(d.label, d.id).toBeTruthy();
        expect(d.date > '2025-01-31', d.id).toBe(true);
        expect(MET_BY[d.id], `${d.id} has the events that meet it`).toBeDefined();
        if (d.href) expect(d.href).toMatch(/^https?:\/\//);
        // Reckoner's own rules say so and carry no link.
        if (d.citation.startsWith("Reckoner's own")) expect(d.href).toBeUndefined();
      }
      expect([...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((d) => d.date)).toEqual(
        list.map((d) => d.date),
      );
    },
  );

  test('events that only meet deadlines start none', () => {
    expect(deadlinesForEvent('appeal_lodged', '2025-01-31', EW)).toEqual([]);
    expect(EVENT_TYPES.filter((e) => !TRIGGER_EVENTS.includes(e))).toContain('sar_reply_received');
  });

  test('reply deadlines owed by CMS or DWP, and reminders, fall on working days', () => {
    for (const event of TRIGGER_EVENTS) {
      for (const d of deadlinesForEvent(event, '2024-12-21', SCOT)) {
        if (d.kind !== 'last_day') {
          const dow = new Date(`${d.date}T12:00:00Z`).getUTCDay();
          expect([0, 6], `${d.id} ${d.date}`).not.toContain(dow);
        }
      }
    }
  });
});

describe('letters', () => {
  test('L01 subject access request starts the SAR clock from the day DWP receives it', () => {
    expect(deadlinesForLetter('L01', '2025-01-31', EW).map((d) => [d.id, d.date])).toEqual([
      ['sar_reply_due', '2025-02-28'],
      ['sar_chase', '2025-03-03'],
      ['sar_extended_reply_due', '2025-04-30'],
    ]);
  });
  test('L03 takes the decision letter date and gives only the reconsideration last day', () => {
    expect(deadlinesForLetter('L03', '2025-01-31', EW).map((d) => [d.id, d.date])).toEqual([['mr_last_day', '2025-02-28']]);
  });
  test('L18 gives only the (unconfirmed) late outer limit', () => {
    expect(deadlinesForLetter('L18', '2025-01-31', EW).map((d) => d.id)).toEqual(['late_mr_outer_limit']);
  });
  test('L17 takes the date the notice was sent', () => {
    // The absolute limit, 28 February 2026, is a Saturday: r.12(2) of the SEC Rules moves it to Monday 2 March 2026.
    expect(deadlinesForLetter('L17', '2025-01-31', EW).map((d) => d.date)).toEqual(['2025-02-28', '2026-03-02']);
  });
  test('L05 is the complaint clock', () => {
    expect(deadlinesForLetter('L05', '2024-12-20', SCOT).map((d) => d.date)).toEqual(['2024-12-24', '2025-01-16', '2025-01-23']);
  });
  test('letters with no clock start none', () => {
    for (const id of ['L08', 'L10', 'L12', 'L14', 'L15', 'L16', 'L20'] as const) {
      expect(deadlinesForLetter(id, '2025-01-31', EW), id).toEqual([]);
    }
  });
  test('every letter with a clock says what its date means and gives at least one deadline', () => {
    for (const id of LETTER_IDS) {
      const clock = LETTER_CLOCKS[id];
      expect(clock.date, id).toBeTruthy();
      if (clock.event) expect(deadlinesForLetter(id, '2025-01-31', EW).length, id).toBeGreaterThan(0);
    }
  });
});

describe('bad input is refused, naming the field', () => {
  test('an unknown letter, event or nation', () => {
    expect(() => deadlinesForLetter('L25' as never, '2025-01-31', EW)).toThrow(InputError);
    expect(() => deadlinesForEvent('decision_made' as never, '2025-01-31', EW)).toThrow(/not an event type/);
    expect(() => deadlinesForEvent('sar_sent', '2025-01-31', 'wales' as never)).toThrow(/nation/);
  });
  test('a date that is not a real date', () => {
    expect(() => deadlinesForEvent('sar_sent', '2025-02-29', EW)).toThrow(InputError);
  });
  test('dates outside the bank holiday tables are refused, not guessed', () => {
    expect(() => deadlinesForEvent('sar_sent', '2011-06-01', EW)).toThrow(OutOfCoverageError);
    // Inside the range, but the count runs into 2031.
    expect(() => deadlinesForEvent('complaint_sent', '2030-12-20', EW)).toThrow(/2031-01-0\d is outside the bank holiday tables/);
  });
});
