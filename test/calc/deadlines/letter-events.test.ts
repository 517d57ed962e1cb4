/**
 * What sending a letter records, which event answers which deadline, the clock-less events, and the rules that
 * turn on an event's facts (a deduction order appeal from abroad; a default decision). Dates are computed by
 * hand in each test.
 */
import { describe, expect, test } from 'vitest';
import {
  DEADLINE,
  deadlinesForEvent,
  deadlinesForLetter,
  EVENT_TYPES,
  eventForLetter,
  eventsThatMeet,
  LETTER_EVENTS,
  LETTER_IDS,
  replyEventFor,
  timeline,
  type CaseEvent,
} from '../../../calc/deadlines/index.ts';
import { InputError } from '../../../calc/errors.ts';

const EW = 'england_and_wales' as const;
const ids = (list: readonly { id: string; date: string }[]) => list.map((d) => `${d.id}@${d.date}`);

describe('events that start no clock', () => {
  test.each(['letter_sent', 'letter_received', 'call', 'note', 'payment', 'enforcement', 'other'] as const)(
    '%s is an event type and starts no deadline',
    (type) => {
      expect(EVENT_TYPES).toContain(type);
      expect(deadlinesForEvent(type, '2025-06-02', EW)).toEqual([]);
    },
  );
});

describe('eventForLetter: what sending each letter records', () => {
  test('each of the 24 letters, as the dispute process names the step', () => {
    expect(LETTER_IDS.map((id) => [id, eventForLetter(id)])).toEqual([
      ['L01', 'sar_sent'],
      ['L02', 'breakdown_requested'],
      ['L03', 'mr_sent'],
      ['L04', 'payments_disputed'],
      ['L05', 'complaint_sent'],
      ['L06', 'complaint_escalated'],
      ['L07', 'ice_referred'],
      ['L08', 'letter_sent'],
      ['L09', 'phso_referred'],
      ['L10', 'letter_sent'],
      ['L11', 'enforcement_pause_requested'],
      ['L12', 'letter_sent'],
      ['L13', 'address_change_reported'],
      ['L14', 'letter_sent'],
      ['L15', 'letter_sent'],
      ['L16', 'letter_sent'],
      ['L17', 'appeal_lodged'],
      ['L18', 'mr_sent'],
      ['L19', 'refund_requested'],
      ['L20', 'letter_sent'],
      ['L21', 'rectification_requested'],
      ['L22', 'deo_appeal_lodged'],
      ['L23', 'lsdo_representations_sent'],
      ['L24', 'sar_chased'],
    ]);
    for (const type of Object.values(LETTER_EVENTS)) expect(EVENT_TYPES).toContain(type);
  });
  test('L13 for a change other than an address records only that a letter was sent; L24 to the ICO is the ICO complaint', () => {
    expect(eventForLetter('L13', { addressChange: false })).toBe('letter_sent');
    expect(eventForLetter('L24', { icoComplaint: true })).toBe('ico_complaint_sent');
  });
  test('an unknown letter is refused', () => {
    expect(() => eventForLetter('L25' as never)).toThrow(InputError);
  });
});

describe('which event answers which deadline', () => {
  test('the reply event of each letter that asks for a reply by a date', () => {
    expect(LETTER_IDS.flatMap((id) => (replyEventFor(id) ? [[id, replyEventFor(id)]] : []))).toEqual([
      ['L01', 'sar_reply_received'],
      ['L02', 'breakdown_received'],
      ['L04', 'dispute_reply_received'],
      ['L05', 'complaint_reply_received'],
      // The reply to an escalation is CMS's final response, which is what makes the complaint eligible for ICE.
      ['L06', 'ice_eligible'],
      ['L11', 'enforcement_pause_reply_received'],
      ['L19', 'refund_reply_received'],
      ['L21', 'rectification_reply_received'],
    ]);
    expect(eventsThatMeet(DEADLINE.disputeReplyDue)).toContain('dispute_reply_received');
  });

  test('payments disputed on 2 June 2025, CMS replies on 12 June: the reply deadline is met, not next or overdue', () => {
    const events: CaseEvent[] = [
      { type: 'payments_disputed', date: '2025-06-02' },
      { type: 'dispute_reply_received', date: '2025-06-12' },
    ];
    const t = timeline(events, '2025-07-31', EW);
    const reply = t.entries.find((e) => e.deadline.id === DEADLINE.disputeReplyDue)!;
    expect(reply.status).toBe('met');
    expect(reply.metBy).toEqual({ type: 'dispute_reply_received', date: '2025-06-12' });
    expect(reply.startedBy).toEqual({ type: 'payments_disputed', date: '2025-06-02' });
    expect(t.met.map((d) => d.id)).toContain(DEADLINE.disputeReplyDue);
    expect([...t.next, ...t.overdue].map((d) => d.id)).not.toContain(DEADLINE.disputeReplyDue);
    // Without the reply, the same deadline is overdue on 31 July 2025.
    const unanswered = timeline(events.slice(0, 1), '2025-07-31', EW);
    expect(unanswered.overdue.map((d) => d.id)).toContain(DEADLINE.disputeReplyDue);
  });

  test('a letter drafted now and its reply: L02 sent 2 June 2025, breakdown received 20 June meets its reply deadline', () => {
    const t = timeline([{ type: replyEventFor('L02')!, date: '2025-06-20' }], '2025-06-25', EW, {
      letter: { type: 'L02', date: '2025-06-02' },
    });
    expect(t.entries.find((e) => e.deadline.id === DEADLINE.breakdownReplyDue)?.status).toBe('met');
  });
});

describe('rules that turn on the event’s facts', () => {
  test('deduction order appeal from abroad: 56 days, not 28 (SI 1992/1989 reg 22(2)(c))', () => {
    // computed: 31 January 2025 + 56 days = 28 March 2025; + 28 days = 28 February 2025.
    const abroad = deadlinesForEvent('deo_served', '2025-01-31', EW, { livesOutsideUk: true });
    expect(ids(abroad)).toEqual(['deo_appeal_last_day@2025-03-28']);
    expect(abroad[0]!.citation).toContain('reg 22(2)(c)');
    expect(abroad[0]!.basis).toContain('56 calendar days');
    expect(ids(deadlinesForEvent('deo_served', '2025-01-31', EW))).toEqual(['deo_appeal_last_day@2025-02-28']);
    expect(ids(deadlinesForLetter('L22', '2025-01-31', EW, { livesOutsideUk: true }))).toEqual(['deo_appeal_last_day@2025-03-28']);
  });

  test('a default or interim maintenance decision starts no 30-day limit: it can be revised at any time (SI 2012/2677 reg 14)', () => {
    for (const decision of ['default_maintenance_decision', 'interim_maintenance_decision'] as const) {
      expect(deadlinesForEvent('decision_letter_received', '2025-01-31', EW, { decision })).toEqual([]);
      expect(deadlinesForLetter('L03', '2025-01-31', EW, { decision })).toEqual([]);
    }
    // Any other decision: the 30 days (here 28 February 2025, the earlier of 2 March and 28 February).
    expect(deadlinesForLetter('L03', '2025-01-31', EW, { decision: 'other' }).map((d) => d.date)).toEqual(['2025-02-28']);
  });
});
