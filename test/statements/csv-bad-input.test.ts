/**
 * Bad and hostile CSV input: each is a clear ParseError (code and a message that says what to fix) within a
 * bounded time, or, where the file can still be read honestly (mixed encodings), a result with a warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { supportedBanksSentence } from '../../statements/banks.ts';
import { MappingError, parseDocument, type ParseResult } from '../../statements/index.ts';
import { failure } from './parse-failure.ts';
import { encodeText, FIXTURE_DIR, largeStatement, loadTruth, renderCsvText } from '../fixtures/csv/generate.ts';

const utf8 = (text: string) => encodeText(text, 'utf-8');
const fixture = (name: string) => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}.csv`));

describe('a value with a comma in it, not in quotes (a statement probe of 6 December 2026)', () => {
  // first direct's three columns: an amount of £1,045.00 written without quotes splits in two, "-1" and "045.00", and
  // was read as £1.00 out, with no warning; so was £2,450.00 in, read as £2.00. Then refused; now joined again.
  const text = [
    'Date,Description,Amount',
    '01/12/2026,CARD PAYMENT TESCO,-23.45',
    '02/12/2026,SALARY ACME LTD,2,450.00',
    '03/12/2026,Transfer to J SMITH Kids shoes,-1,045.00',
    '04/12/2026,CHILD MAINTENANCE SERVICE,-287.50',
    '',
  ].join('\r\n');

  test('is read as £2,450.00 and £1,045.00, the parts joined again, with a warning naming the lines, not as £2.00 and £1.00', async () => {
    // Joining "2" and "450.00" (and "-1" and "045.00") is the one way to give each row the header's three columns with
    // the amount in the amount column (statements/csv/split-amounts.ts); before, the file was refused.
    const r = await parseDocument({ bytes: utf8(text) });
    expect(r.transactions.map((t) => [t.date, t.direction, t.amount])).toEqual([
      ['2026-12-01', 'out', '23.45'],
      ['2026-12-02', 'in', '2450.00'],
      ['2026-12-03', 'out', '1045.00'],
      ['2026-12-04', 'out', '287.50'],
    ]);
    expect(r.warnings).toContain(
      '2 rows have an amount written with a thousands comma and no quotes ("2,450.00" read as "2" and "450.00"): the parts were joined again, the one way that gives each row the file\'s columns with the amount in a money column (line 3, line 4). Check those amounts against the statement.',
    );
  });

  const quoted = text.replace('SALARY ACME LTD,2,450.00', 'SALARY ACME LTD,"2,450.00"').replace('shoes,-1,045.00', 'shoes,"-1,045.00"');

  test('the same file with the values in quotes is read: £2,450.00 in, £1,045.00 out', async () => {
    const r = await parseDocument({ bytes: utf8(quoted) });
    expect(r.transactions.map((t) => [t.date, t.direction, t.amount])).toEqual([
      ['2026-12-01', 'out', '23.45'],
      ['2026-12-02', 'in', '2450.00'],
      ['2026-12-03', 'out', '1045.00'],
      ['2026-12-04', 'out', '287.50'],
    ]);
  });

  test('empty fields after the last column, as some exports write them, are no such value: read as before', async () => {
    const trailing = quoted
      .split('\r\n')
      .map((line, i) => (i === 0 || line === '' ? line : `${line},,`))
      .join('\r\n');
    const r = await parseDocument({ bytes: utf8(trailing) });
    expect(r.transactions.map((t) => t.amount)).toEqual(['23.45', '2450.00', '1045.00', '287.50']);
  });
});

describe('truncated files', () => {
  test('cut inside a quoted field (Nationwide quotes every field): the line and "cut off"', async () => {
    const bytes = fixture('nationwide-statement');
    const cut = bytes.subarray(0, bytes.length - 20);
    const error = await failure(parseDocument({ bytes: cut }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/^Line 12: a quoted field starts here and never ends, so the file looks cut off/);
  });

  test('cut in the middle of an unquoted row (half a row): the line and the missing column', async () => {
    const text = renderCsvText(loadTruth('starling'));
    const lines = text.split('\n');
    const last = lines.length - 2;
    lines[last] = lines[last]!.split(',').slice(0, 3).join(',');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe(
      'Line 9 has 3 fields, but the "Balance (GBP)" column is field 6: the row is incomplete, so the file looks cut off or damaged. Download the statement again and send the whole file.',
    );
  });
});

describe('unknown layouts', () => {
  const text =
    'Posted,Payee,Money Out (£),Money In (£),Running Balance\n05/03/2024,SAMPLE SHOP,12.50,,100.00\n06/03/2024,JOE BLOGGS,,20.00,120.00\n';

  test('the message lists the columns found and a csvMapping built from them, which then works', async () => {
    const error = await failure(parseDocument({ bytes: utf8(text) }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('The columns found (line 1) are "Posted", "Payee", "Money Out (£)", "Money In (£)", "Running Balance"');
    // The banks it names are the registry's (statements/banks.ts), so the message cannot fall behind the layouts.
    expect(error.message).toContain(supportedBanksSentence('csv'));
    expect(error.message).toMatch(/Monzo.*Starling|Starling.*Monzo/);
    const example = JSON.parse(/for example (\{.*?\}):/.exec(error.message)![1]!) as Record<string, string>;
    expect(example).toEqual({
      date: 'Posted',
      description: 'Payee',
      paidOut: 'Money Out (£)',
      paidIn: 'Money In (£)',
      balance: 'Running Balance',
      dateFormat: 'DD/MM/YYYY',
    });
    const result = await parseDocument({ bytes: utf8(text), csvMapping: example as never });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction, t.balance])).toEqual([
      ['2024-03-05', '12.50', 'out', '100.00'],
      ['2024-03-06', '20.00', 'in', '120.00'],
    ]);
    expect(result.checks.runningBalance).toBe('ok');
  });

  test('a headerless file that is not HSBC says where its dates and amounts are, without repeating the row, and asks for positions', async () => {
    const error = await failure(parseDocument({ bytes: utf8('05/03/2024,SAMPLE SHOP,X1,12.50,GBP\n06/03/2024,OTHER,X2,1.00,GBP\n') }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain(
      'line 1 has 5 fields, which do not read as a header row (their contents are not repeated here); by position, field 0 a date, field 3 an amount',
    );
    expect(error.message).not.toMatch(/SAMPLE SHOP|X1|GBP"/);
    expect(error.message).toContain('{"date":0,"description":1,"amount":3,');
  });

  test('a text document that is not a table is refused as an unknown layout, not read', async () => {
    const error = await failure(parseDocument({ bytes: utf8('Dear Sir or Madam,\nPlease find my statement attached.\n') }));
    expect(error.code).toBe('unsupported');
  });
});

describe('csvMapping mistakes are invalid_input naming the field', () => {
  const text = 'Posted,Payee,Amount\n05/03/2024,SAMPLE SHOP,-12.50\n';
  test.each([
    [
      { date: 'Posted', description: 'Payee', amount: 'Value' },
      'csvMapping.amount',
      /names the column "Value", but no line near the top.*"Posted", "Payee", "Amount"/,
    ],
    [{ date: 0, description: 1, amount: 7 }, 'csvMapping.amount', /is column 7, but the rows have 3 columns \(0 to 2\)/],
    [{ date: 'Posted', description: 'Payee', amount: 'Amount', dateFormat: 'MM/YYYY' }, 'csvMapping.dateFormat', /day, a month and a year/],
    [{ date: 'Posted', description: 'Payee' }, 'csvMapping.amount', /is missing/],
    [{ date: 'Posted', description: 'Payee', amount: 'Amount', paidIn: 'Amount' }, 'csvMapping.amount', /not both/],
    [{ date: -1, description: 'Payee', amount: 'Amount' }, 'csvMapping.date', /column position counting from 0/],
  ])('%j', async (mapping, field, message) => {
    const error = await failure(parseDocument({ bytes: utf8(text), csvMapping: mapping as never }));
    expect(error).toBeInstanceOf(MappingError);
    expect(error.code).toBe('invalid_input');
    expect((error as MappingError).field).toBe(field);
    expect(error.message).toMatch(message);
  });

  test('with positions only, a first row whose date is not a date is taken as the header', async () => {
    const result = await parseDocument({ bytes: utf8(text), csvMapping: { date: 0, description: 1, amount: 2 } });
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({ date: '2024-03-05', description: 'SAMPLE SHOP', amount: '12.50', direction: 'out' });
  });

  test('dates in another form than csvMapping.dateFormat: the error says how to set it', async () => {
    const error = await failure(
      parseDocument({
        bytes: utf8('Posted,Payee,Amount\n2024-03-05,SHOP,-1.00\n'),
        csvMapping: { date: 'Posted', description: 'Payee', amount: 'Amount' },
      }),
    );
    expect(error.message).toBe(
      'Line 2, column "Posted" (the date): "2024-03-05" is not a date in the form DD/MM/YYYY; it reads as YYYY-MM-DD: set csvMapping.dateFormat to "YYYY-MM-DD".',
    );
    // A date in no usual form: the format in use, and how to change it.
    const other = await failure(
      parseDocument({
        bytes: utf8('Posted,Payee,Amount\n5th March 2024,SHOP,-1.00\n'),
        csvMapping: { date: 'Posted', description: 'Payee', amount: 'Amount' },
      }),
    );
    expect(other.message).toBe(
      'Line 2, column "Posted" (the date): "5th March 2024" is not a date in the form DD/MM/YYYY; if the dates are written another way, set csvMapping.dateFormat (now "DD/MM/YYYY").',
    );
  });

  test('with positions only, a first row whose date is written another way is refused, not taken as a header', async () => {
    const error = await failure(
      parseDocument({
        bytes: utf8('15/12/23,CMS CHILD MAINTENANCE,-45.00\n16/12/23,ACME SALARY,1250.00\n'),
        csvMapping: { date: 0, description: 1, amount: 2 },
      }),
    );
    expect(error.message).toBe(
      'Line 1, column "column 0" (the date): "15/12/23" is not a date in the form DD/MM/YYYY; it reads as DD/MM/YY: set csvMapping.dateFormat to "DD/MM/YY".',
    );
  });
});

describe('the csvMapping suggested for a layout Reckoner does not know', () => {
  // The example mapping in the refusal, read back from its message.
  const suggested = async (text: string) => {
    const error = await failure(parseDocument({ bytes: utf8(text) }));
    expect(error.code).toBe('unsupported');
    return JSON.parse(/for example (\{.*?\}): "amount"/.exec(error.message)![1]!) as Record<string, unknown>;
  };

  test.each([
    ['2023-12-15', 'YYYY-MM-DD'],
    ['15 Dec 2023', 'D MMM YYYY'],
    ['15/12/23', 'DD/MM/YY'],
    ['15-Dec-23', 'DD-MMM-YY'],
    ['15.12.2023', 'DD.MM.YYYY'],
    ['15/12/2023', 'DD/MM/YYYY'],
  ])('dates written %s: dateFormat %s, and the mapping then reads the file', async (written, format) => {
    const text = `Posted on,Details,Value,Running total\n${written},CMS CHILD MAINTENANCE,-45.00,955.00\n`;
    const mapping = await suggested(text);
    expect(mapping).toEqual({ date: 'Posted on', description: 'Details', amount: 'Value', dateFormat: format });
    const result = await parseDocument({ bytes: utf8(text), csvMapping: mapping as never });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction])).toEqual([['2023-12-15', '45.00', 'out']]);
  });

  test('a file with no header: the date found by position and its form', async () => {
    const text = '15-Dec-23,CMS CHILD MAINTENANCE,-45.00\n16-Dec-23,ACME SALARY,1250.00\n';
    const mapping = await suggested(text);
    expect(mapping).toEqual({ date: 0, description: 1, amount: 2, dateFormat: 'DD-MMM-YY' });
    const result = await parseDocument({ bytes: utf8(text), csvMapping: mapping as never });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction])).toEqual([
      ['2023-12-15', '45.00', 'out'],
      ['2023-12-16', '1250.00', 'in'],
    ]);
  });

  test("a known bank's export whose dates a spreadsheet wrote again: the error gives the mapping that reads it", async () => {
    const header = 'Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance';
    const text = `${header}\n15/12/23,DD,'30-94-57,12345678,CMS CHILD MAINT,45.00,,955.00\n`;
    const error = await failure(parseDocument({ bytes: utf8(text) }));
    expect(error.message).toBe(
      'Line 2, column "Transaction Date" (the date): "15/12/23" is not a date in the form DD/MM/YYYY; it reads as DD/MM/YY, not as this bank\'s export writes dates (a spreadsheet may have saved the file again): ' +
        'if every date in the file is written so, send it with csvMapping, for example {"date":"Transaction Date","description":"Transaction Description","paidOut":"Debit Amount","paidIn":"Credit Amount","balance":"Balance","dateFormat":"DD/MM/YY"}.',
    );
    const mapping = JSON.parse(/for example (\{.*\})\.$/.exec(error.message)![1]!) as Record<string, unknown>;
    const result = await parseDocument({ bytes: utf8(text), csvMapping: mapping as never });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction, t.balance])).toEqual([['2023-12-15', '45.00', 'out', '955.00']]);
  });
});

describe('lines after the last transaction', () => {
  const lloyds = [
    'Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance',
    "15/12/2023,DD,'30-94-57,12345678,CMS CHILD MAINT,45.00,,955.00",
    "16/12/2023,FPI,'30-94-57,12345678,ACME LTD SALARY,,1250.00,2205.00",
  ];
  const rows = (r: ParseResult) => r.transactions.map((t) => [t.date, t.amount, t.direction, t.balance]);
  const both = [
    ['2023-12-15', '45.00', 'out', '955.00'],
    ['2023-12-16', '1250.00', 'in', '2205.00'],
  ];

  test('a totals line: the rows above it are read, and the warning names the line left out', async () => {
    const result = await parseDocument({ bytes: utf8([...lloyds, '', 'Total,,,,,45.00,1250.00,'].join('\n')) });
    expect(rows(result)).toEqual(both);
    expect(result.warnings).toContain(
      'The line after the last transaction (line 5) has no date, so it was read as a summary or a note (a total, a closing balance, "end of statement") and left out; check it holds no transaction.',
    );
  });

  test('a closing balance and an end note, shorter than a row: both left out, counted', async () => {
    const result = await parseDocument({ bytes: utf8([...lloyds, '"Closing balance","£2,205.00"', 'End of statement'].join('\r\n')) });
    expect(rows(result)).toEqual(both);
    expect(result.warnings).toContain(
      'The 2 lines after the last transaction (lines 4–5) have no date, so they were read as a summary or a note (a total, a closing balance, "end of statement") and left out; check they hold no transaction.',
    );
  });

  test('a mapped file whose last line has an empty date and a label', async () => {
    const text = 'Date,Details,Out,In\n15/12/2023,CMS,45.00,\n16/12/2023,ACME,,1250.00\n,Totals,45.00,1250.00\n';
    const result = await parseDocument({
      bytes: utf8(text),
      csvMapping: { date: 'Date', description: 'Details', paidOut: 'Out', paidIn: 'In' },
    });
    expect(result.transactions.map((t) => [t.date, t.amount, t.direction])).toEqual([
      ['2023-12-15', '45.00', 'out'],
      ['2023-12-16', '1250.00', 'in'],
    ]);
    expect(result.warnings.some((w) => w.startsWith('The line after the last transaction (line 4) has no date'))).toBe(true);
  });

  test('a last line with digits where the date goes is a damaged row, still refused', async () => {
    const error = await failure(parseDocument({ bytes: utf8([...lloyds, '17/1'].join('\n')) }));
    expect(error.message).toMatch(/^Line 4 has 1 field, but the "Balance" column is field 8: the row is incomplete/);
  });

  test('a line with no date between rows is still refused: only lines after the last row are a summary', async () => {
    const error = await failure(parseDocument({ bytes: utf8([lloyds[0], lloyds[1], 'Subtotal,,,,,45.00,,', lloyds[2]].join('\n')) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/^Line 3, column "Transaction Date" \(the date\)/);
  });
});

describe('bad cells', () => {
  const starling = () => renderCsvText(loadTruth('starling')).split('\n');

  test('an impossible date (31/02) names the line and the column', async () => {
    const lines = starling();
    lines[3] = lines[3]!.replace(/^\d\d\/\d\d\/\d{4}/, '31/02/2024');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toBe('Line 4, column "Date" (the date): "31/02/2024" is not a real date (February 2024 has no day 31).');
  });

  test('a decimal comma names the line and the column, and does not become £1,250', async () => {
    const lines = starling();
    lines[2] = lines[2]!.replace('-56.12', '"-12,50"');
    const error = await failure(parseDocument({ bytes: utf8(lines.join('\n')) }));
    expect(error.message).toMatch(/^Line 3, column "Amount \(GBP\)" \(the amount\): "-12,50" has a decimal comma/);
  });

  test('an empty amount, and amounts in both money-out and money-in columns, are refused', async () => {
    const lines = starling();
    lines[2] = lines[2]!.replace('-56.12', '');
    expect((await failure(parseDocument({ bytes: utf8(lines.join('\n')) }))).message).toMatch(
      /Line 3, column "Amount \(GBP\)" \(the amount\) is empty/,
    );
    const lloyds = renderCsvText(loadTruth('lloyds')).split('\r\n');
    lloyds[1] = lloyds[1]!.replace(',,50.00,', ',1.00,50.00,');
    expect((await failure(parseDocument({ bytes: utf8(lloyds.join('\r\n')) }))).message).toMatch(
      /^Line 2 has an amount both in "Debit Amount" and in "Credit Amount"/,
    );
  });

  test('a negative figure in a money-out column counts as money in, with a warning', async () => {
    const text = 'Date,Details,Paid out,Paid in\n01/03/2024,REVERSAL,-5.00,\n';
    const result = await parseDocument({
      bytes: utf8(text),
      csvMapping: { date: 'Date', description: 'Details', paidOut: 'Paid out', paidIn: 'Paid in' },
    });
    expect(result.transactions[0]).toMatchObject({ amount: '5.00', direction: 'in' });
    expect(result.warnings.join(' ')).toMatch(/1 row has a negative figure in a money-out or money-in column/);
  });
});

describe('encodings', () => {
  test('mixed encodings (one line UTF-8 in a windows-1252 Nationwide file): read line by line, with a warning and lower confidence', async () => {
    const bytes = Buffer.from(fixture('nationwide-statement'));
    const lines = bytes.toString('latin1').split('\r\n');
    // Line 7 re-saved as UTF-8 ("£" becomes C2 A3), the rest stay windows-1252.
    const mixed = Buffer.concat(
      lines.map((line, i) => Buffer.from(line + (i < lines.length - 1 ? '\r\n' : ''), i === 6 ? 'utf8' : 'latin1')),
    );
    const result = await parseDocument({ bytes: new Uint8Array(mixed) });
    const truth = loadTruth('nationwide-statement');
    expect(result.transactions.map((t) => [t.amount, t.balance])).toEqual(truth.transactions.map((t) => [t.amount, t.balance]));
    expect(result.warnings[0]).toMatch(/mixes encodings/);
    expect(result.confidence).toBe(0.94);
  });

  test('a UTF-8 file with a byte-order mark whose body is not all UTF-8 is read too, with a warning', async () => {
    const body = Buffer.from(fixture('nationwide-statement'));
    const result = await parseDocument({ bytes: new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body])) });
    expect(result.transactions).toHaveLength(loadTruth('nationwide-statement').transactions.length);
    expect(result.warnings[0]).toMatch(/says it is UTF-8 but some lines are not/);
  });
});

describe('other refusals and edge cases', () => {
  test('a file of blank lines holds no statement', async () => {
    const error = await failure(parseDocument({ bytes: utf8('\n\n \r\n') }));
    expect(error.code).toBe('parse_failed');
    expect(error.message).toMatch(/only blank space/);
  });

  test('a header with no rows is read as no transactions, with a warning', async () => {
    const result = await parseDocument({ bytes: utf8('Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n') });
    expect(result.transactions).toEqual([]);
    expect(result.warnings).toContain('The file holds no transactions.');
    expect(result.checks.runningBalance).toBe('not_available');
  });

  test('a hint of a CMS document on a bank CSV: read as a bank statement, and the warning says so', async () => {
    const result = await parseDocument({ bytes: fixture('starling'), hint: 'cms_statement' });
    expect(result.kind).toBe('bank_statement');
    expect(result.warnings.join(' ')).toMatch(/described as cms_statement, but it is a bank statement \(CSV\)/);
  });

  test('more rows than the limit: too_large, early', async () => {
    const { bytes } = largeStatement(5000);
    const error = await failure(parseDocument({ bytes }, { limits: { maxRows: 1000 } }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/more than 1,000 (lines|transactions)/);
  });

  test('past the time budget: too_large, not a hang', async () => {
    const { bytes } = largeStatement(20_000);
    const error = await failure(parseDocument({ bytes }, { limits: { maxMillis: 1 } }));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/took longer than/);
  });

  test('a 5 MB quoted field that never closes fails fast', async () => {
    const bytes = utf8(`Date,Details\n01/01/2024,"${'x'.repeat(5_000_000)}`);
    const error = await failure(parseDocument({ bytes }));
    expect(error.message).toMatch(/Line 2: a quoted field starts here and never ends/);
  });
});
