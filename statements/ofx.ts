/**
 * OFX and QFX bank statements: OFX 1.x (SGML, where a value's closing tag may be left out) and OFX 2.x (XML).
 * Read: the account (BANKACCTFROM or CCACCTFROM), the period (DTSTART, DTEND), the ledger balance
 * (LEDGERBAL) and every STMTTRN (DTPOSTED, TRNAMT, FITID, NAME, MEMO). The FITID becomes the reference.
 *
 * Rather than build a tree (SGML values have no closing tags, and banks get the nesting wrong), the reader
 * cuts the file at the aggregates it needs, which always have closing tags, and reads each value up to the
 * next tag.
 * @module
 */
import { isCivilDate, type CivilDate } from '../calc/dates.ts';
import type { Dec } from '../calc/money.ts';
import { bankStatementResult, type StatementRow } from './csv/assemble.ts';
import { inOrderOfEvents } from './balance.ts';
import type { Budget } from './csv/budget.ts';
import { CellError, cleanText, maskAccountNumber, maskSortCode, parseAmount } from './csv/values.ts';
import { shownCell } from './hygiene.ts';
import { formatMoney, groupedCount } from '../calc/money.ts';
import { LIMITS, ParseError, type ParseRequest, type ParseResult, type StatementMetadata } from './types.ts';

/** True when the text is an OFX or QFX file: an OFX header, or an `<OFX>` element near the start. */
export function looksLikeOfx(text: string): boolean {
  const head = text.slice(0, 8192).trimStart();
  return /^OFXHEADER\s*:/i.test(head) || /<\?OFX\b/i.test(head) || /<OFX>/i.test(head);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A CDATA section: its text is taken as written, `<`, `&` and all. */
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/**
 * The value of the first `<TAG>value` in `block`, up to the next tag; undefined when absent. A value written in
 * CDATA sections (`<NAME><![CDATA[M&S]]></NAME>`, as OFX 2 allows) is their text: the section is no tag.
 *
 * The end is found with indexOf, not with a pattern: a pattern repeating a group once per character (as this one did,
 * `(?:[^<]|<!\[CDATA\[…\]\]>)*`) runs out of stack on a value of some millions of characters (a security probe's
 * 10 MB MEMO). A value longer than {@link LIMITS}.maxCellChars is refused, naming `where` and the tag.
 * @throws {ParseError} `parse_failed` for a value longer than that.
 */
function leaf(block: string, tag: string, where: string): string | undefined {
  const open = new RegExp(`<${tag}>`, 'i').exec(block);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  let end = start;
  for (;;) {
    const lt = block.indexOf('<', end);
    if (lt < 0) {
      end = block.length;
      break;
    }
    // A CDATA section that never closes is not one: the value ends before it, as at any other tag.
    const close = block.startsWith('<![CDATA[', lt) ? block.indexOf(']]>', lt + 9) : -1;
    if (close < 0) {
      end = lt;
      break;
    }
    end = close + 3;
  }
  const raw = block.slice(start, end);
  if (raw.length > LIMITS.maxCellChars) {
    const length = raw.trim().length;
    if (length > LIMITS.maxCellChars) {
      throw new ParseError(
        'parse_failed',
        `${where}, ${tag}: the value is ${groupedCount(length)} characters long, more than the ${groupedCount(LIMITS.maxCellChars)} a value may hold (OFX allows 32 for a NAME and 255 for a MEMO), so the file is damaged or was not made by the bank. Download the statement again from online banking and send that file, or export the statement as CSV.`,
      );
    }
  }
  let value: string;
  if (!raw.includes('<![CDATA[')) value = decodeEntities(raw.trim());
  else {
    // Entities are decoded outside the sections only.
    value = '';
    let at = 0;
    for (const c of raw.matchAll(CDATA)) {
      value += decodeEntities(raw.slice(at, c.index)) + c[1]!;
      at = c.index + c[0].length;
    }
    value = (value + decodeEntities(raw.slice(at))).trim();
  }
  return value === '' ? undefined : value;
}

/** The text of the first `<TAG>…</TAG>` aggregate in `text` (to the end of `text` if it never closes). */
function aggregate(text: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}>`, 'i').exec(text);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const close = new RegExp(`</${tag}>`, 'i').exec(text.slice(start));
  return close ? text.slice(start, start + close.index) : text.slice(start);
}

/** An OFX date (YYYYMMDD, optionally followed by a time and zone) as YYYY-MM-DD. */
function ofxDate(raw: string, where: string): CivilDate {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!m || !isCivilDate(date)) {
    throw new ParseError('parse_failed', `${where}: ${shownCell(raw)} is not a real date (OFX dates are written YYYYMMDD).`);
  }
  return date;
}

function ofxAmount(raw: string, where: string): Dec {
  try {
    const v = parseAmount(raw);
    if (v === undefined) throw new CellError('is empty');
    return v;
  } catch (e) {
    if (e instanceof CellError) throw new ParseError('parse_failed', `${where}: ${e.message}.`);
    throw e;
  }
}

/**
 * TRNTYPE values that say which way the money went (OFX 2.1.1 §11.4.4.3); the others (POS, ATM, XFER, INT,
 * OTHER, HOLD) go either way, and only the amount's sign tells.
 */
const MONEY_OUT_TYPES = new Set(['DEBIT', 'FEE', 'SRVCHG', 'CHECK', 'PAYMENT', 'CASH', 'DIRECTDEBIT', 'REPEATPMT']);
const MONEY_IN_TYPES = new Set(['CREDIT', 'DEP', 'DIRECTDEP', 'DIV']);

/** Which way a transaction's type says the money went, if it says. */
function typeDirection(type: string | undefined): 'in' | 'out' | undefined {
  const t = type?.toUpperCase();
  return t === undefined ? undefined : MONEY_OUT_TYPES.has(t) ? 'out' : MONEY_IN_TYPES.has(t) ? 'in' : undefined;
}

/**
 * The amounts' signs checked against the transactions' types. OFX writes TRNAMT signed (negative for money out),
 * and the sign is followed; but a file with no negative amount at all whose types say money went out writes its
 * amounts unsigned, and then a type that says so makes its amount money out. Either way, what was done is said.
 */
function signsByType(read: StatementRow[], types: readonly (string | undefined)[]): { warnings: string[]; doubts: number } {
  const directions = types.map(typeDirection);
  const unsigned = read.every((r) => !r.signed.isNegative()) && directions.some((d, i) => d === 'out' && !read[i]!.signed.isZero());
  if (unsigned) {
    let turned = 0;
    let either = 0;
    read.forEach((r, i) => {
      if (directions[i] === 'out' && !r.signed.isZero()) {
        read[i] = { ...r, signed: r.signed.negated() };
        turned++;
      } else if (directions[i] === undefined) either++;
    });
    const warnings = [
      `No amount in the file has a sign, though OFX writes money out as negative: the ${turned} transaction${turned === 1 ? '' : 's'} whose type says money out (TRNTYPE DEBIT, PAYMENT, DIRECTDEBIT and the like) ${turned === 1 ? 'was' : 'were'} read as money out, and the rest as money in. Check the directions against the statement.`,
    ];
    if (either > 0) {
      warnings.push(
        `${either} transaction${either === 1 ? ' has a type' : 's have types'} (such as POS, ATM or XFER) that can go either way and no sign: ${either === 1 ? 'it was' : 'they were'} read as money in. Check ${either === 1 ? 'it' : 'them'} against the statement.`,
      );
    }
    return { warnings, doubts: 1 + either };
  }
  const open = noSignOpenTypes(read, types, directions);
  if (open) return open;
  const against = read.flatMap((r, i) =>
    (directions[i] === 'out' && r.signed.isPositive() && !r.signed.isZero()) || (directions[i] === 'in' && r.signed.isNegative())
      ? [r.where]
      : [],
  );
  if (against.length === 0) return { warnings: [], doubts: 0 };
  const shown = against.slice(0, 5).join('; ') + (against.length > 5 ? `; and ${against.length - 5} more` : '');
  return {
    warnings: [
      `${against.length} transaction${against.length === 1 ? "'s type says" : "s' types say"} the money went the other way from ${against.length === 1 ? 'its' : 'their'} amount's sign (${shown}); the sign was followed, as OFX says. Check ${against.length === 1 ? 'it' : 'them'} against the statement.`,
    ],
    doubts: against.length,
  };
}

/**
 * A file with no negative TRNAMT whose types never say money out: it may be signed and all money in, or write its
 * amounts unsigned; where a type goes either way (POS, XFER, OTHER, or none), nothing in the file tells which (OFX
 * gives only the closing LEDGERBAL, no opening balance and no balance by transaction), so those are read as
 * money in, as the sign says, and the warning names the fields to check. Undefined when no such transaction.
 */
function noSignOpenTypes(
  read: readonly StatementRow[],
  types: readonly (string | undefined)[],
  directions: readonly ('in' | 'out' | undefined)[],
): { warnings: string[]; doubts: number } | undefined {
  if (read.some((r) => r.signed.isNegative())) return undefined;
  const open = read.flatMap((r, i) => (directions[i] === undefined && !r.signed.isZero() ? [i] : []));
  if (open.length === 0) return undefined;
  // The types as written where they look like OFX types (letters only), for the message.
  const names = new Set(
    open.map((i) => {
      const t = types[i]?.toUpperCase();
      return t === undefined ? 'none' : /^[A-Z.]{1,20}$/.test(t) ? t : 'other';
    }),
  );
  const n = open.length;
  const one = n === 1;
  return {
    warnings: [
      `No TRNAMT (amount) in the file has a minus sign, though OFX writes money out as negative, and ${n} transaction${one ? ' has a TRNTYPE' : 's have TRNTYPEs'} (${[...names].join(', ')}) that ${one ? 'does' : 'do'} not say which way the money went: ${one ? 'it was' : 'they were'} read as money in. If the bank wrote its amounts without signs, ${one ? 'it' : 'some'} may be money out: check ${one ? 'it' : 'them'} against the statement, or export the file again with signed amounts.`,
    ],
    doubts: 1 + n,
  };
}

/**
 * A transaction's description from its NAME and MEMO: one alone, the longer where one holds the other (a NAME
 * cut short at 32 characters, "EXAMPLE WIDG", and the MEMO in full), else both.
 */
function describe(name: string, memo: string): string {
  const n = name.toUpperCase();
  const m = memo.toUpperCase();
  if (m === '' || n.includes(m)) return name;
  if (n === '' || m.includes(n)) return memo;
  return `${name} ${memo}`;
}

/** The transactions of a statement, cut at each `<STMTTRN>`. */
function transactionBlocks(list: string): { readonly block: string; readonly closed: boolean }[] {
  const parts = list.split(/<STMTTRN>/i).slice(1);
  return parts.map((part) => {
    const end = /<\/STMTTRN>|<\/BANKTRANLIST>/i.exec(part);
    return { block: end ? part.slice(0, end.index) : part, closed: end !== null };
  });
}

/** One statement aggregate of the file (STMTRS or CCSTMTRS) and the account it is of. */
interface OfxStatement {
  readonly text: string;
  readonly bankId?: string;
  readonly accountId?: string;
  /** The account, compared between statements: the kind, the bank's id and the account's. */
  readonly key: string;
  /** The account as a message names it, masked. */
  readonly label: string;
}

/**
 * Every statement in the file, in order: each `<STMTRS>` or `<CCSTMTRS>` to its closing tag, or (left open) to
 * the next statement or the end. Found in one pass over the tags.
 */
function statementsIn(body: string): OfxStatement[] {
  const tags = [...body.matchAll(/<(\/?)(STMTRS|CCSTMTRS)>/gi)];
  const out: OfxStatement[] = [];
  tags.forEach((m, k) => {
    if (m[1] === '/') return;
    const tag = m[2]!.toUpperCase();
    const start = m.index + m[0].length;
    const next = tags[k + 1];
    const text = body.slice(start, next ? next.index : body.length);
    const from = tag === 'STMTRS' ? 'BANKACCTFROM' : 'CCACCTFROM';
    const account = aggregate(text, from) ?? '';
    const bankId = leaf(account, 'BANKID', `The account (${from})`);
    const accountId = leaf(account, 'ACCTID', `The account (${from})`);
    const masked = maskAccountNumber(accountId);
    const kind = tag === 'STMTRS' ? 'bank account' : 'credit card';
    out.push({
      text,
      ...(bankId !== undefined ? { bankId } : {}),
      ...(accountId !== undefined ? { accountId } : {}),
      key: `${tag}|${bankId ?? ''}|${accountId ?? ''}`,
      label: masked ? `${kind} ${masked}` : `a ${kind} with no number`,
    });
  });
  return out;
}

/** The earliest and the latest of OFX dates (YYYYMMDD first: they compare as text by their first eight characters). */
const earliest = (dates: readonly (string | undefined)[]) =>
  dates.reduce<string | undefined>((a, d) => (d === undefined ? a : a === undefined || d.slice(0, 8) < a.slice(0, 8) ? d : a), undefined);
const latest = (dates: readonly (string | undefined)[]) =>
  dates.reduce<string | undefined>((a, d) => (d === undefined ? a : a === undefined || d.slice(0, 8) >= a.slice(0, 8) ? d : a), undefined);

const LEDGER = 'The ledger balance (LEDGERBAL)';
const TRANSACTION_LIST = 'The list of transactions (BANKTRANLIST)';

/** The BALAMT of the latest ledger balance: by its DTASOF, the later in the file where they tie or have none. */
function closingLedger(ledgers: readonly (string | undefined)[]): string | undefined {
  let best: { amount: string; asof: string } | undefined;
  for (const ledger of ledgers) {
    const amount = ledger === undefined ? undefined : leaf(ledger, 'BALAMT', LEDGER);
    if (amount === undefined) continue;
    const asof = (leaf(ledger!, 'DTASOF', LEDGER) ?? '').slice(0, 8);
    if (best === undefined || asof >= best.asof) best = { amount, asof };
  }
  return best?.amount;
}

/** Parses an OFX or QFX statement from its text. */
export function parseOfx(text: string, request: ParseRequest, budget: Budget, warnings: readonly string[], doubtful: number): ParseResult {
  const extra = [...warnings];
  let doubts = doubtful;
  const start = text.search(/<OFX>/i);
  if (start < 0) {
    throw new ParseError(
      'parse_failed',
      'The file has an OFX header but no <OFX> element: it is not a complete OFX file. Download it again.',
    );
  }
  const body = text.slice(start);
  const xml = /<\?xml\b|<\?OFX\b/i.test(text.slice(0, start));
  const qfx = /<INTU\.BID>/i.test(body);
  if (!/<\/OFX>/i.test(body)) {
    extra.push('The file ends before </OFX>, so it may be cut off; check that the last transactions are all there.');
    doubts++;
  }

  const statements = statementsIn(body);
  if (statements.length === 0) {
    throw new ParseError(
      'unsupported',
      'This OFX file holds no bank or credit card statement (no <STMTRS> or <CCSTMTRS>); it may be an investment or other download. Export the account’s transactions as OFX or CSV.',
    );
  }
  // Statements of one account (a bank that pages its download by month) are read together, in full; statements of
  // different accounts (a current account and a card, say) would mix their money, so none is read rather than one.
  const accounts = [...new Map(statements.map((st) => [st.key, st])).values()];
  if (accounts.length > 1) {
    throw new ParseError(
      'unsupported',
      `This file holds statements of ${accounts.length} accounts (${accounts.map((a) => a.label).join(', ')}); Reckoner reads one account at a time, so none was read. Export each account on its own and send the file of each separately.`,
    );
  }
  for (const st of statements) {
    const currency = leaf(st.text, 'CURDEF', 'The statement');
    if (currency !== undefined && currency.toUpperCase() !== 'GBP') {
      const shown = /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'another currency';
      throw new ParseError('unsupported', `The statement is in ${shown}; Reckoner reads statements in pounds (GBP).`);
    }
  }
  const { bankId, accountId } = statements[0]!;
  const organisation = leaf(aggregate(body, 'FI') ?? '', 'ORG', 'The bank (FI)');

  const lists = statements.map((st) => aggregate(st.text, 'BANKTRANLIST') ?? '');
  // The period from the earliest start to the latest end (OFX dates, YYYYMMDD first, compare as text).
  const dtStart = earliest(lists.map((l) => leaf(l, 'DTSTART', TRANSACTION_LIST)));
  const dtEnd = latest(lists.map((l) => leaf(l, 'DTEND', TRANSACTION_LIST)));
  // The ledger balance of the latest statement (by its DTASOF, else its place in the file).
  const balanceAmount = closingLedger(statements.map((st) => aggregate(st.text, 'LEDGERBAL')));
  if (statements.length > 1) {
    extra.push(
      `The file holds ${statements.length} statements of the same account (${statements[0]!.label}); their transactions were read together, as one statement.`,
    );
  }

  const blocks = lists.flatMap(transactionBlocks);
  budget.checkRows(blocks.length, 'transactions');
  const read: StatementRow[] = [];
  const types: (string | undefined)[] = [];
  // A transaction listed by two statements of the account (their periods overlap) is one: the same FITID, date and amount.
  const seen = new Map<string, string>();
  const repeated: string[] = [];
  blocks.forEach(({ block, closed }, i) => {
    const fitid = leaf(block, 'FITID', `Transaction ${i + 1}`);
    // A transaction id is shown in messages only when it looks like one (short, plain characters).
    const where = `Transaction ${i + 1}${fitid && /^[A-Za-z0-9._:/-]{1,40}$/.test(fitid) ? ` (FITID ${fitid})` : ''}`;
    const posted = leaf(block, 'DTPOSTED', where);
    const amount = leaf(block, 'TRNAMT', where);
    if (posted === undefined || amount === undefined) {
      throw new ParseError(
        'parse_failed',
        `${where} has no ${posted === undefined ? 'DTPOSTED (date)' : 'TRNAMT (amount)'}${closed ? '' : ' and is not closed, so the file looks cut off'}. Download the statement again and send the whole file.`,
      );
    }
    const description = describe(cleanText(leaf(block, 'NAME', where)), cleanText(leaf(block, 'MEMO', where)));
    const row: StatementRow = {
      date: ofxDate(posted, where),
      signed: ofxAmount(amount, `${where}, TRNAMT`),
      description,
      ...(fitid ? { reference: fitid } : {}),
      where,
      // The transaction's number in the file, before the rows are put oldest first.
      source: { line: i + 1 },
    };
    if (statements.length > 1 && fitid !== undefined) {
      const key = `${row.date}|${row.signed.toFixed(2)}`;
      if (seen.get(fitid) === key) {
        repeated.push(where);
        return;
      }
      seen.set(fitid, key);
    }
    read.push(row);
    types.push(leaf(block, 'TRNTYPE', where));
    if ((i & 1023) === 1023) budget.checkTime();
  });
  if (repeated.length > 0) {
    const n = repeated.length;
    extra.push(
      `${n} transaction${n === 1 ? ' is' : 's are'} listed by two of the statements (the same FITID, date and amount) and ${n === 1 ? 'was' : 'were'} read once: ${repeated.slice(0, 5).join('; ')}${n > 5 ? `; and ${n - 5} more` : ''}.`,
    );
  }
  const byType = signsByType(read, types);
  extra.push(...byType.warnings);
  doubts += byType.doubts;

  const { rows, order } = inOrderOfEvents(read);
  if (order === 'newest_first' && rows.length > 1)
    extra.push('The file lists the newest transactions first; they are given here oldest first.');

  const sortCode = maskSortCode(bankId);
  const accountNumber = maskAccountNumber(accountId);
  const metadata: StatementMetadata = {
    ...(organisation ? { issuer: organisation } : {}),
    layout: `${qfx ? 'qfx' : 'ofx'}_${xml ? 'xml' : 'sgml'}`,
    ...(sortCode ? { sortCodeMasked: sortCode } : {}),
    ...(accountNumber ? { accountNumberMasked: accountNumber } : {}),
    ...(dtStart ? { periodStart: ofxDate(dtStart, 'DTSTART') } : {}),
    ...(dtEnd ? { periodEnd: ofxDate(dtEnd, 'DTEND') } : {}),
    ...(balanceAmount ? { closingBalance: formatMoney(ofxAmount(balanceAmount, 'LEDGERBAL, BALAMT')) } : {}),
  };
  return bankStatementResult({ request, format: 'ofx', rows, metadata, source: 'format', warnings: extra, doubtful: doubts });
}
