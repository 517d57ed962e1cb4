/**
 * The open deadlines of a case as an iCalendar file (RFC 5545), for a parent's or an adviser's calendar: one
 * all-day event per deadline on its date, with what is due, the rule behind it and its citation, and a reminder
 * two days before. Pure text: the caller gives the deadlines (computed by calc/deadlines) and the moment of export.
 *
 * Calendars are often synced to other services, so an event says what is due and why, never a name, an
 * address or an amount; the calendar's name is the case's title, which the user chose.
 * @module
 */
import { addDays, type CivilDate } from '../calc/dates.ts';
import type { Deadline } from '../calc/deadlines/index.ts';

export interface CalendarInput {
  readonly caseId: string;
  /** The calendar's name as calendar apps show it. */
  readonly name: string;
  readonly deadlines: readonly Deadline[];
  /** When the file is made, as an ISO instant (DTSTAMP). */
  readonly generatedAt: string;
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma are escaped, a line break is written as the escape `\n`, and
 * no control character but HTAB may appear (CONTROL, §3.1: U+0000–U+0008, U+000A–U+001F, U+007F). A line break is
 * CRLF, LF, a bare CR (a title typed with one split the line for some readers), NEL or a Unicode line or paragraph
 * separator; any other control character (NUL, ESC, and the C1 controls U+0080–U+009F) is removed. Nothing the user
 * wrote can then end a content line and start a property or an event of its own.
 */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/**
 * A URI value (RFC 5545 §3.3.13): an http or https address with no space or control character in it (a URI holds
 * none), or nothing, so that the URL property is left out rather than written with a line break in it.
 */
function uri(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/i.test(value) ? value : undefined;
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, continuing with a space; never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (date: CivilDate): string => date.replaceAll('-', '');
const stamp = (iso: string): string => `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;

const KIND_WORDS: Record<Deadline['kind'], string> = {
  reply_due: 'Reply due',
  chase: 'Chase',
  escalate: 'Escalate',
  last_day: 'Last day',
  review: 'Review',
};

/** The calendar file: CRLF line endings, folded, one VEVENT per deadline. */
export function deadlinesCalendar(input: CalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Reckoner//Case deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(input.name)}`,
  ];
  for (const d of input.deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      // Stable across exports, so importing the file again updates the event instead of adding another.
      `UID:${text(`${d.id}-${basicDate(d.date)}-${input.caseId}@reckoner`)}`,
      `DTSTAMP:${stamp(input.generatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(d.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(d.date, 1))}`,
      `SUMMARY:${text(`${KIND_WORDS[d.kind]}: ${d.label}`)}`,
      `DESCRIPTION:${text(`${d.basis}\n${d.citation}`)}`,
      ...(uri(d.href) ? [`URL:${uri(d.href)}`] : []),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${text(d.label)}`,
      'TRIGGER:-P2D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
