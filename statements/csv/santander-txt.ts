/**
 * Santander UK's transaction download is a text file, not CSV: a "From: … to …" line and an "Account: …"
 * line, then one block per transaction, newest first, separated by blank lines:
 *
 *     Date: 02/03/2024
 *     Description: CARD PAYMENT TO SAMPLE GROCER,23.45 GBP, RATE 1.00/GBP ON 29-02-2024
 *     Amount: -23.45 GBP
 *     Balance: 1234.56 GBP
 *
 * written in windows-1252, with a no-break space after each colon and before "GBP" (as public converters
 * such as benhartley/ledger-santander and davidxmoody/self-tracking read it). This module turns such a file
 * into CSV records, a header row of the four labels and one row per block, so that the layout in
 * layouts.ts reads it like any export. Descriptions hold commas, so the text must never go to the CSV reader.
 * @module
 */
import type { Budget } from './budget.ts';
import type { CsvRecord } from './reader.ts';

/** The labels of a transaction block, in order: the header row the records are given. */
export const SANTANDER_TXT_HEADER = ['Date:', 'Description:', 'Amount:', 'Balance:'] as const;

/** "Label: value" with an ordinary or a no-break space (or none) after the colon. */
const LABELLED = /^(From|Account|Date|Description|Amount|Balance):[\s\u00a0]*(.*?)[\s\u00a0]*$/;

/** Lines looked at for the "From:" and "Account:" lines that mark the download. */
const HEAD_LINES = 12;

interface Labelled {
  readonly label: string;
  readonly value: string;
  readonly line: number;
}

function labelled(text: string, line: number): Labelled | undefined {
  const m = LABELLED.exec(text);
  return m ? { label: `${m[1]}:`, value: m[2]!, line } : undefined;
}

/** True when the text is Santander's download: "From:" and "Account:" lines at the top, then a "Date:" line. */
export function isSantanderText(text: string): boolean {
  const lines = text.slice(0, 4096).split(/\r\n|\n|\r/, HEAD_LINES + 1);
  const found = lines.map((l, i) => labelled(l.replace(/^\uFEFF/, ''), i + 1)).filter((l): l is Labelled => l !== undefined);
  const at = (label: string) => found.findIndex((l) => l.label === label);
  const from = at('From:');
  const account = at('Account:');
  const date = at('Date:');
  return from >= 0 && account > from && date > account;
}

/**
 * The records of a Santander download: its "From:" and "Account:" lines as a preamble, the header row,
 * then one row per block, each cited by the line of its "Date:". A block that lacks a label gets an empty
 * cell there, so the reader refuses it naming the line; a line that is not "Label: value" continues the
 * description above it (a long description wraps).
 */
export function readSantanderText(text: string, budget: Budget): CsvRecord[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const preamble: CsvRecord[] = [];
  const rows: CsvRecord[] = [];
  let block: Record<string, string> | undefined;
  let blockLine = 0;
  let last: string | undefined;
  const close = () => {
    if (block) rows.push({ fields: SANTANDER_TXT_HEADER.map((label) => block![label] ?? ''), line: blockLine });
    block = undefined;
    last = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const l = labelled(raw, i + 1);
    if (!l) {
      if (block && last !== undefined) block[last] = `${block[last]} ${raw.trim()}`;
      else if (!block) preamble.push({ fields: [raw.trim()], line: i + 1 });
      continue;
    }
    if (l.label === 'From:' || l.label === 'Account:') {
      close();
      preamble.push({ fields: [l.label, l.value], line: l.line });
      continue;
    }
    if (l.label === 'Date:') {
      close();
      block = {};
      blockLine = l.line;
      if ((rows.length & 1023) === 0) {
        budget.checkTime();
        budget.checkRows(rows.length, 'transactions');
      }
    }
    if (!block) {
      // A label before the first "Date:": the block has lost its first line.
      block = {};
      blockLine = l.line;
    }
    block[l.label] = l.value;
    last = l.label;
  }
  close();
  const headerLine = rows[0]?.line ?? (preamble.at(-1)?.line ?? 0) + 1;
  return [...preamble, { fields: [...SANTANDER_TXT_HEADER], line: headerLine }, ...rows];
}
