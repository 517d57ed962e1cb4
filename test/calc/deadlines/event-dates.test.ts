/**
 * Which date an event is given with (journey probe F4, story S8b): a mandatory reconsideration notice dated Thursday
 * 27 February 2025 arrived on Monday 3 March. The tools asked for "a reply: the day it came", a model gave 3 March,
 * and the appeal's last day came out as 3 April — a week later than the law's. Tribunal Procedure (First-tier
 * Tribunal) (Social Entitlement Chamber) Rules 2008 r.22(2)(d)(i): one month after the date the notice was sent.
 *
 * Every event whose rule counts from the date printed on CMS's letter or order asks for that date, in calc's
 * description of it and in the hint the tools give for `date`; and a letter's example dates "if sent today" are given
 * only where sending the letter is what starts its clock (F10).
 */
import { describe, expect, test } from 'vitest';
import {
  clockStartsOnSending,
  DATED_AS_PRINTED,
  deadlineOf,
  deadlinesForEvent,
  EVENT_DATE_HINT,
  EVENT_DESCRIPTIONS,
  LETTER_CLOCKS,
  LETTER_IDS,
  TRIGGER_EVENTS,
} from '../../../calc/deadlines/index.ts';

const EW = 'england_and_wales' as const;
/** The events whose rule counts from the date printed on CMS's letter or order (each rule's basis says so, below). */
const PRINTED = ['decision_letter_received', 'mr_notice_received', 'ice_eligible', 'deo_served'] as const;

describe('the date an event is given with', () => {
  test('S8b: the appeal month runs from the date printed on the notice, 27 February 2025 → Thursday 27 March 2025', () => {
    // r.22(2)(d)(i): one month after 27 February 2025 is 27 March 2025, a Thursday and a working day (not moved).
    const printed = deadlineOf(deadlinesForEvent('mr_notice_received', '2025-02-27', EW), 'appeal_last_day');
    expect(printed?.date).toBe('2025-03-27');
    // Given the day it came (3 March), it would be 3 April: the later, false date the probe saw.
    expect(deadlineOf(deadlinesForEvent('mr_notice_received', '2025-03-03', EW), 'appeal_last_day')?.date).toBe('2025-04-03');
  });

  test('each event whose rule counts from the date on the letter or order is among DATED_AS_PRINTED', () => {
    // The rule's own words say what it counts from (events.ts): the date on the decision letter (CSMCR 2012 reg
    // 14(1)(a)), the date the notice was sent (r.22(2)(d)(i)), the date of the final response (ICE), the day the
    // matter arose (C&E Regs 1992 reg 22(2)).
    const fromPrinted =
      /the date on the decision letter|the date the mandatory reconsideration notice was sent|the date of the final response|the day the matter arose/;
    const found = TRIGGER_EVENTS.filter((e) => deadlinesForEvent(e, '2025-02-27', EW).some((d) => fromPrinted.test(d.basis)));
    expect([...found].sort()).toEqual([...PRINTED].sort());
    expect([...(DATED_AS_PRINTED ?? [])].sort()).toEqual([...PRINTED].sort());
  });

  test('their descriptions ask for the date printed on it, not the day it came', () => {
    for (const type of PRINTED) {
      expect(EVENT_DESCRIPTIONS[type], type).toMatch(/the date printed on/);
      expect(EVENT_DESCRIPTIONS[type], type).toMatch(/not the day (it|your copy) came/);
    }
    expect(EVENT_DESCRIPTIONS.mr_notice_received).not.toMatch(/the day it arrived/);
  });

  test('the hint the tools give for date names each of them with the date printed on it', () => {
    for (const type of PRINTED) expect(EVENT_DATE_HINT).toContain(type);
    expect(EVENT_DATE_HINT).toMatch(/: the date printed on it, not the day it came; other replies: the day it came; yours: the day sent$/);
    // The old hint sent a reconsideration notice (a reply) to "the day it came".
    expect(EVENT_DATE_HINT).not.toMatch(/^A decision: the date on it; a reply: the day it came/);
  });

  test('the letters counted from such a date ask for the printed date too', () => {
    for (const id of ['L03', 'L07', 'L17', 'L18', 'L22'] as const) {
      expect(LETTER_CLOCKS[id].date, id).toMatch(/the date printed on/);
      expect(PRINTED as readonly string[], id).toContain(LETTER_CLOCKS[id].event);
    }
  });
});

describe('F10: a letter whose clock does not start on sending has no date "if sent today"', () => {
  test('which letters start their clock by being sent', () => {
    const onSending = LETTER_IDS.filter((id) => clockStartsOnSending(id));
    // Sending is the event the clock counts from: SAR, breakdown request, dispute, complaint, escalation, pause
    // request, refund request, rectification request, SAR chase.
    expect(onSending).toEqual(['L01', 'L02', 'L04', 'L05', 'L06', 'L11', 'L19', 'L21', 'L24']);
    // A reconsideration (from the decision letter), an ICE referral (the final response), an Ombudsman complaint (the
    // day you knew), a change of address (the day you moved), an appeal (the notice), a late reconsideration, a DEO
    // appeal, LSDO representations (the day of service): counted from an earlier day.
    for (const id of ['L03', 'L07', 'L09', 'L13', 'L17', 'L18', 'L22', 'L23'] as const) expect(clockStartsOnSending(id), id).toBe(false);
  });
});
