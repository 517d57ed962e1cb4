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

  /** Every control character RFC 5545 forbids in a content line (CONTROL: all but HTAB), once the CRLF line ends are taken out. */
  const RAW_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

  test('a title that tries to start an event of its own stays text: no extra VEVENT, no raw control character (a security probe)', () => {
    const injected = deadlinesCalendar({
      caseId: CASE,
      name: 'x\r\nBEGIN:VEVENT\r\nSUMMARY:injected',
      deadlines: deadlines.slice(0, 1),
      generatedAt: '2026-03-05T09:30:12.345Z',
    });
    // Each CRLF becomes the two characters backslash and n (§3.3.11), so the line stays one property.
    expect(injected).toContain('\r\nX-WR-CALNAME:x\\nBEGIN:VEVENT\\nSUMMARY:injected\r\n');
    expect(injected.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1);
    expect(injected.replaceAll('\r\n', '')).not.toMatch(RAW_CONTROL);
    const parsed = new ICAL.Component(ICAL.parse(injected));
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(parsed.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toBe(`Last day: ${deadlines[0]!.label}`);
  });

  test('NUL, ESC, DEL and a C1 control are removed from the title, a tab kept, NEL and U+2028 written as \\n', () => {
    const ics = deadlinesCalendar({
      caseId: CASE,
      name: 'Smith\u0000 arrears\u001b[31m\u007f\u0090\tcase\u0085one\u2028two',
      deadlines: [],
      generatedAt: '2026-03-05T09:30:12Z',
    });
    expect(ics).toContain('\r\nX-WR-CALNAME:Smith arrears[31m\tcase\\none\\ntwo\r\n');
    expect(ics.replaceAll('\r\n', '')).not.toMatch(RAW_CONTROL);
  });

  test('every text property of an event is escaped the same way, and a URL with a line break in it is left out', () => {
    const hostile = {
      ...deadlines[0]!,
      label: 'Reply\r\nEND:VEVENT',
      basis: 'Counted\u0000 from\nthe letter; 30 days',
      citation: 'reg 14\u001b(1)',
      href: 'https://www.gov.uk/x\r\nATTACH:https://example.invalid/',
    };
    const ics = deadlinesCalendar({ caseId: CASE, name: 'Case', deadlines: [hostile], generatedAt: '2026-03-05T09:30:12Z' });
    expect(ics).toContain('\r\nSUMMARY:Last day: Reply\\nEND:VEVENT\r\n');
    // DESCRIPTION is the basis, a line break, the citation.
    expect(ics).toContain('\r\nDESCRIPTION:Counted from\\nthe letter\\; 30 days\\nreg 14(1)\r\n');
    // The reminder's DESCRIPTION is the label.
    expect(ics).toContain('\r\nDESCRIPTION:Reply\\nEND:VEVENT\r\n');
    expect(ics).not.toContain('URL:');
    expect(ics).not.toContain('ATTACH');
    expect(ics.match(/^END:VEVENT$/gm)).toHaveLength(1);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(RAW_CONTROL);
    // A plain https address is still written.
    const plain = deadlinesCalendar({
      caseId: CASE,
      name: 'Case',
      deadlines: [{ ...hostile, href: 'https://www.gov.uk/x' }],
      generatedAt: '2026-03-05T09:30:12Z',
    });
    expect(plain).toContain('\r\nURL:https://www.gov.uk/x\r\n');
  });

  test('a long title is folded at 75 octets, never inside a character, and reads back whole', () => {
    const name = 'Case of £'.repeat(20);
    const ics = deadlinesCalendar({ caseId: CASE, name, deadlines: [], generatedAt: '2026-03-05T09:30:12Z' });
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    // Unfolding (§3.1: a CRLF followed by a space is removed) gives the property back.
    expect(ics.replaceAll('\r\n ', '')).toContain(`\r\nX-WR-CALNAME:${name}\r\n`);
  });
});
