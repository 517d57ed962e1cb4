/**
 * The chase to DWP (sar_chase_ico_complaint, stage "chase") says "The one-month time limit in Article 12(3) of the UK
 * GDPR has passed": it is refused until it has (an MCP audit drafted it on 10 February 2025 for a request sent on
 * 20 January). The month runs from the day DWP received the request; not known, a posted request is taken to arrive on
 * the second working day after posting (CPR r.6.26): Monday 20 January → Wednesday 22 January 2025; a month later is
 * Saturday 22 February, so the reply is due on Monday 24 February and a chase may be dated Tuesday 25 February.
 */
import { describe, expect, test } from 'vitest';
import { deadlinesForEvent } from '../../calc/deadlines/index.ts';
import { draftLetter, type DraftInput } from '../../letters/index.ts';
import { CASES } from './fixture.ts';
import { refusal, squash } from './helpers.ts';

const base = CASES['sar_chase_ico_complaint']!.input as DraftInput;
const chase = (sentOn: string, more: Record<string, unknown> = {}): DraftInput => ({
  ...base,
  sentOn,
  facts: { ...(base.facts as Record<string, unknown>), stage: 'chase', sarSentOn: '2025-01-20', ...more },
});

describe('the SAR month runs from receipt', () => {
  test('a request sent 20 January 2025 and received 22 January is due 24 February (22 February is a Saturday)', () => {
    const all = deadlinesForEvent('sar_sent', '2025-01-20', 'england_and_wales', { receivedOn: '2025-01-22' });
    expect(all.find((d) => d.id === 'sar_reply_due')?.date).toBe('2025-02-24');
    expect(all.find((d) => d.id === 'sar_chase')?.date).toBe('2025-02-25');
    expect(all.find((d) => d.id === 'sar_reply_due')?.basis).toContain(
      '1 calendar month after Wednesday 22 January 2025, the day DWP is taken to have received your subject access request (sent on Monday 20 January 2025)',
    );
    // Not said how it went, it is taken as posted, as the chase takes it: received 22 January, due 24 February too.
    expect(deadlinesForEvent('sar_sent', '2025-01-20', 'england_and_wales').find((d) => d.id === 'sar_reply_due')?.date).toBe('2025-02-24');
    // Sent by email, DWP had it that day: 20 February 2025, a Thursday.
    const emailed = deadlinesForEvent('sar_sent', '2025-01-20', 'england_and_wales', { method: 'email' });
    expect(emailed.find((d) => d.id === 'sar_reply_due')?.date).toBe('2025-02-20');
  });
});

describe('a chase that says the time limit has passed, before it has', () => {
  test('is refused on 10 February and on 24 February, saying when it may be dated', () => {
    for (const sentOn of ['2025-02-10', '2025-02-24']) {
      const problems = refusal(chase(sentOn)).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]!.field).toBe('facts.sarSentOn');
      expect(problems[0]!.message).toMatch(
        new RegExp(
          `^DWP’s reply to the request sent on 2025-01-20 is not due until 2025-02-24, so on ${sentOn} the time limit has not passed`,
        ),
      );
      expect(problems[0]!.message).toContain(
        'Date the chase 2025-02-25 or later; give facts.sarReceivedOn if DWP received the request on another day',
      );
    }
  });

  test('is drafted on 25 February, or on 21 February when DWP had the request the day it was sent', () => {
    expect(draftLetter(chase('2025-02-25')).text).toContain('has passed');
    expect(draftLetter(chase('2025-02-21', { sarReceivedOn: '2025-01-20' })).text).toContain('has passed');
    expect(refusal(chase('2025-02-21', { sarReceivedOn: '2025-01-19' })).problems).toContainEqual({
      field: 'facts.sarReceivedOn',
      message: 'is before sarSentOn: DWP cannot have received the request before it was sent',
    });
  });
});

describe('the subject access request asks for the reply the law allows', () => {
  test('dated Monday 20 January 2025, posted, it asks for a reply by Monday 24 February, and its notes chase on the 25th', () => {
    // Taken to arrive Wednesday 22 January (CPR r.6.26); a month later is Saturday 22 February: Monday 24 February.
    // Counted from the letter's date, it asked for 20 February, and its notes said to chase on 21 February, a day the
    // chase letter (rightly) refuses: an MCP audit.
    const base = CASES['subject_access_request']!.input as DraftInput;
    const letter = draftLetter({ ...base, sentOn: '2025-01-20' });
    expect(squash(letter.text)).toContain('Please reply in writing by 24 February 2025.');
    expect(letter.deadlines.map((d) => [d.id, d.date])).toContainEqual(['sar_chase', '2025-02-25']);
    expect(squash(letter.text)).toContain(
      'The dates above run from 22 January 2025, when a letter posted on 20 January 2025 is taken to arrive (the second working day after posting, CPR r.6.26)',
    );
  });
});
