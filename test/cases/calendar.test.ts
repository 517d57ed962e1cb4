/**
 * The calendar export: the deadlines calc/deadlines gives for a decision letter dated 2 March 2026, written as
 * iCalendar and read back by a real parser (ical.js): one all-day event per deadline on its date, the text
 * escaped and folded as RFC 5545 says, a stable UID, a reminder two days before.
 */
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { deadlinesCalendar } from '../../cases/calendar.ts';

const CASE = '0f8fad5b-d9cb-469f-a165-70867728950e';
// reg 14(1)(a): 30 days after 2 March 2026 is 1 April 2026 (the label and date are calc's; checked in test/calc/deadlines).
const deadlines = deadlinesForEvent('decision_letter_received', '2026-03-02', 'england_and_wales');

describe('deadlinesCalendar', () => {
  const ics = deadlinesCalendar({ caseId: CASE, name: 'Smith, the arrears; 2026', deadlines, generatedAt: '2026-03-05T09:30:12.345Z' });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  test('parses as iCalendar, one all-day event per deadline on its date', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    // An X- property's value is TEXT (RFC 5545 §3.8.8.2), escaped as such; ical.js hands X- values back raw.
    expect(ics).toContain('\r\nX-WR-CALNAME:Smith\\, the arrears\\; 2026\r\n');
    expect(events.map((e) => [e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual(
      deadlines.map((d) => {
        const next = new Date(`${d.date}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        return [d.date, true, next.toISOString().slice(0, 10)];
      }),
    );
    expect(events[0]!.startDate.toString()).toBe('2026-04-01');
  });

  test('says what is due and why, escaped and folded, and reads back exactly', () => {
    expect(events.map((e) => e.summary)).toEqual(deadlines.map((d) => `Last day: ${d.label}`));
    expect(events.map((e) => e.description)).toEqual(deadlines.map((d) => `${d.basis}\n${d.citation}`));
    // Every physical line is at most 75 octets, and lines end CRLF.
    const physical = ics.split('\r\n');
    expect(physical.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toContain('\n');
  });

  test('a stable UID per deadline and case, a DTSTAMP in UTC, and a reminder two days before', () => {
    expect(events.map((e) => e.uid)).toEqual(deadlines.map((d) => `${d.id}-${d.date.replaceAll('-', '')}-${CASE}@reckoner`));
    expect(ics).toContain('DTSTAMP:20260305T093012Z');
    const alarm = calendar.getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-P2D');
  });

  test('nothing but the deadlines: no event for a calendar without any', () => {
    const empty = new ICAL.Component(
      ICAL.parse(deadlinesCalendar({ caseId: CASE, name: 'x', deadlines: [], generatedAt: '2026-03-05T09:30:12Z' })),
    );
    expect(empty.getAllSubcomponents('vevent')).toEqual([]);
  });

  test('a bare carriage return in the name is escaped, not left to end the line (a security probe)', () => {
    const withCr = deadlinesCalendar({ caseId: CASE, name: 'Smith\rX-INJECTED:1', deadlines, generatedAt: '2026-03-05T09:30:12.345Z' });
    expect(withCr).toContain('X-WR-CALNAME:Smith\\nX-INJECTED:1\r\n');
    expect(withCr.replaceAll('\r\n', '')).not.toContain('\r');
  });
});
