/**
 * Pages turned on their side: a page with /Rotate 90, 180 or 270 whose content was drawn upright (so it shows
 * sideways or upside down), a statement drawn turned a quarter on a page with no /Rotate (a landscape table set on a
 * portrait page), and a landscape statement whose /Rotate turns its turned content upright. Each was refused as
 * having no header row, without a word of its being turned. Each is read as the page's text runs, from the ground
 * truth here, exactly. Text at a slant (a scan not straightened) cannot be read and is refused, saying so.
 */
import { describe, expect, test } from 'vitest';
import { parsePdf } from '../../statements/pdf/index.ts';
import { ParseError } from '../../statements/types.ts';
import { DECEMBER, OPENING, TOP, balancesAfter, fiveColumns } from '../fixtures/pdf/ground-truth-statement.ts';
import { ddMonYYYY, grouped, newDoc, put } from '../fixtures/pdf/generate.ts';
import { failure } from './parse-failure.ts';

const COLUMNS = fiveColumns(['Date', 'Description', 'Paid out', 'Paid in', 'Balance']);
/** A4 in points. */
const W = 595.28;
const H = 841.89;

interface Turn {
  /** The page's /Rotate. */
  readonly rotate?: 90 | 180 | 270;
  /** The content's own matrix (pdfkit's top-left, y-down coordinates), before the statement is drawn. */
  readonly matrix?: readonly [number, number, number, number, number, number];
}

/** The December statement drawn on one A4 page, its content turned by `turn`. */
async function draw(turn: Turn): Promise<Uint8Array> {
  const { doc, done } = newDoc();
  doc.addPage();
  if (turn.rotate !== undefined) (doc.page.dictionary.data as Record<string, unknown>).Rotate = turn.rotate;
  if (turn.matrix) doc.transform(...turn.matrix);
  let y = 40;
  for (const t of [...TOP, `Opening balance ${grouped(OPENING)}`]) {
    put(doc, t, 40, y, 450, 'left');
    y += 13;
  }
  y += 13;
  for (const c of COLUMNS) put(doc, c.label, c.x, y, c.w, c.align, true);
  const after = balancesAfter(DECEMBER);
  DECEMBER.forEach((r, i) => {
    y += 13;
    const cells: Record<string, string> = {
      date: ddMonYYYY(r.date),
      desc: r.description,
      [r.direction]: grouped(r.amount),
      bal: grouped(after[i]!),
    };
    for (const c of COLUMNS) if (cells[c.key]) put(doc, cells[c.key]!, c.x, y, c.w, c.align);
  });
  put(doc, 'Synthetic document for software tests, not a real statement.', 40, y + 40, 400, 'left', false, 7);
  doc.end();
  return done;
}

const rowsOf = (r: Awaited<ReturnType<typeof parsePdf>>) =>
  r.transactions.map((t) => ({ date: t.date, description: t.description, amount: t.amount, direction: t.direction }));

/** Content turned a quarter clockwise as shown: (x, y) to (W − y, x). */
const QUARTER: Turn['matrix'] = [0, 1, -1, 0, W, 0];
/** Content turned a quarter anticlockwise as shown: (x, y) to (y, H − x). */
const BACK_QUARTER: Turn['matrix'] = [0, -1, 1, 0, 0, H];

describe('a page turned on its side', () => {
  test.each<[string, Turn]>([
    ['/Rotate 90, the content drawn upright (shown sideways)', { rotate: 90 }],
    ['/Rotate 270, the content drawn upright (shown sideways)', { rotate: 270 }],
    ['/Rotate 180, the content drawn upright (shown upside down)', { rotate: 180 }],
    ['no /Rotate, the statement drawn turned a quarter clockwise', { matrix: QUARTER }],
    ['no /Rotate, the statement drawn turned a quarter anticlockwise', { matrix: BACK_QUARTER }],
    ['/Rotate 90 turning content drawn a quarter anticlockwise upright (a landscape page)', { rotate: 90, matrix: BACK_QUARTER }],
  ])('%s: read exactly', async (_name, turn) => {
    const r = await parsePdf({ bytes: await draw(turn) });
    expect(rowsOf(r)).toEqual(DECEMBER);
    expect(r.checks.runningBalance).toBe('ok');
    expect(r.metadata.openingBalance).toBe(OPENING);
    expect(r.metadata.periodStart).toBe('2024-12-01');
  });

  test('text at a slant (30 degrees): refused, naming the page and saying it is slanted', async () => {
    const a = Math.PI / 6;
    const bytes = await draw({ matrix: [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a), 150, 0] });
    const error = await failure(parsePdf({ bytes }));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      "No transaction table was found in this PDF, and the text of page 1 is drawn at a slant (not level, nor turned a quarter or half turn), so its lines cannot be told apart: it looks like a scan that was not straightened. Send the statement as the bank's own PDF or a CSV export, or scan it again with the page straight.",
    );
  });
});
