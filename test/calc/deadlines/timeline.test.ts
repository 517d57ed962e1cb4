/**
 * A case timeline: what is met, overdue and next as of a day. Dates are those checked in deadlines.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { timeline, type CaseEvent } from '../../../calc/deadlines/index.ts';
import { InputError } from '../../../calc/errors.ts';

const ids = (list: readonly { id: string; date: string }[]) => list.map((d) => `${d.id}@${d.date}`);

describe('timeline', () => {
  test('a decision with no reconsideration yet: the MR last day is next; after it, overdue', () => {
    const events: CaseEvent[] = [{ type: 'decision_letter_received', date: '2025-01-31' }];
    const before = timeline(events, '2025-02-10', 'england_and_wales');
    expect(ids(before.next)).toEqual(['mr_last_day@2025-02-28', 'mr_online_change_last_day@2025-03-04', 'late_mr_outer_limit@2026-02-28']);
    expect(before.overdue).toEqual([]);
    const after = timeline(events, '2025-03-01', 'england_and_wales');
    expect(ids(after.overdue)).toEqual(['mr_last_day@2025-02-28']);
    // A deadline on the day itself is still next, not overdue.
    expect(ids(timeline(events, '2025-02-28', 'england_and_wales').next)[0]).toBe('mr_last_day@2025-02-28');
  });

  test('sending the reconsideration meets the decision deadlines and starts the chase', () => {
    const t = timeline(
      [
        { type: 'mr_sent', date: '2025-02-10' },
        { type: 'decision_letter_received', date: '2025-01-31' },
      ],
      '2025-03-20',
      'england_and_wales',
    );
    expect(ids(t.met)).toEqual(['mr_last_day@2025-02-28', 'mr_online_change_last_day@2025-03-04', 'late_mr_outer_limit@2026-02-28']);
    // computed: 20 working days after Monday 10 February 2025 = Monday 10 March; 40 = Monday 7 April.
    expect(ids(t.overdue)).toEqual(['mr_chase@2025-03-10']);
    expect(ids(t.next)).toEqual(['mr_complain@2025-04-07']);
    expect(t.all).toHaveLength(5);
  });

  test('a reconsideration sent after the last day does not meet it: the deadline stands missed, the outer limit met', () => {
    // Decision 31 January 2025: last day 28 February (30 days), online-change day 4 March. Sent on 10 March: late for
    // both (a late application, reg 15, within 13 months: the outer limit of 28 February 2026 is met). Before, both
    // read as met. Found by an MCP audit.
    const t = timeline(
      [
        { type: 'decision_letter_received', date: '2025-01-31' },
        { type: 'mr_sent', date: '2025-03-10' },
      ],
      '2025-03-20',
      'england_and_wales',
    );
    expect(ids(t.overdue)).toEqual(['mr_last_day@2025-02-28', 'mr_online_change_last_day@2025-03-04']);
    expect(ids(t.met)).toEqual(['late_mr_outer_limit@2026-02-28']);
    // Sent on the last day itself is in time.
    const onTheDay = timeline(
      [
        { type: 'decision_letter_received', date: '2025-01-31' },
        { type: 'mr_sent', date: '2025-02-28' },
      ],
      '2025-03-20',
      'england_and_wales',
    );
    expect(ids(onTheDay.met)).toEqual(['mr_last_day@2025-02-28', 'mr_online_change_last_day@2025-03-04', 'late_mr_outer_limit@2026-02-28']);
  });

  test('the notice meets the chase; the appeal month runs; lodging the appeal meets it', () => {
    const base: CaseEvent[] = [
      { type: 'decision_letter_received', date: '2025-01-31' },
      { type: 'mr_sent', date: '2025-02-10' },
      { type: 'mr_notice_received', date: '2025-03-14' },
    ];
    const t = timeline(base, '2025-03-20', 'scotland');
    // computed: 14 March 2025 + 1 month = 14 April; absolute limit 14 April 2026.
    expect(ids(t.next)).toEqual(['appeal_last_day@2025-04-14', 'late_appeal_absolute_limit@2026-04-14']);
    expect(t.overdue).toEqual([]);
    const lodged = timeline([...base, { type: 'appeal_lodged', date: '2025-04-01' }], '2025-04-20', 'scotland');
    expect(lodged.next).toEqual([]);
    expect(lodged.overdue).toEqual([]);
    expect(lodged.met).toHaveLength(7);
  });

  test('a reconsideration answers the latest decision only; an earlier decision keeps its own window', () => {
    const t = timeline(
      [
        { type: 'decision_letter_received', date: '2025-01-06' },
        { type: 'decision_letter_received', date: '2025-01-20' },
        { type: 'mr_sent', date: '2025-01-27' },
      ],
      '2025-02-10',
      'england_and_wales',
    );
    // computed: 6 January + 30 days = 5 February (one month: 6 February) and + 32 days = 7 February → overdue on 10 February.
    expect(ids(t.overdue)).toEqual(['mr_last_day@2025-02-05', 'mr_online_change_last_day@2025-02-07']);
    expect(ids(t.met)).toContain('mr_last_day@2025-02-19');
  });

  test('a complaint, its escalation and the final response lead to the ICE limit', () => {
    const t = timeline(
      [
        { type: 'complaint_sent', date: '2024-12-20' },
        { type: 'complaint_escalated', date: '2025-01-27' },
        { type: 'ice_eligible', date: '2025-02-28' },
      ],
      '2025-03-03',
      'england_and_wales',
    );
    expect(t.overdue).toEqual([]);
    // computed: 28 February 2025 + 6 months = 28 August 2025.
    expect(ids(t.next)).toEqual(['ice_last_day@2025-08-28']);
    expect(t.met.map((d) => d.id).sort()).toEqual(
      [
        'complaint_ack_due',
        'complaint_escalate',
        'complaint_response_due',
        'escalation_ack_due',
        'escalation_chase',
        'escalation_response_due',
      ].sort(),
    );
  });

  test('a letter can be added to the timeline', () => {
    const t = timeline([{ type: 'sar_reply_received', date: '2025-02-20' }], '2025-03-10', 'england_and_wales', {
      letter: { type: 'L01', date: '2025-01-31' },
    });
    expect(ids(t.met)).toEqual(['sar_reply_due@2025-02-28', 'sar_chase@2025-03-03', 'sar_extended_reply_due@2025-04-30']);
    expect(t.next).toEqual([]);
  });

  test('every list is in date order and all = met + overdue + next', () => {
    const t = timeline(
      [
        { type: 'sar_sent', date: '2025-01-31' },
        { type: 'breakdown_requested', date: '2025-01-31' },
        { type: 'grievance_noticed', date: '2024-11-01' },
      ],
      '2025-03-01',
      'scotland',
    );
    for (const list of [t.all, t.met, t.overdue, t.next]) {
      expect(list.map((d) => d.date)).toEqual([...list.map((d) => d.date)].sort());
    }
    expect(t.all).toHaveLength(t.met.length + t.overdue.length + t.next.length);
  });

  test('an event after asOf, an unknown event or a bad date is refused, naming the event', () => {
    expect(() => timeline([{ type: 'sar_sent', date: '2025-03-02' }], '2025-03-01', 'scotland')).toThrow(
      /events\[0\]\.date: 2025-03-02 is after asOf/,
    );
    expect(() => timeline([{ type: 'sar_made' as never, date: '2025-03-01' }], '2025-03-01', 'scotland')).toThrow(InputError);
    expect(() => timeline([{ type: 'sar_sent', date: '2025-3-1' }], '2025-03-01', 'scotland')).toThrow(/events\[0\]\.date/);
    expect(() => timeline([], '2025-13-01', 'scotland')).toThrow(/asOf/);
  });
});
