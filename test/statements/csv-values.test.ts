/**
 * The cell readers: amounts as UK banks write them, dates in a stated format (and impossible dates refused),
 * masking, and the RFC 4180 reader's edge cases.
 */
import { describe, expect, test } from 'vitest';
import { Budget } from '../../statements/csv/budget.ts';
import { detectDelimiter, readCsv } from '../../statements/csv/reader.ts';
import {
  CellError,
  compileDateFormat,
  D_MON_Y,
  DMY,
  ISO,
  maskAccountNumber,
  maskSortCode,
  parseAmount,
  parseDate,
  splitSortCodeAndAccount,
} from '../../statements/csv/values.ts';
import { ParseError } from '../../statements/types.ts';

describe('parseAmount', () => {
  test.each([
    ['12.50', '12.5'],
    ['-12.50', '-12.5'],
    ['£1,234.56', '1234.56'],
    ['-£52.00', '-52'],
    ['+£5.00', '5'],
    ['£ 5.00', '5'],
    ['1,234.56 CR', '1234.56'],
    ['1,234.56CR', '1234.56'],
    ['52.00 DR', '-52'],
    ['52.00 dr', '-52'],
    ['(52.00)', '-52'],
    // A trailing minus (a statements probe of 6 December 2026: refused before).
    ['45.99-', '-45.99'],
    ['£1,204.99 -', '-1204.99'],
    ['GBP 12.00', '12'],
    ["'12.00", '12'],
    ['  7  ', '7'],
    ['0.00', '0'],
  ])('%j is %s', (raw, value) => {
    expect(parseAmount(raw)!.toString()).toBe(value);
  });

  test.each(['', '   ', '-'])('%j is blank', (raw) => {
    expect(parseAmount(raw)).toBeUndefined();
  });

  test.each([
    ['12,50', /decimal comma/],
    ['€5.00', /not in pounds/],
    ['12.345', /fractions of a penny/],
    ['abc', /not an amount of money/],
    ['1,23,4.00', /commas out of place/],
    ['-45.99-', /not an amount of money/],
  ])('%j is refused (%s)', (raw, why) => {
    expect(() => parseAmount(raw)).toThrow(CellError);
    expect(() => parseAmount(raw)).toThrow(why);
  });
});

describe('parseDate', () => {
  test.each([
    ['05/03/2024', [DMY], '2024-03-05'],
    ['5/3/2024', [DMY], '2024-03-05'],
    ['29/02/2024', [DMY], '2024-02-29'],
    ['13 Jun 2025', [D_MON_Y], '2025-06-13'],
    ['3 Sept 2025', [D_MON_Y], '2025-09-03'],
    ['13  jun  2025', [D_MON_Y], '2025-06-13'],
    ['2024-03-05', [ISO], '2024-03-05'],
    ['13/06/2025 00:00:00', [DMY], '2025-06-13'],
    ['2025-06-13T09:15:00Z', [ISO], '2025-06-13'],
    ["'05/03/2024", [DMY], '2024-03-05'],
    ['13 Jun 2025', [DMY, D_MON_Y], '2025-06-13'],
  ])('%j in %s is %s', (raw, formats, date) => {
    expect(parseDate(raw, formats)).toBe(date);
  });

  test.each([
    ['31/02/2024', [DMY], /not a real date \(February 2024 has no day 31\)/],
    ['29/02/2023', [DMY], /February 2023 has no day 29/],
    ['01/13/2024', [DMY], /there is no month 13/],
    ['00/01/2024', [DMY], /January 2024 has no day 0/],
    ['2024-03-05', [DMY], /not a date in the form DD\/MM\/YYYY/],
    ['13 Jux 2025', [D_MON_Y], /month name/],
    ['', [DMY], /not a date/],
  ])('%j in %s is refused (%s)', (raw, formats, why) => {
    expect(() => parseDate(raw, formats)).toThrow(why);
  });

  test('formats: YY years and full month names; a format without a day, month and year is refused', () => {
    expect(parseDate('05-03-24', [compileDateFormat('DD-MM-YY')])).toBe('2024-03-05');
    expect(parseDate('05-03-99', [compileDateFormat('DD-MM-YY')])).toBe('1999-03-05');
    expect(parseDate('5 March 2024', [compileDateFormat('D MMMM YYYY')])).toBe('2024-03-05');
    expect(parseDate('03/05/2024', [compileDateFormat('MM/DD/YYYY')])).toBe('2024-03-05');
    expect(() => compileDateFormat('MM/YYYY')).toThrow(/day, a month and a year/);
    expect(() => compileDateFormat('nonsense')).toThrow(CellError);
  });
});

describe('masking', () => {
  test('only the last four digits of an account number and the last two of a sort code are kept', () => {
    expect(maskAccountNumber('12345678')).toBe('****5678');
    expect(maskAccountNumber('****12345')).toBe('****2345');
    expect(maskAccountNumber('12')).toBeUndefined();
    expect(maskSortCode("'30-00-78")).toBe('**-**-78');
    expect(maskSortCode('300078')).toBe('**-**-78');
    expect(maskSortCode('3000')).toBeUndefined();
    expect(splitSortCodeAndAccount('20-00-56 00123456')).toEqual({ sortCode: '**-**-56', accountNumber: '****3456' });
    expect(splitSortCodeAndAccount("'600034-00987654")).toEqual({ sortCode: '**-**-34', accountNumber: '****7654' });
    expect(splitSortCodeAndAccount('00987654')).toEqual({ accountNumber: '****7654' });
  });
});

describe('readCsv', () => {
  const read = (text: string) => readCsv(text, detectDelimiter(text), new Budget()).map((r) => [r.line, ...r.fields]);

  test('quoted fields with commas, doubled quotes and line breaks; CRLF, LF and CR; a trailing comma', () => {
    expect(read('a,"b, c","say ""hi""",\r\n"multi\nline",x\rlast,"",end')).toEqual([
      [1, 'a', 'b, c', 'say "hi"', ''],
      [2, 'multi\nline', 'x'],
      [4, 'last', '', 'end'],
    ]);
  });

  test('blank lines come back as blank records; a final line end adds no record', () => {
    expect(read('a,b\n\nc,d\n')).toEqual([
      [1, 'a', 'b'],
      [2, ''],
      [3, 'c', 'd'],
    ]);
  });

  test('text after a closing quote is kept, as spreadsheets do', () => {
    expect(read('"ab"cd,e')).toEqual([[1, 'abcd', 'e']]);
  });

  test('a quoted field that never closes is a clear error naming the line', () => {
    expect(() => read('a,b\nc,"never closed\nmore')).toThrow(ParseError);
    expect(() => read('a,b\nc,"never closed\nmore')).toThrow(/Line 2: a quoted field starts here and never ends/);
  });

  test('semicolon and tab delimiters are detected; commas win a tie', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });

  test('the delimiter is the one that splits the lines alike, counted outside quotes', () => {
    // Semicolons split every line in three (header and rows); the descriptions' commas, 4, 2 and 2 a line, do not agree.
    const semicolons = [
      'Date;Description;Amount',
      '15/12/2023;CARD PAYMENT TO TESCO,12.34 GBP, RATE 1.00/GBP ON 14-12-2023, LONDON;-12.34',
      '16/12/2023;FASTER PAYMENT FROM ACME LTD, REF SALARY, DEC;"1,250.00"',
      '18/12/2023;DIRECT DEBIT TO CMS, REF 1234, CHILD MAINT;-45.00',
    ].join('\n');
    expect(detectDelimiter(semicolons)).toBe(';');
    expect(read(semicolons)[1]).toEqual([
      2,
      '15/12/2023',
      'CARD PAYMENT TO TESCO,12.34 GBP, RATE 1.00/GBP ON 14-12-2023, LONDON',
      '-12.34',
    ]);
    // Quoted commas are not counted: 6 in quotes against 2 semicolons a line.
    expect(detectDelimiter('Date;Memo;Amount\n01/02/2024;"A, B, C, D, E, F, G";1.00\n02/02/2024;"H, I, J, K, L, M, N";2.00')).toBe(';');
    // A comma file whose descriptions hold semicolons on some lines stays a comma file.
    expect(detectDelimiter('Date,Memo,Amount\n01/02/2024,A; B; C,1.00\n02/02/2024,D,2.00\n03/02/2024,E,3.00')).toBe(',');
  });

  test('a row of more than 1,000 fields is refused', () => {
    expect(() => read(','.repeat(2000))).toThrow(/more than 1000 fields/);
  });
});

describe('Budget', () => {
  test('time and rows past the limit are too_large', () => {
    let now = 0;
    const budget = new Budget({ maxMillis: 1000, maxRows: 10 }, () => now);
    budget.checkTime();
    now = 1001;
    expect(() => budget.checkTime()).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/longer than 1 seconds/) }),
    );
    expect(() => budget.checkRows(10)).not.toThrow();
    expect(() => budget.checkRows(11, 'transactions')).toThrow(
      expect.objectContaining({ code: 'too_large', message: expect.stringMatching(/more than 10 transactions/) }),
    );
  });
});
